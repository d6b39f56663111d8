"""Imports keep what the author made: every slide becomes something, every picture keeps its
caption, credit and origin, dates are read from headlines (and only when unambiguous),
places are named, lines and icons are kept, ids are transliterated. Checked on the public
StoryMapJS/TimelineJS samples in ../shared/interop-samples/ and on small files written here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from storyplayer.cli import main
from storyplayer.interop import ImportReport, import_file
from storyplayer.interop.date_guess import guess_in
from storyplayer.interop.html_to_markdown import colour_name, html_to_markdown, html_to_text
from storyplayer.interop.places import PlaceIndex
from storyplayer.model.loader import check_story

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "interop-samples"
needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(),
    reason=f"the public StoryMapJS/TimelineJS samples are not at {SAMPLES} "
    "(CI lays shared/ beside the checkout)",
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
NO_PLACES: list[tuple[str, float, float]] = []


def run(source: Path, out: Path, **options: Any) -> tuple[ImportReport, dict[str, Any]]:
    options.setdefault("known_places", NO_PLACES)
    report = import_file(source, out, **options)
    story, problems = check_story(report.folder)
    assert story is not None, [str(p) for p in problems]
    return report, yaml.safe_load((report.folder / "story.yaml").read_text(encoding="utf-8"))


def storymap(tmp_path: Path, slides: list[dict[str, Any]], **extra: Any) -> Path:
    source = tmp_path / "source" / "story.json"
    source.parent.mkdir(exist_ok=True)
    source.write_text(json.dumps({"storymap": {"slides": slides, **extra}}), encoding="utf-8")
    return source


def slide(headline: str, text: str = "", **fields: Any) -> dict[str, Any]:
    return {"text": {"headline": headline, "text": text}, **fields}


def text_of(value: Any) -> str:
    return value if isinstance(value, str) else next(iter(value.values()))


# --- the public samples -------------------------------------------------------------------


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in strings(item)] if isinstance(value, list) else []


def _media(slides: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [s["media"] for s in slides if isinstance(s.get("media"), dict) and s["media"]["url"]]


@needs_samples
@pytest.mark.parametrize(
    ("name", "events"),
    [
        ("storymapjs-marktwain.json", 14),  # 15 slides: the title slide and 14 events
        ("storymapjs-gameofthrones.json", 21),
        ("timelinejs-women_in_computing.json", 10),
        ("timelinejs-women_in_computing.csv", 10),
        ("timelinejs-eras.json", 20),
    ],
)
def test_samples_keep_every_slide_caption_and_credit(
    tmp_path: Path, name: str, events: int
) -> None:
    report, data = run(SAMPLES / name, tmp_path / "story")
    assert report.events == events == len(data["events"])
    everything = "\n".join(strings(data))
    if name.endswith(".json"):
        source = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
        slides = source["storymap"]["slides"] if "storymap" in source else source["events"]
        for media in _media(slides):
            if media["url"].lstrip().startswith("<"):
                continue  # HTML given as media becomes quoted text
            assert media["url"] in everything
            for key in ("caption", "credit"):
                words = html_to_text(media.get(key) or "")
                for word in words.split()[:4]:
                    assert word in everything, (key, word)
    # every picture and every link is accounted for, nothing vanished
    assert report.pictures_kept == 0
    references = sum(len(e.get("sources", [])) for e in data["events"])
    references += "Cover picture" in data.get("summary", "")
    assert references == len(report.pictures_missing) + report.links


@needs_samples
def test_marktwain_title_slide_and_names(tmp_path: Path) -> None:
    report, data = run(SAMPLES / "storymapjs-marktwain.json", tmp_path / "story")
    assert data["title"] == "Mark Twain JSON" and data["id"] == "mark-twain-json"
    assert data["summary"].startswith("Samuel Langhorne Clemens")
    assert "Cover picture not available offline: Twain caricatured by Spy" in data["summary"]
    assert data["map"] == {"center": [39.491711, -91.79326], "zoom": 12}
    first = data["events"][0]
    assert first["place"]["name"] == "Florida, Missouri" and first["date"] == "1835"
    assert first["sources"] == [
        "Link: Mark Twain's birthplace, Florida, Missouri — "
        "https://twitter.com/MarkTwainQuote/status/441928360583643136"
    ]
    # a slide without a headline is named by its place, never a whole headline as a place
    for event in data["events"]:
        assert event.get("place", {}).get("name") != event["title"] or event["title"] in (
            "Florida, Missouri",
        )
    assert any("slide 5 “Itinerant Printer”: the event has no date" in w for w in report.warnings)


# --- every slide becomes something ---------------------------------------------------------


def test_closing_overview_slide_and_call_to_action(tmp_path: Path) -> None:
    source = storymap(
        tmp_path,
        [
            slide("Glasgow atlas", "<p>An <b>atlas</b> with a <a href='https://x.org'>link</a></p>",
                  type="overview", location={"lat": 55.86, "lon": -4.25, "zoom": 10}),
            slide("Trongate", "Market", location={"lat": 55.8575, "lon": -4.2446}, date="1750"),
            slide("1905: The End of the Victorian Mixed Economy", "<p>An overview.</p>",
                  type="overview", location={"lat": 55.86, "lon": -4.25, "zoom": 10}),
        ],
        call_to_action=True, call_to_action_text="Walk the streets yourself",
    )  # fmt: skip
    report, data = run(source, tmp_path / "story")
    assert data["title"] == "Glasgow atlas"
    assert data["summary"] == "An atlas with a link"  # plain text for the card
    assert [e["title"] for e in data["events"]] == [
        "Trongate", "1905: The End of the Victorian Mixed Economy",
    ]  # fmt: skip
    closing = data["events"][-1]
    assert "place" not in closing
    assert closing["text"] == "An overview."
    assert data["ending"] == "Walk the streets yourself"  # the end card's closing words
    assert closing["date"] == "1905"  # read from its headline
    assert not any("title slide" in w for w in report.warnings)


def test_call_to_action_without_a_closing_slide(tmp_path: Path) -> None:
    source = storymap(
        tmp_path, [slide("A", date="1900", location={"lat": 1, "lon": 2})],
        call_to_action=True, call_to_action_text="Now go and look",
    )  # fmt: skip
    _, data = run(source, tmp_path / "story")
    assert [e["title"] for e in data["events"]] == ["A"]
    assert data["ending"] == "Now go and look"
    source = storymap(
        tmp_path, [slide("A", date="1900")],
        call_to_action=False, call_to_action_text="Switched off",
    )  # fmt: skip
    _, data = run(source, tmp_path / "off")
    assert "ending" not in data


def test_warnings_name_slides_by_number_and_headline(tmp_path: Path) -> None:
    source = storymap(tmp_path, [slide("First"), slide("Second", date="someday")])
    report, _ = run(source, tmp_path / "story")
    assert "slides 1 “First”, 2 “Second”: the event has no date" not in report.warnings
    assert "slide 1 “First”: the event has no date" in report.warnings
    assert "slide 2 “Second”: the date is free text; it is shown as written but not sorted" in (
        report.warnings
    )


# --- dates from what authors wrote ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Orava okolo 1900", "c. 1900"),
        ("1843", "1843"),
        ("c. 1890", "c. 1890"),
        ("1845–1850", {"start": "1845", "end": "1850"}),
        ("Glasgow in 1914-18", {"start": "1914", "end": "1918"}),
        ("The 1880s", "c. 1880"),
        ("Москва около 1900 года", "c. 1900"),
        ("1905: The End of the Victorian Mixed Economy", "1905"),
        ("Born 1835, died 1910", None),  # two dates: not ours to choose
        ("2500 soldiers at the gate", None),
        ("1,900 men", None),
        ("Slide 12", None),
    ],
)
def test_dates_in_words(text: str, date: object) -> None:
    found = guess_in(text)
    assert (found[0] if found else None) == date


def test_dates_guessed_and_not_guessed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = storymap(
        tmp_path,
        [
            slide("Orava okolo 1900"),
            slide("Mill", "<p>Built c. 1890 by the river.</p><p>Rebuilt 1920.</p>"),
            slide("Two dates 1835 and 1910", "<p>In 1850.</p>"),
            slide("Spring", date="Spring 1920"),
        ],
    )
    report, data = run(source, tmp_path / "guessed")
    dates = [e.get("date") for e in data["events"]]
    assert dates == ["c. 1900", "c. 1890", None, "1920"]
    assert data["events"][3]["date_label"] == "Spring 1920"  # shown as written, sorted by 1920
    assert [(g.where, g.date, g.text) for g in report.guessed_dates] == [
        ("slide 1", "c. 1900", "okolo 1900"),
        ("slide 2", "c. 1890", "c. 1890"),
        ("slide 4", "1920", "1920"),
    ]
    assert "guessed date: slide 1 “Orava okolo 1900”: c. 1900 (from “okolo 1900”)" in (
        report.summary_lines()
    )
    _, plain = run(source, tmp_path / "plain", guess_dates=False)
    assert [e.get("date") for e in plain["events"]] == [None, None, None, None]
    assert main(["import", str(source), "-o", str(tmp_path / "cli"), "--no-guess-dates"]) == 0
    assert "guessed date" not in capsys.readouterr().out


# --- places --------------------------------------------------------------------------------


def test_places_named_by_the_source_then_nearest_known_place(tmp_path: Path) -> None:
    known = [("Tartu", 58.378, 26.729), ("Tallinn", 59.437, 24.745), ("Elva", 58.2225, 26.421)]
    source = storymap(
        tmp_path,
        [
            slide("Named", location={"lat": 58.38, "lon": 26.72, "name": "Tartu town hall"}),
            slide("Near Tartu, the whole headline is not a name", location={"lat": 58.39,
                                                                            "lon": 26.75}),
            slide("Far from anything", location={"lat": 57.0, "lon": 24.0}),
        ],
    )  # fmt: skip
    _, data = run(source, tmp_path / "story", known_places=known)
    names = [e["place"].get("name") for e in data["events"]]
    assert names == ["Tartu town hall", "Tartu", None]


def test_place_index_nearest() -> None:
    index = PlaceIndex([("A", 0.0, 179.99), ("B", 10.0, 10.0), ("C", 10.02, 10.0)])
    assert index.nearest(0.0, -179.99) == "A"  # across the date line
    assert index.nearest(10.015, 10.0) == "C"
    assert index.nearest(10.0, 10.2) is None  # 22 km away
    assert index.nearest(10.0, 10.2, max_km=30) == "B"


# --- pictures beside the file, icons, backgrounds ------------------------------------------


def test_pictures_beside_the_file_icons_and_backgrounds(tmp_path: Path) -> None:
    source = storymap(
        tmp_path,
        [
            slide("Title", type="overview", background={"url": "images/cover.png"}),
            slide("Own picture", date="1900", location={"lat": 1, "lon": 1},
                  media={"url": "images/a.png", "caption": "A <i>map</i>", "credit": "CC BY-SA"}),
            slide("Icon only", date="1901", location={"lat": 1, "lon": 2, "icon": "pin.png"}),
            slide("Background", date="1902", background={"url": "images/bg.png"}),
            slide("Escape", date="1903", media={"url": "../outside.png"}),
            slide("Missing", date="1904", media={"url": "images/none.png", "credit": "Me"}),
            slide("Not a picture", date="1905", media={"url": "images/notes.png"}),
        ],
    )  # fmt: skip
    folder = source.parent
    (folder / "images").mkdir()
    for name in ("images/cover.png", "images/a.png", "pin.png", "images/bg.png"):
        (folder / name).write_bytes(PNG)
    (folder / "images" / "notes.png").write_text("just text", encoding="utf-8")
    (tmp_path / "outside.png").write_bytes(PNG)
    report, data = run(source, tmp_path / "story")
    own, icon, background, escape, missing, notes = data["events"]
    assert data["cover"] == "media/cover.png"
    assert own["image"] == {"src": "media/event-01.png", "caption": "A map", "credit": "CC BY-SA"}
    assert own["sources"] == ["Picture: A map — CC BY-SA — images/a.png"]
    assert icon["image"] == {"src": "media/event-02.png", "caption": "Marker icon"}
    assert background["image"]["src"] == "media/event-03.png"
    assert "image" not in escape and "sources" not in escape
    assert missing["sources"] == ["Picture not available offline: Me — images/none.png"]
    assert "image" not in notes
    assert report.pictures_kept == 4
    reasons = {m.reference: m.reason for m in report.pictures_missing}
    assert reasons == {
        "images/none.png": "it is not beside the imported file",
        "images/notes.png": "it is not a PNG, JPEG, GIF, WebP or SVG picture",
    }
    assert any("'../outside.png' is neither" in w for w in report.warnings)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_beside_the_file_is_not_read(tmp_path: Path) -> None:
    source = storymap(tmp_path, [slide("F", date="1900", media={"url": "pipe.png"})])
    os.mkfifo(source.parent / "pipe.png")
    report, _ = run(source, tmp_path / "story")
    assert [m.reason for m in report.pictures_missing] == ["it is not a regular file"]


# --- lines, legends, ids -------------------------------------------------------------------


def test_lines_keep_their_colour(tmp_path: Path) -> None:
    slides = [slide("A", date="1900", location={"lat": 1, "lon": 1, "line": True}),
              slide("B", date="1901", location={"lat": 2, "lon": 2, "line": True})]  # fmt: skip
    report, data = run(
        storymap(tmp_path, slides, line_color="#1F618D", line_weight=6), tmp_path / "a"
    )
    assert data["color"] == "#1f618d"  # the player draws the path between events in it
    assert data["path"] == {"width": 6}
    report, data = run(storymap(tmp_path, slides, show_lines=False), tmp_path / "b")
    assert data["path"] == {"show": False}
    for dash, kept in (("1,9", "1 9"), ("", "solid"), (" 10 , 5 ", "10 5")):
        _, data = run(storymap(tmp_path, slides, line_dash=dash, line_weight=40),
                      tmp_path / f"dash-{kept}")
        assert data["path"] == {"width": 12, "dash": kept}  # widths past 12 are drawn at 12
    report, data = run(storymap(tmp_path, slides, line_dash="url(x)"), tmp_path / "c")
    assert "path" not in data and any("dash pattern" in w for w in report.warnings)
    assert not any("line" in w and "not carried" in w for w in run(
        storymap(tmp_path, slides, line_weight=2, line_dash="5,5"), tmp_path / "d")[0].warnings)


def test_slide_background_colours_are_the_events_own(tmp_path: Path) -> None:
    slides = [slide("Title", type="overview", background={"color": "#ABC"}),
              slide("A", date="1900", background={"color": "#1A2B3C"}),
              slide("B", date="1901", background={"color": "tomato"}),
              slide("C", date="1902")]  # fmt: skip
    report, data = run(storymap(tmp_path, slides), tmp_path / "s")
    assert [e.get("background") for e in data["events"]] == ["#1a2b3c", None, None]
    assert any("'tomato' is not a #rrggbb colour" in w and "slide 3" in w
               for w in report.warnings)
    assert any("the title slide" in w and "background colour" in w for w in report.warnings)
    # TimelineJS: the same, in JSON and in a spreadsheet row.
    timeline = tmp_path / "t.json"
    timeline.write_text(json.dumps({"events": [
        {"start_date": {"year": 1900}, "text": {"headline": "X"},
         "background": {"color": "#224466"}}]}), encoding="utf-8")
    assert run(timeline, tmp_path / "t")[1]["events"][0]["background"] == "#224466"
    sheet = tmp_path / "t.csv"
    sheet.write_text("Year,Headline,Text,Background\n1900,X,,#336699\n", encoding="utf-8")
    assert run(sheet, tmp_path / "c")[1]["events"][0]["background"] == "#336699"


def test_the_cover_keeps_its_caption_and_credit(tmp_path: Path) -> None:
    source = storymap(tmp_path, [
        slide("Title", "Intro", type="overview", media={
            "url": "images/cover.png", "caption": "The bridge", "credit": "CC BY-SA 4.0 A. Author",
            "link": "https://commons.wikimedia.org/wiki/File:Bridge.png"}),
        slide("A", date="1900")])  # fmt: skip
    (source.parent / "images").mkdir()
    (source.parent / "images" / "cover.png").write_bytes(PNG)
    _, data = run(source, tmp_path / "s")
    assert data["cover"] == {
        "src": "media/cover.png", "caption": "The bridge",
        "credit": "CC BY-SA 4.0 A. Author — https://commons.wikimedia.org/wiki/File:Bridge.png"}
    assert data["summary"] == "Intro"  # the credit is with the cover, not in the summary


def test_legend_squares_keep_their_colours() -> None:
    markup = (
        "<p><b><span style='color:#ff0000'>■</span> Roman roads</b><br>"
        "<span style='color: rgb(0, 0, 255)'>■</span> rivers, <font color=green>●</font> towns</p>"
    )
    assert html_to_markdown(markup) == "**red ■ Roman roads**\\\nblue ■ rivers, green ● towns"
    assert colour_name("#1e8449") == "green" and colour_name("#c00") == "red"


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Москва 1812 года", "moskva-1812-goda"), ("Αθήνα", "athina"),
     ("Žilina a Orava", "zilina-a-orava"), ("Tõnismägi", "tonismagi"), ("東京", "dongjing")],
)  # fmt: skip
def test_ids_are_transliterated_and_numbered(tmp_path: Path, title: str, slug: str) -> None:
    source = tmp_path / "t.json"
    source.write_text(
        json.dumps({"title": {"text": {"headline": title}},
                    "events": [{"start_date": {"year": 1900}, "text": {"headline": "E"}}]}),
        encoding="utf-8",
    )  # fmt: skip
    first = import_file(source, cwd=tmp_path, known_places=NO_PLACES)
    second = import_file(source, cwd=tmp_path, known_places=NO_PLACES)
    assert (first.story_id, second.story_id) == (slug, f"{slug}-2")
    assert first.folder.name == slug and second.folder.name == f"{slug}-2"
    third = import_file(
        source, tmp_path / "elsewhere", taken_ids={slug, f"{slug}-2"}, known_places=NO_PLACES
    )
    assert third.story_id == f"{slug}-3"
    assert yaml.safe_load((third.folder / "story.yaml").read_text(encoding="utf-8"))["id"] == (
        f"{slug}-3"
    )


def test_known_places_from_the_map_labels_file(tmp_path: Path) -> None:
    """The map's label file (fields + rows) names places, in the story's language if it can."""
    from storyplayer.interop.places import labels_places

    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps({
        "fields": ["en", "et", "lat", "lon", "min_zoom", "geonameid"],
        "places": [["Moscow", "Moskva", 55.752, 37.6178, 4, 1], ["Riga", "", 56.946, 24.1059, 5, 2],
                   ["broken"]],
    }), encoding="utf-8")  # fmt: skip
    assert labels_places(labels) == [("Moscow", 55.752, 37.6178), ("Riga", 56.946, 24.1059)]
    assert labels_places(labels, "et")[0] == ("Moskva", 55.752, 37.6178)
    assert labels_places(labels, "et")[1][0] == "Riga"  # no Estonian name: the English one
    assert labels_places(tmp_path / "missing.json") == []
    assert PlaceIndex(labels_places(labels)).nearest(55.76, 37.62) == "Moscow"


def test_the_app_names_places_from_the_map_labels(tmp_path: Path) -> None:
    """By default an import names unnamed places from the map's own place labels."""
    from storyplayer.interop.places import app_places
    from storyplayer.resources import resources_dir

    if not (resources_dir() / "basemap" / "labels.json").is_file():
        pytest.skip("the map's place labels (resources/basemap/labels.json) are not built")
    assert len(app_places()) > 1000
    source = storymap(tmp_path, [slide("Itinerant Printer", date="1853",
                                       location={"lat": 40.714353, "lon": -74.005973})])
    _, data = run(source, tmp_path / "story", known_places=None)
    assert data["events"][0]["place"]["name"] == "New York City"
