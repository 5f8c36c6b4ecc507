"""Odd and hostile input: any text, any rail or gazetteer file, the antimeridian, interrupted and concurrent work."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import CORRIDOR, NE_ZIP, ROOT, SEED, STATIONS, journey_of, run_cli
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

NAMES = ["Pyongyang", "Vladivostok", "Хасан", "प्योंगयांग", "블라디보스토크", "Moskau", "Kyiv", "Nome", "Anadyr"]
ODD = ["\u200d", "\u200b", "\u202e", "\u200f", "\u2028", "\u0301", "\u0308", "👩‍👩‍👧", "🚂", "\ufeff", "\x85", "\t",
       "\r\n", "ǅ", "ß", "İ", "ﬁ", "𝔄", "\U0010ffff", " ", "।", "."]


def legs_of(fc):
    return [f for f in fc["features"] if f["properties"]["kind"] == "leg"]


def stops_of(fc):
    return [f for f in fc["features"] if f["properties"]["kind"] == "stop"]


# ---- any text --------------------------------------------------------------------------------------------------

texts = st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(ODD), st.text(max_size=12),
                           st.sampled_from(["left", "arrived in", "by train to", "से रवाना", "прибыл в", " "])),
                 max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
@example(text="Vladivostok\r\nPyongyang")  # a name read across a line break stays inside its sentence
@example(text="Dr. Tunji Olaopa said Noma. Trinidad and Tobago/Washington, D.C. – Nancy Levan says Kyiv")
@example(text="Hon. Grantley Berkeley and Mrs. Walkden left St. Johns College. A. B. College Kyiv College, M. Mahé")
def test_any_text_never_breaks_the_text_stages(gazetteer, text):
    from geo import place_mentions
    from geo.journey import choose_stops
    from geo.rail import route_legs

    mentions = place_mentions(text, gazetteer)
    last = 0
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.start >= last  # real offsets, in order, no overlap
        assert m.sentence_start <= m.start and m.end <= m.sentence_end
        last = m.end
    stops, _ = choose_stops(text, mentions)
    assert [s.order for s in stops] == list(range(1, len(stops) + 1))
    legs = route_legs(stops, None)
    assert all(abs(b[0] - a[0]) <= 180 for leg in legs for a, b in zip(leg.coordinates, leg.coordinates[1:]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_renders_a_page_with_only_our_scripts(gazetteer, text):
    from geo import Journey, place_mentions
    from geo.journey import choose_stops
    from geo.rail import route_legs
    from geo.render import render_html

    def page_of(t):
        mentions = place_mentions(t, gazetteer)
        stops, warnings = choose_stops(t, mentions)
        return render_html(Journey(t, mentions, stops, route_legs(stops, None), warnings), t, tiles="none")

    page, plain = page_of(text), page_of("Moscow")
    assert page.count("<script") == plain.count("<script") and page.count("<style") == plain.count("<style")
    assert "\u2028" not in page.split("<script", 1)[1] and "\u2029" not in page.split("<script", 1)[1]


def test_a_name_repeated_100000_times(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Vladivostok. " * 100_000, "utf-8")
    t = time.perf_counter()
    res = run_cli("journey", article, "--rail", "none")
    assert res.returncode == 0, res.stderr.decode()
    assert [s["properties"]["name"] for s in stops_of(json.loads(res.stdout))] == ["Vladivostok"]
    assert time.perf_counter() - t < 120


def test_one_very_long_line_without_sentences(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The train left Moscow " + "and rolled on " * 200_000 + "and arrived in Vladivostok", "utf-8")
    res = run_cli("journey", article, "--rail", "none")
    assert res.returncode == 0, res.stderr.decode()
    assert [s["properties"]["name"] for s in stops_of(json.loads(res.stdout))] == ["Moscow", "Vladivostok"]


def test_an_article_over_the_size_limit_is_refused_in_one_line(tmp_path):
    from geo.pipeline import MAX_ARTICLE_BYTES

    article = tmp_path / "big.txt"
    with open(article, "wb") as fh:
        fh.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: no 25 MB written
    res = run_cli("journey", article, "--rail", "none")
    assert res.returncode == 2 and b"larger than 25 MB" in res.stderr and len(res.stderr.splitlines()) == 1
    res = run_cli("journey", "-", "--rail", "none", stdin=b"Moscow " * (MAX_ARTICLE_BYTES // 7 + 1))
    assert res.returncode == 2 and b"larger than 25 MB" in res.stderr


# ---- any rail layer ------------------------------------------------------------------------------------------------

def seed_on(layer):
    res = run_cli("journey", SEED, "--rail", layer, "--gazetteer", STATIONS)
    return res, (json.loads(res.stdout) if res.returncode == 0 else None)


def test_projected_rail_layer_gives_the_same_journey_and_a_missing_crs_is_refused(tmp_path):
    import geopandas as gpd

    original = gpd.read_file(CORRIDOR)
    original.to_crs("EPSG:3857").to_file(tmp_path / "mercator.gpkg", driver="GPKG")
    original.to_crs("EPSG:32652").to_file(tmp_path / "utm52.gpkg", driver="GPKG")
    _, base = seed_on(CORRIDOR)
    for name in ("mercator.gpkg", "utm52.gpkg"):
        res, fc = seed_on(tmp_path / name)
        assert res.returncode == 0, res.stderr.decode()
        assert [s["properties"]["name"] for s in stops_of(fc)] == [s["properties"]["name"] for s in stops_of(base)]
        for a, b in zip(legs_of(fc), legs_of(base)):
            assert a["properties"]["mode"] == b["properties"]["mode"] == "rail"
            assert a["properties"]["length_km"] == pytest.approx(b["properties"]["length_km"], rel=0.01)
    bare = original.to_crs("EPSG:3857").set_crs(None, allow_override=True)
    bare.to_file(tmp_path / "nocrs.gpkg", driver="GPKG")
    res, _ = seed_on(tmp_path / "nocrs.gpkg")
    assert res.returncode == 2 and b"no coordinate reference system" in res.stderr
    # a GeoJSON has no CRS member: metres read as degrees are caught, not drawn
    (tmp_path / "metres.geojson").write_text(bare.to_json(), "utf-8")
    res, _ = seed_on(tmp_path / "metres.geojson")
    assert res.returncode == 2 and b"not degrees" in res.stderr and len(res.stderr.splitlines()) == 1


def test_mixed_geometries_3d_and_empty_features_are_handled(tmp_path):
    import geopandas as gpd
    from shapely import GeometryCollection, LineString, MultiLineString, Point, Polygon

    lines = list(gpd.read_file(CORRIDOR).geometry)
    geoms = [MultiLineString([LineString([(x, y, 12.0) for x, y in g.coords]) for g in lines[:50]]) if lines else None]
    geoms += lines[50:] + [Point(130, 42), Polygon([(0, 0), (1, 0), (1, 1)]), LineString(), None,
                           GeometryCollection()]
    gpd.GeoDataFrame(geometry=geoms, crs="EPSG:4326").to_file(tmp_path / "mixed.gpkg", driver="GPKG")
    res, fc = seed_on(tmp_path / "mixed.gpkg")
    assert res.returncode == 0, res.stderr.decode()
    assert [leg["properties"]["mode"] for leg in legs_of(fc)] == ["rail"] * 3
    gpd.GeoDataFrame(geometry=[Point(130, 42)], crs="EPSG:4326").to_file(tmp_path / "points.gpkg", driver="GPKG")
    res, _ = seed_on(tmp_path / "points.gpkg")
    assert res.returncode == 2 and b"has no lines" in res.stderr


def test_a_layer_far_from_the_journey_gives_direct_legs_that_say_why(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The train left Lisbon and arrived in Madrid.", "utf-8")
    res = run_cli("journey", article, "--rail", CORRIDOR)
    legs = legs_of(json.loads(res.stdout))
    assert legs[0]["properties"]["mode"] == "direct" and "from the nearest rail line" in legs[0]["properties"]["note"]


def test_gazetteer_rows_with_problems_are_skipped_with_warnings_and_bad_files_refused(tmp_path):
    good = tmp_path / "semi.csv"
    good.write_text("name;lat;lon\nKhasan;42.43;130.64\n;42;130\nNowhere;95;10\nKhasan;42.43;130.64\n", "utf-8")
    res = run_cli("journey", SEED, "--rail", "none", "--gazetteer", good)
    assert res.returncode == 0, res.stderr.decode()
    err = res.stderr.decode()
    assert "skipped row(s) 2: no name" in err and "row(s) 3: coordinates missing or out of range" in err
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("name,lat,lon\nKhasan Gare,42.43,130.64\nOrléans,47.9,1.9\n".encode("latin-1"))
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("title,lat,lon\nKhasan,42.43,130.64\n", "utf-8")
    for bad, says in ((latin, b"cannot read it"), (nameless, b"no 'name' column")):
        res = run_cli("journey", SEED, "--rail", "none", "--gazetteer", bad)
        assert res.returncode == 2 and says in res.stderr and len(res.stderr.splitlines()) == 1


# ---- the whole globe -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("article", ["The plane left Anadyr and arrived in Nome.",
                                     "He left Vladivostok and arrived in Anchorage, then went on to Tokyo."])
def test_journeys_across_the_antimeridian_go_the_short_way(tmp_path, article):
    fc = journey_of(tmp_path, article, name="a.txt")
    path = tmp_path / "a.txt"
    for leg in legs_of(fc):
        xy = leg["geometry"]["coordinates"]
        assert all(abs(b[0] - a[0]) <= 180 for a, b in zip(xy, xy[1:]))
        assert leg["properties"]["length_km"] < 6000  # great-circle, not the way round the world
    for s in stops_of(fc):
        assert -180 <= s["geometry"]["coordinates"][0] <= 180
    out = tmp_path / "m.html"
    assert run_cli("map", path, "--rail", "none", "-o", out).returncode == 0
    page = out.read_text("utf-8")
    import re

    for coords in re.findall(r"L\.polyline\(\s*(\[\[.*?\]\])", page, re.S):
        pts = json.loads(coords)
        assert all(abs(b[1] - a[1]) <= 180 for a, b in zip(pts, pts[1:]))


def test_a_stop_at_the_pole_draws(tmp_path):
    gaz = tmp_path / "pole.csv"
    gaz.write_text("name,lat,lon\nNorth Pole,90,0\n", "utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The expedition left Longyearbyen and reached the North Pole.", "utf-8")
    out = tmp_path / "m.html"
    stops = ("--stops", "Longyearbyen; North Pole")
    res = run_cli("map", article, "--rail", "none", "--gazetteer", gaz, *stops, "-o", out, "--tiles", "none")
    assert res.returncode == 0, res.stderr.decode()
    page = out.read_text("utf-8")
    assert "NaN" not in page and "Infinity" not in page
    res = run_cli("map", article, "--rail", "none", "--gazetteer", gaz, *stops, "-o", out, "--self-contained",
                  "--tiles", "none")
    # a journey of one stop has no extent to fit the map to: it must still draw
    one = tmp_path / "one.html"
    single = tmp_path / "b.txt"
    single.write_text("Longyearbyen is cold in winter.", "utf-8")
    assert run_cli("map", single, "--rail", "none", "-o", one, "--self-contained", "--tiles", "none").returncode == 0
    if shutil.which("chromium"):
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
            for page, markers in ((out, 2), (one, 1)):
                pg = b.new_page()
                errors = []
                pg.on("pageerror", lambda e: errors.append(str(e)))
                pg.goto(page.as_uri())
                pg.wait_for_timeout(500)
                assert errors == [] and pg.locator(".leaflet-marker-icon").count() == markers, (page.name, errors)
            b.close()


# ---- interrupted and concurrent work --------------------------------------------------------------------------



def test_corrupt_cache_files_are_detected_and_rebuilt(fresh_cache):
    env = {"GEOJOURNEY_CACHE_DIR": str(fresh_cache)}
    first = run_cli("journey", SEED, "--rail", CORRIDOR, "--gazetteer", STATIONS, env=env)
    assert first.returncode == 0
    built = sorted(fresh_cache.glob("rail-*.npz")) + sorted(fresh_cache.glob("gazetteer-file-*.pickle"))
    assert len(built) == 2
    for f in built:
        f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])  # as if cut off
    again = run_cli("journey", SEED, "--rail", CORRIDOR, "--gazetteer", STATIONS, env=env)
    assert again.returncode == 0
    assert json.loads(again.stdout)["features"] == json.loads(first.stdout)["features"]
    assert again.stderr.decode().count("was unreadable") == 2
    assert sum("was unreadable" in w for w in json.loads(again.stdout)["warnings"]) == 2  # in the output too
    third = run_cli("journey", SEED, "--rail", CORRIDOR, "--gazetteer", STATIONS, env=env)
    assert b"unreadable" not in third.stderr  # rebuilt for good


def test_a_killed_build_leaves_nothing_a_later_run_trusts(fresh_cache):
    env = {**os.environ, "GEOJOURNEY_CACHE_DIR": str(fresh_cache)}
    cmd = [sys.executable, "-m", "geo.cli", "journey", str(SEED), "--rail", str(NE_ZIP), "--gazetteer", str(STATIONS)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(4)  # the global network is being built
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for f in list(fresh_cache.glob("*.npz")) + list(fresh_cache.glob("*.pickle")):
        assert not f.name.startswith(".")  # only whole files carry a real name; temporary ones start with a dot
    res = run_cli("journey", SEED, "--rail", NE_ZIP, "--gazetteer", STATIONS, env={"GEOJOURNEY_CACHE_DIR": str(fresh_cache)})
    assert res.returncode == 0, res.stderr.decode()
    assert b"unreadable" not in res.stderr
    assert [leg["properties"]["mode"] for leg in legs_of(json.loads(res.stdout))] == ["rail"] * 3


def test_two_processes_building_the_same_caches_agree(fresh_cache):
    env = {**os.environ, "GEOJOURNEY_CACHE_DIR": str(fresh_cache)}
    cmd = [sys.executable, "-m", "geo.cli", "journey", str(SEED), "--rail", str(CORRIDOR), "--gazetteer", str(STATIONS)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert outs[0][0] == outs[1][0] and b"unreadable" not in outs[0][1] + outs[1][1]
    assert len(list(fresh_cache.glob("rail-*.npz"))) == 1 and not list(fresh_cache.glob(".*.tmp"))


# ---- no silent wrongness ------------------------------------------------------------------------------------------

def test_every_assumption_is_in_the_output_and_on_the_map(tmp_path):
    """A spelling match, a long snap, a bridged gap, a direct leg: each is said in the GeoJSON and the page."""
    article = tmp_path / "a.txt"
    # Khasan by its Hindi spelling (transliterated), Pyongyang to Khasan over the Tumen gap, Tokyo off the rails
    article.write_text("किम की ट्रेन प्योंगयांग से रवाना हुई और खासन पहुंची। The train left Khasan and went on to Tokyo.",
                       "utf-8")
    res = run_cli("journey", article, "--rail", CORRIDOR, "--gazetteer", STATIONS)
    assert res.returncode == 0, res.stderr.decode()
    fc = json.loads(res.stdout)
    stops, legs = stops_of(fc), legs_of(fc)
    khasan = next(s for s in stops if s["properties"]["name"] == "Хасан")["properties"]
    assert khasan["match"] == "transliterated" and "similar spelling" in khasan["assumptions"][0]
    tokyo = next(s for s in stops if s["properties"]["name"] == "Tokyo")["properties"]
    assert tokyo["snap_km"] > 30
    assert any("gap(s) in the rail data" in a for a in legs[0]["properties"]["assumptions"])
    assert legs[0]["properties"]["bridged_gaps"]
    assert legs[-1]["properties"]["mode"] == "direct"
    assert any("straight line" in a for a in legs[-1]["properties"]["assumptions"])
    out = tmp_path / "m.html"
    assert run_cli("map", article, "--rail", CORRIDOR, "--gazetteer", STATIONS, "-o", out).returncode == 0
    page = out.read_text("utf-8")
    assert page.count("gj-assume") >= 2 and "similar spelling" in page and "straight line" in page
    assert '"className": "gj-gap"' in page and '"className": "gj-leg gj-direct"' in page


def test_a_long_snap_is_an_assumption():
    from geo.model import Mention, Place, Stop

    m = Mention(0, 5, "Nowhere", 0, 0, 5, match="exact")
    stop = Stop(1, Place("x:1", "Nowhere", 0, 0), [m], 1.0, "origin", "“left” near “Nowhere”", snap_km=12.5)
    assert stop.assumptions == ["the route starts or ends at the rail line 12.5 km away"]
    stop.snap_km = 0.4
    assert stop.assumptions == []
    stop.mentions = [Mention(0, 6, "Sondon", 0, 0, 6, match="misread")]
    assert stop.assumptions == ["“Sondon” was read as Nowhere with a letter a scanner misread"]
