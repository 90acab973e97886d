"""The shape of the editors' other files, declared once: guideline profiles
(``tables/profiles/*.yaml``) and the panel of doses ``lindring diff`` converts
(``tables/panel.yaml``). Read by :mod:`lindring.profiles`, :mod:`lindring.panel` and
:mod:`lindring.table_schema`, like :mod:`lindring.tablespec` for the table itself.
"""

from __future__ import annotations

from lindring.spec import Choice, Key, ListOf, MapOf, Ref, Section, Text, Texts
from lindring.tablespec import (
    FACTOR_KEYS,
    FACTOR_OPTIONAL,
    ID_PATTERN,
    LOCALIZED,
    ROUTE_KEYS,
    SOURCES,
)

PROFILE_META = Section(
    "the guideline this profile follows",
    (
        Key("id", Text(ID_PATTERN), "the name used with --profile: the file name without .yaml"),
        Key("name", Ref("localized"), "the guideline as it is named in output"),
        SOURCES,
        Key(
            "not_covered_text",
            Ref("localized"),
            "shown when this guideline gives no factor for a drug and route",
        ),
        Key("note", Ref("localized"), "what a user must know about these numbers"),
    ),
)
PROFILE_FACTOR = Section(
    "a factor as this guideline gives it (point value; range only where it gives one)",
    (*FACTOR_KEYS, *FACTOR_OPTIONAL),
)
PROFILE = Section(
    "lindring guideline profile (tables/profiles/*.yaml): factors of one published "
    "guideline that replace the Norwegian table's",
    (
        Key("profile", Ref("profile_meta"), "which guideline, and its sources"),
        Key(
            "factors",
            MapOf(MapOf(Ref("profile_factor"), Choice(ROUTE_KEYS), min_items=1)),
            "drug key -> route -> factor, where the guideline gives a value",
        ),
        Key(
            "not_covered",
            MapOf(ListOf(Choice(ROUTE_KEYS))),
            "drug key -> routes this guideline gives no value for (unavailable in it)",
        ),
    ),
)
PROFILE_SECTIONS: dict[str, Section] = {
    "profile": PROFILE,
    "profile_meta": PROFILE_META,
    "profile_factor": PROFILE_FACTOR,
    "localized": LOCALIZED,
}

PANEL_META = Section(
    "what the panel is",
    (
        Key("title", Text(), "the panel's name"),
        SOURCES,
        Key("note", Text(), "an editorial test panel, not dosing advice"),
    ),
)
PANEL = Section(
    "lindring diff panel (tables/panel.yaml): typical daily doses converted to every drug "
    "and route when two versions of the table are compared",
    (
        Key("panel", Ref("panel_meta"), "what the panel is and who chose it"),
        Key(
            "doses",
            MapOf(MapOf(Texts(), Choice(ROUTE_KEYS), min_items=1)),
            'drug key -> route -> doses as typed to convert ("60 mg/24h", "25 mcg/h")',
        ),
    ),
)
PANEL_SECTIONS: dict[str, Section] = {"panel": PANEL, "panel_meta": PANEL_META}
