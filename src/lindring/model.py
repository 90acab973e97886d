"""The shared data types: the loaded conversion table and the values that move between
modules. All frozen; numbers are exact :class:`Fraction` values."""

from __future__ import annotations

from dataclasses import field
from fractions import Fraction

from lindring.records import record

LANGS = ("nb", "en")


@record
class Localized:
    """A text in Norwegian bokmål and English."""

    nb: str
    en: str

    def get(self, lang: str) -> str:
        return self.nb if lang == "nb" else self.en


@record
class Amount:
    """A dose: ``value`` in ``unit`` (``mg`` or ``microgram``), per 24 h when ``per_24h``."""

    value: Fraction
    unit: str
    per_24h: bool = False


@record
class Span:
    """A factor's range, shown as ``1.5-2`` (or ``3`` when both ends are equal)."""

    low: Fraction
    high: Fraction


@record
class Source:
    id: str
    title: str
    publisher: str
    year: int
    section: str
    url: str = ""
    note: str = ""

    def cite(self) -> str:
        return f"{self.publisher}: {self.title} ({self.year}), {self.section}"


@record
class Caution:
    text: Localized
    sources: tuple[str, ...]
    #: the same advice in brief, for the answer on one screen (``--full``: ``text``)
    short: Localized | None = None

    @property
    def brief(self) -> Localized:
        return self.short or self.text


@record
class RenalBand:
    """Advice for an eGFR below ``below`` ml/min/1.73 m²: ``avoid``, ``reduce`` (the start
    lowered by ``percent`` when the source gives one) or ``prefer``."""

    below: Fraction
    advice: str
    text: Localized
    sources: tuple[str, ...]
    percent: Fraction | None = None


@record
class Renal(Caution):
    """A drug's renal caution, and its advice by eGFR band (narrowest band first)."""

    bands: tuple[RenalBand, ...] = ()

    def band(self, egfr: Fraction) -> RenalBand | None:
        """The band ``egfr`` falls in (the one with the lowest limit above it), if any."""
        return next((b for b in self.bands if egfr < b.below), None)


@record
class FrailRule:
    """The start for a frail or elderly patient: reduced by ``percent`` in all."""

    percent: Fraction
    text: Localized
    sources: tuple[str, ...]


@record
class PatchProduct:
    """A family of patches that may be combined: strengths as label -> microgram/h."""

    product: str
    change_every_hours: int
    strengths: tuple[tuple[str, Fraction], ...]
    sources: tuple[str, ...]


@record
class Patch:
    """What a transdermal row adds: products, the sensible maximum and crossover texts."""

    products: tuple[PatchProduct, ...]
    max_rate: Fraction
    max_rate_sources: tuple[str, ...]
    max_patches: int  # worn at once (combinations such as 75 + 12)
    to_patch: Caution
    from_patch: Caution
    cautions: Caution
    max_patches_sources: tuple[str, ...] = ()


@record
class Product:
    """A product sold in Norway for one drug and route, as a regimen can use it.

    Solid units (tablets, capsules, suppositories) have ``strengths`` in the drug's unit
    and may be combined up to the table's ``max_units_per_dose`` (or the product's own
    ``max_units``); liquids (oral solution, injection, infusion) have a ``concentration``
    per ml and the smallest ``volume_step`` that can be measured, up to ``max_volume_ml``
    per dose. An infusion's dose is its 24-hour amount (``every_hours`` is ``(24,)``).
    ``every_hours`` are the dosing intervals the product text gives, the usual first.
    """

    name: str
    form: str  # tablet, capsule, suppository, sublingual, solution, injection or infusion
    release: str  # immediate or modified
    every_hours: tuple[int, ...]
    sources: tuple[str, ...]
    strengths: tuple[Fraction, ...] = ()
    concentration: Fraction | None = None
    volume_step: Fraction | None = None
    max_volume_ml: Fraction | None = None
    max_units: int | None = None  # most solid units in one dose, if below the rule's
    exemption: bool = False  # only had on exemption (godkjenningsfritak)
    breakthrough_only: bool = False

    @property
    def liquid(self) -> bool:
        return self.concentration is not None

    @property
    def dose_step(self) -> Fraction:
        """The smallest amount one dose can hold (one unit, or one measured volume step)."""
        if self.concentration is not None and self.volume_step is not None:
            return self.concentration * self.volume_step
        return self.strengths[0]


@record
class Lookup:
    """A published table that maps a patch rate to oral morphine, used instead of the
    linear factor for a conversion from or to that route: ``points`` are (rate in
    microgram/h, mg oral morphine per 24 h), rising. ``interpolation`` is ``linear``
    (straight lines between the points, nothing outside them) or ``none`` (a band
    table: a rate must be one of the points; oral morphine from one point's value up to
    the next point's gives that point's rate, the last band ending at ``up_to``)."""

    points: tuple[tuple[Fraction, Fraction], ...]
    interpolation: str
    sources: tuple[str, ...]
    note: str = ""
    up_to: Fraction | None = None  # a band table: the end of its last band


