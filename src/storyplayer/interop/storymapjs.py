"""Knight Lab StoryMapJS files (`{"storymap": {...}}`, bare or in the embed wrapper) as drafts."""

from __future__ import annotations

import re
from typing import Any

from storyplayer.interop.date_text import parse_free_date
from storyplayer.interop.draft import (
    Draft,
    DraftEvent,
    ImportFailure,
    RemoteMedia,
    Warnings,
    hex_color,
    number,
    place_from_location,
)
from storyplayer.interop.html_to_markdown import html_to_markdown, html_to_text

IMAGE_MAP_TYPES = ("zoomify", "map_as_image", "image")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def is_storymap(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("storymap"), dict)


def media_of(value: object) -> RemoteMedia | None:
    """StoryMapJS / TimelineJS `media`, or None when it names nothing."""
    if not isinstance(value, dict):
        return None
    url = value.get("url")
    if not isinstance(url, str) or not url.strip():
        return None

    def text(key: str) -> str:
        item = value.get(key)
        return html_to_text(item) if isinstance(item, str) else ""

    link = value.get("link")
    return RemoteMedia(
        url=url.strip(),
        caption=text("caption"),
        credit=text("credit"),
        alt=text("alt"),
        link=link.strip() if isinstance(link, str) else "",
    )


def background_media(value: object) -> RemoteMedia | None:
    """A slide's background picture, kept as its picture when it has no media of its own."""
    if not isinstance(value, dict):
        return None
    url = value.get("url")
    if isinstance(url, str) and url.strip():
        return RemoteMedia(url=url.strip(), caption="Background picture")
    return None


def background_color(value: object, where: str, warnings: Warnings) -> str | None:
    """A slide's background colour, kept as the event's own colour; one that is not a
    #rrggbb colour is reported."""
    if not isinstance(value, dict):
        return None
    text = value.get("color")
    if not isinstance(text, str) or not text.strip():
        return None
    color = hex_color(text)
    if color is None:
        warnings.add(f"background colour '{text.strip()[:20]}' is not a #rrggbb colour; "
                     "left out", where)
    return color


def background_warning(value: object, where: str, warnings: Warnings) -> None:
    """The title slide's background colour has no place in a story: it is reported."""
    if not isinstance(value, dict):
        return
    if isinstance(value.get("url"), str) and value["url"].strip():
        return  # kept as the cover, or named in the summary
    if isinstance(value.get("color"), str) and value["color"].strip():
        warnings.add(
            "the background colour is not carried over (a story's card has its own colour)",
            where,
        )


def _numeric_date(value: object) -> str | None:
    """A year given as a JSON number (1917, 1917.0); None for fractions, NaN, huge numbers."""
    year = number(value)
    if year is None or not year.is_integer() or abs(year) > 9999:
        return None
    return str(int(year))


def _closing_text(storymap: dict[str, Any]) -> str:
    """The story's call to action, as plain text ("" when it has none)."""
    text = storymap.get("call_to_action_text")
    if isinstance(text, str) and text.strip() and storymap.get("call_to_action", True):
        return html_to_text(text)
    return ""


_DASH = re.compile(r"^\s*[0-9]{1,3}(\s*[ ,]\s*[0-9]{1,3}){1,7}\s*$")


def _path_style(storymap: dict[str, Any], draft: Draft) -> None:
    """The story's path as the author set it: hidden, or its width and dash pattern (the
    colour is the story's own). StoryMapJS draws 3-wide lines dashed "5,5" unless told."""
    if storymap.get("show_lines", True) is False:
        draft.path = {"show": False}
        return
    path: dict[str, Any] = {}
    weight = number(storymap.get("line_weight"))
    if weight is not None:
        path["width"] = round(min(12.0, max(0.5, weight)), 2)
    dash = storymap.get("line_dash")
    if isinstance(dash, str):
        if not dash.strip() or dash.strip() in ("0", "none"):
            path["dash"] = "solid"
        elif _DASH.match(dash):
            path["dash"] = " ".join(re.split(r"[\s,]+", dash.strip()))
        else:
            draft.warnings.add(f"the line's dash pattern '{dash[:20]}' is not carried over")
    if path:
        draft.path = path
    if storymap.get("line_follows_path") is False:
        draft.warnings.add("lines that do not follow the slides' order are drawn in order")


