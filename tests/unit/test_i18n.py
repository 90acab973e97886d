"""Both languages say the same things, and numbers and units are printed safely."""

from __future__ import annotations

import string
from fractions import Fraction

import pytest

from lindring.i18n import MESSAGES, detect_lang, lang_code, load_catalogues, show_amount
from lindring.model import Amount

load_catalogues()  # every catalogue, whatever else the test run imported


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_with_the_same_placeholders(code: str) -> None:
    entry = MESSAGES[code]
    assert set(entry) == {"nb", "en"}
    assert placeholders(entry["nb"]) == placeholders(entry["en"])
    assert "µ" not in entry["nb"] + entry["en"]


def test_a_message_does_not_depend_on_import_order() -> None:
    # a fresh interpreter that imported nothing but the error: the handbook's message
    import subprocess
    import sys

    script = (
        "from lindring.errors import InputError; "
        "print(InputError('handbook_no_hits', query='x').message('nb'))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() != "handbook_no_hits" and "x" in out.stdout


def test_every_refusal_says_where_to_turn() -> None:
    """A refused conversion's JSON carries ``where`` (lindring.output.json): every
    ``refusal.*`` code, and the refused name and route, has a ``where.*`` message."""
    refusals = {k.split(".", 1)[1] for k in MESSAGES if k.startswith("refusal.")}
    assert {"nonlinear", "lookup_outside"} <= refusals
    missing = sorted(
        c for c in refusals | {"refused_name", "refused_route"} if f"where.{c}" not in MESSAGES
    )
    assert missing == []


def test_an_unknown_code_is_an_error_in_tests() -> None:
    from lindring.i18n import text

    with pytest.raises(KeyError):
        text("no_such_code", "nb")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LINDRING_LANG": "nb"}, "nb"),
        ({"LANG": "nb_NO.UTF-8"}, "nb"),
        ({"LANG": "no_NO"}, "nb"),
        ({"LANG": "nn_NO"}, "nb"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
        ({"LINDRING_LANG": "en", "LANG": "nb_NO.UTF-8"}, "en"),
    ],
)
def test_language_from_the_environment(env: dict[str, str], lang: str) -> None:
    assert detect_lang(env) == lang


def test_amounts_spell_their_units() -> None:
    assert show_amount(Amount(Fraction(100), "microgram"), "nb") == "100 mikrogram"
    assert show_amount(Amount(Fraction(100), "microgram"), "en") == "100 microgram"
    assert show_amount(Amount(Fraction(5, 2), "mg", True), "nb") == "2,5 mg/døgn"
    assert show_amount(Amount(Fraction(5, 2), "mg", True), "en") == "2.5 mg/24 h"
    assert show_amount(Amount(Fraction(25, 2), "microgram/h"), "nb") == "12,5 mikrogram/time"


def test_a_language_is_named_by_its_code_in_any_case() -> None:
    assert [lang_code(v) for v in ("nb", "NB", "En", "en")] == ["nb", "nb", "en", "en"]
    assert [lang_code(v) for v in ("no", "de", "", "nb-NO")] == [None] * 4
