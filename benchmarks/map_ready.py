"""How long the map takes to be ready, against a floor, and how fast a story step is drawn.

    python benchmarks/map_ready.py [--reps 5]

Runs fresh processes, alternating: (a) the floor, a bare QWebEngineView loading Leaflet and
the same basemap JSON from a plain file:// page; (b) the app's MapView. Each is timed from
process start to the page's ready. The MapView run then steps three stories and measures
show -> shown. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyplayer.app import allow_chromium_as_root

STEPS = 60
# Steps come seconds apart in a story; 250 ms lets the previous step's view change finish,
# as it would. A second series sends each step the moment the last one is shown.
STEP_GAP_MS = 250

FLOOR_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="{leaflet}/leaflet.css">
<style>html,body,#map{{margin:0;height:100%}}</style>
<script src="{leaflet}/leaflet.js"></script></head>
<body><div id="map"></div><script>
function get(url) {{
  return new Promise(function (ok, fail) {{
    var x = new XMLHttpRequest(); x.open("GET", url);
    x.onload = function () {{ ok(JSON.parse(x.responseText)); }}; x.onerror = fail; x.send();
  }});
}}
function decode(f, s) {{
  var out = [], x = 0, y = 0;
  for (var i = 0; i < f.length; i += 2) {{ x += f[i]; y += f[i + 1]; out.push([y / s, x / s]); }}
  return out;
}}
var map = L.map("map", {{preferCanvas: true}}).setView([58.6, 25.0], 6);
Promise.all(["world", "europe", "baltic"].map(function (n) {{
  return get("{basemap}/" + n + ".json");
}})).then(function (regions) {{
  regions.slice(0, 2).forEach(function (d) {{
    L.polygon(d.land.map(function (r) {{ return [decode(r, d.scale)]; }}),
              {{fillColor: "#f3ead6", fillOpacity: 1, color: "#8c8272", weight: 0.7}}).addTo(map);
    L.polygon(d.water.map(function (r) {{ return [decode(r, d.scale)]; }}),
              {{fillColor: "#d9e3e6", fillOpacity: 1, weight: 0.6}}).addTo(map);
    L.polyline(d.rivers.map(function (r) {{ return decode(r, d.scale); }}),
               {{color: "#8fb0c2", weight: 0.9}}).addTo(map);
  }});
  requestAnimationFrame(function () {{ document.title = "ready"; }});
}});
</script></body></html>
"""


def child(kind: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    allow_chromium_as_root()
    if kind == "app":
        from storyplayer.map.scheme import register_scheme

        register_scheme()
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    loop = QEventLoop()
    result: dict = {}

    def done() -> None:
        print("READY", flush=True)
        loop.quit()

    if kind == "floor":
        from storyplayer.resources import leaflet_dir, resources_dir

        folder = Path(tempfile.mkdtemp())
        page = folder / "floor.html"
        page.write_text(
            FLOOR_PAGE.format(
                leaflet=leaflet_dir().as_uri(), basemap=(resources_dir() / "basemap").as_uri()
            )
        )
        view = QWebEngineView()
        view.titleChanged.connect(lambda t: done() if t == "ready" else None)
        view.resize(1200, 800)
        view.show()
        view.load(QUrl.fromLocalFile(str(page)))
        loop.exec()
    else:
        from storyplayer.map.map_view import MapView
        from storyplayer.model.map_protocol import MapEvent, MapStory

        view = MapView()
        view.ready.connect(done)
        view.resize(1200, 800)
        view.show()
        loop.exec()
        stories = [
            MapStory(
                slot,
                color,
                f"story {slot}",
                tuple(
                    MapEvent(57.5 + slot * 0.6 + i * 0.07, 22.5 + i * 0.3, f"Place {i}", "", 8)
                    for i in range(20)
                ),
            )
            for slot, color in enumerate(("#b03a2e", "#1f618d", "#7d6608"))
        ]
        view.set_options(reduced_motion=True)
        view.set_stories(stories)
        sent: dict[int, float] = {}
        latencies: list[float] = []
        gap = [STEP_GAP_MS]

        def on_shown(seq: int) -> None:
            latencies.append((time.perf_counter() - sent.pop(seq)) * 1000)
            if len(latencies) % STEPS == 0:
                loop.quit()
            else:
                QTimer.singleShot(gap[0], lambda: step(len(latencies)))

        def step(n: int) -> None:
            seq_time = time.perf_counter()
            seq = view.show_event(n % 3, (n // 3) % 20)
            sent[seq] = seq_time

        view.shown.connect(on_shown)
        QTimer.singleShot(0, lambda: step(0))
        loop.exec()
        result["latencies_ms"] = latencies[:]
        gap[0] = 0
        QTimer.singleShot(0, lambda: step(len(latencies)))
        loop.exec()
        result["back_to_back_ms"] = latencies[STEPS:]
    print(json.dumps(result), flush=True)
    sys.stdout.flush()
    os._exit(0)  # skip teardown: only the timings matter here
    app.exec()  # pragma: no cover (keeps `app` alive for linters)


def run_once(kind: str) -> tuple[float, dict]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    ready_s = None
    data: dict = {}
    for line in proc.stdout:
        if line.strip() == "READY" and ready_s is None:
            ready_s = time.perf_counter() - start
        elif line.startswith("{"):
            data = json.loads(line)
    proc.wait(timeout=120)
    if ready_s is None:
        raise RuntimeError(f"{kind} never became ready (exit {proc.returncode})")
    return ready_s, data


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--child", choices=("app", "floor"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    app_times, floor_times, latencies, back_to_back = [], [], [], []
    run_once("floor")  # warm the disk cache so neither side pays for it
    for _ in range(args.reps):
        floor_times.append(run_once("floor")[0])
        ready, data = run_once("app")
        app_times.append(ready)
        latencies += data.get("latencies_ms", [])
        back_to_back += data.get("back_to_back_ms", [])
    app_median, floor_median = statistics.median(app_times), statistics.median(floor_times)
    print(
        json.dumps(
            {
                "map_ready_s": round(app_median, 3),
                "floor_map_ready_s": round(floor_median, 3),
                "map_ready_ratio": round(app_median / floor_median, 3),
                "step_latency_p95_ms": round(p95(latencies), 2) if latencies else None,
                "step_latency_median_ms": round(statistics.median(latencies), 2)
                if latencies
                else None,
                "step_gap_ms": STEP_GAP_MS,
                "step_latency_back_to_back_p95_ms": round(p95(back_to_back), 2)
                if back_to_back
                else None,
                "reps": args.reps,
                "map_ready_runs_s": [round(t, 3) for t in app_times],
                "floor_map_ready_runs_s": [round(t, 3) for t in floor_times],
                "machine": {
                    "platform": platform.platform(),
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "qpa": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                },
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
