"""The look of the app in one place: palette, type sizes and the style sheet.

Sizes are in points and multiplied by the text scale, so a projector or a kiosk can
enlarge everything together without layouts overlapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

INK = "#1f2328"  # body text
MUTED = "#5b616b"  # secondary text: dates, credits, counts
PAPER = "#f7f4ee"  # window background, warm like the map's land
CARD = "#ffffff"
LINE = "#d9d3c7"
ACCENT = "#8a4b08"  # focus rings and primary actions
FOCUS_WIDTH = 2  # px of the focus ring

# Palettes by name; set_palette() swaps the module colours above, and the window rebuilds its
# style sheets (everything reads theme.INK etc. when it paints or styles).
PALETTES: dict[str, dict[str, object]] = {
    "light": {"INK": INK, "MUTED": MUTED, "PAPER": PAPER, "CARD": CARD, "LINE": LINE,
              "ACCENT": ACCENT, "FOCUS_WIDTH": 2},
    # Black on white, hard edges and a thick blue focus ring: for projectors and low vision.
    "high-contrast": {"INK": "#000000", "MUTED": "#222222", "PAPER": "#ffffff",
                      "CARD": "#ffffff", "LINE": "#000000", "ACCENT": "#0033aa",
                      "FOCUS_WIDTH": 4},
}
current_palette = "light"


def set_palette(name: str) -> None:
    """Switch every colour to the palette `name` ("light" or "high-contrast")."""
    global current_palette
    if name not in PALETTES:
        raise KeyError(f"no palette {name!r}; known: {', '.join(PALETTES)}")
    globals().update(PALETTES[name])
    current_palette = name


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points at text scale 1."""

    body: float = 12.5
    small: float = 10.5
    title: float = 17.0
    heading: float = 22.0


CHROME_MAX_SCALE = 1.5  # the controls' labels grow up to this; reading text to the full scale


def scaled(points: float, scale: float) -> float:
    return round(points * scale, 1)


def chrome_scale(scale: float) -> float:
    """The text scale for controls and their labels (buttons, status lines, headings of
    lists): they grow with the text up to CHROME_MAX_SCALE, so that at the largest scale the
    controls still fit beside three panes on a 1280 px window, while the story text itself
    (titles, event text, the end card, the cards) grows all the way."""
    return min(scale, CHROME_MAX_SCALE)


def readable_on(color: str) -> str:
    """White or near-black, whichever reads better on `color`."""
    c = QColor(color)
    luminance = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return "#ffffff" if luminance < 0.6 else INK


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (alike) to 21 (black on white)."""

    def luminance(color: str) -> float:
        c = QColor(color)
        parts = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
                 for v in (c.redF(), c.greenF(), c.blueF())]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def tint(color: str, amount: float) -> str:
    """`color` mixed with white: amount 0 is the colour, 1 is white."""
    c = QColor(color)
    mix = [round(v + (255 - v) * amount) for v in (c.red(), c.green(), c.blue())]
    return QColor(*mix).name()


def style_sheet(scale: float = 1.0) -> str:
    s = Sizes()
    return f"""
    QWidget {{ color: {INK}; font-size: {scaled(s.body, scale)}pt; }}
    QMainWindow, #playback, #picker {{ background: {PAPER}; }}
    QPushButton, QToolButton {{
        background: {CARD}; border: 1px solid {LINE}; border-radius: 6px;
        padding: 6px 14px; min-height: 34px; /* with padding and border: a 48 px fingertip */
        font-size: {scaled(s.body, chrome_scale(scale))}pt;
    }}
    QPushButton:hover, QToolButton:hover {{ border-color: {ACCENT}; }}
    QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus, QListView:focus {{
        border: {FOCUS_WIDTH}px solid {ACCENT};
    }}
    QPushButton:checked {{ background: {INK}; color: {CARD}; border-color: {INK}; }}
    QPushButton#primary {{
        background: {ACCENT}; color: white; border: none; font-weight: 600; padding: 8px 22px;
    }}
    QPushButton#primary:disabled {{ background: #c9b9a6; }}
    QLineEdit, QComboBox {{
        background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; padding: 5px 8px;
    }}
    #noticeText, #eventListHeading, #timelineStrip {{
        font-size: {scaled(s.body, chrome_scale(scale))}pt; }}
    #brand {{ font-size: {scaled(s.body, chrome_scale(scale))}pt; color: {MUTED};
              font-family: 'DejaVu Serif', serif; font-weight: bold; letter-spacing: 1px; }}
    QSplitter::handle {{ background: {LINE}; }}
    QScrollArea, QTextBrowser {{ background: transparent; border: none; }}
    QToolTip {{ color: {INK}; background: {CARD}; border: 1px solid {LINE}; }}
    """
