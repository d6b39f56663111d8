"""docs/kiosk.md and the systemd unit it ships agree, and the unit uses the watchdog the app
feeds (Type=notify, WatchdogSec=)."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from storyplayer.model.config import parse_config

DOCS = Path(__file__).resolve().parents[1] / "docs"


def unit(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser


def test_the_unit_notifies_and_has_a_watchdog() -> None:
    service = unit((DOCS / "storyplayer.service").read_text(encoding="utf-8"))["Service"]
    assert service["Type"] == "notify" and service["NotifyAccess"] == "main"
    assert int(service["WatchdogSec"]) >= 30  # the app pings every WatchdogSec / 2
    assert service["ExecStart"].endswith("storyplayer --kiosk")
    assert service["Restart"] == "always"


def test_the_guide_shows_the_same_unit_and_settings_that_parse() -> None:
    guide = (DOCS / "kiosk.md").read_text(encoding="utf-8")
    shown = re.search(r"```ini\n(\[Unit\].*?)```", guide, re.S)
    assert shown is not None
    shipped = unit((DOCS / "storyplayer.service").read_text(encoding="utf-8"))
    assert {s: dict(unit(shown.group(1))[s]) for s in ("Unit", "Service", "Install")} == {
        s: dict(shipped[s]) for s in ("Unit", "Service", "Install")}
    for block in re.findall(r"```toml\n(.*?)```", guide, re.S):
        _config, problems = parse_config(block)
        assert [p for p in problems if "MBTiles" not in p.message] == [], block
    assert "statistics = false" in guide
