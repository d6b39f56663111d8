"""The library cache: unchanged stories come back exactly as checked, anything that changed
(the file, its media, the app) is read afresh, and a damaged cache only costs speed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import yaml
from story_files import story_data, write_story

import storyplayer
from storyplayer.model import library_cache, loader
from storyplayer.model.library import Library
from storyplayer.model.library_cache import LibraryCache


def snapshot(library: Library) -> list[tuple[str, object, list[str]]]:
    return [(str(e.path), e.story, [str(p) for p in e.problems]) for e in library.entries]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The story files read from disk (rather than taken from the cache)."""
    read: list[Path] = []
    check_file = loader._check_file

    def counting(file: Path):  # type: ignore[no-untyped-def]
        read.append(file)
        return check_file(file)

    monkeypatch.setattr(loader, "_check_file", counting)
    return read


def make_library(root: Path) -> Path:
    write_story(root, "petrograd", story_data(4, title={"en": "The coup"}))
    undated = story_data(2)
    del undated["events"][1]["date"]  # a warning only
    write_story(root, "undated", undated)
    write_story(root, "broken", text="format: 1\ntitle: [oops\n")
    (root / "with-image" / "media").mkdir(parents=True)
    (root / "with-image" / "media" / "map.png").write_bytes(b"not really a png")
    with_image = story_data(2)
    with_image["events"][0]["image"] = {"src": "media/map.png", "caption": "A map"}
    write_story(root, "with-image", with_image)
    return root


def touch_later(file: Path, text: str) -> None:
    """Rewrite `file` so that its modification time surely differs."""
    before = file.stat().st_mtime_ns
    file.write_text(text, encoding="utf-8")
    os.utime(file, ns=(before + 10**9, before + 10**9))


def test_unchanged_stories_come_from_the_cache_exactly_as_checked(
    tmp_path: Path, parses: list[Path]
) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "cache" / "library.cache"
    fresh = snapshot(Library.load([root]))
    first = snapshot(Library.load([root], cache=LibraryCache(cache_file)))
    parses.clear()
    warm = snapshot(Library.load([root], cache=LibraryCache(cache_file)))
    assert fresh == first == warm
    assert [p.parent.name for p in parses] == ["broken"]  # only the broken one is read again
    undated = next(problems for path, _, problems in warm if path.endswith("undated"))
    assert undated and "no date" in undated[0]


def test_a_changed_story_file_is_read_again(tmp_path: Path, parses: list[Path]) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "library.cache"
    Library.load([root], cache=LibraryCache(cache_file))
    file = root / "petrograd" / "story.yaml"
    touch_later(file, yaml.safe_dump(story_data(4, title={"en": "Ten days"})))
    parses.clear()
    library = Library.load([root], cache=LibraryCache(cache_file))
    assert sorted(parses) == [root / "broken" / "story.yaml", file]
    assert library.get("petrograd").title.get("en") == "Ten days"


def test_a_story_broken_since_it_was_cached_is_reported(tmp_path: Path) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "library.cache"
    Library.load([root], cache=LibraryCache(cache_file))
    touch_later(root / "petrograd" / "story.yaml", "format: 1\ntitle: 5\nevents: [{title: A}]\n")
    library = Library.load([root], cache=LibraryCache(cache_file))
    assert "petrograd" not in library
    entry = next(e for e in library.invalid if e.name == "petrograd")
    assert "story.yaml:2:8: title must be text" in str(entry.problems[0])


def test_a_media_file_gone_since_it_was_cached_is_reported(tmp_path: Path) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "library.cache"
    Library.load([root], cache=LibraryCache(cache_file))
    (root / "with-image" / "media" / "map.png").unlink()
    library = Library.load([root], cache=LibraryCache(cache_file))
    cold = Library.load([root])
    assert "with-image" not in library
    assert snapshot(library) == snapshot(cold)
    assert "media file 'media/map.png' does not exist" in library.invalid[-1].reason


