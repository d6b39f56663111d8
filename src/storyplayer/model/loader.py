"""Turns a story file into a checked Story, or into every problem found in it.

Each problem names the file, line and column, so an author can go straight to it.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storyplayer.model.dates import DateError, DateSpan, parse_date
from storyplayer.model.geojson import GeometryError, check_geometry
from storyplayer.model.library_cache import LibraryCache
from storyplayer.model.problems import Problem, StoryError
from storyplayer.model.rich_text import markdown_cost_problem
from storyplayer.model.safe_files import (
    FileRefused,
    name_problem,
    regular_stat,
    resolve,
    safe_exists,
    safe_is_dir,
)
from storyplayer.model.story import Event, Image, Overlay, PathStyle, Place, Story
from storyplayer.model.text import LocalText, story_languages
from storyplayer.model.yaml_source import Document, Path_, SourceError, parse_document, read_text

STORY_FILE = "story.yaml"


@functools.cache
def _schema() -> dict[str, Any]:
    from storyplayer.resources import resource

    schema: dict[str, Any] = json.loads(resource("schema/story.schema.json").read_text("utf-8"))
    return schema


@functools.cache
def _fast_check() -> Any:
    """A compiled (Rust) validator that only says valid or not: the common case, fast."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(_schema())


@functools.cache
def _validator() -> Any:
    """The detailed validator, used only to explain what is wrong in an invalid story."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema())


def story_file(path: Path) -> Path:
    """The YAML file of a story given as its folder or as the file itself."""
    return path / STORY_FILE if safe_is_dir(path) else path


def load_story(path: Path, *, root: Path | None = None) -> Story:
    """The story at `path` (folder or file). Raises StoryError listing every problem.

    `root` is the library folder the story was found in: the file may not lead outside it.
    """
    story, problems = check_story(path, root=root)
    if story is None:
        raise StoryError([p for p in problems if p.is_error])
    return story


def check_story(
    path: Path, *, root: Path | None = None, cache: LibraryCache | None = None
) -> tuple[Story | None, list[Problem]]:
    """Load and check a story; returns the story (None if invalid) and all problems, warnings too.

    With a `cache`, an unchanged file that was valid before is not parsed again
    (its media files are still checked).
    """
    problem = name_problem(str(path))
    if problem:
        return None, [Problem(path, 0, 0, problem)]
    file = story_file(path)
    if not safe_exists(file) and not file.is_symlink():
        message = "no such story file" if safe_is_dir(path) else "no such file"
        return None, [Problem(file, 0, 0, message)]
    try:
        boundary = resolve(root or file.parent)
        resolved = resolve(file)
    except FileRefused as error:
        return None, [Problem(file, 0, 0, error.message)]
    return check_found(file, resolved, boundary, cache=cache)


def check_found(
    file: Path,
    resolved: Path,
    boundary: Path,
    *,
    cache: LibraryCache | None = None,
    stat: os.stat_result | None = None,
) -> tuple[Story | None, list[Problem]]:
    """check_story for a story `file` known to exist, already resolved (`resolved`), found
    in the library folder that resolves to `boundary`; `stat` saves asking for it again."""
    if not _inside(resolved, boundary):
        return None, [Problem(file, 0, 0, "is a link that leads outside the library folder")]
    if cache is None:
        story, problems, _ = _check_file(file)
        return story, problems
    if stat is None:
        try:
            stat = regular_stat(file)
        except FileRefused as error:
            return None, [Problem(file, 0, 0, error.message)]
    cached = cache.get(resolved, stat, str(file))
    if cached is not None:
        story, warnings, media = cached
        if _media_unchanged(file.parent, media):
            return story, list(warnings)
    story, problems, media = _check_file(file)
    if story is not None:
        cache.put(resolved, stat, str(file), (story, tuple(problems), media))
    return story, problems


def _check_file(file: Path) -> tuple[Story | None, list[Problem], tuple[tuple[str, Path], ...]]:
    """Read, parse and check `file`: the story or None, every problem, and the media files
    it uses (as written, and where they were found)."""
    try:
        text = read_text(file)
    except SourceError as error:
        return None, [Problem(file, error.line, error.column, error.message)], ()
    return _check_text(text, file)


def check_text(text: str, file: Path) -> tuple[Story | None, list[Problem]]:
    """Check the story `text` as if it were saved as `file` (media paths are relative to its
    folder): the story (None if invalid) and every problem. The editor checks each change."""
    story, problems, _ = _check_text(text, file)
    return story, problems


def _check_text(
    text: str, file: Path
) -> tuple[Story | None, list[Problem], tuple[tuple[str, Path], ...]]:
    try:
        doc = parse_document(text)
    except SourceError as error:
        return None, [Problem(file, error.line, error.column, error.message)], ()
    return _check_document(doc, file)


def check_data(data: Any, file: Path) -> tuple[Story | None, list[Problem]]:
    """check_text for data already parsed (the editor's working copy): the same schema and
    checks; problems carry the field they are about (`Problem.where`) but no line."""
    story, problems, _ = _check_document(Document(data, None), file)
    return story, problems


def _check_document(
    doc: Document, file: Path
) -> tuple[Story | None, list[Problem], tuple[tuple[str, Path], ...]]:
    if not isinstance(doc.data, dict):
        message = "must be a mapping of story fields (format, title, events, ...)"
        return None, [Problem(file, 1, 1, message)], ()
    schema_errors = list(_schema_errors(doc))
    if schema_errors:
        # Every problem in one run: what only code can check (dates, media, bounds) is
        # checked too, except where the schema already found the value itself wrong.
        problems = [p for error in schema_errors for p in _describe(file, doc, error)]
        checker = _Builder(file, doc)
        checker.check_loosely(skip=_wrong_values(schema_errors))
        return None, _in_file_order(problems + checker.problems), ()
    builder = _Builder(file, doc)
    story = builder.build()
    problems = builder.problems
    if any(p.is_error for p in problems):
        return None, problems, ()
    return story, problems, tuple(builder.media_found)


def _media_unchanged(folder: Path, media: tuple[tuple[str, Path], ...]) -> bool:
    """True if every media file of a cached story is still where it was found: files can
    come and go without the story file changing."""
    if not media:
        return True
    boundary = folder.resolve()
    return all(_media_target(folder, boundary, value) == target for value, target in media)


def _media_target(folder: Path, boundary: Path, value: str) -> Path | str:
    """The media file `value` of the story in `folder` (resolving to `boundary`), or why not."""
    shown = _shown(value)
    if value.startswith(("/", "\\")) or _DRIVE.match(value):
        return f"media path '{shown}' is absolute; write it relative to the story folder"
    if "://" in value or value.startswith("data:"):
        return f"media '{shown}' is not a file in the story folder"
    problem = name_problem(value)
    if problem:
        return f"media path '{shown}' {problem}"
    try:
        target = resolve(folder / value)
    except FileRefused as error:
        return f"media path '{shown}' {error.message}"
    if not _inside(target, boundary):
        return f"media path '{shown}' leads outside the story folder"
    try:
        regular_stat(target)
    except FileRefused as error:
        if error.message == "does not exist":
            return f"media file '{shown}' does not exist"
        return f"media file '{shown}' {error.message}"
    return target


def _shown(value: str, limit: int = 60) -> str:
    """`value` as a problem message may quote it: short, and with no control characters."""
    clean = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in value[:limit])
    return clean + ("…" if len(value) > limit else "")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


# --- schema problems, turned into sentences an author understands ---------------------------

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping of keys",
    "array": "a list",
    "boolean": "true or false",
}


# How a mapping that was given as something else is written, in YAML's one-line form.
_MAPPING_EXAMPLES = {
    "image": "{src: pictures/tallinn.jpg, caption: Tallinn in 1917}",
    "place": "{name: Tallinn, lat: 59.437, lon: 24.745}",
    "map": "{center: [58.6, 25.0], zoom: 7}",
    "path": "{show: true, dash: \"6 5\"}",
    "overlay": "{src: maps/old.png, bounds: [[59.0, 24.0], [59.6, 25.2]]}",
}


def _schema_errors(doc: Document) -> list[Any]:
    if _fast_check().is_valid(doc.data):
        return []
    return sorted(_validator().iter_errors(doc.data), key=lambda e: [str(p) for p in e.path])


def _wrong_values(errors: Iterable[Any]) -> list[Path_]:
    """Where the schema found a value itself wrong (not a key missing or unknown beside it)."""
    return [tuple(e.path) for e in errors if e.validator not in ("additionalProperties",
                                                                   "required")]


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.line, p.column))


_TITLE_SHOWN = 40  # characters of an event's title in a message


def event_label(data: Any, index: int) -> str:
    """How problems name event `index` (0-based) of the story `data`: 1-based, with its
    title where it has one, e.g. 'event 3 "Bolshevik coup"'."""
    label = f"event {index + 1}"
    events = data.get("events") if isinstance(data, dict) else None
    event = events[index] if isinstance(events, list) and index < len(events) else None
    title = event.get("title") if isinstance(event, dict) else None
    if isinstance(title, dict):
        title = next((t for t in title.values() if isinstance(t, str) and t.strip()), None)
    if isinstance(title, str) and title.strip():
        text = " ".join(title.split())
        if len(text) > _TITLE_SHOWN:
            text = text[: _TITLE_SHOWN - 1].rstrip() + "…"
        label += f' "{text}"'
    return label


def _event_index(path: Path_) -> int | None:
    if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int):
        return path[1]
    return None


def _name(path: Iterable[str | int], whole: str = "the story") -> str:
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or whole


def _describe(file: Path, doc: Document, error: Any) -> Iterator[Problem]:
    """One schema error as problems; inside an event they start with the event's label."""
    path: Path_ = tuple(error.path)
    index = _event_index(path)
    if index is None:
        yield from _describe_at(file, doc, error, path, "the story", "")
    else:
        owner = event_label(doc.data, index) + ": "
        yield from _describe_at(file, doc, error, path[2:], "the event", owner)


def _describe_at(file: Path, doc: Document, error: Any, rest: Path_, whole: str,
                 owner: str) -> Iterator[Problem]:
    path: Path_ = tuple(error.path)
    line, column = doc.where(path)
    field = _name(rest, whole)
    kind, value, schema = error.validator, error.instance, error.schema
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(value) - set(allowed)):
            hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            suggestion = (
                f" (did you mean '{hint[0]}'?)" if hint else f"; known keys: {', '.join(allowed)}"
            )
            kline, kcolumn = doc.where((*path, key), key=True)
            yield Problem(file, kline, kcolumn,
                          f"{owner}unknown key '{key}' in {field}{suggestion}",
                          where=(*path, key))
        return
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        message = f"{field} needs '{missing}'"
        path = (*path, missing)  # where it belongs: an editor shows it beside that field
    elif kind == "type":
        wanted = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        message = f"{field} must be {' or '.join(_TYPE_NAMES.get(t, t) for t in wanted)}"
        if wanted == ["object"] and rest and rest[-1] in _MAPPING_EXAMPLES:
            message += f", e.g. {_MAPPING_EXAMPLES[rest[-1]]}"
    elif kind in ("minimum", "maximum", "exclusiveMinimum"):
        low, high = schema.get("minimum", schema.get("exclusiveMinimum")), schema.get("maximum")
        message = f"{field} is {value}, out of range ({low} to {high})"
    elif kind == "oneOf" and path == ("cover",):
        message = "cover must be a picture file, or {src, caption, credit, alt}"
    elif kind == "pattern" and path == ("path", "dash"):
        message = 'path.dash must be "solid" or dash and gap lengths, e.g. "6 5"'
    elif kind == "oneOf" and "language" in schema.get("description", ""):
        # Text of the right kind but too long fails both branches: say what is wrong with it.
        longest = next((e.validator_value for e in error.context if e.validator == "maxLength"),
                       None)
        if longest is not None:
            message = f"{field} is longer than {longest} characters (shorten or split it)"
        else:
            message = f"{field} must be text, or a map from language code (en, et, ...) to text"
    elif kind == "oneOf":
        message = (
            f"{field} must be a date such as 1917-11-07, 07.11.1917, 1917-11, 1917, -500, "
            "c. 1350, 1917-10-25 O.S., or {start: ..., end: ...}"
        )
    elif kind == "minItems" and rest == ("events",):
        message = "the story has no events: it needs at least one"
    elif kind == "minItems" or kind == "maxItems":
        message = f"{field} has {len(value)} items; {kind[:3]}imum is {error.validator_value}"
    elif kind == "const":
        message = f"{field} must be {error.validator_value!r}"
    elif kind == "pattern" and rest == ("id",):
        message = "id must be lower-case letters, digits and single dashes, e.g. october-1917"
    elif kind == "pattern" and rest and rest[-1] in ("color", "background"):
        message = f'{field} must be a colour like "#b03a2e"'
    elif kind == "propertyNames":
        message = f"{field} has a key that is not a language code (en, et, ...)"
    elif kind in ("minLength", "minProperties"):
        message = f"{field} must not be empty"
    elif kind == "maxLength":
        message = f"{field} is longer than {error.validator_value} characters"
    else:
        message = f"{field}: {error.message[:200]}"
    yield Problem(file, line, column, owner + message, where=path)


