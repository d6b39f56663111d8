"""Dates: parsing, Julian/Gregorian conversion, sorting and display in English and Estonian."""

import datetime
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyplayer.model.dates import (
    DateError,
    DateSpan,
    HistDate,
    format_date,
    format_period,
    from_words,
    gregorian_to_julian,
    julian_to_gregorian,
    parse_date,
)

# --- conversion ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [
        ((1582, 10, 4), (1582, 10, 14)),
        ((1582, 10, 5), (1582, 10, 15)),  # the first Gregorian day, 10 days apart
        ((1700, 2, 18), (1700, 2, 28)),
        ((1700, 2, 28), (1700, 3, 10)),
        ((1700, 2, 29), (1700, 3, 11)),  # a Julian leap day, no Gregorian one
        ((1700, 3, 1), (1700, 3, 12)),  # 11 days from here
        ((1800, 3, 1), (1800, 3, 13)),  # 12
        ((1900, 2, 29), (1900, 3, 13)),
        ((1900, 3, 1), (1900, 3, 14)),  # 13
        ((1917, 10, 25), (1917, 11, 7)),
        ((1918, 1, 31), (1918, 2, 13)),  # Russia's last Julian day
        ((1917, 12, 20), (1918, 1, 2)),
        ((2100, 2, 29), (2100, 3, 14)),
        ((2100, 3, 1), (2100, 3, 15)),  # 14 from 2100
        ((200, 3, 1), (200, 3, 1)),  # the calendars agree through the third century
        ((100, 3, 1), (100, 2, 28)),  # no Gregorian 29 February in AD 100
        ((-44, 3, 15), (-44, 3, 13)),  # the Ides of March, 44 BC
        ((-4713, 1, 1), (-4714, 11, 24)),  # Julian Day 0
        ((-1, 12, 31), (-1, 12, 29)),
        ((1, 1, 1), (-1, 12, 30)),  # AD 1 began in 1 BC, proleptic Gregorian
    ],
)
def test_known_julian_gregorian_pairs(julian, gregorian):
    assert julian_to_gregorian(*julian) == gregorian
    assert gregorian_to_julian(*gregorian) == julian


def test_julian_day_numbers_of_known_days():
    assert HistDate(-4713, 1, 1, julian=True).sort_key() == 0
    assert HistDate(-4714, 11, 24).sort_key() == 0
    assert HistDate(-44, 3, 15, julian=True).sort_key() == 1705426
    assert HistDate(2000, 1, 1).sort_key() == 2451545
    assert HistDate(1917, 10, 25, julian=True).sort_key() == HistDate(1917, 11, 7).sort_key()


def _days(year: int, month: int, julian: bool) -> int:
    y = year + 1 if year < 0 else year
    leap = y % 4 == 0 and (julian or y % 100 != 0 or y % 400 == 0)
    return [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]


@st.composite
def _dates(draw, julian: bool):
    year = draw(st.integers(-4000, 4000).filter(lambda y: y != 0))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, _days(year, month, julian)))
    return year, month, day


@given(_dates(julian=True))
def test_julian_round_trip(date):
    assert gregorian_to_julian(*julian_to_gregorian(*date)) == date


@given(_dates(julian=False))
def test_gregorian_round_trip(date):
    assert julian_to_gregorian(*gregorian_to_julian(*date)) == date


@given(st.dates())
def test_gregorian_day_numbers_match_the_standard_library(day):
    # Python's ordinal 1 is 1 January AD 1, Julian Day 1721426.
    assert HistDate(day.year, day.month, day.day).sort_key() == day.toordinal() + 1721425


@given(_dates(julian=True))
def test_consecutive_julian_days_stay_consecutive_in_gregorian(date):
    key = HistDate(*date, julian=True).sort_key()
    gregorian = HistDate(*julian_to_gregorian(*date))
    assert gregorian.sort_key() == key


def test_conversion_refuses_impossible_days():
    with pytest.raises(DateError, match="Gregorian calendar"):
        gregorian_to_julian(1900, 2, 29)
    with pytest.raises(DateError, match="year 0"):
        julian_to_gregorian(0, 1, 1)