def test_a_new_app_version_reads_every_story_again(
    tmp_path: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "library.cache"
    Library.load([root], cache=LibraryCache(cache_file))
    monkeypatch.setattr(storyplayer, "__version__", storyplayer.__version__ + ".post1")
    parses.clear()
    Library.load([root], cache=LibraryCache(cache_file))
    assert len(parses) == 4


def test_the_same_file_reached_by_another_name_keeps_that_name(tmp_path: Path) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "library.cache"
    Library.load([root], cache=LibraryCache(cache_file))
    alias = tmp_path / "alias"
    alias.symlink_to(root, target_is_directory=True)
    library = Library.load([alias], cache=LibraryCache(cache_file))
    assert snapshot(library) == snapshot(Library.load([alias]))
    assert library.get("petrograd").folder == alias / "petrograd"


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all", pickle.dumps(["a", "list"])])
def test_a_corrupt_cache_file_is_ignored_and_replaced(tmp_path: Path, damage: bytes) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "library.cache"
    cache_file.write_bytes(damage)
    library = Library.load([root], cache=LibraryCache(cache_file))
    assert snapshot(library) == snapshot(Library.load([root]))
    assert len(LibraryCache(cache_file)._entries) == 3  # rewritten: the three valid stories


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("echo tampered > /dev/null",))


def test_a_cache_entry_that_would_build_anything_else_is_read_from_disk(
    tmp_path: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "library.cache"
    Library.load([root], cache=LibraryCache(cache_file))
    cache = LibraryCache(cache_file)
    key = next(k for k in cache._entries if "petrograd" in k)
    cache._entries[key] = (*cache._entries[key][:3], pickle.dumps(_Boom()))
    cache._dirty = True
    cache.save()
    calls: list[object] = []
    monkeypatch.setattr(os, "system", calls.append)
    parses.clear()
    library = Library.load([root], cache=LibraryCache(cache_file))
    assert calls == []
    assert library.get("petrograd").title.get("en") == "The coup"
    assert root / "petrograd" / "story.yaml" in parses


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib")
    (tmp_path / "file").write_text("in the way")
    library = Library.load([root], cache=LibraryCache(tmp_path / "file" / "library.cache"))
    assert snapshot(library) == snapshot(Library.load([root]))


def test_the_fingerprint_covers_the_checking_code() -> None:
    here = Path(library_cache.__file__).parent
    for name in library_cache._CHECKING_MODULES:
        assert (here / name).is_file(), name


def test_the_old_json_cache_is_removed_once_the_new_one_is_written(tmp_path: Path) -> None:
    root, cache_file = make_library(tmp_path / "lib"), tmp_path / "library.cache"
    old = tmp_path / "library.json"
    old.write_text('{"fingerprint": "0.1", "entries": {}}')
    Library.load([root], cache=LibraryCache(cache_file))
    assert cache_file.is_file()
    assert not old.exists()


def test_a_library_read_from_the_cache_does_not_load_the_yaml_parser(tmp_path: Path) -> None:
    """PyYAML takes about 7 ms to import: a start whose stories are all unchanged (the usual
    one) reads them from the cache without it. In a fresh interpreter, so that nothing was
    imported before."""
    import subprocess
    import sys

    root, cache_file = tmp_path / "lib", tmp_path / "library.cache"
    write_story(root, "petrograd", story_data(4, title={"en": "The coup"}))
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from storyplayer.model.library import Library\n"
        "from storyplayer.model.library_cache import LibraryCache\n"
        f"cache = LibraryCache(Path({str(cache_file)!r}))\n"
        f"library = Library.load([Path({str(root)!r})], cache=cache)\n"
        "print(library.get('petrograd').title.get('en'), 'yaml' in sys.modules)\n"
    )

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run() == "The coup True"  # read from the file, and cached
    assert run() == "The coup False"  # from the cache
