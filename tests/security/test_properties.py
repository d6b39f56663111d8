"""Property tests: whatever a story file, a library folder or a config file holds (random
structure, random bytes, huge numbers, NaN, deep nesting, hostile names), `validate`,
`Library.load` and `--check-config` end with a result or a problem, never an exception,
and within a time limit.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from story_files import story_data

from storyplayer.cli import main
from storyplayer.model.config import Config, parse_config
from storyplayer.model.library import Library
from storyplayer.model.loader import check_story

PROPERTY = settings(max_examples=40, deadline=2000, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TIME_LIMIT = 2.0  # seconds for one file, on a busy machine; the usual case is milliseconds

HUGE_DIGITS = "9" * 5000
hostile_scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(-10**30, 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from([
        HUGE_DIGITS, "c. " + HUGE_DIGITS, "-" + HUGE_DIGITS, "1e999", "NaN", ".nan", "-.inf",
        "a\x00b.png", "x" * 300 + ".png", "../" * 50 + "etc/passwd", "/dev/zero",
        "![" * 3000, "*a" * 3000, "<img src=/dev/zero>", "1917-10-25 O.S.", "c. 1350",
    ]),
)
structures = st.recursive(
    hostile_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from([
            "title", "date", "start", "end", "place", "lat", "lon", "zoom", "seconds", "text",
            "image", "src", "cover", "overlay", "bounds", "opacity", "geometry", "type",
            "coordinates", "map", "center", "en", "et",
        ]), children, max_size=5),
    ),
    max_leaves=30,
)
FIELDS = ["date", "place", "seconds", "text", "image", "overlay", "geometry", "title"]


def _timed(work):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work()
    assert time.perf_counter() - start < TIME_LIMIT
    return result


def _check_file(raw: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="harden-") as folder:
        story = Path(folder) / "fuzzed"
        story.mkdir()
        (story / "story.yaml").write_bytes(raw)
        result, problems = _timed(lambda: check_story(story))
        assert result is not None or any(p.is_error for p in problems)
        assert all(str(p.path).startswith(folder) for p in problems)
        assert all(len(str(p)) < 2000 for p in problems)  # one line, not a flood


@PROPERTY
@given(st.sampled_from(FIELDS), structures, structures)
def test_validate_any_event_field(field: str, value: object, top: object) -> None:
    data = story_data(2)
    data["events"][0][field] = value
    data["map"] = top
    _check_file(yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass"))


@PROPERTY
@given(st.integers(1, 3000).map(lambda n: "[" * n), st.integers(1, 3000))
def test_validate_deep_nesting_and_long_numbers(opening: str, digits: int) -> None:
    _check_file(f"format: 1\ntitle: {opening}\n".encode())
    _check_file(f"format: 1\ntitle: T\nevents: [{{title: a, seconds: {'7' * digits}}}]\n"
                .encode())


@PROPERTY
@given(st.binary(max_size=4096))
def test_validate_random_bytes(raw: bytes) -> None:
    _check_file(raw)


@PROPERTY
@given(st.lists(st.one_of(st.binary(max_size=512), structures.map(
    lambda s: yaml.safe_dump({"format": 1, "title": "T", "events": [{"title": "e", "date": s}]},
                             allow_unicode=True).encode("utf-8", "surrogatepass"))),
    min_size=1, max_size=4))
def test_library_load_keeps_every_file_as_a_result_or_a_problem(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory(prefix="harden-") as folder:
        root = Path(folder)
        for n, raw in enumerate(files):
            (root / f"s{n}").mkdir()
            (root / f"s{n}" / "story.yaml").write_bytes(raw)
        library = _timed(lambda: Library.load([root]))
        assert len(library.entries) == len(files)
        assert all(e.valid or e.reason for e in library.entries)


toml_values = st.recursive(
    st.one_of(st.booleans(), st.integers(-10**30, 10**30),
              st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20)),
    lambda children: st.lists(children, max_size=3),
    max_leaves=10,
)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + "".join(c if c.isalnum() or c == " " else "_" for c in str(value)) + '"'


@PROPERTY
@given(st.dictionaries(st.sampled_from(["text_scale", "language", "theme", "featured",
                                        "library", "manual", "idle_seconds", "pin", "url",
                                        "mbtiles", "attribution", "enabled", "exit_chord"]),
                       toml_values, max_size=5),
       st.sampled_from(["", "[kiosk]\n", "[tiles]\n"]))
def test_check_config_settings_of_any_kind(values: dict[str, object], table: str) -> None:
    text = table + "".join(f"{key} = {_toml(value)}\n" for key, value in values.items())
    config, problems = _timed(lambda: parse_config(text, Path("c.toml")))
    assert isinstance(config, Config)
    assert all(p.message for p in problems)


@PROPERTY
@given(st.one_of(st.binary(max_size=2048),
                 st.integers(1, 50_000).map(lambda n: b"a = " + b"[" * n),
                 st.integers(1, 6000).map(lambda n: b"text_scale = " + b"1" * n)))
def test_check_config_command_on_any_file(raw: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="harden-") as folder:
        path = Path(folder) / "config.toml"
        path.write_bytes(raw)
        code = _timed(lambda: main(["--check-config", "--config", str(path)]))
        assert code in (0, 1)


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_check_config_command_on_devices(special: str, capsys) -> None:  # type: ignore[no-untyped-def]
    if not Path(special).exists():
        pytest.skip(f"{special} is not on this system")
    assert _timed(lambda: main(["--check-config", "--config", special])) == 1
    assert "not a regular file" in capsys.readouterr().out
