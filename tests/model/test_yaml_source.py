"""The story reader gives the same values as PyYAML's safe loader (dates left as text), and
finds where each value and key stood only when asked."""

from __future__ import annotations

import pytest
import yaml

from storyplayer.model.yaml_source import SourceError, parse_document

SCALARS = [
    "Tallinn", "title", "yes", "No", "ON", "off", "y", "n", "true", "False", "~", "null", "",
    "12", "-3", "+4", "0o17", "017", "0x1F", "0b101", "1_000", "1:30", "190:20:30", "3.25",
    "-.5", "+.5e1", "1e3", "1.5e+3", ".inf", "-.Inf", ".nan", "6.8523015e+5", "0.", "1917",
    "1917-11-07", "2001-12-14t21:59:43.10-05:00", "c. 1350", "1917-10-25 O.S.", "'quoted'",
    "- x", "x: y", "59.437", "+", "-", ".", "0", "00", "1__0", "12e03", "NaN", "Null", "NULL",
]  # fmt: skip


def safe_load_keeping_dates(text: str) -> object:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_str)
    return yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass


@pytest.mark.parametrize("scalar", SCALARS)
def test_plain_values_mean_what_pyyaml_says(scalar: str) -> None:
    text = f"a: {scalar}\nb: [{scalar}]\n{scalar}x: 1\n"
    try:
        expected = safe_load_keeping_dates(text)
    except yaml.YAMLError:
        with pytest.raises(SourceError):
            parse_document(text)
        return
    try:
        got = parse_document(text).data
    except SourceError as error:
        # a key PyYAML reads as a number; or .inf/.nan, which no story field may hold
        assert "not plain text" in error.message or "not finite" in error.message
        if "not finite" in error.message:
            assert scalar.lower().lstrip("+-") in (".inf", ".nan")
        return
    assert repr(got) == repr(expected)  # repr: nan != nan, and 1 == 1.0 == True


def test_positions_are_found_for_values_keys_and_their_nearest_parent() -> None:
    doc = parse_document(
        "format: 1\ntitle: T\nevents:\n  - title: A\n    place: {lat: 91, lon: 0}\n  - &b\n"
        "    title: B\nalias: *b\n"
    )
    assert doc.where(()) == (1, 1)
    assert doc.where(("title",)) == (2, 8)
    assert doc.where(("title",), key=True) == (2, 1)
    assert doc.where(("events", 0, "place", "lat")) == (5, 18)
    assert doc.where(("events", 0, "place", "lat"), key=True) == (5, 13)
    assert doc.where(("events", 0, "nope", 3)) == (4, 5)
    assert doc.where(("events", 0), key=True) == (3, 1)
    assert doc.where(("events", 7)) == (4, 3)
    assert doc.where(("alias", "title")) == (7, 12)  # through the alias, to the anchor
    assert doc.where(("alias", "title"), key=True) == (7, 5)
    assert doc.where(("nope",), key=True) == (1, 1)
