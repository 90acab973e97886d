"""Guideline profiles: each is fully sourced, changes only the factors it gives, never
borrows a Norwegian number; `convert --profile`; `compare` shows every profile."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from lindring.calc.compare import compare
from lindring.calc.convert import convert
from lindring.calc.request import parse_request
from lindring.errors import InputError, RefusedError
from lindring.model import Tables
from lindring.table.profiles import DEFAULT, load_profiled, profile_names, profile_of

from ..conftest import TABLES_DIR, Run

DIR = str(TABLES_DIR)
PROFILES = ["anzca-2021", "cdc-2022", "fpm-uk"]
GUIDELINE = {"anzca-2021": "anzca-ps01", "cdc-2022": "cdc-2022", "fpm-uk": "fpm-opioids-aware"}


def test_the_profiles() -> None:
    assert profile_names(DIR) == [DEFAULT, *PROFILES]


#: every source a profile's own factors may cite: the guideline, and for the UK its
#: palliative charts (the Opioids Aware page's parenteral rows were not read)
OWN = {
    "anzca-2021": {"anzca-ps01"},
    "cdc-2022": {"cdc-2022"},
    "fpm-uk": {"fpm-opioids-aware", "wm-relative-doses", "nhs-ayrshire-2018"},
}


@pytest.mark.parametrize("name", PROFILES)
def test_a_profile_takes_nothing_from_the_norwegian_table(tables: Tables, name: str) -> None:
    profiled = load_profiled(DIR, name)
    profile = profile_of(DIR, name)
    assert profiled.version == f"{tables.version}+{name}" and profiled.profile == name
    assert profile.sources == (GUIDELINE[name],) and profile.base == DEFAULT
    for key, drug in tables.opioids.items():
        mine = profiled.opioids[key]
        for route in drug.routes:
            if (key, route) in profile.not_covered:
                assert route not in mine.routes
                assert mine.refused_routes[route].text == profile.not_covered_text
            else:
                factor = mine.routes[route]
                assert set(factor.sources) <= OWN[name], (key, route)
                assert factor.target_reduction  # the usual reduction unless said otherwise
                assert factor.products == drug.routes[route].products  # Norwegian products
        assert mine.status == drug.status
    for key, drug in profiled.opioids.items():  # drugs the guideline adds
        for route, factor in drug.routes.items():
            assert set(factor.sources) <= OWN[name], (key, route)
            if key not in tables.opioids or route not in tables.opioids[key].routes:
                assert not factor.products and factor.patch is None  # none sold in Norway


@pytest.mark.parametrize(
    ("name", "drug", "route", "factor"),
    [
        ("cdc-2022", "tramadol", "po", Fraction(2, 10)),
        ("cdc-2022", "codeine", "po", Fraction(15, 100)),
        ("cdc-2022", "fentanyl", "td", Fraction(24, 10)),
        ("fpm-uk", "tramadol", "po", Fraction(1, 10)),
        ("fpm-uk", "buprenorphine", "td", Fraction(24, 10)),
        ("anzca-2021", "tapentadol", "po", Fraction(3, 10)),
        ("anzca-2021", "fentanyl", "sc", Fraction(200)),
        ("anzca-2021", "fentanyl", "td", Fraction(3)),
        ("anzca-2021", "codeine", "po", Fraction(13, 100)),
    ],
)
def test_profile_factors_from_the_facts_file(
    name: str, drug: str, route: str, factor: Fraction
) -> None:
    found = load_profiled(DIR, name).opioids[drug].routes[route]
    shown = found.shown_value if found.shown_value is not None else found.value
    assert shown == factor and found.low == found.high == found.value


def test_methadone_is_refused_under_every_profile() -> None:
    for name in profile_names(DIR):
        tables = load_profiled(DIR, name)
        conv = convert(
            tables, parse_request(tables, ["methadone", "30mg", "po", "to", "morphine", "po"])
        )
        assert conv.refusal is not None and conv.refusal.code == "nonlinear"


def test_a_route_a_profile_does_not_cover_is_refused() -> None:
    tables = load_profiled(DIR, "cdc-2022")
    with pytest.raises(RefusedError) as caught:
        parse_request(tables, ["oxycodone", "40mg", "po", "to", "morphine", "sc"])
    assert "The CDC 2022 table gives no factor" in caught.value.message("en")


def test_convert_profile_changes_the_factor_used(run: Run) -> None:
    words = ["convert", "tramadol", "200mg", "po", "to", "morphine", "po", "--json"]
    default = json.loads(run(*words).stdout)
    uk = json.loads(run(*words, "--profile", "fpm-uk").stdout)
    us = json.loads(run(*words, "--profile", "cdc-2022").stdout)
    assert (default["ome_mg_per_24h"], uk["ome_mg_per_24h"], us["ome_mg_per_24h"]) == (30, 20, 40)
    assert uk["table_version"].endswith("+fpm-uk")
    assert uk["steps"][1]["sources"] == ["fpm-opioids-aware"]


def test_convert_profile_refusal_and_unknown_profile(run: Run) -> None:
    refused = run(
        "convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--profile", "cdc-2022"
    )
    assert refused.exit_code == 3 and refused.stderr == ""  # refused like methadone: the panel
    assert "CDC 2022 table gives no factor" in " ".join(refused.stdout.replace("│", " ").split())
    said = run(
        "convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--profile", "cdc-2022",
        "--json",
    )  # fmt: skip
    assert json.loads(said.stdout)["refused"]["code"] == "not_in_profile"
    assert "lindring compare" in json.loads(said.stdout)["refused"]["where"]
    unknown = run("convert", "oxycodone", "40mg", "po", "to", "morphine", "po", "--profile", "nhs")
    assert unknown.exit_code == 1
    assert "no profile 'nhs'. Profiles: norwegian, anzca-2021, cdc-2022, fpm-uk." in unknown.stderr


def test_compare_has_every_profile_and_the_spread() -> None:
    result = compare(["tramadol", "200mg", "po", "to", "morphine", "po"], DIR)
    assert [r.profile for r in result.results] == [DEFAULT, *PROFILES]
    eq = {r.profile: r.conversion.equianalgesic.value for r in result.results if r.conversion}  # type: ignore[union-attr]
    assert eq == {"norwegian": 30, "anzca-2021": 40, "cdc-2022": 40, "fpm-uk": 20}
    spread = result.equianalgesic
    assert spread is not None
    assert (spread.low.value, spread.low_profile) == (20, "fpm-uk")
    assert (spread.high.value, spread.high_profile) == (40, "anzca-2021")
    assert spread.ratio == 2


def test_compare_a_route_some_profiles_do_not_cover() -> None:
    result = compare(["hydromorphone", "8mg", "po", "to", "morphine", "sc"], DIR)
    covered = {r.profile: r.conversion is not None for r in result.results}
    assert covered == {"norwegian": True, "anzca-2021": True, "cdc-2022": False, "fpm-uk": True}
    assert result.equianalgesic is not None


def test_compare_input_errors_are_raised_once() -> None:
    with pytest.raises(InputError):
        compare(["oxycodonx", "40mg", "po", "to", "morphine", "po"], DIR)


def test_cli_compare_text_shows_every_profile(run: Run) -> None:
    result = run("compare", "tramadol", "200mg", "po", "to", "morphine", "po")
    assert result.exit_code == 0, result.stderr
    for name in profile_names(DIR):
        assert f" {name} " in result.stdout
    flat = " ".join(result.stdout.split())
    assert "Spread of the equianalgesic daily dose: lowest 20 mg/24 h (fpm-uk)" in flat
    assert "highest 40 mg/24 h (anzca-2021), highest/lowest 2" in flat


def test_cli_compare_json_is_the_library_result(run: Run) -> None:
    words = ["morphine", "120mg", "po", "to", "fentanyl", "td"]
    result = run("compare", *words, "--json")
    data = json.loads(result.stdout)
    assert [p["profile"] for p in data["profiles"]] == [DEFAULT, *PROFILES]
    library = compare(words, None)
    spread = library.equianalgesic
    assert spread is not None
    assert data["spread"]["equianalgesic_daily_dose"]["max_over_min"] == float(spread.ratio or 0)
    assert data["spread"]["equianalgesic_daily_dose"]["min"] == {"value": 40, "unit": "microgram/h"}
    for item, mine in zip(data["profiles"], library.results, strict=True):
        conv = mine.conversion
        assert conv is not None and conv.suggested is not None
        assert item["conversion"]["target"]["suggested_daily_dose"]["value"] == float(
            conv.suggested.value
        )


def test_cli_compare_refused_everywhere(run: Run) -> None:
    result = run("compare", "methadone", "30mg", "po", "to", "morphine", "po")
    assert result.exit_code == 3


def test_cdc_worked_example_hydrocodone(run: Run) -> None:
    """CDC 2022, footnote to its MME table: hydrocodone 5 mg four times a day is 20 mg of
    hydrocodone a day, equivalent to 20 MME; oxycodone 10 mg twice a day is 30 MME."""
    words = ["convert", "hydrocodone", "5mg", "x4", "po", "to", "morphine", "po", "--json"]
    data = json.loads(run(*words, "--profile", "cdc-2022").stdout)
    assert data["ome_mg_per_24h"] == 20
    assert data["target"]["equianalgesic_daily_dose"] == {"value": 20, "unit": "mg/24h"}
    oxy = ["convert", "oxycodone", "10mg", "x2", "po", "to", "morphine", "po", "--json"]
    assert json.loads(run(*oxy, "--profile", "cdc-2022").stdout)["ome_mg_per_24h"] == 30
    unknown = run(*words[:-1])  # the Norwegian table has no hydrocodone
    assert unknown.exit_code == 1 and "unknown drug 'hydrocodone'" in unknown.stderr


@pytest.mark.parametrize(
    ("profile", "drug", "route", "factor"),
    [
        ("cdc-2022", "hydrocodone", "po", Fraction(1)),
        ("cdc-2022", "oxymorphone", "po", Fraction(3)),
        ("fpm-uk", "morphine", "sc", Fraction(2)),
        ("fpm-uk", "diamorphine", "sc", Fraction(3)),
        ("fpm-uk", "alfentanil", "sc", Fraction(30)),
        ("anzca-2021", "codeine", "sc", Fraction(1, 4)),
        ("anzca-2021", "oxycodone", "rectal", Fraction(3, 2)),
        ("anzca-2021", "dextropropoxyphene", "po", Fraction(1, 10)),
        ("anzca-2021", "sufentanil", "iv", Fraction(2000)),
    ],
)
def test_drugs_and_routes_a_guideline_adds(
    profile: str, drug: str, route: str, factor: Fraction
) -> None:
    """Values: CDC 2022 MME table; West Midlands (1 mg SC diamorphine = 3 mg oral morphine
    = 1.5 mg SC morphine) and NHS GG&C / Ayrshire (SC diamorphine / 10 = SC alfentanil);
    ANZCA PS01(PM) appendix 2021 (parenteral codeine 0.25, rectal oxycodone 1.5,
    dextropropoxyphene 0.1, sufentanil 2 per microgram a day)."""
    factor_found = load_profiled(DIR, profile).opioids[drug].routes[route]
    assert factor_found.value == factor and factor_found.low == factor_found.high == factor


def test_a_drug_a_guideline_adds_is_a_source_only() -> None:
    """Diamorphine is not sold in Norway: a conversion from it is calculated, one to it is
    refused (not sold)."""
    tables = load_profiled(DIR, "fpm-uk")
    start = convert(
        tables, parse_request(tables, ["diamorphine", "20mg", "sc", "to", "morphine", "sc"])
    )
    assert start.equianalgesic is not None and start.equianalgesic.value == 30
    to = convert(
        tables, parse_request(tables, ["morphine", "60mg", "sc", "to", "diamorphine", "sc"])
    )
    assert to.refusal is not None and to.refusal.code == "not_sold"


def test_a_profile_without_base_is_a_whole_table() -> None:
    """The Norwegian table itself, with a profile section and no base, is a valid profile
    whose numbers are the table's; withdrawing a route refuses it."""
    from lindring.table.profiles import parse_profile

    text = (TABLES_DIR / "opioids.yaml").read_text(encoding="utf-8")
    head = (
        "profile:\n  id: whole\n  name: {nb: hel, en: whole}\n  sources: [hdir-omeq]\n"
        "  note: {nb: n, en: n}\n  not_covered_text: {nb: x, en: not here}\n"
        "not_covered:\n  morphine: [rectal]\n"
    )
    found = parse_profile(head + text, "whole.yaml", None, "whole")
    assert found.profile.base is None
    assert found.tables.opioids["oxycodone"].routes["po"].value == Fraction(3, 2)
    assert "rectal" not in found.tables.opioids["morphine"].routes
    assert found.tables.opioids["morphine"].refused_routes["rectal"].text.en == "not here"


def test_cli_compare_fits_an_80x24_terminal_with_the_answer_first(run: Run) -> None:
    """The spread of the suggested start comes first; the table has no column that
    breaks a source id or an amount; the whole output leaves a line for the prompt.
    Norwegian table 15 mg/24 h (25 % off 20), FPM-UK 22 mg/24 h (25 % off 30, morphine
    subcutaneous 2:1 from UK palliative charts)."""
    for lang, first, start in (
        ("en", "Spread of the suggested start: lowest 15 mg/24 h", "22 mg/24 h (−25 %)"),
        ("nb", "Spredning i foreslått start: lavest 15 mg/døgn", "22 mg/døgn (−25 %)"),
    ):
        args = ["compare", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--lang", lang]
        out = run(*args, env={"COLUMNS": "80"}).stdout
        lines = out.splitlines()
        assert len(lines) <= 23 and max(len(line) for line in lines) <= 80, out
        assert lines[0].startswith(first) and start in out
        assert "hdir-omeq" not in out  # sources with --full
        full = run(*args, "--full", env={"COLUMNS": "80"}).stdout
        assert "hdir-omeq, durogesic-spc, lin-konvertering" in " ".join(full.split())
