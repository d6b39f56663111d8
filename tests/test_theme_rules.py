"""The look has one source: only `ui/shared/theme.py` writes colours down, and the `Theme` it
holds is one immutable value (read from the source and the class, no display needed)."""

from __future__ import annotations

import dataclasses
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "storyplayer" / "ui"
THEME = UI / "shared" / "theme.py"
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9A-Za-z_-])")
LITERAL_QCOLOR = re.compile(r"QColor\(\s*(?:\d|[\"'])")


def _strings_and_code(path: Path) -> tuple[list[tuple[int, str]], str]:
    text = path.read_text(encoding="utf-8")
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    strings = [(t.start[0], t.string) for t in tokens if t.type == tokenize.STRING]
    return strings, text


def test_only_the_theme_module_writes_colours_down() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path == THEME:
            continue
        strings, text = _strings_and_code(path)
        name = path.relative_to(ROOT)
        found += [f"{name}:{line}: {HEX.search(s)[0]}" for line, s in strings if HEX.search(s)]
        found += [f"{name}: {m[0]}" for m in LITERAL_QCOLOR.finditer(text)]
    assert not found, "colours outside ui/shared/theme.py:\n" + "\n".join(found)


def test_the_rule_finds_a_colour() -> None:
    """The scan bites: a colour in a style sheet and a literal QColor are both seen."""
    sample = 'style = f"color: #1f2328; x: {a}"\nink = QColor(0, 0, 0, 150)\n'
    assert HEX.search(sample) and LITERAL_QCOLOR.search(sample)
    assert not HEX.search("#eventBody, #endBody, #waitingBody, #b03a2ez")


def test_no_widget_restyles_another_through_private_calls() -> None:
    for path in sorted(UI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "_apply_colors" not in text and ".restyle()" not in text, path
    assert "globals()" not in THEME.read_text(encoding="utf-8")


def test_the_theme_is_one_immutable_value() -> None:
    pytest.importorskip("PySide6")
    from storyplayer.ui.shared.theme import HIGH_CONTRAST, LIGHT, Theme

    theme = Theme.named("high-contrast", 2.5)
    assert theme.palette is HIGH_CONTRAST and theme.high_contrast
    with pytest.raises(dataclasses.FrozenInstanceError):
        theme.text_scale = 1.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        theme.palette.ink = "red"  # type: ignore[misc]
    assert theme.chrome_scale == 1.5 and theme.pt(10) == 25.0 and theme.chrome_pt(10) == 15.0
    light = theme.with_palette("light").with_text_scale(1.0)
    assert light == Theme() and light.palette is LIGHT and not light.high_contrast
    assert "min-width: 38px" not in light.style_sheet()
    assert "min-width: 38px" in dataclasses.replace(light, touch=True).style_sheet()
    with pytest.raises(KeyError):
        Theme.named("dim")
