"""`storyplayer import`: every supported format round-trips into a valid story folder, and
bad input fails in one line with exit 1, leaving nothing behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from storyplayer.cli import main
from storyplayer.interop.date_text import parse_free_date
from storyplayer.interop.html_to_markdown import html_to_markdown
from storyplayer.model.loader import check_story

FIXTURES = Path(__file__).parent / "fixtures"


def run_import(tmp_path: Path, name: str, *extra: str, capsys) -> tuple[int, str, str, Path]:  # type: ignore[no-untyped-def]
    out = tmp_path / "story"
    code = main(["import", str(FIXTURES / name), "-o", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err, out


def load(folder: Path) -> dict:  # type: ignore[type-arg]
    story, problems = check_story(folder)
    assert story is not None, [str(p) for p in problems]
    return yaml.safe_load((folder / "story.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "events"),
    [
        ("storymap_full.json", 5),
        ("storymap_image.json", 2),
        ("timeline3.json", 5),
        ("timeline2.json", 2),
        ("timeline.csv", 2),
        ("timeline_old.csv", 2),
    ],
)
def test_round_trip_is_valid(tmp_path: Path, capsys, name: str, events: int) -> None:  # type: ignore[no-untyped-def]
    code, out, err, folder = run_import(tmp_path, name, capsys=capsys)
    assert code == 0, err
    assert f"{events} events, written to {folder}" in out
    assert len(load(folder)["events"]) == events
    assert not list(tmp_path.glob(".*part"))


def test_storymap_fields(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _, folder = run_import(tmp_path, "storymap_full.json", capsys=capsys)
    assert code == 0
    data = load(folder)
    assert data["title"] == {"en": "Tallinn & Tartu"}
    assert data["languages"] == ["en"]
    assert data["summary"]["en"].startswith("A short story.")  # plain text for the card
    assert data["map"] == {"center": [59.4, 24.7], "zoom": 5}
    assert data["color"] == "#c0392b"
    first, second, third, fourth, fifth = data["events"]
    assert first["date"] == "1917"
    assert first["place"] == {"name": {"en": "Tallinn"}, "lat": 59.44, "lon": 24.75, "zoom": 19}
    text = first["text"]["en"]
    assert "**bold**" in text and "*italic*" in text and "[link](https://example.org/x)" in text
    assert "- first\n- second" in text and "line\\\nbreak" in text and "alert" not in text
    assert first["sources"] == [{"en": "Picture not available offline: A picture — Archive — "
                                        "https://example.org/a.jpg (link: https://example.org/page)"}]
    assert second["date"] == "1917-10-25"
    assert second["place"]["lon"] == pytest.approx(26.72) and second["place"]["zoom"] == 0
    assert "é" in second["text"]["en"] and "\\<tag\\>" in second["text"]["en"]
    assert third["date"] == "1917-11-07" and "place" not in third and "text" not in third
    assert fourth["date"] == "c. 1880"
    assert fifth["date_label"] == {"en": "early spring, year unknown"} and "date" not in fifth
    assert fifth["title"] == {"en": "Slide 6"}
    assert second["background"] == "#112233"  # the slide's own colour
    for words in ("--fetch-media", "free text"):
        assert words in out


def test_image_map_has_no_places(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _, folder = run_import(tmp_path, "storymap_image.json", capsys=capsys)
    assert code == 0
    assert "no geographic places" in out
    assert all("place" not in e for e in load(folder)["events"])


def test_timeline3_fields(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _, folder = run_import(tmp_path, "timeline3.json", capsys=capsys)
    assert code == 0
    data = load(folder)
    assert data["title"] == "Inventions"
    assert data["categories"] == ["big-machines", "ancient"]
    titles = [e["title"] for e in data["events"]]
    assert titles == ["BCE range", "Ada", "Backwards", "Later", "Quote"]  # sorted by date
    bce, ada, backwards, later, quote = data["events"]
    assert bce["date"] == {"start": "-500", "end": "-400"} and bce["date_label"] == "5th century BC"
    assert ada["date"] == {"start": "1815-12-10", "end": "1852-11-27"}
    assert ada["place"] == {"name": "London", "lat": 51.5, "lon": -0.12, "zoom": 8}
    assert backwards["date"] == "1943"
    assert later["date"] == "1948-03-14"
    assert later["sources"] == [
        "Picture not available offline: Cap — Cred — https://example.org/m.png"
    ]
    assert quote["text"] == "> A quote"
    for words in ("eras (Modern)", "times of day", "end date comes before"):
        assert words in out


def test_timeline2_and_csv(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _, folder = run_import(tmp_path, "timeline2.json", capsys=capsys)
    data = load(folder)
    assert data["title"] == "Old style" and data["categories"] == ["politics"]
    assert [e["date"] for e in data["events"]] == [
        "1905",
        {"start": "1917-10-25", "end": "1917-11-07"},
    ]
    assert "eras" in out
    code, out, _, folder = run_import(tmp_path / "csv", "timeline.csv", capsys=capsys)
    data = load(folder)
    assert data["title"] == "Sheet story" and data["summary"] == "From a sheet"
    assert [e["title"] for e in data["events"]] == ["First", "Second"]
    assert data["events"][0]["date_label"] == "Around 1900"
    assert data["events"][1]["date"] == {"start": "1950-06-01", "end": "1951"}
    assert data["categories"] == ["group-a"]
    assert "era 'An era'" in out and "times of day" in out


def test_default_folder_force_and_no_overwrite(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    source = str(FIXTURES / "timeline2.json")
    assert main(["import", source]) == 0
    folder = tmp_path / "old-style"
    assert (folder / "story.yaml").is_file()
    capsys.readouterr()
    # a second import of the same title gets a numbered folder and id, not a refusal
    assert main(["import", source]) == 0
    assert load(tmp_path / "old-style-2")["id"] == "old-style-2"
    (folder / "story.yaml").write_text("changed", encoding="utf-8")
    assert main(["import", source, "--force"]) == 0
    assert load(folder)["title"] == "Old style"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old-style", "old-style-2"]
    # an explicit folder that is not empty is still only replaced with --force
    assert main(["import", source, "-o", str(folder)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"storyplayer: {source}: ") and "--force" in err and "\n" not in err


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("neither.json", "neither a StoryMapJS"),
        ("broken.json", "not valid JSON"),
        ("missing_columns.csv", "lacks the column(s) Text"),
        ("slides_not_objects.json", "slide 1 is not an object"),
        ("absurd.json", "latitude 95 is not on Earth"),
        ("empty.json", "is empty"),
        ("nowhere.json", "no such file"),
    ],
)
def test_bad_input_fails_in_one_line(tmp_path: Path, capsys, name: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err, folder = run_import(tmp_path, name, capsys=capsys)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith(f"storyplayer: {FIXTURES / name}: ")
    assert reason in err
    assert list(tmp_path.iterdir()) == []


def test_too_big_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.json"
    with open(big, "wb") as stream:
        stream.truncate(20 * 1024 * 1024 + 1)
    assert main(["import", str(big), "-o", str(tmp_path / "out")]) == 1
    assert "over 20 MB" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_command_line_process(tmp_path: Path) -> None:
    """As a user runs it: exit codes 1 and 2, never a traceback."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "storyplayer", *args],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )

    bad = run("import", str(FIXTURES / "broken.json"))
    assert (
        bad.returncode == 1 and "Traceback" not in bad.stderr and len(bad.stderr.splitlines()) == 1
    )
    assert run("import").returncode == 2
    assert run("import", str(FIXTURES / "timeline2.json"), "--bogus").returncode == 2
    good = run("import", str(FIXTURES / "timeline.csv"))
    assert (
        good.returncode == 0 and "Imported TimelineJS spreadsheet (CSV): Sheet story" in good.stdout
    )
    assert run("validate", str(tmp_path / "sheet-story")).returncode == 0