def read_storymap(data: dict[str, Any]) -> Draft:
    storymap = data["storymap"]
    draft = Draft(source_format="StoryMapJS")
    language = storymap.get("language")
    if isinstance(language, str) and language.strip():
        code = language.strip().lower().replace("_", "-")
        if _LANGUAGE.match(code):
            draft.language = code
        else:
            draft.warnings.add(
                f"language '{language}' is not a language code; the text is kept without one"
            )
    map_type = str(storymap.get("map_type") or "")
    image_map = any(map_type.startswith(kind) for kind in IMAGE_MAP_TYPES)
    if image_map:
        draft.warnings.add(
            f"the story is drawn on a picture (map_type '{map_type}'), not on a map of the world: "
            "there are no geographic places, so the events have none"
        )
    elif map_type and not map_type.startswith(("osm:", "stamen:", "mapbox:", "http")):
        draft.warnings.add(
            f"map style '{map_type}' is not carried over; the player's own map is used"
        )
    if storymap.get("show_lines", True) is not False:
        color = hex_color(storymap.get("line_color"))
        if color:
            draft.color = color  # the player draws the story's path in its colour
    _path_style(storymap, draft)
    for key in ("map_background_color", "map_subtitle"):
        if storymap.get(key):
            draft.warnings.add(f"'{key}' is not carried over (the player has no such setting)")

    slides = storymap.get("slides")
    if not isinstance(slides, list) or not slides:
        raise ImportFailure("the storymap has no slides")
    for index, slide in enumerate(slides, start=1):
        where = f"slide {index}"
        if not isinstance(slide, dict):
            raise ImportFailure(f"{where} is not an object of slide fields")
        text = slide.get("text") if isinstance(slide.get("text"), dict) else {}
        headline = (
            html_to_text(text.get("headline") or "")
            if isinstance(text.get("headline"), str)
            else ""
        )
        draft.warnings.name(where, headline)
        body = html_to_markdown(text.get("text") or "") if isinstance(text.get("text"), str) else ""
        location = slide.get("location")
        overview = slide.get("type") == "overview"
        place = None if image_map else place_from_location(location, where, draft.warnings)
        media = media_of(slide.get("media"))
        if overview and index == 1:
            # The title slide: the story's title, summary, cover and opening view.
            draft.title, draft.summary = headline, body
            draft.cover = media or background_media(slide.get("background"))
            if place:
                view: dict[str, Any] = {"center": [place["lat"], place["lon"]]}
                if "zoom" in place:
                    view["zoom"] = place["zoom"]
                draft.map_view = view
            background_warning(slide.get("background"), "the title slide", draft.warnings)
            continue
        if overview:
            place = None  # a closing or other overview slide looks at the whole story
        event = DraftEvent(title=headline, text=body, place=place, media=media, where=where)
        event.fallback_media = background_media(slide.get("background")) or _icon(location)
        event.background = background_color(slide.get("background"), where, draft.warnings)
        if not event.title:
            event.title = (place or {}).get("name") or f"Slide {index}"
        date_text = slide.get("date")
        if not isinstance(date_text, str):
            date_text = _numeric_date(date_text) or ""
        if date_text.strip():
            label = html_to_text(date_text)
            parsed = parse_free_date(label)
            if parsed is None:
                event.date_label = label
                draft.warnings.add(
                    "the date is free text; it is shown as written but not sorted", where
                )
            else:
                event.date = parsed
        draft.events.append(event)
    if not draft.events:
        raise ImportFailure("the storymap has only an overview slide, no events")
    draft.ending = _closing_text(storymap)  # shown on the end card, above Play again
    if not draft.title:
        draft.title = draft.events[0].title
    return draft


def _icon(location: object) -> RemoteMedia | None:
    """A slide's custom marker icon, kept as its picture when nothing else is there."""
    if isinstance(location, dict) and isinstance(location.get("icon"), str):
        url = location["icon"].strip()
        if url:
            return RemoteMedia(url=url, caption="Marker icon")
    return None
