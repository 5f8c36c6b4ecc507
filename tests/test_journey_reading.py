"""Reading the journey as a reader does: stops versus mentions, order as travelled, mode per leg, times.

One article per language (tests/articles/), each told out of order, with a past or hypothetical trip, a place
where someone spoke, and more than one way of travel.
"""

from __future__ import annotations

import json
import math

import pytest
from conftest import NE_ZIP, ROOT, run_cli

ARTICLES = ROOT / "tests" / "articles"

CASES = {
    # file: (stops in travelled order, modes per leg, places that are context and why)
    "biden-kyiv.en.txt": (["Washington", "Ramstein", "Rzeszów", "Przemyśl", "Kyiv"], ["air", "air", "road", "rail"],
                          {"Moscow": "his father", "London": "said"}),
    "modi-varanasi.hi.txt": (["Delhi", "Kanpur", "Varanasi", "Lucknow"], ["rail", "rail", "air"],
                             {"Patna": "पिछली बार", "Mumbai": "कहा"}),
    "delegation-vladivostok.ru.txt": (["Moscow", "Khabarovsk", "Vladivostok"], ["air", "rail"],
                                      {"Irkutsk": "ранее", "Beijing": "where someone spoke"}),
    "president-busan.ko.txt": (["Seoul", "Daejeon", "Busan"], ["rail", "rail"], {"Gwangju": "부친", "Tokyo": "관리들"}),
    "scholz-kiew.de.txt": (["Berlin", "Rzeszów", "Przemyśl", "Kyiv"], ["air", "rail", "rail"],
                           {"Lviv": "damals", "Moscow": "kritisiert"}),
}


def read(name, *extra):
    res = run_cli("journey", ARTICLES / name, "--rail", NE_ZIP, *extra)
    assert res.returncode == 0, res.stderr.decode()
    fc = json.loads(res.stdout)
    stops = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "stop"]
    legs = [f for f in fc["features"] if f["properties"]["kind"] == "leg"]
    return fc, stops, legs


@pytest.mark.parametrize("name", sorted(CASES))
def test_stops_in_travelled_order_with_modes_and_context(name):
    expected, modes, context = CASES[name]
    fc, stops, legs = read(name)
    assert [s["name"].split("-")[0] for s in stops] == expected
    assert [leg["properties"]["mode"] for leg in legs] == modes
    assert stops[0]["role"] == "origin" and stops[-1]["role"] in ("destination", "planned")
    assert all(s["evidence"] for s in stops) and all(leg["properties"]["evidence"] for leg in legs)
    why = {c["name"]: c["evidence"] for c in fc["context"]}
    for place, word in context.items():
        assert word in why[place], (place, why.get(place))


def test_weekdays_resolve_against_the_article_date():
    _, stops, _ = read("biden-kyiv.en.txt", "--date", "2023-02-20")
    by_name = {s["name"].split("-")[0]: s for s in stops}
    assert by_name["Washington"]["time"] == "2023-02-19" and by_name["Washington"]["when"] == "early on Sunday"
    assert by_name["Kyiv"]["time"] == "2023-02-20"
    _, stops, _ = read("biden-kyiv.en.txt")  # no date: the words, no ISO date
    assert stops[0]["time"] is None and stops[0]["when"] == "early on Sunday"


def test_a_date_line_in_the_text_dates_the_stops(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("BERLIN, 12 September 2023 - Der Zug verließ Berlin am Sonntag und erreichte Warschau "
                       "am Montag.", "utf-8")
    res = run_cli("journey", article, "--rail", "none")
    stops = [f["properties"] for f in json.loads(res.stdout)["features"] if f["properties"]["kind"] == "stop"]
    assert [(s["name"], s["time"]) for s in stops] == [("Berlin", "2023-09-10"), ("Warsaw", "2023-09-11")]


def test_a_bad_date_is_one_line():
    res = run_cli("journey", ARTICLES / "biden-kyiv.en.txt", "--rail", "none", "--date", "20/02/2023")
    assert res.returncode == 2 and b"--date must be YYYY-MM-DD" in res.stderr


def test_the_seed_reads_as_the_reader_does():
    res = run_cli("journey", ROOT / "assets/examples/kim-russia-2023.hi.txt", "--rail", NE_ZIP, "--gazetteer",
                  ROOT.parent / "shared/data/stations/ru_rail_stations_osm.geojson", "--date", "2023-09-12")
    fc = json.loads(res.stdout)
    stops = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "stop"]
    assert [(s["name"], s["role"]) for s in stops] == [("Pyongyang", "origin"), ("Хасан", "via"),
                                                      ("Ussuriysk", "via"), ("Vladivostok", "planned")]
    assert stops[0]["time"] == "2023-09-10" and stops[0]["when"] == "रविवार दोपहर"
    assert stops[1]["time"] == "2023-09-12"
    why = {c["name"]: c["evidence"] for c in fc["context"]}
    assert "dateline" in why["Seoul"] and "कहा" in why["Moscow"] and "context" in why["Ukraine"]


def test_air_legs_follow_the_great_circle_and_road_legs_are_straight():
    _, _, legs = read("delegation-vladivostok.ru.txt")
    air = legs[0]
    xy = air["geometry"]["coordinates"]
    assert len(xy) > 50  # an arc, not a chord
    from pyproj import Geod

    _, _, metres = Geod(ellps="WGS84").inv(*xy[0], *xy[-1])
    assert air["properties"]["length_km"] == pytest.approx(metres / 1000, rel=1e-3)
    mid = xy[len(xy) // 2]
    assert mid[1] > (xy[0][1] + xy[-1][1]) / 2 + 1  # bowed towards the pole, as great circles are
    _, _, legs = read("biden-kyiv.en.txt")
    road = legs[2]
    assert len(road["geometry"]["coordinates"]) == 2 and "not computed" in road["properties"]["note"]


def test_modes_are_styled_and_labelled_in_the_map(tmp_path):
    out = tmp_path / "m.html"
    res = run_cli("map", ARTICLES / "biden-kyiv.en.txt", "--rail", NE_ZIP, "-o", out, "--date", "2023-02-20")
    assert res.returncode == 0, res.stderr.decode()
    page = out.read_text("utf-8")
    for mode, label in (("air", "by air"), ("road", "by road"), ("rail", "by rail")):
        assert f'"className": "gj-leg gj-{mode}"' in page and label in page
    assert "<time datetime='2023-02-19'>" in page


def test_an_article_with_no_word_of_travel_mode_is_assumed_rail_and_says_so(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The delegation left Moscow and arrived in Yekaterinburg.", "utf-8")
    res = run_cli("journey", article, "--rail", NE_ZIP)
    leg = [f for f in json.loads(res.stdout)["features"] if f["properties"]["kind"] == "leg"][0]["properties"]
    assert leg["mode"] == "rail" and any("assumed by rail" in a for a in leg["assumptions"])
    assert math.isclose(leg["length_km"], 1599, rel_tol=0.1)
