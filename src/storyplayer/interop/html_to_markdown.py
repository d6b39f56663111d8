"""HTML from other tools turned into our event Markdown: paragraphs, bold, italics, links,
lists and line breaks survive; everything else is dropped by our sanitiser first. Coloured
squares and dots (a legend) keep their colour as a word ("red ■"), since the sanitiser
drops the style that coloured them. Also Markdown back to plain text, for summaries.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from storyplayer.model.rich_text import sanitize_html

# Characters that would start Markdown syntax inside running text.
_ESCAPE = re.compile(r"([\\`*_\[\]<>])")
_LINE_START = re.compile(r"^(\s*)([#>+-])(\s)", re.M)
_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])(\s)", re.M)


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # finished paragraphs / list items
        self.marks: list[tuple[str, int]] = []  # open emphasis: marker, where it starts
        self.line = ""  # the block being written
        self.lists: list[list[int]] = []  # one counter per open list; -1 for bullets
        self.links: list[str | None] = []

    # block handling
    def _flush(self) -> None:
        text = re.sub(r"[ \t]+", " ", self.line).strip(" ")
        text = "\n".join(part.strip() for part in text.split("\n"))
        # A <br> that ends a paragraph breaks nothing: Markdown would show its backslash.
        text = re.sub(r"(?:\\\n)+$", "", text)
        if text.strip():
            item = bool(self.lists)
            if not item:
                text = _LINE_START.sub(r"\1\\\2\3", text)
                text = _LINE_NUMBER.sub(r"\1\\\2\3", text)
            self.blocks.append((text, item))
        self.marks.clear()
        self.line = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "blockquote", "h3", "h4", "div"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            self._flush()
            depth = "   " * (len(self.lists) - 1)
            if self.lists and self.lists[-1][0] >= 0:
                self.lists[-1][0] += 1
                self.line = f"{depth}{self.lists[-1][0]}. "
            else:
                self.line = f"{depth}- "
        elif tag == "br":
            self.line = self.line.rstrip(" ") + "\\\n" if self.line.strip() else self.line
        elif tag in ("b", "strong", "i", "em"):
            self.marks.append(("**" if tag in ("b", "strong") else "*", len(self.line)))
        elif tag == "a":
            href = dict(attrs).get("href")
            self.links.append(href)
            if href:
                self.line += "["

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "blockquote", "h3", "h4", "div", "li"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("b", "strong", "i", "em") and self.marks:
            marker, start = self.marks.pop()
            inner = self.line[start:]
            if inner.strip():
                # Markdown wants the marks hugging the words: "*A Game *of" fails.
                lead = inner[: len(inner) - len(inner.lstrip())]
                trail = inner[len(inner.rstrip()) :]
                self.line = f"{self.line[:start]}{lead}{marker}{inner.strip()}{marker}{trail}"
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.line += f"]({href.replace(' ', '%20').replace(')', '%29')})"

    def handle_data(self, data: str) -> None:
        self.line += _escape(data.replace("\n", " "))

    def result(self) -> str:
        self._flush()
        text = ""
        for index, (block, item) in enumerate(self.blocks):
            if index:
                text += "\n" if item and self.blocks[index - 1][1] else "\n\n"
            text += block
        return text.strip()


_SHAPES = "■□▪▫▬▮●○◆◇▲△▼▽►◀★☆█▉◼◻◾◽⬛⬜⬤•◉◯"
_COLOURED = re.compile(
    rf"<(?P<tag>span|font|b|strong|i|em|div|p|li)\b(?P<attrs>[^>]{{0,500}})>"
    rf"(?P<shape>\s*[{_SHAPES}]{{1,3}}\s*)</(?P=tag)\s*>",
    re.I,
)
_COLOUR_ATTR = re.compile(
    r"""(?:(?<![\w-])color\s*:\s*|(?<![\w-])color\s*=\s*["']?|background(?:-color)?\s*:\s*)"""
    r"""(?P<value>#[0-9a-f]{3,8}\b|rgba?\([^)]{0,60}\)|[a-z]{3,20})""",
    re.I,
)
_PALETTE = {
    "black": (0, 0, 0), "white": (255, 255, 255), "grey": (128, 128, 128),
    "red": (215, 35, 35), "dark red": (130, 10, 10), "orange": (245, 140, 20),
    "yellow": (240, 220, 30), "green": (40, 160, 40), "dark green": (0, 90, 30),
    "light green": (150, 230, 140), "blue": (30, 80, 220), "dark blue": (10, 30, 120),
    "light blue": (130, 190, 240), "purple": (130, 40, 160), "pink": (245, 120, 180),
    "brown": (140, 80, 30),
}  # fmt: skip


def colour_name(value: str) -> str | None:
    """A plain name for a CSS colour: "#c00" -> "red", "rgb(0,0,255)" -> "blue"."""
    value = value.strip().lower()
    rgb: tuple[int, ...] | None = None
    if value.startswith("#"):
        digits = value[1:]
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits[:3])
        if len(digits) in (6, 8):
            rgb = tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))
    elif value.startswith("rgb"):
        numbers = re.findall(r"\d+(?:\.\d+)?", value)[:3]
        if len(numbers) == 3:
            rgb = tuple(min(255, int(float(n))) for n in numbers)
    elif value.isalpha():
        return value if value not in ("inherit", "initial", "transparent", "currentcolor") else None
    if rgb is None:
        return None
    found = rgb

    def distance(name: str) -> int:
        return sum((a - b) ** 2 for a, b in zip(_PALETTE[name], found, strict=True))

    return min(_PALETTE, key=distance)


def _name_colours(markup: str) -> str:
    def replace(match: re.Match[str]) -> str:
        found = _COLOUR_ATTR.search(match["attrs"])
        name = colour_name(found["value"]) if found else None
        shape = match["shape"].strip()
        return f" {name} {shape} " if name else match.group(0)

    return _COLOURED.sub(replace, markup) if any(c in markup for c in _SHAPES) else markup


def html_to_markdown(markup: str) -> str:
    """Markdown for a piece of (untrusted) HTML; plain text comes through unchanged but escaped."""
    if not markup or not markup.strip():
        return ""
    converter = _Converter()
    converter.feed(sanitize_html(_name_colours(markup)))
    converter.close()
    return converter.result()


def html_to_text(markup: str) -> str:
    """Plain text of HTML (titles, captions, credits): tags gone, entities decoded."""
    if not markup:
        return ""
    cleaned = sanitize_html(_name_colours(re.sub(r"<br\s*/?>", " ", markup, flags=re.I)))
    text = html.unescape(re.sub(r"<[^>]*>", " ", cleaned))
    return " ".join(text.split())


_MD_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\((?:<[^>\n]*>|[^)\s]*)\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


def markdown_to_plain(markdown: str) -> str:
    """Plain text of our Markdown (a summary for the picker card): links keep their words,
    emphasis and escapes go, paragraphs stay apart."""
    if not markdown:
        return ""
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = re.sub(r"\\\n", "\n", text)  # a hard line break: a plain one
    text = re.sub(r"(?<!\\)\*+|(?<![\w\\])_+(?=\w)|(?<=\w)_+(?!\w)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.M)
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
