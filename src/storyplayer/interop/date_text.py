"""Dates as other tools write them, turned into our date grammar where that can be done
without guessing: free text ("October 25, 1917", "1880s"), TimelineJS date objects and
spreadsheet cells. Anything else stays as a `date_label`.
"""

from __future__ import annotations

import re

from storyplayer.model.dates import DateError, parse_date

MAX_TEXT = 200

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_BC = r"(?:\s*(?P<bc>B\.?C\.?(?:E\.?)?))?"
_FORMS = [
    re.compile(
        rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{1,4}}){_BC}$", re.I
    ),
    re.compile(rf"^(?P<day>\d{{1,2}})\.?\s+{_MONTH},?\s+(?P<year>\d{{1,4}}){_BC}$", re.I),
    re.compile(rf"^{_MONTH},?\s+(?P<year>\d{{1,4}}){_BC}$", re.I),
    re.compile(r"^(?P<year>\d{4})/(?P<nmonth>\d{1,2})/(?P<day>\d{1,2})$"),
    re.compile(r"^(?P<nmonth>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})$"),  # as sheets write it
    re.compile(r"^(?P<year>-?\d{1,4}),(?P<nmonth>\d{1,2})(?:,(?P<day>\d{1,2}))?$"),  # TimelineJS 2
    re.compile(
        r"^(?P<year>-?\d{1,4})(?:-(?P<nmonth>\d{1,2})(?:-(?P<day>\d{1,2}))?)?(?:T[\d:.Z+-]*)?$"
    ),
    re.compile(rf"^(?P<year>\d{{1,4}}){_BC}$", re.I),
]
_DECADE = re.compile(r"^(?:the\s+)?(?P<year>\d{2,3}0)['’]?s$", re.I)
_CIRCA = re.compile(r"^(?:c\.|ca\.|circa|about|around)\s*", re.I)
_RANGE = re.compile(r"^(?P<a>.+?)\s*(?:–|—|-{1,2}|\bto\b)\s*(?P<b>.+)$")


def _checked(value: str) -> str | None:
    try:
        parse_date(value)
    except DateError:
        return None
    return value


def _compose(
    year: int, month: int | None = None, day: int | None = None, approx: bool = False
) -> str | None:
    text = str(year)
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return _checked(("c. " if approx else "") + text)


def _one(text: str) -> str | None:
    text = text.strip().rstrip(".").strip()
    approx = False
    circa = _CIRCA.match(text)
    if circa:
        approx, text = True, text[circa.end() :]
    decade = _DECADE.match(text)
    if decade:
        return _compose(int(decade["year"]), approx=True)
    for form in _FORMS:
        match = form.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        if groups.get("bc"):
            year = -year
        month = None
        if groups.get("month"):
            month = _MONTHS.get(groups["month"].lower())
            if month is None:
                return None
        elif groups.get("nmonth"):
            month = int(groups["nmonth"])
        day = int(groups["day"]) if groups.get("day") else None
        if year < 0 and groups.get("bc") and month is not None:
            return None
        return _compose(year, month, day, approx)
    return None


def parse_free_date(text: str) -> str | dict[str, str] | None:
    """Our date (a string, or {start, end}) for free text, or None when it is not plain."""
    if len(text) > MAX_TEXT:
        return None  # no date is written in hundreds of characters
    text = " ".join(text.split())
    if not text:
        return None
    single = _one(text)
    if single is not None:
        return single
    match = _RANGE.match(text)
    if match and not text.startswith("-"):
        a, b = match["a"].strip(), match["b"].strip()
        if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{2}", b):
            b = a[:2] + b  # "1914-18": the end shares the century of the start
        start, end = _one(a), _one(b)
        if start is not None and end is not None:
            span = {"start": start, "end": end}
            try:
                parse_date(span)
            except DateError:
                return None
            return span
    return None


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10**7 else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**7:
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,7}\s*", value):
        return int(value)
    return None


def date_from_parts(year: object, month: object = None, day: object = None) -> str | None:
    """Our date from TimelineJS parts (year text or number, negative for BC); None if unusable."""
    y = _int(year)
    if y is None or y == 0:
        return None
    m = _int(month) if month not in (None, "") else None
    d = _int(day) if day not in (None, "") and m is not None else None
    if month not in (None, "") and m is None:
        return None
    return _compose(y, m, d)


def sort_key(value: str | dict[str, str] | None) -> int | None:
    if value is None:
        return None
    try:
        return parse_date(value).sort_key()
    except DateError:
        return None