# --- parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1917-11-07", HistDate(1917, 11, 7)),
        ("1917-11", HistDate(1917, 11)),
        ("1917", HistDate(1917)),
        ("-500", HistDate(-500)),
        ("500 BC", HistDate(-500)),
        ("500 BCE", HistDate(-500)),
        ("c. 1350", HistDate(1350, approximate=True)),
        ("ca. 1350", HistDate(1350, approximate=True)),
        ("c.1350", HistDate(1350, approximate=True)),
        ("c. 500 BC", HistDate(-500, approximate=True)),
        ("1917-10-25 O.S.", HistDate(1917, 10, 25, julian=True)),
        ("1900-02-29 O.S.", HistDate(1900, 2, 29, julian=True)),
        ("1700-02-29 O.S.", HistDate(1700, 2, 29, julian=True)),
        ("-44-03-15 O.S.", HistDate(-44, 3, 15, julian=True)),
        ("  2000-02-29 ", HistDate(2000, 2, 29)),
        ("9999", HistDate(9999)),
    ],
)
def test_parses_every_written_form(text, expected):
    span = parse_date(text)
    assert span == DateSpan(expected)
    assert not span.is_range


def test_parses_yaml_scalars():
    assert parse_date(1917) == DateSpan(HistDate(1917))
    assert parse_date(-500) == DateSpan(HistDate(-500))
    # PyYAML's default loader turns 1917-11-07 into a date.
    assert parse_date(datetime.date(1917, 11, 7)) == DateSpan(HistDate(1917, 11, 7))


def test_parses_ranges():
    span = parse_date({"start": "1918-11-28", "end": "1920-02-02"})
    assert span == DateSpan(HistDate(1918, 11, 28), HistDate(1920, 2, 2))
    assert span.is_range
    assert span.sort_key() == HistDate(1918, 11, 28).sort_key()
    assert parse_date({"start": -500, "end": "30"}).end == HistDate(30)
    assert parse_date({"start": "1917-11", "end": "1917-11"}).is_range


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "1917-13-01",
            "cannot read '1917-13-01' as a date; write e.g. 1917-11-07, 07.11.1917, 1917-11, "
            "1917, -500, c. 1350 or 1917-10-25 O.S.",
        ),
        ("1917-00", "cannot read '1917-00' as a date"),
        ("1917-02-31", "31 February is not a date"),
        ("1917-04-31", "31 April is not a date"),
        ("1917-11-00", "0 November is not a date"),
        (
            "1900-02-29",
            "29 February 1900 is not a date in the Gregorian calendar, only in the "
            "Julian one (mark it O.S.)",
        ),
        ("1901-02-29 O.S.", "29 February 1901 is not a date: 1901 is not a leap year"),
        ("0", "year 0 does not exist: 1 BC is followed by AD 1"),
        (0, "year 0 does not exist: 1 BC is followed by AD 1"),
        ("0 BC", "cannot read '0 BC' as a date"),
        ("10000", "year 10000 is out of range: years run from 9999 BC to AD 9999"),
        (-10000, "year -10000 is out of range"),
        ("", "cannot read '' as a date"),
        ("November 1917", "cannot read 'November 1917' as a date"),
        ("1917/11/07", "cannot read '1917/11/07' as a date"),
        ("-500 BC", "cannot read '-500 BC' as a date"),
        ("500-03 BC", "cannot read '500-03 BC' as a date"),
        ("1917-11-07 N.S.", "cannot read '1917-11-07 N.S.' as a date"),
        (True, "cannot read True as a date"),
        (1917.5, "cannot read 1917.5 as a date"),
        (None, "cannot read None as a date"),
        (["1917"], "cannot read ['1917'] as a date"),
        (datetime.datetime(1917, 11, 7, 10), "a date has no time of day"),
        ({"start": "1917"}, "a date range needs exactly the keys start and end, not start"),
        ({"start": 1, "end": 2, "to": 3}, "not end, start, to"),
        ({}, "not none"),
        ({"start": {"start": 1, "end": 2}, "end": 3}, "must each be a single date"),
        (
            {"start": "1920", "end": "1918-11-28"},
            "the range ends (1918-11-28) before it starts (1920)",
        ),
        ({"start": "1917-02-31", "end": "1918"}, "31 February is not a date"),
    ],
)
def test_refuses_impossible_dates_with_one_sentence(value, message):
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": 0}, "year 0 does not exist"),
        ({"year": 1917, "day": 7}, "a day needs a month"),
        ({"year": 1917, "month": 13}, "month 13 does not exist"),
        ({"year": 1917, "month": 0, "day": 1}, "month 0 does not exist"),
        ({"year": 1917, "month": 2, "day": 30, "julian": True}, "30 February is not a date"),
    ],
)
def test_hist_date_checks_itself(fields, message):
    with pytest.raises(DateError, match=message):
        HistDate(**fields)


def test_to_gregorian():
    assert HistDate(1917, 10, 25, julian=True).to_gregorian() == HistDate(1917, 11, 7)
    old = HistDate(1350, 6, 1, julian=True, approximate=True)
    assert old.to_gregorian() == HistDate(1350, 6, 9, approximate=True)
    for unchanged in (HistDate(1917, 10, julian=True), HistDate(1917, julian=True), HistDate(5)):
        assert unchanged.to_gregorian() is unchanged


