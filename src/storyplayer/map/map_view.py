"""`MapView`: the app's one map widget, a locked-down QWebEngineView driven by JSON messages.

Commands sent before the page says "ready" are queued and sent after it; nothing blocks.
The page may load only from `storyplayer://app` (plus `qrc:` for qwebchannel.js and `data:`),
and from an online tile host only when one is configured.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from storyplayer.map.map_bridge import MapBridge
from storyplayer.map.scheme import BASE_URL, SCHEME, SchemeHandler
from storyplayer.model import map_protocol as proto
from storyplayer.model.config import tile_url_problem
from storyplayer.model.map_style import page_setup

log = logging.getLogger(__name__)

PAGE_URL = f"{BASE_URL}/map/index.html"
TILES_URL = f"{BASE_URL}/tiles/{{z}}/{{x}}/{{y}}"


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request except the app scheme, qrc:, data: and a configured tile host."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tile_host: re.Pattern[str] | None = None  # https host of online tiles, if any

    def allows(self, url: QUrl) -> bool:
        scheme = url.scheme()
        if scheme == SCHEME.decode():
            return url.host() == "app"
        if scheme in ("qrc", "data"):
            return True
        return (
            scheme == "https"
            and self.tile_host is not None
            and bool(self.tile_host.fullmatch(url.host()))
        )

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802
        if not self.allows(info.requestUrl()):
            log.info("map blocked a request to %s", info.requestUrl().toDisplayString())
            info.block(True)


class MapPage(QWebEnginePage):
    """Stays on the map page: no navigation away, no new windows, console errors logged."""

    def acceptNavigationRequest(  # noqa: N802
        self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        allowed = url.scheme() == SCHEME.decode() and url.path() == "/map/index.html"
        if not allowed:
            log.info("map refused navigation to %s", url.toDisplayString())
        return allowed

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> None:  # noqa: N802
        return None

    def javaScriptConsoleMessage(  # noqa: N802
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.warning("map page: %s (%s:%d)", message, source, line)
        else:
            log.debug("map page: %s", message)


def _setup_script() -> QWebEngineScript:
    """The constants of model/map_style.py as `window.storyMapSetup`, before the page's own
    scripts run (and again after every reload)."""
    script = QWebEngineScript()
    script.setName("storyplayer-setup")
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    script.setSourceCode("window.storyMapSetup = " + proto.encode(page_setup()) + ";")
    return script


class MapView(QWebEngineView):
    """The embedded map. Signals surface what happens on the page as a normal Qt API."""

    # The page has every file it starts with (or is ready): the rest of its loading is its
    # own work, which needs nothing from this thread (app.py builds the window meanwhile).
    fetched = Signal()
    ready = Signal()
    markerClicked = Signal(int, int)  # slot, event index
    shown = Signal(int)  # seq of the show_event() the page has drawn
    pageError = Signal(str)
    mapClicked = Signal(float, float)  # lat, lon: a click while editing
    markerDragged = Signal(float, float)  # lat, lon: the editor's marker moved
    stateReceived = Signal(int, dict)  # seq of query_state(), what the page shows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ready = False
        self._fetched = False
        self._pending: list[dict[str, Any]] = []
        self._seq = 0
        self._shown_seq = 0  # the highest seq the page has acknowledged
        # What the page shows, to redraw it after a renderer crash.
        self._options: dict[str, Any] | None = None
        self._stories: dict[str, Any] | None = None
        self._current: dict[int, int] = {}
        self._names: dict[str, Any] | None = None  # the place names last sent (set_names)
        self._theme: dict[str, Any] | None = None

        # Children are deleted in the order they were added: page first, then its profile
        # (so Qt never warns "Release of profile requested but WebEnginePage still not deleted").
        profile = QWebEngineProfile()  # no storage name: off the record
        self._guard = RequestGuard(profile)
        self._scheme = SchemeHandler(profile)
        profile.setUrlRequestInterceptor(self._guard)
        profile.installUrlSchemeHandler(SCHEME, self._scheme)
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        profile.setPersistentCookiesPolicy(
            QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
        )
        page = MapPage(profile, self)
        profile.setParent(self)
        self._profile, self._page = profile, page

        s = page.settings()
        for attr, on in (
            (QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False),
            (QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False),
            (QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False),
            (QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard, False),
            (QWebEngineSettings.WebAttribute.PluginsEnabled, False),
            (QWebEngineSettings.WebAttribute.FullScreenSupportEnabled, False),
            (QWebEngineSettings.WebAttribute.ErrorPageEnabled, False),
            (QWebEngineSettings.WebAttribute.NavigateOnDropEnabled, False),
        ):
            s.setAttribute(attr, on)
        page.setBackgroundColor(Qt.GlobalColor.transparent)

        page.scripts().insert(_setup_script())
        self._bridge = MapBridge(self._on_page_message, self)
        self._channel = QWebChannel(page)
        self._channel.registerObject("bridge", self._bridge)
        page.setWebChannel(self._channel)
        page.renderProcessTerminated.connect(self._on_renderer_gone)
        self.setPage(page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self.load(QUrl(PAGE_URL))

    # --- public API ---

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def has_fetched(self) -> bool:
        """The page has all its files (see `fetched`)."""
        return self._fetched

    @property
    def sent_seq(self) -> int:
        """The seq of the last show_event() (0 before the first)."""
        return self._seq

    @property
    def shown_seq(self) -> int:
        """The highest seq the page has drawn and acknowledged."""
        return self._shown_seq

    def current_event(self, slot: int) -> int | None:
        """The event last shown (or queued) for `slot` since the stories were set."""
        return self._current.get(slot)

    def add_media_root(self, token: str, folder: str | Path) -> str:
        """Serves a story's media folder to the page; returns its base URL."""
        return self._scheme.add_media_root(token, folder)

    def set_mbtiles(self, path: str | Path | None) -> str | None:
        """Serves tiles from a local MBTiles file; returns the tile URL template for options,
        or None when the file cannot be used (the built-in basemap stays)."""
        opened = self._scheme.set_mbtiles(path)  # False: missing or not an MBTiles file
        return TILES_URL if path is not None and opened else None

    def holds(self, stories: list[proto.MapStory]) -> bool:
        """Whether the map was last given exactly these stories (sent or still queued)."""
        return proto.stories_message(stories) == self._stories

    def set_stories(self, stories: list[proto.MapStory]) -> None:
        message = proto.stories_message(stories)
        if message == self._stories:
            return  # on the page already (sent ahead of the window): keep what it shows
        self._stories = message
        self._current.clear()
        self._send(self._stories)

    def show_event(self, slot: int, index: int, fit: bool = True) -> int:
        """Makes `index` the current event of the story in `slot`; `shown(seq)` follows.
        With `fit` False the view does not move to it."""
        self._seq += 1
        self._current[slot] = index
        self._send(proto.show_message(slot, index, self._seq, fit))
        return self._seq

    def fly_to(self, lat: float, lon: float, zoom: float) -> None:
        self._send(proto.fly_message(lat, lon, zoom))

    def fly_to_event(self, slot: int, index: int) -> None:
        """"Show on map": close to event `index` of the story in `slot` (a placeless event
        leaves the view where it is)."""
        self._send(proto.fly_to_event_message(slot, index))

    def fit_all(self) -> None:
        self._send(proto.fit_message())

    def set_options(
        self,
        reduced_motion: bool = False,
        borders: bool = False,
        tiles: proto.TileSource | None = None,
    ) -> None:
        self._guard.tile_host = None
        if tiles is not None and not tiles.url.startswith(BASE_URL + "/"):
            parts = urlsplit(tiles.url)
            problem = tile_url_problem(tiles.url)  # https, a dotted host name, no user info
            if problem or not parts.hostname:
                raise ValueError(f"online tiles {problem or 'need a host'}: {tiles.url!r}")
            # "{s}.tile.example.org" allows Leaflet's subdomains a, b, c, ...
            host = re.escape(parts.hostname).replace(re.escape("{s}"), "[a-z0-9-]+")
            self._guard.tile_host = re.compile(host)
            log.info("map tiles from %s are allowed", parts.hostname)
        self._options = proto.options_message(reduced_motion, borders, tiles)
        self._send(self._options)

    def set_editing(self, on: bool) -> None:
        """The story editor's mode: clicks on the map come back as `mapClicked`."""
        self._send(proto.edit_message(on))

    def set_edit_marker(self, lat: float | None, lon: float | None) -> None:
        """The draggable marker of the event being edited (None: none)."""
        self._send(proto.edit_marker_message(lat, lon))
    def set_names(self, message: dict[str, Any]) -> bool:
        """Sends the place names for a date and language (`map_protocol.names_message`),
        unless the page shows these already; True when sent."""
        if message == self._names:
            return False
        self._names = message
        self._send(message)
        return True

    def set_theme(self, high_contrast: bool, text_scale: float = 1.0) -> None:
        """High contrast and the text scale, applied by the page without a reload."""
        message = proto.theme_message(high_contrast, text_scale)
        if message != self._theme:
            self._theme = message
            # Before the page is ready only the latest theme waits, so the page starts in it.
            self._pending = [m for m in self._pending if m.get("type") != message["type"]]
            self._send(message)

    def query_state(self) -> int:
        """Asks the page what it shows; `stateReceived(seq, state)` follows."""
        self._seq += 1
        self._send(proto.query_message(self._seq))
        return self._seq

    def clear(self) -> None:
        self._stories = None
        self._current.clear()
        self._send(proto.clear_message())

    # --- plumbing ---

    def _send(self, message: dict[str, Any]) -> None:
        if self._ready:
            self._bridge.post(message)
        else:
            self._pending.append(message)

    def _on_page_message(self, msg: proto.PageMessage) -> None:
        if not shiboken6.isValid(self):  # a late message after the view was deleted
            return
        if isinstance(msg, proto.Fetched):
            self._on_fetched()
        elif isinstance(msg, proto.Ready):
            self._on_fetched()  # a page that is ready has its files, whichever came first
            first = not self._ready
            self._ready = True
            pending, self._pending = self._pending, []
            for message in pending:
                self._bridge.post(message)
            if first:
                self.ready.emit()
        elif isinstance(msg, proto.Shown):
            self._shown_seq = max(self._shown_seq, msg.seq)
            self.shown.emit(msg.seq)
        elif isinstance(msg, proto.MarkerClicked):
            self.markerClicked.emit(msg.slot, msg.index)
        elif isinstance(msg, proto.MapClicked):
            self.mapClicked.emit(msg.lat, msg.lon)
        elif isinstance(msg, proto.MarkerDragged):
            self.markerDragged.emit(msg.lat, msg.lon)
        elif isinstance(msg, proto.PageState):
            self.stateReceived.emit(msg.seq, msg.state)
        elif isinstance(msg, proto.PageError):
            log.warning("map page error: %s", msg.message)
            self.pageError.emit(msg.message)

    def _on_fetched(self) -> None:
        if not self._fetched:
            self._fetched = True
            self.fetched.emit()

    def _on_renderer_gone(self, status: Any, code: int) -> None:
        normal = QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus
        if status == normal or not shiboken6.isValid(self):
            return  # a normal end is the view being deleted
        log.warning("map renderer ended (%s, %d); reloading", status, code)
        self._ready = self._fetched = False
        # Redraw what was on the map once the reloaded page is ready.
        replay = [m for m in (self._options, self._theme, self._names, self._stories) if m]
        replay += [proto.show_message(s, i, self._seq) for s, i in self._current.items()]
        self._pending = replay + self._pending
        self.load(QUrl(PAGE_URL))
