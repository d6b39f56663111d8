"""How a `Story` looks to the map: its events as `MapEvent`s in one language, for a pane or
for the attract screen's overview. The one place a story is turned into map data."""

from __future__ import annotations

from dataclasses import replace

from storyplayer.model.map_protocol import MapEvent, MapStory
from storyplayer.model.story import Story


def media_token(story: Story, slot: int) -> str:
    """The name of the story's media folder on the map's URL scheme, unique per pane."""
    return f"s{slot}-{story.id}"


def map_story(story: Story, slot: int, color: str, lang: str, media_url: str) -> MapStory:
    """The map's view of a story: places, names, geometry and overlays in `lang`."""
    events = []
    for event in story.events:
        place, overlay = event.place, event.overlay
        overlay_url = None
        if overlay is not None:
            overlay_url = media_url.rstrip("/") + "/" + overlay.src.relative_to(
                story.folder.resolve()).as_posix()
        events.append(MapEvent(
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            name=story.text(place.name, lang) if place else "",
            title=story.text(event.title, lang),
            zoom=int(place.zoom) if place and place.zoom is not None else None,
            geometry=event.geometry,
            overlay_url=overlay_url,
            overlay_bounds=overlay.bounds if overlay else None,
            overlay_opacity=overlay.opacity if overlay else 0.7,
        ))
    return MapStory(slot, color, story.text(story.title, lang), tuple(events), story.path)


def overview_story(story: Story, color: str, lang: str, media_url: str,
                   zoom: int) -> MapStory:
    """A gentle overview of a story (slot 0): the region, never closer than `zoom`, and no
    overlays to distract."""
    whole = map_story(story, 0, color, lang, media_url)
    events = tuple(
        replace(e, zoom=min(e.zoom or zoom, zoom), overlay_url=None, overlay_bounds=None)
        for e in whole.events
    )
    return replace(whole, events=events)
