"""Historical dates in stories: the date grammar, Julian/Gregorian conversion, sorting,
and how a date reads in English and Estonian.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import cache

__all__ = [
    "DateError",
    "DateSpan",
    "HistDate",
    "format_date",
    "format_period",
    "from_words",
    "gregorian_to_julian",
    "julian_to_gregorian",
    "parse_date",
]

MAX_YEAR = 9999
MAX_YEAR_DIGITS = 6  # leading zeros allowed, thousands of digits not
MAX_DATE_CHARS = 60  # the longest date the grammar reads is about 25 characters

_EXAMPLES = (
    "write e.g. 1917-11-07, 07.11.1917, 1917-11, 1917, -500, c. 1350 or 1917-10-25 O.S."
)
_YEAR_ZERO = "year 0 does not exist: 1 BC is followed by AD 1"
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class DateError(ValueError):
    """A date string that cannot be a real historical date; str(e) is one clear English sentence."""


# --- calendar arithmetic -------------------------------------------------------------------


def _astronomical(year: int) -> int:
    # Historians have no year 0 (1 BC is followed by AD 1); the arithmetic needs one.
    return year + 1 if year < 0 else year


def _historian(year: int) -> int:
    return year - 1 if year <= 0 else year


def _is_leap(year: int, julian: bool) -> bool:
    y = _astronomical(year)
    if julian:
        return y % 4 == 0
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(year: int, month: int, julian: bool) -> int:
    if month == 2 and _is_leap(year, julian):
        return 29
    return _MONTH_DAYS[month - 1]


def _to_jdn(year: int, month: int, day: int, julian: bool) -> int:
    # Fliegel & Van Flandern. Counting the year from March puts the leap day last, and
    # Python's floor division keeps the formula right for negative years too.
    a = (14 - month) // 12
    y = _astronomical(year) + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4
    if julian:
        return jdn - 32083
    return jdn - y // 100 + y // 400 - 32045


def _from_jdn(jdn: int, julian: bool) -> tuple[int, int, int]:
    # Richards' inverse of _to_jdn; floor division again makes it hold before 4713 BC.
    if julian:
        centuries, rest = 0, jdn + 32082
    else:
        a = jdn + 32044
        centuries = (4 * a + 3) // 146097
        rest = a - (146097 * centuries) // 4
    d = (4 * rest + 3) // 1461
    e = rest - (1461 * d) // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * centuries + d - 4800 + m // 10
    return _historian(year), month, day


def _check_day(year: int, month: int, day: int, julian: bool) -> None:
    if year == 0:
        raise DateError(_YEAR_ZERO)
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist; months run from 1 to 12")
    if 1 <= day <= _days_in_month(year, month, julian):
        return
    if month == 2 and day == 29:
        written = f"29 February {_en_year(year)}"
        if not julian and _is_leap(year, julian=True):
            # The usual cause: an Old Style date written without its O.S. mark.
            raise DateError(
                f"{written} is not a date in the Gregorian calendar, only in the Julian one "
                f"(mark it O.S.)"
            )
        raise DateError(f"{written} is not a date: {_en_year(year)} is not a leap year")
    raise DateError(f"{day} {_EN_MONTHS[month - 1]} is not a date")


def julian_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian (year, month, day) of a Julian date; historian years, negative for BC."""
    _check_day(year, month, day, julian=True)
    return _from_jdn(_to_jdn(year, month, day, julian=True), julian=False)


