"""The columns of a batch file: their names in English and Norwegian, and the result
columns lindring adds (``docs/batch.md`` lists them all).

A header name is compared after NFKC, case folding and turning spaces and hyphens into
``_``, so ``Til vei``, ``til-vei`` and ``TIL_VEI`` are one name. Each field may be named
in either language; naming one field twice is an error, and so is a missing required
field. Other columns are kept as they are and copied to the output.
"""

from __future__ import annotations

import re
import unicodedata

from lindring.errors import InputError
from lindring.records import record

#: field -> (English names, Norwegian names); the first of each is the documented one
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "id": (("id", "patient", "patient_id"), ("nr", "pasient", "pasient_id")),
    "drug": (("drug", "from", "from_drug", "source"), ("legemiddel", "fra", "fra_legemiddel")),
    "dose": (("dose",), ("dosering",)),
    "frequency": (("frequency", "freq"), ("hyppighet", "frekvens")),
    "route": (("route", "from_route"), ("vei", "fra_vei", "administrasjonsvei")),
    "target": (("target", "to", "target_drug", "to_drug"), ("til", "til_legemiddel")),
    "target_route": (("target_route", "to_route"), ("tilvei", "til_vei", "ny_vei")),
    "prescribed": (("prescribed", "prescribed_24h"), ("forskrevet", "forskrevet_døgn", "ordinert")),
    "interval": (("interval",), ("intervall",)),
    "reduce": (("reduce", "reduction"), ("reduksjon",)),
    "egfr": (("egfr", "gfr"), ("nyrefunksjon",)),
    "frail": (("frail", "elderly"), ("skrøpelig", "skrøpelig_eldre", "eldre")),
}
REQUIRED = ("drug", "dose", "route")
#: a row without both computes the oral morphine equivalent only (audit, register)
TARGET = ("target", "target_route")

#: result columns added after the input columns: (key, English name, Norwegian name)
RESULT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("line", "line", "linje"),
    ("status", "status", "status"),
    ("verdict", "verdict", "vurdering"),
    ("deviation", "deviation_percent", "avvik_prosent"),
    ("of_eq", "percent_of_equianalgesic", "prosent_av_ekvianalgetisk"),
    ("check_low", "check_low", "kontroll_lav"),
    ("check_high", "check_high", "kontroll_høy"),
    ("message", "message", "melding"),
    ("ome", "ome_mg_24h", "ome_mg_døgn"),
    ("equianalgesic", "equianalgesic", "ekvianalgetisk"),
    ("low", "range_low", "spenn_lav"),
    ("high", "range_high", "spenn_høy"),
    ("unit", "unit", "enhet"),
    ("reduction", "reduction_percent", "reduksjon_prosent"),
    ("suggested", "suggested", "forslag"),
    ("product", "product", "preparat"),
    ("interval", "interval_hours", "intervall_timer"),
    ("dose", "dose_each", "dose_per_gang"),
    ("dose_unit", "dose_unit", "doseenhet"),
    ("patches", "patches", "plaster"),
    ("breakthrough", "breakthrough_dose", "behovsdose"),
    ("breakthrough_unit", "breakthrough_unit", "behovsdose_enhet"),
    ("breakthrough_for", "breakthrough_for", "behovsdose_for"),
    ("warnings", "warnings", "advarsler"),
    ("warning_codes", "warning_codes", "advarselkoder"),
)

_SEPARATORS = re.compile(r"[\s\-]+")
_NAMES = {
    name: (field, lang)
    for field, (en, nb) in FIELDS.items()
    for lang, names in (("en", en), ("nb", nb))
    for name in names
}


def normalize_header(name: str) -> str:
    """``" Til vei "`` -> ``"til_vei"`` (NFKC, case-folded, spaces and hyphens as ``_``)."""
    text = unicodedata.normalize("NFKC", name).replace("\ufeff", "").strip().casefold()
    return _SEPARATORS.sub("_", text)


def field_of(name: str) -> str | None:
    """The field a header name stands for, or ``None`` for a column lindring keeps as is."""
    found = _NAMES.get(normalize_header(name))
    return found[0] if found else None


@record
class Columns:
    """A file's header and where each field is; ``lang`` is the language of its names."""

    header: tuple[str, ...]
    index: dict[str, int]
    lang: str

    def name(self, field: str) -> str:
        """The field's name as the file writes it (or its documented name)."""
        if field in self.index:
            return self.header[self.index[field]]
        en, nb = FIELDS[field]
        return nb[0] if self.lang == "nb" else en[0]

    def result_names(self) -> list[str]:
        return [nb if self.lang == "nb" else en for _, en, nb in RESULT_COLUMNS]


def map_columns(header: list[str] | tuple[str, ...]) -> Columns:
    """Find the fields in ``header``; :class:`InputError` names a missing or doubled one."""
    index: dict[str, int] = {}
    lang = "en"
    for position, name in enumerate(header):
        found = _NAMES.get(normalize_header(name))
        if found is None:
            continue
        field, name_lang = found
        if field in index:
            raise InputError("batch.column_twice", first=header[index[field]], second=name)
        index[field] = position
        if field == "drug":
            lang = name_lang
    missing = [f for f in REQUIRED if f not in index]
    if any(f in index for f in TARGET):  # a target needs its route, and a route its drug
        missing += [f for f in TARGET if f not in index]
    if missing:
        names = ", ".join(_both(f) for f in missing)
        raise InputError("batch.columns_missing", missing=names, found=", ".join(header))
    return Columns(tuple(header), index, lang)


def _both(field: str) -> str:
    en, nb = FIELDS[field]
    return f"{en[0]}/{nb[0]}"
