"""The examples in docs/ are real: the JSON example of docs/json.md is what the command
it names prints, against the table committed under tests/cases."""

from __future__ import annotations

import json
import re

from ..conftest import REPO, Run


def test_the_json_example_is_the_commands_output(run: Run) -> None:
    text = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    section = text[text.index("## A full example") :]
    command = re.search(r"```sh\n(lindring [^\n]+)\n```", section)
    shown = re.search(r"```json\n(.*?)\n```", section, re.S)
    assert command and shown
    args = command.group(1).split()[1:]
    result = run(*[str(REPO / a) if a.startswith("tests/") else a for a in args])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(shown.group(1))


def test_every_warning_refusal_and_step_code_is_documented() -> None:
    from lindring.calc import pump  # noqa: F401  (registers the pump's messages)
    from lindring.i18n import MESSAGES

    doc = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    pump_doc = (REPO / "docs" / "pump.md").read_text(encoding="utf-8")
    missing = [
        code
        for code in MESSAGES
        if code.split(".")[0] in ("alert", "refusal", "step")
        and f"`{code.split('.', 1)[1]}`" not in doc + pump_doc
    ]
    assert missing == []


def test_the_python_example_of_conversion_md_runs() -> None:
    text = (REPO / "docs" / "conversion.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)\n```", text, re.S)
    assert code
    scope: dict[str, object] = {}
    exec(compile(code.group(1), "conversion.md", "exec"), scope)
    result = scope["result"]
    assert result.suggested.value == 15  # type: ignore[attr-defined]
    assert result.regimen.product.name == "Morfin injeksjon 10 mg/ml"  # type: ignore[attr-defined]


def test_the_public_api_is_listed_once() -> None:
    import lindring

    assert set(lindring.__all__) == {*lindring._API, "__version__"}
    for name in lindring._API:
        assert callable(getattr(lindring, name)), name


def test_import_lindring_is_cheap() -> None:
    import subprocess
    import sys

    script = (
        "import sys, lindring; print(sorted(m for m in sys.modules if m.startswith('lindring')))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.strip() == "['lindring']"
