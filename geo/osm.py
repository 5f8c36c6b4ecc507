"""OpenStreetMap rail for a journey's corridor, from the Overpass API, cached on disk.

One query per corridor fetches the rail lines (``railway=rail`` and
``narrow_gauge``; abandoned, disused and razed lines are other ``railway`` values
and never asked for, and lines marked disused are dropped) and the stations and
halts with every ``name:*`` they have. The answer is stored as a GeoPackage of
lines and a GeoJSON of stations in the user's cache, under a key made of the
corridor's bounds rounded outward to a tenth of a degree, so no corridor is
downloaded twice. ``$GEOJOURNEY_OVERPASS_URL`` names another Overpass server (a
mirror, or a local stand-in in tests).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .cache import build_lock, cache_dir
from .errors import DataError

OVERPASS_URL = "https://overpass-api.de/api/interpreter"
OSM_RAIL_ATTRIBUTION = 'Rail: <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)'
OSM_STATIONS_ATTRIBUTION = 'Stations: <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)'
USER_AGENT = f"geojourney/{__version__} (maps of journeys in news reports; Python urllib)"
#: Seconds to wait for Overpass (``$GEOJOURNEY_OVERPASS_TIMEOUT`` overrides).
TIMEOUT_S = 180
#: Margin around the stops, in degrees.
MARGIN_DEG = 0.5
#: A corridor larger than this (degrees of latitude times longitude) is refused: Overpass would time out.
MAX_AREA_DEG2 = 400.0
_DROP = {"disused", "abandoned", "razed", "construction", "proposed"}


@dataclass(frozen=True)
class Corridor:
    """South, west, north, east bounds in degrees, rounded outward to 0.1."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: list[tuple[float, float]], margin: float = MARGIN_DEG) -> Corridor:
        """The corridor around (lat, lon) points."""
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        return cls(max(-90.0, math.floor((min(lats) - margin) * 10) / 10),
                   max(-180.0, math.floor((min(lons) - margin) * 10) / 10),
                   min(90.0, math.ceil((max(lats) + margin) * 10) / 10),
                   min(180.0, math.ceil((max(lons) + margin) * 10) / 10))

    @property
    def key(self) -> str:
        return f"{self.south:.1f}_{self.west:.1f}_{self.north:.1f}_{self.east:.1f}"

    @property
    def area(self) -> float:
        return (self.north - self.south) * (self.east - self.west)

    def query(self) -> str:
        """The Overpass QL query for this corridor."""
        bbox = f"{self.south},{self.west},{self.north},{self.east}"
        return (f"[out:json][timeout:{TIMEOUT_S}];"
                f'(way["railway"~"^(rail|narrow_gauge)$"]({bbox});'
                f'node["railway"~"^(station|halt)$"]({bbox}););'
                "out tags geom;")


@dataclass(frozen=True)
class OsmRail:
    """The cached files of one corridor."""

    corridor: Corridor
    lines: Path  # GeoPackage of LineStrings with usage, service, name, osm_id
    stations: Path | None  # GeoJSON points with name, alternatenames, feature, osm_id (None: no station)


def fetch_corridor(corridor: Corridor, url: str | None = None) -> OsmRail:
    """The corridor's OSM rail lines and stations, from the cache or downloaded once.

    Raises
    ------
    DataError
        When Overpass cannot be reached, refuses (429, 504...), times out or answers something that is not
        an Overpass JSON answer with rail lines in it. Nothing is cached then.
    """
    folder = cache_dir() / "osm-rail" / corridor.key
    lines, stations = folder / "lines.gpkg", folder / "osm.geojson"
    if lines.is_file():
        return OsmRail(corridor, lines, stations if stations.is_file() else None)
    with build_lock(folder):
        return _fetch_into(corridor, folder, url)


