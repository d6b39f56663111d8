"""What the map is told about the stories that play: each story as a `MapStory` in its pane's
colour, and the media route its overlays come from. Plain Python, so the app can send the
stories to the map page before any widget is built."""

from __future__ import annotations

from storyplayer.model.map_protocol import MapEvent, MapStory
from storyplayer.model.story import PANE_COLORS, Story


def pane_color(story: Story, slot: int) -> str:
    """The colour a story is drawn in, in pane `slot`: its own, or the slot's."""
    return story.color or PANE_COLORS[slot]


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
