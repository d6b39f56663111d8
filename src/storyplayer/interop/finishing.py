"""What every importer's draft goes through before it is written: dates read from what the
author wrote where the source gave none, places named, and the events left without a date
reported (by number and headline).
"""

from __future__ import annotations

from storyplayer.interop.date_guess import first_line, guess_in
from storyplayer.interop.date_text import sort_key
from storyplayer.interop.draft import Draft, GuessedDate
from storyplayer.interop.places import PlaceIndex


def guess_dates(draft: Draft) -> None:
    """Dates for undated events from their date label, headline or first line of text,
    where that names exactly one date; each guess is recorded for the summary."""
    for event in draft.events:
        if event.date is not None:
            continue
        for text in (event.date_label or "", event.title, first_line(event.text)):
            found = guess_in(text)
            if found is not None:
                event.date, words = found
                event.sort_key = sort_key(event.date)
                draft.guesses.append(GuessedDate(event.where, event.title, event.date, words))
                break
            if any(ch.isdigit() for ch in text):
                break  # numbers that name no single date: do not look further


def name_places(draft: Draft, index: PlaceIndex) -> None:
    """The nearest known place's name for places that came without one."""
    for event in draft.events:
        place = event.place
        if place is not None and "name" not in place:
            name = index.nearest(place["lat"], place["lon"])
            if name:
                place["name"] = name
                # keep the key order of a written place: name, lat, lon, zoom
                event.place = {"name": name, **{k: v for k, v in place.items() if k != "name"}}


def report_undated(draft: Draft) -> None:
    for event in draft.events:
        if event.date is None and not event.date_label:
            draft.warnings.add("the event has no date", event.where)
