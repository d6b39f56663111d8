"""`storyplayer pack`, `storyplayer install` and `storyplayer FILE.storyplayer`, run as a user
runs them: separate processes, exit codes, one line on refusal, the user library where the
platform keeps it (here a temporary XDG_DATA_HOME).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from story_files import story_data, write_story

from storyplayer.cli import _package_argument, build_parser


def user_env(data_home: Path, **more: str) -> dict[str, str]:
    """The environment of a user's run, with the platform's folders under `data_home` (not
    an isolated run, which keeps to a temporary folder of its own)."""
    env = {k: v for k, v in os.environ.items() if k != "STORYPLAYER_ISOLATED"}
    return {**env, "XDG_DATA_HOME": str(data_home), **more}


def run(*args: str, cwd: Path, data_home: Path,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = user_env(data_home)
    return subprocess.run([sys.executable, "-m", "storyplayer", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=timeout)


@pytest.fixture
def place(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(a folder with one story to pack, the working folder, the data home)."""
    data = story_data(2)
    data["title"] = {"en": "Shared by a teacher", "et": "Õpetaja jagatud"}
    stories = tmp_path / "stories"
    write_story(stories, "lesson-one", data)
    work = tmp_path / "work"
    work.mkdir()
    return stories, work, tmp_path / "data"


def test_pack_then_install_then_replace(place: tuple[Path, Path, Path]) -> None:
    stories, work, data_home = place
    packed = run("--stories", str(stories), "pack", "lesson-one", "-o", "lesson.storyplayer",
                 cwd=work, data_home=data_home)
    assert packed.returncode == 0, packed.stderr
    assert (work / "lesson.storyplayer").is_file()

    installed = run("install", "lesson.storyplayer", cwd=work, data_home=data_home)
    assert installed.returncode == 0, installed.stderr
    assert "Installed 'Shared by a teacher' (lesson-one)" in installed.stdout
    library = data_home / "storyplayer" / "stories"
    assert (library / "lesson-one" / "story.yaml").is_file()

    again = run("install", "lesson.storyplayer", cwd=work, data_home=data_home)
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1 and "add --replace" in again.stderr
    assert "--copy to keep both" in again.stderr

    replaced = run("install", "lesson.storyplayer", "--replace", cwd=work, data_home=data_home)
    assert replaced.returncode == 0 and replaced.stdout.startswith("Replaced ")
    assert sorted(p.name for p in library.iterdir()) == ["lesson-one"]

    both = run("install", "lesson.storyplayer", "--copy", cwd=work, data_home=data_home)
    assert both.returncode == 0, both.stderr
    assert "Installed 'Shared by a teacher' (lesson-one-2)" in both.stdout
    assert sorted(p.name for p in library.iterdir()) == ["lesson-one", "lesson-one-2"]


def test_a_package_is_readable_by_others_and_never_makes_a_folder(
        place: tuple[Path, Path, Path]) -> None:
    """Left on a shared folder, a package can be read by the colleagues it is for (the
    user's umask, as for any new file); a mistyped output folder is told, not created."""
    stories, work, data_home = place
    old_mask = os.umask(0o022)
    try:
        packed = run("--stories", str(stories), "pack", "lesson-one", "-o", "lesson.storyplayer",
                     cwd=work, data_home=data_home)
    finally:
        os.umask(old_mask)
    assert packed.returncode == 0, packed.stderr
    assert (work / "lesson.storyplayer").stat().st_mode & 0o777 == 0o644
    missing = work / "no-such-folder" / "lesson.storyplayer"
    refused = run("--stories", str(stories), "pack", "lesson-one", "-o", str(missing),
                  cwd=work, data_home=data_home)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "no folder" in refused.stderr
    assert not missing.parent.exists()


def test_install_into_another_library(place: tuple[Path, Path, Path]) -> None:
    stories, work, data_home = place
    run("--stories", str(stories), "pack", "lesson-one", cwd=work, data_home=data_home)
    museum = work / "museum-stories"
    done = run("install", "lesson-one.storyplayer", "--library", str(museum), cwd=work,
               data_home=data_home)
    assert done.returncode == 0, done.stderr
    assert (museum / "lesson-one" / "story.yaml").is_file()
    assert not (data_home / "storyplayer").exists()
    listed = run("--stories", str(museum), "--list", cwd=work, data_home=data_home)
    assert any(line.startswith("lesson-one\t") for line in listed.stdout.splitlines())


def test_pack_default_name_and_unknown_id(place: tuple[Path, Path, Path]) -> None:
    stories, work, data_home = place
    done = run("--stories", str(stories), "pack", "lesson-one", cwd=work, data_home=data_home)
    assert done.returncode == 0 and (work / "lesson-one.storyplayer").is_file()
    unknown = run("pack", "no-such-story", cwd=work, data_home=data_home)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("storyplayer: no story with id 'no-such-story'")
    assert unknown.stderr.count("\n") == 1


def test_install_refusals_are_one_line(place: tuple[Path, Path, Path]) -> None:
    _, work, data_home = place
    (work / "broken.storyplayer").write_bytes(b"no zip here")
    for args, code in ((("install", "broken.storyplayer"), 1),
                       (("install", "missing.storyplayer"), 1),
                       (("install",), 2),
                       (("install", "x.storyplayer", "--bogus"), 2)):
        done = run(*args, cwd=work, data_home=data_home)
        assert done.returncode == code, (args, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert not (data_home / "storyplayer").exists()


def test_a_bundled_story_cannot_be_replaced(place: tuple[Path, Path, Path]) -> None:
    _, work, data_home = place
    run("pack", "october-1917", "-o", "o.storyplayer", cwd=work, data_home=data_home)
    done = run("install", "o.storyplayer", "--replace", cwd=work, data_home=data_home)
    assert done.returncode == 1 and "comes with the app" in done.stderr


@pytest.mark.parametrize("argv, package, rest", [
    (["a.storyplayer"], "a.storyplayer", []),
    (["--lang", "et", "A.STORYPLAYER", "--fullscreen"], "A.STORYPLAYER",
     ["--lang", "et", "--fullscreen"]),
    (["--stories", "x.storyplayer", "--list"], None, ["--stories", "x.storyplayer", "--list"]),
    (["install", "a.storyplayer"], None, ["install", "a.storyplayer"]),
    (["pack", "id", "-o", "a.storyplayer"], None, ["pack", "id", "-o", "a.storyplayer"]),
])
def test_the_package_argument(argv: list[str], package: str | None, rest: list[str]) -> None:
    found, left = _package_argument(build_parser(), argv)
    assert (str(found) if found else None, left) == (package, rest)


def test_opening_a_package_installs_it_and_shows_the_window(
        place: tuple[Path, Path, Path]) -> None:
    stories, work, data_home = place
    run("--stories", str(stories), "pack", "lesson-one", "-o", "l.storyplayer", cwd=work,
        data_home=data_home)
    shot = work / "shot.png"
    done = run("l.storyplayer", "--screenshot", str(shot), cwd=work, data_home=data_home,
               timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    assert (data_home / "storyplayer" / "stories" / "lesson-one" / "story.yaml").is_file()


def test_opening_a_missing_package_says_so(place: tuple[Path, Path, Path]) -> None:
    _, work, data_home = place
    done = run("gone.storyplayer", cwd=work, data_home=data_home)
    assert done.returncode == 1
    assert done.stderr == "storyplayer: gone.storyplayer: no such file\n"


def test_pack_and_install_do_not_import_qt(place: tuple[Path, Path, Path]) -> None:
    stories, work, data_home = place
    code = (
        "import sys\n"
        "from storyplayer.cli import main\n"
        f"main(['--stories', {str(stories)!r}, 'pack', 'lesson-one', '-o', 'q.storyplayer'])\n"
        "main(['install', 'q.storyplayer'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    env = user_env(data_home)
    done = subprocess.run([sys.executable, "-c", code], cwd=work, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (data_home / "storyplayer" / "stories" / "lesson-one").is_dir()


def test_desktop_files_are_well_formed_and_their_command_works(
        place: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """--install-desktop writes the menu entry, icon and MIME type; the entry's command line
    opens a package given as %f (here a missing one: one line, exit 1, no window)."""
    import configparser
    import shlex
    import shutil
    import xml.etree.ElementTree as ElementTree

    _, work, data_home = place
    env = user_env(data_home, XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "storyplayer", "--install-desktop"], cwd=work,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    entry_file = data_home / "applications" / "storyplayer.desktop"
    mime_file = data_home / "mime" / "packages" / "storyplayer.xml"
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / "storyplayer.svg").is_file()

    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    mime = ElementTree.parse(mime_file).getroot().find(f"{ns}mime-type")
    assert mime is not None and mime.get("type") == "application/x-storyplayer"
    assert mime.find(f"{ns}glob").get("pattern") == "*.storyplayer"
    if shutil.which("update-mime-database"):
        assert "*.storyplayer" in (data_home / "mime" / "globs2").read_text("utf-8")

    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(entry_file, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert "application/x-storyplayer" in entry["MimeType"].split(";")
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry_file)],
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    command = [part.replace("%f", str(work / "gone.storyplayer"))
               for part in shlex.split(entry["Exec"])]
    assert command[-1].endswith("gone.storyplayer")
    opened = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True,
                            timeout=60)
    assert opened.returncode == 1
    assert opened.stderr.endswith("gone.storyplayer: no such file\n"), opened.stderr


def test_an_isolated_run_installs_into_a_folder_of_its_own(
        place: tuple[Path, Path, Path]) -> None:
    """Isolated (tests, benchmarks, screenshots), nothing goes into the user's library: the
    story is installed in a temporary folder, gone when the run ends."""
    stories, work, data_home = place
    assert run("--stories", str(stories), "pack", "lesson-one", "-o", "i.storyplayer",
               cwd=work, data_home=data_home).returncode == 0
    env = {**user_env(data_home), "STORYPLAYER_ISOLATED": "1"}
    done = subprocess.run([sys.executable, "-m", "storyplayer", "install", "i.storyplayer"],
                          cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    where = Path(done.stdout.strip().rsplit(" in ", 1)[1])
    assert "storyplayer-isolated-" in str(where) and not where.exists()
    assert not (data_home / "storyplayer").exists()
    # nor any desktop entry, icon or file type into the user's desktop folders
    desktop = subprocess.run([sys.executable, "-m", "storyplayer", "--install-desktop"],
                             cwd=work, env=env, capture_output=True, text=True, timeout=120)
    assert desktop.returncode == 0, desktop.stderr
    assert "storyplayer-isolated-" in desktop.stdout
    assert not (data_home / "applications").exists()
