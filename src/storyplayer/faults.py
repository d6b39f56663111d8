"""Safety nets that keep a long-running app up through faults: the rotating log file, the hook
that logs (and shows) an unexpected exception instead of ending the app, and the limits on
hostile images (Qt's allocation limit, and a check that refuses SVG "bombs" before Qt draws them).

`app.run` sets all three up; tests call `limit_image_memory()` too, so they decode images under
the same limit the app uses.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import zlib
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xml.etree import ElementTree

log = logging.getLogger(__name__)

LOG_BYTES = 1024 * 1024  # per file; with LOG_BACKUPS old files at most 4 MB on disk
LOG_BACKUPS = 3
LOG_NAME = "storyplayer.log"
IMAGE_ALLOCATION_MB = 128  # a 4000 x 4000 photo needs 64 MB decoded; a "30,000 px" PNG is refused

Notify = Callable[[str], None]


def limit_image_memory(megabytes: int = IMAGE_ALLOCATION_MB) -> None:
    """Refuse to decode any image that would need more than `megabytes` (a header may lie)."""
    from PySide6.QtGui import QImageReader

    QImageReader.setAllocationLimit(megabytes)


MAX_SVG_BYTES = 2 * 1024 * 1024
MAX_SVG_COST = 50_000  # elements drawn, counting every <use> expansion
_RASTER_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def image_problem(path: Path) -> str | None:
    """Why the picture at `path` must not be handed to Qt's decoders, else None.

    Raster formats are bounded by `limit_image_memory`. SVG (whatever the file is named: Qt
    detects it by content, also gzipped) is drawn element by element, and a few KB of nested
    <use> references can mean billions of elements: such files are refused here.
    """
    from storyplayer.model.safe_files import FileRefused, open_regular

    try:
        with open(open_regular(Path(path)), "rb") as stream:
            head = stream.read(16)
            if _is_raster(head):
                return None
            data = head + stream.read(MAX_SVG_BYTES)
    except FileRefused as error:
        return error.message
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    return image_data_problem(data)


def _is_raster(head: bytes) -> bool:
    return head.startswith(_RASTER_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def image_data_problem(data: bytes) -> str | None:
    """image_problem for a picture already read into memory."""
    if _is_raster(data[:16]):
        return None
    data = data[: MAX_SVG_BYTES + 1]
    if data[:2] == b"\x1f\x8b":  # svgz
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, MAX_SVG_BYTES + 1)
        except zlib.error:
            return None  # not gzip after all: Qt will refuse it
    if b"<svg" not in data.lower():
        return None
    if len(data) > MAX_SVG_BYTES:
        return f"is an SVG larger than {MAX_SVG_BYTES // (1024 * 1024)} MB"
    return _svg_problem(data)


def _svg_problem(data: bytes) -> str | None:
    if b"<!ENTITY" in data or b"<!entity" in data:
        return "is an SVG that declares XML entities"
    from xml.etree import ElementTree  # only for an SVG: not at every start

    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError):
        return "is not a well-formed SVG"
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    costs: dict[int, int] = {}
    visiting: set[int] = set()

    def cost(element: ElementTree.Element) -> int:
        key = id(element)
        if key in costs:
            return costs[key]
        if key in visiting:
            raise RecursionError("a <use> refers to itself")
        visiting.add(key)
        total = 1
        if element.tag.rsplit("}", 1)[-1] == "use":
            href = element.get("href") or element.get(_XLINK_HREF) or ""
            target = by_id.get(href[1:]) if href.startswith("#") else None
            if target is not None:
                total += cost(target)
        for child in element:
            total += cost(child)
            if total > MAX_SVG_COST:
                break
        visiting.discard(key)
        costs[key] = total
        return total

    try:
        total = cost(root)
    except RecursionError:
        return "is an SVG whose <use> elements refer to themselves"
    if total > MAX_SVG_COST:
        return "is an SVG that expands to too many elements to draw"
    return None


def log_folder() -> Path:
    """The platform's log folder for storyplayer (e.g. ~/.local/state/storyplayer/log)."""
    import platformdirs

    return Path(platformdirs.user_log_dir("storyplayer", appauthor=False))


