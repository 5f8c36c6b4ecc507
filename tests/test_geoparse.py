"""Geoparsing of news text: the trained recogniser, regions and countries where GeoNames puts them, the
fitted resolver and its confidence, Arabic spellings, and the training command that makes the shipped models."""

from __future__ import annotations

import json
import os
import re

import numpy as np

from conftest import EVAL, run_cli

from geo import place_mentions
from geo.resolve import haversine_km
from geo.text import name_key


def _placed(text, gazetteer, lang=None):
    return {m.text: m for m in place_mentions(text, gazetteer, lang)}


def _near(m, lat, lon, km=161):
    assert m.place is not None, m.reason
    d = haversine_km(m.place.lat, m.place.lon, lat, lon)
    assert d <= km, f"{m.text} -> {m.place.name} ({m.place.lat}, {m.place.lon}) is {d:.0f} km away"


def test_regions_and_countries_sit_where_geonames_puts_them(gazetteer):
    text = ("Floods hit Tamil Nadu and Karnataka on Monday, officials in Chennai said. Russia and the United States "
            "sent aid, and a team from Orange County, California, flew in from Texas.")
    m = _placed(text, gazetteer)
    _near(m["Tamil Nadu"], 10.75, 78.75)  # GeoNames: Tamil Nādu state
    _near(m["Karnataka"], 13.5, 76.0)
    _near(m["Russia"], 60.0, 100.0)  # GeoNames' Russia, not Moscow
    _near(m["United States"], 39.76, -98.5)
    _near(m["Texas"], 31.25, -99.25)
    _near(m["California"], 37.25, -119.75)
    assert m["Texas"].place.feature == m["California"].place.feature == "region"


def test_areas_sit_where_the_annotated_corpora_agree_they_are(gazetteer, tmp_path, monkeypatch):
    # the shipped resolver places the areas the training corpora name often and agree on where they put them:
    # Japan at GeoNames' point (Tokyo), 187 km from the middle of its land; the Middle East at 33.1, 35.9;
    # Ontario at 49.3, -84.5, not the middle of its towns
    text = "Japan and the Middle East, Ontario officials said, will send aid. Canada pledged more."
    m = _placed(text, gazetteer)
    _near(m["Japan"], 35.69, 139.75, 20)
    _near(m["Middle East"], 33.14, 35.86, 20)
    _near(m["Ontario"], 49.25, -84.50, 20)
    # Canada where two corpora of three put it (GeoWebNews and GeoCorpora, at GeoNames' point), though the third
    # (LGL, at 60.0, -96.0) names it more often
    _near(m["Canada"], 60.11, -113.64, 20)
    # a resolver of one's own brings its own points (or none)
    from importlib import resources

    from geo import resolve

    weights = json.loads((resources.files("geo.data") / "resolver.json").read_text("utf-8"))
    japan = m["Japan"].place.source
    for points, where in (({japan: [35.0, 135.0]}, (35.0, 135.0)), ({}, (36.0, 137.72))):
        own = tmp_path / f"own{len(points)}.json"
        own.write_text(json.dumps({**weights, "points": points}), "utf-8")
        monkeypatch.setenv("GEOJOURNEY_RESOLVER_WEIGHTS", str(own))
        resolve._fitted.cache_clear()
        try:
            _near(_placed(text, gazetteer)["Japan"], *where, 5)
        finally:
            monkeypatch.delenv("GEOJOURNEY_RESOLVER_WEIGHTS")
            resolve._fitted.cache_clear()
    # a point off the globe is refused, with the file named
    import pytest

    from geo.errors import DataError

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**weights, "points": {japan: [95.0, 10.0]}}), "utf-8")
    monkeypatch.setenv("GEOJOURNEY_RESOLVER_WEIGHTS", str(bad))
    resolve._fitted.cache_clear()
    try:
        with pytest.raises(DataError, match="bad.json"):
            place_mentions(text, gazetteer)
    finally:
        monkeypatch.delenv("GEOJOURNEY_RESOLVER_WEIGHTS")
        resolve._fitted.cache_clear()


def test_area_points_are_learned_only_where_enough_mentions_agree():
    from geo.train import usual_points

    tokyo, osaka, minnesota = (35.69, 139.75), (34.69, 135.50), (44.67, -93.63)
    found = usual_points([{"japan": [tokyo, tokyo, osaka, tokyo],  # three of four within 161 km of the middle
                           "one": [osaka],  # one mention, and none elsewhere
                           "split": [tokyo, osaka, minnesota]}])  # no two thirds agree
    assert sorted(found) == ["japan", "one"] and haversine_km(*found["japan"], *tokyo) < 30
    assert haversine_km(*found["one"], *osaka) < 1
    # every corpus weighs the same: one naming Canada 25 times at 60, -96 does not outvote two naming it
    # 13 and 6 times at GeoNames' point; each corpus alone is its own median
    geonames, older = (60.1087, -113.6426), (60.0, -96.0)
    found = usual_points([{"canada": [older] * 25}, {"canada": [geonames] * 13}, {"canada": [geonames] * 6}])
    assert haversine_km(*found["canada"], *geonames) < 1
    assert usual_points([{"canada": [older] * 25 + [geonames] * 19}]) == {}  # counted by mention: 57 % agree
    # two corpora that disagree, each sure of its point, place the area nowhere
    assert usual_points([{"canada": [older] * 25}, {"canada": [geonames] * 3}]) == {}


def test_an_area_moves_to_where_two_conventions_agree_only_if_the_first_loses_nothing():
    from geo.train import shared_points, usual_points

    # the news put Saudi Arabia at GeoNames' 25, 45; another corpus 275 km west: a point between suits both;
    # Canada at Ottawa is 2,000 km from the news's point: no point suits both, and the news's stays
    news_saudi, other_saudi = (25.0, 45.0), (25.62, 42.35)
    news_canada, ottawa = (60.11, -113.64), (45.42, -75.70)
    news = [{"saudi": [news_saudi] * 8, "canada": [news_canada] * 5}, {"saudi": [news_saudi] * 2}]
    other = [{"saudi": [other_saudi] * 90, "canada": [ottawa] * 3}]
    points = usual_points(news)
    moved = shared_points(points, news, other)
    assert moved["canada"] == points["canada"]
    assert max(haversine_km(*moved["saudi"], *p) for p in (news_saudi, other_saudi)) < 150
    # a news mention the middle point would lose keeps the area where the news put it
    east = (25.0, 46.5)  # 151 km east of the news's point, 300 km from the middle
    news = [{"saudi": [news_saudi] * 8 + [east]}]
    points = usual_points(news)
    assert shared_points(points, news, other) == points

def test_a_mentions_gold_point_teaches_only_the_area_it_means(gazetteer):
    from geo.train import resolver_examples

    # "Franklin County" names two dozen counties; the gold point (Columbus, Ohio) is the point of the one
    # nearest it, not of Franklin County, Kentucky, 200 km away, nor of any other within 1,500 km
    doc = {"id": 1, "text": "Deputies in Franklin County searched the river.",
           "toponyms": [{"start": 12, "end": 27, "lat": 39.97, "lon": -83.01}]}
    points: dict = {}
    resolver_examples([doc], gazetteer, points)
    [(source, where)] = points.items()
    county = next(p for p in gazetteer.exact(name_key("Franklin County")) if p.source == source)
    assert where == [(39.97, -83.01)] and haversine_km(county.lat, county.lon, 39.97, -83.01) < 30


def test_a_county_learns_no_point_far_from_it(gazetteer):
    from geo.train import resolver_examples

    # Cuyahoga County annotated at Cleveland teaches its point; annotated 300 km away (a state's point, another
    # place's), nothing: a county is small, and 1,500 km is the room a country's or a state's point has
    text = "Flooding hit Cuyahoga County on Monday."
    for (lat, lon), learned in (((41.50, -81.69), True), ((43.00, -75.50), False)):
        points: dict = {}
        resolver_examples([{"id": 1, "text": text, "toponyms": [{"start": 13, "end": 28, "lat": lat, "lon": lon}]}],
                          gazetteer, points)
        assert bool(points) == learned


def test_a_corpus_of_points_only_places_the_areas_the_others_never_name(tmp_path, session_cache):
    from geo.train import main

    def corpus(name, docs):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({"id": k, "text": text, "toponyms": [
            {"start": text.index(word), "end": text.index(word) + len(word), "lat": lat, "lon": lon}
            for word, lat, lon in spans]}) + "\n" for k, (text, spans) in enumerate(docs)), "utf-8")
        return str(path)

    paris = ("Talks in Paris ended.", [("Paris", 48.86, 2.35)])
    canada = ("Canada sent aid.", [("Canada", 60.11, -113.64)])
    main_corpus = corpus("news", [paris, paris, canada, canada, canada])
    # a corpus that puts Canada at Ottawa and Ecuador at Quito: Canada the news name, Ecuador they never do
    extra = corpus("tweets", [("Canada is cold.", [("Canada", 45.42, -75.70)])] * 3
                   + [("Ecuador shook.", [("Ecuador", -0.22, -78.51)])] * 3)
    alone, both = tmp_path / "alone.json", tmp_path / "both.json"
    main(["resolver", main_corpus, "-o", str(alone)])
    main(["resolver", main_corpus, "--points-from", extra, "-o", str(both)])
    alone, both = (json.loads(f.read_text("utf-8")) for f in (alone, both))
    assert both["weights"] == alone["weights"] and both["points_also_from"] == ["tweets.jsonl"]
    added = {source: point for source, point in both["points"].items() if source not in alone["points"]}
    assert len(added) == 1 and haversine_km(*next(iter(added.values())), -0.22, -78.51) < 1  # Ecuador
    assert both["points"].items() >= alone["points"].items()  # Canada where the news put it


def test_names_no_gazetteer_has_are_placed_where_the_annotators_put_them(tmp_path, session_cache, gazetteer):
    from geo import resolve
    from geo.train import main

    def doc(text, spans):
        return {"id": len(text), "text": text, "toponyms": [
            {"start": text.index(word), "end": text.index(word) + len(word), "lat": lat, "lon": lon}
            for word, lat, lon in spans]}

    valley = ("Rescuers reached the Qwzxbrook Valley near Denver.", [("Qwzxbrook Valley", 39.9, -105.4),
                                                                     ("Denver", 39.74, -104.98)])
    docs = [doc(*valley), doc("Snow closed #Qwzxbrook_Valley again.", [("Qwzxbrook_Valley", 39.91, -105.41)]),
            # a name said once that is also an everyday word; a word for a kind of place alone (the governorate)
            doc("They met at Breakfast.", [("Breakfast", 10.0, 10.0)]),
            *[doc("أمطار غزيرة في المحافظة", [("المحافظة", 29.3 + k, 47.9)]) for k in range(12)],
            # ... which is learned where the annotators name it often and nearly always at one place
            *[doc("أمطار غزيرة في المملكة", [("المملكة", 25.6, 42.4)]) for k in range(10)],
            # a name the annotators put in places far apart is learned nowhere
            *[doc("The Zqxville fire spread.", [("Zqxville", lat, -120.0)]) for lat in (35.0, 45.0)],
            # a name whose towns in the gazetteer all lie far from where they put it is learned (Mati: the
            # Philippine city, not the Greek resort); an area's name is placed as areas are, never so
            *[doc("Fire reached Mati.", [("Mati", 38.05, 23.99)]) for _ in range(2)],
            *[doc("Canada sent aid.", [("Canada", 10.0, 10.0)]) for _ in range(2)],
            # nor is a number, which names no place ("215", an area code)
            *[doc("Call 215 now.", [("215", 39.95, -75.16)]) for _ in range(2)]]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    own = tmp_path / "own.json"
    main(["resolver", str(corpus), "-o", str(own)])
    learned = json.loads(own.read_text("utf-8"))
    assert learned["names_from"] == ["news.jsonl"]
    assert set(learned["names"]) == {"qwzxbrook valley", name_key("المملكة"), "mati"}
    lat, lon, country, name = learned["names"]["qwzxbrook valley"]
    assert haversine_km(lat, lon, 39.905, -105.405) < 2 and country == "US" and name == "Qwzxbrook Valley"
    text = "The storm cut off the Qwzxbrook Valley, west of Denver. Colorado sent help."
    assert _placed(text, gazetteer)["Qwzxbrook Valley"].place is None  # the shipped resolver does not know it
    os.environ["GEOJOURNEY_RESOLVER_WEIGHTS"] = str(own)
    resolve._fitted.cache_clear()
    try:
        m = _placed(text, gazetteer)["Qwzxbrook Valley"]
        _near(m, 39.905, -105.405, 2)
        assert (m.match, m.place.source, m.confidence) == ("annotated", "annotated:qwzxbrook valley", 0.9)
        assert resolve.annotated_credit() == "Places no gazetteer has: where the annotators of news put them"
    finally:
        del os.environ["GEOJOURNEY_RESOLVER_WEIGHTS"]
        resolve._fitted.cache_clear()


def test_the_shipped_resolver_places_names_its_corpora_annotate_and_no_gazetteer_has(gazetteer):
    # IDRISI's Cairo district of Al Manyal, with a prefix (in Al Manyal) and a word for its kind (the area of);
    # Kuwait's Umm al-Hayman; a name GeoNames has is still GeoNames' (Cairo)
    text = "وصل المصابون إلى المنيل ثم بالمنيل وفي منطقة المنيل، وأمطار في أم الهيمان، ثم عادوا إلى القاهرة"
    m = {x.text: x for x in place_mentions(text, gazetteer, "ar")}
    for said in ("المنيل", "بالمنيل", "منطقة المنيل"):
        _near(m[said], 30.02, 31.23, 3)
        assert m[said].match == "annotated"
    _near(m["أم الهيمان"], 28.87, 48.08, 20)
    assert m["القاهرة"].place.source.startswith("geonames:")
    # a name the gazetteer has only far from where the corpora put it: theirs where the story's other places lie
    # near it ("Mati" beside Athens: in Greece, as IDRISI puts it), the gazetteer's otherwise (the Philippine city)
    mati = _placed("Wildfires killed dozens in Mati, east of Athens.", gazetteer)["Mati"]
    assert mati.match == "annotated" and mati.place.country_code == "GR"
    for text in ("Floods hit Mati on Mindanao.", "Mati is flooded."):
        _near(_placed(text, gazetteer)["Mati"], 6.96, 126.22, 10)
    # "White House", which GeoCorpora marks "the White House": where they put it, not Casablanca, one of whose names
    # it is, though Fallston, Maryland, once White House, lies within 161 km of it; White House, Tennessee, by its state
    m = _placed("The President returned to the White House on Tuesday after a trip to Ohio.", gazetteer)
    _near(m["White House"], 38.90, -77.04, 2)
    _near(_placed("He grew up in White House, Tennessee, near Nashville.", gazetteer)["White House"], 36.47, -86.65, 5)
    # "the Atlantic": the ocean, where the corpora put it, not Atlantic, Iowa; "the Moscow summit" is Moscow's
    _near(_placed("The liner spent six days crossing the Atlantic before it docked in Brooklyn.", gazetteer)["Atlantic"],
          10.0, -25.0, 10)
    _near(_placed("Officials prepared the Moscow summit.", gazetteer)["Moscow"], 55.75, 37.62, 20)
    # a name before what it names ("the DeKalb City Council") is not the one the annotators put elsewhere (DeKalb
    # County, Georgia)
    assert _placed("The plan was approved by the DeKalb City Council Monday.", gazetteer)["DeKalb"].match != "annotated"
    from geo.resolve import annotated_credit
    assert annotated_credit() == "Places no gazetteer has: where the annotators of GeoWebNews, LGL, GeoCorpora, IDRISI " \
        "put them"


def test_world_regions_that_span_countries_lie_among_them(gazetteer):
    # the Middle East is not the village of that name in Maryland; the UN's regions by their
    # everyday names, their people's and other languages' (CLDR) names
    text = ("Tensions rose across the Middle East. Storms battered the Caribbean, flights to West Africa were "
            "cancelled and Central American migrants reached the border.")
    m = _placed(text, gazetteer)
    # the gazetteer puts each in the middle of its countries (the resolver then moves the Middle East and West
    # Africa where the annotated corpora agree they are: 33.1, 35.9 and 18.3, -4.8)
    for name, lat, lon in (("Middle East", 29.1, 42.8), ("Caribbean", 16.8, -66.3), ("West Africa", 10.3, -6.5),
                           ("Central American", 14.6, -88.2)):
        assert m[name].place.feature == "continent" and not m[name].place.country_code, name
        region = next(p for p in gazetteer.exact(name_key(name)) if p.source == m[name].place.source)
        assert haversine_km(region.lat, region.lon, lat, lon) <= 50, name
    _near(m["Caribbean"], 16.8, -66.3, km=50)
    _near(m["West Africa"], 18.3, -4.8, km=50)
    for other, english in (("الشرق الأوسط", "Middle East"), ("Ближний Восток", "Middle East"), ("Karibik", "Caribbean"),
                           ("Südostasien", "Southeast Asia"), ("한반도", "Korean Peninsula")):
        assert english in {p.name for p in gazetteer.exact(name_key(other))}, other
    # a region is a place's context, never a stop of a journey
    assert m["Middle East"].place.is_context
    # nor is it the hamlet of Maryland in a story from Washington that names Maryland: a part of the world by its
    # own name is never a town of under 100,000 of that name
    m = _placed("WASHINGTON (Reuters) - U.S. senators from Maryland and Virginia said the arms sale to Saudi Arabia "
                "would shift the balance of power in the Middle East, and Congress should vote on it.", gazetteer)
    assert m["Middle East"].place.feature == "continent"
    _near(m["Middle East"], 33.14, 35.86, km=50)


def test_a_capital_and_a_city_win_over_a_region_of_their_name(gazetteer):
    m = _placed("The senator flew back to Washington from Paris on Tuesday.", gazetteer)
    _near(m["Washington"], 38.895, -77.036, km=30)
    m = _placed("The mayor of New York said the subway in Brooklyn and Queens would run all night.", gazetteer)
    _near(m["New York"], 40.714, -74.006, km=30)


def test_a_region_the_text_names_by_its_abbreviation_wins_over_the_city_of_its_name(gazetteer):
    # the dateline's "Wash." and "N.Y." name the states (AP's abbreviations: no other region, and no town by its
    # own name); the state is what "Washington" and "New York" then mean, unless the text says the capital
    m = _placed("CAMP MURRAY, Wash. (AP) - The team is based at home in Washington and flew to Washington, D.C.",
                gazetteer)
    _near(m["Washington"], 47.5, -120.5, km=50)
    _near(m["Washington, D.C."], 38.9, -77.04, km=30)
    _near(_placed("ALBANY, N.Y. (AP) - Lawmakers in New York passed a budget.", gazetteer)["New York"], 43.0, -75.5, 50)
    # named by the same name, it is the capital still
    _near(_placed("WASHINGTON (AP) - Senators in Washington met on Monday.", gazetteer)["Washington"], 38.9, -77.04, 30)


def test_demonyms_and_abbreviations_name_their_places(gazetteer):
    m = _placed("HUNTINGTON, W.Va. (AP) - Syrian and Lebanese officials met British diplomats here.", gazetteer)
    _near(m["W.Va."], 38.5, -80.5)
    _near(m["Syrian"], 35.0, 38.0, km=250)
    assert m["British"].place.country_code == "GB"


