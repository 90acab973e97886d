"""lindring: an offline, tested opioid conversion calculator for palliative care.

The core (everything outside ``lindring.cli`` and ``lindring.render``) is pure: data in,
result out, no printing. Import the pieces you need from their modules, e.g.
``from lindring.tables import load_tables`` and ``from lindring.convert import convert``.
"""

__version__ = "0.1.0"
