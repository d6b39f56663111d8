"""The settings file: read leniently (a bad setting keeps its default, with file:line and a
suggestion), written back atomically, and checked by `storyplayer --check-config`."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from storyplayer.cli import main
from storyplayer.model.config import (
    Config,
    ConfigNotWritable,
    load_config,
    parse_config,
    save_setting,
)

GOOD = """\
# Story Player settings
language = "et"
theme = "high-contrast"
text_scale = 1.4   # for the projector
reduced_motion = true
manual = true
library = ["~/stories"]
featured = ["october-1917", "world-war-1"]

[kiosk]
enabled = true
idle_seconds = 120
exit_chord = "Ctrl+Alt+Shift+X"
pin = "0420"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_sets_everything(tmp_path):
    loaded = load_config(write(tmp_path, GOOD))
    assert loaded.problems == [] and loaded.exists
    c = loaded.config
    assert (c.language, c.theme, c.text_scale) == ("et", "high-contrast", 1.4)
    assert c.reduced_motion and c.manual
    assert c.library == (Path("~/stories").expanduser(),)
    assert c.featured == ("october-1917", "world-war-1")
    assert c.kiosk.enabled and c.kiosk.idle_seconds == 120
    assert c.kiosk.exit_chord == "Ctrl+Alt+Shift+X" and c.kiosk.pin == "0420"


def test_a_missing_file_is_all_defaults_and_no_problem(tmp_path):
    loaded = load_config(tmp_path / "nothing.toml")
    assert loaded.config == Config() and loaded.problems == [] and not loaded.exists


def test_unknown_setting_names_its_line_and_a_suggestion(tmp_path):
    path = write(tmp_path, 'language = "et"\ntext_scal = 1.5\n\n[kiosk]\nidle_secs = 30\n')
    loaded = load_config(path)
    messages = [str(p) for p in loaded.problems]
    assert messages == [
        f"{path}:2: unknown setting 'text_scal'; did you mean 'text_scale'?",
        f"{path}:5: unknown setting 'idle_secs' in [kiosk]; did you mean 'idle_seconds'?",
    ]
    assert loaded.config.language == "et"  # the good settings still count


def test_bad_values_keep_their_defaults(tmp_path):
    text = ('theme = "hi-contrast"\ntext_scale = 9\nmanual = "yes"\n'
            '[kiosk]\nidle_seconds = 2\npin = 1234\nexit_chord = "Q"\n')
    config, problems = parse_config(text, Path("c.toml"))
    assert config == replace(Config(), kiosk=replace(Config().kiosk, pin="1234"))
    lines = {p.line: p.message for p in problems}
    assert "did you mean 'high-contrast'" in lines[1]
    assert "between 0.8 and 2.5" in lines[2]
    assert "true or false" in lines[3]
    assert "between 10 and" in lines[5]
    assert "in quotes" in lines[6] and "the PIN is 1234" in lines[6]
    assert "key chord" in lines[7]


def test_broken_toml_is_reported_with_its_line(tmp_path):
    config, problems = parse_config('language = "et"\ntheme = light\n', Path("c.toml"))
    assert config == Config()
    assert len(problems) == 1 and problems[0].line == 2
    assert "not valid TOML" in problems[0].message


def test_tiles_need_https_and_an_attribution(tmp_path):
    _, problems = parse_config('[tiles]\nurl = "http://x/{z}/{x}/{y}.png"\n', Path("c.toml"))
    assert "https" in problems[0].message
    mbtiles = tmp_path / "estonia.mbtiles"
    mbtiles.write_bytes(b"")
    config, problems = parse_config(
        f'[tiles]\nmbtiles = "{mbtiles.name}"\nattribution = "© Maa-amet"\n',
        tmp_path / "config.toml",
    )
    assert problems == [] and config.tiles.mbtiles == mbtiles


def test_save_setting_keeps_comments_and_replaces_atomically(tmp_path):
    path = write(tmp_path, GOOD)
    save_setting(path, "text_scale", 1.7)
    text = path.read_text(encoding="utf-8")
    assert "text_scale = 1.7  # for the projector" in text
    assert text.count("text_scale") == 1 and "# Story Player settings" in text
    assert load_config(path).config.text_scale == 1.7
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temporary left


def test_save_setting_creates_the_file_and_goes_above_tables(tmp_path):
    path = tmp_path / "new" / "config.toml"
    save_setting(path, "text_scale", 1.2)
    assert load_config(path).config.text_scale == 1.2
    kiosk = write(tmp_path, "[kiosk]\nenabled = true\n")
    save_setting(kiosk, "text_scale", 1.3)
    loaded = load_config(kiosk)
    assert loaded.problems == [] and loaded.config.text_scale == 1.3
    assert loaded.config.kiosk.enabled


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anyway")
def test_a_read_only_file_is_not_written(tmp_path):
    path = write(tmp_path, GOOD)
    path.chmod(stat.S_IRUSR)
    with pytest.raises(ConfigNotWritable):
        save_setting(path, "text_scale", 2.0)
    assert load_config(path).config.text_scale == 1.4


