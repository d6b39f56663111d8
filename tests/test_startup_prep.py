"""With --play, the first events' one-time work (the Markdown parser, the month names of the
language) is done off the main thread while the map page loads."""

from __future__ import annotations

from storyplayer.app import _Background, _prepare_first_events
from storyplayer.model import dates, rich_text
from storyplayer.model.library import Library

THREE = ["october-1917", "independence-1918", "world-war-1"]


def test_first_events_are_prepared_in_the_background(bundled_library: Library) -> None:
    rich_text._markdown.cache_clear()
    dates._month_names.cache_clear()
    _Background(lambda: _prepare_first_events(bundled_library, THREE, "et")).result()
    assert rich_text._markdown.cache_info().currsize == 1  # the parser is built
    assert dates._month_names.cache_info().currsize == 1  # Estonian month names are read
    # The pane's own formatting of the first date then loads nothing more.
    first = bundled_library.get(THREE[0]).events[0]
    assert dates.format_date(first.date, "et")
    assert dates._month_names.cache_info().misses == 1
