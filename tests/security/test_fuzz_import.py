"""`storyplayer import` never raises on a hostile file: random structures in the shapes of
StoryMapJS and TimelineJS files, random bytes, huge numbers, NaN and deep nesting all end
as a written story or as ImportFailure (one line for the user), quickly."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyplayer.cli import main
from storyplayer.interop import ImportFailure, ImportReport, import_file

FUZZ = settings(max_examples=80, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SECONDS = 2.0  # one import of a small hostile file

KEYS = ["storymap", "slides", "type", "overview", "text", "headline", "date", "location", "lat",
        "lon", "zoom", "name", "icon", "line", "media", "url", "caption", "credit", "link",
        "background", "color", "language", "map_type", "line_color", "line_weight", "show_lines",
        "call_to_action", "call_to_action_text", "events", "title", "start_date", "end_date",
        "year", "month", "day", "display_date", "group", "eras", "timeline", "asset", "startDate",
        "endDate", "tag", "era"]  # fmt: skip
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**40), 10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["1917", "c. 1890", "1845–1850", "Orava okolo 1900", "9" * 5000,
                     "-" + "9" * 300,
                     "wikifile:A b.jpg", "images/x.png", "../../etc/passwd", "/etc/passwd",
                     "file:///etc/passwd", "http://127.0.0.1/x.png", "https://www.youtube.com/x",
                     "<script>alert(1)</script>", "<span style='color:red'>■</span>", "\x00",
                     "#c0392b", "zoomify", "overview", "1e999", "NaN"]),
)  # fmt: skip
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), children,
                        max_size=6),
    ),
    max_leaves=50,
)
shaped = st.one_of(
    st.fixed_dictionaries({"storymap": st.fixed_dictionaries({"slides": st.lists(documents,
                                                                                  max_size=6)})}),
    st.fixed_dictionaries({"events": st.lists(documents, max_size=6), "title": documents}),
    st.fixed_dictionaries({"timeline": st.fixed_dictionaries({"date": st.lists(documents,
                                                                                max_size=5)})}),
    documents,
)  # fmt: skip


def attempt(raw: bytes, name: str = "hostile.json") -> ImportReport | ImportFailure:
    with tempfile.TemporaryDirectory(prefix="imports-fuzz-") as folder:
        source = Path(folder) / name
        source.write_bytes(raw)
        started = time.monotonic()
        try:
            result: ImportReport | ImportFailure = import_file(
                source, Path(folder) / "out", known_places=[]
            )
        except ImportFailure as failure:
            assert str(failure) and "\n" not in str(failure)
            result = failure
        assert time.monotonic() - started < SECONDS
        return result


def _dump(document: object) -> bytes:
    return json.dumps(document, allow_nan=True).encode()


@FUZZ
@given(shaped)
def test_random_structures(document: object) -> None:
    attempt(_dump(document))


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(raw: bytes) -> None:
    attempt(raw, "hostile.csv")
    attempt(b"{" + raw)


@FUZZ
@given(st.lists(st.lists(st.text(max_size=12), max_size=8), max_size=8))
def test_random_spreadsheets(rows: list[list[str]]) -> None:
    header = "Year,Month,Day,Headline,Text,Media,Media Credit,Type,Start Date,End Year\n"
    body = "\n".join(",".join(json.dumps(cell) for cell in row) for row in rows)
    attempt((header + body).encode(), "sheet.csv")


def _timeline_with(year: object) -> bytes:
    event = {"start_date": {"year": year}, "text": {"headline": "E"}}
    return json.dumps({"events": [event]}).encode()


@pytest.mark.parametrize(
    ("raw", "outcome"),
    [
        (_timeline_with("9" * 5000), "the date given is not a real date"),
        (b'{"events": [{"start_date": {"year": ' + b"9" * 5000 + b'}}]}', "the date given"),
        (b'{"events": [{"start_date": {"year": 1e999}, "text": {"headline": "E"}}]}',
         "the date given"),
        (b'{"events": [{"start_date": {"year": NaN}, "text": {"headline": "E"}}]}',
         "has no date"),
        (b'{"storymap": {"slides": [{"date": 1e999}, {"date": NaN}, {"date": -1e999}]}}',
         "slides 1, 2, 3: the event has no date"),
        (b'{"storymap": {"slides": [{"location": {"lat": NaN, "lon": 1e999}}]}}', "has no date"),
        (b'{"storymap": {"slides": [{"location": {"lat": ' + b"1" * 5000 + b', "lon": 1}}]}}',
         "a location needs both lat and lon"),
        (b'{"storymap": {"slides": [{"date": "c. ' + b"1" * 5000 + b'"}]}}', "free text"),
        (b'{"storymap": {"slides": [{"text": {"headline": "' + b"1" * 5000 + b'"}}]}}',
         "has no date"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"events": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "nested too deeply"),
    ],
    ids=["year-5000-digits", "json-5000-digits", "year-1e999", "year-nan", "storymap-dates",
         "nan-place", "lat-5000-digits", "circa-5000-digits", "headline-digits", "nested-list",
         "nested-events"],
)  # fmt: skip
def test_hostile_numbers_and_nesting(raw: bytes, outcome: str) -> None:
    result = attempt(raw)
    said = str(result) if isinstance(result, ImportFailure) else " ".join(result.warnings)
    assert outcome in said


def test_hostile_numbers_from_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "n.json"
    source.write_bytes(b'{"events": [{"start_date": {"year": ' + b"9" * 5000 + b"}}]}")
    assert main(["import", str(source), "-o", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr()
    assert printed.err == ""
    assert "warning: event 1: the date given is not a real date" in printed.out
    source.write_bytes(b"[" * 100_000)
    assert main(["import", str(source), "-o", str(tmp_path / "out2")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"storyplayer: {source}: ") and err.count("\n") == 1
