"""Results as plain data (JSON) and as text for a terminal; the text renderers are the only
modules that import rich.
"""
