"""The command-line contract, run as a user runs it: a separate process, exit codes and output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from story_files import write_story


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyplayer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("storyplayer ")


def test_list_shows_bundled_stories_from_another_folder(tmp_path: Path) -> None:
    result = run("--list", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    ids = [line.split("\t")[0] for line in lines]
    bundled = Path(__file__).resolve().parents[1] / "stories"
    assert sorted(ids) == sorted(p.parent.name for p in bundled.glob("*/story.yaml"))
    assert "october-1917" in ids
    assert all(line.split("\t")[2].endswith(" events") for line in lines)


def test_list_in_estonian() -> None:
    result = run("--list", "--lang", "et")
    assert "Oktoobri" in result.stdout or "oktoobri" in result.stdout


def test_validate_bundled_stories_passes() -> None:
    stories = Path(__file__).resolve().parents[1] / "stories"
    result = run("validate", str(stories))
    assert result.returncode == 0, result.stdout + result.stderr


def test_validate_reports_path_line_column(tmp_path: Path) -> None:
    folder = write_story(tmp_path, text="format: 1\ntitle: T\nevents:\n  - {titel: A}\n")
    result = run("validate", str(folder))
    assert result.returncode == 1
    assert f"{folder}/story.yaml:4:" in result.stdout
    assert "did you mean 'title'?" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_json(tmp_path: Path) -> None:
    good = write_story(tmp_path, "good")
    result = run("validate", "--json", str(good), str(tmp_path / "missing"))
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert [s["valid"] for s in report["stories"]] == [True, False]
    assert report["stories"][1]["problems"][0]["message"] == "no such file or folder"


@pytest.mark.parametrize(
    "args",
    [
        ("--bogus",),
        ("validate",),
        ("--speed", "-1"),
        ("--speed", "fast"),
        ("--play", "a,b,c,d"),
        ("--at", "3"),
    ],
)
def test_wrong_usage_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("storyplayer: ")


def test_play_unknown_id_exits_1() -> None:
    result = run("--play", "no-such-story")
    assert result.returncode == 1
    assert "no-such-story" in result.stderr
    assert "Traceback" not in result.stderr


def test_commands_without_a_window_do_not_import_qt() -> None:
    code = (
        "import sys; from storyplayer.cli import main; main(['validate', 'stories']);"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("mode", [["--play", "october-1917,world-war-1"], ["--kiosk"]])
def test_screenshot_saves_the_window_and_exits(tmp_path: Path, mode: list[str]) -> None:
    picture = tmp_path / "shot.png"
    result = run(*mode, "--screenshot", str(picture), "--at", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    assert picture.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("", "--js-flags=--optimize-for-size"),
        ("--js-flags=--max-old-space-size=64", "--js-flags=--max-old-space-size=64"),
    ],
)
def test_the_map_renderer_favours_size_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, given: str, expected: str
) -> None:
    from storyplayer.app import prepare_environment

    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", given)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert prepare_environment(screenshot=True) is None
    flags = os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert [flag for flag in flags if flag.startswith("--js-flags")] == [expected]


def test_screenshot_into_a_missing_folder_is_one_line_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from storyplayer.cli import main

    picture = tmp_path / "missing" / "shot.png"
    assert main(["--play", "october-1917", "--screenshot", str(picture)]) == 1
    err = capsys.readouterr().err
    assert err == f"storyplayer: {picture}: no such folder {picture.parent}\n"
    assert not picture.parent.exists()


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("stories/october-1917/story.yaml", "storyplayer validate stories/october-1917/story.yaml"),
        ("{tmp}", "storyplayer --stories FOLDER"),
        ("timeline.csv", "storyplayer import timeline.csv"),
    ],
)
def test_a_file_given_as_a_command_says_what_to_type(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, given: str, hint: str
) -> None:
    from storyplayer.cli import main

    given = given.format(tmp=tmp_path)
    assert main([given]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"'{given}' is not a command" in err and hint in err
    assert "invalid choice" not in err


def test_a_reader_that_goes_away_gets_no_traceback() -> None:
    """`storyplayer --list | head -1`: the pipe closes before the output is written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "storyplayer", "--list"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    errors = process.stderr.read()
    assert process.wait(timeout=60) in (0, 141)
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors
