"""Story packages without a display: packing, installing, replacing, and every kind of
hostile package a stranger could send, each refused in one line with nothing left behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
import sys
import zipfile
from pathlib import Path

import pytest
from story_files import story_data, write_story

from storyplayer.sharing import (
    InstalledStory,
    PackageError,
    PackageExists,
    install_package,
    pack_story,
)
from storyplayer.sharing import package as package_module
from storyplayer.sharing.zip_entries import Limits

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
       b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def make_story(tmp_path: Path, name: str = "my-story", title: str = "My story") -> Path:
    data = story_data(2, cover="media/cover.png")
    data["title"] = {"en": title, "et": title}
    folder = write_story(tmp_path / "src", name, data)
    (folder / "media").mkdir()
    (folder / "media" / "cover.png").write_bytes(PNG)
    return folder


def snapshot(folder: Path) -> list[str]:
    """Every path under `folder`, hidden ones too."""
    if not folder.exists():
        return ["<missing>"]
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def entries_of(folder: Path, story_id: str) -> dict[str, bytes]:
    return {f"{story_id}/{p.relative_to(folder).as_posix()}": p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def manifest_for(files: dict[str, bytes], story_id: str = "my-story", **extra) -> bytes:
    listed = {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
              for name, data in files.items()}
    manifest = {"format": "storyplayer-package", "version": 1, "id": story_id, "files": listed}
    manifest.update(extra)
    return json.dumps(manifest).encode()


def write_zip(path: Path, files: dict[str, bytes], manifest: bytes | None = None,
              infos: dict[str, zipfile.ZipInfo] | None = None) -> Path:
    """A zip of `files` (plus a correct manifest unless given one); `infos` overrides the
    entry headers by name."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr((infos or {}).get(name, name), data)
        archive.writestr("manifest.json", manifest if manifest is not None
                         else manifest_for(files))
    return path


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return make_story(tmp_path)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "library"


def refused(package: Path, library: Path, **options) -> str:
    """Installs `package`, expects a refusal, checks nothing was left, returns the line."""
    before = snapshot(library)
    with pytest.raises(PackageError) as caught:
        install_package(package, library, **options)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(package)), message
    assert snapshot(library) == before  # nothing half installed, no temporary left
    return message


# --- the good path ---------------------------------------------------------------------------


def test_pack_then_install_gives_the_same_story(story: Path, library: Path,
                                                tmp_path: Path) -> None:
    out = tmp_path / "out" / "my-story.storyplayer"
    out.parent.mkdir()
    pack_story(story, out)
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert names == {"manifest.json", "my-story/story.yaml", "my-story/media/cover.png"}
    assert manifest["format"] == "storyplayer-package" and manifest["version"] == 1
    assert manifest["id"] == "my-story"
    assert manifest["files"]["my-story/media/cover.png"]["sha256"] == hashlib.sha256(
        PNG).hexdigest()
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no partial file left

    installed = install_package(out, library)
    assert isinstance(installed, InstalledStory)
    assert installed.story_id == "my-story" and not installed.replaced
    assert installed.path == library / "my-story"
    assert installed.title.get("en") == "My story"
    assert entries_of(installed.path, "x") == entries_of(story, "x")
    assert snapshot(library) == ["my-story", "my-story/media", "my-story/media/cover.png",
                                 "my-story/story.yaml"]


