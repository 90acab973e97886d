"""Embed directives: numbers the calculator knows, written into a chapter from the table.

A directive is ``{{ KIND: ARGUMENTS }}``. Inline kinds give a value followed by a source
marker; block kinds (``tabell``, ``eksempel``) must stand alone on their line and give
a Markdown table or list. The whole set is documented in ``docs/editing-handbook.md``:

===========  ==========================================  ===============================
kind         arguments                                   gives
===========  ==========================================  ===============================
faktor       DRUG ROUTE [punkt|lav|høy|spenn]            factor and range
nyre         DRUG                                        the table's renal caution
plasterråd   DRUG til|fra|obs                            crossover advice, cautions
regel        reduksjon|gjennombrudd|pumpe|plausibilitet  a rule, or one field of it
             [FIELD]
tak          DRUG                                        maximum dose per 24 h
styrker      DRUG                                        injection strengths (mg/ml)
plaster      DRUG [maks]                                 patch strengths, change interval
tabell       omregning|plaster|pumpe|ampuller            a whole table (block)
eksempel     a `lindring convert` request                the calculator's working (block)
===========  ==========================================  ===============================

A drug is its table key or any name the calculator accepts (``oksykodon``, ``OxyNorm``);
a route is its key or alias. Anything that does not exist is an :class:`EmbedProblem`.
Chapters are in bokmål, so values are written the Norwegian way (decimal comma).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from lindring.handbook.markdown import escape
from lindring.i18n.handbook import EMBED as W
from lindring.model import Band, Factor, Opioid, Tables
from lindring.names import find_drug, find_route
from lindring.numbers import format_number

BLOCK_KINDS = ("tabell", "eksempel")
KINDS = ("faktor", "regel", "tak", "styrker", "plaster", "nyre", "plasterråd", *BLOCK_KINDS)


class EmbedProblem(Exception):
    """What is wrong with one directive (English, like the table's problems)."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Embed:
    markdown: str
    sources: tuple[str, ...]


def num(value: Fraction) -> str:
    return format_number(value, "nb", places=4)


def span(low: Fraction, high: Fraction, unit: str = "") -> str:
    text = num(low) if low == high else f"{num(low)}–{num(high)}"
    return f"{text}{unit}"


def labels_of(strengths: tuple[tuple[str, Fraction], ...]) -> str:
    """Patch labels as sold (``12``, ``52,5``), written the Norwegian way."""
    return listing([label.replace(".", ",") for label, _ in strengths])


def listing(items: list[str]) -> str:
    """``a, b og c`` (bokmål)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {W['and']} {items[-1]}"


def marker(sources: tuple[str, ...]) -> str:
    """The compact source marker shown after an embedded value: ``[hdir-omeq +8]``."""
    if not sources:
        return ""
    more = f" +{len(sources) - 1}" if len(sources) > 1 else ""
    return f" \\[{sources[0]}{more}\\]"


def close(word: str, options: list[str]) -> str:
    found = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    return f"did you mean '{found[0]}'?" if found else "one of: " + ", ".join(options)


def expand(tables: Tables, inner: str) -> Embed:
    """The Markdown for one directive's text (what stands between ``{{`` and ``}}``)."""
    kind, colon, rest = inner.partition(":")
    kind = kind.strip().casefold()
    args = rest.split()
    if not colon or kind not in KINDS:
        raise EmbedProblem(f"unknown embed '{inner.strip()}'", close(kind, list(KINDS)))
    if not args:
        raise EmbedProblem(f"'{kind}' needs arguments", "see docs/editing-handbook.md")
    if kind in BLOCK_KINDS:
        from lindring.handbook.embed_blocks import block

        return block(tables, kind, args)
    from lindring.handbook import embed_drug as drug

    handlers: dict[str, Callable[[Tables, list[str]], Embed]] = {
        "faktor": _factor,
        "regel": _rule,
        "tak": drug.ceiling,
        "styrker": drug.strengths,
        "plaster": drug.patch,
        "nyre": drug.renal,
        "plasterråd": drug.patch_advice,
    }
    return handlers[kind](tables, args)


def drug_of(tables: Tables, name: str) -> Opioid:
    found = find_drug(tables, name)
    if isinstance(found, Opioid):
        return found
    raise EmbedProblem(f"unknown drug '{name}'", close(name, list(tables.opioids)))


def factor_of(tables: Tables, drug: Opioid, name: str) -> tuple[str, Factor]:
    route = find_route(tables, name)
    if route is None:
        raise EmbedProblem(f"unknown route '{name}'", close(name, list(tables.routes)))
    if route.key not in drug.routes:
        routes = ", ".join(drug.routes) or "none"
        raise EmbedProblem(f"{drug.key} has no route '{route.key}' in the table (routes: {routes})")
    return route.key, drug.routes[route.key]


def shown_factor(factor: Factor) -> tuple[Fraction, Fraction, Fraction]:
    """The table's own point and range (per microgram/h for patches)."""
    point = factor.shown_value if factor.shown_value is not None else factor.value
    if factor.shown is not None:
        return point, factor.shown.low, factor.shown.high
    return point, factor.low, factor.high


def factor_text(factor: Factor) -> str:
    point, low, high = shown_factor(factor)
    return num(point) if low == high else f"{num(point)} ({W['range']} {span(low, high)})"


def fields(args: list[str], allowed: list[str], at: int) -> str:
    if len(args) > at + 1:
        raise EmbedProblem(f"too many arguments: '{' '.join(args[at + 1 :])}'")
    if len(args) <= at:
        return ""
    field = args[at].casefold()
    if field not in allowed:
        raise EmbedProblem(f"unknown field '{args[at]}'", close(field, allowed))
    return field


def _factor(tables: Tables, args: list[str]) -> Embed:
    if len(args) < 2:
        raise EmbedProblem("faktor needs a drug and a route, e.g. {{ faktor: oxycodone po }}")
    drug = drug_of(tables, args[0])
    _, factor = factor_of(tables, drug, args[1])
    field = fields(args, ["punkt", "lav", "høy", "spenn"], 2)
    point, low, high = shown_factor(factor)
    values = {"punkt": num(point), "lav": num(low), "høy": num(high), "spenn": span(low, high)}
    text = values[field] if field else factor_text(factor)
    return Embed(text + marker(factor.sources), factor.sources)


def _pct(band: Band) -> str:
    return span(band.low, band.high, " %")


def _rule(tables: Tables, args: list[str]) -> Embed:
    name = args[0].casefold()
    red, bt, plaus = tables.reduction, tables.breakthrough, tables.plausibility
    rules: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
        "reduksjon": (
            {
                "": W["reduction"].format(
                    below=_pct(red.below),
                    default=num(red.below.default),
                    threshold=num(red.threshold_ome),
                    above=_pct(red.at_or_above),
                ),
                "terskel": f"{num(red.threshold_ome)} mg",
                "under": _pct(red.below),
                "standard": f"{num(red.below.default)} %",
                "over": _pct(red.at_or_above),
                "maks": f"{num(red.max_override)} %",
            },
            red.sources,
        ),
        "gjennombrudd": (
            {
                "": W["breakthrough"].format(fraction=bt.fraction, low=bt.low, high=bt.high),
                "brøk": str(bt.fraction),
                "spenn": f"{bt.low}–{bt.high}",
                **_rescue(tables),
            },
            bt.sources,
        ),
        "plausibilitet": (
            {
                "varsel": f"{num(plaus.warn_above)} mg",
                "avvis": f"{num(plaus.refuse_above)} mg",
                "under": f"{num(plaus.warn_below)} mg",
            },
            plaus.sources,
        ),
    }
    if tables.pump is not None:
        rules["pumpe"] = _pump_fields(tables)
    if name not in rules:
        raise EmbedProblem(f"unknown rule '{args[0]}'", close(name, list(rules)))
    values, sources = rules[name]
    field = fields(args, [k for k in values if k], 1)
    if field not in values:
        raise EmbedProblem(f"'regel: {name}' needs a field", close("", [k for k in values if k]))
    return Embed(values[field] + marker(sources), sources)


