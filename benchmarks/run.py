"""Every performance figure of Story Player in one JSON object, with its floor beside it.

    python benchmarks/run.py [--quick] [--soak-minutes N]

Cold starts run in fresh processes (`python -m storyplayer`, offscreen, isolated), timed
from just before Popen to the app's probe marks (STORYPLAYER_PROBE); the floor is a bare
QWebEngineView loading Leaflet and the same basemap (benchmarks/floor.py). Floor and app
alternate, and each figure is the median of the repetitions. Step latency, search and the
soak run inside one offscreen app process each (benchmarks/in_process.py). No network.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from cold_start import compile_app, environment, launch  # noqa: E402
from library_load import measure as library_measure  # noqa: E402
from machine import machine, memory_after_idle  # noqa: E402
from package_speed import measure as package_measure  # noqa: E402
from stats_report import measure as stats_measure  # noqa: E402

SETTLE_S = 2.0  # after map ready, before the memory is read: stories are playing by then
VALIDATE_STORY = ROOT / "stories" / "october-1917"


def _median(values: list[float], digits: int = 3) -> float:
    return round(statistics.median(values), digits)


_T0 = time.monotonic()


def _log(text: str) -> None:
    print(f"[run {time.monotonic() - _T0:6.1f}s] {text}", file=sys.stderr, flush=True)


def cold_starts(reps: int, settle_s: float, warm_up: bool = True) -> dict:
    """Floor, app with three stories, app on the picker: alternating, `reps` rounds."""
    compile_app()
    if warm_up:  # the disk cache, so that neither side pays for it
        launch("floor", "map-ready")
        launch("play", "map-ready")
    floor_s, floor_mb, app_s, app_mb, picker_s, shown_s = [], [], [], [], [], []
    for rep in range(reps):
        floor = launch("floor", "map-ready", settle_s)
        # Until the panes show their first events and the page has drawn their markers.
        app = launch("play", "stories-shown", settle_s)
        picker = launch("picker", "picker-painted")
        floor_s.append(floor["seconds"])
        floor_mb.append(floor["memory_mb"])
        app_s.append(app["marks"]["map-ready"])
        shown_s.append(app["seconds"])
        app_mb.append(app["memory_mb"])
        picker_s.append(picker["seconds"])
        _log(f"cold start {rep + 1}/{reps}: floor {floor['seconds']:.2f}s "
             f"{floor['memory_mb']:.0f}MB, app map {app_s[-1]:.2f}s stories {app['seconds']:.2f}s"
             f" {app['memory_mb']:.0f}MB, picker {picker['seconds']:.2f}s")
    # A ratio per round (same conditions on both sides), then the median of the ratios.
    return {
        "startup_picker_s": _median(picker_s),
        "map_ready_s": _median(app_s),
        "floor_map_ready_s": _median(floor_s),
        "map_ready_ratio": _median([a / f for a, f in zip(app_s, floor_s, strict=True)]),
        "stories_shown_s": _median(shown_s),
        "stories_shown_ratio": _median([a / f for a, f in zip(shown_s, floor_s, strict=True)]),
        "memory_mb": _median(app_mb, 1),
        "floor_memory_mb": _median(floor_mb, 1),
        "memory_ratio": _median([a / f for a, f in zip(app_mb, floor_mb, strict=True)]),
        "cold_start_reps": reps,
        "startup_picker_runs_s": [round(t, 3) for t in picker_s],
        "map_ready_runs_s": [round(t, 3) for t in app_s],
        "floor_map_ready_runs_s": [round(t, 3) for t in floor_s],
        "stories_shown_runs_s": [round(t, 3) for t in shown_s],
        "processes_playing": app.get("processes"),
        "processes_floor": floor.get("processes"),
    }


def cli(reps: int) -> dict:
    """Wall time of `storyplayer --version` and `storyplayer validate` as subprocesses."""
    script = shutil.which("storyplayer", path=str(Path(sys.executable).parent))
    base = [script] if script else [sys.executable, "-m", "storyplayer"]
    env = environment(Path(os.devnull))
    env.pop("STORYPLAYER_PROBE")
    commands = {
        "cli_version_s": [*base, "--version"],
        "cli_validate_s": [*base, "validate", str(VALIDATE_STORY)],
        "cli_python_startup_s": [sys.executable, "-c", "pass"],  # the interpreter alone
    }
    for command in commands.values():  # once each to warm caches
        subprocess.run(command, env=env, capture_output=True, check=True)
    times: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(reps):
        for key, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True)
            times[key].append(time.perf_counter() - start)
    return {key: _median(values) for key, values in times.items()}


def in_process(what: str, *options: str, timeout_s: float = 1200) -> dict:
    env = environment(Path(os.devnull))
    env.pop("STORYPLAYER_PROBE")
    done = subprocess.run(
        [sys.executable, str(HERE / "in_process.py"), what, *options],
        env=env, capture_output=True, text=True, timeout=timeout_s,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"in_process {what} failed: {done.stderr[-2000:]}")
    return json.loads(lines[-1])


def in_process_editor(rounds: int, timeout_s: float = 600) -> dict:
    """The story editor's figures (benchmarks/editor.py) from one offscreen process."""
    env = environment(Path(os.devnull))
    env.pop("STORYPLAYER_PROBE")
    done = subprocess.run(
        [sys.executable, str(HERE / "editor.py"), "--rounds", str(rounds)],
        env=env, capture_output=True, text=True, timeout=timeout_s,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"editor benchmark failed: {done.stderr[-2000:]}")
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions, a short soak and a smaller library")
    parser.add_argument("--soak-minutes", type=float, default=None, metavar="N",
                        help="soak for N minutes (default 10, or 10 s with --quick)")
    args = parser.parse_args()
    quick = args.quick
    soak_s = 10.0 if quick else 600.0
    if args.soak_minutes is not None:
        soak_s = args.soak_minutes * 60
    started = time.time()
    result: dict = {"quick": quick, "load_average_start": [round(x, 2) for x in os.getloadavg()]}
    _log("command line")
    result.update(cli(3 if quick else 11))
    _log("library load")
    library = library_measure(50 if quick else 1000, repeat=3 if quick else 5)
    result["library_load_ms_per_story"] = library["library_load_ms_per_story"]
    for key in ("library_cold_load_ms_per_story", "library_floor_ms_per_story",
                "library_cold_ratio"):
        result[key] = library[key]
    result["library_stories"] = library["library_stories"]
    _log("story packages")
    result.update(package_measure(20, repeat=3 if quick else 5))
    _log("stats report")
    result.update(stats_measure(20_000 if quick else 200_000, repeat=3 if quick else 5))
    _log("cold starts")
    result.update(cold_starts(2, 0.5, warm_up=False) if quick else cold_starts(5, SETTLE_S))
    _log("the machine's charge for memory touched again after a pause")
    result.update(memory_after_idle(3 if quick else 5))
    _log("step latency")
    result.update(in_process("step", "--steps", "10" if quick else "60",
                             "--spaced-steps", "4" if quick else "30"))
    _log("step latency, recording visitor statistics")
    result.update(in_process("step", "--steps", "10" if quick else "60", "--record"))
    _log("search")
    result.update(in_process("search", "--stories", "100", "--rounds", "1") if quick
                  else in_process("search", "--stories", "1000"))
    _log("editor")
    result.update(in_process_editor(10 if quick else 40))
    _log("soak")
    result.update(in_process("soak", "--seconds", str(soak_s), timeout_s=soak_s + 600))
    _log("done")
    result["machine"] = machine()
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    result["total_s"] = round(time.time() - started, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