def test_countries_and_nations_by_their_french_german_and_older_names(gazetteer):
    from geo.text import name_key

    for name, country, feature in (("Grande-Bretagne", "GB", "country"), ("Angleterre", "GB", "country"),
                                   ("Hollande", "NL", "country"), ("Écosse", "GB", "region"),
                                   ("Schottland", "GB", "region"), ("Ceylon", "LK", "country"),
                                   ("Siam", "TH", "country"), ("Persien", "IR", "country")):
        assert any(p.country_code == country and p.feature == feature for p in gazetteer.exact(name_key(name))), name
    m = {x.text: x for x in place_mentions("Les troupes de la Grande-Bretagne et de la Hollande arrivèrent à Ceylan.",
                                           gazetteer, "fr")}
    assert {n: x.place.country_code for n, x in m.items()} == {"Grande-Bretagne": "GB", "Hollande": "NL", "Ceylan": "LK"}


def test_confidence_is_a_probability_lower_for_an_ambiguous_name(gazetteer):
    m = _placed("Officials in Springfield said the road to Vladivostok reopened.", gazetteer)
    for x in m.values():
        assert 0.0 <= x.confidence <= 1.0
    assert m["Vladivostok"].confidence > m["Springfield"].confidence


def test_confidence_is_the_resolvers_probability_calibrated(gazetteer):
    from geo.model import Place
    from geo.resolve import _fitted, calibrated

    m = _placed("Officials in Springfield said the road to Vladivostok reopened.", gazetteer)
    # a name with one plausible place is not certain of it (the gazetteer may lack the place meant) ...
    assert m["Vladivostok"].probability == 1.0 and 0.9 <= m["Vladivostok"].confidence < 1.0
    # ... and a probability spread over many Springfields undersells how often the first is right
    assert m["Springfield"].probability < 0.5 < m["Springfield"].confidence < m["Vladivostok"].confidence
    shipped = _fitted().calibration
    town = Place("geonames:1", "Town", 10.0, 10.0, "XX", "city", 5000)
    for p in (0.3, 0.6, 0.9, 0.99):  # a known name inside an unknown one is placed right less often
        assert calibrated(p, "partial", town, shipped) < calibrated(p, "exact", town, shipped)
    assert [calibrated(p, "exact", town, shipped) for p in (0.3, 0.6, 0.9)] == sorted(
        calibrated(p, "exact", town, shipped) for p in (0.3, 0.6, 0.9))
    assert calibrated(0.42, "exact", town, None) == 0.42  # weights written without a calibration


def test_the_calibration_learns_how_often_the_resolver_is_right_each_corpus_weighing_the_same():
    from geo.model import Place
    from geo.resolve import calibrated, calibration_features
    from geo.train import calibration_error, fit_calibration

    town = Place("geonames:1", "Town", 10.0, 10.0, "XX", "city", 5000)

    def rows(match, n, right):
        return [(calibration_features(0.99, match, town), k < right * n) for k in range(n)]

    # sure of the first candidate every time: right 80% of the time in one corpus, always in the other, which
    # names ten times fewer places but weighs the same; a partial match right 40% of the time in both
    big = rows("exact", 1000, 0.8) + rows("partial", 500, 0.4)
    small = rows("exact", 100, 1.0) + rows("partial", 50, 0.4)
    w = fit_calibration([big, small])
    assert abs(calibrated(0.99, "exact", town, w) - 0.9) < 0.02
    assert abs(calibrated(0.99, "partial", town, w) - 0.4) < 0.02
    assert calibration_error(big + small, w) < 0.1
    assert fit_calibration([big[:50]]) is None  # too few to learn from
    assert fit_calibration([[(f, True) for f, _ in big]]) is None  # never wrong: nothing to learn


def test_a_name_the_gazetteer_lacks_is_listed_unresolved_not_guessed(gazetteer):
    m = _placed("Rescuers reached the Qwzxbrook Valley near Denver after a storm in Colorado.", gazetteer)
    _near(m["Denver"], 39.74, -104.98, km=30)
    for x in m.values():
        assert x.place is not None or x.reason  # never a place without a reason, never a guess


def test_arabic_spelling_variants_find_the_same_place(gazetteer):
    assert name_key("الأردن") == name_key("الاردن") == name_key("الاْردن")
    m = _placed("وصل الوفد إلى الاردن قادما من السعودية", gazetteer)
    assert m["الاردن"].place.country_code == "JO" and m["السعودية"].place.country_code == "SA"


def test_german_and_french_news_text(gazetteer):
    m = _placed("Der Zug aus Zürich traf am Abend in Basel ein; in Genf blieb es ruhig.", gazetteer)
    _near(m["Zürich"], 47.37, 8.55, km=20) and _near(m["Basel"], 47.56, 7.57, km=20)
    _near(m["Genf"], 46.20, 6.15, km=20)
    m = _placed("Le président s'est rendu à Marseille puis à Lyon avant de regagner Paris.", gazetteer)
    _near(m["Marseille"], 43.30, 5.38, km=20) and _near(m["Paris"], 48.85, 2.35, km=20)


def test_french_names_whose_article_the_word_before_holds(gazetteer):
    # "au Locle", "du Landeron": à + le, de + le; the name is said without its article (Le Locle)
    text = "Le notaire du Locle et celui du Landeron partiront demain au Tréport, dit-on à Neuchâtel."
    m = {x.text: x for x in place_mentions(text, gazetteer, "fr")}
    _near(m["Locle"], 47.06, 6.75, 10) and _near(m["Landeron"], 47.06, 7.07, 10)
    _near(m["Tréport"], 50.06, 1.38, 10)
    m = {x.text: x for x in place_mentions("Il est parti hier soir pour la Nouvelle-Orléans.", gazetteer, "fr")}
    _near(m["Nouvelle-Orléans"], 29.95, -90.07, 30)
    # without an article before it, a word is not looked up with one
    from geo.mentions import article_before

    assert article_before("au Locle", 3) == "le" and article_before("aux Verrières", 4) == "les"
    assert article_before("Bordeaux Locle", 9) is None and article_before("Locle", 0) is None


def test_swedish_names_written_short_with_a_colon(gazetteer):
    # "H:fors" is Helsingfors (Helsinki), "T:fors" Tammerfors (Tampere), "S:t P:burg" Sankt Petersburg
    text = "Tåget från H:fors anlände i går till T:fors, och i morgon reser han vidare till S:t P:burg."
    m = {x.text: x for x in place_mentions(text, gazetteer, "sv")}
    _near(m["H:fors"], 60.17, 24.94, 20) and _near(m["T:fors"], 61.50, 23.76, 20)
    _near(m["S:t P:burg"], 59.94, 30.31, 30)
    # the biggest place first, and only where a name can fit: three letters after the colon at least
    assert gazetteer.spelled_out("T:hus", "sv")[0] == "tavastehus"
    assert gazetteer.spelled_out("K:lo", "sv") == [] and gazetteer.spelled_out("Kalmar", "sv") == []
    # a language that does not write names so: Finnish "K:lo" is kello (o'clock), "EU:n" EU's
    assert gazetteer.spelled_out("T:fors", "fi") == []
    assert "EU" in {x.text for x in place_mentions("EU:n jäsenmaat kokoontuvat k:lo 10 Brysselissä.", gazetteer, "fi")}


def test_a_scanned_page_printed_with_the_long_s_is_read_as_printed(gazetteer):
    # an f between small letters may be a long s (ſ) read by OCR: Chester, Lancaster, Lancashire, Carlisle
    text = "The Lord Bifhop of Chefter, the Troops in Lancafhire, to march from Lancafter to Carlifle."
    m = {x.text: x for x in place_mentions(text, gazetteer, "en")}
    _near(m["Chefter"], 53.19, -2.89, 20) and _near(m["Lancafter"], 54.05, -2.80, 20)
    _near(m["Lancafhire"], 53.8, -2.6, 80) and _near(m["Carlifle"], 54.89, -2.93, 20)
    assert gazetteer.long_s_readings("Deutfchland", "de") == ["deutschland"]
    # not a word the gazetteer knows as written ("Stafford"), nor a common word ("Greffier", French for a
    # court's clerk), nor a town's other name ("Garrifon": Garrison is another name of Harrison, New Jersey), nor an
    # f that ends a word ("Tanf") or begins it
    for word in ("Stafford", "Greffier", "Garrifon", "Tanf", "Fisher"):
        assert gazetteer.long_s_readings(word, "en") == [] and gazetteer.spelled_out(word, "de") == []


def test_a_letter_a_scanner_misread_in_a_places_name_is_read_as_the_place(gazetteer):
    # old print, Fraktur above all, scanned: b for d, S for L, M for W, l for t (London, Canada, Washington, Neuchâtel)
    text = "Die Schlosserarbeiten von Chubb in Sondon, die Felder für Canaba und die Antwort aus Mashington."
    m = {x.text: x for x in place_mentions(text, gazetteer, "de")}
    _near(m["Sondon"], 51.51, -0.13, 20) and _near(m["Canaba"], 56.0, -100.0, 1500)
    assert m["Mashington"].place.name == "Washington"
    assert {m[w].match for w in ("Sondon", "Canaba", "Mashington")} == {"misread"}
    m = {x.text: x for x in place_mentions("Neuchâlel, Bâle-ville et Vaud prennent le référendum.", gazetteer, "fr")}
    _near(m["Neuchâlel"], 46.99, 6.93, 20)
    # not in English, where such a word is a person's name or a typing slip more often ("Malala"); nor a word of the
    # language ("Seiden", silks, no misread Leiden), nor one some place has, nor a short one ("Nomen")
    found = place_mentions("A letter from Sondon came by way of Canaba.", gazetteer, "en")
    assert [x.text for x in found] == ["Sondon", "Canaba"] and all(x.place is None for x in found)  # listed
    assert gazetteer.misread_readings("Sondon", "en") == [] and gazetteer.misread_readings("Sondon", "de") == ["london"]
    for word in ("Seiden", "Bonn", "Nome", "SONDON"):
        assert gazetteer.misread_readings(word, "de") == []


def test_a_name_right_after_a_word_for_a_ship_or_a_storm_is_the_ships_or_storms(gazetteer):
    from geo.recognizer import _ships_and_storms

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    text = "The steamer Liverpool and the ship “Caledonia” left Cadiz; USS Lake Erie called at Colombo."
    found = [span(text, n) for n in ("Liverpool", "Caledonia", "Cadiz", "Lake Erie", "Colombo")]
    assert _ships_and_storms(text, found, gazetteer, "en") == {span(text, n) for n in ("Liverpool", "Caledonia",
                                                                                   "Lake Erie")}
    # each language its own words; a country's name stays ("to ship Canada's grain")
    text = "Kapten Lind för ångaren Heinola mellan Lahtis och Heinola."
    assert _ships_and_storms(text, [span(text, "Heinola"), span(text, "Lahtis")], gazetteer, "sv") == {span(text, "Heinola")}
    text = "They ship Canada's grain from Houston."
    assert _ships_and_storms(text, [span(text, "Canada"), span(text, "Houston")], gazetteer, "en") == set()
    # the word written short, and run into the sentence before it where a scan lost the space
    text = "avgick samma dag till Riga.Ångf. Uleåborg anlände i lördags från Helsingfors."
    assert _ships_and_storms(text, [span(text, "Uleåborg"), span(text, "Helsingfors")], gazetteer, "sv") == \
        {span(text, "Uleåborg")}
    # end to end
    text = "So, as the steamer Liverpool would first be on her way, she sailed from Dublin."
    assert {x.text for x in place_mentions(text, gazetteer, "en")} == {"Dublin"}
    # a storm's name too, and the storm's word before a name (Hurricane, Utah, is a town)
    text = "Hurricane Florence neared Raleigh. Damage from Hurricane Harvey and Hurricane #Irma, and Cyclone Idai hit Beira."
    assert [x.text for x in place_mentions(text, gazetteer, "en")] == ["Raleigh", "Beira"]
    assert [x.text for x in place_mentions("He grew up in Hurricane, Utah.", gazetteer, "en")] == ["Hurricane", "Utah"]


def test_countries_by_the_initials_news_writes(gazetteer, session_cache):
    text = "Quake off the north island of NZ; measles in South Kivu, #DRC; an earthquake shakes PNG; jobs in the KSA."
    assert {n: m.place.country_code for n, m in _placed(text, gazetteer).items() if n.isupper()} == \
        {"NZ": "NZ", "DRC": "CD", "PNG": "PG", "KSA": "SA"}
    # the cached index is the one built from this list of names: one edited or upgraded is built anew
    from geo.gazetteer import _aliases_digest

    assert any(_aliases_digest() in f.name for f in session_cache.glob("gazetteer-geonames-*.pickle"))


def test_an_index_built_finds_each_name_of_each_place_and_lets_its_tables_go():
    from geo.gazetteer import _Index
    from geo.text import comparable, skeleton

    index = _Index("test", "")
    index.add("t:1", "Springfield", 39.8, -89.6, "US", "city", 114_000, {"Springfield", "SPRINGFIELD"})
    index.add("t:2", "Springfield", 37.2, -93.3, "US", "city", 169_000, {"Springfield", "Springfeld"})
    index.add("t:3", "Khasan", 42.4, 130.6, "RU", "city", 700, {"Khasan", "Хасан"}, admin_code="RU.59")
    index.finish()
    # a name key holds every place of the name, each once though the place gives it twice ("SPRINGFIELD")
    assert sorted(r for (r,) in index.exact["springfield"]) == [0, 1] and index.exact["springfeld"] == [(1,)]
    assert index.exact["хасан"] == [(2,)] and index.first_words["springfield"] == [(1,)]
    # a skeleton holds each place's comparable form of each name of it, once
    rows = index.skeleton_rows(skeleton("Springfeld"))
    assert (1, comparable("Springfeld")) in rows and len(rows) == len(set(rows))
    assert (2, comparable("Хасан")) in index.skeleton_rows(skeleton("Хасан"))
    # the tables built from are gone once the tries are made: the index pickled keeps none of them
    assert index.building is None and index.admin_code[2] == "RU.59" and index.sources[1] == "t:2"


def test_the_embedded_index_keeps_its_tries_in_files_mapped_into_memory(gazetteer, tmp_path):
    from geo.cache import cached, take_notices
    from geo.gazetteer import _load_mapped, _save_mapped

    base = gazetteer.base
    path = tmp_path / "index.pickle"
    _save_mapped(path, base)
    assert sorted(f.name for f in tmp_path.iterdir()) == \
        ["index.pickle", "index.pickle.exact.marisa", "index.pickle.first_words.marisa", "index.pickle.skeletons.marisa"]
    read = _load_mapped(path)
    assert read.exact["vladivostok"] == base.exact["vladivostok"] and len(read.skeletons) == len(base.skeletons)
    assert read.first_words["new"] == base.first_words["new"] and np.array_equal(read.lat, base.lat)
    # the tries are in their files, not in the pickle
    assert path.stat().st_size < sum(f.stat().st_size for f in tmp_path.glob("*.marisa"))
    # an index missing a trie is built again, and the user told
    (tmp_path / "index.pickle.skeletons.marisa").unlink()
    take_notices()
    built = []
    again = cached(path, _load_mapped, lambda: built.append(1) or base, _save_mapped)
    assert built and again is base and (tmp_path / "index.pickle.skeletons.marisa").is_file()
    assert any("index.pickle" in n and "rebuilt" in n for n in take_notices())


def test_an_everyday_word_is_not_a_small_towns_other_name(gazetteer):
    # "Tsunami" and "Passover" are words, not Tsuha (Japan) nor Mountain City (Georgia), which have them among
    # their other names: not listed at all without a word that puts a place after them
    for text, place in (("Tsunami warning lifted for Hawaii after the quake.", "Hawaii"),
                        ("Passover traditions spread through market in Savannah.", "Savannah")):
        assert [m.text for m in place_mentions(text, gazetteer, "en")] == [place]
    # after one, listed, unresolved, saying why; the own name of a small town and another name that is no
    # English word still place it
    m = {x.text: x for x in place_mentions("They arrived at Auschwitz by train from Krakow.", gazetteer, "en")}
    assert m["Auschwitz"].place is None and "everyday word" in m["Auschwitz"].reason
    m = {x.text: x for x in place_mentions("Die Truppen zogen von Oedenburg nach Wien.", gazetteer, "de")}
    _near(m["Oedenburg"], 47.68, 16.59, 20)  # Sopron


def test_days_and_months_are_not_the_towns_of_their_names(gazetteer, session_cache):
    # Montag, Sonntag, Thursday, March, lundi and mardi all name some place; said alone, they are days and months
    for text, places in (("Am Sonntag fuhr der Zug von Montag nach Wien.", ["Wien"]),
                         ("The talks ended on Thursday in Vienna; in March they resume.", ["Vienna"]),
                         ("Le train part lundi de Paris, mardi de Lyon.", ["Paris", "Lyon"])):
        assert [m.text for m in place_mentions(text, gazetteer)] == places
    # babel's names of them, kept in the cache (read once, not once a worker)
    assert list(session_cache.glob("calendar-words-babel-*.pickle"))


def test_an_everyday_word_that_names_only_small_towns_is_the_word(gazetteer):
    # "Tornado" names Tornado, West Virginia (about a thousand people), and "Bean" a small town: in English they
    # are the words, and are not listed
    text = "Tornado slams Virginia campground. Ivy + Bean will appear on posters."
    assert [m.text for m in place_mentions(text, gazetteer, "en")] == ["Virginia"]
    # listed after a word that puts a place after it, or with its state after a comma; not read so in another
    # language, nor where some place of the name is bigger (Bath, Mobile)
    text = "The storm hit Tornado, West Virginia. Residents of Tornado fled. They drove from Bath to Mobile."
    assert [m.text for m in place_mentions(text, gazetteer, "en")] == \
        ["Tornado", "West Virginia", "Tornado", "Bath", "Mobile"]
    from geo.pipeline import misread

    m = next(x for x in place_mentions("Tornado slams Virginia campground.", gazetteer, "de") if x.text == "Tornado")
    assert not misread(m, "Tornado slams Virginia campground.", "de") and misread(m, "Tornado slams.", "en")


def test_hashtags_in_small_letters_or_run_together_name_places(gazetteer):
    # posts tag places in any case; "#PuertoRico" is Puerto Rico, run together
    text = "Relief for #PuertoRico and #greece, floods in #kerala #KeralaFloods, updates from #houston #NewZealand"
    m = {x.text: x for x in place_mentions(text, gazetteer, "en")}
    assert set(m) == {"PuertoRico", "greece", "kerala", "houston", "NewZealand"}
    assert {n: m[n].place.country_code for n in m} == {"PuertoRico": "PR", "greece": "GR", "kerala": "IN",
                                                       "houston": "US", "NewZealand": "NZ"}
    assert text[m["greece"].start - 1] == "#"  # the span is the word, without the sign
    # an everyday word is a place only as a country's, a capital's or a big place's name: not "#paradise",
    # "#reading" (Reading has 318,000 people), "#forest"; "#turkey" is the country
    text = "Donate now #paradise #reading #forest #turkey"
    assert [x.text for x in place_mentions(text, gazetteer, "en")] == ["turkey"]


def test_a_states_postal_code_after_a_town_and_a_comma_is_the_state(gazetteer):
    text = "The mayor of Wilmington, NC spoke; relief at Houston,TX and on Ernakulam Dist, NH 47."
    m = {x.text: x for x in place_mentions(text, gazetteer, "en")}
    assert m["NC"].place.name == "North Carolina" and m["TX"].place.name == "Texas"
    _near(m["Wilmington"], 34.23, -77.94, 30)  # the one in North Carolina
    assert "NH" not in m  # a national highway's number follows, not a ZIP code
    assert "CA" in {x.text for x in place_mentions("Donations: 19 Colusa Street, Orland, CA 95963", gazetteer, "en")}
    # only after a name found, and only in English
    assert "IN" not in {x.text for x in place_mentions("Storms hit hard, IN PHOTOS.", gazetteer, "en")}
    assert "LA" not in {x.text for x in place_mentions("Commandes de Paris, LA MAISON DE GROS.", gazetteer, "fr")}


