"""How names are compared (shared by the table checks and name lookup)."""

from __future__ import annotations

import unicodedata


def normalize_name(name: str) -> str:
    """NFKC, case-folded, inner whitespace collapsed: ``" OxyNorm "`` -> ``"oxynorm"``."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
