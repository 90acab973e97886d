"""The pocket card as a PDF: lays out :func:`lindring.card.content.texts` with typst (the only
module importing it; it comes with the ``card`` extra: ``pip install 'lindring[card]'``).

typst brings its own fonts and system fonts are ignored, so the same card comes out on
every machine; the PDF carries no date, so the same table gives the same file.
"""

from __future__ import annotations

import json
from importlib import resources

from lindring.card.content import Card, texts
from lindring.errors import MissingPartError

TEMPLATE = "card.typ"


def available() -> bool:
    """Whether the PDF library is installed."""
    try:
        import typst  # noqa: F401
    except ImportError:
        return False
    return True


def pdf(card: Card) -> bytes:
    """The card's two pages as PDF bytes."""
    try:
        import typst
    except ImportError:
        raise MissingPartError("card.missing_library") from None
    template = resources.files("lindring").joinpath(TEMPLATE).read_bytes()
    data = json.dumps(texts(card), ensure_ascii=False)
    result = typst.compile(template, sys_inputs={"card": data}, ignore_system_fonts=True)
    assert isinstance(result, bytes)
    return result