def _fetch_into(corridor: Corridor, folder: Path, url: str | None) -> OsmRail:
    lines, stations = folder / "lines.gpkg", folder / "osm.geojson"
    if lines.is_file():  # fetched by another process while this one waited
        return OsmRail(corridor, lines, stations if stations.is_file() else None)
    if corridor.area > MAX_AREA_DEG2:
        raise DataError(f"the journey's corridor ({corridor.area:.0f} square degrees) is too large for one "
                        f"Overpass query; use --rail naturalearth or a rail file")
    answer = _ask_overpass(corridor.query(), url)
    line_gdf, station_gdf = _parse(answer)
    if line_gdf.empty:
        raise DataError("OpenStreetMap has no rail lines in the journey's corridor")
    # write beside the final place, then move in whole: a run killed half-way leaves nothing that is trusted
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{corridor.key}.", dir=folder.parent))
    try:
        line_gdf.to_file(tmp / "lines.gpkg", layer="lines", driver="GPKG")
        if not station_gdf.empty:
            station_gdf.to_file(tmp / "osm.geojson", driver="GeoJSON")
        try:
            os.replace(tmp, folder)
        except OSError:  # another process cached the same corridor meanwhile
            if not lines.is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return OsmRail(corridor, lines, stations if stations.is_file() else None)


def _ask_overpass(query: str, url: str | None) -> dict:
    url = url or os.environ.get("GEOJOURNEY_OVERPASS_URL") or OVERPASS_URL
    timeout = float(os.environ.get("GEOJOURNEY_OVERPASS_TIMEOUT", TIMEOUT_S + 20))
    body = urllib.parse.urlencode({"data": query}).encode()
    req = urllib.request.Request(url, data=body, headers={"User-Agent": USER_AGENT,
                                                          "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
    except urllib.error.HTTPError as exc:
        why = {429: "too many requests; try again in a minute", 504: "the server timed out"}.get(exc.code, exc.reason)
        raise DataError(f"Overpass at {url} answered {exc.code} ({why})") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DataError(f"cannot reach Overpass at {url} ({reason})") from None
    try:
        answer = json.loads(raw)
        elements = answer["elements"]
        if not isinstance(elements, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise DataError(f"Overpass at {url} did not answer with Overpass JSON") from None
    remark = str(answer.get("remark", ""))
    if "error" in remark.lower():
        raise DataError(f"Overpass at {url} could not finish the query: {remark[:200]}")
    return answer


def _parse(answer: dict):
    """Overpass JSON -> (lines, stations) GeoDataFrames in EPSG:4326."""
    import geopandas as gpd
    from shapely import LineString, Point

    lines, stations = [], []
    for el in answer["elements"]:
        tags = el.get("tags") or {}
        if not isinstance(tags, dict):
            continue
        if el.get("type") == "way" and tags.get("railway") in ("rail", "narrow_gauge"):
            if _DROP & {k for k, v in tags.items() if v == "yes"} or tags.get("railway:historic"):
                continue
            geom = [(p["lon"], p["lat"]) for p in el.get("geometry") or [] if isinstance(p, dict) and "lon" in p]
            if len(geom) >= 2:
                lines.append({"osm_id": f"way/{el.get('id')}", "usage": tags.get("usage"),
                              "service": tags.get("service"), "name": tags.get("name"),
                              "geometry": LineString(geom)})
        elif el.get("type") == "node" and tags.get("railway") in ("station", "halt") and tags.get("name"):
            if "lat" not in el or "lon" not in el:
                continue
            others = sorted({v for k, v in tags.items()
                             if (k.startswith(("name:", "alt_name", "old_name", "official_name", "int_name")))
                             and isinstance(v, str) and v != tags["name"]})
            stations.append({"osm_id": f"node/{el.get('id')}", "name": tags["name"],
                             "alternatenames": "|".join(others), "feature": "station",
                             "geometry": Point(el["lon"], el["lat"])})
    cols = ["osm_id", "usage", "service", "name", "geometry"]
    line_gdf = gpd.GeoDataFrame(lines, columns=cols, geometry="geometry", crs="EPSG:4326")
    station_gdf = gpd.GeoDataFrame(stations, columns=["osm_id", "name", "alternatenames", "feature", "geometry"],
                                   geometry="geometry", crs="EPSG:4326")
    return line_gdf, station_gdf
