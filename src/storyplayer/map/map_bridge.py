"""The one QObject the map page talks to over QWebChannel: JSON text both ways."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from storyplayer.model.map_protocol import PageMessage, encode, parse_page_message

log = logging.getLogger(__name__)


class MapBridge(QObject):
    """Page -> Python: the `send(json)` slot; Python -> page: the `message(json)` signal.

    Valid page messages go to `on_message` as `map_protocol` dataclasses (a plain callback,
    not a signal, so QWebChannel does not publish it to the page); invalid ones are logged.
    """

    message = Signal(str)

    def __init__(
        self, on_message: Callable[[PageMessage], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_message = on_message

    @Slot(str)
    def send(self, text: str) -> None:
        parsed = parse_page_message(text)  # logs a warning and returns None when invalid
        if parsed is not None:
            self._on_message(parsed)

    def post(self, message: dict[str, Any]) -> None:
        self.message.emit(encode(message))