@record
class Factor:
    """mg oral morphine equivalent per mg of a drug by one route.

    For a rate route (patches) the table gives mg oral morphine per 24 h for each
    microgram/h; ``value``, ``low`` and ``high`` here are always per mg, converted once
    when the table is loaded, and ``shown`` keeps the table's own number. A dose route
    lists the ``products`` sold; a rate route its ``patch`` products.
    """

    value: Fraction
    low: Fraction
    high: Fraction
    sources: tuple[str, ...]
    products: tuple[Product, ...] = ()
    note: str = ""
    shown: Span | None = None
    shown_value: Fraction | None = None
    target_reduction: bool = True
    patch: Patch | None = None
    available: str = "both"  # "both", "source only" or "target only"
    available_text: Caution | None = None  # why, when not both
    lookup: Lookup | None = None  # a published table used instead of the linear factor

    @property
    def has_range(self) -> bool:
        return self.low != self.high


@record
class RouteRatio:
    """How two routes of one drug compare: 1 mg by ``routes[1]`` acts like ``ratio`` mg by
    ``routes[0]`` (bioavailability). For a patch the amount is what it delivers in 24 h."""

    routes: tuple[str, str]
    ratio: Fraction
    low: Fraction
    high: Fraction
    sources: tuple[str, ...]
    note: str = ""


@record
class Route:
    key: str
    name: Localized
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    kind: str = "dose"  # "dose" (mg) or "rate" (microgram/h, patches)


@record
class Ceiling:
    value: Fraction  # mg per 24 h
    sources: tuple[str, ...]


@record(eq=False)
class Opioid:
    key: str
    name: Localized
    atc: str
    aliases: tuple[str, ...]
    unit: str  # "mg" or "microgram": how doses of this drug are shown
    status: str  # "normal", "avoid" or "nonlinear"
    status_text: Localized | None
    ceiling: Ceiling | None
    renal: Renal | None
    sources: tuple[str, ...]
    routes: dict[str, Factor] = field(hash=False)
    refused_routes: dict[str, Caution] = field(default_factory=dict, hash=False)
    route_ratios: tuple[RouteRatio, ...] = ()

    def display_name(self, lang: str) -> str:
        return self.name.get(lang)


@record
class Band:
    default: Fraction
    low: Fraction
    high: Fraction


@record
class ReductionRule:
    threshold_ome: Fraction
    below: Band
    at_or_above: Band
    max_override: Fraction
    route_change_advice: Localized
    sources: tuple[str, ...]


@record
class BreakthroughRule:
    fraction: Fraction
    low: Fraction
    high: Fraction
    sources: tuple[str, ...]
    patch_rescue: tuple[str, str] = ("", "")  # drug and route for rescue doses with a patch


@record
class PlausibilityRule:
    warn_above: Fraction
    refuse_above: Fraction
    warn_below: Fraction
    sources: tuple[str, ...]
    potency_gap: Fraction = Fraction(5)  # look-alike warning at this potency ratio


@record
class RegimenRule:
    """What a practical regimen may use: the most solid units in one dose."""

    max_units_per_dose: int
    sources: tuple[str, ...]


@record
class RefusedGroup:
    id: str
    names: tuple[str, ...]
    text: Localized
    sources: tuple[str, ...]


@record
class Stock:
    """An injection strength used to fill a pump: mg per ml, ml per ampoule."""

    mg_per_ml: Fraction
    ml: Fraction


@record
class Ampoules:
    strengths: tuple[Stock, ...]
    sources: tuple[str, ...]


@record
class Adjuvant:
    """A non-opioid drug for the last days of life that may share the pump."""

    key: str
    name: Localized
    aliases: tuple[str, ...]
    ampoules: Ampoules


@record
class PumpRules:
    """Defaults for a typical ambulatory pump (docs/pump.md)."""

    volume_ml: Fraction
    days: int
    rate_step: Fraction
    draw_step: Fraction
    bolus_step: Fraction
    bolus_fraction: Fraction
    bolus_fractions: tuple[Fraction, ...]
    lockout_minutes: int
    max_rate: Fraction
    max_ampoules: int
    sources: tuple[str, ...]
    min_delivered: Fraction = Fraction(9, 10)  # warn when rounding leaves less of the dose


@record(eq=False)
class Pump:
    rules: PumpRules
    ampoules: dict[str, Ampoules]  # opioid key -> strengths
    adjuvants: dict[str, Adjuvant]


@record
class Change:
    """One entry of the table's changelog (``table.changelog``), newest first."""

    version: str
    date: str
    changes: str


@record(eq=False)
class Tables:
    """The whole validated conversion table."""

    path: str
    version: str
    date: str
    status: str
    sources: dict[str, Source]
    reduction: ReductionRule
    breakthrough: BreakthroughRule
    plausibility: PlausibilityRule
    regimen: RegimenRule
    routes: dict[str, Route]
    opioids: dict[str, Opioid]
    refused: dict[str, RefusedGroup]
    pump: Pump | None = None
    changelog: tuple[Change, ...] = ()
    profile: str = ""  # a guideline profile applied on top (lindring.table.profiles), or ""
    frail: FrailRule | None = None
    #: (drug, route) a guideline profile does not cover: refused as ``not_in_profile``
    uncovered: frozenset[tuple[str, str]] = frozenset()

    def cite(self, ids: tuple[str, ...]) -> str:
        return "; ".join(self.sources[i].cite() for i in ids)