def test_everyday_words_are_the_texts_own_language():
    # "Nancy", a French city, is an everyday English given name: a Swedish text is not held to English
    from geo.recognizer import INSIDE_PROBABILITY, _threshold, everyday_languages
    from geo.text import Token

    assert everyday_languages("sv") == ("sv",) and everyday_languages("en") is None
    assert everyday_languages("ru") == ("en", "de", "fr", "ru")  # Latin words in a Cyrillic text
    nancy, mark = Token("Nancy", 0, 5), ("gz:B", "gz:city", "gz:size=5", "gz:n=1")
    assert _threshold(nancy, mark, everyday_languages("en")) == INSIDE_PROBABILITY
    assert _threshold(nancy, mark, everyday_languages("sv")) < INSIDE_PROBABILITY


def test_a_datelines_day_is_not_part_of_the_name():
    from geo.recognizer import without_numbers_after_commas

    text = "MARSEILLE, 14 juin. Le ministre est arrivé.\nParis, 17 Februari. Highway 10 was shut."
    found = [(0, 13), (text.find("Paris"), text.find("Paris") + 9), (text.find("Highway"), text.find("Highway") + 10)]
    assert [text[s:e] for s, e in without_numbers_after_commas(text, found)] == ["MARSEILLE", "Paris", "Highway 10"]


def test_a_name_takes_in_the_word_written_small_that_says_what_kind_of_place_it_is(gazetteer):
    # "Putnam county": the model reads the county in, as 19th-century papers write it; "Cork city" stays Cork
    found = {m.text for m in place_mentions("The sheriff of Putnam county said so.", gazetteer, "en")}
    assert "Putnam county" in found
    assert {m.text for m in place_mentions("He lives in Cork city now.", gazetteer, "en")} == {"Cork"}
    from geo.text import morphology

    assert "lääni" in morphology()["language"]["fi"]["kind_words_after"]


def test_a_country_name_is_not_held_to_be_an_everyday_word():
    # "Europe" is a common English word because it names a continent: the model need only not rule it out
    from geo.recognizer import INSIDE_PROBABILITY, KNOWN_NAME_PROBABILITY, _threshold
    from geo.text import Token

    continent = ("gz:B", "gz:continent", "gz:size=7", "gz:n=1")
    assert _threshold(Token("Europe", 0, 6), continent, None) == KNOWN_NAME_PROBABILITY
    assert _threshold(Token("europe", 0, 6), continent, None) == INSIDE_PROBABILITY
    assert _threshold(Token("Will", 0, 4), ("gz:B", "gz:city", "gz:size=3", "gz:n=1"), None) == INSIDE_PROBABILITY


def test_training_leaves_out_stretches_left_unannotated(gazetteer):
    # a corpus that marks places in part of a document only: the long stretch naming Wien, Berlin and
    # Paris with none of them marked is not learnt from; the marked part and a short gap are
    from geo.recognizer import gazetteer_marks, tagger_tokens
    from geo.train import UNANNOTATED_GAP, annotated_parts

    marked = "Der Zug fuhr von Basel nach Bern. "
    filler = "Die Sitzung dauerte lange und man sprach über vieles. "
    half = filler * (UNANNOTATED_GAP // len(filler) // 2 + 10)
    unmarked = half + "Man reiste nach Wien, Berlin und Paris. " + half
    text = marked + unmarked + marked
    spans = [(text.find("Basel"), text.find("Basel") + 5), (text.find("Bern"), text.find("Bern") + 4),
             (text.rfind("Basel"), text.rfind("Basel") + 5), (text.rfind("Bern"), text.rfind("Bern") + 4)]
    toks = tagger_tokens(text)
    parts = annotated_parts(toks, spans, gazetteer_marks(text, toks, gazetteer, "de"))
    kept = {toks[i].text for a, b in parts for i in range(a, b)}
    assert len(parts) == 2 and {"Basel", "Bern"} <= kept and not {"Wien", "Berlin", "Paris"} & kept
    # the same stretch with its places marked is learnt from whole
    spans += [(text.find(w), text.find(w) + len(w)) for w in ("Wien", "Berlin", "Paris")]
    assert annotated_parts(toks, sorted(spans), gazetteer_marks(text, toks, gazetteer, "de")) == [(0, len(toks))]
    # a short document without a place marked is learnt from whole (most tweets name none)
    short = tagger_tokens("Wien, Berlin und Paris, sagte er.")
    assert annotated_parts(short, [], gazetteer_marks("Wien, Berlin und Paris, sagte er.", short, gazetteer, "de")) \
        == [(0, len(short))]


def test_training_makes_models_the_tools_read(tmp_path):
    docs = [json.loads(x) for x in (EVAL / "geowebnews.jsonl").read_text("utf-8").split("\n") if x.strip()][:40]
    train = tmp_path / "train.jsonl"
    train.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs[:30]), "utf-8")
    held = tmp_path / "held.jsonl"
    held.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs[30:]), "utf-8")
    model, weights = tmp_path / "m.crfsuite", tmp_path / "w.json"
    for cmd in (["recognizer", train, "--holdout", held, "-o", model], ["resolver", train, "-o", weights]):
        res = run_cli_module("geo.train", *cmd)
        assert res.returncode == 0, res.stderr.decode()
    assert model.stat().st_size > 10_000
    # a model in use is the one whose weights tag (read from the model file, kept in the cache by digest)
    from geo import recognizer

    shipped = recognizer.model_weights()
    recognizer.use_model(model)
    try:
        own = recognizer.model_weights()
        assert set(own.attributes) != set(shipped.attributes) and own.labels == ("O", "B", "I")
    finally:
        recognizer.use_model(None)
    assert recognizer.model_weights().attributes == shipped.attributes
    fitted = json.loads(weights.read_text())
    assert set(fitted["weights"]) >= {"size", "near_other_place", "in_named_country"}
    assert set(fitted["calibration"]) == {"bias", "log_odds", "alone", "partial", "loose", "area"}
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in fitted["points"].values())
    # the command line takes both models from the environment
    out = run_cli("places", "--jsonl", held, env={"GEOJOURNEY_RECOGNIZER_MODEL": str(model),
                                                  "GEOJOURNEY_RESOLVER_WEIGHTS": str(weights)})
    assert out.returncode == 0 and len(out.stdout.decode().splitlines()) == 10
    bad = run_cli("places", "--jsonl", held, env={"GEOJOURNEY_RESOLVER_WEIGHTS": str(tmp_path / "none.json")})
    assert bad.returncode != 0 and len(bad.stderr.decode().strip().splitlines()) == 1


def test_batch_output_keeps_input_order_across_cores(tmp_path):
    docs = [{"id": f"d{k}", "text": text} for k in range(120) for text in
            [("Trains left Moscow for Kazan." if k % 2 else "Flights from Lagos to Accra resumed.")]]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), "utf-8")
    res = run_cli("places", "--jsonl", src)
    assert res.returncode == 0, res.stderr.decode()
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [x["id"] for x in lines] == [d["id"] for d in docs]
    for x in lines:
        names = [p["name"] for p in x["places"]]
        assert names == (["Moscow", "Kazan"] if int(x["id"][1:]) % 2 else ["Lagos", "Accra"])


def run_cli_module(module, *args):
    import subprocess
    import sys

    from conftest import ROOT

    return subprocess.run([sys.executable, "-m", module, *map(str, args)], capture_output=True, cwd=ROOT,
                          env=dict(os.environ), timeout=900)


def test_a_name_of_a_country_and_of_a_named_countrys_capital_is_the_capital(gazetteer):
    # عمان is Oman and Amman: in a story that names Jordan and not Oman, Amman; alone, Oman; the Sultanate of
    # Oman holds the name and stays Oman
    def placed(text):
        return {m.text: m.place for m in place_mentions(text, gazetteer, "ar")}

    amman = placed("الأردن: أمطار غزيرة في عمان والعقبة")["عمان"]
    assert amman.country_code == "JO" and haversine_km(amman.lat, amman.lon, 31.95, 35.93) < 20
    assert placed("أمطار غزيرة في عمان")["عمان"].country_code == "OM"
    assert placed("وصلت الأمطار إلى سلطنة عمان والأردن")["سلطنة عمان"].country_code == "OM"


def test_arabic_clitics_and_run_together_names(gazetteer):
    from geo.mentions import whole_text_mention

    for written in ("حفرالباطن", "بحفر الباطن", "بحفرالباطن"):
        m = whole_text_mention(written, gazetteer)
        assert m is not None and m.candidates, written
        assert any(haversine_km(c.place.lat, c.place.lon, 28.43, 45.97) < 30 for c in m.candidates), written
    riyadh = whole_text_mention("بالرياض", gazetteer)
    assert riyadh is not None and any(c.place.country_code == "SA" for c in riyadh.candidates)
    # a conjunction before another prefix (وبالرياض), and ل taking the place of the article's alef (للقاهرة)
    for written, lat, lon in (("وبالرياض", 24.69, 46.72), ("للقاهرة", 30.06, 31.25), ("فللقاهرة", 30.06, 31.25)):
        m = whole_text_mention(written, gazetteer)
        assert m is not None and any(haversine_km(c.place.lat, c.place.lon, lat, lon) < 30 for c in m.candidates), written


def test_names_of_other_countries_spelled_in_arabic_letters(gazetteer, gazetteer_stations):
    from geo.mentions import foreign_names_in_arabic

    def placed(text, gz=gazetteer):
        return {m.text: m.place for m in place_mentions(text, gz, "ar")}

    # two words of a name GeoNames writes as one (بيونغيانغ); a Russian town it names in no Arabic, by its letters
    # read with their vowels (أوسوريسك: Ussuriysk); a station of a user's file (خاسان: Хасан)
    text = ("غادر القطار المدرع للزعيم الكوري الشمالي كيم جونغ أون بيونغ يانغ يوم الأحد، وعبر الحدود الروسية عند محطة "
            "خاسان صباح الثلاثاء. ثم توجه القطار إلى أوسوريسك.")
    found = placed(text, gazetteer_stations)
    for name, lat, lon in (("بيونغ يانغ", 39.03, 125.75), ("خاسان", 42.43, 130.64), ("أوسوريسك", 43.80, 131.96)):
        assert found[name] is not None and haversine_km(found[name].lat, found[name].lon, lat, lon) < 10, name
    # inside a longer name: the city of Đồng Đăng, two words, spelled alike
    found = placed("وصل الزعيم الكوري الشمالي كيم جونغ أون صباح الثلاثاء إلى مدينة دونغ دانغ الفيتنامية الحدودية على "
                   "متن قطاره المدرع.")
    [dong_dang] = found.values()
    assert dong_dang.country_code == "VN" and haversine_km(dong_dang.lat, dong_dang.lon, 21.95, 106.70) < 10
    # an everyday word (جارفة, "sweeping"; وسيتعين, "and it will be necessary") or a word with the Arabic article
    # (الميرة) spells no town of another country
    for word in ("جارفة", "وسيتعين", "الميرة", "لفين"):
        assert foreign_names_in_arabic(gazetteer, word) == [], word


def test_a_name_geonames_gives_small_towns_only_also_names_their_capital_namesake(gazetteer):
    from geo.recognizer import gazetteer_marks, tagger_tokens

    # GeoNames names some towns of the United States called Washington 워싱턴 and واشنطن, and not the capital
    [washington] = [m.place for m in place_mentions("윤석열 대통령은 13일 워싱턴에 도착했다.", gazetteer, "ko")]
    assert washington.feature == "capital" and haversine_km(washington.lat, washington.lon, 38.90, -77.04) < 20
    # the recogniser's model is told so of the Arabic name
    text = "قادما من واشنطن على متن الطائرة"
    toks = tagger_tokens(text)
    marks = dict(zip((t.text for t in toks), gazetteer_marks(text, toks, gazetteer, "ar")))
    assert marks["واشنطن"][1:3] == ("gz:capital", "gz:size=5")


def test_arabic_names_geonames_lists_only_in_latin_and_names_without_their_article(gazetteer):
    from geo.mentions import _span_candidates
    from geo.text import arabic_romanization, consonants, comparable

    def placed(surface):
        text = f"أمطار غزيرة في {surface} اليوم"
        start = text.index(surface)
        return _span_candidates(text, start, start + len(surface), gazetteer, "ar")

    # the article as GeoNames writes it, assimilated before a sun letter; short vowels unwritten
    assert arabic_romanization("الخفجي") == "alkhfjy" and arabic_romanization("النعيرية") == "anyryh"
    assert consonants(comparable("alkhfjy")) == consonants(comparable("Al Khafjī")) == "alkhfj"
    # GeoNames has Al Khafjī (Saudi Arabia) with no Arabic name: found by its consonants
    [khafji] = placed("الخفجي")
    assert khafji.match == "transliterated" and haversine_km(khafji.place.lat, khafji.place.lon, 28.44, 48.49) < 10
    # a place of a country that does not speak Arabic is known in Arabic by a name of its own: المنيل
    # (a quarter of Cairo) is not a village of Romania whose consonants it shares
    assert placed("المنيل") == []
    # a name is written with the article or without: ضبعة is الضبعة (El Dabaa), البترا is بترا (Petra,
    # at Wadi Musa), also inside a longer name the gazetteer lacks (منطقة ضبعة, the Dabaa area)
    for surface, lat, lon in (("ضبعة", 31.03, 28.44), ("البترا", 30.32, 35.48), ("منطقة ضبعة", 31.03, 28.44),
                              # مدينة (city) is also Medina's Arabic name: the city of Jahra is Jahra
                              ("مدينة الجهراء", 29.34, 47.66)):
        found = placed(surface)
        assert found and all(haversine_km(c.place.lat, c.place.lon, lat, lon) < 20 for c in found), surface
    # a city whose own name the gazetteer lacks is left unplaced, not put at Medina
    assert placed("مدينة صباح الأحمد") == []
    # behind a prefix, a name GeoNames lists only in Latin is found as it is alone (بالخفجي: in Khafji)
    for surface in ("بالخفجي", "وبالخفجي", "للخفجي"):
        [khafji] = placed(surface)
        assert khafji.match == "inflected" and haversine_km(khafji.place.lat, khafji.place.lon, 28.44, 48.49) < 10


def test_a_name_holding_known_names_is_placed_at_the_biggest(gazetteer):
    # مرفأ (port) and دولة (state) are also towns' names in GeoNames (Merefa, Dhule): the port of
    # Beirut is in Beirut, the State of Kuwait is Kuwait
    for text, lat, lon in (("وقع انفجار ضخم في مرفأ بيروت أمس.", 33.89, 35.50),
                           ("أعلنت دولة الكويت عن إجراءات جديدة.", 29.5, 47.75)):
        [m] = [m for m in place_mentions(text, gazetteer, "ar") if m.place is not None]
        assert m.match == "partial"
        _near(m, lat, lon)
    m = _placed("She studied at Colorado State University before moving on.", gazetteer)
    _near(m["Colorado State University"], 39.0, -105.5, km=250)


def test_a_capital_or_big_city_and_a_region_of_its_name_the_city_unless_the_text_says_the_region(gazetteer):
    dc, state = (38.9, -77.04), (47.4, -120.5)
    for text, where in (("The Washington Post reported it. Florida and California reacted.", dc),
                        ("Flights between Washington and New York resumed.", dc),  # New York: a city too
                        ("Diplomats left Moscow, Washington and Beijing.", dc),  # Moscow: a capital
                        ("Fruit from Tacoma, Washington is sold.", state),
                        ("Laws passed in Oregon and Washington allow it.", state),
                        ("Measles hit Washington state.", state),
                        ("Rain fell in central Washington.", state)):
        _near(_placed(text, gazetteer)["Washington"], *where, km=300)
    # so with a city of a million and its state: New York is the city
    city, state = (40.71, -74.01), (42.9, -75.5)
    for text, where in (("He grew up in New York and speaks Mandarin.", city),
                        ("Flights between New York and Atlanta resumed.", city),
                        ("The airline, based in Rego Park, New York, will fly.", state),
                        ("Snow fell on upstate New York.", state),
                        ("Exit 1 lies near the New York border.", state),
                        ("States including Missouri, New York, North Carolina and Virginia voted.", state)):
        _near(_placed(text, gazetteer)["New York"], *where, km=200)
    # a country's name is the country's: Mexico beside the state of Puebla (whose city is a million) stays Mexico
    m = _placed("Migrants camped in Puebla, Mexico, on Wednesday.", gazetteer)
    assert m["Mexico"].place.feature == "country"
    # the département of Paris is around the capital, not its rival: a story of Paris, Illinois stays there
    m = _placed("Detective Jeff Goodwin of the Paris Police Department said two people of rural Paris were "
                "charged in Edgar County.", gazetteer)
    _near(m["Paris"], 39.61, -87.70, km=50)


def test_a_longer_name_is_not_placed_where_it_is_not(gazetteer):
    from geo.mentions import _span_candidates

    def placed(text, surface):
        start = text.index(surface)
        return _span_candidates(text, start, start + len(surface), gazetteer, "en")

    # an ocean or a sea is not in the country its name holds, an embassy not in the country it speaks for
    for text, surface in (("Cyclones form over the Indian Ocean.", "Indian Ocean"),
                          ("Patrols in the West Philippine Sea grew.", "West Philippine Sea"),
                          ("Police guarded the Egyptian Embassy on Monday.", "Egyptian Embassy")):
        assert placed(text, surface) == [], surface
    # a town is inside a longer name by its own name, not by one of its other names: GeoNames lists
    # "Clarence" among Fleetville's (England) and "Marsh" among March's
    for text, surface in (("Floods rose along the Clarence River.", "Clarence River"),
                          ("Birds nest on Marsh Island.", "Marsh Island")):
        assert all(c.place.name not in ("Fleetville", "March") for c in placed(text, surface)), surface
    # its own name without its article: The Bronx; a country by any of its names
    [bronx] = {c.place.name for c in placed("Courts of Bronx County ruled.", "Bronx County")}
    assert bronx == "The Bronx"
    assert ("US", "region") in {(c.place.country_code, c.place.feature) for c in
                                placed("Rain fell on Colorado State University.", "Colorado State University")}


def test_batch_in_process_leaves_the_garbage_collector_as_it_was(tmp_path, capsys):
    import gc

    from geo.batch import places_jsonl

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": "Trains left Moscow for Kazan."}) + "\n" for k in range(50)),
                   "utf-8")
    before = gc.get_threshold()
    assert places_jsonl(str(src), []) == 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == list(range(50))
    assert all([p["name"] for p in x["places"]] == ["Moscow", "Kazan"] for x in lines)


def test_a_fault_on_one_document_costs_only_that_document(tmp_path, capsys, monkeypatch):
    from geo import batch, pipeline

    real = pipeline.place_mentions

    def faulty(text, gazetteer, lang=None):  # a fault of geojourney's own, injected on one document
        if "Atlantis" in text:
            raise ZeroDivisionError("division by zero")
        return real(text, gazetteer, lang)

    monkeypatch.setattr(pipeline, "place_mentions", faulty)
    src = tmp_path / "in.jsonl"
    texts = ["Trains left Moscow for Kazan."] * 45 + ["The ship sailed for Atlantis."] + ["He flew to Kazan."] * 4
    src.write_text("".join(json.dumps({"id": k, "text": t}) + "\n" for k, t in enumerate(texts)), "utf-8")
    assert batch.places_jsonl(str(src), []) == 1  # on both cores: the forked workers inherit the fault
    out = capsys.readouterr()
    lines = [json.loads(x) for x in out.out.splitlines()]
    assert [x["id"] for x in lines] == list(range(50))
    assert lines[45] == {"id": 45, "places": [], "error": "internal error: ZeroDivisionError: division by zero"}
    assert [p["name"] for p in lines[46]["places"]] == ["Kazan"] and "error" not in lines[44]
    assert "geojourney: document 45: internal error: ZeroDivisionError" in out.err
    assert "50 documents, 0 lines skipped, 1 failed" in out.err


