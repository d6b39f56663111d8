"""The map's place names (resources/basemap/labels.json, built by tools/build_labels.py):
towns, not the districts GeoNames lists as towns of their own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from build_labels import without_districts  # noqa: E402


def row(name: str, lat: float, lon: float, geonameid: int) -> tuple[int, list]:
    return 0, [name, "", lat, lon, 6, geonameid]


def test_a_district_of_a_far_better_known_place_nearby_is_left_out() -> None:
    rows = [row("Memphis", 35.1495, -90.0490, 1), row("New South Memphis", 35.0868, -90.0568, 2),
            row("West Memphis", 35.1465, -90.1845, 3), row("Germantown", 35.0868, -89.8101, 4)]
    fame = {1: 37, 2: 0, 3: 12, 4: 9}  # alternate names: how widely each is known
    kept = [r[0] for _, r in without_districts(rows, fame)]
    # 7 km from Memphis and unknown: a district; West Memphis (12 km, a town of its own
    # across the river) and Germantown (22 km) stay
    assert kept == ["Memphis", "West Memphis", "Germantown"]


def test_the_shipped_names_have_towns_not_districts() -> None:
    data = json.loads((ROOT / "resources" / "basemap" / "labels.json").read_text("utf-8"))
    names = {place[0] for place in data["places"]}
    assert {"Tallinn", "Tartu", "Helsinki", "Espoo", "Saint Petersburg", "Memphis"} <= names
    assert not names & {"Lasnamäe", "Mustamäe", "Kesklinn", "East Helsinki", "Kalininskiy",
                        "New South Memphis"}
