"""The shape of the editors' other files, declared once: guideline profiles
(``tables/profiles/*.yaml``, whole tables in the format of :mod:`lindring.table.spec`)
and the panel of doses ``lindring diff`` converts (``tables/panel.yaml``). Read by
:mod:`lindring.table.profiles`, :mod:`lindring.checks.panel` and
:mod:`lindring.table.jsonschema`, like
:mod:`lindring.table.spec` for the table itself.
"""

from __future__ import annotations

from dataclasses import replace

from lindring.table.spec import (
    ID_PATTERN,
    LOCALIZED,
    ROUTE_KEYS,
    SOURCES,
    TABLE,
    TABLE_SECTIONS,
)
from lindring.table.vocabulary import Choice, Key, ListOf, MapOf, Ref, Section, Text, Texts, opt

BASES = ("norwegian",)  # a base a profile may inherit from: the Norwegian table

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


def partial(section: Section) -> Section:
    """``section`` with every key optional: what a profile with a base may write."""
    return Section(section.doc, tuple(replace(k, required=False) for k in section.keys))


PROFILE = Section(
    "lindring guideline profile (tables/profiles/*.yaml): a whole conversion table in the "
    "format of tables/opioids.yaml, or, with `base`, what differs from that table",
    (
        Key("profile", Ref("profile_meta"), "which guideline, and its sources"),
        opt(
            "base",
            Choice(BASES),
            "inherit every part this file does not give from the Norwegian table; each "
            "drug and route of the base must then be given a factor here or be not_covered",
        ),
        opt(
            "not_covered",
            MapOf(ListOf(Choice(ROUTE_KEYS))),
            "drug key -> routes this guideline gives no value for (refused under it)",
        ),
        *(replace(k, required=False) for k in TABLE.keys),
    ),
)
PROFILE_SECTIONS: dict[str, Section] = {
    "profile": PROFILE,
    "profile_meta": PROFILE_META,
    **{name: partial(s) for name, s in TABLE_SECTIONS.items() if s is not TABLE},
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
