"""``lindring compare`` for people: one row per guideline profile, then the spread.
Nothing here prints."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table

from lindring.calc.compare import Comparison, ProfileResult, Spread
from lindring.i18n import show, show_amount
from lindring.model import Amount, Factor
from lindring.numbers import format_number
from lindring.output.text.glue import Glued

LABELS = {
    "title": {
        "nb": "Samme omregning etter hver retningslinje",
        "en": "The same conversion under every guideline",
    },
    "profile": {"nb": "Profil", "en": "Profile"},
    "factors": {"nb": "Faktorer", "en": "Factors"},
    "equianalgesic": {"nb": "Ekvianalgetisk (spenn)", "en": "Equianalgesic (range)"},
    "suggested": {"nb": "Start (reduksjon)", "en": "Start (reduction)"},
    "more": {
        "nb": "--full: kildene i hver rad og hver profils merknad.",
        "en": "--full: the sources of each row and every profile's note.",
    },
    "sources": {"nb": "Kilder", "en": "Sources"},
    "not_covered": {"nb": "dekkes ikke", "en": "not covered"},
    "refused": {"nb": "avvist", "en": "refused"},
    "spread": {
        "nb": "Spredning i {what}: lavest {low} ({low_profile}), høyest {high} "
        "({high_profile}), høyest/lavest {ratio}",
        "en": "Spread of the {what}: lowest {low} ({low_profile}), highest {high} "
        "({high_profile}), highest/lowest {ratio}",
    },
    "no_spread": {"nb": "Ingen profil ga et resultat.", "en": "No profile gave a result."},
    "what_eq": {"nb": "ekvianalgetisk døgndose", "en": "equianalgesic daily dose"},
    "what_suggested": {"nb": "foreslått start", "en": "suggested start"},
    "agree": {
        "nb": "Retningslinjene er innenfor 25 % av hverandre.",
        "en": "The guidelines agree within 25 %.",
    },
    "agree_some": {
        "nb": "Retningslinjene som gir et tall, er innenfor 25 % av hverandre; "
        "{none} gir ikke noe (se under).",
        "en": "The guidelines that give a figure agree within 25 %; {none} give none (see below).",
    },
    "disagree_part": {
        "nb": "{what} fra {low} ({low_profile}) til {high} ({high_profile})",
        "en": "{what} from {low} ({low_profile}) to {high} ({high_profile})",
    },
    "footer": {
        "nb": "Standardprofilen er den norske tabellen. "
        "Veiledende beregning: kontroller utregningen (lindring convert --profile NAVN) "
        "og vurder pasienten.",
        "en": "The default profile is the Norwegian table. "
        "A guide, not an order: check the working (lindring convert --profile NAME) "
        "and assess the patient.",
    },
}


def label(key: str, lang: str, **params: str) -> str:
    return LABELS[key][lang].format(**params)


def _factor(factor: Factor, lang: str) -> str:
    value = factor.shown_value if factor.shown_value is not None else factor.value
    return format_number(value, lang, 4)


def _span(low: Amount, high: Amount, lang: str) -> str:
    ends = (format_number(low.value, lang), format_number(high.value, lang))
    return ends[0] if ends[0] == ends[1] else f"{ends[0]}–{ends[1]}"


def _row(result: ProfileResult, lang: str) -> list[str]:
    conv = result.conversion
    if conv is None:
        return [result.profile, "–", label("not_covered", lang), "", ""]
    if conv.refusal is not None:
        return [result.profile, "–", label("refused", lang), "", ""]
    assert conv.equianalgesic and conv.low and conv.high and conv.suggested
    target = conv.request.target.routes[conv.request.target_route]
    factors = " + ".join(_factor(p.factor, lang) for p in conv.parts)
    cited = [s for f in (*(p.factor for p in conv.parts), target) for s in f.sources[:1]]
    suggested = show_amount(conv.suggested, lang)
    if conv.patch:
        suggested += f" ({' + '.join(conv.patch.labels)})"
    if conv.reduction is not None:
        suggested += f" (−{format_number(conv.reduction.percent, lang)} %)"
        cited.extend(result.reduction_sources[:1])  # the reduction rule followed
    equianalgesic = show_amount(conv.equianalgesic, lang)
    return [
        result.profile,
        f"{factors} → {_factor(target, lang)}",
        f"{equianalgesic} ({_span(conv.low, conv.high, lang)})",
        suggested,
        ", ".join(dict.fromkeys(cited)),
    ]


def _why(result: ProfileResult, lang: str) -> str:
    """Why a profile gave no number, or its note."""
    conv = result.conversion
    if conv is None and result.refused is not None:
        return f"{label('not_covered', lang)}: {result.refused.message(lang)}"
    if conv is not None and conv.refusal is not None:
        return f"{label('refused', lang)}: {conv.refusal.text(lang)}"
    return result.note.get(lang) if result.note else ""


def _spread(spread: Spread | None, what: str, lang: str) -> Glued:
    if spread is None:
        return Glued(label("no_spread", lang))
    ratio = "–" if spread.ratio is None else show(spread.ratio, lang)
    return Glued(
        label(
            "spread",
            lang,
            what=label(what, lang),
            low=show_amount(spread.low, lang),
            low_profile=spread.low_profile,
            high=show_amount(spread.high, lang),
            high_profile=spread.high_profile,
            ratio=ratio,
        ),
        style="bold",
    )


def _disagreement(result: Comparison, lang: str) -> Glued | None:
    """One line: where the guidelines differ by more than 25 %, or that they agree."""
    from lindring.i18n import text

    if len(result.converted) < 2 or result.equianalgesic is None:
        return None
    if not result.disagree:
        gave = result.converted
        none = [r.profile for r in result.results if r not in gave]
        if none:  # agreeing figures, but not every guideline gave one
            return Glued(label("agree_some", lang, none=", ".join(none)))
        return Glued(label("agree", lang))
    parts = []
    for name in result.disagree:
        spread = result.equianalgesic if name == "equianalgesic" else result.suggested
        assert spread is not None
        parts.append(
            label(
                "disagree_part",
                lang,
                what=label("what_eq" if name == "equianalgesic" else "what_suggested", lang),
                low=show_amount(spread.low, lang),
                low_profile=spread.low_profile,
                high=show_amount(spread.high, lang),
                high_profile=spread.high_profile,
            )
        )
    return Glued((text("compare_disagree", lang, what="; ".join(parts)), "bold yellow"))


def comparison(result: Comparison, lang: str, full: bool = False) -> RenderableType:
    """The answer first (the spread of the suggested start and of the equianalgesic
    dose, and whether the guidelines agree), then the table of profiles and why a
    profile gave no number. ``full`` adds every profile's note and the sources of its row."""
    table = Table(box=box.SIMPLE_HEAD, title=label("title", lang), show_edge=False)
    for key in ("profile", "factors", "equianalgesic", "suggested"):
        table.add_column(label(key, lang), overflow="fold")
    cited = {}
    for item in result.results:
        *row, cited[item.profile] = _row(item, lang)
        table.add_row(*row)
    parts: list[RenderableType] = [
        _spread(result.suggested, "what_suggested", lang),
        _spread(result.equianalgesic, "what_eq", lang),
    ]
    line = _disagreement(result, lang)
    if line is not None:
        parts.append(line)
    parts.append(table)
    for item in result.results:
        gave_none = item.conversion is None or item.conversion.refusal is not None
        if full or gave_none:
            why = _why(item, lang)
            line_text = f"{item.profile}: {item.name.get(lang)}. {why}".rstrip()
            if full and cited[item.profile]:
                line_text += f" {label('sources', lang)}: {cited[item.profile]}."
            parts.append(Glued((line_text, "dim")))
    parts.append(Glued((label("footer", lang), "dim")))
    if not full:
        parts.append(Glued((label("more", lang), "dim")))
    return Group(*parts)
