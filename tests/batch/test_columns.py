"""Column names in English and Norwegian, as a spreadsheet may write them."""

from __future__ import annotations

import pytest

from lindring.batch.columns import FIELDS, REQUIRED, RESULT_COLUMNS, field_of, map_columns
from lindring.errors import InputError


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("legemiddel", "drug"), ("Legemiddel ", "drug"), ("DRUG", "drug"), ("fra", "drug"),
        ("Til vei", "target_route"), ("til-vei", "target_route"), ("tilvei", "target_route"),
        ("Target route", "target_route"), ("forskrevet", "prescribed"),
        ("\ufeffid", "id"), ("Intervall", "interval"), ("reduksjon", "reduce"),
        ("hyppighet", "frequency"), ("kommentar", None), ("dose (mg)", None),
    ],
)  # fmt: skip
def test_names_in_both_languages(name: str, field: str | None) -> None:
    assert field_of(name) == field


def test_the_header_language_names_the_result_columns() -> None:
    nb = map_columns(["id", "legemiddel", "dose", "vei", "til", "tilvei"])
    en = map_columns(["id", "drug", "dose", "route", "target", "target_route"])
    assert (nb.lang, en.lang) == ("nb", "en")
    assert nb.result_names()[:3] == ["linje", "status", "vurdering"]
    assert en.result_names()[:3] == ["line", "status", "verdict"]
    assert nb.name("prescribed") == "forskrevet" and en.name("prescribed") == "prescribed"


def test_a_missing_column_is_named_in_both_languages() -> None:
    with pytest.raises(InputError) as caught:
        map_columns(["legemiddel", "dose"])
    assert caught.value.code == "batch.columns_missing"
    assert "missing column(s) route/vei;" in caught.value.message("en")
    with pytest.raises(InputError) as caught:
        map_columns(["legemiddel", "dose", "vei", "til"])
    assert "missing column(s) target_route/tilvei;" in caught.value.message("en")


def test_a_file_without_a_target_is_a_register() -> None:
    columns = map_columns(["pasient", "legemiddel", "dose", "vei"])
    assert "target" not in columns.index and columns.lang == "nb"


def test_a_field_named_twice_is_an_error() -> None:
    with pytest.raises(InputError, match="two columns mean the same"):
        map_columns(["drug", "legemiddel", "dose", "vei", "til", "tilvei"])


def test_no_input_name_is_a_result_column_name() -> None:
    """An output read back as input must not mistake a result column for an input one."""
    results = {name for _, en, nb in RESULT_COLUMNS for name in (en, nb)}
    for field in FIELDS:
        assert not results & {n for names in FIELDS[field] for n in names}, field
    assert set(REQUIRED) <= set(FIELDS)
