"""What a start of the console entry point loads and leaves behind (bench/startup times
it): ``convert --json`` imports neither rich nor (with the table cached) yaml, and the
process ends with its objects out of the cyclic collector's reach, so the interpreter's
exit does not walk them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from ..conftest import TABLES_DIR

#: run the entry point as the console script does (lindring.__main__), then report (at exit, after
#: ``main`` has returned by ``SystemExit``) what was imported and what the collector holds
SCRIPT = """\
import atexit, gc, json, sys

def report():
    sys.stderr.write(json.dumps({
        "modules": sorted(sys.modules),
        "frozen": gc.get_freeze_count(),
        "tracked": len(gc.get_objects()),
        "collecting": gc.isenabled(),
    }))

atexit.register(report)
from lindring.__main__ import main
sys.argv = ["lindring", *sys.argv[1:]]
main()
"""


def _start(*args: str) -> tuple[subprocess.CompletedProcess[str], dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        env={
            "LINDRING_TABLES": str(TABLES_DIR),
            "LINDRING_LANG": "en",
            "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],  # the tests' own (conftest)
            "PATH": "",
        },
    )
    return done, json.loads(done.stderr[done.stderr.index("{") :])


def test_convert_json_imports_neither_rich_nor_yaml() -> None:
    args = ("convert", "oxycodone", "40mg/24h", "po", "to", "morphine", "po", "--json")
    _start(*args)  # the table validated once, and cached: yaml is read then only
    done, seen = _start(*args)
    assert done.returncode == 0
    assert json.loads(done.stdout)["ome_mg_per_24h"] == 60  # Hdir OMEQ: 40 x 1.5
    modules = {str(m).split(".")[0] for m in seen["modules"]}  # type: ignore[attr-defined]
    assert "rich" not in modules
    assert "yaml" not in modules
    assert "lindring" in modules


def test_convert_text_uses_rich() -> None:
    done, seen = _start("convert", "oxycodone", "40mg/24h", "po", "to", "morphine", "po")
    assert done.returncode == 0
    assert "rich.console" in seen["modules"]  # type: ignore[operator]


def test_the_exit_leaves_the_collector_nothing_to_walk() -> None:
    done, seen = _start("convert", "oxycodone", "40mg/24h", "po", "to", "morphine", "po")
    assert done.returncode == 0
    assert "60 mg" in done.stdout
    # typer alone makes tens of thousands of tracked objects, rich and the command
    # thousands more; all are frozen by the end, and the collector is running again
    assert seen["frozen"] > 10_000  # type: ignore[operator]
    assert seen["tracked"] < 1_000  # type: ignore[operator]
    assert seen["collecting"]
