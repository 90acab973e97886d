"""The conversion table as data: reading YAML strictly, the declared shape of the table and
of guideline profiles, the checker that turns raw data into the validated model with
every problem at file:line, loading with its cache, profiles, the flat view used by
diff, and the JSON Schemas for editors. Depends on the kernel and i18n only.
"""