class _LogFile(RotatingFileHandler):
    """A rotating log file that, when it can no longer be written (disk full, folder gone),
    stops trying and says so once, instead of printing a traceback for every record."""

    def __init__(self, path: Path, on_failure: Notify | None) -> None:
        super().__init__(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8",
                         delay=True)
        self.on_failure = on_failure
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the last flush of a full disk
            self.stream = None  # type: ignore[assignment]

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or str(error) or "unknown error"
        print(f"storyplayer: the log file {self.baseFilename} cannot be written ({reason}); "
              "logging to the terminal only", file=sys.stderr)
        if self.on_failure is not None and threading.current_thread() is threading.main_thread():
            try:
                self.on_failure(f"The log file cannot be written ({reason}). "
                                "Story Player keeps running.")
            except Exception:  # noqa: BLE001 - a failing notice must not fail logging
                pass


_OUR_HANDLER = "_storyplayer_handler"


def setup_logging(
    folder: Path | None = None,
    *,
    isolated: bool | None = None,
    on_failure: Notify | None = None,
    level: int = logging.INFO,
) -> str | None:
    """Log to stderr (warnings and worse) and to a rotating file in `folder` (default: the
    platform's log folder), 1 MB x 3. Isolated (STORYPLAYER_ISOLATED), stderr only.

    Returns a plain sentence when the log folder cannot be used (then stderr only), else None.
    `on_failure` is told if the file later becomes unwritable (a full disk). Calling it again
    replaces the handlers it added before.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OUR_HANDLER, False)]:
        root.removeHandler(handler)
        handler.close()
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("storyplayer: %(levelname)s: %(message)s"))
    setattr(stderr, _OUR_HANDLER, True)
    root.addHandler(stderr)
    if isolated is None:
        isolated = bool(os.environ.get("STORYPLAYER_ISOLATED"))
    if isolated:
        return None
    folder = Path(folder) if folder is not None else log_folder()
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            pass  # can we write here at all?
    except OSError as error:
        reason = error.strerror or str(error)
        return (f"The log folder {folder} cannot be written ({reason}); "
                "logging to the terminal only.")
    handler = _LogFile(path, on_failure)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    setattr(handler, _OUR_HANDLER, True)
    root.addHandler(handler)
    return None


def on_log_failure(notify: Notify) -> None:
    """Tell `notify` (on the GUI thread) if the log file becomes unwritable later."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _LogFile):
            handler.on_failure = notify


class FaultHook:
    """`sys.excepthook` (and `threading.excepthook`): PySide6 hands an exception raised in a
    slot or a virtual method to sys.excepthook, then goes on with the event loop. This logs it
    with its traceback and shows one plain sentence through `notify`, so the app keeps running.
    """

    def __init__(self, notify: Notify | None = None) -> None:
        self.notify = notify
        self.count = 0
        self._previous: tuple[object, object] | None = None

    def install(self) -> FaultHook:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self
            threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def __call__(
        self,
        kind: type[BaseException],
        value: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, value, traceback)
            return
        self.count += 1
        try:
            log.error("unexpected error: %s", value, exc_info=(kind, value, traceback))
        except Exception:  # noqa: BLE001 - logging itself failed: stderr is all that is left
            sys.__excepthook__(kind, value, traceback)
        if self.notify is not None:
            try:
                self.notify("Something went wrong, and was noted in the log. "
                            "Story Player keeps running.")
            except Exception:  # noqa: BLE001 - the notice area may be gone at shutdown
                pass

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        # Logged only: a worker thread must never touch a widget (no notice from here).
        if not issubclass(args.exc_type, SystemExit):
            self.count += 1
            log.error("unexpected error in thread %s: %s",
                      args.thread.name if args.thread else "?", args.exc_value,
                      exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def install_excepthook(notify: Notify | None = None) -> FaultHook:
    """Install (and return) the hook that logs and shows unexpected exceptions."""
    return FaultHook(notify).install()
