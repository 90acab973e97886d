"""The one stdout console (rich is imported here, when a command first prints)."""

from __future__ import annotations

from rich.console import Console


def console() -> Console:
    """A console for results: no markup or highlighting of data, safe on any terminal."""
    return Console(highlight=False, markup=False, emoji=False, soft_wrap=False)
