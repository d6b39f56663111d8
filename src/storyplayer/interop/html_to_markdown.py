"""HTML from other tools turned into our event Markdown: paragraphs, bold, italics, links,
lists and line breaks survive; everything else is dropped by our sanitiser first.
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


def html_to_markdown(markup: str) -> str:
    """Markdown for a piece of (untrusted) HTML; plain text comes through unchanged but escaped."""
    if not markup or not markup.strip():
        return ""
    converter = _Converter()
    converter.feed(sanitize_html(markup))
    converter.close()
    return converter.result()


def html_to_text(markup: str) -> str:
    """Plain text of HTML (titles, captions, credits): tags gone, entities decoded."""
    if not markup:
        return ""
    cleaned = sanitize_html(re.sub(r"<br\s*/?>", " ", markup, flags=re.I))
    text = html.unescape(re.sub(r"<[^>]*>", " ", cleaned))
    return " ".join(text.split())