def test_what_the_gazetteer_says_of_names_and_name_beginnings(gazetteer):
    assert gazetteer.knows("new york") and not gazetteer.knows("new yor")
    assert gazetteer.knows_prefix("new yo") and not gazetteer.knows_prefix("qqxv ")
    kind, population = gazetteer.name_kind("texas")
    assert kind == "region" and population > 1_000_000
    assert gazetteer.name_kind("france")[0] == "country"
    assert gazetteer.name_kind("qqxv") is None
    # read from the index's columns: what the places of the name say ("georgia": a country and a US state)
    for key in ("georgia", "san jose", "paris", "victoria", "washington"):
        places = gazetteer.exact(key)
        kinds = {p.feature for p in places}
        kind = next((k for k in ("country", "continent", "region", "capital") if k in kinds), "city")
        assert gazetteer.name_kind(key) == (kind, max(p.population for p in places))
    # transliterated look-ups go through the consonant skeletons: Уссурийск's finds Ussuriysk
    from geo.text import skeleton

    rows = gazetteer.by_skeleton(skeleton("Уссурийск"))
    assert any(p.name == "Ussuriysk" and haversine_km(p.lat, p.lon, 43.80, 131.95) < 30 for p, _, _ in rows)


def test_regions_geonames_writes_inverted_are_found_as_said(gazetteer):
    m = _placed("Fighting spread from Dagestan to Chechnya, and the Republic of Tatarstan sent police.", gazetteer)
    _near(m["Dagestan"], 42.98, 47.0, km=200)  # GeoNames: Dagestan, Respublika
    assert m["Dagestan"].place.feature == "region" and m["Dagestan"].place.country_code == "RU"
    durham = _placed("Flooding closed roads across County Durham on Friday.", gazetteer)["County Durham"]
    assert durham.place.country_code == "GB" and durham.place.feature == "region"


def test_other_names_of_countries_and_names_inside_unknown_ones(gazetteer):
    m = _placed("The Holy See said the Republic of Korea had been invited.", gazetteer)
    assert m["Holy See"].place.country_code == "VA" and m["Republic of Korea"].place.country_code == "KR"
    # the name news gives the State of Palestine, not the towns of Texas and Illinois
    m = _placed("Aid convoys crossed from Egypt into Palestine on Monday.", gazetteer)
    assert m["Palestine"].place.country_code == "PS" and m["Palestine"].place.feature == "country"
    # an unknown name holding a well-known place, however common the word: a partial match, never a guess
    m = _placed("The Dubai World Cup was run on Saturday.", gazetteer)["Dubai World Cup"]
    assert m.match == "partial" and m.place.country_code == "AE"
    # a word that goes before place names is not the place a longer name holds: "South" of South Ossetia
    # is no region of Cameroon or Rwanda (their South, Southern); unknown, the name is listed unplaced
    from geo.mentions import _span_candidates

    def candidates(text, name):
        start = text.index(name)
        return _span_candidates(text, start, start + len(name), gazetteer, "en")

    assert candidates("Russian troops stayed in South Ossetia after the war.", "South Ossetia") == []
    # nor a word that says what kind of place it is: the Abaco Islands are not Hong Kong's Islands
    # District, Osney Island not Iceland, the Bay Area not the town of Bay; Hatteras Island is Hatteras
    for name in ("Abaco Islands", "Osney Island", "Bay Area"):
        assert candidates(f"The storm hit the {name} on Monday.", name) == [], name
    [hatteras] = {c.place.source: c for c in candidates("The storm hit Hatteras Island.", "Hatteras Island")}.values()
    assert hatteras.match == "partial" and hatteras.place.country_code == "US"


def test_a_county_of_one_or_two_towns_is_placed_about_them(gazetteer):
    # Muscogee County is Columbus, Georgia (consolidated); Henry County, Tennessee has two towns in cities500
    m = _placed("Deputies in Muscogee County said the road was closed.", gazetteer)["Muscogee County"]
    _near(m, 32.51, -84.87, km=50)
    m = _placed("The Paris and Henry County officials met in Paris, Tennessee.", gazetteer)
    _near(m["Henry County"], 36.33, -88.32, km=50)


def test_counties_named_by_their_own_bare_name(gazetteer):
    # Kent and Essex are the counties' own names (GeoNames' second-level regions of England);
    # "Orange" is not Orange County's, so it stays the towns of that name
    m = _placed("Police in Kent and Essex said the roads were closed, and snow fell in Fife.", gazetteer)
    for name, lat, lon in (("Kent", 51.2, 0.7), ("Essex", 51.8, 0.6), ("Fife", 56.2, -3.1)):
        assert m[name].place.feature == "region" and m[name].place.country_code == "GB"
        _near(m[name], lat, lon, km=60)
    assert all(p.feature != "region" for p in gazetteer.exact("orange"))
    assert any(p.feature == "region" for p in gazetteer.exact("orange county"))


def test_a_town_named_like_a_country_does_not_pull_the_story_to_it(gazetteer):
    # Greece, New York must not become the story's anchor and take Athens to the United States
    m = _placed("Wildfires near Athens killed dozens in Mati, Greece, officials said.", gazetteer)
    _near(m["Athens"], 37.98, 23.73, km=30)
    assert m["Greece"].place.feature == "country" and m["Greece"].place.country_code == "GR"


def test_language_is_told_from_the_commonest_words():
    from geo.text import language_of

    assert language_of("Der Zug fuhr am Montag von Wien nach Graz, und die Reisenden waren mit der Fahrt zufrieden.") == "de"
    assert language_of("Juna lähti maanantaina Helsingistä, ja matkustajat olivat tyytyväisiä siihen että se oli ajoissa.") == "fi"
    assert language_of("The train left Vienna on Monday and the passengers were happy with the trip.") == "en"
    assert language_of("Wien!") is None  # too few words to tell


def test_inflected_names_are_found_in_their_dictionary_form(gazetteer):
    # Finnish cases: the elative and inessive of Helsinki and Tampere, told from the text or given
    text = ("Juna lähti maanantaina Helsingistä, ja se saapui illalla Tampereelle, kertoi rautatieyhtiö. Matka oli "
            "pitkä, mutta se oli myös kaunis, ja kaikki olivat tyytyväisiä siihen.")
    for lang in (None, "fi"):
        m = _placed(text, gazetteer) if lang is None else {x.text: x for x in place_mentions(text, gazetteer, lang)}
        _near(m["Helsingistä"], 60.17, 24.94, 30)
        _near(m["Tampereelle"], 61.50, 23.79, 30)
        assert "Juna" not in m  # a town's name, but here the everyday word (train)
    assert gazetteer.dictionary_form("Helsingissä", "fi") == "helsinki"
    assert gazetteer.dictionary_form("Helsingissä", "en") is None  # English does not inflect names so


def test_scanned_pages_words_broken_or_run_together(gazetteer):
    # a word hyphenated across printed lines is one name; words run together where a line break was lost are two
    from geo.recognizer import tagger_tokens

    assert [t.text for t in tagger_tokens("in derMur und laFrance bei McAllen")] == \
        ["in", "der", "Mur", "und", "la", "France", "bei", "McAllen"]
    assert [t.text for t in tagger_tokens("#KeralaFloods")] == ["#", "KeralaFloods"]  # a hashtag is one word
    m = _placed("Die Regierung tagte gestern in Stutt¬\ngart, wie aus Berlin gemeldet wird.", gazetteer)
    _near(m["Stutt¬\ngart"], 48.78, 9.18, 30)


def test_a_word_broken_across_lines_is_weighed_whole(gazetteer):
    # the model weighs the parts of a word a scan broke across lines, and takes a noun's capital for a name's;
    # weighed whole, "Unterseebooten" is no name, and Pennsylvania and Niederösterreich, which it passed over, are
    def found(text, lang):
        return [m.text for m in place_mentions(text, gazetteer, lang)]

    assert found("Man wird unsern Verlust an Untersee¬\nbooten bedauern, wofür jede Ga¬rantie fehlt.", "de") == []
    m = {x.text: x for x in place_mentions("Some of the questions that have agitated Penn¬\nsylvania, and "
                                           "required my action.", gazetteer, "en")}
    _near(m["Penn¬\nsylvania"], 40.9, -77.7, 300)
    assert found("Der Verein der graphischen Fächer für Nieder¬österreich tagt in Wien.", "de") == \
        ["Nieder¬österreich", "Wien"]
    # a former state no gazetteer of today has stays, listed; a town's name broken so stays, placed
    assert found("Die Regierung der Tschecho¬slowakei tagte.", "de") == ["Tschecho¬slowakei"]
    m = _placed("Er fuhr von Berlin nach Stutt¬\ngart.", gazetteer)
    _near(m["Stutt¬\ngart"], 48.78, 9.18, 30)
    # not a name a hyphen joins to another at a line's end, whose second part has a capital
    from geo.recognizer import _BROKEN_WORD

    assert _BROKEN_WORD.fullmatch("Agri-\nculture") and not _BROKEN_WORD.fullmatch("New-\nYork")


def test_batch_lines_may_say_their_language(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "fi", "text": "Saavuimme Tampereelle.", "lang": "fi"}) + "\n"
                   + json.dumps({"id": "none", "text": "Saavuimme Tampereelle."}) + "\n", "utf-8")
    res = run_cli("places", "--jsonl", str(src))
    assert res.returncode == 0, res.stderr
    out = {d["id"]: d["places"] for d in map(json.loads, res.stdout.decode().splitlines())}
    [(place)] = out["fi"]
    assert place["text"] == "Tampereelle" and haversine_km(place["lat"], place["lon"], 61.50, 23.79) < 30
    # without it, four words are too few to tell the language by: the inflected name is not placed
    assert all(p["lat"] is None for p in out["none"])
    bad = run_cli("places", "--lang", "Finnish", str(src))
    assert bad.returncode != 0 and bad.stderr.decode().count("\n") == 1 and b"--lang" in bad.stderr


def test_abbreviated_names_keep_their_dot_and_full_stops_stay_out(gazetteer):
    # the corpora count the dot of "Va." in the name; a sentence's full stop is not
    m = _placed("He lives in Richmond, Va. and moved to Fresno, Calif. The family went on to Texas.", gazetteer)
    assert {"Va.", "Calif.", "Texas"} <= set(m)
    _near(m["Va."], 37.5, -78.9)
    _near(m["Calif."], 37.25, -119.75)


def test_a_name_ends_at_a_full_stop_and_on_a_word_with_a_capital(gazetteer):
    # a sentence's end ends a name the model would run on into the next sentence
    assert list(_placed("Die Lage in Frankfurt. Reuter meldet neue Unruhen.", gazetteer))[:1] == ["Frankfurt"]
    # a name begun with a capital does not end on a word without one ("Cork city", "State of") ...
    m = _placed("The flood reached Cork city on Friday.", gazetteer)
    assert list(m) == ["Cork"]
    _near(m["Cork"], 51.9, -8.47, km=20)
    # ... but a word's part after a hyphen where a scanned line break was lost is the word's
    assert "Hel-singfors" in _placed("Yesterday the vessel reached Hel-singfors harbour.", gazetteer)
    # ... and, in a language that writes adjectives small, a country's name goes on in small letters
    m = _placed("Il est allé en Arabie saoudite, puis aux Émirats arabes unis et en Guinée équatoriale.", gazetteer,
                lang="fr")
    assert list(m) == ["Arabie saoudite", "Émirats arabes unis", "Guinée équatoriale"]
    assert m["Arabie saoudite"].place.country_code == "SA" and m["Émirats arabes unis"].place.country_code == "AE"
    assert list(_placed("Han reste till Förenade arabemiraten.", gazetteer, lang="sv")) == ["Förenade arabemiraten"]
    # not a town's ("La grande masse", La Grande, Oregon), nor in English ("Washington state")
    assert "La grande" not in _placed("Des bâtons leur suffiront. La grande masse du peuple a voté.", gazetteer,
                                      lang="fr")
    assert "Washington" in _placed("Outbreaks hit Washington state this week.", gazetteer, lang="en")


def test_a_word_for_the_kind_of_place_is_the_names_and_the_name_is_placed_without_it(gazetteer):
    # as HIPE-2022 marks them: a word before the name in German and French, after it in Finnish and Swedish
    m = _placed("Er reiste durch die Provinz Hannover in die Gemeinde Wetzikon.", gazetteer, lang="de")
    assert {"Provinz Hannover", "Gemeinde Wetzikon"} <= set(m)
    _near(m["Provinz Hannover"], 52.37, 9.73, km=30)
    _near(m["Gemeinde Wetzikon"], 47.33, 8.80, km=10)
    m = _placed("Il a quitté le canton de Vaud pour l'île de\nCuba.", gazetteer, lang="fr")
    assert {"canton de Vaud", "île de\nCuba"} <= set(m)
    _near(m["île de\nCuba"], 22.0, -79.5)
    # a station, a bridge, a church, a road named after a place: a place of its own, placed where the name is
    m = _placed("Le train est arrivé à la gare de Lausanne, près de l'église Saint-Laurent.", gazetteer, lang="fr")
    assert "gare de Lausanne" in m
    _near(m["gare de Lausanne"], 46.52, 6.63, km=10)
    m = _placed("Hän muutti Kemijärven pitäjissä ja Oulun lääniin.", gazetteer, lang="fi")
    assert {"Kemijärven pitäjissä", "Oulun lääniin"} <= set(m)
    _near(m["Oulun lääniin"], 65.01, 25.47, km=10)
    assert m["Oulun lääniin"].match == "inflected"
    assert "Uppsala län" in _placed("Han for till Uppsala län.", gazetteer, lang="sv")
    # not a compound ("lääninvankilan", the provincial prison, whose name the town's is: no place of its own), nor
    # after a country ("Suomen kaupungit": Finland's towns), nor in English, where the corpora leave the word out
    m = _placed("Suomen kaupungit ja Vaasan lääninvankilan vangit.", gazetteer, lang="fi")
    assert "Suomen" in m and not any(name.startswith("Vaasan") for name in m)
    assert "Stadt Berlin" not in _placed("He visited Stadt Berlin.", gazetteer, lang="en")


def test_a_name_in_a_languages_old_spelling_is_placed_as_it_is_spelled_now(gazetteer):
    # Finnish once wrote w for v: "Wiipurissa" is Viipuri's (Vyborg), "Itäwalta" Itävalta (Austria)
    m = _placed("Samote satoi Wiipurissa sunnuntaina. Ellen=bogen (Itäwalta), ja Johann.", gazetteer, lang="fi")
    _near(m["Wiipurissa"], 60.71, 28.75, km=10)
    assert m["Itäwalta"].place.country_code == "AT"
    # the letters of the language's: not in English ("Wirral" is no Virral)
    from geo.text import modern_spelling

    assert modern_spelling("Wiipurissa", "fi") == "Viipurissa" and modern_spelling("Wirral", "en") == "Wirral"
    # the gazetteer's look-ups of a word's name: its form, or as written now; and the kind of place of its form
    assert gazetteer.form_key("Wiipurissa", "fi") == "viipuri" and gazetteer.form_key("Itäwalta", "fi") == "itävalta"
    assert gazetteer.form_key("Wiipurissa", "en") is None
    # a clitic after the ending ("Suomenkin", Finland's too; morphology.toml's clitics), in Finnish only
    assert gazetteer.form_key("Suomenkin", "fi") == "suomi" and gazetteer.form_key("Wenäjällekin", "fi") == "venäjä"
    assert gazetteer.form_key("Suomenkin", "sv") is None and gazetteer.form_key("Kaan", "fi") is None


def test_old_spellings_and_clitics_are_weighed_as_inflected_names_though_the_model_never_learned_them(gazetteer):
    from geo.recognizer import _forms_the_marks_miss, gazetteer_marks, tagger_tokens

    # the gazetteer's marks, which the model learned from, know neither; the threshold then takes them as it
    # takes an inflected name's (a word the gazetteer knows as written keeps its own mark: "Helsingissä")
    text = "Suomenkin kansa ja Wiipurissa, Helsingissä ja Kalle"
    toks = tagger_tokens(text)
    unmarked = _forms_the_marks_miss(toks, gazetteer_marks(text, toks, gazetteer, "fi"), gazetteer, "fi")
    assert {toks[i].text: mark[1] for i, mark in unmarked.items()} == {"Suomenkin": "gz:country",
                                                                      "Wiipurissa": "gz:city"}
    assert all("gz:inflected" in mark for mark in unmarked.values())
    assert _forms_the_marks_miss(toks, [()] * len(toks), gazetteer, "de") == {}
    # end to end: found and placed (Finland; Vyborg and Vaasa as written now)
    m = _placed("kohden, johon Suomenkin kansa on kulkeva. Samote satoi Wiipurissa ja Waasassa.", gazetteer, lang="fi")
    assert m["Suomenkin"].place.country_code == "FI"
    _near(m["Wiipurissa"], 60.71, 28.75, km=10)
    _near(m["Waasassa"], 63.10, 21.62, km=10)
    assert gazetteer.form_kind("Saksan", "fi")[0] == "country" and gazetteer.form_kind("Saksan", None) is None


def test_tagging_gives_the_probabilities_crfsuite_gives(gazetteer):
    import numpy as np
    import pycrfsuite

    from geo.recognizer import _model_bytes, _scorer, gazetteer_marks, model_weights, tagger_tokens, token_features

    text = ("Kim Jong Un's armoured train left Pyongyang, crossed at Tumangang and reached Khasan; "
            "Zzyzxville and Qwxplorp are no words the model has seen. Le train est arrivé à Vladivostok.\n\n"
            "Den 12. Sept. reiste er über Przemyśl nach Wien-\nNeustadt.")
    toks = tagger_tokens(text)
    marks = gazetteer_marks(text, toks, gazetteer)
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(_model_bytes())
    tagger.set(token_features(text, toks, gazetteer, marks))  # every feature, as the model was trained on them
    info = tagger.info()
    weights = model_weights()
    # the weights read from the model file are CRFsuite's (which prints them to six decimals)
    assert set(weights.attributes) == {a for a, _ in info.state_features}
    column = {label: k for k, label in enumerate(weights.labels)}
    assert max(abs(weights.state[weights.attributes[a], column[label]] - w)
               for (a, label), w in info.state_features.items()) <= 5e-7
    assert max(abs(weights.transitions[column[a], column[b]] - w) for (a, b), w in info.transitions.items()) <= 5e-7
    # ... and the tokens' probabilities, word by word, are CRFsuite's
    probability = _scorer().probabilities(toks, marks)
    expected = np.array([[tagger.marginal(label, i) for i in range(len(toks))] for label in weights.labels])
    assert np.abs(np.array([probability[label] for label in weights.labels]) - expected).max() < 1e-12
    assert "Khasan" in {m.text for m in place_mentions(text, gazetteer)}


def test_a_surname_said_alone_is_a_person_not_a_town(gazetteer):
    text = ("Senator Judy Clayton visited Denver on Friday. Clayton promised new funding for roads. "
            "Congressman Mario Diaz-Balart spoke in Immokalee; Balart praised the project. "
            "Growth in Northeast Georgia outpaced the rest of Georgia, officials in Atlanta said.")
    found = {m.text for m in place_mentions(text, gazetteer)}
    assert not {"Clayton", "Balart"} & found  # both name towns, and were taken for them without the rule
    assert {"Denver", "Immokalee", "Georgia", "Atlanta"} <= found  # "Northeast Georgia": no given name there


