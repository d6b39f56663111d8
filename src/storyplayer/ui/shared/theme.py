"""The look of the app as one immutable value: `Theme` (palette, type sizes with the text
scale, the controls' scale, motion) and the window's style sheet built from it.

The main window owns the current `Theme`; a change is a new value handed to each widget's
public `apply_theme(theme)` (and to the map page as a `theme` message). This module is the
only place under `ui/` that writes colours down. Sizes are in points and multiplied by the
text scale, so a projector or a kiosk can enlarge everything together without overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Palette:
    """The colours of one palette (CSS colour strings; #AARRGGBB where it is see-through)."""

    name: str
    ink: str  # body text
    muted: str  # secondary text: dates, credits, counts
    paper: str  # window background, warm like the map's land
    card: str
    line: str
    accent: str  # focus rings and primary actions
    focus_width: int  # px of the focus ring
    on_strong: str = "#ffffff"  # text and icons on the accent or a story's dark colour
    scrollbar: str = "#cbc3b4"  # the picker's scroll handle at rest
    disabled: str = "#c9b9a6"  # a primary button that cannot be pressed yet
    disabled_text: str = "#8e949c"  # the words of any button that cannot be pressed
    banner: str = "#fff1d6"  # the staff page's warning banner
    summary: str = "#3d434a"  # a story card's summary
    refused: str = "#9b2c2c"  # a story card's "cannot be played" line
    scrim: str = "#96000000"  # under a dialog drawn over the window (PIN, staff pages)
    scrim_light: str = "#8c000000"  # under "Are you still there?"
    # The closed screen: dim grey on black, nearly dark, for the hours the museum is closed.
    closed_background: str = "#000000"
    closed_heading: str = "#6b6b6b"
    closed_text: str = "#4d4d4d"


LIGHT = Palette("light", ink="#1f2328", muted="#5b616b", paper="#f7f4ee", card="#ffffff",
                line="#d9d3c7", accent="#8a4b08", focus_width=2)
# Black on white, hard edges and a thick blue focus ring: for projectors and low vision.
HIGH_CONTRAST = Palette("high-contrast", ink="#000000", muted="#222222", paper="#ffffff",
                        card="#ffffff", line="#000000", accent="#0033aa", focus_width=4,
                        disabled_text="#595959")
PALETTES: dict[str, Palette] = {p.name: p for p in (LIGHT, HIGH_CONTRAST)}

# Colours for stories that name none (calm, distinct, readable under white text), and the
# grey of a story that cannot be played. They belong to stories, not to a palette.
STORY_COLORS = ("#6b5b45", "#4f6d7a", "#5e6b3f", "#7a4f5e", "#56607a", "#7a6140")
INVALID_STORY_COLOR = "#8d9096"

# Drawn on pictures (covers and their stand-ins), alike in every palette.
ON_PICTURE = "#ffffff"  # a card's check mark and ring, a cover's label
PICTURE_LINES = "#26ffffff"  # a stand-in cover's parallels and meridians
PICTURE_TEXT = "#ebffffff"  # a stand-in cover's years
PICTURE_LABEL = "#9614120e"  # the dark strip under a cover's label
CHECK_OFF = "#96ffffff"  # an unchosen card's check circle
CARD_SHADOW = "#3c2d14"  # a card's soft shadow (its alpha is set where it is drawn)


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points at text scale 1."""

    body: float = 12.5
    small: float = 10.5
    title: float = 17.0
    heading: float = 22.0


@dataclass(frozen=True)
class Motion:
    """How things move: less of it when the settings ask for reduced motion."""

    reduced: bool = False
    message_ms: int = 6000  # a window message stays this long


CHROME_MAX_SCALE = 1.5  # the controls' labels grow up to this; reading text to the full scale


def scaled(points: float, scale: float) -> float:
    return round(points * scale, 1)


@dataclass(frozen=True)
class Theme:
    """Everything the app's look depends on, as one value (see the module docstring)."""

    palette: Palette = LIGHT
    text_scale: float = 1.0
    sizes: Sizes = field(default_factory=Sizes)
    motion: Motion = field(default_factory=Motion)
    touch: bool = False  # kiosk: every button at least a fingertip wide as well as high

    @staticmethod
    def named(name: str, text_scale: float = 1.0) -> Theme:
        """The theme with palette `name` ("light" or "high-contrast")."""
        if name not in PALETTES:
            raise KeyError(f"no palette {name!r}; known: {', '.join(PALETTES)}")
        return Theme(PALETTES[name], text_scale)

    @property
    def name(self) -> str:
        return self.palette.name

    @property
    def high_contrast(self) -> bool:
        return self.palette.name == HIGH_CONTRAST.name

    def with_palette(self, name: str) -> Theme:
        return replace(self, palette=Theme.named(name).palette)

    def with_text_scale(self, scale: float) -> Theme:
        return replace(self, text_scale=scale)

    def with_motion(self, motion: Motion) -> Theme:
        return replace(self, motion=motion)

    @property
    def chrome_scale(self) -> float:
        """The text scale for controls and their labels (buttons, status lines, headings of
        lists): they grow with the text up to CHROME_MAX_SCALE, so that at the largest scale
        the controls still fit beside three panes on a 1280 px window, while the story text
        itself (titles, event text, the end card's words, the cards) grows all the way; the
        end card's heading stays with the controls."""
        return min(self.text_scale, CHROME_MAX_SCALE)

    def pt(self, points: float) -> float:
        """`points` at the text scale (reading text)."""
        return scaled(points, self.text_scale)

    def chrome_pt(self, points: float) -> float:
        """`points` at the controls' scale."""
        return scaled(points, self.chrome_scale)

    def readable_on(self, color: str) -> str:
        """White or the palette's ink, whichever reads better on `color`."""
        return self.palette.on_strong if luminance(color) < 0.6 else self.palette.ink

    def panel_rule(self, name: str) -> str:
        """The style rule of a card-like panel over the screen (the kiosk's PIN pad, staff
        report and "still there?" question), for the widget called `name`."""
        p = self.palette
        return (f"#{name} {{ background: {p.card}; border-radius: 18px;"
                f" border: 1px solid {p.line}; }}")

    def style_sheet(self) -> str:
        """The window's style sheet: what every widget shares."""
        p, s = self.palette, self.sizes
        touch = ("QPushButton, QToolButton { min-height: 38px; min-width: 38px; }"
                 if self.touch else "")
        return f"""
    QWidget {{ color: {p.ink}; font-size: {self.pt(s.body)}pt; }}
    QMainWindow, #playback, #picker {{ background: {p.paper}; }}
    QPushButton, QToolButton {{
        background: {p.card}; border: 1px solid {p.line}; border-radius: 6px;
        padding: 6px 14px; min-height: 34px; /* with padding and border: a 48 px fingertip */
        font-size: {self.chrome_pt(s.body)}pt;
    }}
    QPushButton:hover, QToolButton:hover {{ border-color: {p.accent}; }}
    QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus, QListView:focus {{
        border: {p.focus_width}px solid {p.accent};
    }}
    QPushButton:checked {{ background: {p.ink}; color: {p.card}; border-color: {p.ink}; }}
    QPushButton#primary {{
        background: {p.accent}; color: {p.on_strong}; border: none; font-weight: 600;
        padding: 8px 22px;
    }}
    /* flat, grey and dashed: a button that cannot be pressed never looks like one that can */
    QPushButton:disabled, QToolButton:disabled {{
        color: {p.disabled_text}; background: {p.paper}; border-style: dashed;
    }}
    QPushButton#primary:disabled {{ color: {p.on_strong}; background: {p.disabled}; }}
    QLineEdit, QComboBox {{
        background: {p.card}; border: 1px solid {p.line}; border-radius: 6px; padding: 5px 8px;
    }}
    #noticeText, #eventListHeading, #timelineStrip {{
        font-size: {self.chrome_pt(s.body)}pt; }}
    #brand {{ font-size: {self.chrome_pt(s.body)}pt; color: {p.muted};
              font-family: 'DejaVu Serif', serif; font-weight: bold; letter-spacing: 1px; }}
    QSplitter::handle {{ background: {p.line}; }}
    QScrollArea, QTextBrowser {{ background: transparent; border: none; }}
    QToolTip {{ color: {p.ink}; background: {p.card}; border: 1px solid {p.line}; }}
    {touch}
    """


DEFAULT = Theme()  # what a widget shows until its owner hands it the window's theme


def luminance(color: str) -> float:
    """The colour's plain luminance, 0 (black) to 1 (white)."""
    c = QColor(color)
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (alike) to 21 (black on white)."""

    def relative(color: str) -> float:
        c = QColor(color)
        parts = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
                 for v in (c.redF(), c.greenF(), c.blueF())]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    light, dark = sorted((relative(first), relative(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def tint(color: str, amount: float) -> str:
    """`color` mixed with white: amount 0 is the colour, 1 is white."""
    c = QColor(color)
    mix = [round(v + (255 - v) * amount) for v in (c.red(), c.green(), c.blue())]
    return QColor(*mix).name()
