"""The HTML map: content, escaping, determinism, and a real browser."""

import json
import re
import shutil
import subprocess

import pytest
from conftest import CORRIDOR, SEED, STATIONS, run_cli


def render(tmp_path, *extra, article=SEED, name="map.html"):
    out = tmp_path / name
    res = run_cli("map", article, "--rail", CORRIDOR, "--gazetteer", STATIONS, "-o", out, *extra)
    assert res.returncode == 0, res.stderr.decode()
    return out.read_text("utf-8")


def test_map_has_numbered_stops_legs_legend_and_credits(tmp_path):
    page = render(tmp_path)
    assert page.count("L.marker(") == 4 and page.count("bindPopup(") == 4
    assert page.count("L.polyline(") == 3
    assert "GeoNames" in page and "Natural Earth" in page and "ru_rail_stations_osm.geojson" in page
    assert json.dumps("प्योंगयांग")[1:-1] in page  # the mention as written, in the popup (a JSON string)
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_two_renders_are_byte_identical(tmp_path):
    assert render(tmp_path, name="a.html") == render(tmp_path, name="b.html")


HOSTILE = "<img src=x onerror=alert(1)></script><script>alert(2)</script>`${alert(3)}`\u2028\"'"


def test_hostile_title_and_article_leave_no_markup(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(f"The train left Pyongyang {HOSTILE} and arrived in Vladivostok {HOSTILE}.", "utf-8")
    page = render(tmp_path, "--title", HOSTILE, article=article)
    assert "<img src=x" not in page and "<script>alert" not in page and "${alert" not in page
    assert page.count("onerror=alert") == 0 or "onerror=alert(1)&gt;" in page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium is installed by .ci/run")
def test_self_contained_page_draws_offline_in_chromium(tmp_path):
    page = render(tmp_path, "--self-contained", name="self.html")
    assert not re.search(r"<script[^>]+src=", page) and not re.search(r"<link[^>]+href=", page)
    assert len(page.encode()) < 600_000
    res = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--dump-dom",
         (tmp_path / "self.html").as_uri()], capture_output=True, timeout=120)
    dom = res.stdout.decode()
    assert len(re.findall(r"<div[^>]*class=\"leaflet-marker-icon", dom)) == 4
    assert dom.count("gj-stop") >= 4
    assert len(re.findall(r'<path[^>]*class="leaflet-interactive"', dom)) >= 3  # the three legs