def test_a_surname_taken_for_a_town_each_time_is_still_a_surname():
    from geo.recognizer import _surnames, tagger_tokens

    def spans(text, word):
        return [(i, i + len(word)) for i in range(len(text)) if text.startswith(word, i)]

    # the model took "Holloway" for the town every time, "Ian Holloway" too: Ian is a given name
    text = "Hull manager Ian Holloway was pleased. Holloway said the side had played well."
    assert _surnames(text, tagger_tokens(text), spans(text, "Holloway"), "en") == {"Holloway"}
    # a capital word before a name found is no given name unless people are called so
    text = "The United Way of Metropolitan Atlanta raised $2 million. Atlanta schools will share it."
    assert _surnames(text, tagger_tokens(text), spans(text, "Atlanta"), "en") == set()
    # a given name as common a word as Andrew, and one with a middle initial, still count ...
    text = "Andrew Trapani is a producer. Matthew D. Flores was shot; Trapani and Flores knew each other."
    assert _surnames(text, tagger_tokens(text), spans(text, "Trapani") + spans(text, "Flores"), "en") == \
        {"Trapani", "Flores"}
    # after a title and one or two names ("Dr. Tunji Olaopa"), not after a title alone (a nickname)
    text = "Dr. Tunji Olaopa spoke. Olaopa's book is out. 'Mr. Arlington' dies; Arlington mourns."
    assert _surnames(text, tagger_tokens(text), spans(text, "Olaopa") + spans(text, "Arlington"), "en") == \
        {"Olaopa"}
    # a double surname, found as a place each time, after a given name
    text = "Congressman Mario Diaz-Balart spoke. Balart praised the project."
    assert _surnames(text, tagger_tokens(text), spans(text, "Balart"), "en") == {"Balart"}
    # ... but not a word that common ("In"), nor a day that is also a name ("Sunday")
    text = "In Oakland, the police came at once. On Sunday Alexandria police came. Oakland and Alexandria wept."
    assert _surnames(text, tagger_tokens(text), sorted(spans(text, "Oakland") + spans(text, "Alexandria")),
                     "en") == set()


def test_a_small_regions_name_after_a_given_name_is_a_surname(gazetteer):
    from geo.recognizer import _too_big_for_a_surname
    from geo.text import name_key

    # the province of Trapani (430,000 people) is no bar to "Andrew Trapani"; Georgia and Jordan are
    assert not _too_big_for_a_surname(gazetteer.name_kind(name_key("Trapani")))
    assert _too_big_for_a_surname(gazetteer.name_kind(name_key("Georgia")))
    assert _too_big_for_a_surname(gazetteer.name_kind(name_key("Jordan")))
    text = "Andrew Trapani is a gambling man. Trapani bet on the film, and Trapani won."
    assert "Trapani" not in {m.text for m in place_mentions(text, gazetteer, "en")}


def test_an_acronym_short_for_a_name_that_is_no_place_is_none(gazetteer):
    from geo.recognizer import _short_for_other_names, tagger_tokens

    text = ("Andres Manuel Lopez Obrador (AMLO) spoke. The Commonwealth of Independent States (CIS) met. "
            "The United Arab Emirates (UAE) agreed. AMLO left for the CIS and the UAE.")
    found = sorted([(i, i + len(w)) for w in ("AMLO", "CIS", "UAE") for i in range(len(text)) if text.startswith(w, i)]
                   + [(text.find("United"), text.find(" (UAE"))])
    assert _short_for_other_names(text, tagger_tokens(text), found, gazetteer) == {"AMLO", "CIS"}


def test_a_name_that_speaks_is_a_persons_unless_a_country_capital_or_region(gazetteer):
    from geo.recognizer import _speakers, tagger_tokens

    def spans(text, *words):
        return sorted((i, i + len(w)) for w in words for i in range(len(text)) if text.startswith(w, i))

    # Nelson is a town in British Columbia, Noma one in Japan: here people who speak
    text = ("Nelson says the plant will pay for itself. Noma went to the police. \"Nobody helped,\" said Noma. "
            "Police in Sevierville say a man drowned. Russia said it would reply. Liverpool said it was shocked.")
    assert _speakers(text, tagger_tokens(text), spans(text, "Nelson", "Noma", "Sevierville", "Russia", "Liverpool"),
                     "en") == {"Nelson", "Noma", "Russia", "Liverpool"}  # "in Sevierville say": the place
    found = {m.text for m in place_mentions(text, gazetteer, "en")}
    assert not {"Nelson", "Noma"} & found
    assert {"Sevierville", "Russia", "Liverpool"} <= found  # a country, and a city of 100,000 or more, stay
    # "said Noma" must end its clause: "said Noma police" is no speaker
    text = "The fire spread, said Noma police. Noma is quiet now."
    assert _speakers(text, tagger_tokens(text), spans(text, "Noma"), "en") == set()


def test_a_full_name_of_a_given_name_and_a_surname_is_no_place(gazetteer):
    from geo.recognizer import _people_named

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    text = ("Nancy Levan and Ashley Sutton live on Jay Lane, near the Sierra Nevada and the Virginia Gateway, "
            "a walk from Milton Abbey.")
    names = ("Nancy Levan", "Ashley Sutton", "Jay Lane", "Sierra Nevada", "Virginia Gateway", "Milton Abbey")
    assert _people_named(text, [span(text, n) for n in names], gazetteer, "en") == \
        ({span(text, "Nancy Levan"), span(text, "Ashley Sutton")}, {"Levan", "Sutton"})
    # a given name found alone, as a small town's, before a surname found as no place
    text = "Doris Lindenwald helped. Houston Rockets fans and Lindsay Police came. Clinton April sales rose."
    names = ("Doris", "Houston", "Lindsay", "Clinton")
    assert _people_named(text, [span(text, n) for n in names], gazetteer, "en") == ({span(text, "Doris")},
                                                                                   {"Lindenwald"})
    # a given name found as a town's before a surname found as one too, not a country's nor a big region's
    text = "Elizabeth Fairfield was charged. She had lived in Austin Texas."
    names = ("Elizabeth", "Fairfield", "Austin", "Texas")
    assert _people_named(text, [span(text, n) for n in names], gazetteer, "en") == ({span(text, "Elizabeth")},
                                                                                   {"Fairfield"})
    # a name before a middle initial and a surname ("Benton M. Johnson"), unless a country's or a big region's
    text = "Benton M. Johnson said Irvin E. Rhodes won. Georgia W. Smith is no person's name here."
    names = ("Benton", "Irvin", "Georgia")
    assert _people_named(text, [span(text, n) for n in names], gazetteer, "en") == \
        ({span(text, "Benton"), span(text, "Irvin")}, {"Johnson", "Rhodes"})
    # not in French, where "M." is Monsieur: "à Lyon M. Thiers"
    text = "On a vu à Lyon M. Thiers."
    assert _people_named(text, [span(text, "Lyon")], gazetteer, "fr") == (set(), set())
    for text, place, person in (("The recipient of the Judah P. Benjamin Award lives in Memphis.", "Memphis", "Judah"),
                                ("AMHERST - Irvin E. Rhodes was the big winner. Rhodes took 60 percent.", "AMHERST",
                                 "Irvin")):
        found = {m.text for m in place_mentions(text, gazetteer, "en")}
        assert place in found and person not in found
    # the surname said alone again is the person's too
    text = "Ashley Sutton runs the shop. Sutton opened it in Denver."
    found = {m.text for m in place_mentions(text, gazetteer, "en")}
    assert "Denver" in found and not any("Sutton" in name for name in found)


def test_names_run_together_across_a_slash_or_a_dash_are_parted(gazetteer):
    from geo.recognizer import _split_at_separators

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    text = "Chartres/Franklin, ST. LOUIS – St. Louis, Diaz-Balart, Kochi/ Aluva, and Biel/Bienne."
    found = [span(text, n) for n in ("Chartres/Franklin", "ST. LOUIS – St. Louis", "Diaz-Balart", "Kochi/ Aluva",
                                     "Biel/Bienne")]
    assert [text[s:e] for s, e in _split_at_separators(text, found, gazetteer)] == \
        ["Chartres", "Franklin", "ST. LOUIS", "St. Louis", "Diaz-Balart", "Kochi", "Aluva", "Biel/Bienne"]
    # a heading's last name and the dateline on the next line, after a dash or in capitals; not a name broken
    # across lines, nor a line of capitals after capitals
    text = "Le meurtre du Toujquet\n-PARIS, 29. Désastre en Silésie\nBERLIN, 29. La Chaux-\nde-Fonds. NEW\nYORK."
    found = [span(text, n) for n in ("Toujquet\n-PARIS", "Silésie\nBERLIN", "Chaux-\nde-Fonds", "NEW\nYORK")]
    assert [text[s:e] for s, e in _split_at_separators(text, found, gazetteer)] == \
        ["Toujquet", "PARIS", "Silésie", "BERLIN", "Chaux-\nde-Fonds", "NEW\nYORK"]


def test_names_a_comma_lists_in_english_are_each_their_own(gazetteer):
    from geo.recognizer import _split_at_commas

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    # parted at the comma, each part from its first letter or digit, kept where that is a capital or a digit;
    # "Washington, D.C.", a name the gazetteer knows whole, stays whole
    text = ("ALBUQUERQUE, N.M. - Flooding near Manta, #Ecuador, Highway 75, Bearkat Boulevard and Washington, D.C. "
            "at 55, of")
    found = [span(text, n) for n in ("ALBUQUERQUE, N.M.", "Manta, #Ecuador", "Highway 75, Bearkat Boulevard",
                                     "Washington, D.C.", "55, of")]
    assert [text[s:e] for s, e in _split_at_commas(text, found, gazetteer)] == \
        ["ALBUQUERQUE", "N.M.", "Manta", "Ecuador", "Highway 75", "Bearkat Boulevard", "Washington, D.C."]
    # in other languages, names each known as a place ("Rochefort, Saint-Nazaire"); a radio listing's station and
    # its show, an everyday word ("Tour Eiffel, Musique"); not a house's number and its street
    text = "Pour La Rochelle, Rochefort, Saint-Nazaire ; Tour Eiffel, Musique légère ; 46, rue deDunkerque, et"
    found = [span(text, n) for n in ("Rochefort, Saint-Nazaire", "Tour Eiffel, Musique", "46, rue deDunkerque")]
    assert [text[s:e] for s, e in _split_at_commas(text, found, gazetteer, "fr")] == \
        ["Rochefort", "Saint-Nazaire", "Tour Eiffel", "46, rue deDunkerque"]
    # a road's number is its name's, after a word for a road or a code joined by a hyphen; not "U.S. 21"
    from geo.recognizer import _with_road_numbers

    text = "Closed: Highway 10 east, County Road 56, US-24, NJ-33 EB and U.S. 21 near the Route 1st Avenue."
    found = [span(text, n) for n in ("Highway", "County Road", "US", "NJ", "U.S.", "Route")]
    assert [text[s:e] for s, e in _with_road_numbers(text, found)] == \
        ["Highway 10", "County Road 56", "US-24", "NJ-33", "U.S.", "Route"]
    # as the recogniser finds them: the town and its state, each placed
    m = _placed("ALBUQUERQUE, N.M. (AP) - Documents show a deal.", gazetteer, lang="en")
    _near(m["ALBUQUERQUE"], 35.08, -106.65, km=20)
    assert m["N.M."].place.feature == "region" and m["N.M."].place.name == "New Mexico"


def test_names_found_in_parts_are_one_countrys_or_regions_name(gazetteer):
    from geo.recognizer import _joined

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    text = "Trinidad and Tobago, Great Britain, the U.S. Virgin Islands, Washington, D.C., Iowa and Nebraska."
    parts = ["Trinidad", "Tobago", "Great", "Britain", "U.S.", "Islands", "Washington", "D.C.", "Iowa", "Nebraska"]
    assert _joined(text, [span(text, n) for n in parts], gazetteer) == [
        span(text, "Trinidad and Tobago"), span(text, "Great Britain"), span(text, "U.S. Virgin Islands"),
        span(text, "Washington, D.C."), span(text, "Iowa"), span(text, "Nebraska")]


def test_a_place_an_organisation_is_named_after_is_the_organisations_in_french(gazetteer):
    # as HIPE-2022 marks them: the bank, the paper, the cabinet; not the place after "à" or "de" alone
    text = ("La Banque de France et le Journal de Paris annoncent que le Crédit Foncier d'Algérie a quitté "
            "Paris pour le Cabinet de Prague, à Lyon.")
    found = [m.start for m in place_mentions(text, gazetteer, "fr")]
    assert found == [text.index("Paris pour"), text.index("Lyon")]
    # a rule of the language's: not in English, whose corpora leave no such rule
    from geo.recognizer import _organisations

    text = "La Banque de France"
    assert _organisations(text, [(13, 19)], gazetteer, "fr") == {(13, 19)} and \
        _organisations(text, [(13, 19)], gazetteer, "en") == set()
    text = "1055 . .Banque de France . . 25400"  # a stock list's line, its dots run up to the name
    assert _organisations(text, [(18, 24)], gazetteer, "fr") == {(18, 24)}
    text = "un article du Journal de\nParis et du Credit Suisse"  # found whole, with the organisation's word
    whole = [(14, 30), (text.index("Credit"), len(text))]
    assert [text[s:e] for s, e in whole] == ["Journal de\nParis", "Credit Suisse"]
    assert _organisations(text, whole, gazetteer, "fr") == set(whole)
    text = "NORMANDIE — France Libre, actualités ; à Paris"  # the movement of 1940, and a newsreel of its name
    assert _organisations(text, [(12, 18), (text.index("Paris"), len(text))], gazetteer, "fr") == {(12, 18)}


def test_a_place_an_organisation_is_named_after_is_the_organisations_in_finnish_and_swedish(gazetteer):
    from geo.recognizer import _organisations

    def organisations(text, names, lang):
        spans = [(text.index(n), text.index(n) + len(n)) for n in names]
        return [text[s:e] for s, e in sorted(_organisations(text, spans, gazetteer, lang))]

    # a name before a word of which a word for an organisation is a part, a compound's last too and broken across
    # lines or not: the prison, the university, the association, not the town; a country's name stays a place
    text = ("hakeneet Helsingin kuritushuo-neen johtaja, Moskovan yliopiston dosentti, Porvoon työväenyh-distyksen "
            "talo, Ruotsin ampumayhdistysten jäsenet; Oulun tienoilla")
    assert organisations(text, ["Helsingin", "Moskovan", "Porvoon", "Ruotsin", "Oulun"], "fi") == \
        ["Helsingin", "Moskovan", "Porvoon"]
    text = "i Åbo sparkassa och af Hel-singfors arbetareförenings kvinnor, från Åbo i går"
    assert organisations(text, ["Åbo", "Hel-singfors"], "sv") == ["Åbo", "Hel-singfors"]
    assert organisations(text, ["Hel-singfors"], "en") == []
    # end to end: the town said alone is still a place
    m = _placed("Helsingin kuritushuoneen johtaja matkusti eilen Helsingistä Turkuun.", gazetteer, lang="fi")
    assert "Helsingin" not in m and {"Helsingistä", "Turkuun"} <= set(m)


def test_a_name_takes_in_the_words_a_hyphen_joins_to_it_in_french_finnish_and_swedish(gazetteer):
    from geo.recognizer import _whole_hyphened_names

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    # a part found of a compound name: the whole, as HIPE-2022 marks it, with the small words between capitals
    # ("Seine-et-Oise") and initials ("Bordeaux-S.-O.", a radio station), two hyphens where a scan shows two
    text = "De Nouvelle-Orléans en Seine-et-Oise ; Bordeaux--S.-O., Ile-de-Franoe et Pohjois-Suomessa."
    found = [span(text, n) for n in ("Orléans", "Oise", "Bordeaux", "Franoe")]
    assert [text[s:e] for s, e in _whole_hyphened_names(text, found, gazetteer, "fr")] == \
        ["Nouvelle-Orléans", "Seine-et-Oise", "Bordeaux--S.-O.", "Ile-de-Franoe"]
    assert _whole_hyphened_names(text, [span(text, "Suomessa")], gazetteer, "fi") == [span(text, "Pohjois-Suomessa")]
    # a listing's number or full stop run into it ("19 h. 15 1Ile-de-France", "la Gaîté.IMPÉRIAL-PATHÉ")
    text = "19 h. 15 1Ile-de-France, la Gaîté.IMPÉRIAL-PATHÉ."
    found = [span(text, "France"), span(text, "PATHÉ")]
    assert [text[s:e] for s, e in _whole_hyphened_names(text, found, gazetteer, "fr")] == \
        ["Ile-de-France", "IMPÉRIAL-PATHÉ"]
    # not another name found, nor a country's ("Berlin-Rome", "France-Italie": two places); not a word in small
    # letters with no capital beyond it ("Croix-du-marché"), nor words run together or broken at a line's end
    text = "L'axe Berlin-Rome, le match France-Italie, la Croix-du-marché, rue Neuve-des-PetitsChamp, Châtelard-Mon-\n"
    found = [span(text, n) for n in ("Berlin", "Rome", "France", "Croix", "Neuve", "Châtelard")]
    assert _whole_hyphened_names(text, found, gazetteer, "fr") == found
    # not in English nor German, whose corpora mark the parts ("Oesterreich-Ungarn": two countries)
    text = "Nouvelle-Orléans"
    assert _whole_hyphened_names(text, [span(text, "Orléans")], gazetteer, "en") == [span(text, "Orléans")]
    assert _whole_hyphened_names(text, [span(text, "Orléans")], gazetteer, "de") == [span(text, "Orléans")]


def test_a_name_a_scan_ran_into_the_next_word_is_found_in_french(gazetteer):
    from geo.recognizer import _names_run_into_words

    # a line break lost: a country's or a big place's name and one of the language's commonest words, one word
    text = "Mais j'irai en Francequand l'autre reviendra ; son livre parut à Londresson premier."
    assert [text[s:e] for s, e in _names_run_into_words(text, [], gazetteer, "fr")] == ["France", "Londres"]
    # a span the model found of the whole word becomes the name's
    whole = (text.index("Londresson"), text.index("Londresson") + len("Londresson"))
    assert [text[s:e] for s, e in _names_run_into_words(text, [whole], gazetteer, "fr")] == ["France", "Londres"]
    # not a word of the language ("Parisien", "Lyonnais") nor a name with a rare word or a letter after it
    text = "Le Parisien et le Lyonnais, Parisbail, Romeo."
    assert _names_run_into_words(text, [], gazetteer, "fr") == []
    # end to end, placed; a rule of French's (morphology.toml), whose scanned pages lost line breaks so
    m = _placed("Mais j'irai en Francequand l'autre reviendra.", gazetteer, lang="fr")
    assert m["France"].place.feature == "country"
    assert [x.text for x in place_mentions("I went to Francequand.", gazetteer, "en")] != ["France"]


def test_a_word_no_gazetteer_knows_needs_more_of_the_model_in_another_language(gazetteer):
    from geo.recognizer import INSIDE_PROBABILITY, OTHER_LANGUAGE_INSIDE_PROBABILITY, _threshold, toponym_spans
    from geo.text import Token

    # the model has seen far less of other languages than of English news: it must say more for a word unknown
    word = Token("Festlande", 0, 9)
    assert _threshold(word, (), None) == INSIDE_PROBABILITY < OTHER_LANGUAGE_INSIDE_PROBABILITY
    assert _threshold(word, (), None, unknown_word=OTHER_LANGUAGE_INSIDE_PROBABILITY) == OTHER_LANGUAGE_INSIDE_PROBABILITY
    # "dem Festlande" (the mainland), to which the shipped model gives some 0.34: a place read as English, not German
    text = "dem Festlande gegenüber — ebenfalls vor Kurzem bedeutend"
    assert [text[s:e] for s, e in toponym_spans(text, gazetteer, "en")] == ["Festlande"]
    assert toponym_spans(text, gazetteer, "de") == []


