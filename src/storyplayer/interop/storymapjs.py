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


def background_warning(value: object, where: str, warnings: Warnings) -> None:
    if not isinstance(value, dict):
        return
    if isinstance(value.get("url"), str) and value["url"].strip():
        warnings.add(
            "background images are not carried over (the map stays behind every event)", where
        )
    elif isinstance(value.get("color"), str) and value["color"].strip():
        warnings.add("background colours are not carried over (each story has one colour)", where)


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
            draft.color = color
    for key in ("call_to_action", "map_background_color", "map_subtitle"):
        if storymap.get(key):
            draft.warnings.add(f"'{key}' is not carried over (the player has no such setting)")

    slides = storymap.get("slides")
    if not isinstance(slides, list) or not slides:
        raise ImportFailure("the storymap has no slides")
    lines_seen = False
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
        body = html_to_markdown(text.get("text") or "") if isinstance(text.get("text"), str) else ""
        location = slide.get("location")
        place = None if image_map else place_from_location(location, where, draft.warnings)
        if isinstance(location, dict) and location.get("line") and place:
            lines_seen = True
        background_warning(slide.get("background"), where, draft.warnings)
        media = media_of(slide.get("media"))
        if slide.get("type") == "overview":
            draft.title = draft.title or headline
            draft.summary = draft.summary or body
            if place:
                view: dict[str, Any] = {"center": [place["lat"], place["lon"]]}
                if "zoom" in place:
                    view["zoom"] = place["zoom"]
                draft.map_view = view
            draft.cover = media
            continue
        event = DraftEvent(title=headline, text=body, place=place, media=media, where=where)
        if not event.title:
            event.title = (place or {}).get("name") or f"Slide {index}"
        date_text = slide.get("date")
        if isinstance(date_text, int | float) and not isinstance(date_text, bool):
            date_text = str(int(date_text))
        if isinstance(date_text, str) and date_text.strip():
            parsed = parse_free_date(html_to_text(date_text))
            if parsed is None:
                event.date_label = html_to_text(date_text)
                draft.warnings.add(
                    "the date is free text; it is shown as written but not sorted", where
                )
            else:
                event.date = parsed
        draft.events.append(event)
    if lines_seen and storymap.get("show_lines", True) is not False:
        draft.warnings.add("the lines StoryMapJS draws between slides are not carried over")
    if not draft.events:
        raise ImportFailure("the storymap has only an overview slide, no events")
    if not draft.title:
        draft.title = draft.events[0].title
    return draft