# --- sorting -------------------------------------------------------------------------------


def test_a_mixed_list_sorts_chronologically():
    chronological = [
        parse_date("c. 500 BC"),
        parse_date({"start": -44, "end": 30}),  # 1 January 44 BC ...
        parse_date("-44-03-15 O.S."),  # ... before the Ides of March
        parse_date(30),
        parse_date("c. 1350"),
        parse_date({"start": "1517", "end": "1554"}),
        parse_date("1524-09"),
        parse_date({"start": "1524-09-14", "end": "1524-10-10"}),
        parse_date("1917"),
        parse_date("1917-11"),  # 1 November ...
        parse_date("1917-10-25 O.S."),  # ... before 7 November, though written in October
        parse_date("1917-11-08"),
        parse_date("1918"),
        parse_date("1917-12-20 O.S."),  # 2 January 1918, after the year 1918 begins
        parse_date("1918-01-03"),
        parse_date({"start": "1918-02-18", "end": "1918-02-25"}),
    ]
    shuffled = chronological[:]
    random.Random(1917).shuffle(shuffled)
    assert sorted(shuffled, key=DateSpan.sort_key) == chronological


# --- display -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "en", "et"),
    [
        ("1917-11-07", "7 November 1917", "7. november 1917"),
        ("1917-11", "November 1917", "november 1917"),
        ("1917", "1917", "1917"),
        ("1917-10-25 O.S.", "25 October (7 November) 1917", "25. oktoober (7. november) 1917"),
        ("1917-03-02 O.S.", "2 (15) March 1917", "2. (15.) märts 1917"),
        (
            "1917-12-20 O.S.",
            "20 December 1917 (2 January 1918)",
            "20. detsember 1917 (2. jaanuar 1918)",
        ),
        ("1917-10 O.S.", "October 1917 (O.S.)", "oktoober 1917 (vkj)"),
        ("1917 O.S.", "1917 (O.S.)", "1917 (vkj)"),
        ("-500", "500 BC", "500 eKr"),
        ("-44-03-15 O.S.", "15 (13) March 44 BC", "15. (13.) märts 44 eKr"),
        ("c. 1350", "c. 1350", "u 1350"),
        ("c. 500 BC", "c. 500 BC", "u 500 eKr"),
        (
            "c. 1917-10-25 O.S.",
            "c. 25 October (7 November) 1917",
            "u 25. oktoober (7. november) 1917",
        ),
        (
            {"start": "1918-02-18", "end": "1918-02-25"},
            "18–25 February 1918",
            "18.–25. veebruar 1918",
        ),
        (
            {"start": "1524-09-14", "end": "1524-10-10"},
            "14 September – 10 October 1524",
            "14. september – 10. oktoober 1524",
        ),
        (
            {"start": "1918-11-28", "end": "1920-02-02"},
            "28 November 1918 – 2 February 1920",
            "28. november 1918 – 2. veebruar 1920",
        ),
        ({"start": 1912, "end": 1917}, "1912–1917", "1912–1917"),
        ({"start": -500, "end": -400}, "500–400 BC", "500–400 eKr"),
        ({"start": -500, "end": 30}, "500 BC – AD 30", "500 eKr – 30 pKr"),
        (
            {"start": "1524-09", "end": "1524-10"},
            "September – October 1524",
            "september – oktoober 1524",
        ),
        ({"start": "1917", "end": "1918-02"}, "1917 – February 1918", "1917 – veebruar 1918"),
        ({"start": "c. 1350", "end": "1400"}, "c. 1350 – 1400", "u 1350 – 1400"),
        ({"start": "1917-11", "end": "1917-11"}, "November 1917", "november 1917"),
        (
            {"start": "1917-10-25 O.S.", "end": "1917-11-08"},
            "25 October (7 November) 1917 – 8 November 1917",
            "25. oktoober (7. november) 1917 – 8. november 1917",
        ),
    ],
)
def test_format_date(value, en, et):
    span = parse_date(value)
    assert format_date(span, "en") == en
    assert format_date(span, "et") == et


def test_unknown_languages_read_as_english():
    span = parse_date("1917-11-07")
    assert format_date(span, "fr") == "7 November 1917"
    assert format_date(span, "") == "7 November 1917"
    assert format_date(span, "et-EE") == "7. november 1917"


