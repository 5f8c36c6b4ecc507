"""The Python API: GeoDataFrames, the same page as the CLI, inline display, exports read by their own tools,
and a geopy-style offline geocoder."""

from __future__ import annotations

import io
import json

import pytest
from conftest import CORRIDOR, SEED, STATIONS, run_cli


@pytest.fixture(scope="module")
def seed_journey(session_cache):
    import geo

    return geo.read_journey(SEED, rail=str(CORRIDOR), gazetteers=[STATIONS], date="2023-09-12")


def test_read_journey_gives_geodataframes_with_the_cli_properties(seed_journey):
    stops, legs = seed_journey.stops, seed_journey.legs
    assert stops.crs.to_epsg() == 4326 and legs.crs.to_epsg() == 4326
    assert list(stops["name"]) == ["Pyongyang", "Хасан", "Ussuriysk", "Vladivostok"]
    assert list(legs["mode"]) == ["rail"] * 3
    fc = json.loads(run_cli("journey", SEED, "--rail", CORRIDOR, "--gazetteer", STATIONS, "--date", "2023-09-12").stdout)
    cli_keys = set(next(f for f in fc["features"] if f["properties"]["kind"] == "stop")["properties"])
    assert cli_keys <= set(stops.columns)
    assert stops.geometry.iloc[0].distance(__import__("shapely").Point(125.75, 39.03)) < 0.1
    assert seed_journey.to_geojson()["features"] == fc["features"]


def test_api_and_cli_make_the_same_page(seed_journey, tmp_path):
    out = tmp_path / "m.html"
    run_cli("map", SEED, "--rail", CORRIDOR, "--gazetteer", STATIONS, "--date", "2023-09-12", "-o", out)
    assert seed_journey.to_html() == out.read_text("utf-8")
    m = seed_journey.to_map()
    import folium

    folium.Marker([43.0, 131.9], tooltip="my layer").add_to(m)
    assert "my layer" in m.get_root().render()


def test_repr_html_is_an_iframe_with_the_whole_page(seed_journey):
    import html

    shown = seed_journey._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and "<script" not in shown  # nothing for a notebook to distrust
    page = html.unescape(shown.split('srcdoc="', 1)[1].split('" style=', 1)[0])
    assert page.count("L.marker(") == 4 and "cdn.jsdelivr" not in page


def test_exports_open_in_their_own_tools(seed_journey, tmp_path):
    import gpxpy
    import pandas as pd
    import pyogrio

    table = pd.read_csv(io.StringIO(seed_journey.export("csv")))
    assert list(table["title"]) == ["Pyongyang", "Хасан", "Ussuriysk", "Vladivostok"]
    assert abs(table["latitude"][0] - 39.03) < 0.05 and table["time"][0] == "2023-09-10"
    gpx = gpxpy.parse(seed_journey.export("gpx"))
    assert [w.name for w in gpx.waypoints][0] == "1. Pyongyang" and len(gpx.tracks) == 3
    assert gpx.waypoints[0].time.date().isoformat() == "2023-09-10"
    assert gpx.tracks[0].length_2d() / 1000 == pytest.approx(seed_journey.legs["length_km"][0], rel=0.05)
    kml = tmp_path / "j.kml"
    kml.write_text(seed_journey.export("kml"), "utf-8")
    layer = pyogrio.read_dataframe(kml)
    assert len(layer) == 7 and layer.geometry.iloc[0].geom_type == "Point"
    gpkg = tmp_path / "j.gpkg"
    seed_journey.to_file(gpkg)
    assert [name for name, _ in pyogrio.list_layers(gpkg)] == ["stops", "legs"]
    assert len(pyogrio.read_dataframe(gpkg, layer="legs")) == 3
    seed_journey.to_file(tmp_path / "j.parquet")
    import geopandas as gpd

    assert len(gpd.read_parquet(tmp_path / "j.stops.parquet")) == 4


def test_cli_exports_match(tmp_path):
    for fmt in ("csv", "gpx", "kml", "toml"):
        res = run_cli("journey", SEED, "--rail", "none", "--format", fmt)
        assert res.returncode == 0 and len(res.stdout) > 100, fmt


def test_offline_geocoder_speaks_geopy(gazetteer):
    from geopy.location import Location

    from geo import OfflineGeocoder

    g = OfflineGeocoder(gazetteer=gazetteer)
    loc = g.geocode("Владивосток")
    assert isinstance(loc, Location) and abs(loc.latitude - 43.11) < 0.1 and abs(loc.longitude - 131.87) < 0.1
    many = g.geocode("Springfield", exactly_one=False)
    assert len(many) > 3 and all(isinstance(x, Location) for x in many)
    near = g.geocode("Springfield", context=["Boston", "Worcester"])
    assert near.raw["country_code"] == "US" and abs(near.latitude - 42.1) < 0.2  # Springfield, Massachusetts
    assert g.geocode("Xyzzyqq") is None and g.geocode("Xyzzyqq", exactly_one=False) == []


def test_offline_geocoder_answers_as_the_pipeline_places_with_its_confidence(gazetteer):
    from geo import OfflineGeocoder, place_mentions

    g = OfflineGeocoder(gazetteer=gazetteer)
    # a country at the point the annotated corpora give it; a name no gazetteer has, where the annotators put it
    # (Cairo's Al Manyal); a town of many of its name: each first as the pipeline places it, with its confidence
    for name in ("Canada", "المنيل", "Springfield"):
        (m,) = place_mentions(name, gazetteer)
        found = g.geocode(name, exactly_one=False)
        assert (found[0].raw["source"], found[0].latitude, found[0].longitude, found[0].raw["confidence"]) == (
            m.place.source, m.place.lat, m.place.lon, m.confidence)
        assert 0.0 < m.confidence <= 1.0 and all(x.raw["confidence"] is None for x in found[1:])
        assert len({x.raw["source"] for x in found}) == len(found)  # the place chosen listed once
    assert g.geocode("المنيل").raw["match"] == "annotated"
