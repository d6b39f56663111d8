"""The story loader never raises on a hostile file: random YAML documents, random bytes and
mutations of a valid story all end as a Story or as a list of problems, quickly."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from story_files import story_data

from storyplayer.model.loader import check_story
from storyplayer.model.problems import Problem
from storyplayer.model.story import Story

FUZZ = settings(max_examples=120, deadline=1000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

KEYS = ["format", "id", "title", "summary", "events", "cover", "color", "map", "date", "place",
        "lat", "lon", "zoom", "text", "image", "src", "overlay", "bounds", "sources", "seconds",
        "geometry", "type", "coordinates", "en", "et", "start", "end", "categories", "languages"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["1917-10-25 O.S.", "c. 1350", "-500", "1917-13-45", "../../etc/passwd",
                     "/etc/passwd", "http://127.0.0.1/x", "data:,x", "media/x.png", "#b03a2e",
                     "<script>x</script>", "~", "\x00", "9" * 400]),
    st.dates(min_value=datetime.date(1, 1, 1)).map(str),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children,
                        max_size=6),
    ),
    max_leaves=40,
)


def check(text: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        story_dir = Path(folder) / "fuzzed"
        story_dir.mkdir()
        (story_dir / "story.yaml").write_bytes(text)
        story, problems = check_story(story_dir)
    assert isinstance(problems, list)
    assert all(isinstance(p, Problem) for p in problems)
    if story is None:
        assert any(p.is_error for p in problems)
    else:
        assert isinstance(story, Story)
        assert not any(p.is_error for p in problems)


@FUZZ
@given(documents)
def test_random_yaml_documents(document: object) -> None:
    check(yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(documents)
def test_random_documents_shaped_like_stories(document: object) -> None:
    data = story_data(2)
    data["events"][1] = {"title": "x", **(document if isinstance(document, dict) else {})}
    data["map"] = document
    check(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes(raw: bytes) -> None:
    check(raw)


VALID = yaml.safe_dump(story_data(3), allow_unicode=True).encode("utf-8")
SNIPPETS = [b"&a", b"*a", b"!!python/object:os.system", b"<<: *a", b"\t", b"\xff", b"{", b"]",
            b"---\n", b"%YAML 1.1\n", b"? ", b": ", b"\n  - ", b"'", b'"', b"\\u0000", b"#"]


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(VALID)), st.integers(0, 8),
                          st.one_of(st.sampled_from(SNIPPETS), st.binary(max_size=6))),
                max_size=6))
def test_mutations_of_a_valid_story(edits: list[tuple[int, int, bytes]]) -> None:
    text = VALID
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut:]
    check(text)


def test_alias_bomb_and_deep_nesting_are_problems() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
        for i in range(8))
    check(bomb.encode())
    check(("[" * 5000 + "]" * 5000).encode())
    check(("{a: " * 2000 + "1" + "}" * 2000).encode())
