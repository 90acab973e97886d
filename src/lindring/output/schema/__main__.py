"""``python -m lindring.output.schema [DIR]``: write the output schemas (default ``schemas/``)."""

from __future__ import annotations

import sys
from pathlib import Path

from lindring.output.schema import write

if __name__ == "__main__":  # pragma: no cover - a maintenance command
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(path)
