"""The import rules of ARCHITECTURE.md, as import-linter contracts in pyproject.toml.

`lint-imports` reads this checkout's source (not an installed copy), so a forbidden import
anywhere, even inside a function, fails the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = (
    "from importlinter.cli import lint_imports; "
    "raise SystemExit(lint_imports(no_cache=True, no_logo=True))"
)


def lint(source_root: Path) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join([str(source_root), os.environ.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-c", LINT], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": path},
    )


def test_the_import_contracts_are_kept() -> None:
    done = lint(ROOT / "src")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 kept, 0 broken" in done.stdout


def test_a_forbidden_import_breaks_a_contract(tmp_path: Path) -> None:
    """The contracts bite: a copy of the source whose model imports Qt and the interface."""
    import shutil

    copy = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "storyplayer", copy / "storyplayer",
                    ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / "storyplayer" / "model" / "text.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef _late() -> None:\n    from PySide6 import QtCore  # noqa: F401\n"
                "    import storyplayer.ui.shared.theme  # noqa: F401\n")
    done = lint(copy)
    assert done.returncode == 1
    # Qt in the model, the model above the interface, and sharing (via the model) in it.
    assert "0 kept, 3 broken" in done.stdout
    assert "storyplayer.model.text -> PySide6" in done.stdout
    assert "storyplayer.model.text -> storyplayer.ui.shared.theme" in done.stdout
