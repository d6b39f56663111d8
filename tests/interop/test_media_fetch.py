"""`import --fetch-media` against a local web server: pictures land in media/, anything
else becomes a warning and a link."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from storyplayer.cli import main
from storyplayer.model.loader import check_story

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
ROUTES = {
    "/a.png": ("image/png", PNG),
    "/fake.png": ("image/png", b"<html>not a picture</html>"),
    "/page.html": ("text/html", b"<html></html>"),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        kind, body = ROUTES.get(self.path, ("text/plain", b""))
        self.send_response(200 if self.path in ROUTES else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.timeout = 5
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def _timeline(tmp_path: Path, base: str) -> Path:
    events = [
        {
            "start_date": {"year": 1900 + i},
            "text": {"headline": f"E{i}"},
            "media": {"url": f"{base}{route}", "caption": "Cap", "credit": "Cred"},
        }
        for i, route in enumerate(["/a.png", "/a.png", "/fake.png", "/page.html", "/missing.png"])
    ]
    source = tmp_path / "t.json"
    source.write_text(json.dumps({"events": events}), encoding="utf-8")
    return source


def test_fetch_media(tmp_path: Path, server: str, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "story"
    assert main(["import", str(_timeline(tmp_path, server)), "-o", str(out), "--fetch-media"]) == 0
    report = capsys.readouterr().out
    story, problems = check_story(out)
    assert story is not None, problems
    data = yaml.safe_load((out / "story.yaml").read_text(encoding="utf-8"))
    first, second, fake, page, missing = data["events"]
    assert first["image"] == {"src": "media/event-01.png", "caption": "Cap", "credit": "Cred"}
    assert second["image"]["src"] == "media/event-01.png"  # downloaded once
    assert sorted(p.name for p in (out / "media").iterdir()) == ["event-01.png"]
    assert (out / "media" / "event-01.png").read_bytes() == PNG
    for event in (fake, page, missing):
        assert "image" not in event and "*Media:* [Cap]" in event["text"]
    assert "not the image/png picture" in report
    assert "text/html, not a PNG" in report
    assert "404" in report


def test_no_fetch_without_the_flag(tmp_path: Path, server: str, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "story"
    assert main(["import", str(_timeline(tmp_path, server)), "-o", str(out)]) == 0
    assert not (out / "media").exists()
    assert "use --fetch-media" in capsys.readouterr().out
