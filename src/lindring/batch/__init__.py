"""Many conversions at once: reading files in their dialect and encoding, one outcome per
row (bad rows as values), check mode against the prescribed dose, writing in the input's
dialect, the summary, and parallel jobs.
"""
