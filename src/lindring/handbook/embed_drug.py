"""Inline embeds about one drug: its ceiling, injection strengths, patches, renal
caution and patch advice (see :mod:`lindring.handbook.embed` for the directive set)."""

from __future__ import annotations

from lindring.handbook.embed_parts import (
    Embed,
    EmbedProblem,
    close,
    drug_of,
    factor_of,
    fields,
    labels_of,
    listing,
    marker,
    num,
)
from lindring.handbook.markdown import escape
from lindring.i18n.handbook import EMBED as W
from lindring.model import Adjuvant, Ampoules, Tables


def ceiling(tables: Tables, args: list[str]) -> Embed:
    drug = drug_of(tables, args[0])
    fields(args, [], 1)
    if drug.ceiling is None:
        raise EmbedProblem("embed.no_ceiling", drug=drug.key)
    text = f"{num(drug.ceiling.value)} mg/{W['day']}"
    return Embed(text + marker(drug.ceiling.sources), drug.ceiling.sources)


def ampoules_of(tables: Tables, name: str) -> tuple[str, Ampoules]:
    """Injection strengths of an opioid or of a drug for the last days of life."""
    pump = tables.pump
    if pump is None:
        raise EmbedProblem("embed.no_pump")
    wanted = name.casefold()
    for adjuvant in pump.adjuvants.values():
        if wanted in _names(adjuvant):
            return adjuvant.name.nb, adjuvant.ampoules
    drug = drug_of(tables, name)
    if drug.key not in pump.ampoules:
        raise EmbedProblem(
            "embed.no_ampoules",
            close(drug.key, [*pump.ampoules, *pump.adjuvants]),
            drug=drug.key,
        )
    return drug.name.nb, pump.ampoules[drug.key]


def _names(adjuvant: Adjuvant) -> set[str]:
    return {n.casefold() for n in (adjuvant.key, adjuvant.name.nb, adjuvant.name.en)} | {
        a.casefold() for a in adjuvant.aliases
    }


def strengths_text(ampoules: Ampoules) -> str:
    return listing([num(s.mg_per_ml) for s in ampoules.strengths]) + " mg/ml"


def strengths(tables: Tables, args: list[str]) -> Embed:
    fields(args, [], 1)
    _, ampoules = ampoules_of(tables, args[0])
    return Embed(strengths_text(ampoules) + marker(ampoules.sources), ampoules.sources)


def patch(tables: Tables, args: list[str]) -> Embed:
    drug = drug_of(tables, args[0])
    _, factor = factor_of(tables, drug, "td")
    patch = factor.patch
    assert patch is not None  # every rate route has its patches (tablecheck)
    field = fields(args, ["maks"], 1)
    if field == "maks":
        text = f"{num(patch.max_rate)} {W['per_hour']}"
        return Embed(text + marker(patch.max_rate_sources), patch.max_rate_sources)
    parts: list[str] = []
    sources: list[str] = []
    for product in patch.products:
        labels = labels_of(product.strengths)
        parts.append(W["patch"].format(labels=labels, hours=product.change_every_hours))
        sources.extend(product.sources)
    unique = tuple(dict.fromkeys(sources))
    return Embed("; ".join(parts) + marker(unique), unique)


def renal(tables: Tables, args: list[str]) -> Embed:
    drug = drug_of(tables, args[0])
    fields(args, [], 1)
    if drug.renal is None:
        raise EmbedProblem("embed.no_renal", drug=drug.key)
    return Embed(escape(drug.renal.text.nb) + marker(drug.renal.sources), drug.renal.sources)


def patch_advice(tables: Tables, args: list[str]) -> Embed:
    if len(args) < 2:
        raise EmbedProblem("embed.patch_advice_args")
    drug = drug_of(tables, args[0])
    _, factor = factor_of(tables, drug, "td")
    assert factor.patch is not None
    field = fields(args, ["til", "fra", "obs"], 1)
    patch = factor.patch
    advice = {"til": patch.to_patch, "fra": patch.from_patch, "obs": patch.cautions}[field]
    return Embed(escape(advice.text.nb) + marker(advice.sources), advice.sources)
