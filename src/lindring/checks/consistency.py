"""``lindring check``: is the whole table consistent, beyond its schema?

The loader (``lindring validate``) checks each value and the rules within one file. This
pass checks the table as a working whole, and counts every item it looked at:

* ``reachable``: every drug (except non-linear ones) has a route with a factor; every
  route is used by some drug; every name leads to its drug;
* ``pairs``: every drug and route, at about 60 mg OME per 24 h, converts to oral
  morphine and back from it, and to every other route of the same drug, without an
  error (a change of drug goes through oral morphine, so the check stays linear in the
  number of routes); only non-linear drugs are refused;
* ``round_trips``: a dose taken to oral morphine and back is the same dose, exactly;
* ``route_ratios``: each drug's route ratios agree with its factors and relate all its
  routes (``consistency_start``);
* ``start_doses``: over a sweep of doses, every start is a real regimen, never above the
  equianalgesic dose, never smaller for a larger dose, and not needlessly low
  (``consistency_start``);
* ``patches``: strengths rise, every strength sold can be typed and suggested, and a
  higher dose never gives a smaller patch;
* ``ceilings``: per-24-hour ceilings sit on drugs dosed per 24 hours, above one dose
  step and below the plausibility limit;
* ``names``: every alias resolves to one drug (``lindring.names``);
* ``sources``: every number has a source, every source id cited exists, every source
  is cited somewhere (the table or a profile);
* ``profiles``: every guideline profile loads and its conversions compute;
* ``handbook``: every chapter's embeds resolve (when :mod:`lindring.handbook.book` provides
  ``check_chapters``);
* ``version``: numbers changed since ``git HEAD`` mean a new version with a changelog entry.

Nothing here prints; :class:`Report` holds every count and failure.
"""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

from lindring.calc.convert import convert
from lindring.checks import convert as calc
from lindring.checks import start as start_checks
from lindring.checks import table as table_checks
from lindring.checks.table import CheckResult
from lindring.checks.tally import Finding, Tally, finding
from lindring.model import Tables
from lindring.records import record

__all__ = ["CHECKS", "CheckResult", "Report", "run_checks"]

#: every check, in the order :func:`run_checks` reports them (a skipped one too)
CHECKS = (
    "reachable",
    "pairs",
    "round_trips",
    "route_ratios",
    "start_doses",
    "patches",
    "ceilings",
    "names",
    "sources",
    "profiles",
    "handbook",
    "version",
)


@record
class Report:
    table: str
    version: str
    checks: tuple[CheckResult, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return not any(check.failures for check in self.checks)

    @property
    def failed(self) -> int:
        return sum(check.failed for check in self.checks)


def run_checks(
    tables: Tables,
    directory: Path | None = None,
    *,
    handbook: str | None = None,
    skip: frozenset[str] = frozenset(),
) -> Report:
    """Every check on ``tables`` (read from ``directory``, for profiles and git), except
    those named in ``skip``."""
    started = time.perf_counter()
    results: list[CheckResult] = []

    def add(name: str, tally: Tally, notes: tuple[Finding, ...] = ()) -> None:
        every = (*tally.notes, *notes)
        results.append(CheckResult(name, tally.passed, tuple(tally.failures), every))

    def skipped(name: str, why: str) -> None:
        results.append(CheckResult(name, 0, (), (finding(why),), True))

    # each route to oral morphine is converted by pairs and again by round_trips: once
    run = cache(convert)
    add("reachable", table_checks.reachable(tables))
    add("pairs", calc.pairs(tables, run))
    add("round_trips", calc.round_trips(tables, run))
    add("route_ratios", start_checks.route_ratios(tables))
    add("start_doses", start_checks.start_doses(tables))
    add("patches", calc.patch_tables(tables, run))
    add("ceilings", table_checks.ceilings(tables))
    add("names", table_checks.names(tables))
    profiles, cited = table_checks.profiles(tables, directory)
    add("sources", table_checks.sources(tables, cited))
    none = () if profiles.passed or profiles.failures else (finding("check.note_no_profiles"),)
    add("profiles", profiles, none)
    if "handbook" in skip:
        skipped("handbook", "check.note_skipped")
    else:
        results.append(table_checks.handbook(tables, handbook))
    if "version" in skip or directory is None:
        skipped("version", "check.note_no_git")
    else:
        results.append(table_checks.version(tables, directory))
    return Report(tables.path, tables.version, tuple(results), time.perf_counter() - started)
