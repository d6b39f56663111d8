"""A printable A4 handout of a story: title and summary, then each event with its date,
text, picture, a small locator map and its own sources; the sources several events share,
once at the end; page numbers in the footer.

Drawn with QTextDocument pieces laid out by hand onto QPdfWriter pages, so an event is
never split across pages when it fits on one.
"""

from __future__ import annotations

import html
import os
import shutil
from collections import Counter
from pathlib import Path

from storyplayer.model.dates import format_date
from storyplayer.model.rich_text import markdown_to_html, plain
from storyplayer.model.story import PANE_COLORS, Event, Story

DPI = 300
MARGIN_MM = 16
FOOTER_MM = 9
GAP_MM = 6
_WORDS = {
    "en": {"sources": "Sources", "page": "page {n} of {m}", "map": "Map: GSHHG coastlines"},
    "et": {"sources": "Allikad", "page": "lk {n} / {m}", "map": "Kaart: GSHHG rannajooned"},
}


class ExportFailure(Exception):
    """The handout could not be written; str(e) is one sentence for the user."""


def _mm(value: float) -> int:
    return round(value / 25.4 * DPI)


def _css_px(device_px: float) -> int:
    # Qt sizes <img width> in 96-dpi pixels and scales them to the page's resolution.
    return round(device_px * 96 / DPI)


def _css(color: str) -> str:
    return f"""
    body {{ font-family: 'DejaVu Serif', 'Georgia', serif; font-size: 10.5pt; color: #222; }}
    h1 {{ font-family: 'DejaVu Sans', sans-serif; font-size: 20pt; color: {color}; margin: 0; }}
    h2 {{ font-family: 'DejaVu Sans', sans-serif; font-size: 13.5pt; margin: 0 0 4px 0; }}
    p {{ margin: 0 0 6px 0; line-height: 130%; }}
    .date {{ font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: {color};
             font-weight: bold; margin: 0; }}
    .place {{ font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #555; }}
    .cap {{ font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #444; }}
    .sources {{ font-size: 8.5pt; color: #555; }}
    .summary {{ font-size: 11.5pt; }}
    a {{ color: #1f4e79; }}
    """


class _Handout:
    def __init__(self, story: Story, lang: str):
        self.story, self.lang = story, lang
        # A source cited by more than one event is the story's: listed once, at the end.
        counts = Counter(source for event in story.events for source in set(event.sources))
        self.shared = [source for source in dict.fromkeys(
            source for event in story.events for source in event.sources) if counts[source] > 1]
        self.color = story.color or PANE_COLORS[0]
        self.words = _WORDS.get(lang, _WORDS["en"])

    def t(self, value) -> str:  # type: ignore[no-untyped-def]
        return self.story.text(value, self.lang)

    def header_html(self, cover_src: str | None, width_px: int) -> str:
        s = self.story
        parts = [f"<h1>{plain(self.t(s.title))}</h1>"]
        period = s.period()
        if period:
            from storyplayer.model.dates import format_period, line_start

            period_text = line_start(format_period(*period, self.lang), self.lang)
            parts.append(f'<p class="date">{plain(period_text)}</p>')
        if s.summary:
            parts.append(f'<div class="summary">{markdown_to_html(self.t(s.summary))}</div>')
        if cover_src:
            parts.append(f'<p><img src="{cover_src}" width="{_css_px(width_px)}"></p>')
            caption = [self.t(s.cover_caption)] if s.cover_caption else []
            if s.cover_credit:
                caption.append(f"({self.t(s.cover_credit)})")
            if caption:
                parts.append(f'<p class="cap">{plain(" ".join(caption))}</p>')
        return "".join(parts)

    def event_html(
        self, index: int, event: Event, map_src: str | None, image_src: str | None, side_px: int
    ) -> str:
        left = []
        date = ""
        if event.date_label:
            date = self.t(event.date_label)
        elif event.date is not None:
            date = format_date(event.date, self.lang)
        left.append(
            f'<p class="date">{index}. &nbsp;{plain(date)}</p>'
            if date
            else f'<p class="date">{index}.</p>'
        )
        left.append(f"<h2>{plain(self.t(event.title))}</h2>")
        if event.text:
            left.append(markdown_to_html(self.t(event.text)))
        own = [source for source in event.sources if source not in self.shared]
        if own:
            items = "; ".join(plain(self.t(source)) for source in own)
            left.append(f'<p class="sources"><i>{self.words["sources"]}:</i> {items}</p>')
        right = []
        if map_src:
            right.append(f'<img src="{map_src}" width="{_css_px(side_px)}">')
            if event.place and event.place.name:
                right.append(f'<p class="place">{plain(self.t(event.place.name))}</p>')
            else:
                right.append('<p class="place">&nbsp;</p>')
        if image_src:
            right.append(f'<img src="{image_src}" width="{_css_px(side_px)}">')
            image = event.image
            caption = [self.t(image.caption)] if image and image.caption else []
            if image and image.credit:
                caption.append(f"({self.t(image.credit)})")
            if caption:
                right.append(f'<p class="cap">{plain(" ".join(caption))}</p>')
        if not right:
            return "".join(left)
        return (
            '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td valign="top">{"".join(left)}</td>'
            f'<td width="37%" valign="top" style="padding-left: 14px;">'
            f"{''.join(right)}</td></tr></table>"
        )


    def sources_html(self) -> str:
        """The story's shared sources, once, after its last event ("" when none)."""
        if not self.shared:
            return ""
        items = "; ".join(plain(self.t(source)) for source in self.shared)
        return f'<p class="sources"><i>{self.words["sources"]}:</i> {items}</p>'


