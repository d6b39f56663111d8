"""The historical gazetteer: what a place was called, in each language, at a date.

Owns the format of `resources/gazetteer.yaml` (and of a story's own `place_names`, which use
the same entries), checking it, and the look-up. An entry:

    - id: tallinn               # a short key; a story's entry with this id overrides it
      lat: 59.437               # where the label goes
      lon: 24.7535
      geonameid: 588409         # optional: the GeoNames town in labels.json it renames
      kind: town                # town, island or water
      names:
        en:                     # periods in date order: [from, until), Gregorian dates
          - {name: Reval, until: 1918-02-24}
          - {name: Tallinn, from: 1918-02-24}
        et: Tallinn             # one name for all time
      note: why, and the source

The first period may omit `from` and the last `until`. Today's name is the last period's.
A language without names falls back to English. Dates of events are converted from the
Julian calendar (O.S.) before the look-up; a month or a year counts from its first day.
Plain Python: no Qt.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyplayer.model.dates import DateError, DateSpan, HistDate, parse_date

if TYPE_CHECKING:
    from storyplayer.model.library_cache import LibraryCache

__all__ = [
    "GazetteerError",
    "Gazetteer",
    "NameAt",
    "Period",
    "PlaceEntry",
    "bundled_gazetteer",
    "day_key",
    "iso_day",
    "parse_entries",
]

KINDS = ("town", "island", "water")
FALLBACK_LANG = "en"


class GazetteerError(ValueError):
    """An entry that cannot be used; str(e) names the entry and the problem in one sentence."""


@dataclass(frozen=True)
class Period:
    name: str
    start: int | None = None  # Julian Day Number of the first day, None: since ever
    end: int | None = None  # first day no longer in use, None: still in use

    def covers(self, day: int) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    lat: float | None
    lon: float | None
    names: Mapping[str, tuple[Period, ...]]
    geonameid: int | None = None
    kind: str = "town"
    note: str = ""

    def periods(self, lang: str) -> tuple[Period, ...]:
        return self.names.get(lang) or self.names.get(FALLBACK_LANG) or next(
            iter(self.names.values()), ()
        )

    def today(self, lang: str) -> str:
        periods = self.periods(lang)
        return periods[-1].name if periods else self.id

    def name_at(self, day: int | None, lang: str) -> str:
        """The name in `lang` on `day` (a Julian Day Number; None: today)."""
        periods = self.periods(lang)
        if day is None or not periods:
            return self.today(lang)
        for period in periods:
            if period.covers(day):
                return period.name
        # a gap between periods: the name last in use before it
        earlier = [p for p in periods if p.end is not None and p.end <= day]
        return earlier[-1].name if earlier else periods[0].name


@dataclass(frozen=True)
class NameAt:
    """What the map shows for one place at a date: its name then and its name today."""

    id: str
    name: str
    today: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str

    @property
    def changed(self) -> bool:
        return self.name != self.today


def day_key(date: DateSpan | HistDate | str | datetime.date | None) -> int | None:
    """The Julian Day Number a name is looked up by: an Old Style date converted first."""
    if date is None:
        return None
    if isinstance(date, str | datetime.date):
        date = parse_date(date)
    start = date.start if isinstance(date, DateSpan) else date
    return start.to_gregorian().sort_key()


def iso_day(day: int) -> str:
    """A Julian Day Number as a Gregorian YYYY-MM-DD (years AD)."""
    return datetime.date.fromordinal(day - _JDN_OF_ORDINAL_0).isoformat()


_JDN_OF_ORDINAL_0 = 1721425  # datetime's day 1 (0001-01-01 Gregorian) is JDN 1721426


def _day(entry_id: str, field: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, str | int | datetime.date):
        raise GazetteerError(f"place '{entry_id}': {field} must be a date such as 1918-02-24")
    try:
        key = day_key(parse_date(value))
    except DateError as error:
        raise GazetteerError(f"place '{entry_id}': {field}: {error}") from None
    assert key is not None
    return key


def _periods(entry_id: str, lang: str, value: Any) -> tuple[Period, ...]:
    if isinstance(value, str):
        value = [{"name": value}]
    if not isinstance(value, list) or not value:
        raise GazetteerError(
            f"place '{entry_id}': names.{lang} must be a name or a list of periods"
        )
    out: list[Period] = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise GazetteerError(f"place '{entry_id}': each period of {lang} needs a name")
        unknown = set(item) - {"name", "from", "until"}
        if unknown:
            raise GazetteerError(
                f"place '{entry_id}': unknown key {sorted(unknown)[0]!r} in a period of {lang}"
            )
        name = item["name"].strip()
        if not name or len(name) > 200:
            raise GazetteerError(f"place '{entry_id}': a name of {lang} is empty or too long")
        start = _day(entry_id, "from", item["from"]) if "from" in item else None
        end = _day(entry_id, "until", item["until"]) if "until" in item else None
        if start is not None and end is not None and end <= start:
            raise GazetteerError(f"place '{entry_id}': {name} ends before it starts")
        if out and start is None:
            start = out[-1].end  # "Tartu from 1918-02-24" may be written as just "Tartu"
        if out and (out[-1].end is None or start is None or start < out[-1].end):
            raise GazetteerError(
                f"place '{entry_id}': the periods of {lang} overlap or are out of order"
            )
        out.append(Period(name, start, end))
    return tuple(out)


def _number(entry_id: str, field: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise GazetteerError(f"place '{entry_id}': {field} must be a number from {low} to {high}")
    return float(value)


def parse_entry(data: Any, need_place: bool = True) -> PlaceEntry:
    """One checked entry; `need_place`: lat and lon are required (a new place)."""
    if not isinstance(data, dict):
        raise GazetteerError("a place must be a mapping with id and names")
    entry_id = data.get("id")
    if not isinstance(entry_id, str) or not entry_id.strip():
        raise GazetteerError("a place needs an id (a short text such as 'tallinn')")
    unknown = set(data) - {"id", "lat", "lon", "geonameid", "kind", "names", "note"}
    if unknown:
        raise GazetteerError(f"place '{entry_id}': unknown key {sorted(unknown)[0]!r}")
    lat = lon = None
    if "lat" in data or "lon" in data or need_place:
        lat = _number(entry_id, "lat", data.get("lat"), -90, 90)
        lon = _number(entry_id, "lon", data.get("lon"), -180, 180)
    geonameid = data.get("geonameid")
    if geonameid is not None and (isinstance(geonameid, bool) or not isinstance(geonameid, int)):
        raise GazetteerError(f"place '{entry_id}': geonameid must be a whole number")
    kind = data.get("kind", "town")
    if kind not in KINDS:
        raise GazetteerError(f"place '{entry_id}': kind must be one of {', '.join(KINDS)}")
    names = data.get("names")
    if not isinstance(names, dict) or not names:
        raise GazetteerError(f"place '{entry_id}': names needs at least one language")
    periods = {str(lang): _periods(entry_id, str(lang), value) for lang, value in names.items()}
    note = data.get("note", "")
    return PlaceEntry(entry_id, lat, lon, periods, geonameid, kind, str(note))


def parse_entries(items: Iterable[Any], need_place: bool = True) -> list[PlaceEntry]:
    entries: list[PlaceEntry] = []
    seen: set[str] = set()
    for item in items:
        entry = parse_entry(item, need_place)
        if entry.id in seen:
            raise GazetteerError(f"place '{entry.id}' is listed twice")
        seen.add(entry.id)
        entries.append(entry)
    return entries


class Gazetteer:
    """Every known place; `names_at` gives the map its labels for a date and language."""

    def __init__(self, entries: Iterable[PlaceEntry]) -> None:
        self.entries: dict[str, PlaceEntry] = {e.id: e for e in entries}

    @classmethod
    def from_file(cls, path: Path, cache: LibraryCache | None = None) -> Gazetteer:
        """The checked places of a gazetteer file; with a `cache`, taken from it while the
        file is unchanged (reading and checking it costs a start about 14 ms, PyYAML's
        import included)."""
        stat, resolved = None, path.resolve()
        if cache is not None:
            try:
                stat = path.stat()
            except OSError:
                pass  # read below, and told there
            found = cache.get(resolved, stat, str(path)) if stat else None
            if isinstance(found, Gazetteer):
                return found
        gazetteer = cls._read(path)
        if cache is not None and stat is not None:
            cache.put(resolved, stat, str(path), gazetteer)
            cache.save()
        return gazetteer

    @classmethod
    def _read(cls, path: Path) -> Gazetteer:
        from storyplayer.model.yaml_source import SourceError, parse_document, read_text

        try:
            data = parse_document(read_text(path)).data
        except SourceError as error:
            raise GazetteerError(f"{path}: {error.message}") from None
        if not isinstance(data, dict) or not isinstance(data.get("places"), list):
            raise GazetteerError(f"{path}: needs a list 'places'")
        try:
            return cls(parse_entries(data["places"]))
        except GazetteerError as error:
            raise GazetteerError(f"{path}: {error}") from None

    def with_overrides(self, entries: Iterable[PlaceEntry]) -> Gazetteer:
        """This gazetteer with a story's own entries: a known id takes the story's names
        (and keeps its place unless the story gives one); a new id is a new place."""
        merged = dict(self.entries)
        for entry in entries:
            old = merged.get(entry.id)
            if old is not None:
                entry = PlaceEntry(
                    entry.id,
                    entry.lat if entry.lat is not None else old.lat,
                    entry.lon if entry.lon is not None else old.lon,
                    {**old.names, **entry.names},
                    entry.geonameid if entry.geonameid is not None else old.geonameid,
                    old.kind if entry.kind == "town" else entry.kind,
                    entry.note or old.note,
                )
            if entry.lat is None or entry.lon is None:
                continue  # a story's new place without coordinates has nowhere to go
            merged[entry.id] = entry
        return Gazetteer(merged.values())

    def find(self, name: str) -> list[PlaceEntry]:
        """Entries whose id or any name (any language, any period) is `name`, ignoring case."""
        wanted = name.strip().casefold()
        return [
            e
            for e in self.entries.values()
            if e.id.casefold() == wanted
            or any(p.name.casefold() == wanted for ps in e.names.values() for p in ps)
        ]

    def names_at(self, day: int | None, lang: str) -> list[NameAt]:
        return [
            NameAt(e.id, e.name_at(day, lang), e.today(lang), e.lat, e.lon, e.geonameid, e.kind)
            for e in self.entries.values()
        ]


@cache
def bundled_gazetteer() -> Gazetteer:
    """The gazetteer shipped in resources/ (read once; from the user's cache while the file
    and the checking code are unchanged)."""
    from storyplayer.model.library import default_cache
    from storyplayer.resources import resource

    return Gazetteer.from_file(resource("gazetteer.yaml"), default_cache("gazetteer.cache"))