def gregorian_to_julian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Julian (year, month, day) of a Gregorian date; historian years, negative for BC."""
    _check_day(year, month, day, julian=False)
    return _from_jdn(_to_jdn(year, month, day, julian=False), julian=True)


# --- the data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistDate:
    """A day, a month or a year, as precise as the source; negative years are BC."""

    year: int
    month: int | None = None
    day: int | None = None
    julian: bool = False
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.year == 0:
            raise DateError(_YEAR_ZERO)
        if self.month is None:
            if self.day is not None:
                raise DateError(f"a day needs a month: {self.day} of what in {self.year}?")
            return
        if self.day is None:
            if not 1 <= self.month <= 12:
                raise DateError(f"month {self.month} does not exist; months run from 1 to 12")
            return
        _check_day(self.year, self.month, self.day, self.julian)

    def to_gregorian(self) -> HistDate:
        """The same day in the Gregorian calendar; month- and year-only dates stay as written."""
        if not self.julian or self.month is None or self.day is None:
            return self
        year, month, day = julian_to_gregorian(self.year, self.month, self.day)
        return replace(self, year=year, month=month, day=day, julian=False)

    def sort_key(self) -> int:
        """The Julian Day Number of the first day this date covers."""
        return _to_jdn(self.year, self.month or 1, self.day or 1, self.julian)


@dataclass(frozen=True)
class DateSpan:
    """One date, or a range of two; what an event's `date` field holds."""

    start: HistDate
    end: HistDate | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end.sort_key() < self.start.sort_key():
            raise DateError(
                f"the range ends ({_written(self.end)}) before it starts ({_written(self.start)})"
            )

    def sort_key(self) -> int:
        return self.start.sort_key()

    @property
    def is_range(self) -> bool:
        return self.end is not None


# --- parsing -------------------------------------------------------------------------------

_DATE_RE = re.compile(
    r"""
    (?P<approx>(?:c|ca)\.\s*|circa\s+)?
    (?P<year>-?\d+)
    (?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?
    (?:\s*(?P<bc>B\.?C\.?(?:E\.?)?))?
    (?:\s*(?P<os>O\.S\.?))?
    """,
    re.VERBOSE | re.IGNORECASE,
)


# The Estonian (and much of Europe's) way: day, month, year with dots, e.g. 24.02.1918 or
# 1.5.1945 (four-digit years only: 24.02.18 is not guessed); "c." as above, and "O.S."
# or the Estonian "vkj" for an Old Style date.
_DOTTED_RE = re.compile(
    r"""
    (?P<approx>(?:c|ca)\.\s*|circa\s+)?
    (?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})
    (?:\s*(?P<os>O\.S\.?|vkj\.?))?
    """,
    re.VERBOSE | re.IGNORECASE,
)


_WORD = r"([^\W\d_]+\.?)"
_WRITTEN = (  # (pattern, which groups hold day, month, year)
    (re.compile(rf"(\d{{1,2}})\.?\s+{_WORD}\s+(\d{{1,4}})"), (1, 2, 3)),  # 2. veebruar 1920
    (re.compile(rf"{_WORD}\s+(\d{{1,2}}),?\s+(\d{{1,4}})"), (2, 1, 3)),  # February 2, 1920
    (re.compile(rf"{_WORD}\s+(\d{{1,4}})"), (0, 1, 2)),  # veebruar 1920
)


_ESTONIAN_ABOUT = re.compile(r"(?:u|umbes)\.?\s+(?=-?\d)", re.IGNORECASE)  # "u 1350"
_OLD_STYLE = re.compile(r"\s+(?:O\.S\.?|vkj\.?)$", re.IGNORECASE)  # "... O.S.", "... vkj"


def from_words(text: str) -> str | None:
    """A date written out as the app shows it, in English or Estonian ("2. veebruar 1920",
    "2 February 1920", "February 2, 1920", "Feb. 1920", "veebruar 1920", "u 1350"; "O.S."
    or "vkj" kept as O.S.), in the story format's own words ("1920-02-02", "1920-02",
    "c. 1350"); None when it is not one. Authors type dates the way they read them; the
    file keeps one unambiguous form."""
    text = " ".join(text.split())
    about = _ESTONIAN_ABOUT.match(text)
    if about is not None:
        rest = text[about.end():]
        return "c. " + (from_words(rest) or rest)
    old_style = _OLD_STYLE.search(text)
    if old_style is not None:
        text = text[: old_style.start()]
    for pattern, (day_at, month_at, year_at) in _WRITTEN:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = month_number(match[month_at])
        if month is None:
            return None
        day = f"-{int(match[day_at]):02d}" if day_at else ""
        return f"{int(match[year_at]):04d}-{month:02d}{day}" + (" O.S." if old_style else "")
    return None


def month_number(word: str) -> int | None:
    """1-12 for a month's name or its first three letters, in English or Estonian."""
    word = word.rstrip(".").casefold()
    if len(word) < 3:
        return None
    for lang in ("en", "et"):
        for number, name in enumerate(_month_names(lang)[1:], start=1):
            name = name.casefold()
            if word == name or (len(word) == 3 and name.startswith(word)):
                return number
    return None


