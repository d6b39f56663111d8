"""With --play, the first events' one-time work (the Markdown parser, the month names of the
language) is done off the main thread while the map page loads."""

from __future__ import annotations

from storyplayer.app import _Background, _prepare_first_events
from storyplayer.model import dates, rich_text
from storyplayer.model.library import Library

THREE = ["october-1917", "independence-1918", "world-war-1"]


def test_first_events_are_prepared_in_the_background(bundled_library: Library) -> None:
    rich_text._markdown.cache_clear()
    dates._month_names.cache_clear()
    _Background(lambda: _prepare_first_events(bundled_library, THREE, "et")).result()
    assert rich_text._markdown.cache_info().currsize == 1  # the parser is built
    assert dates._month_names.cache_info().currsize == 1  # Estonian month names are read
    # The pane's own formatting of the first date then loads nothing more.
    first = bundled_library.get(THREE[0]).events[0]
    assert dates.format_date(first.date, "et")
    assert dates._month_names.cache_info().misses == 1


def test_source_lines_read_while_importing_are_not_kept(qapp, tmp_path, monkeypatch) -> None:
    """PySide6 reads the source of each module imported after it; the steps of starting up
    drop what the line cache kept of them (several MB in the app)."""
    import linecache

    from storyplayer.app import _Steps

    module = tmp_path / "startup_step_module.py"
    module.write_text("from PySide6.QtCore import QObject\n\n\nclass Thing(QObject):\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    kept: list[bool] = []

    def import_a_module() -> None:
        __import__("startup_step_module")  # an import statement's way, PySide6's hook too
        kept.append(str(module) in linecache.cache)  # read and kept while importing

    def look() -> None:
        kept.append(str(module) in linecache.cache)
        qapp.exit(0)

    assert _Steps(qapp, [import_a_module, look]).run() == 0
    assert kept == [True, False]


def test_the_window_and_playback_modules_import_off_the_main_thread() -> None:
    """With --play they are imported on another thread while the map page loads; in a fresh
    interpreter, so that nothing was imported before."""
    import subprocess
    import sys

    code = (
        "import sys, threading\n"
        "from storyplayer.app import _Background, _import_playback_window\n"
        "names = ('storyplayer.ui.main_window', 'storyplayer.ui.playback.story_pane')\n"
        "assert not any(name in sys.modules for name in names)\n"
        "_Background(_import_playback_window).result()\n"
        "assert all(name in sys.modules for name in names)\n"
        "print('imported')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "imported"
