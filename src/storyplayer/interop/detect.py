"""Reads a file another tool wrote and tells which format it is in."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
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
MAX_INT_DIGITS = 30  # longer integers are read as "not a finite number", not converted


def _int_or_infinite(text: str) -> int | float:
    # int() of thousands of digits is slow and refused by Python; no field needs them.
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        return float("-inf") if text.startswith("-") else float("inf")
    return int(text)


def _no_constant(name: str) -> None:
    return None  # NaN, Infinity, -Infinity: not numbers any field can use


def parse_json(text: str) -> object:
    """The JSON document; ImportFailure when it is not JSON (never ValueError/RecursionError)."""
    try:
        return json.loads(text, parse_int=_int_or_infinite, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ImportFailure(
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise ImportFailure("is not valid JSON (nested too deeply)") from None
    except ValueError as error:
        raise ImportFailure(f"is not valid JSON ({error})") from None


def read_source(path: Path) -> str:
    """The file's text; ImportFailure when it is missing, empty, too big, not a regular
    file (a FIFO would block, a device never end) or not text."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ImportFailure("no such file") from None
    except OSError as error:
        raise ImportFailure(f"cannot read it ({error.strerror or error})") from None
    except ValueError:
        raise ImportFailure("is not a usable file name") from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFailure("is a folder; give a .json or .csv file")
    if not stat.S_ISREG(info.st_mode):
        raise ImportFailure("is not a regular file; give a .json or .csv file")
    if info.st_size > MAX_BYTES:
        raise ImportFailure(
            f"is {info.st_size / 1024 / 1024:.0f} MB; files over 20 MB are not imported"
        )
    try:  # the app's one reader: checked again on the open file, which never blocks
        raw = read_bytes(path, MAX_BYTES, what="file to import")
    except FileRefused as error:
        if error.message.startswith("is larger"):
            raise ImportFailure("is over 20 MB; files over 20 MB are not imported") from None
        raise ImportFailure(error.message) from None
    if not raw.strip():
        raise ImportFailure("is empty")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailure("is not UTF-8 text (export it again as UTF-8 JSON or CSV)") from None


def detect_data(text: str) -> tuple[str, object]:
    """The format ("storymapjs", "timelinejs3", "timelinejs2", "timelinejs-csv") and, for
    JSON, the parsed document; ImportFailure for anything else."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        data = parse_json(text)
        if is_storymap(data):
            return "storymapjs", data
        if is_timeline2(data):
            return "timelinejs2", data
        if is_timeline3(data):
            return "timelinejs3", data
        raise ImportFailure(
            'is JSON but neither a StoryMapJS story ({"storymap": ...}) '
            'nor a TimelineJS timeline ({"events": [...]})'
        )
    return "timelinejs-csv", None


_STORY_YAML = re.compile(r"^format:\s*\d+\s*$", re.MULTILINE)


def read_draft(path: Path) -> Draft:
    text = read_source(path)
    if path.suffix.lower() in (".yaml", ".yml") or _STORY_YAML.search(text):
        raise ImportFailure("this is already a Story Player story (check it with "
                            "storyplayer validate FILE, play it with storyplayer --stories "
                            "FOLDER)")
    kind, data = detect_data(text)
    if kind == "timelinejs-csv":
        try:
            return read_timeline_csv(text)
        except csv.Error as error:
            raise ImportFailure(f"is not a readable CSV file ({error})") from None
    assert isinstance(data, dict)
    try:
        if kind == "storymapjs":
            return read_storymap(data)
        if kind == "timelinejs2":
            return read_timeline2(data)
        return read_timeline3(data)
    except RecursionError:
        raise ImportFailure("is nested too deeply to read") from None
