"""The layout of the card's chart (``tables/card.yaml``): which rows and columns it has.

An editorial choice, not a clinical number: the rows are daily doses of one drug and
route to read across, the columns the drugs and routes to read them in. Every value
printed comes from the conversion table through ``convert`` (:mod:`lindring.card.content`).
"""

from __future__ import annotations

from pathlib import Path

from lindring.errors import Issue, TableError, params
from lindring.model import Tables
from lindring.records import record
from lindring.table.load import tables_dir

LAYOUT_FILE = "card.yaml"


@record
class Layout:
    """The chart's rows and columns (``tables/card.yaml``): daily doses of the ``source``
    drug and route (mg per 24 h) to read across, and the (drug, route) columns. Points
    to look up, not clinical numbers: every printed value comes from ``convert``."""

    source: tuple[str, str]
    doses: tuple[int, ...]
    columns: tuple[tuple[str, str], ...]


def layout_path(directory: str | None = None) -> tuple[Path, bool]:
    """The layout beside the table in ``directory`` (``True``), else the shipped one."""
    own = tables_dir(directory) / LAYOUT_FILE
    if own.is_file():
        return own, True
    here = Path(__file__).parents[1]  # the package root
    packaged = here / "_data" / "tables" / LAYOUT_FILE
    if packaged.is_file():
        return packaged, False
    return here.parents[1] / "tables" / LAYOUT_FILE, False  # editable checkout


def load_layout(path: Path, tables: Tables | None) -> Layout:
    """The chart's layout from ``path``, checked against ``tables`` when given (a table
    that lacks a drug or route of the shipped layout just has fewer columns);
    :class:`TableError` lists every problem."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TableError(
            [Issue(str(path), code="problem.card_unreadable", params=params(detail=str(exc)))]
        ) from None
    top = data.get("card") if isinstance(data, dict) else None
    if not isinstance(top, dict):
        raise TableError([Issue(str(path), code="problem.card_section")])
    problems: list[Issue] = []
    source = _pair(top.get("from"), "card.from", path, tables, problems)
    doses = top.get("doses_mg_per_24h")
    if not isinstance(doses, list) or not doses or not all(_positive(d) for d in doses):
        code = "problem.card_doses"
        problems.append(Issue(str(path), path="card.doses_mg_per_24h", code=code))
        doses = []
    raw = top.get("columns")
    if not isinstance(raw, list) or not raw:
        problems.append(Issue(str(path), path="card.columns", code="problem.card_columns"))
        raw = []
    columns = [_pair(c, f"card.columns[{i}]", path, tables, problems) for i, c in enumerate(raw)]
    if problems:
        raise TableError(problems)
    return Layout(source, tuple(doses), tuple(columns))


def _positive(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _pair(
    value: object, where: str, path: Path, tables: Tables | None, problems: list[Issue]
) -> tuple[str, str]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        problems.append(Issue(str(path), path=where, code="problem.card_pair"))
        return ("", "")
    drug, route = value
    if tables is not None and (
        drug not in tables.opioids or route not in tables.opioids[drug].routes
    ):
        problems.append(
            Issue(
                str(path),
                path=where,
                code="problem.card_not_in_table",
                params=params(drug=drug, route=route),
            )
        )
    return (drug, route)
