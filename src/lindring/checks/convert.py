"""The checks of ``lindring check`` that run the calculator itself: every conversion
pair computes, round trips through oral morphine return the dose, and patch tables are
monotonic and cover every strength sold."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from lindring.calc import patches
from lindring.calc.convert import Conversion, convert
from lindring.calc.dose import DoseExpression
from lindring.calc.request import Part, Request
from lindring.errors import Issue, LindringError
from lindring.model import Factor, Opioid, Tables
from lindring.numbers import to_decimal_str
from lindring.records import record
from lindring.units import mg_per

PROBE_OME = Fraction(60)  # mg oral morphine per 24 h: a plausible dose for every pair
REFERENCE = ("morphine", "po")

Convert = Callable[[Tables, Request], Conversion]


@record
class IssueFailure:
    """A failure that is an editor's problem (a profile's, a chapter's): written in the
    chosen language only at the edge."""

    issue: Issue
    profile: str = ""  # the profile the problem is in, if any (``profile fpm-uk: ``)
    hint: bool = True

    def text(self, lang: str = "en") -> str:
        from lindring.i18n import text

        prefix = text("problem.in_profile", lang, name=self.profile) if self.profile else ""
        return prefix + self.issue.text(hint=self.hint, lang=lang)

    def __str__(self) -> str:
        return self.text()


Failure = str | IssueFailure


def failure_text(failure: Failure, lang: str = "en") -> str:
    """A failure as text in ``lang`` (the checks' own failures are English)."""
    return failure if isinstance(failure, str) else failure.text(lang)


@dataclass
class Tally:
    """Passed items and the failures of one check."""

    passed: int = 0
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def item(self, ok: bool, failure: str) -> None:
        if ok:
            self.passed += 1
        else:
            self.failures.append(failure)


def _n(value: Fraction) -> str:
    return to_decimal_str(value, 4)


def probe_dose(tables: Tables, drug: Opioid, route: str) -> DoseExpression:
    """About 60 mg OME per 24 h of ``drug`` by ``route``; a strength sold for a patch."""
    factor = drug.routes[route]
    if factor.patch is None:
        mg = PROBE_OME / factor.value
        return DoseExpression(f"{_n(mg)} mg/24h", mg, "mg", mg, None, "per_24h")
    strengths = [rate for p in factor.patch.products for _, rate in p.strengths]
    labels = {rate: label for p in factor.patch.products for label, rate in p.strengths}
    rate = min(strengths, key=lambda r: abs(r * 24 * mg_per("microgram") * factor.value - 60))
    label = Fraction(labels[rate])
    amount = label * mg_per("microgram")
    return DoseExpression(f"{labels[rate]} mcg/h", label, "microgram", amount, None, "per_hour")


def linear_routes(tables: Tables, role: str | None = None) -> list[tuple[Opioid, str]]:
    """Every drug and route with a factor, or those usable as a ``source`` or ``target``
    (a route may be given in one direction only)."""
    from lindring.calc.request import usable

    return [
        (d, r)
        for d in tables.opioids.values()
        if d.status != "nonlinear"
        for r, f in d.routes.items()
        if role is None or usable(f.available, role)
    ]


def pairs(tables: Tables, run: Convert = convert) -> Tally:
    """Each (drug, route) at about 60 mg OME converts to oral morphine and oral morphine
    converts to it; and each route of a drug to each other route of the same drug.

    A change of drug goes through oral morphine, so each end is tried once against the
    reference, linear in the number of routes; what needs both ends is the same drug by
    another route (route ratios, no reduction), tried within each drug. A route given
    in one direction only is tried in that direction. Every conversion to or from a
    non-linear drug must be refused."""
    tally = Tally()
    reference = tables.opioids.get(REFERENCE[0])
    if reference is None or REFERENCE[1] not in reference.routes:
        tally.failures.append("no reference (morphine po) to convert through")
        return tally
    ref_dose = probe_dose(tables, reference, REFERENCE[1])
    nonlinear = [d for d in tables.opioids.values() if d.status == "nonlinear"]
    any_route = next(iter(tables.routes))

    def one(drug: Opioid, route: str, dose: DoseExpression, target: Opioid, to: str) -> None:
        name = f"{drug.key} {route} {dose.text} -> {target.key} {to}"
        problem = _one(tables, Request((Part(drug, route, dose),), target, to), run)
        tally.item(problem is None, f"{name}: {problem}")

    sources = set(linear_routes(tables, "source"))
    targets = set(linear_routes(tables, "target"))
    for drug in tables.opioids.values():
        if drug.status == "nonlinear":
            continue
        doses: dict[str, DoseExpression] = {}
        for route in drug.routes:
            if (drug, route) not in sources:
                continue  # given as a target only
            try:
                doses[route] = probe_dose(tables, drug, route)
            except Exception as exc:  # a factor of 0 or a patch without strengths
                tally.failures.append(f"{drug.key} {route}: no dose to try: {type(exc).__name__}")
        for route in drug.routes:
            if (drug.key, route) == REFERENCE:
                continue
            if route in doses:
                one(drug, route, doses[route], reference, REFERENCE[1])
            if (drug, route) in targets:
                one(reference, REFERENCE[1], ref_dose, drug, route)
        for route, dose in doses.items():  # the same drug by another route
            for other in drug.routes:
                done = drug.key == REFERENCE[0] and REFERENCE[1] in (route, other)
                if other != route and not done and (drug, other) in targets:
                    one(drug, route, dose, drug, other)
    for drug in nonlinear:  # every conversion to or from a non-linear drug is refused
        one(reference, REFERENCE[1], ref_dose, drug, next(iter(drug.routes), any_route))
        route = next(iter(drug.routes), any_route)
        dose = DoseExpression("30 mg/24h", Fraction(30), "mg", Fraction(30), None, "per_24h")
        problem = _one(tables, Request((Part(drug, route, dose),), reference, REFERENCE[1]), run)
        tally.item(problem is None, f"{drug.key} {route} -> {' '.join(REFERENCE)}: {problem}")
    return tally


def _one(tables: Tables, request: Request, run: Convert) -> str | None:
    """Why the conversion fails the check, or ``None``."""
    nonlinear = any(d.status == "nonlinear" for d in (request.drug, request.target))
    try:
        conv = run(tables, request)
    except LindringError as exc:
        return f"refused with {exc.code}: {exc.message('en')}"
    except Exception as exc:  # the point of the check: a bug in a pair is a finding
        return f"{type(exc).__name__}: {exc}"
    if nonlinear:
        code = conv.refusal.code if conv.refusal else "a result"
        return None if code == "nonlinear" else f"expected a refusal (non-linear), got {code}"
    factor = request.target.routes[request.target_route]
    sold = factor.patch is not None or any(not p.breakthrough_only for p in factor.products)
    if not sold:  # a source only: the conversion must say so
        code = conv.refusal.code if conv.refusal else "a result"
        return None if code == "not_sold" else f"expected a refusal (not sold), got {code}"
    ceiling = request.target.ceiling
    above_ceiling = (
        ceiling is not None
        and conv.equianalgesic is not None
        and (conv.equianalgesic.value * mg_per(conv.equianalgesic.unit) > ceiling.value)
    )
    if conv.refusal is not None and conv.refusal.code == "too_small":
        return None  # the reduced dose is below the smallest regimen sold: refusing is right
    if conv.refusal is not None and not (above_ceiling and conv.refusal.code == "too_large"):
        return f"refused ({conv.refusal.code})"
    if conv.refusal is not None:
        return None  # above the target's maximum daily dose: refusing is right
    eq, low, high = conv.equianalgesic, conv.low, conv.high
    if eq is None or low is None or high is None or conv.suggested is None:
        return "returned no result"
    if not (eq.value > 0 and low.value <= eq.value <= high.value):
        return f"equianalgesic {_n(eq.value)} outside its range {_n(low.value)}-{_n(high.value)}"
    return None


def round_trips(tables: Tables, run: Convert = convert) -> Tally:
    """dose -> oral morphine -> back to the same drug and route returns the dose exactly."""
    tally = Tally()
    reference = tables.opioids.get(REFERENCE[0])
    if reference is None or REFERENCE[1] not in reference.routes:
        tally.failures.append("no reference (morphine po) to go through")
        return tally
    both = set(linear_routes(tables, "source")) & set(linear_routes(tables, "target"))
    for drug, route in linear_routes(tables):
        if (drug, route) not in both:
            continue  # given in one direction only: no way back
        name = f"{drug.key} {route} -> {' '.join(REFERENCE)} -> back"
        try:
            dose = probe_dose(tables, drug, route)
            there = run(tables, Request((Part(drug, route, dose),), reference, REFERENCE[1]))
            assert there.equianalgesic is not None, "no result"
            ome = there.equianalgesic.value
            back_dose = DoseExpression(f"{_n(ome)} mg/24h", ome, "mg", ome, None, "per_24h")
            back = run(tables, Request((Part(reference, REFERENCE[1], back_dose),), drug, route))
            assert back.equianalgesic is not None, "no result on the way back"
            start, end = there.parts[0].daily.value, back.equianalgesic.value
        except Exception as exc:
            tally.failures.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        tally.item(start == end, f"{name}: {_n(start)} became {_n(end)}")
    return tally


def patch_tables(tables: Tables, run: Convert = convert) -> Tally:
    """Strengths rise, every strength sold can be typed and suggested, results rise."""
    tally = Tally()
    reference = tables.opioids.get(REFERENCE[0])
    for drug in tables.opioids.values():
        for route, factor in drug.routes.items():
            if factor.patch is not None:
                _patch(tally, drug, route, factor, reference, tables, run)
    return tally


def _patch(
    tally: Tally,
    drug: Opioid,
    route: str,
    factor: Factor,
    reference: Opioid | None,
    tables: Tables,
    run: Convert,
) -> None:
    patch = factor.patch
    assert patch is not None
    name = f"{drug.key} {route}"
    for product in patch.products:
        rates = [rate for _, rate in product.strengths]
        labels = [Fraction(label) for label, _ in product.strengths]
        rising = rates == sorted(set(rates)) and labels == sorted(set(labels))
        tally.item(rising, f"{name} {product.product}: strengths do not rise")
        for label, rate in product.strengths:
            typed = patches.delivered(patch, Fraction(label))
            chosen = patches.choose(patch, rate)
            ok = typed == rate and chosen is not None and chosen.rate == rate
            tally.item(ok, f"{name} {label}: a strength sold cannot be typed or suggested")
            if rate > patch.max_rate:
                tally.notes.append(
                    f"{name} {label} is sold but above max_rate {_n(patch.max_rate)}: "
                    "a suggestion above max_rate carries the patch_above_max warning"
                )
    largest = max(rate for p in patch.products for _, rate in p.strengths)
    tally.item(
        largest * patch.max_patches >= patch.max_rate,
        f"{name}: {patch.max_patches} patches of {_n(largest)} do not reach max_rate "
        f"{_n(patch.max_rate)}",
    )
    if reference is None or REFERENCE[1] not in reference.routes:
        return
    previous = Fraction(-1)
    per_ome = 1 / (factor.value * 24 * mg_per("microgram"))  # microgram/h per mg OME/24h
    top = patch.max_rate / per_ome
    for step in range(1, 21):  # oral morphine from 1/20 to all of max_rate's OME
        ome = top * step / 20
        dose = DoseExpression(f"{_n(ome)} mg/24h", ome, "mg", ome, None, "per_24h")
        conv = run(tables, Request((Part(reference, REFERENCE[1], dose),), drug, route))
        rate = conv.suggested.value if conv.suggested else Fraction(0)
        tally.item(
            rate >= previous,
            f"{name}: {_n(ome)} mg OME gives {_n(rate)} microgram/h, less than a lower dose",
        )
        previous = rate
