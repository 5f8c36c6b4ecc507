"""`geojourney data fetch geonames CODE...`: GeoNames full country files into the cache, from a local server
serving zips in GeoNames' real 19-column format (made here from the shared OpenStreetMap station list)."""

from __future__ import annotations

import io
import json
import zipfile
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import STATIONS, http_server, run_cli

from geo.resolve import haversine_km

KHASAN = (42.4299, 130.6447)


def _country_file(code: str) -> bytes:
    """A zip of ``{code}.txt`` with one GeoNames row per railway station of the shared OSM list."""
    fc = json.loads(STATIONS.read_text("utf-8"))
    rows = []
    for k, f in enumerate(fc["features"][:3000] + [g for g in fc["features"] if g["properties"]["name"] == "Хасан"]):
        lon, lat = f["geometry"]["coordinates"][:2]
        name = f["properties"]["name"]
        rows.append("\t".join([str(900000 + k), name, name, "", f"{lat:.5f}", f"{lon:.5f}", "S", "RSTN", code, "", "",
                               "", "", "", "0", "", "0", "Asia/Vladivostok", "2024-01-01"]))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{code}.txt", "\n".join(rows) + "\n")
    return buf.getvalue()


class Mirror(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path.endswith("/RU.zip"):
            body = _country_file("RU")
        elif self.path.endswith("/KP.zip"):
            body = b"<html>not a zip</html>"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def mirror():
    with http_server(Mirror) as url:
        yield url + "/export/dump/"


def test_a_fetched_country_file_places_what_cities500_lacks(mirror, fresh_cache):
    env = {"GEOJOURNEY_CACHE_DIR": str(fresh_cache)}
    res = run_cli("data", "fetch", "geonames", "ru", "--url", mirror, env=env)
    assert res.returncode == 0, res.stderr.decode()
    assert (fresh_cache / "geonames" / "RU.zip").is_file()
    assert "RU: 3,001 rows" in res.stderr.decode()
    article = fresh_cache / "a.txt"
    article.write_text("Поезд вышел из Уссурийска и к вечеру прибыл на станцию Хасан у границы.", "utf-8")
    res = run_cli("places", article, env=env)
    assert res.returncode == 0, res.stderr.decode()
    placed = {p["text"]: p for p in json.loads(res.stdout)}
    khasan = placed["Хасан"]
    assert khasan["feature"] == "station" and khasan["source"].startswith("geonames:")
    assert haversine_km(khasan["lat"], khasan["lon"], *KHASAN) < 1.0  # not Hassan in India
    # fetched once: a second fetch keeps the file and reads nothing from the network
    again = run_cli("data", "fetch", "geonames", "RU", "--url", "http://127.0.0.1:9/", env=env)
    assert again.returncode == 0, again.stderr.decode()


@pytest.mark.parametrize("code, why", [("KP", "not a GeoNames country file"), ("XK", "HTTP 404"),
                                       ("R1", "not a two-letter country code")])
def test_bad_downloads_and_codes_fail_in_one_line_and_write_nothing(mirror, fresh_cache, code, why):
    res = run_cli("data", "fetch", "geonames", code, "--url", mirror, env={"GEOJOURNEY_CACHE_DIR": str(fresh_cache)})
    err = res.stderr.decode()
    assert res.returncode == 2 and why in err and len(err.strip().splitlines()) == 1, err
    assert not [f for f in (fresh_cache / "geonames").glob("*") if not f.name.endswith(".lock")]