def test_existing_story_is_refused_then_replaced(story: Path, library: Path,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "a.storyplayer"
    pack_story(story, out)
    install_package(out, library)
    (story / "story.yaml").write_text(
        (story / "story.yaml").read_text("utf-8").replace("Event 1", "Event one"), "utf-8")
    pack_story(story, out)
    before = snapshot(library)
    with pytest.raises(PackageExists) as caught:
        install_package(out, library)
    assert caught.value.story_id == "my-story"
    assert caught.value.existing == library / "my-story"
    assert caught.value.title.get("en") == "My story"
    assert "already installed" in str(caught.value)
    assert snapshot(library) == before
    assert "Event one" not in (library / "my-story" / "story.yaml").read_text("utf-8")

    installed = install_package(out, library, replace=True)
    assert installed.replaced
    assert "Event one" in (library / "my-story" / "story.yaml").read_text("utf-8")
    assert snapshot(library) == before  # the old copy is gone, no temporary left


def test_a_bundled_id_is_refused(story: Path, library: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.storyplayer"
    pack_story(story, out)
    assert "comes with the app" in refused(out, library, reserved={"my-story"})


def test_an_invalid_story_is_not_packed(tmp_path: Path) -> None:
    folder = write_story(tmp_path, "broken", text="format: 1\ntitle: x\n")
    out = tmp_path / "broken.storyplayer"
    with pytest.raises(PackageError, match="cannot be shared while it has problems"):
        pack_story(folder, out)
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["broken"]


def test_packing_refuses_a_link_out_of_the_folder(story: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    (story / "notes.txt").symlink_to(secret)
    with pytest.raises(PackageError, match="leads outside the story folder"):
        pack_story(story, tmp_path / "a.storyplayer")


def test_packing_into_the_story_folder_is_refused(story: Path) -> None:
    with pytest.raises(PackageError, match="inside the story folder"):
        pack_story(story, story / "again.storyplayer")


# --- hostile packages ------------------------------------------------------------------------


def test_not_a_zip(tmp_path: Path, library: Path) -> None:
    bad = tmp_path / "bad.storyplayer"
    bad.write_bytes(b"this is not a zip file at all" * 10)
    assert "not a zip file" in refused(bad, library)


def test_missing_file(tmp_path: Path, library: Path) -> None:
    assert "no such file" in refused(tmp_path / "gone.storyplayer", library)


def test_corrupted_zip(story: Path, library: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.storyplayer"
    pack_story(story, out)
    data = bytearray(out.read_bytes())
    # The story file is deflated: spoil some of its compressed bytes.
    info = zipfile.ZipFile(out).getinfo("my-story/story.yaml")
    start = info.header_offset + 30 + len(info.filename)
    for i in range(start + 5, start + 25):
        data[i] ^= 0x55
    out.write_bytes(bytes(data))
    message = refused(out, library)
    assert "damaged" in message or "cannot be read" in message


def test_a_changed_file_fails_its_checksum(story: Path, library: Path, tmp_path: Path) -> None:
    files = entries_of(story, "my-story")
    manifest = manifest_for(files)
    files["my-story/media/cover.png"] = PNG[:-1] + b"\x83"  # same size, other bytes
    out = write_zip(tmp_path / "a.storyplayer", files, manifest)
    assert "does not match its checksum" in refused(out, library)


def test_no_manifest(story: Path, library: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.storyplayer"
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries_of(story, "my-story").items():
            archive.writestr(name, data)
    assert "has no manifest.json" in refused(out, library)


@pytest.mark.parametrize("manifest, words", [
    (b"{not json", "not valid JSON"),
    (b'{"format": "other"}', "not a story package manifest"),
    (b'{"format": "storyplayer-package", "version": 9, "id": "my-story", "files": {}}',
     "newer Story Player"),
    (b'{"format": "storyplayer-package", "version": 1, "id": "../x", "files": {}}',
     "no valid story id"),
])
def test_bad_manifest(story: Path, library: Path, tmp_path: Path, manifest: bytes,
                      words: str) -> None:
    out = write_zip(tmp_path / "a.storyplayer", entries_of(story, "my-story"), manifest)
    assert words in refused(out, library)


def test_a_file_the_manifest_does_not_list(story: Path, library: Path, tmp_path: Path) -> None:
    files = entries_of(story, "my-story")
    manifest = manifest_for(files)
    files["my-story/extra.txt"] = b"hello"
    out = write_zip(tmp_path / "a.storyplayer", files, manifest)
    assert "does not list" in refused(out, library)


def test_a_file_outside_the_story_folder(story: Path, library: Path, tmp_path: Path) -> None:
    files = entries_of(story, "my-story")
    files["elsewhere/file.txt"] = b"hello"
    out = write_zip(tmp_path / "a.storyplayer", files)
    assert "outside the story's folder" in refused(out, library)


@pytest.mark.parametrize("name, words", [
    ("my-story/../../evil.txt", "leads outside"),
    ("../evil.txt", "leads outside"),
    ("/etc/evil.txt", "absolute path"),
    ("C:/Windows/evil.txt", "drive letter"),
    ("my-story\\..\\..\\evil.txt", "backslash"),
    ("my-story/./evil.txt", "'.' part"),
    ("my-story/ev\x01il.txt", "control characters"),
    ("my-story/story.yaml:stream", "Windows cannot hold"),
    ("my-story/media/NUL.png", "Windows cannot hold"),
    ("my-story/media/cover.png.", "Windows cannot hold"),
])
def test_dangerous_names(story: Path, library: Path, tmp_path: Path, name: str,
                         words: str) -> None:
    files = entries_of(story, "my-story")
    files[name] = b"evil"
    out = write_zip(tmp_path / "a.storyplayer", files)
    assert words in refused(out, library)
    assert not (tmp_path / "evil.txt").exists()


def test_symlink_entry(story: Path, library: Path, tmp_path: Path) -> None:
    files = entries_of(story, "my-story")
    link = zipfile.ZipInfo("my-story/media/link.png")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    files["my-story/media/link.png"] = b"/etc/passwd"
    out = write_zip(tmp_path / "a.storyplayer", files, infos={link.filename: link})
    assert "symbolic link" in refused(out, library)


def test_duplicate_names(story: Path, library: Path, tmp_path: Path) -> None:
    files = entries_of(story, "my-story")
    out = tmp_path / "a.storyplayer"
    with pytest.warns(UserWarning, match="Duplicate name"):
        with zipfile.ZipFile(out, "w") as archive:
            for name, data in files.items():
                archive.writestr(name, data)
            archive.writestr("my-story/story.yaml", b"format: 1\n")
            archive.writestr("manifest.json", manifest_for(files))
    assert "holds 'my-story/story.yaml' twice" in refused(out, library)


def test_case_only_duplicates(story: Path, library: Path, tmp_path: Path) -> None:
    files = entries_of(story, "my-story")
    files["my-story/media/COVER.png"] = PNG
    out = write_zip(tmp_path / "a.storyplayer", files)
    assert "name the same file" in refused(out, library)


def test_thousands_of_entries(tmp_path: Path, library: Path) -> None:
    out = tmp_path / "a.storyplayer"
    with zipfile.ZipFile(out, "w") as archive:
        for number in range(5000):
            archive.writestr(f"my-story/{number}.txt", b"")
    assert "holds 5000 entries" in refused(out, library)


def test_encrypted_entry(story: Path, library: Path, tmp_path: Path) -> None:
    files = entries_of(story, "my-story")
    out = write_zip(tmp_path / "a.storyplayer", files)
    data = bytearray(out.read_bytes())
    # Set the "encrypted" flag of the first entry in its local header and in the directory.
    info = zipfile.ZipFile(out).infolist()[0]
    data[info.header_offset + 6] |= 0x1
    directory = data.index(b"PK\x01\x02")
    data[directory + 8] |= 0x1
    out.write_bytes(bytes(data))
    assert "encrypted" in refused(out, library)


def test_zip_bomb_by_ratio(tmp_path: Path, library: Path) -> None:
    files = {"my-story/story.yaml": b"format: 1\n", "my-story/media/zeros.png": bytes(50 * 2**20)}
    out = write_zip(tmp_path / "a.storyplayer", files)
    assert out.stat().st_size < 2**20
    assert "zip bomb" in refused(out, library)


def test_too_large_in_total(story: Path, library: Path, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_module, "LIMITS", Limits(total_bytes=4096))
    files = entries_of(story, "my-story")
    files["my-story/media/big.png"] = os.urandom(8192)
    out = write_zip(tmp_path / "a.storyplayer", files)
    assert "would unpack to" in refused(out, library)


def test_lying_sizes_stop_the_stream(story: Path, library: Path, tmp_path: Path) -> None:
    """A zip whose directory says a file is small while its data unpacks to 64 MB: the
    extraction stops at the declared size and the package is refused."""
    files = entries_of(story, "my-story")
    real = bytes(64 * 2**20)
    files["my-story/media/small.png"] = real[:1000]
    manifest = manifest_for(files)
    files["my-story/media/small.png"] = real
    out = write_zip(tmp_path / "a.storyplayer", files, manifest)
    data = bytearray(out.read_bytes())
    info = zipfile.ZipFile(out).getinfo("my-story/media/small.png")
    # Patch the uncompressed size in the local header (offset 22) and the directory (24).
    struct.pack_into("<L", data, info.header_offset + 22, 1000)
    at = data.index(b"PK\x01\x02")  # the first directory record
    while True:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == info.filename.encode():
            struct.pack_into("<L", data, at + 24, 1000)
            break
        extra, comment = struct.unpack_from("<HH", data, at + 30)
        at += 46 + name_len + extra + comment
    out.write_bytes(bytes(data))
    message = refused(out, library)
    assert "damaged" in message or "zip bomb" in message


def test_a_story_that_does_not_validate(tmp_path: Path, library: Path) -> None:
    files = {"my-story/story.yaml": b"format: 1\ntitle: Hello\nevents:\n  - titel: x\n"}
    out = write_zip(tmp_path / "a.storyplayer", files)
    message = refused(out, library)
    assert "its story is not valid: my-story/story.yaml:4:" in message


def test_a_story_whose_id_differs(tmp_path: Path, library: Path) -> None:
    data = json.dumps(story_data(1, id="other-id")).encode()
    out = write_zip(tmp_path / "a.storyplayer", {"my-story/story.yaml": data})
    assert "says id 'other-id'" in refused(out, library)


def test_a_refused_package_leaves_no_new_library_folder(tmp_path: Path) -> None:
    out = write_zip(tmp_path / "a.storyplayer", {"my-story/story.yaml": b"nope: 1\n"})
    fresh = tmp_path / "new-library"
    with pytest.raises(PackageError):
        install_package(out, fresh)
    assert not fresh.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_installed_files_are_plain(story: Path, library: Path, tmp_path: Path) -> None:
    files = entries_of(story, "my-story")
    setuid = zipfile.ZipInfo("my-story/media/cover.png")
    setuid.external_attr = (stat.S_IFREG | 0o4777) << 16
    out = write_zip(tmp_path / "a.storyplayer", files, infos={setuid.filename: setuid})
    installed = install_package(out, library)
    mode = (installed.path / "media" / "cover.png").stat().st_mode
    assert not mode & (stat.S_ISUID | stat.S_IXUSR | stat.S_IWOTH)


def test_an_interrupted_install_is_cleaned_up_later(story: Path, library: Path,
                                                    tmp_path: Path) -> None:
    stale = library / ".installing-abc123"
    (stale / "my-story").mkdir(parents=True)
    os.utime(stale, (1_000_000, 1_000_000))
    fresh = library / ".installing-now"  # perhaps another install, running right now
    fresh.mkdir()
    out = tmp_path / "a.storyplayer"
    pack_story(story, out)
    install_package(out, library)
    assert not stale.exists() and fresh.exists()


def test_a_library_that_is_a_file_is_told(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.storyplayer"
    pack_story(story, out)
    not_a_folder = tmp_path / "library-file"
    not_a_folder.write_text("I am a file")
    with pytest.raises(PackageError, match="cannot be installed into .*library-file"):
        install_package(out, not_a_folder)
    assert not_a_folder.read_text() == "I am a file"


def test_a_copy_is_installed_beside_a_story_with_the_same_id(story: Path, library: Path,
                                                             tmp_path: Path) -> None:
    """Two teachers' lessons may share a title, and so an id: both can be kept, the second
    under a free id of its own that its file says too."""
    from storyplayer.model.library import Library

    out = tmp_path / "my-story.storyplayer"
    pack_story(story, out)
    first = install_package(out, library)
    second = install_package(out, library, as_copy=True)
    third = install_package(out, library, as_copy=True, reserved={"my-story-3"})
    assert (first.story_id, second.story_id, third.story_id) == (
        "my-story", "my-story-2", "my-story-4")
    assert not second.replaced and second.path == library / "my-story-2"
    loaded = Library.load([library])
    assert sorted(s.id for s in loaded.stories) == ["my-story", "my-story-2", "my-story-4"]
    assert not loaded.invalid
    # a story that comes with the app is never replaced, but a copy may go beside it
    refused(out, tmp_path / "other", reserved={"my-story"})
    beside = install_package(out, tmp_path / "other", reserved={"my-story"}, as_copy=True)
    assert beside.story_id == "my-story-2"