def test_a_name_a_scan_ran_into_a_function_word_is_found_in_german_finnish_and_swedish(gazetteer):
    from geo.recognizer import _names_run_into_words

    # German writes its nouns with a capital: a word in small letters after a name run into it is one of the
    # language's commonest ("nach", "wieder", "steht"), or, after a place's preposition, a common one ("gehen")
    text = "die Verwaltung in Pragnach sich zieht; das kleine Japansteht; nicht nach Wiengehen."
    assert [text[s:e] for s, e in _names_run_into_words(text, [], gazetteer, "de")] == ["Prag", "Japan", "Wien"]
    # not a compound's noun in small letters ("Alabamafrage", "Wienstrasse") nor an adjective's ending ("Kladnoer")
    text = "Die Alabamafrage, die Wienstrasse, die Kladnoer Kohlenwerke."
    assert _names_run_into_words(text, [], gazetteer, "de") == []
    # Finnish: the name inflected before the word ("Saksanja": Saksan, Germany's, and "ja"); Swedish
    text = "luultiin, että Saksanja Ranskan neuwottelijat; Saksanäyttää aikowan."
    assert [text[s:e] for s, e in _names_run_into_words(text, [], gazetteer, "fi")] == ["Saksan", "Saksa"]
    text = "en deputation från Europavarit rest till S:t Petersburg"
    assert [text[s:e] for s, e in _names_run_into_words(text, [], gazetteer, "sv")] == ["Europa"]
    # a span the model found of the word and the name after it: the name in the word, and the name after it
    text = "luultiin, että Saksanja Ranskan neuwottelijat"
    found = [(text.index("Saksanja"), text.index(" neuwottelijat"))]
    assert [text[s:e] for s, e in _names_run_into_words(text, found, gazetteer, "fi")] == ["Saksan", "Ranskan"]
    # end to end, placed
    m = _placed("Wenn das freie Wort in Pragwieder Recht haben wird.", gazetteer, lang="de")
    _near(m["Prag"], 50.09, 14.42, km=30)
    # under the commonest words, the word is the language's own, not a part of foreign names it borrows: "Chassan"
    # (Khasan in German) was Chas, a town of India, and "san" (Zipf 4.5 in German, 5.0 in English), and that far
    # place put Wladiwostok out of the story
    text = "Er reiste bei Chassan über die Grenze nach Wladiwostok; sie kamen nach Klagenfurtgesprochen."
    assert [text[s:e] for s, e in _names_run_into_words(text, [], gazetteer, "de")] == ["Klagenfurt"]
    # a word of two letters, which many a foreign name ends in, only after a country's or a place's of a million:
    # "bei Chasan" is no Chas (India) and "an", "Pernam" no Pern (Bern) and "am"; "Wienam", "Ungarnzu" are
    text = "Er fuhr bei Chasan über die Grenze; in Pernam Montag; in Wienam Montag; nach Ungarnzu fahren."
    assert [text[s:e] for s, e in _names_run_into_words(text, [], gazetteer, "de")] == ["Wien", "Ungarn"]
    m = _placed("Scholz reiste bei Chassan über die Grenze nach Wladiwostok.", gazetteer, lang="de")
    assert "Chas" not in m and m["Wladiwostok"].place.name == "Vladivostok"


def test_names_a_scan_ran_together_are_parted_where_each_is_a_name(gazetteer):
    from geo.recognizer import _names_run_together_parted

    def whole(text, name):
        return [(text.index(name), text.index(name) + len(name))]

    # a lost line break between names: parted at each capital after small letters where every part is a name
    # (inflected perhaps); not one name written so, nor a part that is no name ("GerstlWien")
    text = "lähettää erikoisvaunuissa VenäjältäSuomeen; sekä"
    assert [text[s:e] for s, e in _names_run_together_parted(text, whole(text, "VenäjältäSuomeen"), gazetteer, "fi")] \
        == ["Venäjältä", "Suomeen"]
    text = "KlagenfurtPragWienKrakauDebreczinLembergTarnopol"
    assert [text[s:e] for s, e in _names_run_together_parted(text, whole(text, "DebreczinLembergTarnopol"),
                                                              gazetteer, "de")] == ["Debreczin", "Lemberg", "Tarnopol"]
    for text, name, lang in (("au BoulevardMontparnasse", "BoulevardMontparnasse", "fr"),
                             ("Frankfurt amMain", "Frankfurt amMain", "de"), ("beim GerstlWien", "GerstlWien", "de")):
        assert _names_run_together_parted(text, whole(text, name), gazetteer, lang) == whole(text, name)


def test_finnish_everyday_names_of_england_and_holland_are_known(gazetteer):
    # CLDR names the United Kingdom and the Netherlands, not England and Holland (country_aliases.toml)
    text = "terwehdyksiä toiwat Askew (Englanti), Mendel (Hollanti) ja muut."
    placed = {m.text: m.place for m in place_mentions(text, gazetteer, "fi")}
    assert placed["Englanti"].country_code == "GB" and placed["Hollanti"].country_code == "NL"


def test_former_states_and_historical_regions_are_found_and_listed_unresolved(gazetteer):
    from geo.recognizer import _historical_places

    # historical_places.toml: found where the model passed them over, with German's genitive and Finnish endings;
    # not inside a word, nor where a span was found
    text = "die Grenzen Preußens und Böhmen, die Tschechoslowakei; Preußenbund; in Alsace-Lorraine"
    assert [text[s:e] for s, e in _historical_places(text, [], gazetteer, "de")] == \
        ["Preußens", "Böhmen", "Tschechoslowakei"]
    found = [(text.index("Böhmen"), text.index("Böhmen") + 6)]
    assert _historical_places(text, found, gazetteer, "de").count(found[0]) == 1
    text = "Preussissa ja Böömissä"
    assert [text[s:e] for s, e in _historical_places(text, [], gazetteer, "fi")] == ["Preussissa", "Böömissä"]
    # French; not in English, nor a language the file has no names for
    text = "la Prusse et la Bohême, l'Alsace-Lorraine"
    assert [text[s:e] for s, e in _historical_places(text, [], gazetteer, "fr")] == \
        ["Prusse", "Bohême", "Alsace-Lorraine"]
    assert _historical_places("Prussia and Bohemia", [], gazetteer, "en") == []
    # a name of hyphened parts, whole, in place of the parts found in it (Saxe-Weimar, not Saxony and Weimar)
    text = "kertoo, että Saksi-Weimarin prinsessa"
    parts = [(text.index("Saksi"), text.index("Saksi") + 5), (text.index("Weimarin"), text.index("Weimarin") + 8)]
    assert [text[s:e] for s, e in _historical_places(text, parts, gazetteer, "fi")] == ["Saksi-Weimarin"]
    text = "die Linie Sachsen-Coburg und Weimar"
    found = [(text.index("Weimar"), len(text))]
    assert [text[s:e] for s, e in _historical_places(text, found, gazetteer, "de")] == ["Sachsen-Coburg", "Weimar"]
    # end to end: a place no point of today stands for is listed, not guessed
    m = {x.text: x for x in place_mentions("Der König von Preußen reiste nach Böhmen.", gazetteer, "de")}
    assert m["Böhmen"].place is None and m["Böhmen"].reason


def test_rivers_seas_and_mountain_ranges_are_found_and_listed_unresolved(gazetteer):
    from geo.recognizer import _natural_features

    def found(text, lang, spans=()):
        return [text[s:e] for s, e in _natural_features(text, list(spans), gazetteer, lang)]

    # natural_features.toml: found where the model passed them over, German's genitive too; not inside a word,
    # broken across lines or not ("Donau¬frage", "Donau=Dampfschiff": a question, a company), nor a word of the
    # language written with a capital ("im Saale", in the hall; "Oder", or)
    text = "Linz (Donau) 118; Ufer des Neckars; die Donau¬frage; Donau=Dampfschiff; im Saale. Oder? vom Stillen Ocean"
    assert found(text, "de") == ["Donau", "Neckars", "Stillen Ocean"]
    assert found("zwischen Ailette und Vesle; aus dem Gailtal; im Gesäuse", "de") == ["Ailette", "Vesle", "Gailtal",
                                                                                    "Gesäuse"]  # a front, valleys
    assert found("le long de la Piave, dans le Rhin, en Méditerranée", "fr") == ["Piave", "Rhin", "Méditerranée"]
    assert found("britterna gingo ut på Nord-sjön och Östersjön", "sv") == ["Nord-sjön", "Östersjön"]
    # a span found is kept; a name the gazetteer knows is the model's (the Somme, a department); not in English
    text = "Linz (Donau) und die Somme"
    assert found(text, "de", [(6, 11)]) == ["Donau"] and "Somme" not in found(text, "de")
    assert found("along the Danube and the Rhine", "en") == []
    # end to end: listed, never placed
    m = {x.text: x for x in place_mentions("Die Truppen standen an der Piave und am Isonzo.", gazetteer, "de")}
    assert m["Piave"].place is None and m["Isonzo"].place is None and m["Piave"].reason


def test_a_countrys_name_in_any_form_is_the_country_in_finnish(gazetteer):
    from geo.recognizer import _countries_in_any_form

    # inflected, in the old spelling, in brackets; not at a sentence's start, nor a town's or a person's name
    text = "On nähty, että Wenäjällä wallankumous; riita Itaalian ja Yhdyswaltain wälillä; Ellen (Itäwalta), Salo"
    assert [text[s:e] for s, e in _countries_in_any_form(text, [], gazetteer, "fi")] == \
        ["Wenäjällä", "Itaalian", "Yhdyswaltain", "Itäwalta"]
    assert _countries_in_any_form("Wenäjällä on wallankumous.", [], gazetteer, "fi") == []
    # end to end, placed; Finnish's rule (morphology.toml's country_forms), not German's ("ein Mann": Man)
    m = _placed("On nähty, että Wenäjällä wallankumous alkaa.", gazetteer, lang="fi")
    assert m["Wenäjällä"].place.country_code == "RU"
    assert "Mann" not in _placed("Er ist ein tüchtiger Mann an der Spitze.", gazetteer, lang="de")


def test_a_name_never_begins_with_the_quotation_mark_before_it(gazetteer):
    from geo.recognizer import toponym_spans

    text = "Die Revuebühne spielt „Wien ! — Alles aussteigen“ und der Verein „St. Johann“ in Salzburg."
    spans = [text[s:e] for s, e in toponym_spans(text, gazetteer, "de")]
    assert not any(span.startswith("„") for span in spans) and "Salzburg" in spans


def test_two_towns_a_hyphen_joins_are_two_places_in_german(gazetteer):
    from geo.recognizer import _routes_parted

    def spans(text, *names):
        return [(text.index(n), text.index(n) + len(n)) for n in names]

    # a railway's or a river's stretch between two towns of 50,000 or more: two places
    text = "Schnellzüge zwischen Wien=Triest und Wien=Venedig; die Flußstrecke Prag=Aussig."
    found = spans(text, "Wien=Triest", "Wien=Venedig", "Prag=Aussig")
    assert [text[s:e] for s, e in _routes_parted(text, found, gazetteer)] == \
        ["Wien", "Triest", "Wien", "Venedig", "Prag", "Aussig"]
    # one town's name ("Teplitz=Schönau", "Gießhübl=Sauerbrunn"), or two countries' one state ("Oesterreich-Ungarn")
    text = "Kurorte: Teplitz=Schönau, Gießhübl=Sauerbrunn; Oesterreich-Ungarn."
    found = spans(text, "Teplitz=Schönau", "Gießhübl=Sauerbrunn", "Oesterreich-Ungarn")
    assert _routes_parted(text, found, gazetteer) == found
    # end to end: German only (morphology.toml's routes_hyphened)
    m = _placed("Die Schnellzüge zwischen Wien=Triest verkehren täglich.", gazetteer, lang="de")
    _near(m["Wien"], 48.21, 16.37, km=30)
    _near(m["Triest"], 45.65, 13.78, km=30)


def test_a_river_written_short_after_a_german_towns_name_is_the_names(gazetteer):
    from geo.recognizer import _with_rivers_written_short

    text = "aus Frankfurt a. M. gestern; Mielck, Frankfurt a . M . Pariser; in Frankf.a.M.: Hannover; Freiburg i. Br."
    found = [(m.start(), m.end()) for m in re.finditer(r"Frankfurt|Frankf\b|Freiburg", text)]
    assert [text[s:e] for s, e in _with_rivers_written_short(text, found)] == \
        ["Frankfurt a. M.", "Frankfurt a . M .", "Frankf.a.M.", "Freiburg i. Br."]
    # found but for the full stop, which a name found ends before; not a sentence's next word
    text = "aus Frankfurt a. M. gestern"
    assert _with_rivers_written_short(text, [(4, 18)]) == [(4, 19)]
    text = "in Frankfurt. Am Main"
    assert _with_rivers_written_short(text, [(3, 12)]) == [(3, 12)]
    m = _placed("Die Meldungen aus Frankfurt a. M. waren flau.", gazetteer, lang="de")
    _near(m["Frankfurt a. M."], 50.11, 8.68, km=30)


def test_a_german_title_makes_the_name_after_it_a_persons(gazetteer):
    # "Hrn.", "Frl.", "Grafen" (morphology.toml's titles): the person's, the title no place either
    text = "Der Referent Hrn. Greulich, das Interesse des Grafen Thun und Frl. Brückner in Wien."
    assert [m.text for m in place_mentions(text, gazetteer, "de")] == ["Wien"]


def test_a_title_in_small_letters_makes_the_name_after_it_a_persons_in_finnish_and_swedish(gazetteer):
    # Finnish and Swedish write titles in small letters (morphology.toml's titles_written_small)
    text = "Lontoossa loordi Salisbury ilmoitti, että kenraali Hindenburg saapuu Helsinkiin."
    assert [m.text for m in place_mentions(text, gazetteer, "fi")] == ["Lontoossa", "Helsinkiin"]
    text = "I London gav lord Kitchener en översikt, och hr Engdahl reste till Stockholm."
    assert [m.text for m in place_mentions(text, gazetteer, "sv")] == ["London", "Stockholm"]
    # a country's name stays a place after one; English writes its titles with a capital, and a word in small
    # letters before a name is no title there
    from geo.recognizer import _titles_and_titled
    text = "vastaan kenraali Suomi ja loordi Kitchener"
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Suomi", "Kitchener")]
    assert _titles_and_titled(text, spans, gazetteer, "fi") == {spans[1]}
    # ... but a given name is the person's after a title though a capital's and a region's (Sofia, Bulgaria)
    text = "Saksi-Weimarin prinsessa Sofia on kuollut"
    assert _titles_and_titled(text, [(25, 30)], gazetteer, "fi") == {(25, 30)}
    assert "Sofia" not in [m.text for m in place_mentions(text, gazetteer, "fi")]
    text = "he met lord Kitchener"
    assert _titles_and_titled(text, [(12, 21)], gazetteer, "en") == set()
    # a title a word before it ran into, where a scan lost a line break ("pitiloordi": piti loordi, gave lord); not
    # a short one at any word's end (Swedish "hr")
    text = "Lontoossa pitiloordi Salisbury puheen, jolloinKapt. Ruthin ja Åbohr Turku"
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Salisbury", "Ruthin", "Turku")]
    assert _titles_and_titled(text, spans, gazetteer, "fi") == set(spans[:2])
    assert _titles_and_titled("från Åbohr Turku", [(11, 16)], gazetteer, "sv") == set()


def test_a_finnish_compound_ending_in_a_word_for_a_feature_of_the_land_is_a_places_name(gazetteer):
    from geo.recognizer import _named_for_features

    # joki (a river), saari (an island), luoto (an islet), meri (a sea), kenttä (a field), inflected, broken across
    # lines or not: found where the model passed them over, most of them too small for the gazetteer
    text = ("kuin läksimme Kurkijoelta, saawuimme. Kuparisaaren lakko; oli Raippaluodolta löytänyt, "
            "palanen Kol=pinjoen rantueesta; kalliolla Ahwenanmeressä; pidetty Linnankentällä.")
    assert [text[s:e] for s, e in _named_for_features(text, [], gazetteer, "fi")] == \
        ["Kurkijoelta", "Kuparisaaren", "Raippaluodolta", "Kol=pinjoen", "Ahwenanmeressä", "Linnankentällä"]
    # not in the nominative, as many surnames are; not after a word in title case (a given name); not the town's
    # of an organisation (its prison); not a word with the feature's word at its start; not where a span was
    # found; and not in a language that gives no such words
    text = "herra Mustajoki ja Matti Kivimäen talo; Hämeenlinnan kuritushuoneen johtaja; Saarella; Joella"
    assert _named_for_features(text, [], gazetteer, "fi") == []
    text = "läksimme Kurkijoelta"
    assert _named_for_features(text, [(9, 20)], gazetteer, "fi") == [(9, 20)]
    assert _named_for_features(text, [], gazetteer, "sv") == []
    # end to end: listed where no place of the gazetteer's has the name, never guessed
    m = {x.text: x for x in place_mentions("Kun läksimme Kurkijoelta, saavuimme Helsinkiin.", gazetteer, "fi")}
    assert m["Kurkijoelta"].place is None and m["Kurkijoelta"].reason and m["Helsinkiin"].place.name == "Helsinki"


def test_a_word_before_a_word_for_its_kind_of_place_is_a_name_in_finnish_and_swedish(gazetteer):
    from geo.recognizer import _named_before_kind_words

    # the kind word after the name (kind_words_after, "pit." written short too) vouches for a name the model missed,
    # broken across a lost line perhaps, and the name is found with it
    text = "määräajat: helmik. 25 p. Kustaawin pit., 26 p. Tai=wassalon pit.; 1 p.Wehmaan pitäjässä; Suomen kaupungit"
    assert [text[s:e] for s, e in _named_before_kind_words(text, [], gazetteer, "fi")] == \
        ["Kustaawin pit.", "Tai=wassalon pit.", "Wehmaan pitäjässä"]
    text = "tillhandlat sig Viksbärg säteri i Helsinge socken"
    assert [text[s:e] for s, e in _named_before_kind_words(text, [], gazetteer, "sv")] == \
        ["Viksbärg säteri", "Helsinge socken"]
    # the kind word broken across lines, as a scan shows it ("pitä=jässä", "kun-nassa"); placed without it
    text = "luwan toimeenpanna Huittisten pitä=jässä arpajaiset; järjestysäännöksi Nurmijärven kun-nassa."
    assert [text[s:e] for s, e in _named_before_kind_words(text, [], gazetteer, "fi")] == \
        ["Huittisten pitä=jässä", "Nurmijärven kun-nassa"]
    _near(_placed(text, gazetteer, lang="fi")["Huittisten pitä=jässä"], 61.18, 22.70, km=30)
    text = "tillhandlat sig Viksbärg säteri i Helsinge socken"
    # a span found already is kept as it is; not in a language whose kind words go before names (German) or none
    found = [(text.index("Helsinge"), len(text))]
    assert _named_before_kind_words(text, found, gazetteer, "sv")[-1] == found[0]
    assert _named_before_kind_words("die Helsinge socken", [], gazetteer, "de") == []
    assert _named_before_kind_words("the Helsinge socken", [], gazetteer, "en") == []
    # end to end: a name in the gazetteer so found is placed ("Laitilan pit.": Laitila)
    m = _placed("Kruununrahojen koonti: maaliskuun 13 p. Laitilan pit.", gazetteer, lang="fi")
    _near(m["Laitilan pit."], 60.88, 21.69, km=30)


