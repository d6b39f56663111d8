"""Hostile story content is inert: a story full of HTML, scripts, handlers, javascript:/data:
links, remote images, CSS url() and SVG with script, all pointing at a local HTTP server, plays
in the real window beside the real map, and the server sees not one request."""

from __future__ import annotations

import http.server
import threading
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QToolTip

from storyplayer.faults import limit_image_memory
from storyplayer.model.library import Library
from storyplayer.model.loader import check_story
from storyplayer.model.rich_text import ALLOWED_TAGS, markdown_to_html

SERVER_LIFETIME_S = 120  # the server stops itself even if a test never tears it down


class Server:
    """A local HTTP server in a thread that records every request it sees."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                hits.append(self.path)
                body = b"<svg xmlns='http://www.w3.org/2000/svg'/>"
                self.send_response(200)
                self.send_header("Content-Type", "image/svg+xml")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.timeout = 1
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.stopper = threading.Timer(SERVER_LIFETIME_S, self.stop)
        self.stopper.daemon = True

    def start(self) -> Server:
        self.thread.start()
        self.stopper.start()
        return self

    def stop(self) -> None:
        self.stopper.cancel()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server().start()
    yield running
    running.stop()


def hostile(base: str, where: str) -> str:
    """Every trick at once, each pointing at the server (the path says which field)."""
    u = f"{base}/{where}"
    return (
        f'<img src="{u}/img.png" onerror="fetch(\'{u}/onerror\')">'
        f"<script>fetch('{u}/script')</script>"
        f'<a href="javascript:fetch(\'{u}/js\')">js</a>'
        f' <a href="data:text/html,<img src={u}/d>">d</a>'
        f"<style>@import url({u}/import.css); body {{ background: url({u}/bg.png) }}</style>"
        f'<p style="background-image:url({u}/style.png)">styled</p>'
        f'<svg onload="fetch(\'{u}/svg\')"><image href="{u}/svgimg.png"/></svg>'
        f'<iframe src="{u}/frame"></iframe><link rel="stylesheet" href="{u}/link.css">'
    )


def hostile_markdown(base: str, where: str) -> str:
    u = f"{base}/{where}"
    return (
        hostile(base, where)
        + f"\n\n![remote]({u}/md.png) [js](javascript:fetch('{u}/mdjs'))"
        + f" [data](data:text/html;base64,PHNjcmlwdD4=) <{u}/autolink>\n\n"
        + f'<img src="{u}/block.png">\n\n[ref]: {u}/ref.png\n\n![r][ref]'
    )


def hostile_svg(base: str, where: str) -> str:
    u = f"{base}/{where}"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' width="320" height="200" onload="fetch(\'{u}/onload\')">'
        f"<script>fetch('{u}/script')</script>"
        f'<style>@import url({u}/import.css); rect {{ fill: url({u}/fill.svg#p) }}</style>'
        f'<image href="{u}/image.png" width="100" height="100"/>'
        f'<image xlink:href="{u}/ximage.png" width="100" height="100"/>'
        f'<use href="{u}/use.svg#x"/><foreignObject width="10" height="10">'
        f'<iframe xmlns="http://www.w3.org/1999/xhtml" src="{u}/fo"/></foreignObject>'
        '<rect width="320" height="200" fill="#b03a2e"/></svg>'
    )


def write_hostile_story(folder: Path, story_id: str, base: str) -> Path:
    story = folder / story_id
    (story / "media").mkdir(parents=True)
    for name in ("cover", "picture", "overlay"):
        (story / "media" / f"{name}.svg").write_text(hostile_svg(base, f"{story_id}-{name}"))
    h = lambda where: hostile(base, f"{story_id}-{where}")  # noqa: E731
    events = [
        {
            "title": {"en": h(f"title{i}"), "et": h(f"title-et{i}")},
            "date": f"1917-10-{20 + i}",
            "date_label": h(f"datelabel{i}") if i == 1 else None,
            "place": {"name": h(f"place{i}"), "lat": 59.4 + i / 10, "lon": 24.7 + i / 10,
                      "zoom": 8},
            "geometry": {"type": "LineString",
                         "coordinates": [[24.7, 59.4], [26.7, 58.4 + i / 10]]},
            "text": hostile_markdown(base, f"{story_id}-text{i}"),
            "image": {"src": "media/picture.svg", "caption": h(f"caption{i}"),
                      "credit": h(f"credit{i}"), "alt": h(f"alt{i}")},
            "sources": [h(f"source{i}"), {"en": h(f"source-en{i}")}],
            "overlay": {"src": "media/overlay.svg", "bounds": [[58.0, 23.0], [59.8, 28.0]],
                        "opacity": 0.5},
            "seconds": 4,
        }
        for i in range(4)
    ]
    for event in events:
        if event["date_label"] is None:
            del event["date_label"]
    data = {
        "format": 1,
        "id": story_id,
        "title": {"en": h("story-title")},
        "summary": {"en": h("summary")},
        "categories": [f"<img src={base}/cat>"[:40]],
        "cover": "media/cover.svg",
        "events": events,
    }
    (story / "story.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return story


def write_refused_story(folder: Path, base: str) -> Path:
    """Media and GeoJSON that try to leave the story folder: the loader refuses the story."""
    story = folder / "refused"
    story.mkdir()
    data = {
        "format": 1,
        "title": "refused",
        "cover": f"{base}/cover.png",
        "events": [
            {"title": "remote", "image": {"src": f"{base}/remote.png"},
             "overlay": {"src": "data:image/svg+xml,<svg/>", "bounds": [[1, 1], [2, 2]]}},
            {"title": "feature", "geometry": {"type": "Feature", "properties": {
                "name": f"<img src={base}/geo>"}, "geometry": {"type": "Point"}}}],
    }
    (story / "story.yaml").write_text(yaml.safe_dump(data), "utf-8")
    return story


IDS = ["hostile-a", "hostile-b", "hostile-c"]


def test_hostile_stories_make_zero_requests(
    qtbot, make_window, tmp_path: Path, server: Server
) -> None:
    limit_image_memory()
    for story_id in IDS:
        write_hostile_story(tmp_path, story_id, server.base)
    refused = write_refused_story(tmp_path, server.base)
    library = Library.load([tmp_path])
    assert sorted(s.id for s in library.stories) == IDS, [e.problems for e in library.invalid]
    story, problems = check_story(refused)
    assert story is None and problems  # remote and data: media, and a GeoJSON Feature

    window = make_window(library, speed=20.0, size=(1280, 800))
    window.grab()  # the picker paints every card: titles, summaries, SVG covers
    window.play(IDS)
    map_view = window.playback.map_view
    if not map_view.is_ready:
        with qtbot.waitSignal(map_view.ready, timeout=30_000):
            pass
    panes = window.playback.panes
    # A few event changes in every pane, each drawn on the map (overlays, labels, shapes).
    qtbot.waitUntil(lambda: all(p.driver.index >= 2 for p in panes), timeout=20_000)
    for pane in panes:
        seq = map_view.show_event(window.playback._slots[pane], pane.driver.index)
        with qtbot.waitSignal(map_view.shown, timeout=10_000,
                              check_params_cb=lambda s, seq=seq: s >= seq):
            pass
        pane.grab()  # render the rich-text labels: caption, text, sources
        assert "<script>" in pane.event_view.title.text()  # shown as text
        QToolTip.showText(pane.mapToGlobal(QPoint(5, 5)), pane.story_title.toolTip(), pane)
        QApplication.processEvents()
    QToolTip.hideText()
    # In the page, story text is text: the labels hold the markup as characters and the
    # page has only its own seven scripts (the channel, preload, Leaflet, boxes, pins, labels,
    # map).
    page = run_js(qtbot, map_view, """JSON.stringify({
        labels: Array.from(document.querySelectorAll('.story-label'))
                .map(function (e) { return e.textContent; }),
        scripts: document.scripts.length,
        foreign: Array.from(document.querySelectorAll('[src],[href]')).filter(function (e) {
          return (e.getAttribute('src') || e.getAttribute('href') || '').indexOf('127.0.0.1')
            >= 0; }).length })""")
    assert page.count('"foreign":0') == 1, page
    assert '"scripts":7' in page, page  # qwebchannel, preload, leaflet, boxes, pins, labels, map
    assert "<script>fetch(" in page  # a label shows the markup as text
    make_window.close_all()
    qtbot.wait(300)  # time for any late request to arrive (there must be none)
    assert server.hits == []
    # The server did work all along: a request from Python reaches it.
    urllib.request.urlopen(server.base + "/control", timeout=5).read()
    assert server.hits == ["/control"]


def test_rich_text_widgets_never_fetch_even_unsanitised_html(qtbot, server: Server) -> None:
    """Even if the sanitiser let an <img> or a style through, Qt's rich text (QLabel,
    QTextBrowser, tool tips) loads resources only from local files and qrc:, never from
    the network."""
    markup = hostile(server.base, "unsanitised") + f'<img src="{server.base}/plain.png">'
    label = QLabel()
    label.setTextFormat(Qt.RichText)
    label.setText(markup)
    browser = QTextBrowser()
    browser.setHtml(markup)
    browser.setSource  # noqa: B018 - present, but never called with story text
    for widget in (label, browser):
        qtbot.addWidget(widget)
        widget.resize(400, 300)
        widget.show()
        widget.grab()
    QToolTip.showText(QPoint(10, 10), markup, label)
    QApplication.processEvents()
    QToolTip.hideText()
    qtbot.wait(200)
    assert server.hits == []


def run_js(qtbot, view, script: str) -> str:
    box: list[str] = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


# --- the sanitiser's guarantee ----------------------------------------------------------------

PIECES = [
    "<img src=http://127.0.0.1:9/x.png>", "<script>alert(1)</script>", "onerror=alert(1)",
    "<a href='javascript:alert(1)'>j</a>", "<a href=\"data:text/html,x\">d</a>",
    "<style>@import url(http://x)</style>", "<p style='background:url(http://x)'>",
    "<svg><image href='http://x'/></svg>", "<iframe src=//x>", "<object data=x>",
    "![i](http://x/i.png)", "[j](javascript:alert(1))", "<http://x/auto>", "*em*", "**b**",
    "\n\n", "> quote", "- item", "`code`", "<", ">", "\"", "'", "&", "<!--", "-->", "<![CDATA[",
    "<base href=http://x>", "<meta http-equiv=refresh content='0;url=http://x'>",
    "<link rel=stylesheet href=http://x>", "<video poster=http://x>", "<body background=x>",
    "<table background=http://x>", "<math><mglyph src=http://x>", "<form action=http://x>",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


@settings(max_examples=150, deadline=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=12))
def test_sanitised_text_never_holds_a_resource_tag(parts: list[str]) -> None:
    parser = _Tags()
    parser.feed(markdown_to_html("".join(parts)))
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS
        for name, value in attrs:
            assert name in ("href", "title", "rel"), (tag, name)
            if name == "href":
                assert (value or "").startswith(("http://", "https://", "mailto:")), value
