"""Helpers for the editors' tests: the shipped table as raw data, written back as text."""

from __future__ import annotations

import copy
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

from lindring.table.yamlsource import load

from ..conftest import TABLES_DIR

CASES = Path(__file__).resolve().parents[1] / "cases"


def raw_table(path: Path = TABLES_DIR / "opioids.yaml") -> Any:
    """The table as the strict loader reads it (decimals as Fraction)."""
    return load(path.read_text(encoding="utf-8"), str(path)).data


def plain(value: Any) -> Any:
    """JSON-ready data: exact decimals become JSON numbers (they are short decimals)."""
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def as_text(data: Any) -> str:
    """Data as a table file: JSON is YAML, and the strict loader reads it back exactly."""
    return json.dumps(plain(data), ensure_ascii=False, indent=1)


def small_table() -> Any:
    """A copy of the shipped table cut down to every kind of section: morphine, fentanyl
    (a dose route, a patch and refused routes) and methadone (non-linear)."""
    data = copy.deepcopy(raw_table())
    keep = ("morphine", "fentanyl", "methadone")
    data["opioids"] = {k: v for k, v in data["opioids"].items() if k in keep}
    fentanyl = data["opioids"]["fentanyl"]["routes"]
    data["opioids"]["fentanyl"]["routes"] = {k: v for k, v in fentanyl.items() if k in ("sc", "td")}
    ratios = data["opioids"]["fentanyl"]["route_ratios"]
    data["opioids"]["fentanyl"]["route_ratios"] = [r for r in ratios if "iv" not in r["routes"]]
    ampoules = data["pump"]["ampoules"]
    data["pump"]["ampoules"] = {"morphine": ampoules["morphine"]}
    first = next(iter(data["pump"]["adjuvants"]))
    data["pump"]["adjuvants"] = {first: data["pump"]["adjuvants"][first]}
    cited = set(_cited(data))
    data["sources"] = {k: v for k, v in data["sources"].items() if k in cited}
    return data


def _cited(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = []
        for key, inner in value.items():
            if (key == "sources" and isinstance(inner, list)) or key.endswith("_sources"):
                found.extend(s for s in inner if isinstance(s, str))
            else:
                found.extend(_cited(inner))
        return found
    if isinstance(value, list):
        return [s for inner in value for s in _cited(inner)]
    return []


def write_table(directory: Path, data: Any) -> Path:
    """A tables directory holding ``data`` as opioids.yaml."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "opioids.yaml").write_text(as_text(data), encoding="utf-8")
    return directory


def codeine_changed(directory: Path) -> tuple[Path, Path]:
    """The table with codeine's oral factor 0.12 (not 0.1) written to ``directory``, and
    a panel of one dose (codeine 240 mg/24h by mouth) beside it."""
    data = raw_table()
    data["opioids"]["codeine"]["routes"]["po"]["factor"] = Fraction(12, 100)
    write_table(directory, data)
    panel = directory / "small-panel.yaml"
    panel.write_text(
        "panel: {title: t, sources: [lindring-editorial], note: n}\n"
        'doses:\n  codeine:\n    po: ["240 mg/24h"]\n',
        encoding="utf-8",
    )
    return directory, panel
