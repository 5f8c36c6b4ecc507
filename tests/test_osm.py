"""OpenStreetMap rail (`--rail osm`) against a local Overpass stand-in serving real-format answers.

The stand-in's network is built from the shared data: the Natural Earth corridor's lines as OSM ways and the
OSM station list's stations and halts as nodes, plus an abandoned and a disused line that must be ignored.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import CORRIDOR, SEED, STATIONS, http_server, run_cli

PYONGYANG, VLADIVOSTOK = (39.03, 125.75), (43.11, 131.87)


def overpass_answer() -> bytes:
    """An Overpass `out tags geom` JSON answer for the Korea-Primorye corridor."""
    lines = json.loads(CORRIDOR.read_text("utf-8"))
    stations = json.loads(STATIONS.read_text("utf-8"))
    elements = []
    for k, f in enumerate(lines["features"]):
        g = f["geometry"]
        parts = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
        for part in parts:
            elements.append({"type": "way", "id": 1000 + len(elements), "nodes": list(range(len(part))),
                             "geometry": [{"lat": y, "lon": x} for x, y in part],
                             "tags": {"railway": "rail", "gauge": "1520", "usage": "main" if k % 2 else "branch"}})
    # a shortcut that no train takes: it must never carry a route
    shortcut = [{"lat": PYONGYANG[0], "lon": PYONGYANG[1]}, {"lat": VLADIVOSTOK[0], "lon": VLADIVOSTOK[1]}]
    elements.append({"type": "way", "id": 1, "geometry": shortcut, "tags": {"railway": "abandoned"}})
    elements.append({"type": "way", "id": 2, "geometry": shortcut, "tags": {"railway": "rail", "disused": "yes"}})
    for f in stations["features"]:
        x, y = f["geometry"]["coordinates"]
        if 38 <= y <= 45 and 124 <= x <= 133:
            p = f["properties"]
            elements.append({"type": "node", "id": int(p["osm_id"]), "lat": y, "lon": x,
                             "tags": {"railway": p.get("station_type") or "station", "name": p["name"]}})
    return json.dumps({"version": 0.6, "generator": "Overpass API stand-in", "osm3s": {"copyright": "ODbL"},
                       "elements": elements}).encode()


class Overpass(BaseHTTPRequestHandler):
    queries: list[str] = []
    answer = b""

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Overpass.queries.append(urllib.parse.parse_qs(body.decode())["data"][0] + " UA=" + self.headers["User-Agent"])
        if self.path == "/busy":
            self.send_error(429, "Too Many Requests")
            return
        if self.path == "/slow":
            time.sleep(4)
        payload = {"/bad": b"<html><body>An error occured</body></html>",
                   "/remark": b'{"elements": [], "remark": "runtime error: Query timed out"}'}.get(self.path, Overpass.answer)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # "/slow": the client gave up waiting, as the test means it to

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def overpass():
    Overpass.answer = overpass_answer()
    with http_server(Overpass) as url:
        yield url




def journey(*args, env):
    res = run_cli("journey", SEED, "--rail", "osm", *args, env=env)
    assert res.returncode == 0, res.stderr.decode()
    return json.loads(res.stdout), res.stderr.decode()


def test_osm_rail_and_stations_end_to_end_and_cached(overpass, fresh_cache):
    Overpass.queries.clear()
    env = {"GEOJOURNEY_OVERPASS_URL": overpass + "/api/interpreter", "GEOJOURNEY_CACHE_DIR": str(fresh_cache)}
    fc, _ = journey(env=env)
    stops = [f for f in fc["features"] if f["properties"]["kind"] == "stop"]
    legs = [f for f in fc["features"] if f["properties"]["kind"] == "leg"]
    # Khasan is found among OSM's stations, with no --gazetteer file
    assert [s["properties"]["name"] for s in stops] == ["Pyongyang", "Хасан", "Ussuriysk", "Vladivostok"]
    assert stops[1]["properties"]["source"].startswith("osm:node/")
    assert [leg["properties"]["mode"] for leg in legs] == ["rail"] * 3
    assert 650 <= legs[0]["properties"]["length_km"] <= 1000 and legs[0]["properties"]["bridges"] >= 1
    assert fc["rail_source"] == "osm"
    assert len(Overpass.queries) == 1
    q = Overpass.queries[0]
    assert 'way["railway"~"^(rail|narrow_gauge)$"]' in q and 'node["railway"~"^(station|halt)$"]' in q
    assert "UA=geojourney/" in q
    assert list((fresh_cache / "osm-rail").glob("*/lines.gpkg"))
    again, _ = journey(env=env)  # the corridor comes from the cache: no second query
    assert len(Overpass.queries) == 1 and again == fc


def test_osm_map_credits_openstreetmap(overpass, fresh_cache, tmp_path):
    env = {"GEOJOURNEY_OVERPASS_URL": overpass + "/api/interpreter", "GEOJOURNEY_CACHE_DIR": str(fresh_cache)}
    out = tmp_path / "m.html"
    res = run_cli("map", SEED, "--rail", "osm", "-o", out, env=env)
    assert res.returncode == 0, res.stderr.decode()
    page = out.read_text("utf-8")
    from geo.osm import OSM_RAIL_ATTRIBUTION, OSM_STATIONS_ATTRIBUTION
    from geo.render import js_value

    assert js_value(OSM_RAIL_ATTRIBUTION) in page and js_value(OSM_STATIONS_ATTRIBUTION) in page


@pytest.mark.parametrize("path, says", [
    ("/busy", "429"), ("/bad", "did not answer with Overpass JSON"), ("/remark", "could not finish the query"),
    ("/slow", "cannot reach Overpass")])
def test_overpass_failures_give_direct_legs_and_cache_nothing(overpass, fresh_cache, path, says):
    env = {"GEOJOURNEY_OVERPASS_URL": overpass + path, "GEOJOURNEY_CACHE_DIR": str(fresh_cache),
           "GEOJOURNEY_OVERPASS_TIMEOUT": "1.5"}
    fc, err = journey(env=env)
    assert says in err and "legs are drawn direct" in err and len(err.strip().splitlines()) == 1
    assert [f["properties"]["mode"] for f in fc["features"] if f["properties"]["kind"] == "leg"] == ["direct"] * 2
    assert not list((fresh_cache / "osm-rail").glob("*/lines.gpkg"))


def test_via_pins_the_route_through_a_named_place(tmp_path):
    """Ussuriysk to Vladivostok goes straight down the line, unless the report says the train went by Nakhodka."""
    import math

    article = tmp_path / "a.txt"
    article.write_text("The train left Ussuriysk and arrived in Vladivostok.", "utf-8")
    nakhodka = (42.82, 132.87)

    def closest_km(leg):
        return min(6371 * math.dist((math.radians(y), math.radians(x) * math.cos(math.radians(y))),
                                    (math.radians(nakhodka[0]), math.radians(nakhodka[1]) * math.cos(math.radians(y))))
                   for x, y in leg["geometry"]["coordinates"])

    def leg_of(*extra):
        res = run_cli("journey", article, "--rail", CORRIDOR, *extra)
        assert res.returncode == 0, res.stderr.decode()
        return [f for f in json.loads(res.stdout)["features"] if f["properties"]["kind"] == "leg"][0]

    plain, pinned = leg_of(), leg_of("--via", "Находка")
    assert plain["properties"]["mode"] == pinned["properties"]["mode"] == "rail"
    assert closest_km(plain) > 50 and closest_km(pinned) < 10
    assert pinned["properties"]["via"] == ["Nakhodka"] and pinned["properties"]["length_km"] > plain["properties"]["length_km"]
    bad = run_cli("journey", article, "--rail", CORRIDOR, "--via", "Xyzzyqqq")
    assert bad.returncode == 2 and b"--via" in bad.stderr and len(bad.stderr.splitlines()) == 1