def test_import_and_validate_do_not_load_qt() -> None:
    code = (
        "import sys; from storyplayer.cli import main; "
        f"main(['validate', {str(FIXTURES)!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert "Qt loaded" not in result.stderr


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("1917", "1917"),
        ("October 25, 1917", "1917-10-25"),
        ("25 October 1917", "1917-10-25"),
        ("1917-10-25", "1917-10-25"),
        ("1880s", "c. 1880"),
        ("500 BC", "-500"),
        ("1914–18", {"start": "1914", "end": "1918"}),
        ("Spring 1920", None),
        ("", None),
    ],
)
def test_free_dates(text: str, date: object) -> None:
    assert parse_free_date(text) == date


def test_html_is_sanitised_before_conversion() -> None:
    markdown = html_to_markdown(
        '<p onclick="x">a <a href="javascript:alert(1)">b</a></p><style>p{}</style>'
    )
    assert markdown == "a b"


def test_line_breaks_leave_no_backslash_behind() -> None:
    """A <br> ending a paragraph is dropped (Markdown would show its backslash); in the
    card's plain summary a break is a plain one, and a backslash of the text stays."""
    from storyplayer.interop.html_to_markdown import markdown_to_plain

    markdown = html_to_markdown(
        "<p>Aliases:<br>Arya Horseface</p><p>a parting gift.<br><br></p><p>C:\\</p>")
    assert markdown == "Aliases:\\\nArya Horseface\n\na parting gift.\n\nC:\\\\"
    assert markdown_to_plain(markdown) == "Aliases: Arya Horseface\n\na parting gift.\n\nC:\\"


@pytest.mark.parametrize("name", ["story.yaml", "renamed.txt"])
def test_a_story_player_story_is_not_imported(tmp_path: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    bundled = Path(__file__).resolve().parents[2] / "stories" / "october-1917" / "story.yaml"
    source = tmp_path / name
    source.write_bytes(bundled.read_bytes())
    assert main(["import", str(source), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"storyplayer: {source}: this is already a Story Player story")
    assert "validate" in err and "--stories" in err and not (tmp_path / "out").exists()


def test_an_id_taken_in_the_library_is_numbered(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Imports into sibling folders, or beside the user library, never share an id (the
    library would hide the second as a duplicate); replacing a folder keeps its id."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("STORYPLAYER_ISOLATED")  # the user library where the platform keeps it
    source = str(FIXTURES / "timeline3.json")
    library = tmp_path / "library"
    library.mkdir()
    for name in ("a", "b"):
        assert main(["import", source, "-o", str(library / name)]) == 0
    assert main(["import", source, "-o", str(library / "a"), "--force"]) == 0
    first, second = load(library / "a")["id"], load(library / "b")["id"]
    assert second == f"{first}-2"
    user = tmp_path / "data" / "storyplayer" / "stories"
    user.mkdir(parents=True)
    (library / "a").rename(user / "a")
    assert main(["import", source, "-o", str(tmp_path / "elsewhere")]) == 0
    assert load(tmp_path / "elsewhere")["id"] == f"{first}-2"
    capsys.readouterr()
