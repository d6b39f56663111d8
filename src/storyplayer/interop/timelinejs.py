"""Knight Lab TimelineJS files as drafts: TimelineJS3 JSON, the old v2 JSON
(`{"timeline": {...}}`) and the Google-spreadsheet CSV export.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from storyplayer.interop.date_text import date_from_parts, parse_free_date, sort_key
from storyplayer.interop.draft import (
    Draft,
    DraftEvent,
    ImportFailure,
    RemoteMedia,
    place_from_location,
    slugify,
)
from storyplayer.interop.html_to_markdown import html_to_markdown, html_to_text
from storyplayer.interop.storymapjs import (
    background_color,
    background_media,
    background_warning,
    media_of,
)

MAX_CATEGORIES = 20
CSV_REQUIRED = ("Headline", "Text")
CSV_DATE_COLUMNS = (("Year",), ("Start Date",))


def is_timeline3(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("events"), list)


def is_timeline2(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("timeline"), dict)


def _str(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip()


def _text(obj: object) -> tuple[str, str]:
    """(plain headline, Markdown text) of a TimelineJS `text` object."""
    if not isinstance(obj, dict):
        return "", ""
    headline, text = obj.get("headline"), obj.get("text")
    return (
        html_to_text(headline) if isinstance(headline, str) else "",
        html_to_markdown(text) if isinstance(text, str) else "",
    )


def _date_object(value: object, where: str, draft: Draft) -> str | None:
    if not isinstance(value, dict) or _str(value.get("year")) == "":
        return None
    date = date_from_parts(value.get("year"), value.get("month"), value.get("day"))
    if date is None:
        parts = "-".join(_str(value.get(k)) for k in ("year", "month", "day") if _str(value.get(k)))
        if len(parts) > 24 or "inf" in parts or "nan" in parts:
            parts = "given"  # thousands of digits, or a number that is not finite
        draft.warnings.add(f"the date {parts} is not a real date; the event is left undated", where)
        return None
    if any(_str(value.get(k)) for k in ("hour", "minute", "second", "millisecond")):
        draft.warnings.add("times of day are not carried over (dates are kept to the day)", where)
    return date


def _add_group(draft: Draft, group: object, where: str) -> None:
    slug = slugify(_str(group), 40)
    if not slug or slug in draft.categories:
        return
    if len(draft.categories) >= MAX_CATEGORIES:
        draft.warnings.add(f"only the first {MAX_CATEGORIES} groups become categories", where)
        return
    draft.categories.append(slug)


def _finish_event(
    draft: Draft,
    where: str,
    headline: str,
    body: str,
    start: str | None,
    end: str | None,
    display: str,
    media: RemoteMedia | None,
) -> DraftEvent:
    event = DraftEvent(
        title=headline or display or f"Event {where.split()[-1]}", text=body, where=where
    )
    draft.warnings.name(where, headline)
    event.media = media
    if start is not None:
        span: str | dict[str, str] = start
        if end is not None and end != start:
            candidate = {"start": start, "end": end}
            if sort_key(candidate) is None:
                draft.warnings.add(
                    "the end date comes before the start; only the start is kept", where
                )
            else:
                span = candidate
        event.date = span
        event.sort_key = sort_key(span)
    if display:
        event.date_label = display
    return event


def _sorted(events: list[DraftEvent]) -> list[DraftEvent]:
    # TimelineJS shows events in date order; undated ones go last, in file order.
    return sorted(events, key=lambda e: (e.sort_key is None, e.sort_key or 0))


def _eras(draft: Draft, eras: object) -> None:
    if isinstance(eras, list) and eras:
        names = [_text(era.get("text"))[0] for era in eras if isinstance(era, dict)]
        named = ", ".join(n for n in names if n)
        draft.warnings.add(
            f"{len(eras)} eras ({named or 'unnamed'}) are not carried over: the player has no eras"
        )


# --- TimelineJS3 JSON ----------------------------------------------------------------------


def read_timeline3(data: dict[str, Any]) -> Draft:
    draft = Draft(source_format="TimelineJS3")
    title = data.get("title")
    if title is not None and not isinstance(title, dict):
        raise ImportFailure("the title slide is not an object")
    if isinstance(title, dict):
        draft.title, draft.summary = _text(title.get("text"))
        draft.cover = media_of(title.get("media")) or background_media(title.get("background"))
        background_warning(title.get("background"), "the title slide", draft.warnings)
    events = []
    for index, item in enumerate(data["events"], start=1):
        where = f"event {index}"
        if not isinstance(item, dict):
            raise ImportFailure(f"{where} is not an object of event fields")
        headline, body = _text(item.get("text"))
        start = _date_object(item.get("start_date"), where, draft)
        end = _date_object(item.get("end_date"), where, draft)
        display = html_to_text(_str(item.get("display_date")))
        event = _finish_event(
            draft, where, headline, body, start, end, display, media_of(item.get("media"))
        )
        event.place = place_from_location(item.get("location"), where, draft.warnings)
        event.fallback_media = background_media(item.get("background"))
        event.background = background_color(item.get("background"), where, draft.warnings)
        _add_group(draft, item.get("group"), where)
        events.append(event)
    if not events:
        raise ImportFailure("the timeline has no events")
    draft.events = _sorted(events)
    _eras(draft, data.get("eras"))
    if not draft.title:
        draft.title = draft.events[0].title
    return draft


# --- TimelineJS 2 JSON ---------------------------------------------------------------------


def _asset(value: object) -> RemoteMedia | None:
    if not isinstance(value, dict):
        return None
    return media_of(
        {"url": value.get("media"), "caption": value.get("caption"), "credit": value.get("credit")}
    )


def read_timeline2(data: dict[str, Any]) -> Draft:
    timeline = data["timeline"]
    draft = Draft(source_format="TimelineJS 2")
    draft.title = html_to_text(_str(timeline.get("headline")))
    draft.summary = html_to_markdown(_str(timeline.get("text")))
    draft.cover = _asset(timeline.get("asset"))
    dates = timeline.get("date")
    if not isinstance(dates, list) or not dates:
        raise ImportFailure("the timeline has no dates (events)")
    events = []
    for index, item in enumerate(dates, start=1):
        where = f"event {index}"
        if not isinstance(item, dict):
            raise ImportFailure(f"{where} is not an object of event fields")
        start_text, end_text = _str(item.get("startDate")), _str(item.get("endDate"))
        start = parse_free_date(start_text) if start_text else None
        end = parse_free_date(end_text) if end_text else None
        display = ""
        if start_text and (start is None or isinstance(start, dict)):
            display, start = start_text, None
            draft.warnings.add(
                "the date is free text; it is shown as written but not sorted", where
            )
        event = _finish_event(
            draft,
            where,
            html_to_text(_str(item.get("headline"))),
            html_to_markdown(_str(item.get("text"))),
            start if isinstance(start, str) else None,
            end if isinstance(end, str) else None,
            display,
            _asset(item.get("asset")),
        )
        _add_group(draft, item.get("tag"), where)
        events.append(event)
    draft.events = _sorted(events)
    _eras(draft, timeline.get("era"))
    if not draft.title:
        draft.title = draft.events[0].title
    return draft


# --- the spreadsheet, as CSV ---------------------------------------------------------------


def read_timeline_csv(text: str) -> Draft:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise ImportFailure("the CSV file has no header row")
    header = [cell.strip().lstrip("\ufeff") for cell in rows[0]]
    known = {name.lower(): i for i, name in enumerate(header)}
    missing = [name for name in CSV_REQUIRED if name.lower() not in known]
    if not any(all(c.lower() in known for c in cols) for cols in CSV_DATE_COLUMNS):
        missing.insert(0, "Year (or Start Date)")
    if missing:
        raise ImportFailure(
            f"not a TimelineJS spreadsheet: the CSV lacks the column(s) {', '.join(missing)}"
        )
    draft = Draft(source_format="TimelineJS spreadsheet (CSV)")
    events = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"row {number}"

        def cell(name: str, row: list[str] = row) -> str:
            i = known.get(name.lower())
            return row[i].strip() if i is not None and i < len(row) else ""

        kind = cell("Type").lower()
        headline, body = html_to_text(cell("Headline")), html_to_markdown(cell("Text"))
        media = media_of({
            "url": cell("Media"), "credit": cell("Media Credit"),
            "caption": cell("Media Caption"), "alt": cell("Alt Text"),
        })  # fmt: skip
        background = (
            {"url": cell("Background")} if "/" in cell("Background")
            else {"color": cell("Background")}
        )  # fmt: skip
        if kind == "title":
            draft.title, draft.summary, draft.cover = headline, body, media
            background_warning(background, "the title slide", draft.warnings)
            continue
        if kind == "era":
            draft.warnings.add(
                f"era '{headline or '?'}' is not carried over: the player has no eras", where
            )
            continue
        if cell("Year"):
            start = date_from_parts(cell("Year"), cell("Month"), cell("Day"))
            end = (
                date_from_parts(cell("End Year"), cell("End Month"), cell("End Day"))
                if cell("End Year")
                else None
            )
            raw = "-".join(filter(None, (cell("Year"), cell("Month"), cell("Day"))))
        else:
            parsed_start = parse_free_date(cell("Start Date"))
            parsed_end = parse_free_date(cell("End Date"))
            start = parsed_start if isinstance(parsed_start, str) else None
            end = parsed_end if isinstance(parsed_end, str) else None
            raw = cell("Start Date")
        if cell("Time") or cell("End Time"):
            draft.warnings.add(
                "times of day are not carried over (dates are kept to the day)", where
            )
        display = html_to_text(cell("Display Date"))
        if raw and start is None:
            display = display or raw
            draft.warnings.add(f"the date {raw} is not a real date; it is shown as written", where)
        event = _finish_event(draft, where, headline, body, start, end, display, media)
        event.fallback_media = background_media(background)
        event.background = background_color(background, where, draft.warnings)
        events.append(event)
        _add_group(draft, cell("Group") or cell("Tag"), where)
    if not events:
        raise ImportFailure("the spreadsheet has no event rows")
    draft.events = _sorted(events)
    if not draft.title:
        draft.title = draft.events[0].title
    return draft