def _load_image(path: Path, max_px: int):  # type: ignore[no-untyped-def]
    """A story picture as a QImage on white paper (an SVG drawn at `max_px`), or None when it
    cannot or must not be read: the player's own loader, with the same bomb checks."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    from storyplayer.images import read_image

    image = read_image(path, max_side=max_px, grow_vector=True)
    if image is None or not image.hasAlphaChannel():
        return image
    paper = QImage(image.size(), QImage.Format.Format_ARGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def _ensure_app() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        # A handout needs no window: draw off screen, wherever this runs.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_app.app = QGuiApplication([])  # type: ignore[attr-defined]
    from storyplayer.faults import limit_image_memory

    limit_image_memory()  # the player's decoding limit holds for a handout too


def _pictures(story: Story, handout: _Handout, side_px: int) -> dict[str, object]:
    """Every picture the handout shows, by the name its HTML uses."""
    from storyplayer.export.map_inset import render_inset

    pictures: dict[str, object] = {}
    if story.cover is not None:
        cover = _load_image(story.cover, 1600)
        if cover is not None:
            pictures["cover.png"] = cover
    for index, event in enumerate(story.events, start=1):
        if event.place is not None:
            pictures[f"map-{index}.png"] = render_inset(
                event.place.lat,
                event.place.lon,
                zoom=event.place.zoom,
                color=handout.color,
                width=side_px,
                height=round(side_px * 0.68),
            )
        if event.image is not None:
            picture = _load_image(event.image.src, 1600)
            if picture is not None:
                pictures[f"image-{index}.png"] = picture
    return pictures


def _chunks(
    story: Story, handout: _Handout, pictures: dict[str, object], width: int, side_px: int
) -> list[str]:
    cover = "cover.png" if "cover.png" in pictures else None
    cover_px = 0
    if cover:
        image = pictures[cover]
        cover_px = min(width * 2 // 5, image.width() * 3)  # type: ignore[attr-defined]
    chunks = [handout.header_html(cover, cover_px)]
    for index, event in enumerate(story.events, start=1):
        map_src = f"map-{index}.png" if f"map-{index}.png" in pictures else None
        image_src = f"image-{index}.png" if f"image-{index}.png" in pictures else None
        chunks.append(handout.event_html(index, event, map_src, image_src, side_px))
    if handout.sources_html():
        chunks.append(handout.sources_html())
    return chunks


def write_pdf(story: Story, path: Path, lang: str) -> None:
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
    from PySide6.QtGui import (
        QColor,
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QPen,
        QTextDocument,
    )

    _ensure_app()
    handout = _Handout(story, lang)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setTitle(handout.t(story.title))
    writer.setCreator("Story Player")
    width, full_height = writer.width(), writer.height()
    height = full_height - _mm(FOOTER_MM)
    side_px = round(width * 0.34)
    pictures = _pictures(story, handout, side_px)

    docs = []
    for markup in _chunks(story, handout, pictures, width, side_px):
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDefaultStyleSheet(_css(handout.color))
        doc.setDocumentMargin(0)
        for name, image in pictures.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        doc.setHtml(f"<body>{markup}</body>")
        doc.setTextWidth(width)
        docs.append(doc)

    # Place each piece: on the current page if it fits, else on the next; a piece taller
    # than a page is paginated by Qt itself.
    placements: list[tuple[int, float, QTextDocument, int]] = []  # page, y, doc, doc page
    page, y, gap = 0, 0.0, _mm(GAP_MM)
    for index, doc in enumerate(docs):
        doc_height = doc.size().height()
        if index and y > 0 and y + gap + doc_height > height:
            page, y = page + 1, 0.0
        elif index:
            y += gap
        if doc_height <= height:
            placements.append((page, y, doc, -1))
            y += doc_height
            continue
        if y > 0:
            page, y = page + 1, 0.0
        doc.setPageSize(QSizeF(width, height))
        for part in range(doc.pageCount()):
            placements.append((page + part, 0.0, doc, part))
        page += doc.pageCount() - 1
        y = doc.documentLayout().documentSize().height() - (doc.pageCount() - 1) * height
    pages = page + 1

    painter = QPainter()
    if not painter.begin(writer):
        raise ExportFailure(f"cannot write {path}")
    try:
        footer_font = QFont("DejaVu Sans")
        footer_font.setPointSizeF(8)
        current = 0
        title = handout.t(story.title)
        for number in range(pages):
            if number:
                writer.newPage()
            for page_no, top, doc, part in placements:
                if page_no != number:
                    continue
                painter.save()
                if part < 0:
                    if top > 0:
                        # a thin rule in the story's colour between events
                        painter.setPen(QPen(QColor(handout.color), _mm(0.35)))
                        rule_y = top - gap / 2
                        painter.drawLine(0, round(rule_y), round(width * 0.25), round(rule_y))
                    painter.translate(0, top)
                    doc.drawContents(painter, QRectF(0, 0, width, doc.size().height()))
                else:
                    painter.translate(0, -part * height)
                    doc.drawContents(painter, QRectF(0, part * height, width, height))
                painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#666"))
            footer = QRectF(0, full_height - _mm(FOOTER_MM) + _mm(3), width, _mm(FOOTER_MM - 3))
            painter.drawText(
                footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
            )
            painter.drawText(
                footer,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                handout.words["page"].format(n=number + 1, m=pages),
            )
            current += 1
    finally:
        painter.end()


def write_html(story: Story, folder: Path, lang: str) -> Path:
    _ensure_app()
    handout = _Handout(story, lang)
    side_px = 260
    pictures = _pictures(story, handout, side_px * 2)
    try:
        folder.mkdir(exist_ok=True)  # the folder, never missing folders above it
    except OSError as error:
        raise ExportFailure(f"cannot write {folder} ({error.strerror or error})") from None
    for name, image in pictures.items():
        if not image.save(str(folder / name)):  # type: ignore[attr-defined]
            raise ExportFailure(f"cannot write {folder / name}")
    body = "\n".join(
        f'<section class="event">{chunk}</section>' if i else f"<header>{chunk}</header>"
        for i, chunk in enumerate(_chunks(story, handout, pictures, 900, side_px))
    )
    page = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(handout.t(story.title))}</title>
<style>
@page {{ size: A4; margin: {MARGIN_MM}mm; @bottom-right {{ content: counter(page); }} }}
{_css(handout.color)}
body {{ max-width: 180mm; margin: 0 auto; }}
section.event {{ break-inside: avoid; border-top: 1px solid {handout.color}; padding-top: 8px;
                 margin-top: 14px; }}
img {{ max-width: 100%; height: auto; }}
</style></head>
<body>
{body}
</body></html>
"""
    index = folder / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def export_handout(story: Story, *, pdf: Path | None, html: Path | None, lang: str) -> list[Path]:
    """Writes the handouts asked for; returns the files written. Raises ExportFailure."""
    written: list[Path] = []
    try:
        if pdf is not None:
            if pdf.is_dir():
                raise ExportFailure(f"cannot write {pdf}: it is a folder")
            tmp = pdf.with_name(f".{pdf.name}.part")
            try:
                # Opened here first, so that an unwritable place is reported in one line
                # (Qt would print its own warning before failing).
                tmp.open("wb").close()
            except OSError as error:
                raise ExportFailure(f"cannot write {pdf} ({error.strerror or error})") from None
            write_pdf(story, tmp, lang)
            shutil.move(tmp, pdf)
            written.append(pdf)
        if html is not None:
            written.append(write_html(story, html, lang))
    except OSError as error:
        raise ExportFailure(f"cannot write the handout ({error.strerror or error})") from None
    return written
