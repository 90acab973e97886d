"""`lindring check`: the shipped table passes; a table with each kind of inconsistency
fails the check named for it; git HEAD comparison; --json is the library's report."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest

import lindring.table.source
from lindring.calc.convert import convert
from lindring.calc.request import Request
from lindring.checks import convert as calc
from lindring.checks import table as checks
from lindring.checks.consistency import CHECKS, Report, run_checks
from lindring.checks.tally import Finding
from lindring.errors import Issue, params
from lindring.handbook.book import load_handbook
from lindring.model import Caution, Ceiling, Localized, Source, Tables

from ..conftest import TABLES_DIR, Run
from .helpers import raw_table, write_table

QUIET = frozenset({"handbook", "version"})  # the other engineers' chapters; git state


def _check(report: Report, name: str) -> tuple[int, tuple[Finding, ...]]:
    (found,) = [c for c in report.checks if c.name == name]
    return found.passed, found.failures


def _texts(found: Iterable[Finding], lang: str = "en") -> list[str]:
    return [f.text(lang) for f in found]


def _drug(tables: Tables, key: str, **changes: object) -> Tables:
    opioids = dict(tables.opioids)
    opioids[key] = replace(opioids[key], **changes)  # type: ignore[arg-type]
    return replace(tables, opioids=opioids)


def test_the_shipped_table_passes_every_check(tables: Tables) -> None:
    report = run_checks(tables, TABLES_DIR, skip=QUIET)
    assert report.ok, [c.failures for c in report.checks]
    assert [c.name for c in report.checks] == list(CHECKS)  # the --json schema's names
    counts = {c.name: c.passed for c in report.checks}
    # 25 drug routes to and from oral morphine, 44 route changes within a drug (morphine
    # 6, oxycodone, hydromorphone, ketobemidone, fentanyl, buprenorphine and pethidine 6
    # each, tramadol 2), methadone refused both ways
    assert counts["pairs"] == 25 * 2 + 44 + 2
    assert counts["round_trips"] == 26 and counts["profiles"] > 0
    assert counts["route_ratios"] > 0 and counts["start_doses"] > 10_000
    # how long the check takes is measured by hand (bench/), never in a test


def test_an_unreachable_drug_and_route(tables: Tables) -> None:
    broken = _drug(tables, "tapentadol", routes={})
    assert _texts(checks.reachable(broken).failures) == [
        "tapentadol: no route with a factor, so it can never be converted"
    ]
    fentanyl = tables.opioids["fentanyl"]
    refused = {k: v for k, v in fentanyl.refused_routes.items() if k != "nasal"}
    assert _texts(checks.reachable(_drug(tables, "fentanyl", refused_routes=refused)).failures) == [
        "route nasal: no drug has a factor or a refusal for it"
    ]


def test_a_pair_that_divides_by_zero(tables: Tables) -> None:
    codeine = tables.opioids["codeine"]
    zero = {"po": replace(codeine.routes["po"], value=Fraction(0), low=Fraction(0))}
    failures = _texts(calc.pairs(_drug(tables, "codeine", routes=zero)).failures)
    assert failures and all("codeine po" in f for f in failures)
    assert any("ZeroDivisionError" in f for f in failures)


def test_a_patch_rescue_drug_that_is_gone(tables: Tables) -> None:
    broken = replace(tables, breakthrough=replace(tables.breakthrough, patch_rescue=("x", "po")))
    failures = _texts(calc.pairs(broken).failures)
    assert any(f.endswith("-> fentanyl td: failed with KeyError: 'x'") for f in failures)


def test_a_linear_drug_refused_is_a_failure(tables: Tables) -> None:
    broken = replace(tables, plausibility=replace(tables.plausibility, refuse_above=Fraction(1)))
    failures = calc.pairs(broken).failures
    assert any("refused (implausible)" in f for f in _texts(failures))
    assert any("avvist (implausible)" in f for f in _texts(failures, "nb"))
    assert "check.refused" in {f.issue.code for f in failures}


def test_a_round_trip_that_does_not_return_the_dose(tables: Tables) -> None:
    def lossy(t: Tables, request: Request) -> object:  # a float slip on the way back
        conv = convert(t, request)
        if request.drug.key != "morphine" or conv.equianalgesic is None:
            return conv
        value = Fraction(float(conv.equianalgesic.value) * (1 + 1e-9))
        return replace(conv, equianalgesic=replace(conv.equianalgesic, value=value))

    found = calc.round_trips(tables, lossy).failures  # type: ignore[arg-type]
    failures = _texts(found)
    assert len(failures) == 26 and "-> morphine po -> " in failures[0]
    assert ": the dose " in failures[0] and " came back as " in failures[0]
    assert ": dosen " in found[0].text("nb") and " kom tilbake som " in found[0].text("nb")


def test_patch_strengths_that_do_not_rise_or_reach_the_maximum(tables: Tables) -> None:
    fentanyl = tables.opioids["fentanyl"]
    td = fentanyl.routes["td"]
    assert td.patch is not None
    product = td.patch.products[0]
    falling = replace(product, strengths=tuple(reversed(product.strengths)))
    short = replace(td.patch, products=(falling,), max_patches=1, max_rate=Fraction(400))
    routes = {**fentanyl.routes, "td": replace(td, patch=short)}
    failures = _texts(calc.patch_tables(_drug(tables, "fentanyl", routes=routes)).failures)
    assert "fentanyl td Durogesic og generiske fentanylplastre: strengths do not rise" in failures
    assert "fentanyl td: 1 patches of 100 do not reach max_rate 400" in failures


def test_ceilings(tables: Tables) -> None:
    low = _drug(tables, "tramadol", ceiling=Ceiling(Fraction(10), ("nobligan-spc",)))
    assert _texts(checks.ceilings(low).failures) == [
        "tramadol: the ceiling 10 mg/24h is below one dose step (50 mg)"
    ]
    huge = _drug(tables, "codeine", ceiling=Ceiling(Fraction(240000), ("paralgin-forte",)))
    assert _texts(checks.ceilings(huge).failures) == [
        "codeine: the ceiling is 24000 mg OME/24h, above the plausibility limit 10000: "
        "is its unit mg/24h?"
    ]
    fentanyl = tables.opioids["fentanyl"]
    patch_only = _drug(
        tables,
        "fentanyl",
        routes={"td": fentanyl.routes["td"]},
        ceiling=Ceiling(Fraction(1), ("durogesic-spc",)),
    )
    assert _texts(checks.ceilings(patch_only).failures) == [
        "fentanyl: a ceiling in mg/24h needs a route dosed per 24 h, not only a patch rate"
    ]


def test_an_alias_that_leads_elsewhere(tables: Tables) -> None:
    morphine = tables.opioids["morphine"]
    broken = _drug(tables, "morphine", aliases=(*morphine.aliases, "OxyNorm"))
    assert _texts(checks.names(broken).failures) == ["'OxyNorm' does not lead to morphine alone"]
    assert _texts(checks.names(broken).failures, "nb") == [
        "«OxyNorm» fører ikke til morphine alene"
    ]


def test_sources(tables: Tables) -> None:
    extra = Source("unused-2020", "T", "P", 2020, "S")
    uncited = replace(tables, sources={**tables.sources, "unused-2020": extra})
    assert _texts(checks.sources(uncited, set()).failures) == [
        "source 'unused-2020' is defined but cited nowhere (table or profiles): cite or remove it"
    ]
    codeine = tables.opioids["codeine"]
    po = codeine.routes["po"]
    sold = (replace(po.products[0], sources=("nope",)),)
    unsourced = {"po": replace(po, sources=(), products=sold)}
    failures = _texts(checks.sources(_drug(tables, "codeine", routes=unsourced), set()).failures)
    assert "codeine po: a number without a source" in failures
    assert "source id 'nope' is cited but not defined" in failures


def test_sources_cited_only_by_a_profile_count(tables: Tables) -> None:
    report = run_checks(tables, TABLES_DIR, skip=QUIET)
    assert _check(report, "sources")[1] == ()


def test_a_broken_profile(tables: Tables, tmp_path: Path) -> None:
    write_table(tmp_path, raw_table())
    (tmp_path / "profiles").mkdir()
    text = (TABLES_DIR / "profiles" / "cdc-2022.yaml").read_text(encoding="utf-8")
    broken = text.replace("  oxycodone: [sc, iv]\n", "  oxycodone: [sc]\n")
    (tmp_path / "profiles" / "cdc-2022.yaml").write_text(broken, encoding="utf-8")
    tally, _ = checks.profiles(tables, tmp_path)
    line = broken.splitlines().index("  oxycodone:") + 1
    assert str(tally.failures[0]) == (
        "profile cdc-2022: "
        f"{tmp_path / 'profiles' / 'cdc-2022.yaml'}:{line}:3: opioids.oxycodone: oxycodone iv "
        "is in the base table but this profile neither gives its factor nor lists it under "
        "`not_covered`"
    )


def test_every_check_runs_on_every_profile(tables: Tables, tmp_path: Path) -> None:
    """A profile whose route ratio disagrees with its own factors fails `check` (the
    route_ratios check of the main table, run on the profile's table)."""
    (tmp_path / "profiles").mkdir()
    (tmp_path / "opioids.yaml").write_text(
        (TABLES_DIR / "opioids.yaml").read_text("utf-8"), encoding="utf-8"
    )
    text = (TABLES_DIR / "profiles" / "fpm-uk.yaml").read_text(encoding="utf-8")
    broken = text.replace("        ratio: 2\n", "        ratio: 3\n", 1)
    assert broken != text
    (tmp_path / "profiles" / "fpm-uk.yaml").write_text(broken, encoding="utf-8")
    tally, _ = checks.profiles(tables, tmp_path)
    assert _texts(tally.failures) == [
        "profile fpm-uk: route_ratios: morphine po : sc: the route ratio is 3, but the factors "
        "give 2 (sc 2 / po 1 per mg)"
    ]


def test_handbook_embeds_that_do_not_resolve(
    tables: Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = "{{ faktor: fentanyl xx }}"
    problem = Issue(
        "handbook/plaster.md", 12, 5, where, "embed.unknown_route", params=params(name="xx")
    )
    warning = Issue(
        "handbook/plaster.md", 3, 1, "sources[0]", "problem.source_unlisted", severity="warning"
    )
    monkeypatch.setattr(checks, "check_chapters", lambda t, d=None: [problem, warning])
    result = checks.handbook(tables, None)
    assert tuple(map(str, result.failures)) == (
        "handbook/plaster.md:12:5: {{ faktor: fentanyl xx }}: unknown route 'xx'",
    )
    assert result.passed == len(load_handbook(None).chapters) - 1  # one chapter is broken


def _head(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lindring.table.source, "git_show", lambda rev, directory, name="": text)


def test_numbers_changed_without_a_new_version(
    tables: Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (TABLES_DIR / "opioids.yaml").read_text(encoding="utf-8")
    head = text.replace("ceiling: {value: 400, unit: mg/24h", "ceiling: {value: 300, unit: mg/24h")
    _head(head, monkeypatch)
    result = checks.version(tables, TABLES_DIR)
    assert tuple(_texts(result.failures)) == (
        "1 number(s) changed since HEAD (opioids.tramadol.ceiling: 300 mg/24h -> 400 mg/24h) "
        f"but table.version is still {tables.version}: raise it and add a changelog entry "
        "(lindring diff HEAD)",
    )


def test_a_new_version_with_a_changelog_entry_passes(
    tables: Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (TABLES_DIR / "opioids.yaml").read_text(encoding="utf-8")
    head = text.replace("ceiling: {value: 400, unit: mg/24h", "ceiling: {value: 300, unit: mg/24h")
    # the committed table: one version older, its changelog without the newest entry
    first = head.index("    - version:")
    second = head.index("    - version:", first + 1)
    older = head[second:].split('"')[1]
    head = head[:first] + head[second:]
    head = head.replace(f'  version: "{tables.version}"\n', f'  version: "{older}"\n', 1)
    _head(head, monkeypatch)
    result = checks.version(tables, TABLES_DIR)
    assert result.failures == () and result.passed == 1


def test_no_changelog_fails_and_no_git_is_a_note(
    tables: Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_git(*args: object, **kwargs: object) -> str:
        raise lindring.table.source.GitUnavailable("not a git repository")

    monkeypatch.setattr(lindring.table.source, "git_show", no_git)
    result = checks.version(replace(tables, changelog=()), TABLES_DIR)
    assert _texts(result.failures) == [
        f"table.changelog is missing: add an entry for {tables.version}"
    ]
    assert _texts(result.notes) == ["not compared with git: not a git repository"]
    assert _texts(result.notes, "nb") == ["ikke sammenlignet med git: not a git repository"]


def test_cli_fails_on_an_uncited_source_and_json_is_the_report(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = raw_table()
    data["sources"]["unused-2020"] = {"title": "T", "publisher": "P", "year": 2020, "section": "S"}
    write_table(tmp_path, data)
    monkeypatch.setenv("LINDRING_HANDBOOK", str(tmp_path / "no-handbook"))
    _head((TABLES_DIR / "opioids.yaml").read_text(encoding="utf-8"), monkeypatch)
    result = run("check", "--tables", str(tmp_path), "--json")
    assert result.exit_code == 4
    data = json.loads(result.stdout)
    sources = next(c for c in data["checks"] if c["name"] == "sources")
    assert sources["failures"] == [
        "source 'unused-2020' is defined but cited nowhere (table or profiles): cite or remove it"
    ]
    assert data["ok"] is False
    text = run("check", "--tables", str(tmp_path))
    assert text.exit_code == 4 and "✖ sources: source 'unused-2020'" in text.stdout


def test_cli_passes_on_the_shipped_table(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINDRING_HANDBOOK", str(TABLES_DIR / "no-handbook"))
    _head((TABLES_DIR / "opioids.yaml").read_text(encoding="utf-8"), monkeypatch)
    result = run("check", "--tables", str(TABLES_DIR))
    assert result.exit_code == 0, result.stdout
    for name in ("reachable", "pairs", "round_trips", "patches", "ceilings", "names", "sources"):
        assert f"  {name} " in result.stdout


def test_caution_type_is_used_for_refused_routes(tables: Tables) -> None:
    caution = tables.opioids["fentanyl"].refused_routes["sl"]
    assert isinstance(caution, Caution) and isinstance(caution.text, Localized)
