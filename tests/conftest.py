"""Test setup shared by every test: headless Qt, and Chromium without its sandbox when root.

Set here, before anything imports Qt, so nobody has to export anything by hand.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chromium refuses to start its sandbox as root; CI and these machines run as root.
from storyplayer.app import allow_chromium_as_root  # noqa: E402

allow_chromium_as_root()
# Software rendering: no GPU on CI.
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# Tests must never see (or write) the developer's own library, cache or config.
os.environ.setdefault("STORYPLAYER_ISOLATED", "1")

# The map's URL scheme must be registered before pytest-qt creates the QApplication;
# conftest files are imported while collecting, before any fixture runs.
from storyplayer.map.scheme import register_scheme  # noqa: E402

register_scheme()


import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def page_probe():  # type: ignore[no-untyped-def]
    """Every map page a test makes carries the tests' own read-back script (page_probe.py):
    the product page holds no test hooks."""
    import page_probe as probe

    with pytest.MonkeyPatch.context() as patch:
        probe.install(patch)
        yield


@pytest.fixture(scope="session")
def bundled_library():  # type: ignore[no-untyped-def]
    """The stories that ship with the app."""
    from storyplayer.model.library import Library
    from storyplayer.resources import bundled_stories_dir

    return Library.load([bundled_stories_dir()])


@pytest.fixture
def library(bundled_library):  # type: ignore[no-untyped-def]
    """The library a test's windows show; a test module overrides it to show others."""
    return bundled_library


@pytest.fixture
def window_options():  # type: ignore[no-untyped-def]
    """Default options for `make_window` (e.g. {"active": True}); a module overrides it."""
    return {}


@pytest.fixture
def make_window(qtbot, library, window_options):  # type: ignore[no-untyped-def]
    """The one way a test gets a real main window: `make_window(library=None, **options)`
    (see tests/windows.py); every window is deleted, and waited for, after the test."""
    from windows import Windows

    made = Windows(qtbot, library, window_options)
    yield made
    made.close_all()


@pytest.fixture
def translations(qapp):  # type: ignore[no-untyped-def]
    """The interface's translators, as the app installs them; English again afterwards, so
    that no translator is left for the next tests."""
    from storyplayer.ui.shared.translations import Translations

    made = Translations(qapp)
    yield made
    made.set_language("en")
    made.deleteLater()


@pytest.fixture
def editor_host(make_window, bundled_library, qtbot, tmp_path, translations):  # type: ignore[no-untyped-def]
    """A window, its map ready, and the editor's host saving into a temporary library:
    (host, translations, window); `host.new_story()` opens the editor on a new story in
    the window's language."""
    from windows import wait_map

    from storyplayer.resources import bundled_stories_dir
    from storyplayer.ui.editor.editor_host import EditorHost

    window = make_window(bundled_library, size=(1280, 800))
    wait_map(qtbot, window)
    host = EditorHost(window, tmp_path / "library", tmp_path / "autosave",
                      bundled_stories_dir())
    return host, translations, window
