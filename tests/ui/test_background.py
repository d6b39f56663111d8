"""The one helper for work off the GUI thread: work runs on a worker, the callback on the
GUI thread, with the result or the exception."""

from __future__ import annotations

import threading

from storyplayer.background import Background


def test_work_runs_on_a_worker_and_the_answer_comes_back_on_the_gui_thread(qtbot) -> None:
    background = Background()
    answers: list[tuple[object, object, bool]] = []
    gui = threading.current_thread()

    def record(result: object, error: object) -> None:
        answers.append((result, error, threading.current_thread() is gui))

    background.run(lambda: threading.current_thread() is not gui, record)
    background.run(lambda: 1 / 0, record)
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert answers[0] == (True, None, True)
    assert answers[1][0] is None and isinstance(answers[1][1], ZeroDivisionError) and answers[1][2]
    background.wait()
