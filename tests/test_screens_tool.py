"""tools/screens.py writes pictures and one index page (here for a tiny subset)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_contact_sheet_writes_pictures_and_an_index(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screens.py"), str(tmp_path), "--pairwise",
         "--only", "picker-1280x720"],
        env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    pictures = sorted(p.name for p in tmp_path.glob("*.png"))
    assert pictures and all(p.startswith("picker-1280x720") for p in pictures)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for picture in pictures:
        assert f"src='{picture}'" in index
    assert "<h2>picker</h2>" in index
    assert "0 with problems" in done.stdout
