"""Where `lindring convert --explain` points: the most relevant chapter section."""

from __future__ import annotations

import pytest

from lindring.handbook.book import section_for

from .conftest import HANDBOOK_DIR

DIR = str(HANDBOOK_DIR)


@pytest.mark.parametrize(
    ("args", "route", "expected"),
    [
        (("oxycodone", "morphine", "sc"), None, ("smertepumpe", "Slik regner du ut pumpedosen")),
        (
            ("morphine", "hydromorphone", "iv"),
            None,
            ("smertepumpe", "Slik regner du ut pumpedosen"),
        ),
        (("morphine", "fentanyl", "td"), None, ("plaster", "Fra tabletter til plaster")),
        (
            ("fentanyl", "morphine", "po"),
            "td",
            ("plaster", "Fra plaster til tabletter eller pumpe"),
        ),
        (
            ("morphine", "oxycodone", "po"),
            None,
            ("opioidkonvertering", "Reduksjon for ufullstendig krysstoleranse"),
        ),
    ],
)
def test_section_for(
    args: tuple[str, str, str], route: str | None, expected: tuple[str, str]
) -> None:
    assert section_for(*args, source_route=route, directory=DIR) == expected


def test_missing_handbook_gives_none(tmp_path: object) -> None:
    assert section_for("morphine", "oxycodone", "po", directory=str(tmp_path)) is None