# --- building the Story ---------------------------------------------------------------------

_SLUG = re.compile(r"[^a-z0-9]+")
_DRIVE = re.compile(r"^[A-Za-z]:")


def _plain(value: Any) -> Any:
    """Data with dates as ISO text, so a checked story holds only plain values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class _Builder:
    """Builds a Story from schema-valid data, collecting what only code can check."""

    def __init__(self, file: Path, doc: Document):
        self.file, self.doc, self.folder = file, doc, file.parent
        self.problems: list[Problem] = []
        self.media_found: list[tuple[str, Path]] = []
        self._boundary: Path | None = None

    def error(self, path: Path_, message: str, severity: str = "error") -> None:
        line, column = self.doc.where(path)
        index = _event_index(path)
        if index is not None:
            message = f"{event_label(self.doc.data, index)}: {message}"
        self.problems.append(Problem(self.file, line, column, message, severity, where=path))

    def markdown_cost(self, path: Path_, text: Any, what: str) -> None:
        """A problem for each language of `text` whose Markdown would cost too much to show."""
        for lang, value in (text.items() if isinstance(text, dict) else [("", text)]):
            if not isinstance(value, str) or len(value) < 100:  # too short to cost much
                continue
            problem = markdown_cost_problem(value)
            if problem:
                self.error((*path, lang) if lang else path, f"{what} {problem}")

    def geometry(self, path: Path_, geometry: Any) -> None:
        """Says what is wrong with an event's GeoJSON, if anything."""
        try:
            check_geometry(geometry)
        except GeometryError as error:
            self.error((*path, "geometry"), str(error))

    def check_loosely(self, skip: Iterable[Path_]) -> None:
        """The checks of build() on data the schema found wrong, wherever they can run:
        no check at or under a path in `skip` (a value the schema already refused)."""
        refused = list(skip)

        def fine(path: Path_) -> bool:
            return not any(path[: len(bad)] == bad for bad in refused)

        data = self.doc.data
        if fine(("summary",)):
            self.markdown_cost(("summary",), data.get("summary"), "the summary")
        if isinstance(data.get("cover"), str) and fine(("cover",)):
            self.media(("cover",), data["cover"])
        events = data.get("events")
        if not isinstance(events, list) or not fine(("events",)):
            return
        for index, event in enumerate(events):
            path: Path_ = ("events", index)
            if not isinstance(event, dict) or not fine(path):
                continue
            if fine((*path, "date")):
                self.date(path, event)
            if fine((*path, "text")):
                self.markdown_cost((*path, "text"), event.get("text"), "the text")
            if "geometry" in event and fine((*path, "geometry")):
                self.geometry(path, event["geometry"])
            image = event.get("image")
            if isinstance(image, dict) and isinstance(image.get("src"), str) \
                    and fine((*path, "image", "src")):
                self.media((*path, "image", "src"), image["src"])
            overlay = event.get("overlay")
            if isinstance(overlay, dict) and fine((*path, "overlay")):
                if isinstance(overlay.get("src"), str):
                    self.media((*path, "overlay", "src"), overlay["src"])
                self.bounds(path, overlay.get("bounds"))

    def date(self, path: Path_, data: dict[str, Any]) -> DateSpan | None:
        """The event's date, or None after saying what is wrong with it (or that it has none)."""
        if "date" in data:
            try:
                return parse_date(data["date"])
            except DateError as error:
                self.error((*path, "date"), str(error))
        elif "date_label" not in data:
            self.error(path, "it has no date", "warning")
        return None

    def bounds(self, path: Path_, bounds: Any) -> bool:
        """True if an overlay's bounds are [[south, west], [north, east]], else says so."""
        try:
            (s, w), (n, e) = bounds
            if s < n and w < e:
                return True
        except (TypeError, ValueError):
            return False  # the wrong shape: the schema has said so
        self.error((*path, "overlay", "bounds"),
                   "overlay bounds must be [[south, west], [north, east]]")
        return False

    def build(self) -> Story:
        data = self.doc.data
        self.markdown_cost(("summary",), data.get("summary"), "the summary")
        title = LocalText.from_value(data["title"])
        events = tuple(self.event(i, e) for i, e in enumerate(data["events"]))
        languages = story_languages(data, data["events"])
        center = data.get("map", {}).get("center")
        cover = data.get("cover")
        cover_info = cover if isinstance(cover, dict) else {}
        path = data.get("path")
        return Story(
            id=data.get("id") or _SLUG.sub("-", self._default_id().lower()).strip("-") or "story",
            folder=self.folder,
            title=title,
            events=events,
            summary=self.text(data.get("summary")),
            categories=tuple(data.get("categories", ())),
            cover=self.media(
                ("cover", "src") if cover_info else ("cover",),
                cover_info.get("src") if cover_info else cover,
            ),
            color=data.get("color"),
            map_center=(center[0], center[1]) if center else None,
            map_zoom=data.get("map", {}).get("zoom"),
            event_seconds=data.get("event_seconds"),
            languages=languages,
            place_names=self.place_names(data.get("place_names", ())),
            path=PathStyle(
                path.get("show", True), path.get("color"), path.get("width"), path.get("dash")
            ) if path is not None else None,
            ending=self.text(data.get("ending")),
            cover_caption=self.text(cover_info.get("caption")),
            cover_credit=self.text(cover_info.get("credit")),
        )

    def place_names(self, items: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
        """The story's gazetteer entries that check out; each bad one is a problem."""
        from storyplayer.model.gazetteer import GazetteerError, parse_entry

        kept, seen = [], set()
        for index, item in enumerate(items):
            try:
                entry = parse_entry(item, need_place=False)
                if entry.id in seen:
                    raise GazetteerError(f"place '{entry.id}' is listed twice")
            except GazetteerError as error:
                self.error(("place_names", index), f"place_names: {error}")
                continue
            seen.add(entry.id)
            kept.append(_plain(item))
        return tuple(kept)

    def _default_id(self) -> str:
        return self.folder.name if self.file.name == STORY_FILE else self.file.stem

    @staticmethod
    def text(value: Any) -> LocalText | None:
        return LocalText.from_value(value) if value is not None else None

    def event(self, index: int, data: dict[str, Any]) -> Event:
        path: Path_ = ("events", index)
        date = self.date(path, data)
        self.markdown_cost((*path, "text"), data.get("text"), "the text")
        if "geometry" in data:
            self.geometry(path, data["geometry"])
        place = None
        if "place" in data:
            p = data["place"]
            place = Place(p["lat"], p["lon"], self.text(p.get("name")), p.get("zoom"))
        image = None
        if "image" in data:
            i = data["image"]
            src = self.media((*path, "image", "src"), i["src"])
            if src is not None:
                text = self.text
                image = Image(
                    src, text(i.get("caption")), text(i.get("credit")), text(i.get("alt"))
                )
        overlay = None
        if "overlay" in data:
            o = data["overlay"]
            src = self.media((*path, "overlay", "src"), o["src"])
            if self.bounds(path, o["bounds"]) and src is not None:
                (s, w), (n, e) = o["bounds"]
                overlay = Overlay(src, ((s, w), (n, e)), o.get("opacity", 0.7))
        return Event(
            title=LocalText.from_value(data["title"]),
            date=date,
            date_label=self.text(data.get("date_label")),
            place=place,
            geometry=data.get("geometry"),
            text=self.text(data.get("text")),
            image=image,
            sources=tuple(LocalText.from_value(s) for s in data.get("sources", ())),
            overlay=overlay,
            seconds=data.get("seconds"),
            background=data.get("background"),
        )

    def media(self, path: Path_, value: str | None) -> Path | None:
        """A media file inside the story folder, or None after reporting why not."""
        if value is None:
            return None
        if self._boundary is None:
            self._boundary = self.folder.resolve()
        target = _media_target(self.folder, self._boundary, value)
        if isinstance(target, str):
            self.error(path, target)
            return None
        self.media_found.append((value, target))
        return target
