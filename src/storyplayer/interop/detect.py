"""Reads a file another tool wrote and tells which format it is in."""

from __future__ import annotations

import json
from pathlib import Path

from storyplayer.interop.draft import Draft, ImportFailure
from storyplayer.interop.storymapjs import is_storymap, read_storymap
from storyplayer.interop.timelinejs import (
    is_timeline2,
    is_timeline3,
    read_timeline2,
    read_timeline3,
    read_timeline_csv,
)
from storyplayer.model.safe_files import FileRefused, read_bytes

MAX_BYTES = 20 * 1024 * 1024


def read_source(path: Path) -> str:
    """The file's text; ImportFailure when it is missing, empty, too big or not text."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFailure("no such file") from None
    except OSError as error:
        raise ImportFailure(f"cannot read it ({error.strerror})") from None
    if path.is_dir():
        raise ImportFailure("is a folder; give a .json or .csv file")
    if size > MAX_BYTES:
        raise ImportFailure(f"is {size / 1024 / 1024:.0f} MB; files over 20 MB are not imported")
    try:  # the app's one reader: a FIFO or /dev/zero is refused, not waited on or read on
        raw = read_bytes(path, MAX_BYTES, what="file to import")
    except FileRefused as error:
        raise ImportFailure(error.message) from None
    if not raw.strip():
        raise ImportFailure("is empty")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailure("is not UTF-8 text (export it again as UTF-8 JSON or CSV)") from None


def detect(text: str) -> str:
    """ "storymapjs", "timelinejs3", "timelinejs2", "timelinejs-csv"; ImportFailure otherwise."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFailure(
                f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from None
        except RecursionError:
            raise ImportFailure("is not valid JSON (nested too deeply)") from None
        if is_storymap(data):
            return "storymapjs"
        if is_timeline2(data):
            return "timelinejs2"
        if is_timeline3(data):
            return "timelinejs3"
        raise ImportFailure(
            'is JSON but neither a StoryMapJS story ({"storymap": ...}) '
            'nor a TimelineJS timeline ({"events": [...]})'
        )
    return "timelinejs-csv"


def read_draft(path: Path) -> Draft:
    text = read_source(path)
    kind = detect(text)
    if kind == "timelinejs-csv":
        return read_timeline_csv(text)
    data = json.loads(text)
    try:
        if kind == "storymapjs":
            return read_storymap(data)
        if kind == "timelinejs2":
            return read_timeline2(data)
        return read_timeline3(data)
    except RecursionError:
        raise ImportFailure("is nested too deeply to read") from None
