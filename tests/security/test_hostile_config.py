"""Hostile config files: every one is a problem with the file (and line), the settings keep
their defaults, and nothing raises, hangs or reads without bound."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyplayer.model.config import Config, load_config, parse_config, tile_url_problem

CASES = {
    "idle inf": ("[kiosk]\nidle_seconds = inf\n", "between 10 and 86400", 2),
    "idle 1e10": ("[kiosk]\nidle_seconds = 1e10\n", "between 10 and 86400", 2),
    "idle nan": ("[kiosk]\nidle_seconds = nan\n", "between 10 and 86400", 2),
    "text scale nan": ("text_scale = nan\n", "between 0.8 and 2.5", 1),
    "text scale -inf": ("text_scale = -inf\n", "between 0.8 and 2.5", 1),
    "deep nesting": ("a = " + "[" * 100_000, "nests too deeply", 0),
    "deep tables": ("a = " + "{b = " * 100_000, "nests too deeply", 0),
    "huge integer": ("text_scale = " + "1" * 5000 + "\n", "too many digits", 0),
    "single-label tile host": (
        '[tiles]\nurl = "https://{s}/{z}/{x}/{y}.png"\nattribution = "x"\n', "host name", 2),
    "localhost tiles": (
        '[tiles]\nurl = "https://localhost/{z}/{x}/{y}.png"\nattribution = "x"\n', "host name", 2),
    "ip tiles": (
        '[tiles]\nurl = "https://10.0.0.1/{z}/{x}/{y}.png"\nattribution = "x"\n', "host name", 2),
    "tiles with a user": (
        '[tiles]\nurl = "https://me:pw@a.example.org/{z}/{x}/{y}.png"\nattribution = "x"\n',
        "user name or password", 2),
    "http tiles": (
        '[tiles]\nurl = "http://a.example.org/{z}/{x}/{y}.png"\nattribution = "x"\n', "https", 2),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_hostile_setting_is_a_problem_and_keeps_the_default(name: str) -> None:
    text, words, line = CASES[name]
    config, problems = parse_config(text, Path("c.toml"))
    assert len(problems) == 1 and words in problems[0].message, problems
    assert problems[0].line == line
    assert config.kiosk == Config().kiosk and config.tiles.url == ""
    assert config.text_scale == 1.0


def test_a_real_tile_template_passes_the_guard() -> None:
    assert tile_url_problem("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png") is None
    assert tile_url_problem("https://tiles.example.org:8443/a/{z}/{x}/{y}@2x.png") is None


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_config_is_refused_unread(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this system")
    loaded = load_config(Path(device))
    assert [p.message for p in loaded.problems] == [
        "is a device, not a regular file; using all defaults"
    ]
    assert loaded.config == Config()


def test_a_fifo_a_huge_file_and_a_link_loop_as_config(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    assert "pipe (FIFO)" in load_config(fifo).problems[0].message  # no writer: would block
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 400_000 + "\n")
    assert "larger than the 256 KiB" in load_config(huge).problems[0].message
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    problems = load_config(loop).problems
    assert "loops" in problems[0].message
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    assert "not UTF-8" in load_config(binary).problems[0].message


def test_an_mbtiles_setting_that_is_a_device_is_refused(tmp_path: Path) -> None:
    text = '[tiles]\nmbtiles = "/dev/zero"\nattribution = "x"\n'
    config, problems = parse_config(text, tmp_path / "c.toml")
    assert config.tiles.mbtiles is None
    assert "is a device" in problems[0].message


def test_saving_a_setting_never_reads_a_device_or_a_fifo(tmp_path: Path) -> None:
    from storyplayer.model.config import ConfigNotWritable, save_setting

    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        if path.exists():
            with pytest.raises(ConfigNotWritable):
                save_setting(path, "text_scale", 1.5)
    save_setting(tmp_path / "new.toml", "text_scale", 1.5)  # a new file is still written
    assert load_config(tmp_path / "new.toml").config.text_scale == 1.5
