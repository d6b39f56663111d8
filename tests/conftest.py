"""Test setup shared by every test: headless Qt, and Chromium without its sandbox when root.

Set here, before anything imports Qt, so nobody has to export anything by hand.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chromium refuses to start its sandbox as root; CI and these machines run as root.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
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


@pytest.fixture(scope="session")
def bundled_library():  # type: ignore[no-untyped-def]
    """The stories that ship with the app."""
    from storyplayer.model.library import Library
    from storyplayer.resources import bundled_stories_dir

    return Library.load([bundled_stories_dir()])


@pytest.fixture
def windows(qtbot):  # type: ignore[no-untyped-def]
    """Makes real main windows (see tests/windows.py) and deletes them after the test."""
    from windows import Windows

    made = Windows(qtbot)
    yield made
    made.close_all()
