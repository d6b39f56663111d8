"""Dates read from what authors wrote when the source gave none: a year, a decade or a span
of years in a headline or in the first line of the text ("Orava okolo 1900", "1843",
"c. 1890", "1845–1850", "1905: The End of ..."). A guess is made only when the words name
exactly one date; the importer lists every guess so the author can check it.
"""

from __future__ import annotations

import re

from storyplayer.interop.date_text import parse_free_date
from storyplayer.model.dates import DateError, parse_date

MAX_TEXT = 300  # a headline or a first line; longer text is cut before it is searched

# Words that make the year that follows approximate, in the languages stories come in.
_APPROX = re.compile(
    r"(?:\b(?:c|ca|cca|circa|about|around|approx|approximately|roughly|okolo|asi|približne|"
    r"um|etwa|gegen|vers|environ|umbes|ligikaudu|około|ok|около|приблизно|примерно|"
    r"ок|περίπου)\.?|~)\s*$",
    re.I,
)
_YEAR = r"\d{4}"
_SEP = r"\s*(?:–|—|-|−|\bto\b|\buntil\b|\bbis\b|\bdo\b|\bдо\b)\s*"
_BEFORE = r"(?<![\w.,/:#'’-])"  # not part of a longer number, a time, a ratio or a word
_AFTER = r"(?![\w/]|[.,]\d)"
_CANDIDATE = re.compile(
    rf"{_BEFORE}(?:"
    rf"(?P<start>{_YEAR}){_SEP}(?P<end>{_YEAR}|\d{{2}}){_AFTER}"  # 1845–1850, 1914-18
    rf"|(?P<decade>\d{{3}}0)['’]?s\b"  # 1880s
    rf"|(?P<bc>\d{{1,4}})\s*(?:BCE|BC|B\.C\.(?:E\.)?|eKr\.?)(?![\w])"  # 500 BC
    rf"|(?P<year>{_YEAR}){_AFTER}"  # 1843
    r")",
    re.I,
)
_FIRST_YEAR, _LAST_YEAR = 1000, 2099  # bare four-digit numbers outside are not taken as years


def _valid(value: str | dict[str, str]) -> bool:
    try:
        parse_date(value)
    except DateError:
        return False
    return True


def _plausible(year: str) -> bool:
    return _FIRST_YEAR <= int(year) <= _LAST_YEAR


def _from_match(match: re.Match[str], approx: bool) -> str | dict[str, str] | None:
    mark = "c. " if approx else ""
    if match["start"]:
        start, end = match["start"], match["end"]
        if len(end) == 2:
            end = start[:2] + end  # "1914-18": the end shares the century of the start
        if not (_plausible(start) and _plausible(end)) or int(end) <= int(start):
            return None
        return {"start": mark + start, "end": mark + end}
    if match["decade"]:
        return f"c. {int(match['decade'])}" if int(match["decade"]) > 0 else None
    if match["bc"]:
        year = int(match["bc"])
        return f"{mark}-{year}" if year > 0 else None
    year = match["year"]
    return mark + year if _plausible(year) else None


def guess_in(text: str) -> tuple[str | dict[str, str], str] | None:
    """(date, the words it was read from) when `text` names exactly one date, else None."""
    text = " ".join(text[:MAX_TEXT].split())
    if not text:
        return None
    whole = parse_free_date(text)
    if whole is not None:
        return whole, text
    found: list[tuple[str | dict[str, str], str]] = []
    for match in _CANDIDATE.finditer(text):
        before = text[: match.start()]
        approx = _APPROX.search(before) is not None or text[match.end() :].startswith("?")
        date = _from_match(match, approx)
        if date is None:
            if match["year"] or match["start"]:
                continue  # "2500 soldiers", "1000–900": a number, not a date
            return None
        words = match.group(0)
        if _APPROX.search(before):
            words = text[_APPROX.search(before).start() : match.end()]  # type: ignore[union-attr]
        found.append((date, words.strip()))
    dates = {repr(date) for date, _ in found}
    if len(dates) != 1:
        return None  # nothing, or two different dates: not ours to choose
    date, words = found[0]
    return (date, words) if _valid(date) else None


def first_line(markdown: str) -> str:
    """The first line of an event's Markdown text, without its emphasis and escapes."""
    line = markdown.strip().split("\n", 1)[0] if markdown else ""
    return re.sub(r"\\(.)|[*_]", lambda m: m.group(1) or "", line)