def _rescue(tables: Tables) -> dict[str, str]:
    """The rescue drug with a patch (``regel: gjennombrudd plaster``), when the table has it."""
    drug, route = tables.breakthrough.patch_rescue
    if drug not in tables.opioids or route not in tables.routes:
        return {}
    return {"plaster": f"{tables.opioids[drug].name.nb} {tables.routes[route].name.nb}"}


def _pump_fields(tables: Tables) -> tuple[dict[str, str], tuple[str, ...]]:
    assert tables.pump is not None
    r = tables.pump.rules
    others = [str(f) for f in r.bolus_fractions if f != r.bolus_fraction]
    bolus = f"{r.bolus_fraction} {W['of_daily']}"
    if others:
        bolus += f" ({W['or']} {listing(others)})"
    values = {
        "bolus": bolus,
        "sperretid": f"{r.lockout_minutes} {W['minutes']}",
        "volum": f"{num(r.volume_ml)} ml",
        "dager": f"{r.days} {W['days']}",
        "hastighetstrinn": f"{num(r.rate_step)} ml/{W['hour']}",
        "maks-hastighet": f"{num(r.max_rate)} ml/{W['hour']}",
        "trekketrinn": f"{num(r.draw_step)} ml",
        "bolustrinn": f"{num(r.bolus_step)} ml",
        "maks-ampuller": str(r.max_ampoules),
    }
    return values, r.sources


__all__ = ["Embed", "EmbedProblem", "escape", "expand"]
