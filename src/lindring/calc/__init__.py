"""The calculation: a request and its dose grammar, the conversion step by step (reduction,
route ratios, regimens made of products sold, breakthrough doses, alerts), patches, the
pain pump and the comparison across guidelines. Pure: data in, result out. Depends on
table, i18n and the kernel.
"""