@pytest.mark.parametrize(
    ("first", "last", "en", "et"),
    [
        ("1917-10-25 O.S.", "1917-11-07", "1917", "1917"),
        ("1517", {"start": "1524-09-14", "end": "1554"}, "1517–1554", "1517–1554"),
        ({"start": "1554", "end": "1560"}, "1517", "1517–1560", "1517–1560"),  # out of order
        ("500 BC", "30", "500 BC – AD 30", "500 eKr – 30 pKr"),
        ("500 BC", "400 BC", "500–400 BC", "500–400 eKr"),
        ("-500", None, "500 BC", "500 eKr"),
        (None, "1917-11", "1917", "1917"),
        ("c. 1350", "1400", "c. 1350 – 1400", "u 1350 – 1400"),
    ],
)
def test_format_period(first, last, en, et):
    first_span = None if first is None else parse_date(first)
    last_span = None if last is None else parse_date(last)
    assert format_period(first_span, last_span, "en") == en
    assert format_period(first_span, last_span, "et") == et


def test_an_undated_story_has_no_period():
    assert format_period(None, None, "en") == ""


# --- the Estonian way of writing a date: DD.MM.YYYY ------------------------------------------


@pytest.mark.parametrize(
    ("written", "en", "et"),
    [
        ("24.02.1918", "24 February 1918", "24. veebruar 1918"),
        ("1.5.1945", "1 May 1945", "1. mai 1945"),
        ("07.11.1917", "7 November 1917", "7. november 1917"),
        ("25.10.1917 O.S.", "25 October (7 November) 1917", "25. oktoober (7. november) 1917"),
        ("25.10.1917 vkj", "25 October (7 November) 1917", "25. oktoober (7. november) 1917"),
        ("c. 1.6.1350", "c. 1 June 1350", "u 1. juuni 1350"),
        ({"start": "28.11.1918", "end": "2.2.1920"},
         "28 November 1918 – 2 February 1920", "28. november 1918 – 2. veebruar 1920"),
        ({"start": "24.02.1918", "end": "1918-02-25"},
         "24–25 February 1918", "24.–25. veebruar 1918"),
    ],
)
def test_day_month_year_with_dots_reads_as_a_written_date(written, en, et) -> None:
    span = parse_date(written)
    assert format_date(span, "en") == en and format_date(span, "et") == et
    assert span.sort_key() == parse_date(
        written if isinstance(written, dict) else written).sort_key()


def test_day_month_year_with_dots_is_the_same_day_as_iso() -> None:
    assert parse_date("24.02.1918") == parse_date("1918-02-24")
    assert parse_date("25.10.1917 O.S.") == parse_date("1917-10-25 O.S.")


@pytest.mark.parametrize("written", ["31.02.1918", "1.13.1918", "24.02.18", "24.02.1918.",
                                     "0.1.1918", "1.1.0000"])
def test_impossible_or_two_digit_dotted_dates_are_refused(written) -> None:
    with pytest.raises(DateError):
        parse_date(written)


def test_a_date_heading_a_line_is_capitalised_in_estonian_only() -> None:
    from storyplayer.model.dates import line_start

    assert line_start(format_date(parse_date("1558-01"), "et"), "et") == "Jaanuar 1558"
    assert line_start(format_date(parse_date("c. 1350"), "et"), "et") == "U 1350"
    assert line_start(format_date(parse_date("c. 1350"), "en"), "en") == "c. 1350"
    assert line_start("", "et") == ""


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("2. veebruar 1920", "1920-02-02"),
        ("2 February 1920", "1920-02-02"),
        ("February 2, 1920", "1920-02-02"),
        ("veebruar  1920", "1920-02"),
        ("Feb. 1920", "1920-02"),
        ("25. oktoober 1917 O.S.", "1917-10-25 O.S."),
        ("24. veebruar 1918 vkj", "1918-02-24 O.S."),  # the Estonian mark for Old Style
        ("u 1350", "c. 1350"),  # "u" (umbes): the Estonian "c."
        ("umbes 1350", "c. 1350"),
        ("u -500", "c. -500"),
        ("u 2. veebruar 1920", "c. 1920-02-02"),
        ("u 24.02.1918", "c. 24.02.1918"),
        ("märts 1917", "1917-03"),
        ("1920", None),  # already the format's own words
        ("1917-11-07", None),
        ("Spring 1920", None),
        ("2. foo 1920", None),
    ],
)
def test_a_date_written_out_in_words_is_read_as_the_format_writes_it(
        written: str, stored: str | None) -> None:
    """Authors type dates as the app shows them, in English or Estonian."""
    assert from_words(written) == stored
    if stored is not None:
        parse_date(stored)  # and the loader reads what the editor writes