def test_read_only_is_detected_even_as_root(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)
    with pytest.raises(ConfigNotWritable):
        save_setting(path, "text_scale", 2.0)
    assert not load_config(path).writable


def test_check_config_exit_codes(tmp_path, capsys):
    good = write(tmp_path, GOOD.replace('"~/stories"', f'"{tmp_path.as_posix()}"'))
    assert main(["--check-config", "--config", str(good)]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('langauge = "et"\n', encoding="utf-8")
    assert main(["--check-config", "--config", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:1: unknown setting 'langauge'; did you mean 'language'?" in out
    assert main(["--check-config", "--config", str(tmp_path / "none.toml")]) == 1


def test_model_config_needs_no_qt():
    import storyplayer.model.config as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source


def test_check_config_reports_a_library_folder_that_is_not_there(tmp_path, capsys):
    """The documented example names a museum's folder; on a machine without it that is a
    reported problem (one line, exit 1), not "ok"."""
    example = Path(__file__).resolve().parents[2] / "docs" / "config.example.toml"
    folders = load_config(example).config.library
    assert folders and not any(folder.is_dir() for folder in folders)
    assert main(["--check-config", "--config", str(example)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{example}:{line_of(example, 'library = ')}: library folder {folders[0]} "
                   "does not exist"]
    plain = tmp_path / "file.txt"
    plain.write_text("x", encoding="utf-8")
    config = write(tmp_path, f'library = ["{plain.as_posix()}"]\n')
    assert main(["--check-config", "--config", str(config)]) == 1
    assert capsys.readouterr().out.strip().endswith(f"library folder {plain} is not a folder")


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def test_an_unquoted_pin_is_still_the_pin_and_said_so(tmp_path):
    config, problems = parse_config('[kiosk]\npin = 1234\n', Path("c.toml"))
    assert config.kiosk.pin == "1234"
    assert [str(p) for p in problems] == [
        'c.toml:2: \'kiosk.pin\' should be in quotes ("1234"); the PIN is 1234']
    config, problems = parse_config('[kiosk]\npin = -5\n', Path("c.toml"))
    assert config.kiosk.pin == "" and "no PIN is asked" in problems[0].message


def test_check_config_lists_problems_in_line_order(tmp_path, capsys):
    config = write(tmp_path, f'text_scal = 1.5\nlibrary = ["{(tmp_path / "gone").as_posix()}"]\n'
                             'theme = "dim"\n[kiosk]\nidle_seconds = 2\nidle_secs = 3\n')
    assert main(["--check-config", "--config", str(config)]) == 1
    lines = [int(line.split(":")[1]) for line in capsys.readouterr().out.splitlines()]
    assert lines == [1, 2, 3, 5, 6]


def test_every_number_out_of_its_range_keeps_its_default_and_says_the_range(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("text_scale = 9\n[kiosk]\nidle_seconds = 1\ncountdown_seconds = 500\n"
                    "watch_seconds = nan\n", encoding="utf-8")
    loaded = load_config(path)
    assert [str(p).split("config.toml:")[1] for p in loaded.problems] == [
        "1: 'text_scale' must be between 0.8 and 2.5; using 1.0",
        "3: 'kiosk.idle_seconds' must be between 10 and 86400; using 90",
        "4: 'kiosk.countdown_seconds' must be between 0 and 120; using 10",
        "5: 'kiosk.watch_seconds' must be between 0 and 86400; using 30",
    ]
    defaults = Config()
    assert loaded.config.text_scale == defaults.text_scale
    assert loaded.config.kiosk == defaults.kiosk


def test_an_isolated_run_neither_reads_nor_changes_the_users_settings(tmp_path, monkeypatch):
    user = tmp_path / "user-config"
    (user / "storyplayer").mkdir(parents=True)
    mine = user / "storyplayer" / "config.toml"
    mine.write_text('language = "et"\n[kiosk]\nenabled = true\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user))

    monkeypatch.setenv("STORYPLAYER_ISOLATED", "1")
    loaded = load_config()
    assert (loaded.exists, loaded.config) == (False, Config())
    save_setting(loaded.path, "text_scale", 1.4)  # what Ctrl+plus in an isolated run does
    assert user not in loaded.path.parents
    assert mine.read_text(encoding="utf-8") == 'language = "et"\n[kiosk]\nenabled = true\n'

    monkeypatch.delenv("STORYPLAYER_ISOLATED")
    assert load_config().config.language == "et"  # a user's own run reads them
