"""The exported handbook's offline search: a prebuilt index and the script that reads it.

``search-index.js`` sets ``window.LINDRING_INDEX``; it is loaded with a ``<script>``
tag, so the search works from ``file://`` on a phone with no network (a ``fetch`` of a
JSON file would be refused there). The index holds what :func:`search.search` scores
with, built by the same code: every section's heading stems, the chapter's title and
tag stems, and the stem counts of its text, plus the rules (the word pattern, the
suffixes the stemmer strips, the query bounds) and the drug names and brands that
widen a query, so ``search.js`` and ``lindring handbook search`` give the same
chapters (a test runs both on a list of queries).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lindring.handbook.book import Handbook
from lindring.handbook.markdown import plain
from lindring.handbook.search import (
    MAX_QUERY,
    MAX_WORD,
    MAX_WORDS,
    MIN_STEM,
    SNIPPET,
    SUFFIXES,
    WORD,
    drug_names,
    sections,
)
from lindring.i18n.handbook import SEARCH_LABELS
from lindring.model import Tables

INDEX_JS = "search-index.js"
SEARCH_JS = "search.js"
#: bumped when the index's shape changes (search.js checks it)
INDEX_VERSION = 1


def index_data(book: Handbook, tables: Tables, lang: str = "nb") -> dict[str, Any]:
    """The search index as plain data (JSON-ready); labels in ``lang``."""
    chapters: list[dict[str, Any]] = []
    where: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    for part in sections(book, tables):
        if part.chapter not in where:
            where[part.chapter] = len(chapters)
            chapters.append({"id": part.chapter, "title": part.title, "about": sorted(part.about)})
        rows.append(
            {
                "c": where[part.chapter],
                "h": part.heading,
                "a": part.anchor,
                "head": sorted(part.head),
                "body": dict(sorted(part.body.items())),
                "text": plain(part.text),
            }
        )
    return {
        "version": INDEX_VERSION,
        "rules": {
            "word": WORD.pattern,
            "suffixes": list(SUFFIXES),
            "min_stem": MIN_STEM,
            "snippet": SNIPPET,
            "max_query": MAX_QUERY,
            "max_words": MAX_WORDS,
            "max_word": MAX_WORD,
        },
        "names": dict(sorted(drug_names(tables).items())),
        "labels": {key: text[lang] for key, text in SEARCH_LABELS.items()},
        "chapters": chapters,
        "sections": rows,
    }


def index_js(data: dict[str, Any]) -> str:
    """``search-index.js``: the index as a script that sets ``window.LINDRING_INDEX``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # inside a <script> file "</" is harmless, but keep the text safe to inline too
    text = text.replace("</", "<\\/")
    return f"window.LINDRING_INDEX = {text};\n"


def search_js() -> str:
    """``search.js``: the search box's script (the scoring of :func:`search.rank`), told
    which index version it reads (:data:`INDEX_VERSION`, so the two cannot drift)."""
    script = Path(__file__).with_name(SEARCH_JS).read_text(encoding="utf-8")
    return script.replace("__INDEX_VERSION__", str(INDEX_VERSION))
