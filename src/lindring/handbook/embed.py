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

from collections.abc import Callable

from lindring.handbook import embed_drug as drug
from lindring.handbook.embed_blocks import block
from lindring.handbook.embed_parts import (
    BLOCK_KINDS,
    KINDS,
    Embed,
    EmbedProblem,
    close,
    drug_of,
    factor_of,
    factor_text,
    fields,
    listing,
    marker,
    num,
    shown_factor,
    span,
)
from lindring.handbook.markdown import escape
from lindring.i18n.handbook import EMBED as W
from lindring.model import Band, Tables

__all__ = ["BLOCK_KINDS", "KINDS", "Embed", "EmbedProblem", "expand"]


def expand(tables: Tables, inner: str) -> Embed:
    """The Markdown for one directive's text (what stands between ``{{`` and ``}}``)."""
    kind, colon, rest = inner.partition(":")
    kind = kind.strip().casefold()
    args = rest.split()
    if not colon or kind not in KINDS:
        raise EmbedProblem("embed.unknown_embed", close(kind, list(KINDS)), text=inner.strip())
    if not args:
        raise EmbedProblem("embed.needs_arguments", ("hint.embed_docs", ()), kind=kind)
    if kind in BLOCK_KINDS:
        return block(tables, kind, args)
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


def _factor(tables: Tables, args: list[str]) -> Embed:
    if len(args) < 2:
        raise EmbedProblem("embed.factor_args")
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
        raise EmbedProblem("embed.unknown_rule", close(name, list(rules)), name=args[0])
    values, sources = rules[name]
    field = fields(args, [k for k in values if k], 1)
    if field not in values:
        raise EmbedProblem("embed.rule_field", close("", [k for k in values if k]), name=name)
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
