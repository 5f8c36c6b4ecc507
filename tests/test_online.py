"""`--online`: only unresolved mentions go to Nominatim (a local stand-in answering in its real format),
cached in SQLite so nothing is asked twice; failures leave mentions unresolved, never a crash or a wrong place."""

from __future__ import annotations

import json
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import CORRIDOR, SEED, http_server, resolver_with_names, run_cli

KHASAN = {"place_id": 76213541, "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
          "osm_type": "node", "osm_id": 7024769923, "lat": "42.4299431", "lon": "130.6446533", "class": "railway",
          "type": "station", "place_rank": 30, "importance": 0.2, "addresstype": "railway", "name": "Хасан",
          "display_name": "Хасан, Хасанский район, Приморский край, Дальневосточный федеральный округ, Россия",
          "boundingbox": ["42.4298931", "42.4299931", "130.6446033", "130.6447033"]}
HASSAN_INDIA = dict(KHASAN, osm_id=1, lat="13.0033", lon="76.0963", name="Hassan", display_name="Hassan, Karnataka, India")
HALT = dict(KHASAN, osm_id=2, lat="43.79", lon="131.95", name="Qwzxbrook", display_name="Qwzxbrook, Primorsky Krai")


class Nominatim(BaseHTTPRequestHandler):
    asked: list[tuple[str, str, str]] = []

    def do_GET(self):  # noqa: N802
        path, _, query = self.path.partition("?")
        q = urllib.parse.parse_qs(query).get("q", [""])[0]
        Nominatim.asked.append((path, q, self.headers.get("User-Agent", "")))
        if path.startswith("/busy"):
            self.send_error(429, "Too Many Requests")
            return
        if path.startswith("/slow"):
            time.sleep(3)
        if path.startswith("/bad"):
            body = b"<html>Service Unavailable</html>"
        elif path.startswith("/far"):
            body = json.dumps([HASSAN_INDIA] if q in ("खासन", "Qwzxbrook") else []).encode()
        else:
            body = json.dumps([KHASAN] if q == "खासन" else [HALT] if q == "Qwzxbrook" else []).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting ("/slow": the timeout under test), as it should

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def nominatim():
    with http_server(Nominatim) as url:
        yield url




def journey(url, cache, *extra):
    res = run_cli("journey", SEED, "--rail", CORRIDOR, "--online", "--user-agent", "newsroom-test/1.0 (desk@example.org)",
                  *extra, env={"GEOJOURNEY_NOMINATIM_URL": url, "GEOJOURNEY_CACHE_DIR": str(cache),
                               "GEOJOURNEY_ONLINE_TIMEOUT": "1"})
    assert res.returncode == 0, res.stderr.decode()
    fc = json.loads(res.stdout)
    return fc, [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "stop"], res.stderr.decode()


def test_unresolved_mentions_are_placed_online_and_cached(nominatim, fresh_cache):
    Nominatim.asked.clear()
    fc, stops, _ = journey(nominatim, fresh_cache)
    assert [s["name"] for s in stops] == ["Pyongyang", "Хасан", "Ussuriysk", "Vladivostok"]
    assert stops[1]["source"].startswith("nominatim:") and abs(stops[1]["snap_km"]) < 5
    asked = [q for _, q, _ in Nominatim.asked]
    assert "खासन" in asked and "प्योंगयांग" not in asked  # only what the gazetteer could not place
    assert all(ua == "newsroom-test/1.0 (desk@example.org)" for _, _, ua in Nominatim.asked)
    assert (fresh_cache / "online-geocoding.sqlite").is_file()
    n = len(Nominatim.asked)
    again, _, _ = journey(nominatim, fresh_cache)
    assert len(Nominatim.asked) == n  # found and not found alike: never asked twice
    assert again["features"] == fc["features"]


@pytest.mark.parametrize("path", ["/busy", "/slow", "/bad"])
def test_failures_degrade_to_unresolved(nominatim, fresh_cache, path):
    fc, stops, err = journey(nominatim + path, fresh_cache)
    assert "Хасан" not in [s["name"] for s in stops]
    assert any(u["mention"] == "खासन" for u in fc["unresolved"])
    assert "online geocoding of 'खासन' failed" in err


def test_a_far_answer_is_not_taken(nominatim, fresh_cache):
    fc, stops, _ = journey(nominatim + "/far", fresh_cache)
    assert all(s["country_code"] != "IN" and s["name"] != "Hassan" for s in stops)
    assert any(u["mention"] == "खासन" and "far from the places" in u["reason"] for u in fc["unresolved"])


def _annotated_stop(url, cache, tmp_path, *extra):
    """The stop "Qwzxbrook" of a journey whose resolver places that name where (made-up) annotators put it."""
    weights = resolver_with_names(tmp_path / "own.json", {"qwzxbrook": [43.5, 132.3, "RU", "Qwzxbrook"]},
                                  ["news.jsonl"])
    article = tmp_path / "a.txt"
    article.write_text("The armoured train left Vladivostok on Monday and arrived in Qwzxbrook on Tuesday.", "utf-8")
    res = run_cli("journey", article, "--rail", CORRIDOR, *extra,
                  env={"GEOJOURNEY_NOMINATIM_URL": url, "GEOJOURNEY_CACHE_DIR": str(cache),
                       "GEOJOURNEY_RESOLVER_WEIGHTS": str(weights), "GEOJOURNEY_ONLINE_TIMEOUT": "1"})
    assert res.returncode == 0, res.stderr.decode()
    stops = [f["properties"] for f in json.loads(res.stdout)["features"] if f["properties"]["kind"] == "stop"]
    return next(s for s in stops if s["mention"] == "Qwzxbrook")


def test_a_name_placed_where_annotators_put_it_takes_the_geocoders_answer(nominatim, fresh_cache, tmp_path):
    offline = _annotated_stop(nominatim, fresh_cache, tmp_path)
    assert (offline["source"], offline["match"]) == ("annotated:qwzxbrook", "annotated")
    Nominatim.asked.clear()
    online = _annotated_stop(nominatim, fresh_cache, tmp_path, "--online")
    assert online["source"].startswith("nominatim:") and online["match"] == "online"
    assert [q for _, q, _ in Nominatim.asked] == ["Qwzxbrook"]  # not the places the gazetteer has


def test_a_far_answer_leaves_a_name_where_annotators_put_it(nominatim, fresh_cache, tmp_path):
    far = _annotated_stop(nominatim + "/far", fresh_cache, tmp_path, "--online")
    assert (far["source"], far["match"]) == ("annotated:qwzxbrook", "annotated")