def test_a_street_and_an_address_are_found_whole_in_french(gazetteer):
    from geo.recognizer import _addresses

    # the house's number, the word for the street, its name, and the district or the town the page gives after a
    # comma, as HIPE-2022 marks an address; a number a lost line break ran into the word before it
    text = ("Ecrire 21, rue Auber, Paris. Chez Martel, 7, r. Crussol, 11e, et Négociations21 rue Auber, PARIS (IXe) ; "
            "rue de la Paix, place Denfert-Rochereau, 137, bd de Grenelle, rue La¬marck, rue La Boétie.")
    assert [text[s:e] for s, e in _addresses(text, gazetteer, "fr")] == [
        "21, rue Auber, Paris", "7, r. Crussol, 11e", "21 rue Auber, PARIS (IXe)", "rue de la Paix",
        "place Denfert-Rochereau", "137, bd de Grenelle", "rue La¬marck", "rue La Boétie"]
    # a word after the comma that is no town is left out; initials are no "r." ("R. G."); not a given name or a
    # big place after "de" ("à la place de Pierre", "une rue de Paris": the city's), nor a title
    text = "12, rue Auber, Monsieur R. G. ; à la place de Pierre ; une rue de Paris ; la place de M. Thiers."
    assert [text[s:e] for s, e in _addresses(text, gazetteer, "fr")] == ["12, rue Auber"]
    # the number after the name, as older pages write it; a big place's name with a house's number is a street's;
    # the town after a full stop, where it is a town of 10,000 (not "Cours", a village's name and a heading)
    text = "chez Me Marc, r. de Bondy, 38, et au 6, avenue de Messine. Ecrire 10, rue Taitbout. Cours de chant. " \
           "Représentant, 7. Rue St-Marc. PARIS."
    assert [text[s:e] for s, e in _addresses(text, gazetteer, "fr")] == \
        ["r. de Bondy, 38", "6, avenue de Messine", "10, rue Taitbout", "7. Rue St-Marc. PARIS"]
    # end to end: the address is one place, the town not found again inside it; French only
    text = "S'adresser 21, rue Auber, Paris."
    assert [m.text for m in place_mentions(text, gazetteer, "fr")] == ["21, rue Auber, Paris"]
    assert _addresses(text, gazetteer, "en") == []


def test_a_street_and_an_address_are_found_whole_in_german(gazetteer):
    from geo.recognizer import _street_addresses

    def found(text, lang="de"):
        return [text[s:e] for s, e in _street_addresses(text, gazetteer, lang)]

    # the street's name written as one word with its word for a street, the district's numeral before it (in any of
    # the ways old pages write it, run into the word before where a line break was lost), the house's number
    # after it, and the town before them where it is one of 10,000
    text = ("Expedition: Wien, I., Wollzeile 9. Filialen: XII. Gierstergasse 5, 7. Bez., Kaiserstraße 40; "
            "ZahnarztIV. Schleifmühlgasse 1, V. Wiedener Hauptstrasse 156, Innsbruck, Erlerstraße 5. "
            "Er wohnte in der Mariahilferstraße und im Haus XVI. Kreitnergasse 31/33, Maria-Theresien-Straße 21.")
    assert found(text) == [
        "Wien, I., Wollzeile 9", "XII. Gierstergasse 5", "7. Bez., Kaiserstraße 40", "IV. Schleifmühlgasse 1",
        "V. Wiedener Hauptstrasse 156", "Innsbruck, Erlerstraße 5", "Mariahilferstraße", "XVI. Kreitnergasse 31/33",
        "Maria-Theresien-Straße 21"]
    # a word that ends as many others do is a street's only with the house's number or a district; a common word
    # is none ("Schlagzeile", "Gelände"); nor a place's name and a number, nor the word before a street's name
    # that does not begin it; a person's name before the street is not its town
    text = ("Vom westlichen Kriegsschauplatz. Der Büchermarkt, die Schlagzeile, das Offensivgelände; "
            "Semmering 7346; Stephansplatz 9; Ecke Murlingengasse; Rudolf Wagner, Erlerstraße 5.")
    assert found(text) == ["Stephansplatz 9", "Murlingengasse", "Erlerstraße 5"]
    # German only; end to end, an address with its town is placed at the town, one without is listed unresolved
    assert found(text, "en") == found(text, "fr") == []
    m = _placed("Die Expedition befindet sich in Wien, I., Wollzeile 9, eine Filiale XII. Gierstergasse 5.",
                gazetteer, lang="de")
    _near(m["Wien, I., Wollzeile 9"], 48.21, 16.37, km=20)
    assert m["XII. Gierstergasse 5"].place is None


def test_a_dateline_names_the_place_a_report_comes_from_in_finnish(gazetteer):
    from geo.recognizer import _datelines

    # a word in title case with an ending of "from" before a month's name or a day's number and "p.": the place a
    # report comes from, though the gazetteer lacks it ("Kikeeltä") or has it under another spelling
    text = ("Syyte kaappauksesta.Ottawista, syysk. 21 pnä. Ka=nadan hallitus. Säkylästä heinäkuun 16 p. Täältä. "
            "— Saarijärweltä 3 p. tammik. — Kikeeltä tammikuussa. Herra Virtaselta kuulimme, että 3 miestä.")
    assert [text[s:e] for s, e in _datelines(text, [], "fi")] == [
        "Ottawista", "Säkylästä", "Saarijärweltä", "Kikeeltä"]
    # a name found already is left as found; no dateline in a language without the rule
    ottawa = text.index("Ottawista")
    assert _datelines(text, [(ottawa, ottawa + 6)], "fi")[0] == (ottawa, ottawa + 6)
    assert _datelines(text, [], "de") == []
    # end to end, placed where the gazetteer has the name under its spelling of today (Saarijärvi)
    m = _placed("— Saarijärweltä 3 p. tammik. — Lähettäjä kertoo täältä, että kalansaalis oli hyvä.", gazetteer,
                lang="fi")
    _near(m["Saarijärweltä"], 62.71, 25.26, km=30)


def test_the_planets_are_places_listed_never_placed(gazetteer):
    from geo.recognizer import _celestial_bodies

    # HIPE-2022 counts the planets as places: found where the model passed them over, inflected and broken across
    # lines as old Finnish pages write them; not the Earth ("Maa": land), nor a name run into another
    text = "aurinkoa likimmäiset (Mer=kurius, Venus, Maa ja Mars), owat Marsin ja Jupiterin wälillä; Merku=rius."
    assert [text[s:e] for s, e in _celestial_bodies(text, [], "fi")] == [
        "Mer=kurius", "Venus", "Mars", "Marsin", "Jupiterin", "Merku=rius"]
    venus = text.index("Venus")
    assert (venus, venus + 5) not in _celestial_bodies(text, [(venus - 2, venus + 5)], "fi")
    # a planet's name run into the word after it where a line break was lost ("Uranusja": Uranus and "ja", and)
    m = _placed("kaukaisimmat (Jupiter, Saturnus, Uranusja Neptunus) ja 27 pienempää", gazetteer, lang="fi")
    assert {"Jupiter", "Saturnus", "Uranus", "Neptunus"} <= set(m) and "Uranusja" not in m
    # not in English, whose corpora count no planets (and whose "Mercury", "Sun" are as often newspapers)
    assert _celestial_bodies("Jupiter and Mars", [], "en") == []
    # never placed: Jupiter is no town in Florida, Mars none in Pennsylvania, though the gazetteer has both
    m = _placed("Planeetat Jupiter ja Mars näkyvät taivaalla.", gazetteer, lang="fi")
    assert m["Jupiter"].place is None and m["Mars"].place is None
    m = _placed("Der Planet Jupiter stand hoch.", gazetteer, lang="de")
    assert m["Jupiter"].place is None
    assert _placed("She moved to Jupiter, Florida.", gazetteer)["Jupiter"].place.country_code == "US"


def test_a_region_in_brackets_after_a_town_is_the_towns_name_in_french(gazetteer):
    from geo.recognizer import _with_districts_in_brackets

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    # the region or the arrondissement in brackets is the town's, and the region found inside them goes
    text = "né à Compiègne (Oise), vendu à PARIS (9e) ; Benghazi (Libye) ; Genève (M. Aimeras)"
    found = [span(text, n) for n in ("Compiègne", "Oise", "PARIS", "Benghazi", "Libye", "Genève")]
    assert [text[s:e] for s, e in _with_districts_in_brackets(text, found, gazetteer)] == \
        ["Compiègne (Oise)", "PARIS (9e)", "Benghazi", "Libye", "Genève"]
    m = _placed("Il est né à Compiègne (Oise) en 1900.", gazetteer, lang="fr")
    _near(m["Compiègne (Oise)"], 49.42, 2.83, km=10)
    assert "Compiègne (Oise)" not in _placed("He was born in Compiègne (Oise).", gazetteer, lang="en")


def test_a_datelines_place_run_into_the_heading_above_it_is_found(gazetteer):
    from geo.recognizer import _datelines_run_into_headings

    # a line break lost between a heading in capitals and the dateline under it; not a name that is one itself
    text = "LES GRAINSPARIS, 14 mars. — Blé. M. DESIRE FERRYNANCY, 14 janvier. BUDAPEST, 24 aug. PROGRAMMES, 2 mars"
    found = [(text.index("GRAINSPARIS"), text.index("GRAINSPARIS") + len("GRAINSPARIS"))]
    assert [text[s:e] for s, e in _datelines_run_into_headings(text, found, gazetteer)] == ["PARIS", "NANCY"]


def test_a_name_a_scan_ran_into_the_number_before_it_is_found(gazetteer):
    from geo.recognizer import _names_run_into_numbers

    # a country's or a capital's name, or a big place's no more common than Vienna's; not "40Von" nor "1Tour"
    text = "Seite 4Wien, Samstag. Er kam 40Von dort."
    found = _names_run_into_numbers(text, [(text.index("4Wien"), text.index("4Wien") + 5)], gazetteer, "de")
    assert [text[s:e] for s, e in found] == ["Wien"]
    text = "Change 349 75Vienne, 350 50Hollande ; 12 h. 15 1Lille ; 1Tour Eiffel"
    assert [text[s:e] for s, e in _names_run_into_numbers(text, [], gazetteer, "fr")] == ["Vienne", "Hollande", "Lille"]


def test_a_date_the_model_ran_a_name_into_is_left_out(gazetteer):
    from geo.recognizer import _without_dates

    text = "ESPAGNE. MADRID 19 Juin. La ville Paris 1865. Bad Hall 1842, Route 66 et Baden 14"
    found = [(text.index(n), text.index(n) + len(n)) for n in ("MADRID 19 Juin", "ville Paris 1865", "Bad Hall 1842",
                                                               "Route 66", "Baden 14")]
    assert [text[s:e] for s, e in _without_dates(text, found)] == \
        ["MADRID", "ville Paris", "Bad Hall", "Route 66", "Baden 14"]


def test_a_french_article_the_model_took_in_is_left_out_unless_the_name_has_it(gazetteer):
    from geo.recognizer import _without_articles

    text = "La Suisse a vendu ; vers Paris et le Centre ; à La Rochelle et au Havre."
    found = [(text.index(n), text.index(n) + len(n)) for n in ("La Suisse", "le Centre", "La Rochelle")]
    assert [text[s:e] for s, e in _without_articles(text, found, gazetteer)] == ["Suisse", "Centre", "La Rochelle"]


def test_one_of_the_languages_commonest_words_alone_is_no_place(gazetteer):
    from geo.recognizer import _one_of_the_commonest_words

    # an article or a question word at a sentence's start, though the gazetteer has a name so spelled ("La": Los
    # Angeles; "Vad": a region; "Kun": a county); a word no place has, nor its dictionary form ("Stadt")
    assert _one_of_the_commonest_words("La", gazetteer, "fr") and _one_of_the_commonest_words("Vad", gazetteer, "sv")
    assert _one_of_the_commonest_words("Kun", gazetteer, "fi") and _one_of_the_commonest_words("Stadt", gazetteer, "de")
    # a common word whose seeming dictionary form is a name the language hardly writes ("Meillä", we have: Mei;
    # "Niiden", their: Niide); not a form of a name it writes often ("Helsingin", "Suomessa")
    assert all(_one_of_the_commonest_words(word, gazetteer, "fi") for word in ("Meillä", "Niiden"))
    # the commonest names stay: a country's, a capital's, a country's in a case of the language's
    for name, lang in (("France", "fr"), ("Paris", "fr"), ("Sverige", "sv"), ("Suomen", "fi"), ("Berlin", "de"),
                       ("PARIS", "fr"), ("Helsingin", "fi"), ("Suomessa", "fi")):
        assert not _one_of_the_commonest_words(name, gazetteer, lang), name
    assert [m.text for m in place_mentions("La grande masse du peuple est à Paris.", gazetteer, "fr")] == ["Paris"]
    # nor a day's or a month's name alone
    from geo.recognizer import toponym_spans

    text = "Les mises auront lieu le Lundi 16 Juin à Paris."
    assert [text[s:e] for s, e in toponym_spans(text, gazetteer, "fr")] == ["Paris"]
    # nor a word a hyphen and small letters go on after: a word a scan broke at a line's end, or a compound; in
    # English, news marks "London-based" as London
    from geo.recognizer import _a_word_broken_after

    text = "liikemies Alek-sander ja Eu-gen; Mie=het, Mel=kein; London-based; Ile-de-France; Saint-Nazaire; Brünn=Wien"
    assert [_a_word_broken_after(text, text.index(w), text.index(w) + len(w))
            for w in ("Alek", "Eu", "Mie", "Mel", "London", "Ile", "Saint", "Brünn")] == \
        [True, True, True, True, True, False, False, False]
    assert "London" in [m.text for m in place_mentions("A London-based bank.", gazetteer, "en")]
    # nor a word right before one in title case no place has: a given name, or a name in an organisation's; not in
    # German, which writes every noun so, nor in English (news marks "London Depot")
    from geo.recognizer import _before_a_name_no_place_has

    text = "agronoomi Nicolai Fabricius, Suomen Meijeriyhdistyksen asiamies, Maurice Pelgrain ; Helsingissä Turussa"
    found = [(text.index(n), text.index(n) + len(n)) for n in ("Nicolai", "Suomen", "Maurice", "Helsingissä")]
    assert [_before_a_name_no_place_has(text, found, s, e, gazetteer, "fi") for s, e in found] == \
        [True, True, True, False]


def test_a_title_and_the_name_right_after_it_are_a_persons(gazetteer):
    from geo.recognizer import _titles_and_titled

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    # a title found as a place (Hūn, Libya, is "Hon") and a one-word name right after a title of the language,
    # unless a country's ("Mr. Georgia" stays the country)
    text = "We noticed the Hon. Grantley Berkeley, Mrs. Walkden and Lord Palmerston at Tiverton, and Mr. Georgia."
    found = [span(text, n) for n in ("Hon", "Walkden", "Palmerston", "Tiverton", "Georgia")]
    assert _titles_and_titled(text, found, gazetteer, "en") == {span(text, n) for n in ("Hon", "Walkden", "Palmerston")}
    # French and German titles
    text = "M. Mahé est à Paris. Mme Levet habite Lyon."
    assert _titles_and_titled(text, [span(text, n) for n in ("Mahé", "Paris", "Levet", "Lyon")], gazetteer, "fr") \
        == {span(text, "Mahé"), span(text, "Levet")}
    text = "Frau Lucca fuhr nach Dresden."
    assert _titles_and_titled(text, [span(text, "Lucca"), span(text, "Dresden")], gazetteer, "de") == \
        {span(text, "Lucca")}
    # with the particle of a French name ("M. de Bayane", "Mme d'Houdetot"); not a place after "de" alone
    text = "M. de Lesseps et Mme d'Houdetot sont partis de Lyon."
    found = [span(text, n) for n in ("Lesseps", "Houdetot", "Lyon")]
    assert _titles_and_titled(text, found, gazetteer, "fr") == {span(text, "Lesseps"), span(text, "Houdetot")}
    # a name right after an initial is a person's too, but not a country's or a big region's, nor after a
    # compass point ("W. Phila.", West Philadelphia)
    text = "T. Wingfield, Sheffield, 72; J. A. CARY; A. Georgia and J. Jordan; shot in W. Phila."
    found = [span(text, n) for n in ("Wingfield", "Sheffield", "CARY", "Georgia", "Jordan", "Phila.")]
    assert _titles_and_titled(text, found, gazetteer, "en") == {span(text, "Wingfield"), span(text, "CARY")}
    # initials after a title, any letter ("Rev. E. Ludlow"), or after a given name ("HENRY R. STORRS"); a name in
    # capitals after a given name in capitals ("MR. WILLIAM ROE"); a given name written short ("Wm. Preston Blair")
    text = ("Rev. E. Ludlow, Sir R. Murchison, HENRY R. STORRS, MR. WILLIAM ROE and Wm. Preston Blair dined at "
            "Sheffield with the Rev. Georgia; W. Phila.")
    found = [span(text, n) for n in ("Ludlow", "Murchison", "STORRS", "ROE", "Preston", "Sheffield", "Georgia", "Phila.")]
    assert _titles_and_titled(text, found, gazetteer, "en") == {
        span(text, n) for n in ("Ludlow", "Murchison", "STORRS", "ROE", "Preston")}
    assert [m.text for m in place_mentions(text, gazetteer, "en")] == ["Sheffield", "Georgia", "Phila."]
    # "Dr" after a name with a capital is a street's Drive
    text = "2216 Duff Dr Port Arthur, TX 77642"
    assert _titles_and_titled(text, [span(text, "Port Arthur")], gazetteer, "en") == set()
    # a name with a small word in it after a title is left to the other rules ("Mrs. Walkden of Salford")
    text = "Mrs. Walkden of Salford was summoned."
    assert _titles_and_titled(text, [span(text, "Walkden of Salford")], gazetteer, "en") == set()
    # end to end: the title and the names after it go, the places stay
    text = "Among the company we noticed the Hon. Grantley Berkeley and Lord Palmerston at Tiverton."
    assert {m.text for m in place_mentions(text, gazetteer, "en")} == {"Tiverton"}
    # only the name after the title is the person's: "Mr. Arlington", a mayor's nickname, in a story of Arlington
    text = "Harold Patterson, known as 'Mr. Arlington,' dies at 79. The sports center in Arlington bears his name."
    assert [m.start for m in place_mentions(text, gazetteer, "en") if m.text == "Arlington"] == \
        [text.rindex("Arlington")]
    # "Miss" is no title here: "Miss Ohio" is a pageant of the state
    text = "She will compete for the Miss Ohio title in Mansfield."
    assert "Ohio" in {m.text for m in place_mentions(text, gazetteer, "en")}
    # a name a title of nobility or of the church is held of is the holder's: the person is meant
    # (and one joined to such a name by "and": "the Archbishops of Canterbury and York"); a crown prince's is his
    # country, which he will rule
    text = ("His Royal Highness the Duke of Cambridge dined at Windsor with the Earl of Devon and the Countess of "
            "Derby. To the Archbishops of Canterbury and York. The Prince of Wales and the Crown Prince of Dubai "
            "flew to Cambridge.")
    assert [m.text for m in place_mentions(text, gazetteer, "en")] == ["Windsor", "Dubai", "Cambridge"]
    # the letters of a degree after a name and a comma are the person's, not a place the gazetteer lacks
    text = "Testimonials from Sir C. Locock, Bart., M.D.; Dr. Martin, M.D., of Baltimore, Md."
    assert [m.text for m in place_mentions(text, gazetteer, "en")] == ["Baltimore", "Md."]


