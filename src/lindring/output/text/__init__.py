"""The text renderers: one module per command's output; the only place that imports rich."""
