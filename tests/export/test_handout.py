"""`storyplayer export ID --pdf/--html`: a printable handout of a bundled story."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from storyplayer.cli import main


def test_pdf_handout_of_a_bundled_story(tmp_path: Path) -> None:
    pdf = tmp_path / "handout.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "storyplayer",
            "export",
            "october-1917",
            "--pdf",
            str(pdf),
            "--lang",
            "et",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert pages >= 2
    assert not list(tmp_path.glob(".*part"))


def test_html_handout(tmp_path: Path, qapp, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "html"
    assert main(["export", "october-1917", "--html", str(folder), "--lang", "en"]) == 0
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "The October Revolution of 1917 and Estonia" in page
    assert "(8 April) 1917" in page  # Old Style date with its Gregorian twin
    assert (folder / "map-1.png").is_file()


def test_map_inset_draws_land_and_marker(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    from storyplayer.export.map_inset import LAND, SEA, render_inset

    image = render_inset(58.38, 26.72, zoom=8, color="#1f618d", width=300, height=200)
    assert image.pixelColor(150, 100) == QColor("#1f618d")  # the marker at the centre
    colours = {image.pixelColor(x, y).name() for x in range(0, 300, 10) for y in range(0, 200, 10)}
    assert LAND.name() in colours and SEA.name() in colours


def test_unknown_id_and_missing_output(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["export", "no-such-story", "--pdf", "x.pdf"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("storyplayer: no story with id 'no-such-story'") and err.count("\n") == 1
    assert main(["export", "october-1917"]) == 2


def test_the_handout_gives_the_earliest_and_the_latest_year(tmp_path: Path) -> None:
    """Not the first and the last event in the file: a story may look back or ahead."""
    from story_files import story_data, write_story

    from storyplayer.export.handout import _Handout
    from storyplayer.model.loader import load_story

    data = story_data(3)
    for event, date in zip(data["events"], ["1918", "1850", "1991"], strict=True):
        event["date"] = date
    data["events"].append({**data["events"][0], "date": "1920"})
    header = _Handout(load_story(write_story(tmp_path, data=data)), "en").header_html(None, 100)
    assert "1850–1991" in header
