"""Turning the words of a conversion into a request.

``oxycodone 40mg po to morphine sc``: a drug name (one or more words: brands such as
``Paralgin forte`` have two), a dose expression and a route in any order, ``to`` (or
``til``), then a drug and a route. The route may stand before or after the dose, and a
frequency may follow the route (``oxycodone 20mg po x2``). Several opioids taken
together are joined with ``+``: ``"oxycodone 20mg po x2" + "oxycodone 5mg po x3 prn" +
"fentanyl 25mcg/h td" to morphine sc``.
"""

from __future__ import annotations

from lindring.calc.dose import DoseExpression, parse_dose
from lindring.errors import InputError, RefusedError
from lindring.model import Caution, Localized, Opioid, Tables
from lindring.names import find_drug, find_route, resolve_drug, route_list
from lindring.records import record

SEPARATORS = ("to", "til", "→")
MAX_LENGTH = 400
MAX_PARTS = 8


@record
class Part:
    """One opioid the patient takes: ``dose`` of ``drug`` by ``route``."""

    drug: Opioid
    route: str
    dose: DoseExpression


@record
class Request:
    """A conversion: every part the patient takes, to ``target`` by ``target_route``."""

    parts: tuple[Part, ...]
    target: Opioid
    target_route: str

    @property
    def drug(self) -> Opioid:
        """The first (usually the only) part's drug."""
        return self.parts[0].drug

    @property
    def route(self) -> str:
        return self.parts[0].route

    @property
    def dose(self) -> DoseExpression:
        return self.parts[0].dose


def parse_request(tables: Tables, words: list[str], refused: bool = False) -> Request:
    """Read ``words`` as ``DRUG DOSE ROUTE [+ DRUG DOSE ROUTE ...] to DRUG ROUTE``.

    A route the table refuses for that drug (transmucosal fentanyl, a route a guideline
    profile does not cover) raises :class:`RefusedError`; with ``refused``, the request
    is read as written and :func:`~lindring.calc.convert.convert` returns the refusal
    (the same result and panel as any refused conversion)."""
    tokens = [t for w in words for t in w.split()]
    if len(" ".join(tokens)) > MAX_LENGTH:
        raise InputError("too_long", limit=MAX_LENGTH)
    cut = [i for i, t in enumerate(tokens) if t.casefold() in SEPARATORS]
    if len(cut) != 1:
        raise InputError("missing_to" if not cut else "several_to")
    left, right = tokens[: cut[0]], tokens[cut[0] + 1 :]
    groups: list[list[str]] = [[]]
    for token in left:
        if token == "+":
            groups.append([])
        else:
            groups[-1].append(token)
    if len(groups) > MAX_PARTS:
        raise InputError("too_many_parts", limit=MAX_PARTS)
    parts = tuple(parse_part(tables, group, refused) for group in groups)
    target, rest = _take_drug(tables, right)
    target_route, extra = _take_route(tables, target, rest, "target", refused)
    if extra:
        raise InputError("unexpected_words", words=" ".join(extra))
    return Request(parts, target, target_route)


def parse_part(tables: Tables, words: list[str], refused: bool = False) -> Part:
    """One ``DRUG DOSE ROUTE`` group (the words of one part)."""
    drug, rest = _take_drug(tables, words)
    route, dose_words = _take_route(tables, drug, rest, "source", refused)
    if not dose_words:
        raise InputError("dose_missing_for", drug=drug.name)
    return Part(drug, route, parse_dose(" ".join(dose_words)))


def _take_drug(tables: Tables, words: list[str]) -> tuple[Opioid, list[str]]:
    """The longest run of leading words that names a drug, and the words after it."""
    if not words:
        raise InputError("drug_missing")
    for size in range(min(len(words), 4), 0, -1):
        if find_drug(tables, " ".join(words[:size])) is not None:
            return resolve_drug(tables, " ".join(words[:size])), words[size:]
    resolve_drug(tables, words[0])  # raises UnknownNameError with close names
    raise AssertionError("unreachable")  # pragma: no cover


def _take_route(
    tables: Tables, drug: Opioid, words: list[str], role: str, refused: bool = False
) -> tuple[str, list[str]]:
    """The one route among ``words`` (checked against ``drug`` as a ``source`` or
    ``target``: a route the table gives in one direction only is refused in the other,
    unless ``refused``: then the caller converts and gets the refusal), and the other
    words."""
    found = [(i, r) for i, w in enumerate(words) if (r := find_route(tables, w)) is not None]
    if not found:
        raise InputError("route_missing", drug=drug.name, routes=_routes(tables, drug))
    if len(found) > 1:
        raise InputError("several_routes", drug=drug.name)
    index, route = found[0]
    rest = words[:index] + words[index + 1 :]
    why = route_refusal(drug, route.key, role)
    if why is not None:
        if refused:
            return route.key, rest
        raise RefusedError(
            refusal_code(tables, drug, route.key),
            drug=drug.name,
            route=route.name,
            text=why.text,
            sources=why.sources,
        )
    if route.key not in drug.routes and drug.status != "nonlinear":
        raise InputError(
            "route_unavailable", drug=drug.name, route=route.name, routes=_routes(tables, drug)
        )
    return route.key, rest


def route_refusal(drug: Opioid, route: str, role: str) -> Caution | None:
    """Why the table refuses ``drug`` by ``route`` as a ``source`` or ``target``, if it
    does: a refused route, or a route given in the other direction only."""
    if route in drug.refused_routes:
        return drug.refused_routes[route]
    factor = drug.routes.get(route)
    if factor is not None and not usable(factor.available, role):
        why = factor.available_text
        return why or Caution(Localized("", ""), ())
    return None


def refusal_code(tables: Tables, drug: Opioid, route: str) -> str:
    """The code of a route refused for ``drug``: a guideline profile's gap
    (``not_in_profile``) or the table's own refusal (``refused_route``)."""
    return "not_in_profile" if (drug.key, route) in tables.uncovered else "refused_route"


def usable(available: str, role: str) -> bool:
    """May a route given ``available`` (both, source only, target only) be the ``role``
    (source or target) of a conversion?"""
    return available == "both" or available == f"{role} only"


def _routes(tables: Tables, drug: Opioid) -> Localized:
    return Localized(route_list(tables, drug, "nb"), route_list(tables, drug, "en"))
