"""The command line's contract, end to end on the seed with the real shared data."""

import json
import math

import pytest
from conftest import CORRIDOR, EXAMPLES, NE_ZIP, SEED, STATIONS, run_cli


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


EXPECTED = [(39.03, 125.75), (42.43, 130.64), (43.80, 131.96), (43.11, 131.87)]


def journey(*args):
    res = run_cli("journey", *args, "--format", "geojson")
    assert res.returncode == 0, res.stderr.decode()
    return json.loads(res.stdout)


def split(fc):
    stops = [f for f in fc["features"] if f["properties"]["kind"] == "stop"]
    legs = [f for f in fc["features"] if f["properties"]["kind"] == "leg"]
    return stops, legs


def test_seed_journey_with_stations_has_four_rail_stops():
    fc = journey(SEED, "--rail", NE_ZIP, "--gazetteer", STATIONS)
    stops, legs = split(fc)
    assert [s["properties"]["order"] for s in stops] == [1, 2, 3, 4]
    for stop, (lat, lon) in zip(stops, EXPECTED):
        x, y = stop["geometry"]["coordinates"]
        assert km(lat, lon, y, x) < 25, stop["properties"]
        for key in ("kind", "order", "name", "mention", "country_code", "confidence", "source"):
            assert key in stop["properties"]
    assert stops[0]["properties"]["source"].startswith("geonames:")
    assert [leg["properties"]["mode"] for leg in legs] == ["rail", "rail", "rail"]
    assert [(leg["properties"]["from_order"], leg["properties"]["to_order"]) for leg in legs] == [(1, 2), (2, 3), (3, 4)]
    assert 650 <= legs[0]["properties"]["length_km"] <= 1000  # through the bridged Tumen gap, not China
    assert legs[0]["properties"]["bridges"] >= 1
    assert isinstance(fc["unresolved"], list)


def test_seed_without_stations_never_goes_to_india():
    fc = journey(SEED, "--rail", NE_ZIP)
    stops, _ = split(fc)
    names = [s["properties"]["name"] for s in stops]
    assert "Hassan" not in names and all(s["properties"]["country_code"] != "IN" for s in stops)
    got = [tuple(reversed(s["geometry"]["coordinates"])) for s in stops]
    for lat, lon in [EXPECTED[0], EXPECTED[2], EXPECTED[3]]:
        assert any(km(lat, lon, y, x) < 25 for y, x in got)
    khasan_found = any(km(*EXPECTED[1], y, x) < 25 for y, x in got)
    assert khasan_found or any(u["mention"] == "खासन" for u in fc["unresolved"])


def test_stops_override_in_any_script():
    fc = journey(SEED, "--rail", CORRIDOR, "--stops", "प्योंगयांग; Владивосток")
    stops, legs = split(fc)
    assert [s["properties"]["name"] for s in stops] == ["Pyongyang", "Vladivostok"]
    assert legs[0]["properties"]["mode"] == "rail"


def test_rail_none_draws_direct_legs():
    fc = journey(SEED, "--rail", "none", "--gazetteer", STATIONS)
    _, legs = split(fc)
    assert legs and all(leg["properties"]["mode"] == "direct" for leg in legs)


def test_stop_far_from_rail_gets_a_direct_leg(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The train left Pyongyang and arrived in Vladivostok. Then the train went on to Tokyo.", "utf-8")
    fc = journey(article, "--rail", CORRIDOR)
    stops, legs = split(fc)
    assert [s["properties"]["name"] for s in stops][-1] == "Tokyo"
    assert legs[-1]["properties"]["mode"] == "direct" and legs[-1]["properties"]["note"]


def test_places_lists_mentions_with_offsets():
    res = run_cli("places", SEED, "--format", "json")
    assert res.returncode == 0
    places = json.loads(res.stdout)
    text = SEED.read_text("utf-8")
    for p in places:
        assert text[p["start"]:p["end"]] == p["text"]
        assert set(p) >= {"start", "end", "text", "name", "lat", "lon", "country_code", "feature", "source", "confidence"}
        if p["name"] is None:
            assert p["lat"] is None and p["lon"] is None
    assert any(p["name"] == "Pyongyang" for p in places)


def test_stdin_article():
    res = run_cli("places", "-", "--format", "json", stdin="The train reached Vladivostok.".encode())
    assert res.returncode == 0
    assert json.loads(res.stdout)[0]["name"] == "Vladivostok"


@pytest.mark.parametrize("content,needle", [
    (None, "not found"),
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ("Moskau liegt im Schnee".encode("latin-1").replace(b"o", b"\xf6"), "UTF-8"),
    (b"nothing to see here, just words.", "no places"),
])
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, content, needle):
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_bytes(content)
    out = tmp_path / "map.html"
    for args in (["journey", article, "--rail", "none"], ["map", article, "--rail", "none", "-o", out]):
        res = run_cli(*args)
        err = res.stderr.decode()
        assert res.returncode == 2, err
        assert needle in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert not out.exists()
    assert list(tmp_path.iterdir()) in ([], [article])


def test_missing_rail_or_gazetteer_file_is_a_clear_error(tmp_path):
    res = run_cli("journey", SEED, "--rail", tmp_path / "nope.shp")
    assert res.returncode == 2 and b"rail layer not found" in res.stderr
    res = run_cli("journey", SEED, "--gazetteer", tmp_path / "nope.geojson", "--rail", "none")
    assert res.returncode == 2 and b"gazetteer file not found" in res.stderr


def test_rail_layer_without_crs_is_refused(tmp_path):
    layer = tmp_path / "nocrs.geojson"
    layer.write_text(json.dumps({"type": "FeatureCollection", "crs": None, "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}]}))
    res = run_cli("journey", SEED, "--rail", layer)
    # GeoJSON is WGS84 by definition; a shapefile without .prj is the real case
    assert res.returncode in (0, 2) and b"Traceback" not in res.stderr


def test_csv_gazetteer(tmp_path):
    gaz = tmp_path / "extra.csv"
    gaz.write_text("name;lat;lon;country_code\nХасан;42.4299;130.6447;RU\n", "utf-8")
    fc = journey(SEED, "--rail", CORRIDOR, "--gazetteer", gaz)
    stops, _ = split(fc)
    assert any(km(42.43, 130.645, s["geometry"]["coordinates"][1], s["geometry"]["coordinates"][0]) < 2 for s in stops)


@pytest.mark.parametrize("name,expected", [
    ("kim-vladivostok-2019.ko.txt", [(39.03, 125.75), (43.80, 131.96), (43.11, 131.87)]),
    ("trans-siberian.ru.txt", [(55.75, 37.62), (56.84, 60.61), (55.03, 82.92), (52.29, 104.28), (43.11, 131.87)]),
    ("scholz-kyiv-2022.de.txt", [(49.78, 22.77), (49.84, 24.03), (50.45, 30.52)]),
    ("kim-hanoi-2019.en.txt", [(39.03, 125.75), (40.13, 124.39), (39.90, 116.40), (30.58, 114.27), (21.95, 106.70),
                               (21.02, 105.84)]),
])
def test_journeys_in_other_languages(name, expected):
    fc = journey(EXAMPLES / name, "--rail", NE_ZIP)
    stops, legs = split(fc)
    got = [tuple(reversed(s["geometry"]["coordinates"])) for s in stops]
    assert len(got) == len(expected), [s["properties"]["name"] for s in stops]
    for (lat, lon), (y, x) in zip(expected, got):
        assert km(lat, lon, y, x) < 25
    assert all(s["properties"]["country_code"] != "IN" for s in stops)