def parse_date(value: str | int | dict[str, object] | datetime.date) -> DateSpan:
    """Read an event's `date` field; raises DateError with one sentence when it cannot."""
    if isinstance(value, dict):
        keys = sorted(str(key) for key in value)
        if keys != ["end", "start"]:
            found = ", ".join(keys) or "none"
            raise DateError(f"a date range needs exactly the keys start and end, not {found}")
        return DateSpan(_parse_one(value["start"]), _parse_one(value["end"]))
    return DateSpan(_parse_one(value))


def _parse_one(value: object) -> HistDate:
    # YAML hands over ints for bare years and, with PyYAML's default resolver, dates for
    # 1917-11-07; bool is an int subclass but never a year.
    if isinstance(value, bool):
        raise DateError(f"cannot read {value!r} as a date; {_EXAMPLES}")
    if isinstance(value, int):
        return HistDate(_checked_year(value))
    if isinstance(value, datetime.datetime):
        raise DateError(f"a date has no time of day: {value}")
    if isinstance(value, datetime.date):
        return HistDate(value.year, value.month, value.day)
    if isinstance(value, dict):
        raise DateError("a date range's start and end must each be a single date")
    if not isinstance(value, str):
        raise DateError(f"cannot read {value!r} as a date; {_EXAMPLES}")

    if len(value) > MAX_DATE_CHARS:
        raise DateError(f"a date of {len(value)} characters is too long to be a date; {_EXAMPLES}")
    unreadable = DateError(f"cannot read {value!r} as a date; {_EXAMPLES}")
    dotted = _DOTTED_RE.fullmatch(value.strip())
    if dotted is not None:
        month = int(dotted["month"])
        if not 1 <= month <= 12:
            raise unreadable
        return HistDate(_checked_year(int(dotted["year"])), month, int(dotted["day"]),
                        julian=dotted["os"] is not None,
                        approximate=dotted["approx"] is not None)
    match = _DATE_RE.fullmatch(value.strip())
    if match is None:
        raise unreadable
    if len(match["year"].lstrip("-")) > MAX_YEAR_DIGITS:
        # int() of thousands of digits is slow and then refused; no year needs more than 4
        raise DateError(
            f"the year in {value!r} has too many digits: years run from {MAX_YEAR} BC "
            f"to AD {MAX_YEAR}"
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if match["bc"]:
        # "500 BC" is a year; "-500 BC" or "500-03 BC" would mean something else to everyone.
        if year <= 0 or month is not None:
            raise unreadable
        year = -year
    if month is not None and not 1 <= month <= 12:
        raise unreadable
    return HistDate(
        _checked_year(year),
        month,
        day,
        julian=match["os"] is not None,
        approximate=match["approx"] is not None,
    )


def _checked_year(year: int) -> int:
    if year == 0:
        raise DateError(_YEAR_ZERO)
    if abs(year) > MAX_YEAR:
        raise DateError(
            f"year {year} is out of range: years run from {MAX_YEAR} BC to AD {MAX_YEAR}"
        )
    return year


def _written(d: HistDate) -> str:
    """The date as a story file writes it, for error messages."""
    text = str(d.year)
    if d.month is not None:
        text += f"-{d.month:02d}"
    if d.day is not None:
        text += f"-{d.day:02d}"
    if d.julian:
        text += " O.S."
    return f"c. {text}" if d.approximate else text


def _en_year(year: int) -> str:
    return f"{-year} BC" if year < 0 else str(year)


# --- display -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    bc: str
    ad: str
    ad_first: bool  # English writes "AD 30", Estonian "30 pKr"
    approx: str
    old_style: str
    dot: str  # Estonian day numbers are ordinals: "7. november"


_WORDS = {
    "en": _Words(bc="BC", ad="AD", ad_first=True, approx="c.", old_style="O.S.", dot=""),
    "et": _Words(bc="eKr", ad="pKr", ad_first=False, approx="u", old_style="vkj", dot="."),
}


def _language(lang: str) -> str:
    code = lang.replace("-", "_").split("_")[0].lower()
    return code if code in _WORDS else "en"


@cache
def _month_names(lang: str) -> tuple[str, ...]:
    # Imported here: babel's locale data is slow to load and most imports never format.
    from babel.dates import get_month_names

    names = get_month_names("wide", context="format", locale=lang)
    return ("",) + tuple(str(names[month]) for month in range(1, 13))


def _year_text(year: int, w: _Words, mark_ad: bool = False) -> str:
    if year < 0:
        return f"{-year} {w.bc}"
    if mark_ad:
        return f"{w.ad} {year}" if w.ad_first else f"{year} {w.ad}"
    return str(year)


def _single(d: HistDate, lang: str, mark_ad: bool = False) -> str:
    w, names = _WORDS[lang], _month_names(lang)

    def day_month(x: HistDate) -> str:
        return f"{x.day}{w.dot} {names[x.month or 1]}"

    year = _year_text(d.year, w, mark_ad)
    if d.month is None:
        text = year
    elif d.day is None:
        text = f"{names[d.month]} {year}"
    elif not d.julian:
        text = f"{day_month(d)} {year}"
    else:
        # Historians give an Old Style day with its New Style twin, sharing what they can.
        g = d.to_gregorian()
        if g.year != d.year:
            text = f"{day_month(d)} {year} ({day_month(g)} {_year_text(g.year, w, mark_ad)})"
        elif g.month != d.month:
            text = f"{day_month(d)} ({day_month(g)}) {year}"
        else:
            text = f"{d.day}{w.dot} ({g.day}{w.dot}) {names[d.month]} {year}"
    if d.julian and d.day is None:
        text += f" ({w.old_style})"
    return f"{w.approx} {text}" if d.approximate else text


def _year_range(
    first: int, last: int, w: _Words, approx_first: bool = False, approx_last: bool = False
) -> str:
    a = f"{w.approx} " if approx_first else ""
    b = f"{w.approx} " if approx_last else ""
    if first == last:
        return (a or b) + _year_text(first, w)
    if first < 0 < last:
        return f"{a}{_year_text(first, w)} – {b}{_year_text(last, w, mark_ad=True)}"
    if a or b:
        return f"{a}{_year_text(first, w)} – {b}{_year_text(last, w)}"
    if last < 0:
        return f"{-first}–{-last} {w.bc}"
    return f"{first}–{last}"


def format_date(span: DateSpan, lang: str) -> str:
    """An event's date as a reader sees it, in "en" or "et" (anything else reads as "en")."""
    lang = _language(lang)
    w, names = _WORDS[lang], _month_names(lang)
    s, e = span.start, span.end
    if e is None or e == s:
        return _single(s, lang)
    # Shared month and year are written once, but only for plain dates: an O.S. twin or a
    # "c." would make the short forms ambiguous.
    plain = not (s.julian or e.julian or s.approximate or e.approximate)
    if plain and s.month is None and e.month is None:
        return _year_range(s.year, e.year, w)
    if (
        plain
        and s.year == e.year
        and s.month is not None
        and e.month is not None
        and (s.day is None) == (e.day is None)
    ):
        year = _year_text(s.year, w)
        if s.day is None:
            return f"{names[s.month]} – {names[e.month]} {year}"
        if s.month == e.month:
            return f"{s.day}{w.dot}–{e.day}{w.dot} {names[s.month]} {year}"
        return f"{s.day}{w.dot} {names[s.month]} – {e.day}{w.dot} {names[e.month]} {year}"
    return f"{_single(s, lang)} – {_single(e, lang, mark_ad=s.year < 0 < e.year)}"


def format_period(first: DateSpan | None, last: DateSpan | None, lang: str) -> str:
    """A story card's years, from the earliest to the latest date given; "" when none."""
    spans = [span for span in (first, last) if span is not None]
    if not spans:
        return ""
    # Stories may be out of date order, so do not trust which argument is earlier.
    earliest = min((span.start for span in spans), key=HistDate.sort_key)
    latest = max((span.end or span.start for span in spans), key=HistDate.sort_key)
    w = _WORDS[_language(lang)]
    return _year_range(earliest.year, latest.year, w, earliest.approximate, latest.approximate)


def line_start(text: str, lang: str) -> str:
    """A formatted date as the first words of a heading or line. Estonian writes month
    names and "u" (circa) in lower case, so a line that starts with one is capitalised
    ("Jaanuar 1558"); English dates stay as they are ("c. 1350")."""
    if _language(lang) == "et" and text[:1].islower():
        return text[:1].upper() + text[1:]
    return text
