"""The `storyplayer://app/...` URL scheme: the only place the map page loads anything from.

Routes: /map/ (the page), /leaflet/ (xstatic-leaflet), /basemap/, /media/<token>/<path>
(story folders registered with `add_media_root`) and /tiles/<z>/<x>/<y> (a user MBTiles file).
Everything else is answered with UrlNotFound. `register_scheme()` must run before the
QApplication is created: app.py and tests/map/conftest.py call it first.
"""

from __future__ import annotations

import logging
import mimetypes
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from storyplayer.background import run_in_background
from storyplayer.images import ImageRefused, image_bytes
from storyplayer.map.tile_source import TileSource, TileSourceError
from storyplayer.resources import leaflet_dir, resources_dir

log = logging.getLogger(__name__)

SCHEME = b"storyplayer"
HOST = "app"
BASE_URL = "storyplayer://app"

_MIME = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}
# Whatever a story holds, the page runs only the app's own scripts and reaches only the app's
# files (https: images are online tiles, which the request guard lets through only when
# configured). Sent as a header: the same policy in a <meta> tag made the page ready about
# 0.3 s later, as Chromium then holds back its early fetches.
PAGE_POLICY = QByteArray(
    b"default-src 'none'; script-src storyplayer: qrc:; style-src storyplayer: 'unsafe-inline'; "
    b"img-src storyplayer: data: https:; connect-src storyplayer:; base-uri 'none'; "
    b"form-action 'none'"
)
_POLICY_HEADER = QByteArray(b"Content-Security-Policy")
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def register_scheme() -> None:
    """Registers `storyplayer:` with QtWebEngine; idempotent; must precede QApplication."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def mime_type(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return _MIME.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def safe_join(root: Path, relative: str) -> Path | None:
    """`root/relative` if it is a file inside root (no '..', no absolute path, no symlink out)."""
    parts = relative.split("/")
    if not relative or relative.startswith("/") or "\\" in relative:
        return None
    if any(p in ("", ".", "..") or ":" in p for p in parts):
        return None
    root = root.resolve()
    path = (root / relative).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def _sniff_image(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


class SchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the map page, Leaflet, the basemap, story media and MBTiles tiles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots = {
            "map": resources_dir() / "map",
            "basemap": resources_dir() / "basemap",
            "leaflet": leaflet_dir(),
        }
        self._media: dict[str, Path] = {}
        self._mbtiles: TileSource | None = None

    # --- configuration ---

    def add_media_root(self, token: str, folder: str | Path) -> str:
        """Serves `folder` under /media/<token>/; returns that base URL (ending in '/')."""
        if not _TOKEN.match(token):
            raise ValueError(f"media token must match {_TOKEN.pattern}: {token!r}")
        self._media[token] = Path(folder).resolve()
        return f"{BASE_URL}/media/{token}/"

    def set_mbtiles(self, path: str | Path | None) -> bool:
        """Serves tiles from an MBTiles file (read-only, immutable, under a time and size
        budget per tile: map/tile_source.py), or stops serving them.

        False (and nothing served) when the file is missing, not SQLite or has no tiles table;
        a file that is corrupt further in fails only the tiles it cannot read."""
        if self._mbtiles is not None:
            self._mbtiles.close()
            self._mbtiles = None
        if path is None:
            return True
        try:
            self._mbtiles = TileSource(Path(path))
        except TileSourceError as error:
            log.warning("map tiles file %s cannot be used: it %s", path, error)
            return False
        return True

    def close(self) -> None:
        self.set_mbtiles(None)

    # --- serving ---

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt name)
        url = job.requestUrl()
        if url.host() == HOST and url.path().startswith("/tiles/"):
            self._serve_tile(job, url.path()[len("/tiles/"):])
            return
        try:
            answer = self._answer(url.host(), url.path())
        except Exception:  # a broken file must not take the page down
            log.exception("map scheme failed on %s", url.toString())
            answer = None
        if answer is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        _reply(job, *answer)

    def _serve_tile(self, job: QWebEngineUrlRequestJob, rest: str) -> None:
        """Looks the tile up on a worker thread, so a slow or hostile tiles file never stalls
        the window or the map; the job is answered back on the GUI thread."""
        source = self._mbtiles

        def done(answer: tuple[str, bytes] | None, error: BaseException | None) -> None:
            if error is not None:
                log.warning("map tile %s refused: %s", rest, error)
            try:
                if answer is None:
                    job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                else:
                    _reply(job, *answer)
            except RuntimeError:  # the page went away meanwhile: nobody is waiting
                pass

        run_in_background(lambda: _tile(source, rest), lambda answer: done(answer, None),
                          lambda error: done(None, error), self)

    def _answer(self, host: str, path: str) -> tuple[str, bytes] | None:
        if host != HOST or not path.startswith("/"):
            return None
        route, _, rest = path[1:].partition("/")
        if route in self._roots:
            file = safe_join(self._roots[route], rest)
            return (mime_type(file.name), file.read_bytes()) if file else None
        if route == "media":
            token, _, relative = rest.partition("/")
            root = self._media.get(token)
            file = safe_join(root, relative) if root else None
            if file is None:
                return None
            try:  # the player's own image loader: a regular file, bounded, no SVG bomb
                return mime_type(file.name), image_bytes(file)
            except ImageRefused as error:
                log.warning("map picture %s not served: it %s", file, error)
                return None
        return None


def _reply(job: QWebEngineUrlRequestJob, mime: str, data: bytes) -> None:
    buffer = QBuffer(job)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    if mime.startswith("text/html"):
        # a list: PySide6 would otherwise send each byte of the value as a value of its own
        job.setAdditionalResponseHeaders({_POLICY_HEADER: [PAGE_POLICY]})
    job.reply(QByteArray(mime.encode()), buffer)


def _tile(source: TileSource | None, rest: str) -> tuple[str, bytes] | None:
    """The tile named by `rest` ("z/x/y.png"), on a worker thread; None if there is none."""
    match = re.fullmatch(r"(\d{1,2})/(\d{1,8})/(\d{1,8})(?:\.\w+)?", rest)
    if source is None or match is None:
        return None
    z, x, y = (int(v) for v in match.groups())
    data = source.tile(z, x, y)  # TileRefused if too large, too slow or unreadable
    return None if data is None else (_sniff_image(data), data)
