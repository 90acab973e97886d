"""The clinical handbook: chapters with front matter, Markdown, sources, embeds that pull
numbers from the table, resolving, checking, searching and the HTML export.
"""