def test_a_college_named_in_title_case_is_a_place_listed_unresolved(gazetteer):
    from geo.recognizer import _named_buildings

    def span(text, name):
        return (text.index(name), text.index(name) + len(name))

    text = "At Trinity College and St. Johns College, Cambridge, and at Boston College. The College closed."
    found = [span(text, "Cambridge"), span(text, "Boston")]
    # found whole, without the sentence's first word; not where a place was found in it; not "The College"
    assert _named_buildings(text, found, "en") == [span(text, "Trinity College"), span(text, "St. Johns College")]
    assert _named_buildings(text, found, "de") == []  # the building words are English ones
    # end to end: listed, and not placed where a name in its name is (Trinity, Texas; Queens Village)
    text = "Mr. Jones, a fellow of Queens College, Oxford, dined at Trinity College."
    mentions = {m.text: m for m in place_mentions(text, gazetteer, "en")}
    assert mentions["Queens College"].place is None and mentions["Trinity College"].place is None
    assert mentions["Oxford"].place is not None and mentions["Oxford"].place.country_code == "GB"


def test_a_street_an_old_page_names_with_a_hyphen_is_a_place_found_whole(gazetteer):
    from geo.recognizer import _hyphened_streets

    text = ("Letters from Downing-street, and from Great John-street. GEORGE-STREET and MARK-LANE. Scotland-Yard. "
            "A well-placed, re-Road and Dated Ashton-road. Twenty-two Market-place.")
    assert [text[s:e] for s, e in _hyphened_streets(text)] == [
        "Downing-street", "Great John-street", "GEORGE-STREET", "MARK-LANE", "Scotland-Yard", "Ashton-road",
        "Market-place"]  # "Great" begins place names; "Dated" and "Twenty-two" do not
    # end to end: found whole in place of the town in its name, and listed, not put where that town is
    text = "A house in Ashton-road, Manchester, and offices in GEORGE-STREET. Letters from Downing-street."
    mentions = {m.text: m for m in place_mentions(text, gazetteer, "en")}
    assert "Ashton" not in mentions and mentions["Ashton-road"].place is None
    assert mentions["GEORGE-STREET"].place is None
    _near(mentions["Manchester"], 53.48, -2.24, km=20)
    # but a street the news corpora annotate is where they put it, as the gazetteer has it not
    _near(mentions["Downing-street"], 51.50, -0.13, km=1)
    assert mentions["Downing-street"].match == "annotated"


def test_a_street_named_with_its_word_written_small_is_found_whole(gazetteer):
    text = "(No. 26.) Hereford street, Sept. 8, 1800. Fighting near Artemovskaya street, and on the Texas road, closed."
    assert [m.text for m in place_mentions(text, gazetteer, "en")] == ["Hereford street", "Artemovskaya street",
                                                                        "Texas"]
    # a word after the street's word makes it another thing's: "the French Quarter street grid"
    assert "French Quarter street" not in {m.text for m in place_mentions("the French Quarter street grid", gazetteer,
                                                                           "en")}


def test_a_name_that_opens_a_dateline_is_a_place_whatever_the_model_says(gazetteer):
    text = ("From the LONDON GAZETTE, July 29.\nVienna, July 16. THE Armies on both sides are quiet. THE NAVY. "
            "Portsmouth, July 8. —On Sunday, April 5, the Eden arrived. Dated Wareham, 2nd February, 1860.")
    found = {m.text: m for m in place_mentions(text, gazetteer, "en")}
    assert {"Vienna", "Portsmouth", "Wareham"} <= found.keys() and not {"Sunday", "April"} & found.keys()
    _near(found["Vienna"], 48.21, 16.37, km=20)
    _near(found["Wareham"], 50.69, -2.11, km=20)
    # the date in other languages; and only at a line's or a sentence's start, or after "Dated"
    assert [m.text for m in place_mentions("vertagt worden.Hull, 30. Juni. Eine Versammlung.", gazetteer, "de")] \
        == ["Hull"]
    assert [m.text for m in place_mentions("Gênes, 14 janvier. Le vapeur est arrivé.", gazetteer, "fr")] == ["Gênes"]
    # the day after an article, as letters and notices date themselves; not an article and no month
    from geo.recognizer import _dateline_names, gazetteer_marks, tagger_tokens

    for text, lang, name in [("dem verehrten Publikum.\nBern, den 14. Januar 1848.\nDer Direktor", "de", ["Bern"]),
                             ("Arrêté du conseil.\nVevey, le 3 mars 1858.\nLe syndic", "fr", ["Vevey"]),
                             ("to the Court.\nDover, the 5th of May, 1810.\nSir, I have", "en", ["Dover"]),
                             ("Er sagte:\nBern, den 14 Männern ein Lob.", "de", [])]:
        toks = tagger_tokens(text)
        dated = _dateline_names(text, toks, gazetteer_marks(text, toks, gazetteer, lang), lang)
        assert [toks[i].text for i in sorted(dated)] == name, text


def test_a_name_the_gazetteer_knows_listed_between_places_found_is_a_place(gazetteer):
    # the model passes over Marche and Marathon alone; between two places, parted by commas or "and", they are
    text = "An earthquake affected Lazio, Marche and Umbria. Volunteers went to Rafina, Marathon and Megara."
    found = {m.text: m for m in place_mentions(text, gazetteer, "en")}
    assert ["Lazio", "Marche", "Umbria", "Rafina", "Marathon", "Megara"] == list(found)
    _near(found["Marche"], 43.4, 13.0, km=100)
    # (listed; the resolver leaves Marathon unplaced: an everyday word that is only another name of Marathónas)
    # only between two names found, and only names the gazetteer knows
    from geo.recognizer import _listed_between_places, gazetteer_marks, tagger_tokens

    text = "Marche and Umbria; Lazio, Marche; Lazio, Qwxz and Umbria"
    toks = tagger_tokens(text)
    spans = [(m.start(), m.end()) for m in __import__("re").finditer(r"Lazio|Umbria", text)]
    assert _listed_between_places(text, toks, gazetteer_marks(text, toks, gazetteer, "en"), spans) == []
    # beside a name found at a list's end, a list's mark on the other side, in a language other than English (a
    # timetable: Böslau, a scan's Vöslau, unknown); not a given name nor an everyday word
    from geo.recognizer import _listed_beside_a_place

    text = "8.30): Böslau, Kaltenleutgeben, Laxenburg. Graz, Leoben, Neuberg. Sieger: 1., Richard, Genf."
    toks = tagger_tokens(text)
    spans = [(m.start(), m.end()) for m in __import__("re").finditer(r"Laxenburg|Graz, Leoben|Genf", text)]
    marks = gazetteer_marks(text, toks, gazetteer, "de")
    assert [text[s:e] for s, e in _listed_beside_a_place(text, toks, marks, spans, gazetteer, "de")] == \
        ["Kaltenleutgeben", "Neuberg"]


def test_a_word_no_gazetteer_has_listed_beside_two_places_found_is_a_place(gazetteer):
    from geo.recognizer import _unknown_listed_with_places

    def spans(text, pattern):
        return [m.span() for m in __import__("re").finditer(pattern, text)]

    # before two names found (a timetable's Böslau, a scan's Vöslau), or after two found with a comma between
    text = "8.30): Böslau, Kaltenleutgeben, Laxenburg. 9.10): Kaltenleutgeben, Payerbach, Laxrnburg. 4.00"
    found = spans(text, r"Kaltenleutgeben|Laxenburg|Payerbach")
    assert [text[s:e] for s, e in _unknown_listed_with_places(text, found, gazetteer, "de")] == \
        ["Böslau", "Laxrnburg"]
    # one place found beside it is not enough; nor a given name, an everyday word, or a firm's partner
    text = "Böslau, Laxenburg. Maria, Wien, Graz. Butter, Wien, Graz. Fischer & Prasser, Wien, Graz."
    assert _unknown_listed_with_places(text, spans(text, r"Laxenburg|Wien|Graz"), gazetteer, "de") == []
    # end to end: found and listed unresolved, never guessed
    m = {x.text: x for x in place_mentions("Sonntags: Böslau, Kaltenleutgeben, Laxenburg.", gazetteer, "de")}
    assert m["Böslau"].place is None and m["Laxenburg"].place is not None


def test_an_everyday_word_after_the_is_the_word_not_a_town_of_its_name(gazetteer):
    # Sale, England; Bank, Iran: written with a capital after "the", before a function word or a punctuation mark
    text = "Catalogues to be had before the Sale, at the Grosvenor Arms, Shaftesbury. Pay at the Bank of Greece."
    assert [m.text for m in place_mentions(text, gazetteer, "en")] == ["Shaftesbury", "Greece"]
    # a town's name before a noun stays a town's, and the rule is English
    assert [m.text for m in place_mentions("The Chicago native says so.", gazetteer, "en")] == ["Chicago"]


def test_a_countrys_name_in_other_languages_that_is_an_everyday_word_here_is_the_word(gazetteer):
    # "Island" is Iceland in Danish, German and Swedish, an island in English; "Laws" is Laos in Kabyle
    assert gazetteer.foreign_word("island", "IS", "en") and gazetteer.foreign_word("island", "IS", None)
    assert not gazetteer.foreign_word("island", "IS", "de") and not gazetteer.foreign_word("iceland", "IS", "en")
    # a name common in word lists because it is a name is no everyday word ("Congo"), nor one English uses ("Holland")
    assert not gazetteer.foreign_word("congo", "CG", "fr") and not gazetteer.foreign_word("holland", "NL", "en")
    mentions = _placed("Ferries left the Island for Guernsey. Iceland was cold.", gazetteer)
    assert "Island" not in mentions or mentions["Island"].place is None
    _near(mentions["Iceland"], 65.0, -18.5, km=300)
    german = {m.text: m for m in place_mentions("Er reiste nach Island und dann nach Norwegen.", gazetteer, "de")}
    _near(german["Island"], 65.0, -18.5, km=300)
    # French "italien" is the adjective (Italy's name in German), and "Egypte" without its accent French's own name
    french = {m.text: m for m in place_mentions("Le Crédit italien monte; l'Egypte propose la paix.", gazetteer, "fr")}
    assert "italien" not in french and french["Egypte"].place.country_code == "EG"
    # a name another list gives a country in some languages only (country_aliases.toml's names_only_in): "Mann", the
    # Isle of Man's in Manx and old English, is German's "man", as written and inflected ("des Mannes", "Männern")
    assert gazetteer.foreign_word("mann", "IM", "de") and not gazetteer.foreign_word("mann", "IM", "en")
    text = "Die Spanier schifften hier 62 Mann aus; trotz aller Bitten des Mannes und von Männern. Wien, 5. Juli."
    assert [m.text for m in place_mentions(text, gazetteer, "de")] == ["Wien"]
    assert "Isle of Man" in {m.text for m in place_mentions("He sailed to the Isle of Man.", gazetteer, "en")}


def test_a_broadcasting_station_is_a_place_found_whole(gazetteer):
    from geo.recognizer import _stations

    text = "18 h. 55 : Radio-Toulouse, sports. Radio 37, Mistinguett. Radio--Cité, presse. Radio France diffuse."
    assert [text[s:e] for s, e in _stations(text, "fr")] == ["Radio-Toulouse", "Radio 37", "Radio--Cité"]
    assert _stations(text, "en") == []  # the station words are French ones
    # end to end: the station in place of the town in its name, placed where the town is
    mentions = {m.text: m for m in place_mentions("18 h. 55 : Radio-Toulouse, Informations, sports.", gazetteer, "fr")}
    assert "Toulouse" not in mentions
    _near(mentions["Radio-Toulouse"], 43.60, 1.44, km=20)


def test_surnames_are_not_read_in_languages_that_capitalise_nouns():
    from geo.recognizer import _surnames, tagger_tokens

    # in German every noun has a capital: "Verein Hannover" (a club) says nothing of a person
    text = "Der Verein Hannover spielte gut. Der Zug fuhr dann nach Hannover."
    toks = tagger_tokens(text)
    spans = [(text.rindex("Hannover"), len(text) - 1)]
    assert _surnames(text, toks, spans, "de") == set()
    assert _surnames(text, toks, spans, "en") == {"Hannover"}  # read as English, "Verein" would be a given name


def test_map_and_journey_take_the_articles_language(tmp_path):
    # seven words are too few to tell Finnish by: told, the inflected names are read as names
    article = tmp_path / "fi.txt"
    article.write_text("Presidentti matkusti junalla Helsingistä Tampereelle ja sieltä Ouluun.\n", "utf-8")
    told = run_cli("journey", str(article), "--rail", "none", "--format", "csv", "--lang", "fi")
    assert told.returncode == 0, told.stderr
    rows = told.stdout.decode().splitlines()[1:]
    assert [r.split(",")[1] for r in rows] == ["Helsinki", "Tampere", "Oulu"]
    untold = run_cli("journey", str(article), "--rail", "none", "--format", "csv")
    assert "Helsinki" not in untold.stdout.decode()
    out = tmp_path / "fi.html"
    bad = run_cli("map", str(article), "--rail", "none", "-o", str(out), "--lang", "suomi")
    assert bad.returncode != 0 and bad.stderr.decode().count("\n") == 1 and b"--lang" in bad.stderr
    assert not out.exists()


def test_a_town_of_some_size_named_by_its_own_name_is_not_rejected_for_distance(gazetteer):
    # Bolton (141,000) lies far from a Texan story in a country it does not name, but is called by its
    # own name: it is placed, not left unresolved
    m = _placed("Police in Houston, Texas, said the suspect had flown in from Bolton on Monday.", gazetteer)
    assert m["Bolton"].place is not None and m["Bolton"].place.country_code == "GB"
    # a village so far away is still no reading of the name (Khasan is not Hassan: tests/test_cli.py)
    from geo.resolve import KNOWN_TOWN, _known_far_and_wide
    from geo.text import name_key

    hassan = next(p for p in gazetteer.exact("hassan") if p.country_code == "IN" and p.population >= KNOWN_TOWN)
    assert _known_far_and_wide(hassan, name_key("Hassan")) and not _known_far_and_wide(hassan, name_key("하산"))


def test_preload_loads_the_given_names_and_month_names_before_a_batch_forks():
    from geo.mentions import month_names
    from geo.recognizer import _given_names, preload

    _given_names.cache_clear()
    month_names.cache_clear()
    preload()
    assert _given_names.cache_info().currsize == 1 and "ANDREW" in _given_names()
    assert month_names.cache_info().currsize == 1 and {"juillet", "july", "dec", "sept", "heinäkuuta"} <= month_names()


def test_numbers_and_one_letter_name_no_place():
    from geo.recognizer import _no_name

    # a score, a phone number; a party's letter before a home town ("R-Elbow Lake"), a compass point cut from its
    # place ("W. Phila."), "U.S" cut short: no place; a highway's letter with its number is one ("I-75"), as is
    # any longer name, and one character of a script without capitals
    assert all(_no_name(name) for name in ("91-89", "112", "R", "W.", "U", "É"))
    assert not any(_no_name(name) for name in ("I-75", "NY", "Ur", "S.C.", "京", "ع"))


def test_capitals_travelled_to_plurals_after_the_and_names_that_are_peoples(gazetteer):
    # "LONDON - ... left for Washington": the US capital, not Washington, Tyne and Wear, in the country the dateline
    # names; "Dili" beside East Timor is its capital, not Delhi, another of whose names it is
    m = _placed("LONDON (Reuters) - British Prime Minister Keir Starmer left for Washington on Sunday for talks "
                "with President Donald Trump at the White House, his office said.", gazetteer)
    _near(m["Washington"], 38.895, -77.036, km=25)
    m = _placed("El papa llegará a Port Moresby el viernes, el 9 de septiembre a Dili y el 11 a Singapur, tras "
                "visitar Papúa Nueva Guinea y Timor Oriental.", gazetteer, "es")
    _near(m["Dili"], -8.556, 125.560, km=25)
    # "the Urals": the mountains, in the plural, not Ural, a village of Krasnoyarsk Krai (which a story that goes on to
    # Krasnoyarsk would favour)
    m = _placed("Our first long stop was at Yekaterinburg, where the Urals mark the edge of Europe. From there the "
                "line runs east to Novosibirsk and on to Krasnoyarsk.", gazetteer)
    assert m["Urals"].place is None and "plural" in m["Urals"].reason
    # "Napoli" after a word of stopping: the city, not the metropolitan city around it; "the province of Cavite" stays
    # the province
    m = _placed("Il treno ha fatto una breve sosta a Napoli e a Salerno.", gazetteer, "it")
    assert m["Napoli"].place.feature == "city" and m["Napoli"].place.name == "Naples"
    m = _placed("Classes in all levels in the entire province of Cavite are suspended tomorrow.", gazetteer)
    assert m["Cavite"].place.feature == "region"
    # a person's names: after Russian "имени" (named after), after a Portuguese title in small letters, before a
    # Korean title with its particle; and a number with its Korean counter ("4일간의", four days') is none
    assert "Чингисхана" not in _placed("Самолет приземлился в международном аэропорту имени Чингисхана в "
                                       "Улан-Баторе.", gazetteer)
    m = _placed("BRASÍLIA - O presidente Luiz Inácio Lula da Silva embarcou nesta terça-feira para a China.",
                gazetteer, "pt")
    assert set(m) == {"BRASÍLIA", "China"}
    m = _placed("윤 대통령은 이날 오후 프라하에 도착해 2박 4일간의 일정을 시작한다. 20일 페트르 파벨 대통령과 정상회담을 한다.",
                gazetteer)
    assert set(m) == {"프라하에"}
    # a name in katakana ends a word of katakana: "スタンステッド空港" (Stansted) holds no スタン (Stains)
    m = _placed("同日夕、ロンドンのスタンステッド空港に到着される予定。", gazetteer)
    assert set(m) == {"ロンドン"}


def test_a_town_after_a_word_for_a_town_accents_and_an_arabic_capital_written_as_its_state(gazetteer):
    # "à cidade da Beira": beira is a Portuguese word (an edge), the model's 0.25 under its bar; after "the city of"
    # a town's name stands
    m = _placed("Na quinta-feira, o Presidente desloca-se à cidade da Beira, antes de regressar a Portugal.",
                gazetteer, "pt")
    _near(m["Beira"], -19.84, 34.84, km=25)
    assert "Na quinta-feira" not in m
    # "Shanghái", as Spanish writes it: Shanghai, whose name GeoNames lists without the accent
    _near(_placed("Sánchez viajará el sábado a Shanghái.", gazetteer, "es")["Shanghái"], 31.22, 121.46, km=25)
    # "الخرطوم (رويترز) -", a dateline, and "إلى الخرطوم": Khartoum, the capital, which GeoNames names without its
    # article (الخرطوم is its state's name there)
    text = ("الخرطوم (رويترز) - وصل الرئيس المصري إلى الخرطوم صباح الخميس قادما من القاهرة.")
    found = [m for m in place_mentions(text, gazetteer) if m.text == "الخرطوم"]
    assert len(found) == 2 and all(m.place is not None for m in found)
    _near(found[1], 15.55, 32.53, km=50)


def test_a_word_inside_a_name_that_hyphens_join_is_no_place(gazetteer):
    # "the Venice Simplon-Orient-Express": no Orient; but a list that hyphens join keeps its names ("Goleta-foothills-
    # to-Carpinteria-coast views")
    assert "Orient" not in _placed("The Venice Simplon-Orient-Express left Paris on Saturday.", gazetteer)
    _near(_placed("It has stunning Goleta-foothills-to-Carpinteria-coast views.", gazetteer)["Carpinteria"],
          34.40, -119.52, km=25)
