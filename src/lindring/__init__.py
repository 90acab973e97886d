"""lindring: an offline, tested opioid conversion calculator for palliative care.

The public API, loaded on first use so that ``import lindring`` stays cheap::

    import lindring

    tables = lindring.load_tables()  # or load_tables("path/to/tables"), like --tables
    request = lindring.parse_request(tables, "oxycodone 40mg po to morphine sc".split())
    result = lindring.convert(tables, request, lindring.Options())
    plan = lindring.plan_pump(tables, lindring.parse_pump(tables, ["morphine", "30mg/24h", "sc"]))
    report = lindring.validate(["tables/opioids.yaml"])

Everything outside ``lindring.cli`` and ``lindring.output`` is pure: data in, result
out, no printing (docs/development.md describes the packages).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> (module, attribute)
_API = {
    "load_tables": ("lindring.table.load", "load_tables"),
    "parse_request": ("lindring.calc.request", "parse_request"),
    "convert": ("lindring.calc.convert", "convert"),
    "Options": ("lindring.calc.convert", "Options"),
    "Conversion": ("lindring.calc.convert", "Conversion"),
    "parse_pump": ("lindring.calc.pump_request", "parse_pump"),
    "plan_pump": ("lindring.calc.pump", "plan"),
    "validate": ("lindring.checks.validate", "validate"),
    "LindringError": ("lindring.errors", "LindringError"),
}
__all__ = [
    "Conversion",
    "LindringError",
    "Options",
    "__version__",
    "convert",
    "load_tables",
    "parse_pump",
    "parse_request",
    "plan_pump",
    "validate",
]

if TYPE_CHECKING:
    from lindring.calc.convert import Conversion, Options, convert
    from lindring.calc.pump import plan as plan_pump
    from lindring.calc.pump_request import parse_pump
    from lindring.calc.request import parse_request
    from lindring.checks.validate import validate
    from lindring.errors import LindringError
    from lindring.table.load import load_tables


def __getattr__(name: str) -> Any:
    """Import a public name's module the first time the name is used."""
    if name not in _API:
        raise AttributeError(f"module 'lindring' has no attribute {name!r}")
    module, attribute = _API[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value
