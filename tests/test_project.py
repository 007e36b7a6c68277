"""Project hygiene: CI runs the README's test command, the code is ruff clean, docs are generated,
the corpus passes QA."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from polyphony.cli import main
from polyphony.paths import repo_root


def _bash_blocks(text: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)\n```", text, re.S)


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    blocks = _bash_blocks((repo_root() / "README.md").read_text())
    setup = [b for b in blocks if "pip install" in b]
    assert len(setup) == 2
    assert "polyphony reproduce" in setup[0] and "pytest" in setup[1]
    assert setup[1] in (repo_root() / ".ci" / "run").read_text()


def test_code_is_ruff_clean() -> None:
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(repo_root() / ".venv" / "bin"))
    if ruff is None:
        pytest.skip("ruff is not installed")
    done = subprocess.run(
        [ruff, "check", "polyphony", "tests", "baselines", "benchmarks"],
        cwd=repo_root(),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_statistics_blocks_of_readme_and_datasheet_are_current() -> None:
    assert main(["-q", "stats", "--check-docs"]) == 0, "run `polyphony stats --write-docs`"


def test_module_entry_point_runs() -> None:
    done = subprocess.run([sys.executable, "-m", "polyphony", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "reproduce" in done.stdout


def test_corpus_passes_qa() -> None:
    assert main(["-q", "qa"]) == 0, "fix the findings of `polyphony qa` or waive them with a reason"
