"""What an importer produces: a story draft in plain Python, plus the warnings about what
could not be carried over. The writer turns a draft into a story folder.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii


class ImportFailure(Exception):
    """The file cannot be imported at all; str(e) is one sentence for the user."""


@dataclass
class RemoteMedia:
    """A picture or embed an event points to on the web; never fetched unless asked."""

    url: str
    caption: str = ""  # plain text
    credit: str = ""  # plain text
    alt: str = ""
    link: str = ""  # where the picture came from (a page), when the source names one


@dataclass
class DraftEvent:
    title: str
    date: str | dict[str, str] | None = None
    date_label: str | None = None
    place: dict[str, Any] | None = None
    text: str = ""  # Markdown
    media: RemoteMedia | None = None
    where: str = ""  # "slide 3", "event 5", "row 7": for warnings
    sort_key: int | None = None
    fallback_media: RemoteMedia | None = None  # a background or marker icon, used if no media
    sources: list[str] = field(default_factory=list)  # plain text
    background: str | None = None  # "#rrggbb": the slide's own colour


@dataclass(frozen=True)
class GuessedDate:
    """A date read from what the author wrote (a headline or the first line of text)."""

    where: str  # "slide 3"
    headline: str
    date: str | dict[str, str]
    text: str  # the words it was read from


@dataclass
class Warnings:
    """Warnings grouped by message, so forty slides with a background make one line."""

    items: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # "slide 3" -> its headline

    def name(self, where: str, title: str) -> None:
        """Remembers the headline of `where`, so warnings name it by number and headline."""
        if title:
            self.titles[where] = title if len(title) <= 40 else title[:39].rstrip() + "…"

    def add(self, message: str, where: str = "") -> None:
        places = self.items.setdefault(message, [])
        if where and where not in places:
            places.append(where)

    def lines(self) -> list[str]:
        out = []
        for message, places in self.items.items():
            if not places:
                out.append(message)
                continue
            kinds = {place.rsplit(" ", 1)[0] for place in places}
            if len(kinds) == 1 and all(p.rsplit(" ", 1)[-1].isdigit() for p in places):
                # "slides 2, 3, 7" rather than "slide 2, slide 3, slide 7"
                kind = kinds.pop()
                names = [self._titled(p, p.rsplit(" ", 1)[-1]) for p in places]
                prefix = f"{kind}s " if len(names) > 1 else f"{kind} "
            else:
                names, prefix = [self._titled(p, p) for p in places], ""
            shown = ", ".join(names[:8])
            more = f" and {len(names) - 8} more" if len(names) > 8 else ""
            out.append(f"{prefix}{shown}{more}: {message}")
        return out

    def _titled(self, where: str, label: str) -> str:
        title = self.titles.get(where)
        return f"{label} “{title}”" if title else label


@dataclass
class Draft:
    source_format: str
    title: str = ""
    summary: str = ""  # Markdown
    events: list[DraftEvent] = field(default_factory=list)
    language: str | None = None
    color: str | None = None
    map_view: dict[str, Any] | None = None
    categories: list[str] = field(default_factory=list)
    cover: RemoteMedia | None = None
    warnings: Warnings = field(default_factory=Warnings)
    guesses: list[GuessedDate] = field(default_factory=list)
    path: dict[str, Any] | None = None  # the story's `path` (show, width, dash) as written
    ending: str = ""  # plain text: the closing words (a call to action)


# --- helpers shared by the importers -------------------------------------------------------

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def hex_color(value: object) -> str | None:
    """ "#b03a2e" from "#B03A2E", "b03a2e" or "#b32"; None for anything else."""
    if not isinstance(value, str):
        return None
    match = _HEX.match(value.strip())
    if not match:
        return None
    digits = match[1].lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits}"


def slugify(text: str, limit: int = 60) -> str:
    """A URL-safe slug: "Mark Twain's Life" -> "mark-twain-s-life", "Москва" -> "moskva"."""
    ascii_text = anyascii(text)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def number(value: object) -> float | None:
    """A finite number from a number or numeric text, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str) and value.strip():
        try:
            result = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def place_from_location(location: object, where: str, warnings: Warnings) -> dict[str, Any] | None:
    """A StoryMapJS `location` as our `place`; ImportFailure for coordinates not on Earth."""
    if not isinstance(location, dict):
        return None
    lat, lon = number(location.get("lat")), number(location.get("lon"))
    if lat is None and lon is None:
        return None
    if lat is None or lon is None:
        raise ImportFailure(f"{where}: a location needs both lat and lon")
    if not -90 <= lat <= 90:
        raise ImportFailure(f"{where}: latitude {lat:g} is not on Earth (it runs from -90 to 90)")
    if not -540 <= lon <= 540:
        raise ImportFailure(
            f"{where}: longitude {lon:g} is not on Earth (it runs from -180 to 180)"
        )
    if not -180 <= lon <= 180:
        lon = (lon + 180) % 360 - 180  # a map panned round the globe: same meridian
    place: dict[str, Any] = {}
    name = location.get("name")
    if isinstance(name, str) and name.strip():
        place["name"] = name.strip()
    place["lat"], place["lon"] = round(lat, 6), round(lon, 6)
    zoom = number(location.get("zoom"))
    if zoom is not None:
        place["zoom"] = min(19.0, max(0.0, zoom)) if zoom % 1 else int(min(19, max(0, zoom)))
    return place
