"""The autosave: work typed into the editor survives a killed process and is offered back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from fake_clock import FakeClock

from storyplayer.model.editing.autosave import Autosave, pending
from storyplayer.model.editing.changes import SetValue
from storyplayer.model.editing.new_story import new_story_text
from storyplayer.model.editing.working_copy import WorkingCopy

# A process that edits a saved story, autosaves, says so and then waits to be killed.
EDITING = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from storyplayer.model.editing.autosave import Autosave
    from storyplayer.model.editing.changes import SetValue
    from storyplayer.model.editing.working_copy import WorkingCopy

    story, cache = Path(sys.argv[1]), Path(sys.argv[2])
    working = WorkingCopy.open(story)
    autosave = Autosave(cache, working.file, every=0)
    working.apply(SetValue(("events", 0, "title", "en"), "Typed before the power cut"))
    if autosave.due(working.text(), working.dirty):
        autosave.write(working.text(), "My story")
    print("autosaved", flush=True)
    time.sleep(60)
""")


def test_a_killed_editor_leaves_its_work_to_recover(tmp_path: Path) -> None:
    story = tmp_path / "library" / "my-story"
    story.mkdir(parents=True)
    (story / "story.yaml").write_text(new_story_text("my-story", "My story", "en"), "utf-8")
    cache = tmp_path / "autosave"
    src = Path(__file__).resolve().parents[2] / "src"
    env = dict(os.environ, PYTHONPATH=str(src))
    process = subprocess.Popen([sys.executable, "-c", EDITING, str(story), str(cache)],
                               stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "autosaved"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    found = pending(cache)
    assert [r.title for r in found] == ["My story"]
    recovery = found[0]
    assert recovery.file == story / "story.yaml"
    working = WorkingCopy(recovery.text, recovery.file,
                          saved_text=recovery.file.read_text("utf-8"))
    assert working.get(("events", 0, "title", "en")) == "Typed before the power cut"
    assert working.dirty  # recovered work is not on disk until saved
    working.save()
    recovery.discard()
    assert pending(cache) == []


def test_autosave_runs_every_few_seconds_and_goes_on_save(tmp_path: Path) -> None:
    clock = FakeClock()
    file = tmp_path / "s" / "story.yaml"
    working = WorkingCopy(new_story_text("s", "S", "en"), file)
    autosave = Autosave(tmp_path / "cache", file, clock=clock, every=5)
    working.apply(SetValue(("title", "en"), "Changed"))
    assert not autosave.due(working.text(), working.dirty)
    clock.advance(5)
    assert autosave.due(working.text(), working.dirty)
    autosave.write(working.text())
    assert not autosave.due(working.text(), working.dirty)  # nothing new since
    assert len(pending(tmp_path / "cache")) == 1
    working.save()
    # An autosave that matches the file on disk lost nothing: it is cleared quietly.
    assert pending(tmp_path / "cache") == []


def test_isolated_runs_save_and_autosave_into_a_folder_of_their_own(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import platformdirs

    from storyplayer.model.editing.autosave import default_autosave_dir
    from storyplayer.model.library import isolated_dir, user_library_dir

    monkeypatch.setenv("STORYPLAYER_ISOLATED", "1")
    for folder in (user_library_dir(), default_autosave_dir()):
        assert isolated_dir() in folder.parents
        assert Path(platformdirs.user_data_dir("storyplayer")) not in folder.parents
        assert Path(platformdirs.user_cache_dir("storyplayer")) not in folder.parents
    monkeypatch.delenv("STORYPLAYER_ISOLATED")
    assert isolated_dir() not in user_library_dir().parents
