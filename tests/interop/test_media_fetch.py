"""`import --fetch-media` against a local web server on 127.0.0.1: pictures land in media/
with their credits, anything else stays a credited reference, and the guard refuses local
and private addresses (also after a redirect), big files and slow servers. Tests point a
made-up host name at the local server through the fetcher's injected resolver and allow
that one address; the app itself has no way to turn the guard off."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from storyplayer.cli import main
from storyplayer.interop import MediaFetcher, import_file
from storyplayer.interop.media import classify
from storyplayer.interop.media_fetch import FetchError, public_address
from storyplayer.model.loader import check_story

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
ROUTES = {
    "/a.png": ("image/png", PNG),
    "/fake.png": ("image/png", b"<html>not a picture</html>"),
    "/page.png": ("text/html", b"<html></html>"),
}
HOST = "pictures.test"  # resolved to 127.0.0.1 by the tests' resolver only


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Handler.requests.append(self.path)
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", self.path.split("?to=", 1)[1])
            self.end_headers()
            return
        if self.path == "/slow.png":  # a byte every 0.2 s, for ever
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            try:
                for byte in PNG * 100:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            return
        if self.path == "/big.png":  # 300 KB with no Content-Length
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            try:
                self.wfile.write(PNG + b"\0" * 300_000)
            except OSError:
                pass
            return
        kind, body = ROUTES.get(self.path, ("text/plain", b""))
        self.send_response(200 if self.path in ROUTES else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[int]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    _Handler.requests = []
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    )
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def local_fetcher(**limits: float) -> MediaFetcher:
    """A fetcher that finds HOST at 127.0.0.1 and allows only that address (tests only)."""

    def resolver(host: str, port: int) -> list[str]:
        return {HOST: ["127.0.0.1"], "inside.test": ["10.0.0.5"],
                "both.test": ["93.184.216.34", "127.0.0.1"]}[host]  # fmt: skip

    return MediaFetcher(
        resolver=resolver, address_allowed=lambda a: a == "127.0.0.1", **limits  # type: ignore[arg-type]
    )


def _timeline(tmp_path: Path, urls: list[str]) -> Path:
    events = [
        {
            "start_date": {"year": 1900 + i},
            "text": {"headline": f"E{i}"},
            "media": {"url": url, "caption": "Cap", "credit": "Cred"},
        }
        for i, url in enumerate(urls)
    ]
    source = tmp_path / "t.json"
    source.write_text(json.dumps({"events": events}), encoding="utf-8")
    return source


def test_fetch_media(tmp_path: Path, server: int) -> None:
    base = f"http://{HOST}:{server}"
    routes = ["/a.png", "/a.png", "/fake.png", "/page.png", "/missing.png"]
    source = _timeline(tmp_path, [base + r for r in routes])
    report = import_file(
        source, tmp_path / "story", fetch_media=True, fetcher=local_fetcher(), known_places=[]
    )
    out = report.folder
    story, problems = check_story(out)
    assert story is not None, problems
    data = yaml.safe_load((out / "story.yaml").read_text(encoding="utf-8"))
    first, second, fake, page, missing = data["events"]
    assert first["image"] == {"src": "media/event-01.png", "caption": "Cap", "credit": "Cred"}
    assert first["sources"] == [f"Picture: Cap — Cred — {base}/a.png"]
    assert second["image"]["src"] == "media/event-01.png"  # downloaded once
    assert _Handler.requests.count("/a.png") == 1
    assert sorted(p.name for p in (out / "media").iterdir()) == ["event-01.png"]
    assert (out / "media" / "event-01.png").read_bytes() == PNG
    for event in (fake, page, missing):
        assert "image" not in event
        assert event["sources"][0].startswith("Picture not available offline: Cap — Cred — ")
    assert report.pictures_kept == 2
    reasons = [m.reason for m in report.pictures_missing]
    assert "not the image/png picture" in reasons[0]
    assert "text/html, not a PNG" in reasons[1]
    assert "404" in reasons[2]
    assert "2 kept, 3 not available offline" in report.summary_lines()[0]


def test_the_app_refuses_loopback(tmp_path: Path, server: int, capsys) -> None:  # type: ignore[no-untyped-def]
    """As a user runs it: no request reaches a server on this machine."""
    source = _timeline(tmp_path, [f"http://127.0.0.1:{server}/a.png", f"http://[::1]:{server}/a.png"])
    out = tmp_path / "story"
    assert main(["import", str(source), "-o", str(out), "--fetch-media"]) == 0
    assert _Handler.requests == []
    printed = capsys.readouterr().out
    assert "0 kept, 2 not available offline" in printed and "refused" in printed
    assert not (out / "media").exists()


def test_no_fetch_without_the_flag(tmp_path: Path, server: int, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "story"
    source = _timeline(tmp_path, [f"http://{HOST}:{server}/a.png"])
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert not (out / "media").exists() and _Handler.requests == []
    assert "import with --fetch-media" in capsys.readouterr().out


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
     "0.0.0.0", "224.0.0.251", "239.255.255.250", "255.255.255.255", "::1", "fe80::1", "fc00::1",
     "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1", "not an address"],
)  # fmt: skip
def test_address_guard_refuses(address: str) -> None:
    assert not public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700:4700::1111"])
def test_address_guard_allows_the_internet(address: str) -> None:
    assert public_address(address)


def test_redirects_and_mixed_answers_are_checked(server: int) -> None:
    fetch = local_fetcher()
    inside = f"http://inside.test:{server}/a.png"
    with pytest.raises(FetchError, match="refused: inside.test"):
        fetch(f"http://{HOST}:{server}/redirect?to={inside}")
    with pytest.raises(FetchError, match="not http"):
        fetch(f"http://{HOST}:{server}/redirect?to=file:///etc/passwd")
    with pytest.raises(FetchError, match="refused: both.test"):
        fetch(f"http://both.test:{server}/a.png")  # one answer inside is enough to refuse
    with pytest.raises(FetchError, match="user name"):
        fetch(f"http://user:pw@{HOST}:{server}/a.png")
    assert _Handler.requests == ["/redirect?to=" + inside, "/redirect?to=file:///etc/passwd"]
    # a redirect to an allowed place is followed
    assert fetch(f"http://{HOST}:{server}/redirect?to=/a.png").data == PNG


def test_a_slow_server_cannot_hold_the_import(tmp_path: Path, server: int) -> None:
    slow = f"http://{HOST}:{server}/slow.png"
    fetch = local_fetcher(file_seconds=1.0, import_seconds=1.6)
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 1 seconds"):
        fetch(slow)
    assert time.monotonic() - started < 2.5
    # the import's own budget: what is left after the first picture, then nothing
    with pytest.raises(FetchError):
        fetch(slow)
    with pytest.raises(FetchError, match="ran out"):
        fetch(f"http://{HOST}:{server}/a.png")
    assert time.monotonic() - started < 3.5


def test_size_caps(server: int) -> None:
    with pytest.raises(FetchError, match="larger than"):
        local_fetcher(max_bytes=100_000)(f"http://{HOST}:{server}/big.png")
    fetch = local_fetcher(total_bytes=len(PNG) + 10)
    assert fetch(f"http://{HOST}:{server}/a.png").data == PNG
    with pytest.raises(FetchError, match="for downloads ran out"):
        fetch(f"http://{HOST}:{server}/a.png")


def test_wikifile_names_commons() -> None:
    ref = classify("wikifile:Mark Twain by AF Bradley.jpg")
    assert ref.kind == "picture"
    assert ref.fetch_url == (
        "https://commons.wikimedia.org/wiki/Special:FilePath/Mark_Twain_by_AF_Bradley.jpg?width=1280"
    )
    assert ref.origin == "https://commons.wikimedia.org/wiki/File:Mark_Twain_by_AF_Bradley.jpg"
    assert classify("wikifile:Speech.ogg").kind == "audio"
    assert classify("https://www.youtube.com/watch?v=x").kind == "video"
    assert classify("images/map.png").local == "images/map.png"
    for bad in ("../secret.png", "/etc/passwd", "file:///etc/passwd", "data:image/png,x"):
        assert classify(bad).kind == "unusable"
