"""The map page can reach nothing but the app's own scheme: no network, no files, no escapes."""

from __future__ import annotations

import http.server
import re
import sqlite3
import threading

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QColor, QImage

from storyplayer.map.map_view import RequestGuard
from storyplayer.map.scheme import SchemeHandler, safe_join

# [status, content type, byte length] of a successful fetch; a failed one rejects, and an
# answer that is not 200 (the scheme handler's UrlNotFound) becomes an error too.
FETCH_STATUS = (
    "fetch({url!r}).then(function (r) {{ if (!r.ok) throw new Error('status ' + r.status);"
    " return r.arrayBuffer().then(function (b) {{"
    " return [r.status, r.headers.get('content-type'), b.byteLength]; }}); }})"
)


def fetch_js(url: str) -> str:
    return FETCH_STATUS.format(url=url)


@pytest.fixture
def local_server():
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(b"hello")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_requests_to_the_network_are_blocked(probe, map_view, local_server):
    base, hits = local_server
    result = probe.wait(map_view, fetch_js(base + "/x"))
    assert "error" in result
    # an image and a navigation attempt go nowhere either
    map_view.page().runJavaScript(
        f"var i = new Image(); i.src = {base + '/img.png'!r};document.body.appendChild(i);"
    )
    result = probe.wait(
        map_view,
        f"new Promise(function (ok) {{ var i = new Image();"
        f" i.onload = function () {{ ok('loaded'); }};"
        f" i.onerror = function () {{ ok('failed'); }};"
        f" i.src = {base + '/img2.png'!r}; }})",
    )
    assert result == {"ok": "failed"}
    map_view.page().runJavaScript(f"location.href = {base + '/away'!r}")
    assert probe.wait(map_view, "location.href") == {"ok": "storyplayer://app/map/index.html"}
    assert hits == []


def test_path_escapes_fail(probe, map_view):
    for url in (
        "storyplayer://app/../../etc/passwd",
        "storyplayer://app/map/..%2F..%2Fetc%2Fpasswd",
        "storyplayer://app/leaflet/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "storyplayer://other/map/index.html",
        "file:///etc/passwd",
    ):
        result = probe.wait(map_view, fetch_js(url))
        assert "error" in result, url
    assert probe.wait(map_view, fetch_js("storyplayer://app/map/map.css"))["ok"][0] == 200


def test_media_served_only_inside_its_folder(probe, map_view, tmp_path):
    story = tmp_path / "story"
    (story / "media").mkdir(parents=True)
    (story / "media" / "a.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "secret.txt").write_text("secret")
    (story / "media" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    base = map_view.add_media_root("s1", story)
    assert base == "storyplayer://app/media/s1/"
    status, mime, size = probe.wait(map_view, fetch_js(base + "media/a.png"))["ok"]
    assert (status, mime, size) == (200, "image/png", 9)
    for bad in ("media/leak.txt", "../secret.txt", "media/../../secret.txt", "nope.png"):
        assert "error" in probe.wait(map_view, fetch_js(base + bad)), bad
    assert "error" in probe.wait(map_view, fetch_js("storyplayer://app/media/s2/a.png"))


def test_safe_join_rejects_escapes(tmp_path):
    (tmp_path / "ok.txt").write_text("x")
    assert safe_join(tmp_path, "ok.txt") == (tmp_path / "ok.txt").resolve()
    for bad in ("", "/etc/passwd", "../x", "a/../../x", "a\\b", ".", "C:/x", "missing.txt"):
        assert safe_join(tmp_path, bad) is None


def tiny_png() -> bytes:
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def test_mbtiles_serves_a_tile_with_tms_flip(probe, map_view, tmp_path):
    path = tmp_path / "tiles.mbtiles"
    png = tiny_png()
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
            " tile_row INTEGER, tile_data BLOB)"
        )
        db.execute("INSERT INTO tiles VALUES (1, 0, 1, ?)", (png,))  # TMS row 1 = XYZ y 0
    db.close()
    url = map_view.set_mbtiles(path)
    assert url == "storyplayer://app/tiles/{z}/{x}/{y}"
    ok = probe.wait(map_view, fetch_js("storyplayer://app/tiles/1/0/0"))["ok"]
    assert ok == [200, "image/png", len(png)]
    assert "error" in probe.wait(map_view, fetch_js("storyplayer://app/tiles/1/0/1"))


def test_mbtiles_is_opened_read_only(tmp_path):
    path = tmp_path / "t.mbtiles"
    sqlite3.connect(path).execute(
        "CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)"
    ).connection.close()
    handler = SchemeHandler()
    handler.set_mbtiles(path)
    with pytest.raises(sqlite3.OperationalError):
        handler._mbtiles.connection.execute("INSERT INTO tiles VALUES (0, 0, 0, x'00')")
    handler.close()


def test_request_guard_allows_only_the_app():
    guard = RequestGuard()
    allowed = [
        "storyplayer://app/map/index.html",
        "qrc:///qtwebchannel/qwebchannel.js",
        "data:image/png;base64,AAAA",
    ]
    blocked = [
        "storyplayer://evil/x",
        "http://127.0.0.1:8000/x",
        "https://tile.example.org/1/2/3",
        "file:///etc/passwd",
        "ftp://x/y",
        "ws://127.0.0.1/x",
    ]
    assert all(guard.allows(QUrl(u)) for u in allowed)
    assert not any(guard.allows(QUrl(u)) for u in blocked)
    guard.tile_host = re.compile(r"[a-z0-9-]+\.tile\.example\.org")
    assert guard.allows(QUrl("https://b.tile.example.org/1/2/3"))
    assert not guard.allows(QUrl("http://b.tile.example.org/1/2/3"))
    assert not guard.allows(QUrl("https://evil.org/?b.tile.example.org"))


def test_the_page_runs_no_script_that_markup_could_smuggle_in(probe, map_view):
    # Story text reaches the page as text; should markup ever get in, the page's policy still
    # runs none of it: neither an inline script nor an inline event handler.
    result = probe.wait(
        map_view,
        """new Promise(function (done) {
          var script = document.createElement('script');
          script.textContent = 'window.smuggled = 1';
          document.body.appendChild(script);
          var holder = document.createElement('div');
          holder.innerHTML = '<img src="missing.png" onerror="window.handled = 1">';
          // Listeners run in the order they were added: the inline one would have run by now.
          holder.firstChild.addEventListener('error', function () {
            done([window.smuggled === undefined, window.handled === undefined]);
          });
          document.body.appendChild(holder);
        })""",
    )
    assert result == {"ok": [True, True]}
