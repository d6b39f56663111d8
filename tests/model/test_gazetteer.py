"""The historical gazetteer: its data, every period boundary, Old Style dates, story overrides,
and `storyplayer places` (run as a user runs it, without Qt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from story_files import story_data, write_story

from storyplayer.model.gazetteer import (
    Gazetteer,
    GazetteerError,
    bundled_gazetteer,
    day_key,
    iso_day,
    parse_entries,
    parse_entry,
)
from storyplayer.model.loader import check_story

GAZ = bundled_gazetteer()


@pytest.mark.parametrize(
    ("place", "date", "lang", "expected"),
    [
        ("saint-petersburg", "1917-03-01", "en", "Petrograd"),
        ("saint-petersburg", "1924-02-01", "en", "Leningrad"),
        ("saint-petersburg", "1924-02-01", "et", "Leningrad"),
        ("saint-petersburg", "2000-01-01", "et", "Peterburi"),
        ("saint-petersburg", "1900", "en", "Saint Petersburg"),
        ("tallinn", "1918-02-23", "en", "Reval"),
        ("tallinn", "1918-02-25", "en", "Tallinn"),
        ("tallinn", "1918-02-23", "et", "Tallinn"),
        # 1918-02-10 O.S. is 1918-02-23 (Gregorian), 1918-02-11 O.S. is 1918-02-24
        ("tallinn", "1918-02-10 O.S.", "en", "Reval"),
        ("tallinn", "1918-02-11 O.S.", "en", "Tallinn"),
        # 1917-03-01 O.S. is 1917-03-14: still Petrograd; 1914-08-18 O.S. is 1914-08-31
        ("saint-petersburg", "1914-08-17 O.S.", "en", "Saint Petersburg"),
        ("saint-petersburg", "1914-08-18 O.S.", "en", "Petrograd"),
        ("tartu", "1880", "en", "Dorpat"),
        ("tartu", "1900-06", "en", "Yuryev"),
        ("tartu", "1920", "en", "Tartu"),
        ("kuressaare", "1970", "et", "Kingissepa"),
        ("cesis", "1919-06-23", "et", "Võnnu"),
        ("vyborg", "1942-01-01", "en", "Viipuri"),
        ("vyborg", "1950-01-01", "en", "Vyborg"),
        ("helsinki", "1917-12-05", "en", "Helsingfors"),
        # the basemap's GeoNames data has no Estonian name for these
        ("uusikaupunki", "1721-09-10", "en", "Nystad"),
        ("uusikaupunki", "1721-09-10", "et", "Uusikaupunki"),
        ("otepaa", "1900", "en", "Odenpäh"),
        ("prague", "1939", "et", "Praha"),
        ("prague", "1939", "en", "Prague"),
        ("the-hague", "2000", "et", "Haag"),
        ("volgograd", "1942-11-19", "en", "Stalingrad"),
        ("volgograd", "1918", "et", "Tsaritsõn"),
        ("nizhny-novgorod", "1950", "et", "Gorki"),
        ("nizhny-novgorod", "2000", "et", "Nižni Novgorod"),
        ("samara", "1941-10-15", "en", "Kuybyshev"),
        ("dnipro", "1900", "en", "Yekaterinoslav"),
        ("kazan", "1552", "et", "Kaasan"),
        ("odesa", "1920", "et", "Odessa"),
    ],
)
def test_the_name_in_use_at_a_date(place, date, lang, expected):
    assert GAZ.entries[place].name_at(day_key(date), lang) == expected


def _boundaries():
    for entry in GAZ.entries.values():
        for lang, periods in entry.names.items():
            for before, after in zip(periods, periods[1:], strict=False):
                case = f"{entry.id}-{lang}-{after.name}"
                yield pytest.param(entry.id, lang, before, after, id=case)


@pytest.mark.parametrize(("place", "lang", "before", "after"), list(_boundaries()))
def test_each_boundary_switches_names_on_its_day(place, lang, before, after):
    entry = GAZ.entries[place]
    assert before.end == after.start
    assert entry.name_at(after.start - 1, lang) == before.name
    assert entry.name_at(after.start, lang) == after.name


def test_every_bundled_place_has_both_languages_and_a_place():
    assert len(GAZ.entries) >= 30
    for entry in GAZ.entries.values():
        assert {"en", "et"} <= set(entry.names), entry.id
        assert entry.lat is not None and entry.lon is not None, entry.id


def test_today_and_a_language_without_names():
    tallinn = GAZ.entries["tallinn"]
    assert tallinn.today("en") == "Tallinn"
    assert tallinn.name_at(None, "en") == "Tallinn"
    assert tallinn.name_at(day_key("1900"), "fi") == "Reval"  # falls back to English


def test_names_at_a_date_say_which_changed():
    names = {n.id: n for n in GAZ.names_at(day_key("1917-11-07"), "en")}
    assert names["tallinn"].name == "Reval" and names["tallinn"].changed
    assert names["tallinn"].geonameid == 588409
    assert not names["riga"].changed
    assert names["saaremaa"].kind == "island" and names["saaremaa"].name == "Ösel"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": "x", "lat": 1, "lon": 2}, "names needs at least one language"),
        ({"id": "x", "lat": 1, "lon": 2, "names": {"en": []}}, "a name or a list of periods"),
        ({"id": "x", "lat": 91, "lon": 2, "names": {"en": "X"}}, "lat must be a number"),
        ({"id": "x", "names": {"en": "X"}}, "lat must be a number"),
        ({"id": "x", "lat": 1, "lon": 2, "names": {"en": [{"name": "A", "until": "1990"},
                                                          {"name": "B", "from": "1980"}]}},
         "overlap or are out of order"),
        ({"id": "x", "lat": 1, "lon": 2, "names": {"en": [{"name": "A", "until": "1990-13"}]}},
         "until: cannot read"),
        ({"id": "x", "lat": 1, "lon": 2, "kind": "moon", "names": {"en": "X"}}, "kind must be"),
        ({"id": "x", "lat": 1, "lon": 2, "names": {"en": "X"}, "extra": 1}, "unknown key"),
        ("tallinn", "a place must be a mapping"),
    ],
)
def test_bad_entries_say_what_is_wrong(data, message):
    with pytest.raises(GazetteerError, match=message):
        parse_entry(data)


def test_a_place_listed_twice_is_refused():
    entry = {"id": "x", "lat": 1, "lon": 2, "names": {"en": "X"}}
    with pytest.raises(GazetteerError, match="listed twice"):
        parse_entries([entry, entry])


def test_a_broken_gazetteer_file_names_the_file(tmp_path):
    path = tmp_path / "gazetteer.yaml"
    path.write_text("places:\n  - id: x\n    names: {en: X}\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"gazetteer\.yaml: place 'x': lat"):
        Gazetteer.from_file(path)
    path.write_text("places: [\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"gazetteer\.yaml: is not valid YAML"):
        Gazetteer.from_file(path)


def test_an_unchanged_gazetteer_file_comes_from_the_cache(tmp_path, monkeypatch):
    from storyplayer.model.library_cache import LibraryCache

    path = tmp_path / "gazetteer.yaml"
    path.write_text("places:\n  - {id: x, lat: 1, lon: 2, names: {en: X, et: Iks}}\n",
                    encoding="utf-8")
    cache_file = tmp_path / "cache" / "gazetteer.cache"
    first = Gazetteer.from_file(path, LibraryCache(cache_file))
    reads: list[Path] = []
    read = Gazetteer._read.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(Gazetteer, "_read",
                        classmethod(lambda cls, p: reads.append(p) or read(cls, p)))
    again = Gazetteer.from_file(path, LibraryCache(cache_file))
    assert reads == []
    assert again.names_at(None, "et") == first.names_at(None, "et")
    assert [n.name for n in again.names_at(None, "et")] == ["Iks"]
    # Changed since: read and checked again, and a broken file is told as ever.
    path.write_text("places:\n  - {id: x, lat: 1, lon: 2, names: {en: Ex}}\n# changed\n",
                    encoding="utf-8")
    assert [n.name for n in Gazetteer.from_file(path, LibraryCache(cache_file))
            .names_at(None, "en")] == ["Ex"]
    assert reads == [path]
    path.write_text("places: [\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"gazetteer\.yaml: is not valid YAML"):
        Gazetteer.from_file(path, LibraryCache(cache_file))


def test_a_start_with_the_gazetteer_cached_loads_no_yaml_parser(tmp_path):
    """The bundled gazetteer, read by every window (the map's place names), comes from the
    user's cache on a start after the first, without PyYAML. Fresh interpreters, a home of
    their own."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "STORYPLAYER_ISOLATED"}
    env.update({f"XDG_{name}_HOME": str(tmp_path / name.lower())
                for name in ("CACHE", "CONFIG", "DATA", "STATE")})
    code = ("import sys\n"
            "from storyplayer.model.gazetteer import bundled_gazetteer\n"
            "print(len(bundled_gazetteer().entries) > 50, 'yaml' in sys.modules)\n")

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run() == "True True"  # read, checked and cached
    assert run() == "True False"
    assert (tmp_path / "cache" / "storyplayer" / "gazetteer.cache").is_file()


def test_iso_day_reads_a_day_back():
    assert iso_day(day_key("1918-02-24")) == "1918-02-24"
    assert iso_day(day_key("1918-02-11 O.S.")) == "1918-02-24"


STORY_PLACES = """
place_names:
  - id: tallinn
    names:
      en:
        - {name: Lindanise, until: 1219-06-15}
        - {name: Reval, until: 1918-02-24}
        - {name: Tallinn}
  - id: toompea
    lat: 59.4372
    lon: 24.7369
    kind: town
    names: {en: Toompea, et: Toompea}
"""


def test_a_story_adds_and_overrides_places(tmp_path):
    extra = yaml.safe_load(STORY_PLACES)
    folder = write_story(tmp_path, "own-names", data=story_data(**extra))
    story, problems = check_story(folder)
    assert problems == [] and story is not None
    gaz = GAZ.with_overrides(parse_entries(story.place_names, need_place=False))
    tallinn = gaz.entries["tallinn"]
    assert tallinn.name_at(day_key("1200"), "en") == "Lindanise"
    assert tallinn.name_at(day_key("1500"), "en") == "Reval"
    assert tallinn.name_at(day_key("1500"), "et") == "Tallinn"  # kept from the bundled entry
    assert tallinn.lat == GAZ.entries["tallinn"].lat
    assert gaz.entries["toompea"].today("et") == "Toompea"
    assert "toompea" not in GAZ.entries


def test_a_story_with_a_bad_place_name_is_reported(tmp_path):
    bad = [{"id": "x", "names": {"en": [{"name": "A", "from": 1990, "until": 1980}]}}]
    folder = write_story(tmp_path, "bad-names", data=story_data(place_names=bad))
    story, problems = check_story(folder)
    assert story is None
    assert any("place 'x': A ends before it starts" in p.message for p in problems)


def places(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyplayer", "places", *args],
        capture_output=True, text=True, timeout=60,
    )


def test_places_command_prints_the_name_then():
    result = places("Tallinn", "--date", "1917-11-07", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "tallinn: Reval (today Tallinn)"
    result = places("Leningrad", "--date", "1917-03-01", "--lang", "et")
    assert result.stdout.strip() == "saint-petersburg: Petrograd (today Peterburi)"
    result = places("tartu", "--lang", "en")
    assert result.stdout.strip() == (
        "tartu: Dorpat until 1893-01-01; Yuryev from 1893-01-01 until 1918-02-24; "
        "Tartu from 1918-02-24"
    )


def test_places_command_bad_input_is_one_line():
    result = places("Atlantis")
    assert result.returncode == 1
    assert result.stderr.strip() == "storyplayer: no place called 'Atlantis' in the gazetteer"
    result = places("Tallinn", "--date", "1918-02-30")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--date" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_gazetteer_and_places_command_never_import_qt():
    source = Path(sys.modules[Gazetteer.__module__].__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source
