"""Reading the journey as a reader does: stops versus mentions, order as travelled, mode per leg, times.

One article per language (tests/articles/), each told out of order, with a past or hypothetical trip, a place
where someone spoke, and more than one way of travel.
"""

from __future__ import annotations

import json
import math

import pytest
from conftest import NE_ZIP, ROOT, STATIONS, journey_of, run_cli, stops_of

from geo import place_mentions
from geo.resolve import haversine_km

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


def why_not_stops(fc):
    """Each context mention of a journey and why it is no stop."""
    return {c["mention"]: c["evidence"] for c in fc["context"]}


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
    assert "Bangjun" not in why  # 방문을 ("the visit") is a word, not a place


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


def test_a_tour_of_countries_with_no_town_and_a_long_leg_of_no_mode_assumed_flown(tmp_path):
    # "सबसे पहले वह घाना पहुंचेंगे, जिसके बाद वह त्रिनिदाद और टोबैगो जाएंगे": no town named, the countries gone to are the
    # stops, said to be countries; the legs, of thousands of km, with no way of travel named, are assumed flown
    fc = journey_of(tmp_path, "प्रधानमंत्री मोदी बुधवार को तीन देशों की यात्रा पर रवाना हुए। सबसे पहले वह घाना पहुंचेंगे, जिसके बाद वह "
                              "त्रिनिदाद और टोबैगो जाएंगे। यात्रा के अंतिम चरण में वह ब्राजील जाएंगे।", name="modi.hi.txt")
    stops = stops_of(fc)
    assert [p["name"] for p in stops] == ["Ghana", "Trinidad and Tobago", "Brazil"]
    assert all("a country, the text naming no town" in p["evidence"] for p in stops)
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert [leg["mode"] for leg in legs] == ["air", "air"]
    assert "assumed by air, the leg being 6,555 km" in legs[0]["evidence"]
    # ... but a town near a word of travel keeps the countries context
    stops = stops_of(journey_of(tmp_path, "The president left on Monday for a tour of Kenya and Uganda, where he will "
                                          "visit Kampala."))
    assert [p["name"] for p in stops] == ["Kampala"]


def test_a_word_that_only_begins_with_a_mode_word_says_no_way_of_travel(tmp_path):
    from geo.journey import article_modes

    # "Flugzeugfabrik" (an aircraft factory) began with "flug": the leg to Wladiwostok of a journey by train was
    # drawn by air; "business" began with "bus"
    article = tmp_path / "kim.de.txt"
    article.write_text("Kim Jong Un ist mit seinem Zug in Russland eingetroffen. Der Zug hatte Pjöngjang am "
                       "Sonntag verlassen und fuhr weiter nach Ussurijsk. Danach reiste Kim nach Komsomolsk am Amur, "
                       "wo er eine Flugzeugfabrik besichtigte, und weiter nach Wladiwostok.", "utf-8")
    res = run_cli("journey", article, "--rail", NE_ZIP)
    assert res.returncode == 0, res.stderr.decode()
    legs = [f["properties"] for f in json.loads(res.stdout)["features"] if f["properties"]["kind"] == "leg"]
    assert len(legs) == 3 and all(leg["mode"] == "rail" for leg in legs)
    assert article_modes("He talked business and visited an aircraft factory, a car plant and the авиазавод.") == {}
    assert article_modes("He talked business and boarded an aircraft.") == {"air": "aircraft"}
    # an ending still counts: "trains", "Zuges", "автомобилем" (by car)
    assert article_modes("Two trains; des Zuges; приехал автомобилем") == {"rail": "train", "road": "автомобил"}


def test_stops_told_before_any_time_come_before_the_first_one_timed(tmp_path):
    # Vladivostok, "on Saturday", was the origin, and Pyongyang, "after leaving" it, no stop at all: the stops
    # told before any time took none and went last, and "leaving" was no word of travel
    article = tmp_path / "kim.en.txt"
    article.write_text("North Korean leader Kim Jong Un's armoured train crossed into Russia at Khasan in Primorsky "
                       "Krai early on Tuesday, two days after leaving Pyongyang. The train travelled north through "
                       "Ussuriysk to the Amur region, where Kim met President Vladimir Putin at the Vostochny "
                       "Cosmodrome on Wednesday. Kim then went by train to Komsomolsk-on-Amur, where he toured an "
                       "aircraft factory, before arriving in Vladivostok on Saturday.", "utf-8")
    res = run_cli("journey", article, "--rail", NE_ZIP)
    assert res.returncode == 0, res.stderr.decode()
    features = [f["properties"] for f in json.loads(res.stdout)["features"]]
    stops = [p for p in features if p["kind"] == "stop"]
    assert [p["name"] for p in stops] == ["Pyongyang", "Ussuriysk", "Komsomolsk-on-Amur", "Vladivostok"]
    assert stops[0]["role"] == "origin" and stops[-1]["when"] == "Saturday"
    # "an aircraft factory" says no flight: the legs are by train
    assert [p["mode"] for p in features if p["kind"] == "leg"] == ["rail"] * 3


KIM_2023 = {
    # the border crossing told first, the departure looking back; the stations' file places Khasan
    "en": "North Korean leader Kim Jong Un's armoured train crossed into Russia at Khasan in Primorsky Krai early on "
          "Tuesday, two days after leaving Pyongyang. The train travelled north through Ussuriysk to the Amur region. "
          "Kim then went by train to Komsomolsk-on-Amur before arriving in Vladivostok on Saturday.",
    "ru": "Лидер КНДР Ким Чен Ын на бронепоезде пересёк границу России на станции Хасан в Приморском крае во вторник "
          "утром. Поезд покинул Пхеньян в воскресенье. Затем он проследовал через Уссурийск и направился в Амурскую "
          "область. После этого лидер посетил Комсомольск-на-Амуре, а в субботу прибыл во Владивосток.",
    "ko": "김정은 국무위원장이 탄 전용열차가 12일 새벽 러시아 하산역을 통과했다. 열차는 10일 평양을 출발했다. 김 위원장은 "
          "우수리스크를 거쳐 13일 아무르주에 도착했다. 이후 콤소몰스크나아무레를 시찰하고 16일 블라디보스토크에 도착했다.",
    # German spells Хасан "Chassan" (Duden) or "Chasan"
    "de": "Der Zug hatte Pjöngjang am Sonntag verlassen und überquerte am Dienstagmorgen bei Chassan die Grenze. "
          "Von dort fuhr er weiter nach Ussurijsk. Danach reiste Kim nach Komsomolsk am Amur und weiter nach Wladiwostok.",
}


@pytest.mark.parametrize("lang", sorted(KIM_2023))
def test_a_report_told_out_of_order_is_travelled_in_order(tmp_path, lang):
    # "Khasan in Primorsky Krai early on Tuesday": the time is the town's, not the region's beside it; "leaving" and
    # "평양을 출발" mark the origin; the origin's time, told looking back, does not turn the story's clock back for
    # the stops after it; and Tuesday and Saturday, with no date, keep the order told
    fc = journey_of(tmp_path, KIM_2023[lang], "--gazetteer", STATIONS, name=f"kim.{lang}.txt")
    stops = [f for f in fc["features"] if f["properties"]["kind"] == "stop"]
    assert [f["properties"]["name"] for f in stops] == ["Pyongyang", "Хасан", "Ussuriysk", "Komsomolsk-on-Amur",
                                                        "Vladivostok"]
    assert stops[0]["properties"]["role"] == "origin"
    lon, lat = stops[1]["geometry"]["coordinates"]
    assert haversine_km(lat, lon, 42.4299, 130.6447) < 1  # the station, from the file
    assert stops[1]["properties"]["when"] == {"en": "early on Tuesday", "ru": "вторник утром", "ko": "12일 새벽",
                                              "de": "Dienstagmorgen"}[lang]


def test_stops_listed_after_a_word_of_travel_and_those_made_on_the_way(tmp_path):
    # "stops" is a word of travel; "Along the way" tells the stops before the place the sentence before reached
    fc = journey_of(tmp_path, "The Rossiya train leaves Moscow every other day and reaches Vladivostok after almost "
                              "seven days. Along the way it stops in Yekaterinburg, Novosibirsk, Krasnoyarsk and "
                              "Irkutsk, before continuing through Ulan-Ude, Chita and Khabarovsk.")
    stops = stops_of(fc)
    assert [p["name"] for p in stops] == ["Moscow", "Yekaterinburg", "Novosibirsk", "Krasnoyarsk", "Irkutsk",
                                          "Ulan-Ude", "Chita", "Khabarovsk", "Vladivostok"]
    assert any("earlier stops" in w for w in fc["warnings"])
    # on the way back, or on the way to a place, the stops come in the order told
    for then in ("On the way back it stopped in Khabarovsk.", "It is now on the way to Khabarovsk."):
        stops = stops_of(journey_of(tmp_path, f"The delegation flew from Moscow to Vladivostok on Monday. {then}"))
        assert [p["name"] for p in stops] == ["Moscow", "Vladivostok", "Khabarovsk"], then


def test_stops_made_the_day_before_come_before(tmp_path):
    # "Накануне" (the day before) the train crossed at Khasan and went on through Ussuriysk, before Vladivostok;
    # "пересёк" is "пересек" written with ё
    stops = stops_of(journey_of(tmp_path, "Бронепоезд Ким Чен Ына в среду днём прибыл во Владивосток. Накануне он "
                                          "пересёк границу на станции Хасан, а затем проследовал через Уссурийск.",
                                "--gazetteer", STATIONS))
    assert [p["name"] for p in stops] == ["Хасан", "Ussuriysk", "Vladivostok"]
    stops = stops_of(journey_of(tmp_path, "Бронепоезд пересёк границу на станции Хасан.", "--gazetteer", STATIONS))
    assert stops[0]["name"] == "Хасан" and "“пересек” near" in stops[0]["evidence"]


HANOI_2019 = {
    # 동당역에: the station of Đồng Đăng, though 동당 is also a Korean word; 특별열차, a special train; 단둥, Dandong,
    # whose Korean name GeoNames gives with the word for city ("단둥 시")
    "ko": ("김정은 국무위원장이 탄 특별열차가 23일 오후 평양역을 출발해 중국 단둥을 거쳐 26일 새벽 베트남 동당역에 "
           "도착했다. 김 위원장은 동당역에서 승용차로 갈아타고 하노이로 이동했다.",
           ["Pyongyang", "Dandong", "Thị Trấn Đồng Đăng", "Hanoi"], ["rail", "rail", "road"]),
    # दानदोंग is Dandong, spelled the same, not Dundong in Guizhou, nearer Hanoi; "गए" (went) is a word of travel
    "hi": ("उत्तर कोरियाई नेता किम जोंग उन शनिवार को ट्रेन से प्योंगयांग से रवाना हुए और चीन के दानदोंग होते हुए "
           "मंगलवार को वियतनाम पहुंचे। वहां से वह कार से हनोई गए।", ["Pyongyang", "Dandong", "Hanoi"],
           ["rail", "road"]),
}


@pytest.mark.parametrize("lang", sorted(HANOI_2019))
def test_kims_train_to_hanoi(tmp_path, lang):
    text, expected, modes = HANOI_2019[lang]
    features = [f["properties"] for f in journey_of(tmp_path, text, name=f"hanoi.{lang}.txt")["features"]]
    assert [p["name"] for p in features if p["kind"] == "stop"] == expected
    # with no rail layer a leg by train is drawn direct
    assert [p["mode"] for p in features if p["kind"] == "leg"] == [m if m != "rail" else "direct" for m in modes]


def test_a_wire_report_told_from_its_dateline(tmp_path):
    # the town and its station of the same name are one stop (not Vladivostok and then Владивосток); "earlier in the
    # day" tells Khasan before it; "leaving Pyongyang" marks the origin though "Russian television" follows it
    fc = journey_of(
        tmp_path,
        "VLADIVOSTOK, Russia (AP) — North Korean leader Kim Jong Un arrived in Vladivostok by armored train on "
        "Wednesday for his first summit with Russian President Vladimir Putin.\n"
        "Kim's train crossed the border at Khasan earlier in the day, a day after leaving Pyongyang. Russian "
        "television showed him stepping off the train at Vladivostok station to a brass band.\n"
        "Kim is expected to travel on to Khabarovsk on Friday. Officials in Seoul said they were watching closely.",
        "--gazetteer", STATIONS)
    stops = stops_of(fc)
    assert [(p["name"], p["role"]) for p in stops] == [("Pyongyang", "origin"), ("Хасан", "via"),
                                                       ("Vladivostok", "via"), ("Khabarovsk", "planned")]
    assert "Владивосток" not in {c["name"] for c in fc["context"]}


def test_a_place_left_unplaced_keeps_its_time(tmp_path):
    # Wednesday is the Vostochny Cosmodrome's, which the map cannot place (not Vostochny, Dagestan), not Ussuriysk's
    fc = journey_of(tmp_path, "The train travelled north through Ussuriysk to the Amur region, where Kim met President "
                              "Vladimir Putin at the Vostochny Cosmodrome on Wednesday.")
    assert [(p["name"], p["when"]) for p in stops_of(fc)] == [("Ussuriysk", None)]
    assert "not the Vostochny Cosmodrome" in {u["mention"]: u["reason"] for u in fc["unresolved"]}["Vostochny"]


def test_a_stop_passed_via_comes_before_the_place_it_was_passed_on_the_way_to(tmp_path):
    # "to Ulaanbaatar via Erenhot": Erenhot first; and Ulaanbaatar, read as the municipality around the city, is the
    # city one travels to, not a region that is no stop
    stops = stops_of(journey_of(tmp_path, "The special train travelled from Beijing to Ulaanbaatar via Erenhot on "
                                          "Monday, then continued north to Irkutsk."))
    assert [(p["name"], p["mention"]) for p in stops] == [("Beijing", "Beijing"), ("Erenhot", "Erenhot"),
                                                         ("Ulan Bator", "Ulaanbaatar"), ("Irkutsk", "Irkutsk")]
    # ... as are the places listed after the first passed
    stops = stops_of(journey_of(tmp_path, "The train went from Moscow to Vladivostok via Yekaterinburg, Novosibirsk "
                                          "and Irkutsk."))
    assert [p["name"] for p in stops] == ["Moscow", "Yekaterinburg", "Novosibirsk", "Irkutsk", "Vladivostok"]
    # "через" after other words is the way on, told in order
    stops = stops_of(journey_of(tmp_path, "Поезд прибыл в Иркутск, а затем следует через Улан-Удэ и Читу в Хабаровск."))
    assert [p["name"] for p in stops] == ["Irkutsk", "Ulan-Ude", "Chita", "Khabarovsk"]


def test_a_stop_is_planned_only_where_it_is_first_told(tmp_path):
    # Kim was driven to Hanoi; that Trump is due to fly there makes Kim's arrival no plan. Pingxiang, far from the
    # word of travel, is listed with Nanning, which is near it
    stops = stops_of(journey_of(tmp_path, "Kim's train reached Nanning on Monday evening and the border post at "
                                          "Pingxiang early on Tuesday. Kim was then driven to Hanoi in a motorcade. "
                                          "Trump is due to fly into Hanoi on Tuesday evening."))
    assert [(p["name"], p["role"]) for p in stops] == [("Nanning", "origin"), ("Pingxiang", "via"),
                                                       ("Hanoi", "destination")]
    assert stops[1]["evidence"].startswith("listed with “Nanning”, which “reach” is near")


def test_a_places_description_before_it_is_read_as_the_name_and_a_plan_after_it_is_no_plan(tmp_path):
    # "arrived ... in the Vietnamese border town of Dong Dang": the word of travel and the train were too far from the
    # name to count; "went by car to Hanoi" had no word of travel; and "where he will meet Trump", a clause after
    # Hanoi, made the arrival there a plan
    text = ("North Korean leader Kim Jong Un's special train arrived on Tuesday morning in the Vietnamese border town "
            "of Dong Dang. Kim had left Pyongyang on Saturday and travelled through China for two and a half days. "
            "From Dong Dang he went by car to Hanoi, where he will meet US President Donald Trump on Wednesday.")
    fc = journey_of(tmp_path, text)
    assert [(p["name"], p["role"]) for p in stops_of(fc)] == [("Pyongyang", "origin"), ("Thị Trấn Đồng Đăng", "via"),
                                                              ("Hanoi", "destination")]
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert [(p["mode"], p["evidence"]) for p in legs] == [("direct", "“train” before “Dong Dang”"),
                                                          ("road", "“car” before “Hanoi”")]
    # a plan told before the place, in its sentence, is still one
    stops = stops_of(journey_of(tmp_path, "Kim arrived in Vladivostok on Tuesday. He will travel by train to "
                                          "Khabarovsk, where he is to visit a factory."))
    assert [(p["name"], p["role"]) for p in stops] == [("Vladivostok", "origin"), ("Khabarovsk", "planned")]
    # in Hindi: डोंग डांग, two words, is Đồng Đăng, reached by the train named six words before the town's
    text = ("उत्तर कोरिया के नेता किम जोंग-उन की विशेष ट्रेन मंगलवार सुबह वियतनाम के सीमावर्ती शहर डोंग डांग पहुंची। "
            "किम प्योंगयांग से शनिवार को रवाना हुए थे और चीन से होते हुए ढाई दिन की यात्रा के बाद यहां पहुंचे। "
            "डोंग डांग से वे कार से हनोई गए, जहां बुधवार को उनकी मुलाकात अमेरिकी राष्ट्रपति डोनाल्ड ट्रंप से होगी।")
    fc = journey_of(tmp_path, text, name="hanoi.hi.txt")
    assert [(p["name"], p["role"]) for p in stops_of(fc)] == [("Pyongyang", "origin"), ("Thị Trấn Đồng Đăng", "via"),
                                                              ("Hanoi", "destination")]
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert [p["mode"] for p in legs] == ["direct", "road"] and legs[0]["evidence"] == "“ट्रेन” before “डोंग डांग”"


def test_a_french_report_with_the_stations_file(tmp_path):
    # French words of travel; Russian names as French spells them (Khassan, Oussouriïsk: the stations' Хасан and
    # Уссурийск); "Komsomolsk-sur-l'Amour" whole; "cosmodrome de Vostotchny" is no railway halt of that name (there is
    # one on Sakhalin); and "a indiqué le Kremlin", which says who told the sentence, is not where Vladivostok was
    # spoken of
    text = ("Le train blindé de Kim Jong-un a quitté Pyongyang dimanche et a franchi la frontière russe à Khassan mardi "
            "matin. Le dirigeant nord-coréen s'est ensuite rendu en train à Oussouriïsk, puis au cosmodrome de "
            "Vostotchny, dans la région de l'Amour, où il a rencontré Vladimir Poutine mercredi. Il doit ensuite "
            "visiter Komsomolsk-sur-l'Amour et Vladivostok, a indiqué le Kremlin.")
    fc = journey_of(tmp_path, text, "--gazetteer", STATIONS, name="kim.fr.txt")
    assert [(p["name"], p["role"], p["when"]) for p in stops_of(fc)] == [
        ("Pyongyang", "origin", "dimanche"), ("Хасан", "via", "mardi matin"), ("Уссурийск", "via", None),
        ("Komsomolsk-on-Amur", "planned", None), ("Vladivostok", "planned", None)]
    assert "railway station: not the cosmodrome de Vostotchny" in {
        u["mention"]: u["reason"] for u in fc["unresolved"]}["Vostotchny"]
    # in English too, "the Kremlin said" after a comma is no place's speaker
    stops = stops_of(journey_of(tmp_path, "Kim arrived in Vladivostok on Tuesday. He is due to visit "
                                          "Komsomolsk-on-Amur and Khabarovsk, the Kremlin said."))
    assert [(p["name"], p["role"]) for p in stops] == [("Vladivostok", "origin"), ("Komsomolsk-on-Amur", "planned"),
                                                       ("Khabarovsk", "planned")]


def test_arabic_reports_with_the_stations_file(tmp_path):
    # Arabic words of travel, written onto by "and" (ووصل) and "by the" (بالسيارة); the verb first, many words before
    # its place, which "to" (إلى) leads to; Russian names in Arabic letters, matched to the stations' file
    text = ("غادر القطار المدرع للزعيم الكوري الشمالي كيم جونغ أون بيونغ يانغ يوم الأحد، وعبر الحدود الروسية عند محطة "
            "خاسان صباح الثلاثاء. ثم توجه القطار إلى أوسوريسك، ووصل إلى فلاديفوستوك يوم الأربعاء حيث التقى بالرئيس "
            "الروسي فلاديمير بوتين.")
    fc = journey_of(tmp_path, text, "--gazetteer", STATIONS, name="kim.ar.txt")
    assert [(p["name"], p["role"], p["when"]) for p in stops_of(fc)] == [
        ("Pyongyang", "origin", "الأحد"), ("Хасан", "via", "صباح الثلاثاء"), ("Ussuriysk", "via", None),
        ("Vladivostok", "destination", "الأربعاء")]
    # the city of Đồng Đăng, reached on Tuesday, after the train left Pyongyang on Saturday through Dandong; Hanoi,
    # where a meeting is planned in a clause after the Arabic comma, was reached
    text = ("وصل الزعيم الكوري الشمالي كيم جونغ أون صباح الثلاثاء إلى مدينة دونغ دانغ الفيتنامية الحدودية على متن "
            "قطاره المدرع. وكان القطار قد غادر بيونغ يانغ بعد ظهر السبت، ومر عبر مدينة داندونغ الحدودية. ومن دونغ "
            "دانغ، انتقل كيم بالسيارة إلى العاصمة هانوي، حيث من المقرر أن يلتقي الرئيس الأمريكي دونالد ترامب.")
    fc = journey_of(tmp_path, text, name="hanoi.ar.txt")
    assert [(p["name"], p["role"]) for p in stops_of(fc)] == [
        ("Pyongyang", "origin"), ("Dandong", "via"), ("Thị Trấn Đồng Đăng", "via"), ("Hanoi", "destination")]
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert legs[-1]["mode"] == "road" and legs[-1]["evidence"] == "“سيارة” before “هانوي”"


def test_an_arabic_plan_with_and_written_onto_it_and_a_meeting_that_is_no_speech(tmp_path):
    # "ومن المقرر" (and it is scheduled): و written onto the word of plans; "حيث يلتقي" (where he meets) is no word of
    # saying, which made Doha a place where someone spoke
    text = ("وصل الرئيس الأمريكي دونالد ترامب صباح الثلاثاء إلى الرياض في أولى محطات جولته الخليجية. ومن المقرر أن "
            "يتوجه ترامب يوم الأربعاء إلى الدوحة حيث يلتقي أمير قطر.")
    stops = stops_of(journey_of(tmp_path, text, name="gulf.ar.txt"))
    assert [(p["name"], p["role"], p["when"]) for p in stops] == [("Riyadh", "origin", "صباح الثلاثاء"),
                                                                  ("Doha", "planned", "الأربعاء")]


def test_a_place_that_begins_a_trains_name_is_no_stop(tmp_path):
    # "The Venice Simplon-Orient-Express left Paris" made Venice a stop before Innsbruck; it is the train's name
    stops = stops_of(journey_of(tmp_path, "The Venice Simplon-Orient-Express left Paris on Friday evening. The train "
                                          "crossed into Switzerland overnight, stopped in Innsbruck on Saturday "
                                          "morning and reached Venice via Verona in the afternoon."))
    assert [p["name"] for p in stops] == ["Paris", "Innsbruck", "Verona", "Venice"]


def test_a_tour_begun_in_a_city_begins_there(tmp_path):
    # "began a five-day tour of Europe in Paris" had no word of travel, and the tour began in Belgrade
    stops = stops_of(journey_of(tmp_path, "Xi Jinping began a five-day tour of Europe in Paris on Sunday. After two "
                                          "days in France he travels to Belgrade, then to Budapest, where he is "
                                          "expected on Wednesday."))
    assert [(p["name"], p["role"]) for p in stops] == [("Paris", "origin"), ("Belgrade", "via"),
                                                       ("Budapest", "destination")]


def test_a_hindi_march_from_a_town_geonames_names_only_in_latin(tmp_path, gazetteer):
    # कन्याकुमारी (Kanniyākumāri, which GeoNames names in no Hindi) is a word Hindi news writes often enough for its
    # word lists to count it; "से शुरू" (began from) marks the origin; "दिल्ली आई" (came to Delhi) is travel
    text = ("कांग्रेस नेता राहुल गांधी की भारत जोड़ो यात्रा सितंबर में कन्याकुमारी से शुरू हुई थी। यात्रा केरल, कर्नाटक "
            "और तेलंगाना होते हुए महाराष्ट्र पहुंची, फिर मध्य प्रदेश और राजस्थान से होकर दिल्ली आई। यात्रा जनवरी के अंत "
            "में श्रीनगर में समाप्त होगी।")
    stops = stops_of(journey_of(tmp_path, text, name="yatra.hi.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Kanniyākumāri", "origin"), ("Delhi", "via"),
                                                       ("Srinagar", "planned")]
    assert "“से शुरू” marks the origin" in stops[0]["evidence"]
    rajkot = {m.text: m.place for m in place_mentions("मोदी मंगलवार को राजकोट पहुंचे और फिर दिल्ली लौटे।", gazetteer)}["राजकोट"]
    assert rajkot.name == "Rājkot" and haversine_km(rajkot.lat, rajkot.lon, 22.29, 70.79) < 10


def test_a_korean_station_with_a_particle_after_the_word_for_station(tmp_path):
    # 서울역에서 (from Seoul Station): the word for station and the particle after it, both written on
    text = ("이재명 대표는 7일 오전 서울역에서 KTX를 타고 부산으로 향했다. 이 대표는 오후 부산에 도착해 지지자들을 만난 뒤 "
            "8일 광주로 이동할 예정이다.")
    stops = stops_of(journey_of(tmp_path, text, name="ktx.ko.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Seoul", "origin"), ("Busan", "via"), ("Gwangju", "planned")]


def test_an_ocean_crossed_is_no_stop(tmp_path):
    # "crossing the Atlantic" was a stop at Atlantic, Iowa
    fc = journey_of(tmp_path, "The cruise ship Queen Mary 2 sailed from Southampton on Sunday evening. After six days "
                              "crossing the Atlantic she is due to dock in Brooklyn on Saturday morning.")
    assert [p["name"] for p in stops_of(fc)] == ["Southampton", "Brooklyn"]
    assert {c["name"]: c["evidence"] for c in fc["context"]}["Atlantic"] == \
        "a sea or an area of no country: context, not a stop"


def test_days_spent_in_a_city_make_it_a_stop(tmp_path):
    # "He had spent Friday and Saturday in Shanghai" had no word of travel: Shanghai was left out
    stops = stops_of(journey_of(tmp_path, "US Secretary of State Antony Blinken arrived in Beijing on Sunday for two "
                                          "days of talks. He had spent Friday and Saturday in Shanghai, where he met "
                                          "business leaders, after flying in from Seoul on Thursday."))
    assert [p["name"] for p in stops] == ["Seoul", "Shanghai", "Beijing"]


def test_a_tour_by_air_landed_in_a_city_state_with_a_date(tmp_path):
    # "landed" is a word of travel; Dili "in East Timor" is Dili, not Delhi by another of its names; Singapore, a
    # country and its city, is the city one travels to; "September 13", not "13", is when
    fc = journey_of(tmp_path, "Pope Francis landed in Jakarta on Tuesday, the first stop of a 12-day tour of Asia "
                              "and Oceania. From Indonesia he will fly to Port Moresby in Papua New Guinea, then on to "
                              "Dili in East Timor, before ending the trip in Singapore on September 13.")
    stops = stops_of(fc)
    assert [(p["name"], p["country_code"]) for p in stops] == [("Jakarta", "ID"), ("Port Moresby", "PG"),
                                                               ("Dili", "TL"), ("Singapore", "SG")]
    assert stops[0]["role"] == "origin" and (stops[-1]["role"], stops[-1]["when"]) == ("planned", "September 13")


def test_a_journey_has_one_origin_the_first_told(tmp_path):
    # "from Rzeszow", a later leg's start, put Rzeszów second, before Przemyśl, as a second origin
    stops = stops_of(journey_of(tmp_path, "Ukrainian President Volodymyr Zelensky travelled overnight by train from "
                                          "Kyiv to the Polish border town of Przemysl, and then flew from Rzeszow to "
                                          "Washington."))
    assert [(p["name"], p["role"]) for p in stops] == [("Kyiv", "origin"), ("Przemyśl", "via"), ("Rzeszów", "via"),
                                                       ("Washington", "destination")]
    assert "marks the origin" not in stops[2]["evidence"]


def test_a_stop_told_after_a_plan_at_a_later_time_is_planned_too(tmp_path):
    # "He returns to New Delhi on Wednesday night", after "will leave for Kazan on Tuesday", was put first, as what
    # had happened; and "got off in Irkutsk" is a word of travel
    stops = stops_of(journey_of(tmp_path, "Prime Minister Narendra Modi will leave for Kazan on Tuesday to attend the "
                                          "BRICS summit, the foreign ministry said. He returns to New Delhi on "
                                          "Wednesday night."))
    assert [(p["name"], p["role"]) for p in stops] == [("Kazan", "origin"), ("New Delhi", "planned")]
    stops = stops_of(journey_of(tmp_path, "We boarded the train at Moscow's Yaroslavsky station on a Sunday night and "
                                          "four days later got off in Irkutsk."))
    assert [p["name"] for p in stops] == ["Moscow", "Irkutsk"]


def test_where_a_journey_goes_comes_after_the_stops_on_the_way(tmp_path):
    # "left Kyiv for Chisinau" told Chisinau first, before Ocniţa on the way, which took its time
    stops = stops_of(journey_of(tmp_path, "The first passenger train in years left Kyiv for Chisinau on Friday "
                                          "morning. It crossed into Moldova at Ocnita late in the afternoon and "
                                          "arrived in the Moldovan capital shortly before midnight."))
    assert [(p["name"], p["role"]) for p in stops] == [("Kyiv", "origin"), ("Ocniţa", "via"),
                                                       ("Chisinau", "destination")]
    # "bevor er nach Berlin zurückkehrt" is a word of travel
    stops = stops_of(journey_of(tmp_path, "Bundeskanzler Olaf Scholz ist am Montag nach Kasachstan aufgebrochen. Er "
                                          "flog am Dienstag in die Hauptstadt Astana. Am Mittwoch wird er in Almaty "
                                          "erwartet, bevor er nach Berlin zurückkehrt.", name="scholz.de.txt"))
    assert [p["name"] for p in stops] == ["Astana", "Almaty", "Berlin"] and stops[-1]["role"] == "planned"


def test_a_russian_goal_a_times_parts_once_and_hindi_plans(tmp_path):
    # "из Москвы в Пхеньян": Pyongyang is where the train goes, after the stations on the way
    stops = stops_of(journey_of(tmp_path, "Первый пассажирский поезд из Москвы в Пхеньян отправился в понедельник. Он "
                                          "проследует через Хабаровск и Уссурийск и пересечёт границу у станции "
                                          "Хасан, а в Пхеньян прибудет в пятницу.", "--gazetteer", STATIONS,
                                name="train.ru.txt"))
    assert [p["name"] for p in stops] == ["Moscow", "Khabarovsk", "Ussuriysk", "Хасан", "Pyongyang"]
    # "Tuesday morning after an overnight journey": the time is Tuesday morning
    stops = stops_of(journey_of(tmp_path, "Kim Jong Un's armoured train rolled into Beijing on Tuesday morning after "
                                          "an overnight journey from Dandong."))
    assert [(p["name"], p["when"]) for p in stops] == [("Dandong", None), ("Beijing", "Tuesday morning")]
    # "लौटेंगे" (will return) is a plan
    stops = stops_of(journey_of(tmp_path, "प्रधानमंत्री नरेंद्र मोदी सोमवार को मॉस्को पहुंचे। बुधवार को वह दिल्ली "
                                          "लौटेंगे।", name="modi.hi.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Moscow", "origin"), ("Delhi", "planned")]


def test_plans_told_last_are_all_planned_and_a_stopover_comes_before_the_place_reached(tmp_path):
    # "landed in Pyongyang on Friday after a stopover in Vladivostok": Vladivostok first; "is due to travel on to
    # Beijing next week ... before returning to Moscow": both plans, Beijing no stop made
    stops = stops_of(journey_of(tmp_path, "Russian Foreign Minister Sergei Lavrov landed in Pyongyang on Friday "
                                          "after a stopover in Vladivostok, the ministry said. He is due to travel on "
                                          "to Beijing next week, where he will meet Wang Yi before returning to "
                                          "Moscow."))
    assert [(p["name"], p["role"]) for p in stops] == [("Vladivostok", "origin"), ("Pyongyang", "via"),
                                                       ("Beijing", "planned"), ("Moscow", "planned")]
    # "von Berlin nach Kiew": Kyiv is where the train went, after Przemyśl told in the next sentence; and the way
    # back to Berlin, planned, ends the journey
    stops = stops_of(journey_of(tmp_path, "Bundeskanzler Olaf Scholz ist am Dienstag mit dem Zug von Berlin nach Kiew "
                                          "gereist. Die Fahrt führte über Polen, wo der Kanzler in Przemyśl in einen "
                                          "Sonderzug der ukrainischen Eisenbahn umstieg. Am Mittwoch will er nach "
                                          "Berlin zurückkehren.", name="scholz.de.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Berlin", "origin"), ("Przemyśl", "via"), ("Kyiv", "via"),
                                                       ("Berlin", "planned")]


def test_a_journey_back_to_where_it_began_ends_there(tmp_path):
    # the origin told again with "returned to" after the journey left it is the last stop, the way home by air
    fc = journey_of(tmp_path, "The royal train left London's Euston station on Wednesday evening and travelled "
                              "overnight to Carlisle. On Thursday the King and Queen visited Carlisle Cathedral before "
                              "the train took them on to Glasgow, where they opened a hospital. They returned to "
                              "London by air on Friday.")
    stops = stops_of(fc)
    assert [(p["name"], p["role"]) for p in stops] == [("London", "origin"), ("Carlisle", "via"), ("Glasgow", "via"),
                                                       ("London", "destination")]
    assert (stops[-1]["when"], stops[-1]["evidence"]) == ("Friday", "“return” near “London”; “Friday”")
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert [leg["mode"] for leg in legs] == ["direct", "direct", "air"]  # by train, with no rail layer: direct
    ends = [f["geometry"]["coordinates"] for f in fc["features"] if f["properties"]["kind"] == "stop"]
    assert ends[0] == ends[-1]


def test_where_a_journey_is_bound_for_comes_after_the_stops_told_after_it(tmp_path):
    # "left ... on Monday night, bound for Vladivostok" put Vladivostok second, with Monday's time
    stops = stops_of(journey_of(tmp_path, "The Rossiya train left Moscow's Yaroslavsky station on Monday night, bound "
                                          "for Vladivostok. It stopped in Yekaterinburg on Tuesday and in Novosibirsk "
                                          "on Thursday."))
    assert [(p["name"], p["role"]) for p in stops] == [("Moscow", "origin"), ("Yekaterinburg", "via"),
                                                       ("Novosibirsk", "via"), ("Vladivostok", "destination")]
    # ... and is reached at the stop in it told later: New York at Brooklyn, not two stops
    fc = journey_of(tmp_path, "The cruise ship Queen Mary 2 sailed from Southampton on Sunday evening, bound for New "
                              "York. After six days crossing the Atlantic she is due to dock in Brooklyn on Saturday "
                              "morning, before continuing to Halifax and Quebec City.")
    assert [p["name"] for p in stops_of(fc)] == ["Southampton", "Brooklyn", "Halifax", "Québec"]
    assert why_not_stops(fc)["New York"] == \
        "where the journey was bound for, reached at Brooklyn"


def test_a_russian_visit_the_day_before_and_a_trip_told_in_the_future(tmp_path):
    # "Накануне он побывал в Кызыле" (the day before he was in Kyzyl) had no word of travel; "отправится" (will go) is
    # a plan
    stops = stops_of(journey_of(tmp_path, "Президент России Владимир Путин в понедельник прилетел в Улан-Батор с "
                                          "официальным визитом. Накануне он побывал в Кызыле, столице Тувы. После "
                                          "переговоров в Монголии Путин отправится во Владивосток.",
                                name="putin.ru.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Kyzyl", "origin"), ("Ulan Bator", "via"),
                                                       ("Vladivostok", "planned")]


def test_a_way_home_told_with_a_verb_of_going_back_and_an_origin_told_after_the_arrival(tmp_path):
    # "ist ... von Berlin nach Paris geflogen": the perfect tense is a word of travel; "kehrte er nach Berlin zurück"
    # ends the journey where it began
    stops = stops_of(journey_of(tmp_path, "Bundeskanzler Friedrich Merz ist am Montag von Berlin nach Paris geflogen. "
                                          "Am Dienstag reiste er weiter nach Brüssel. Am Mittwochabend kehrte er nach "
                                          "Berlin zurück.", name="merz.de.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Berlin", "origin"), ("Paris", "via"), ("Brussels", "via"),
                                                       ("Berlin", "destination")]
    # "avant de rentrer à Paris": going back is travel
    stops = stops_of(journey_of(tmp_path, "Le président Emmanuel Macron a quitté Paris lundi matin pour Berlin, où il a "
                                          "rencontré le chancelier. Mardi, il s'est rendu en train à Bruxelles avant de "
                                          "rentrer à Paris dans la soirée.", name="macron.fr.txt"))
    assert [p["name"] for p in stops] == ["Paris", "Berlin", "Brussels", "Paris"]
    # "arrived in Beirut from Istanbul", "en Beirut procedente de Estambul": the word of origin is Istanbul's, not
    # Beirut's; "El papa León XIV" is a pope, no stop at León; nor is "his Air Koryo jet" a stop at Koryo
    stops = stops_of(journey_of(tmp_path, "El papa León XIV aterrizó el jueves en Beirut procedente de Estambul, en la "
                                          "segunda etapa de su primer viaje internacional.", name="papa.es.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Istanbul", "origin"), ("Beirut", "destination")]
    stops = stops_of(journey_of(tmp_path, "Kim Jong Un flew to Beijing on Tuesday aboard his Air Koryo jet. After talks "
                                          "with Xi Jinping he flew back to Pyongyang on Wednesday, state media said."))
    assert [p["name"] for p in stops] == ["Beijing", "Pyongyang"]


def test_a_spanish_report_whose_prime_minister_is_no_village(tmp_path):
    # "Pedro Sánchez" is also a village of 1,600 people in the Dominican Republic: read as a place it put the story
    # there, and Valencia in Venezuela
    stops = stops_of(journey_of(tmp_path, "El presidente del Gobierno, Pedro Sánchez, viajó el lunes en tren de Madrid "
                                          "a Barcelona, donde inauguró una exposición. El martes se trasladó a "
                                          "Valencia y el miércoles regresó a Madrid.", name="sanchez.es.txt"))
    assert [(p["name"], p["country_code"]) for p in stops] == [("Madrid", "ES"), ("Barcelona", "ES"),
                                                               ("Valencia", "ES"), ("Madrid", "ES")]
    assert "Pedro Sánchez" not in {p["mention"] for p in stops}


def test_chinese_and_japanese_reports_written_without_spaces(tmp_path):
    # names found inside runs of letters ("离开北京，抵达莫斯科"), a day written "20日", and the way back to Beijing
    fc = journey_of(tmp_path, "国家主席习近平3月20日乘专机离开北京，抵达莫斯科，对俄罗斯进行国事访问。22日，习近平结束访问返回北京。",
                    name="xi.zh.txt")
    stops = stops_of(fc)
    assert [(p["name"], p["role"], p["when"]) for p in stops] == [("Beijing", "origin", "20日"),
                                                                 ("Moscow", "via", None),
                                                                 ("Beijing", "destination", "22日")]
    assert [f["properties"]["mode"] for f in fc["features"] if f["properties"]["kind"] == "leg"] == ["air", "air"]
    # Japanese: particles written onto names ("平壌を出発し"), katakana names
    stops = stops_of(journey_of(tmp_path, "北朝鮮の金正恩総書記は10日午後、専用列車で平壌を出発し、ロシアに向かった。列車は12日朝、"
                                          "国境の駅ハサンに到着し、その後ウスリースクを経由してウラジオストクに向かう予定だ。",
                                name="kim.ja.txt"))
    assert [(p["name"], p["mention"]) for p in stops] == [("Pyongyang", "平壌"), ("Ussuriysk", "ウスリースク"),
                                                         ("Vladivostok", "ウラジオストク")]
    assert "“を 出発” marks the origin" in stops[0]["evidence"] and stops[0]["when"] == "10日午後"


def test_a_chinese_train_through_erenhot_and_a_spanish_one_that_stops_on_the_way(tmp_path):
    # "经二连浩特到乌兰巴托，然后继续开往莫斯科": 到 (to) and 开往 (bound for) are words of travel
    stops = stops_of(journey_of(tmp_path, "K3次国际列车每周二从北京站出发，经二连浩特到乌兰巴托，然后继续开往莫斯科。",
                                name="k3.zh.txt"))
    assert [p["name"] for p in stops] == ["Beijing", "Erenhot", "Ulan Bator", "Moscow"]
    # "se detuvo en Córdoba y en Jaén" (stopped at), on the way to Granada
    stops = stops_of(journey_of(tmp_path, "El tren Al Ándalus salió de Sevilla el lunes rumbo a Granada. Por el camino "
                                          "se detuvo en Córdoba y en Jaén, y el jueves llegó a Granada.",
                                name="tren.es.txt"))
    assert [(p["name"], p["country_code"]) for p in stops] == [("Sevilla", "ES"), ("Córdoba", "ES"), ("Jaén", "ES"),
                                                               ("Granada", "ES")]


def test_english_reports_told_backwards(tmp_path):
    # "arrived in Washington ... after an overnight flight from Rzeszow, Poland, where he had travelled by train from
    # Kyiv": Rzeszów came before Washington, and Kyiv, told in a clause of what happened before, began the journey;
    # "return to Ukraine", the country it began in, is the way home to Kyiv
    stops = stops_of(journey_of(tmp_path, "Ukrainian President Volodymyr Zelensky arrived in Washington on Wednesday "
                                          "after an overnight flight from Rzeszow, Poland, where he had travelled by "
                                          "train from Kyiv. He is expected to return to Ukraine on Thursday."))
    assert [p["name"] for p in stops] == ["Kyiv", "Rzeszów", "Washington", "Kyiv"] and stops[-1]["when"] == "Thursday"
    # "had flown" (not a word of travel before) tells what came before the visit to Kyiv; "After leaving Kyiv" is a
    # later leg's start, not the origin
    stops = stops_of(journey_of(tmp_path, "President Joe Biden made a surprise visit to Kyiv on Monday. He had flown "
                                          "from Washington to Rzeszow, Poland, on Sunday and then took a 10-hour train "
                                          "ride to the Ukrainian capital. After leaving Kyiv he travelled to Warsaw."))
    assert [p["name"] for p in stops] == ["Washington", "Rzeszów", "Kyiv", "Warsaw"]
    # "He had earlier visited Paris and Belgrade" before Budapest; "flew home to Beijing"
    stops = stops_of(journey_of(tmp_path, "Chinese President Xi Jinping wrapped up a five-day tour of Europe in "
                                          "Budapest on Friday. He had earlier visited Paris and Belgrade. Xi flew home "
                                          "to Beijing on Friday afternoon."))
    assert [p["name"] for p in stops] == ["Paris", "Belgrade", "Budapest", "Beijing"]
    # "the night train from Brussels to Prague": Prague is where it goes, after the stations it "called at"
    stops = stops_of(journey_of(tmp_path, "The new night train from Brussels to Prague made its first run on Monday. "
                                          "It left Brussels Midi at 7.22pm, called at Amsterdam and Berlin overnight, "
                                          "and pulled into Prague main station at 12.30pm on Tuesday."))
    assert [p["name"] for p in stops] == ["Brussels", "Amsterdam", "Berlin", "Prague"]


def test_a_journey_begun_where_the_report_was_filed(tmp_path):
    # "NEW DELHI (Reuters) - ... left for Moscow" names no place left: the journey began at the dateline, at half the
    # confidence, and ends there; "From Moscow he will travel" no longer makes the goal Moscow the origin
    stops = stops_of(journey_of(tmp_path, "NEW DELHI, July 8 (Reuters) - Prime Minister Narendra Modi left for Moscow on "
                                          "Monday on a two-day visit, his first to Russia since the war in Ukraine "
                                          "began. From Moscow he will travel to Vienna, the first visit by an Indian "
                                          "prime minister to Austria in 41 years, before returning to New Delhi on "
                                          "Wednesday."))
    assert [(p["name"], p["role"]) for p in stops] == [("New Delhi", "origin"), ("Moscow", "via"),
                                                       ("Vienna", "planned"), ("New Delhi", "planned")]
    assert stops[0]["mention"] == "NEW DELHI" and stops[0]["when"] is None
    assert stops[0]["evidence"].startswith("the dateline") and "“return” near “New Delhi”" in stops[0]["evidence"]
    assert stops[0]["confidence"] <= 0.5 < stops[1]["confidence"]
    assert any("dateline" in a for a in stops[0]["assumptions"]) and not stops[1]["assumptions"]
    # "left for" with no place left named, in the lead
    stops = stops_of(journey_of(tmp_path, "BEIJING, March 20 (Reuters) - Chinese President Xi Jinping left for Moscow "
                                          "on Monday for a state visit, the foreign ministry said."))
    assert [(p["name"], p["role"]) for p in stops] == [("Beijing", "origin"), ("Moscow", "destination")]
    assert "“left” before “Moscow” names no other place left" in stops[0]["evidence"]
    # a dateline in capitals with its date after a comma, and a way home in the future ("вернется")
    stops = stops_of(journey_of(tmp_path, "МОСКВА, 3 июля. Министр иностранных дел России Сергей Лавров вылетел в "
                                          "Пхеньян. После переговоров он отправится во Вьетнам, а затем в Лаос. В "
                                          "Москву министр вернется в субботу.", name="lavrov.ru.txt"))
    assert [(p["name"], p["mention"]) for p in stops] == [("Moscow", "МОСКВА"), ("Pyongyang", "Пхеньян"),
                                                          ("Moscow", "Москву")]
    stops = stops_of(journey_of(tmp_path, "MADRID (EFE) - El rey Felipe VI viajó este lunes a Lisboa para asistir a la "
                                          "toma de posesión del presidente portugués. Desde la capital lusa se "
                                          "trasladará el martes a Oporto y regresará a Madrid el miércoles.",
                                name="rey.es.txt"))
    assert [p["name"] for p in stops] == ["Madrid", "Lisbon", "Porto", "Madrid"]
    # a report filed in Seoul about a North Korean's journey did not begin in Seoul
    stops = stops_of(journey_of(tmp_path, "SEOUL, Sept 12 (Reuters) - North Korean leader Kim Jong Un left for "
                                          "Vladivostok on Tuesday aboard his armoured train, state media said."))
    assert [p["name"] for p in stops] == ["Vladivostok"]


def test_a_time_told_with_leaving_for_a_goal_is_the_leavings_and_a_mode_told_after_an_arrival(tmp_path):
    # "left Kyiv for Chisinau on Friday morning": Friday morning is when the train left Kyiv
    stops = stops_of(journey_of(tmp_path, "The first passenger train in years left Kyiv for Chisinau on Friday morning. "
                                          "It crossed into Moldova at Ocnita late in the afternoon and arrived in the "
                                          "Moldovan capital shortly before midnight."))
    assert [(p["name"], p["when"]) for p in stops] == [("Kyiv", "Friday morning"), ("Ocniţa", None),
                                                       ("Chisinau", None)]
    # "arrived in Kyiv on Friday after a 10-hour train journey from Poland": the leg into Kyiv was by rail, the one
    # into Warsaw flown
    fc = journey_of(tmp_path, "Indian Prime Minister Narendra Modi arrived in Kyiv on Friday after a 10-hour train "
                              "journey from Poland. Modi had flown into Warsaw on Wednesday from New Delhi and spent "
                              "two days in the Polish capital.")
    assert [p["name"] for p in stops_of(fc)] == ["New Delhi", "Warsaw", "Kyiv"]
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert [(leg["mode"], leg["evidence"]) for leg in legs] == [("air", "“flown” before “Warsaw”"),
                                                                ("direct", "“train” after “Kyiv”")]
    assert legs[1]["note"] == "by rail, but no rail layer"
    # a German night train ("Nachtzug von Hamburg nach Stockholm") is a word of travel, as "Sonderzug" is
    stops = stops_of(journey_of(tmp_path, "HAMBURG (dpa) - Der neue Nachtzug von Hamburg nach Stockholm ist am "
                                          "Freitagabend zu seiner ersten Fahrt aufgebrochen. Der Zug fährt über "
                                          "Kopenhagen und Malmö.", name="zug.de.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Hamburg", "Freitagabend"), ("Copenhagen", None),
                                                       ("Malmö", None), ("Stockholm", None)]
    # "fly to Port Moresby in Papua New Guinea, then to Dili": a list whose first stop four words of a country follow
    stops = stops_of(journey_of(tmp_path, "Pope Francis left Rome on Tuesday for Jakarta. After three days in the "
                                          "Indonesian capital he will fly to Port Moresby in Papua New Guinea, then to "
                                          "Dili in East Timor and finally to Singapore, before returning to Rome."))
    assert [p["name"] for p in stops] == ["Rome", "Jakarta", "Port Moresby", "Dili", "Singapore", "Rome"]


def test_a_place_named_where_the_journey_goes_and_told_again_later_is_reached_there(tmp_path):
    # "부산으로 출발했다 ... 대전과 대구를 거쳐 오후 부산역에 도착했다": Busan is reached after Daejeon and Daegu
    stops = stops_of(journey_of(tmp_path, "서울=연합뉴스. 대통령은 7일 오전 서울역에서 KTX를 타고 부산으로 출발했다. 열차는 대전과 대구를 "
                                          "거쳐 오후 부산역에 도착했다.", name="ktx.ko.txt"))
    assert [p["name"] for p in stops] == ["Seoul", "Daejeon", "Daegu", "Busan"]
    # "दिल्ली से वाराणसी के लिए रवाना": the origin's word further on; "वाराणसी पहुंचेगी" (will reach), a plan
    stops = stops_of(journey_of(tmp_path, "नई दिल्ली । नई वंदे भारत एक्सप्रेस मंगलवार सुबह नई दिल्ली से वाराणसी के लिए रवाना हुई। "
                                          "ट्रेन कानपुर में रुकेगी और दोपहर दो बजे वाराणसी पहुंचेगी।", name="vande.hi.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Delhi", "origin"), ("Kanpur", "planned"),
                                                       ("Varanasi", "planned")]
    # "名古屋と京都に停車し" (stopped at): on the way to Osaka
    stops = stops_of(journey_of(tmp_path, "岸田首相は15日午前、東京駅から新幹線で大阪に向かった。途中、名古屋と京都に停車し、正午過ぎに新大阪駅に"
                                          "到着した。", name="shinkansen.ja.txt"))
    assert [p["name"] for p in stops] == ["Tokyo", "Nagoya", "Kyoto", "Osaka"]
    # "entre Paris et Berlin": a route's two ends, Berlin reached after the stops on the way
    stops = stops_of(journey_of(tmp_path, "Le premier TGV entre Paris et Berlin a quitté la gare de l'Est lundi matin. "
                                          "Il s'est arrêté à Strasbourg, Karlsruhe et Francfort avant d'arriver à "
                                          "Berlin en fin d'après-midi.", name="tgv.fr.txt"))
    assert [p["name"] for p in stops] == ["Paris", "Strasbourg", "Karlsruhe", "Frankfurt am Main", "Berlin"]


def test_a_station_of_a_place_is_a_stop_and_a_place_another_lies_near_is_none(tmp_path):
    # "left Chicago Union Station": the station is in Chicago; "Emeryville, across the bay from San Francisco" tells
    # where Emeryville lies: San Francisco is no stop, nor the origin
    fc = journey_of(tmp_path, "CHICAGO (AP) - Amtrak's California Zephyr left Chicago Union Station on Saturday "
                              "afternoon on its two-day run to the West Coast. The train stopped in Omaha overnight, "
                              "climbed through the Rockies after Denver on Sunday and reached Salt Lake City before "
                              "dawn on Monday. It is scheduled to arrive in Emeryville, across the bay from San "
                              "Francisco, on Monday evening.")
    stops = stops_of(fc)
    assert [(p["name"], p["mention"]) for p in stops][:2] == [("Chicago", "Chicago Union Station"), ("Omaha", "Omaha")]
    assert [p["name"] for p in stops][2:] == ["Denver", "Salt Lake City", "Emeryville"]
    assert "“across the bay from”: where another place lies, not a stop" in {c["evidence"] for c in fc["context"]}


def test_a_spanish_list_a_korean_word_of_time_and_a_station_left_by_its_citys_name(tmp_path):
    # "tras detenerse en Valladolid y León", after a comma: on the way to Oviedo, both of them
    stops = stops_of(journey_of(tmp_path, "El primer AVE entre Madrid y Asturias salió de Madrid a las 8.00 horas y "
                                          "llegó a Oviedo tres horas después, tras detenerse en Valladolid y León.",
                                name="ave.es.txt"))
    assert [p["name"] for p in stops] == ["Madrid", "Valladolid", "León", "Oviedo"]
    # "지난 25일 밤" is last 25th at night, not Jinan
    stops = stops_of(journey_of(tmp_path, "김정은 국무위원장이 탄 전용열차가 26일 오전 중국 단둥을 거쳐 베이징역에 도착했다. 김 위원장은 "
                                          "지난 25일 밤 평양을 출발했다.", name="kim.ko.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Pyongyang", "25일 밤"), ("Dandong", "26일 오전"),
                                                       ("Beijing", None)]
    # "had left London St Pancras": a longer name right after a word of travel is a building of the place
    stops = stops_of(journey_of(tmp_path, "The train had left London St Pancras at 9:01 a.m. and was towed back to "
                                          "Folkestone, from where passengers continued their journey by coach to "
                                          "Calais."))
    assert [(p["name"], p["mention"]) for p in stops] == [("London", "London St Pancras"),
                                                          ("Folkestone", "Folkestone"), ("Calais", "Calais")]


def test_a_german_nach_goes_on_a_clause_of_travel_and_a_french_way_home_left_again_for(tmp_path):
    # "reiste er weiter nach Shanghai und am Dienstag nach Peking": "nach" after a word of travel in its clause
    stops = stops_of(journey_of(tmp_path, "Bundeskanzler Olaf Scholz ist zu seinem Antrittsbesuch in China "
                                          "eingetroffen. Der Kanzler landete am Sonntag zunächst in Chongqing. Am "
                                          "Montag reiste er weiter nach Shanghai und am Dienstag nach Peking, wo er "
                                          "Staatschef Xi Jinping trifft.", name="scholz.de.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Chongqing", "Sonntag"), ("Shanghai", "Montag"),
                                                       ("Beijing", "Dienstag")]
    # "Il est reparti pour Rome": the way home
    stops = stops_of(journey_of(tmp_path, "Le pape François est arrivé dimanche à Marseille. Il avait quitté Rome "
                                          "samedi matin à bord d'un avion. Il est reparti pour Rome dimanche soir.",
                                name="pape.fr.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Rome", "origin"), ("Marseille", "via"),
                                                       ("Rome", "destination")]


def test_arabic_riyadh_among_capitals_a_heading_then_left_and_a_town_after_a_preposition(tmp_path):
    # الرياض beside القاهرة and أبوظبي is Riyadh, not Ar Riyāḑ, a town of Egypt; "متوجها إلى الرياض ... على أن يتوجه
    # بعدها إلى أبوظبي": a word of then after where the journey was heading, and a plan
    fc = journey_of(tmp_path, "القاهرة (رويترز) - غادر الرئيس المصري عبد الفتاح السيسي القاهرة صباح اليوم الأربعاء متوجها "
                              "إلى الرياض للمشاركة في القمة العربية، على أن يتوجه بعدها إلى أبوظبي قبل أن يعود إلى القاهرة "
                              "يوم الجمعة.", name="sisi.ar.txt")
    stops = stops_of(fc)
    assert [(p["name"], p["role"]) for p in stops] == [("Cairo", "origin"), ("Riyadh", "via"), ("Abu Dhabi", "planned"),
                                                       ("Cairo", "planned")]
    riyadh = [f for f in fc["features"] if f["properties"].get("name") == "Riyadh"][0]["geometry"]["coordinates"]
    assert haversine_km(riyadh[1], riyadh[0], 24.69, 46.72) < 20
    # "إلى الدمام" (to Dammam), which the model passes over at 0.14
    stops = stops_of(journey_of(tmp_path, "انطلق أول قطار ركاب من الرياض إلى الدمام مرورا بالهفوف صباح الأحد.",
                                name="train.ar.txt"))
    assert [p["name"] for p in stops] == ["Riyadh", "Dammam"]


def test_airports_a_japanese_story_at_home_and_a_line_named_by_its_ends(tmp_path):
    # "서울공항을 출발해": Seoul's air base
    stops = stops_of(journey_of(tmp_path, "윤석열 대통령은 10일 서울공항을 출발해 체코 프라하에 도착했다. 윤 대통령은 12일 슬로바키아 "
                                          "브라티슬라바로 이동할 예정이다.", name="yoon.ko.txt"))
    assert [p["name"] for p in stops] == ["Seoul", "Prague", "Bratislava"]
    # "羽田空港を出発し、米国に向かった": Haneda, a town of 15,000 named by two letters before the word for airport, in a
    # story written in Japanese (Japan's, though it names the United States, 米国); ワシントン also names the capital, and,
    # the first town told in the country the journey went to, where the summit (首脳会談) is, the next stop
    fc = journey_of(tmp_path, "岸田文雄首相は19日夜、政府専用機で羽田空港を出発し、米国に向かった。ワシントンで首脳会談に臨む。",
                    name="kishida.ja.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Haneda", "Washington"]
    context = {c["mention"]: c["name"] for c in fc["context"]}
    assert context["米国"] == "United States"
    res = run_cli("places", tmp_path / "kishida.ja.txt", "--format", "json")
    assert res.returncode == 0, res.stderr.decode()
    washington = [p for p in json.loads(res.stdout) if p["text"] == "ワシントン"][0]
    assert haversine_km(washington["lat"], washington["lon"], 38.90, -77.04) < 20
    # "मुंबई-अहमदाबाद बुलेट ट्रेन": the line's name, not its stops; "此前": before the place the sentence before reached
    stops = stops_of(journey_of(tmp_path, "मुंबई । मुंबई-अहमदाबाद बुलेट ट्रेन का पहला ट्रायल रन सोमवार को हुआ। ट्रेन सुबह 10 बजे सूरत "
                                          "से चली और 40 मिनट में बिलिमोरा पहुंची।", name="bullet.hi.txt"))
    assert [p["name"] for p in stops] == ["Surat", "Bilimora"]
    stops = stops_of(journey_of(tmp_path, "国务院总理李强当地时间22日抵达柏林，开始对德国进行正式访问。此前，李强在北京出发前往柏林。",
                                name="li.zh.txt"))
    assert [p["name"] for p in stops] == ["Beijing", "Berlin"]


def test_the_next_day_is_no_plan_a_journey_to_is_its_goal_and_a_building_is_its_towns_stop(tmp_path):
    # "before reaching Lviv the next day": told as done, not planned
    stops = stops_of(journey_of(tmp_path, "The evacuation train left Pokrovsk on Tuesday morning carrying 300 "
                                          "civilians. It stopped briefly in Dnipro and Poltava before reaching Lviv the "
                                          "next day."))
    assert [(p["name"], p["role"]) for p in stops] == [("Pokrovsk", "origin"), ("Dnipro", "via"), ("Poltava", "via"),
                                                       ("Lviv", "destination")]
    # "departed Singapore ... for a six-day journey to Bangkok": where the journey goes, after the stops on the way
    stops = stops_of(journey_of(tmp_path, "The Eastern & Oriental Express departed Singapore on Sunday for a six-day "
                                          "journey to Bangkok. The train calls at Kuala Lumpur and Penang."))
    assert [p["name"] for p in stops] == ["Singapore", "Kuala Lumpur", "George Town", "Bangkok"]
    # "arrived at the White House": placed where the corpora's annotators put it, in Washington, it is the stop
    # "flew to Washington" makes, named by the gazetteer's place
    stops = stops_of(journey_of(tmp_path, "Ukrainian President Volodymyr Zelenskyy arrived at the White House on "
                                          "Thursday. He flew to Washington from New York on Wednesday evening."))
    assert [(p["name"], p["mention"]) for p in stops] == [("New York City", "New York"),
                                                          ("Washington", "White House")]


def test_a_capital_told_by_its_country(tmp_path):
    # "the Ukrainian capital" is Kyiv, "the Polish capital" Warsaw, and a stop where a word of travel is near
    fc = journey_of(tmp_path, "Japanese Prime Minister Fumio Kishida arrived in the Ukrainian capital on Tuesday. He had "
                              "flown from New Delhi to Rzeszow on Monday. After talks with President Volodymyr "
                              "Zelenskiy, Kishida will travel back to Poland and then on to the Polish capital.")
    stops = stops_of(fc)
    assert [(p["name"], p["mention"]) for p in stops] == [("New Delhi", "New Delhi"), ("Rzeszów", "Rzeszow"),
                                                          ("Kyiv", "Ukrainian"), ("Warsaw", "Polish")]
    kyiv = [f for f in fc["features"] if f["properties"].get("name") == "Kyiv"][0]["geometry"]["coordinates"]
    assert haversine_km(kyiv[1], kyiv[0], 50.45, 30.52) < 10
    assert stops[2]["match"] == "capital" and any("Kyiv" in a for a in stops[2]["assumptions"])
    # "la capitale de l'Ukraine", "в столицу России", "俄罗斯首都"
    for text, name, capital in [("Le président est arrivé lundi dans la capitale de l'Ukraine après un voyage en train "
                                 "de nuit depuis Przemyśl.", "macron.fr.txt", "Kyiv"),
                                ("Премьер-министр Индии прибыл в столицу России во вторник. Накануне он вылетел из "
                                 "Дели.", "modi.ru.txt", "Moscow"),
                                ("习近平主席周一乘专机抵达俄罗斯首都，开始对俄罗斯进行国事访问。", "xi.zh.txt", "Moscow")]:
        assert stops_of(journey_of(tmp_path, text, name=name))[-1]["name"] == capital
    # the capital named right after ("Vietnam's capital Hanoi") keeps its own mention, and its time
    stops = stops_of(journey_of(tmp_path, "Russian President Vladimir Putin arrived in Pyongyang early on Wednesday for "
                                          "a rare visit to North Korea, before heading to Vietnam's capital Hanoi on "
                                          "Thursday."))
    assert [(p["name"], p["mention"], p["when"]) for p in stops] == [("Pyongyang", "Pyongyang", "early on Wednesday"),
                                                                     ("Hanoi", "Hanoi", "Thursday")]
    # with no word of travel near it, a country's capital market is no stop
    stops = stops_of(journey_of(tmp_path, "The train left Warsaw on Monday and reached Berlin in the evening. Chinese "
                                          "capital has flowed into the Polish rail sector for a decade."))
    assert [p["name"] for p in stops] == ["Warsaw", "Berlin"]


def test_a_tour_told_with_then_its_first_and_last_stops_and_the_way_home(tmp_path):
    # "puis vendredi à Brazzaville": next after Luanda, though no word of travel is near it; "La tournée s'achèvera
    # samedi à Kinshasa ... avant son retour à Paris": Paris, first told as where he goes back, ends the tour, a plan
    # after the plans
    stops = stops_of(journey_of(tmp_path, "Emmanuel Macron a entamé mercredi une tournée de quatre pays en Afrique "
                                          "centrale. Le président français est arrivé à Libreville, au Gabon.\n\nIl se "
                                          "rendra ensuite jeudi à Luanda, en Angola, puis vendredi à Brazzaville, au "
                                          "Congo. La tournée s'achèvera samedi à Kinshasa, en République démocratique "
                                          "du Congo, avant son retour à Paris.", name="macron.fr.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Libreville", "origin"), ("Luanda", "planned"),
                                                       ("Brazzaville", "planned"), ("Kinshasa", "planned"),
                                                       ("Paris", "planned")]
    assert "“puis”" in stops[2]["evidence"]
    # "ROMA (EFE)": the journey went back where the report was filed, and began there; "rumbo a Yakarta, primera
    # etapa del viaje" is reached first, whatever the heading; "volará a", "y después a Dili"
    fc = journey_of(tmp_path, "ROMA (EFE). — El papa Francisco partió este lunes del aeropuerto de Fiumicino rumbo a "
                              "Yakarta, primera etapa del viaje más largo de su pontificado. Tras tres días en "
                              "Indonesia, el pontífice volará a Port Moresby, en Papúa Nueva Guinea, y después a Dili, "
                              "la capital de Timor Oriental.\n\nEl viaje concluirá en Singapur el 13 de septiembre, "
                              "desde donde el papa regresará a Roma.", name="papa.es.txt")
    stops = stops_of(fc)
    assert [p["name"] for p in stops] == ["Rome", "Jakarta", "Port Moresby", "Dili", "Singapore", "Rome"]
    dili = [f for f in fc["features"] if f["properties"].get("name") == "Dili"][0]["geometry"]["coordinates"]
    assert haversine_km(dili[1], dili[0], -8.56, 125.57) < 10
    # "the final stop of his tour", told first, is reached last; "der letzten Station seiner Asienreise" too
    for text, name in [("The pope will fly to Singapore, the final stop of his tour. He will also visit Jakarta and "
                        "Manila.", "pope.en.txt"),
                       ("Der Papst reist nach Singapur, der letzten Station seiner Asienreise. Außerdem besucht er "
                        "Jakarta und Manila.", "papst.de.txt")]:
        assert [p["name"] for p in stops_of(journey_of(tmp_path, text, name=name))] == ["Jakarta", "Manila",
                                                                                         "Singapore"]


def test_a_country_gone_to_is_its_first_town_told_and_a_day_told_before_that(tmp_path):
    # "отправится во Вьетнам. В Ханое ...": Hanoi, planned as the leaving for Vietnam is; "Перед этим он провел день в
    # Якутске": before Pyongyang, reached the sentence before
    stops = stops_of(journey_of(tmp_path, "Президент России Владимир Путин в ночь на среду прилетел в Пхеньян с "
                                          "государственным визитом. Перед этим он провел день в Якутске, откуда и "
                                          "вылетел в КНДР.\n\nПосле переговоров в Пхеньяне Путин в четверг "
                                          "отправится во Вьетнам. В Ханое он встретится с руководством страны, после "
                                          "чего вернется в Москву.", name="putin.ru.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Yakutsk", "origin"), ("Pyongyang", "via"),
                                                       ("Hanoi", "planned"), ("Moscow", "planned")]
    assert "“Вьетнам”" in stops[2]["evidence"]
    # "landete seine Maschine am Morgen in Nairobi", in a paragraph telling no day: before Wednesday's Mombasa, not
    # after every stop with a day; "fliegt er ... nach Daressalam"
    stops = stops_of(journey_of(tmp_path, "Bundespräsident Frank-Walter Steinmeier ist zu einem Staatsbesuch in Kenia "
                                          "eingetroffen. Nach einem Nachtflug aus Berlin landete seine Maschine in "
                                          "Nairobi.\n\nAm Mittwoch reist Steinmeier weiter nach Mombasa an der Küste. "
                                          "Von dort fliegt er am Donnerstag nach Daressalam in Tansania, der letzten "
                                          "Station seiner Reise.", name="steinmeier.de.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Berlin", None), ("Nairobi", None), ("Mombasa", "Mittwoch"),
                                                       ("Dar es Salaam", "Donnerstag")]


def test_trains_pulled_out_bound_for_two_places_and_a_time_beside_a_place(tmp_path):
    # "pulled out of Zermatt": the origin; "about eight hours later" has no German "ab" (from) in it
    stops = stops_of(journey_of(tmp_path, "The Glacier Express pulled out of Zermatt on Monday morning. The red train "
                                          "will stop in Andermatt and Chur before reaching St. Moritz about eight "
                                          "hours later."))
    assert [(p["name"], p["role"]) for p in stops] == [("Zermatt", "origin"), ("Andermatt", "planned"),
                                                       ("Chur", "planned"), ("St. Moritz", "planned")]
    # "bound for Seattle and Portland": both after the stops told after them; "Minneapolis late Tuesday night and
    # Spokane on Thursday morning": Spokane keeps the nearer time, Minneapolis takes the one beside it
    stops = stops_of(journey_of(tmp_path, "Amtrak's Empire Builder left Chicago on Tuesday afternoon bound for Seattle "
                                          "and Portland, the railroad's first full run since flooding. The train was "
                                          "due to reach Minneapolis late Tuesday night and Spokane on Thursday "
                                          "morning."))
    assert [(p["name"], p["when"]) for p in stops] == [("Chicago", "Tuesday afternoon"),
                                                       ("Minneapolis", "Tuesday night"),
                                                       ("Spokane", "Thursday morning"), ("Seattle", None),
                                                       ("Portland", None)]


def test_a_korean_tour_its_first_country_and_a_portuguese_one(tmp_path):
    # "서울공항을 통해 출국했다": left from Seoul's air base, by air (공항); "첫 방문국인 투르크메니스탄의 수도 아시가바트에": the
    # first country visited, "이날 오후" (that day's afternoon); "14일 우즈베키스탄 사마르칸트를 방문하고 16일 귀국한다": the 14th,
    # the country's beside it; "16일 귀국한다": home to Seoul, on the 16th
    fc = journey_of(tmp_path, "윤석열 대통령이 10일 투르크메니스탄, 카자흐스탄, 우즈베키스탄 등 중앙아시아 3개국 국빈 방문을 위해 성남 "
                              "서울공항을 통해 출국했다. 윤 대통령은 이날 오후 첫 방문국인 투르크메니스탄의 수도 아시가바트에 도착했다.\n\n"
                              "윤 대통령은 12일 카자흐스탄 아스타나로 이동한 뒤 14일 우즈베키스탄 사마르칸트를 방문하고 16일 귀국한다.",
                    name="yoon.ko.txt")
    assert [(p["name"], p["when"]) for p in stops_of(fc)] == [("Seoul", None), ("Ashgabat", "이날 오후"),
                                                              ("Astana", "12일"), ("Samarkand", "14일"),
                                                              ("Seoul", "16일")]
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert [leg["mode"] for leg in legs] == ["air"] * 4 and legs[0]["evidence"] == "“공항” in “서울공항을”"
    # Portuguese: "decolou da Base Aérea de Brasília", "antes de seguir para Xangai", "segue para Pequim"
    stops = stops_of(journey_of(tmp_path, "O presidente Lula embarcou nesta terça-feira para a China. O avião "
                                          "presidencial decolou da Base Aérea de Brasília e fará uma escala em Lisboa "
                                          "antes de seguir para Xangai.\n\nNa sexta-feira ele segue para Pequim, onde "
                                          "se reunirá com o presidente Xi Jinping.", name="lula.pt.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Brasília", None), ("Lisbon", None), ("Shanghai", None),
                                                       ("Beijing", "sexta-feira")]


def test_a_japanese_train_left_a_station_and_a_stretch_of_line(tmp_path):
    # "東京駅を午前6時16分に出発した": Tokyo, the city (not the prefecture), its station's word between it and its particle;
    # "金沢―敦賀間" (between Kanazawa and Tsuruga) is the stretch of line opened, not where the train began
    stops = stops_of(journey_of(tmp_path, "北陸新幹線の金沢―敦賀間が16日に延伸開業し、東京駅を午前6時16分に出発した一番列車が敦賀駅に"
                                          "到着した。列車は長野、富山、金沢に停車した。", name="hokuriku.ja.txt"))
    assert stops[0]["name"] == "Tokyo" and stops[0]["role"] == "origin"
    assert [p["name"] for p in stops].count("Kanazawa") == 1 and "停車" in stops[-1]["evidence"] + stops[-2]["evidence"] \
        + stops[-3]["evidence"]


def test_an_italian_visit_a_datelines_city_and_a_train_named_by_its_ends(tmp_path):
    # Italian: "è partito lunedì da Roma", "si recherà a Kyoto e Osaka prima di rientrare a Roma"; "ROMA - " a dateline
    fc = journey_of(tmp_path, "ROMA - Il presidente della Repubblica Sergio Mattarella è partito lunedì da Roma per una "
                              "visita di Stato in Giappone. Dopo due giorni a Tokyo, il capo dello Stato si recherà a "
                              "Kyoto e Osaka prima di rientrare a Roma sabato.", name="mattarella.it.txt")
    assert [(p["name"], p["when"]) for p in stops_of(fc)] == [("Rome", "lunedì"), ("Tokyo", None), ("Kyoto", None),
                                                              ("Osaka", None), ("Rome", "sabato")]
    res = run_cli("places", tmp_path / "mattarella.it.txt", "--format", "json")
    assert res.returncode == 0 and json.loads(res.stdout)[0]["text"] == "ROMA"
    # "KYIV, Dec 21 (Reuters)": the city, not the region of its name, where the journey began and went back to; "the
    # Polish border town of Przemysl" names no other country before the first stop
    stops = stops_of(journey_of(tmp_path, "KYIV, Dec 21 (Reuters) - Ukrainian President Volodymyr Zelenskiy travelled "
                                          "overnight by train to the Polish border town of Przemysl, then drove to "
                                          "Rzeszow airport, where a U.S. Air Force plane flew him to Washington on "
                                          "Wednesday.\n\nAfter meeting President Joe Biden at the White House, "
                                          "Zelenskiy flew back to Poland and returned to Kyiv by train on Thursday."))
    assert [p["name"] for p in stops] == ["Kyiv", "Przemyśl", "Rzeszów", "Washington", "Kyiv"]
    assert stops[0]["mention"] == "KYIV" and "dateline" in stops[0]["evidence"]
    # "le train de nuit Paris-Nice": the train's name, not its stops ("mercredi matin" is Nice's)
    fc = journey_of(tmp_path, "Le train de nuit Paris-Nice a repris du service mardi. Il a desservi Marseille et "
                              "Toulon avant d'arriver à Nice mercredi matin.", name="nuit.fr.txt")
    assert [(p["name"], p["when"]) for p in stops_of(fc)] == [("Marseille", None), ("Toulon", None),
                                                              ("Nice", "mercredi matin")]


def test_stations_and_airports_of_a_city_in_japanese_and_chinese_and_a_german_journey_to(tmp_path):
    # "ロンドンのヒースロー空港に到着": London, its airport's word and name between it and the word of travel
    stops = stops_of(journey_of(tmp_path, "天皇皇后両陛下は22日、英国訪問のため羽田空港を政府専用機で出発された。両陛下は同日夕、ロンドンの"
                                          "ヒースロー空港に到着された。", name="emperor.ja.txt"))
    assert [p["name"] for p in stops] == ["Haneda", "London"]
    # "从重庆团结村站出发": Chongqing the city (115 km from the middle of the municipality of its name), by its station
    stops = stops_of(journey_of(tmp_path, "一列中欧班列10日从重庆团结村站出发，经阿拉山口出境，预计16天后抵达德国杜伊斯堡。",
                                name="banlie.zh.txt"))
    assert [(p["name"], p["role"]) for p in stops][0] == ("Chongqing", "origin") and stops[-1]["name"] == "Duisburg"
    # "zu seiner jährlichen Fahrt nach Istanbul aufgebrochen": where it goes, after the stops told after it
    stops = stops_of(journey_of(tmp_path, "Der Orient-Express ist am Sonntag in Paris zu seiner Fahrt nach Istanbul "
                                          "aufgebrochen. Der Zug fährt über München und Wien nach Budapest, wo er am "
                                          "Montagabend eintrifft. Danach geht die Reise weiter über Bukarest nach "
                                          "Istanbul.", name="orient.de.txt"))
    assert [p["name"] for p in stops] == ["Paris", "Munich", "Vienna", "Budapest", "Bucharest", "Istanbul"]


def test_a_visit_before_an_arrival_a_goal_after_planned_stops_and_a_heading_left_from_there(tmp_path):
    # "arrived in Hanoi on Sunday after a two-day visit to New Delhi": New Delhi came first; "after stopping in
    # Anchorage" before Washington
    stops = stops_of(journey_of(tmp_path, "HANOI (AP) — President Joe Biden arrived in Hanoi on Sunday after a "
                                          "two-day visit to New Delhi for the Group of 20 summit. Biden will return to "
                                          "Washington on Monday after stopping in Anchorage, Alaska."))
    assert [p["name"] for p in stops] == ["New Delhi", "Hanoi", "Anchorage", "Washington"]
    # "for its 15-day journey to Vladivostok, with stops planned in Kazan ...": the goal after the plans is one too
    stops = stops_of(journey_of(tmp_path, "The Golden Eagle departed Moscow on Friday for its 15-day journey to "
                                          "Vladivostok, with stops planned in Kazan, Irkutsk and Ulan-Ude."))
    assert [(p["name"], p["role"]) for p in stops] == [("Moscow", "origin"), ("Kazan", "planned"),
                                                       ("Irkutsk", "planned"), ("Ulan-Ude", "planned"),
                                                       ("Vladivostok", "planned")]
    # "bound for Lviv ... From there, many plan to continue to Przemysl": reached before what is told after "from
    # there", in the next sentence
    stops = stops_of(journey_of(tmp_path, "Ukrainian refugees boarded an evacuation train in Kramatorsk on Tuesday "
                                          "bound for Lviv, near the Polish border. From there, many plan to continue "
                                          "to Przemysl."))
    assert [p["name"] for p in stops] == ["Kramatorsk", "Lviv", "Przemyśl"]
    # "He will first visit New York ... at the U.N. headquarters, before heading to Washington": New York first, and
    # "U.N." ends no sentence: Washington is planned, as its sentence says
    stops = stops_of(journey_of(tmp_path, "Indian Prime Minister Narendra Modi will travel to the United States next "
                                          "week. He will first visit New York, where he will lead a yoga event at the "
                                          "U.N. headquarters, before heading to Washington for a state visit. On his "
                                          "way back, he will stop in Cairo."))
    assert [(p["name"], p["role"]) for p in stops] == [("New York City", "origin"), ("Washington", "planned"),
                                                       ("Cairo", "planned")]
    # "A new night train linking Brussels and Berlin ... calling at Liege, Cologne and Hanover": a route's ends, as
    # after "between", the first word of a description before them aside ("new night train linking")
    stops = stops_of(journey_of(tmp_path, "A new night train linking Brussels and Berlin made its first run on Monday, "
                                          "leaving Brussels-Midi at 7:22 p.m. and calling at Liege, Cologne and "
                                          "Hanover before arriving at Berlin's main station on Tuesday morning."))
    assert [(p["name"], p["when"]) for p in stops] == [("Brussels", "Monday"), ("Liège", None), ("Köln", None),
                                                       ("Hannover", None), ("Berlin", None)]


def test_stops_told_in_spanish_russian_chinese_and_portuguese_ways(tmp_path):
    # "con paradas en Córdoba, Granada": stops
    stops = stops_of(journey_of(tmp_path, "El tren Al Ándalus partió el lunes de Sevilla en un viaje de seis días, con "
                                          "paradas en Córdoba, Granada y Jerez, antes de regresar a Sevilla el "
                                          "sábado.", name="andalus.es.txt"))
    assert [p["name"] for p in stops] == ["Sevilla", "Córdoba", "Granada", "Jerez de la Frontera", "Sevilla"]
    # "Ранее в тот же день он посетил Бишкек": earlier that day
    stops = stops_of(journey_of(tmp_path, "Владимир Путин прибыл в Астану с государственным визитом. Ранее в тот же "
                                          "день он посетил Бишкек.", name="putin.ru.txt"))
    assert [p["name"] for p in stops] == ["Bishkek", "Astana"]
    # "随后将访问阿德莱德和珀斯": a list joined by 和
    stops = stops_of(journey_of(tmp_path, "国务院总理李强13日乘专机离开北京，前往澳大利亚进行正式访问。李强首先抵达堪培拉，随后将访问阿德莱德和"
                                          "珀斯。", name="li.zh.txt"))
    assert [p["name"] for p in stops] == ["Beijing", "Canberra", "Adelaide", "Perth"]
    # "retorna a Roma": Rome after Portuguese "a"; "de helicóptero"
    fc = journey_of(tmp_path, "O papa Francisco chegou a Lisboa nesta quarta-feira para a Jornada Mundial da "
                              "Juventude. No domingo, ele retorna a Roma de helicóptero, depois de uma semana em "
                              "Portugal.", name="papa.pt.txt")
    assert [(p["name"], p["when"]) for p in stops_of(fc)] == [("Lisbon", "quarta-feira"), ("Rome", "domingo")]
    assert [f["properties"]["mode"] for f in fc["features"] if f["properties"]["kind"] == "leg"] == ["air"]


def test_weekdays_begin_at_the_first_stop_made_and_a_word_of_origin_outweighs_one_of_saying(tmp_path):
    # no origin told and no year: the week begins on the day of the first stop made (Sunday), not after the longest
    # gap between the days told (Friday, which put Beijing first)
    stops = stops_of(journey_of(tmp_path, "PARIS, May 5 (Reuters) - Chinese President Xi Jinping arrived in Paris on "
                                          "Sunday at the start of a European tour.\n\nXi will travel to Belgrade on "
                                          "Tuesday and then on to Budapest, where he will stay until Friday before "
                                          "flying home to Beijing."))
    assert [p["name"] for p in stops] == ["Paris", "Belgrade", "Budapest", "Beijing"]
    # "He flew in from Ankara after meeting Turkish officials": "from" marks where he came from, though "meeting"
    # stands nearer than "flew"; "his first stop" is Tel Aviv
    stops = stops_of(journey_of(tmp_path, "U.S. Secretary of State Antony Blinken arrived in Tel Aviv on Thursday, his "
                                          "first stop on a Middle East tour that will also take him to Jordan. He flew "
                                          "in from Ankara after meeting Turkish officials."))
    assert [(p["name"], p["role"]) for p in stops] == [("Ankara", "origin"), ("Tel Aviv", "destination")]


def test_a_time_of_day_and_a_number_part_no_clause_and_stops_called_at_before_an_arrival(tmp_path):
    # "at 11:45 p.m. on Friday": the colon of a time of day is no clause's end, and "and arrived in" parts the leaving's
    # time from the arrival's; "having called at Crewe, Preston and Perth overnight": before Inverness
    stops = stops_of(journey_of(tmp_path, "The Caledonian Sleeper left London Euston at 11:45 p.m. on Friday and "
                                          "arrived in Inverness shortly after 8:40 a.m. on Saturday, having called at "
                                          "Crewe, Preston and Perth overnight."))
    assert [(p["name"], p["when"]) for p in stops] == [("London", "Friday"), ("Crewe", None), ("Preston", None),
                                                       ("Perth", None), ("Inverness", "Saturday")]
    # "остановки в Перми": "в" before the locative is "in", not "to" (Perm is no goal reached last)
    stops = stops_of(journey_of(tmp_path, "Поезд «Россия» прибыл во Владивосток в понедельник утром. Он отправился "
                                          "из Москвы в прошлое воскресенье и по пути сделал остановки в Перми, "
                                          "Екатеринбурге и Иркутске.", name="rossiya.ru.txt"))
    assert [p["name"] for p in stops] == ["Moscow", "Perm", "Yekaterinburg", "Irkutsk", "Vladivostok"]


def test_a_dateline_after_a_headline_and_a_journey_set_off_from_it(tmp_path):
    # a headline, then "DAKAR, 19 juin (AFP) -": the dateline opens the paragraph after the headline; Paris, told in
    # both, is where the report tells it, on Wednesday
    stops = stops_of(journey_of(tmp_path, "Bassirou Diomaye Faye en visite officielle à Paris\n\nDAKAR, 19 juin (AFP) - "
                                          "Le président sénégalais s'est envolé mercredi pour Paris, où il doit "
                                          "s'entretenir avec Emmanuel Macron jeudi.\n\nIl se rendra ensuite à "
                                          "Bruxelles, vendredi, avant de regagner Dakar samedi.", name="faye.fr.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Dakar", None), ("Paris", "mercredi"),
                                                       ("Brussels", "vendredi"), ("Dakar", "samedi")]
    # "नई दिल्ली, 5 अगस्त। ... यात्रा पर रवाना हुईं": a word of setting off, no place after it, after the dateline;
    # "वेलिंगटन जाएंगी" (will go to Wellington)
    fc = journey_of(tmp_path, "राष्ट्रपति मुर्मू तीन देशों की यात्रा पर रवाना\n\nनई दिल्ली, 5 अगस्त। राष्ट्रपति द्रौपदी "
                              "मुर्मू सोमवार को तीन देशों की यात्रा पर रवाना हुईं। अपनी यात्रा के पहले चरण में वह फिजी "
                              "की राजधानी सुवा पहुंचेंगी।\n\nइसके बाद राष्ट्रपति 7 अगस्त को न्यूजीलैंड के वेलिंगटन "
                              "जाएंगी और 10 अगस्त को तिमोर-लेस्ते की राजधानी दिली पहुंचेंगी।", name="murmu.hi.txt")
    stops = stops_of(fc)
    assert [p["name"] for p in stops] == ["Delhi", "Suva", "Wellington", "Dili"]
    assert "रवाना" in stops[0]["evidence"] and stops[0]["confidence"] < stops[1]["confidence"]
    # not where a country other than the dateline's is named before the word: Kim did not set off from Seoul
    stops = stops_of(journey_of(tmp_path, "SEOUL, Sept 12 (Reuters) - North Korean leader Kim Jong Un left on Monday "
                                          "by train. He arrived in Vladivostok on Tuesday."))
    assert "Seoul" not in [p["name"] for p in stops]


def test_a_countrys_name_that_is_its_capitals_and_the_way_home_to_the_country_begun_in(tmp_path):
    # "الجزائر (رويترز)": a dateline names a town, Algiers, not Algeria; "يعود إلى الجزائر" (returns to Algeria) is
    # the way home to Algiers; "Il rientro in Italia" to Rome
    stops = stops_of(journey_of(tmp_path, "الجزائر (رويترز) - توجه الرئيس الجزائري عبد المجيد تبون يوم الثلاثاء إلى "
                                          "روما في زيارة رسمية.\n\nومن المقرر أن يزور تبون مدينة نابولي يوم الخميس "
                                          "قبل أن يعود إلى الجزائر.", name="tebboune.ar.txt"))
    assert [p["name"] for p in stops] == ["Algiers", "Rome", "Naples", "Algiers"]
    assert "Algiers" in stops[-1]["evidence"]
    # "Prima di arrivare a Hiroshima, ... farà tappa a Tokyo": Tokyo first
    stops = stops_of(journey_of(tmp_path, "La presidente del Consiglio Giorgia Meloni è partita questa mattina da Roma "
                                          "per il Giappone. Prima di arrivare a Hiroshima, Meloni farà tappa a Tokyo. "
                                          "Il rientro in Italia è previsto per lunedì.", name="meloni.it.txt"))
    assert [p["name"] for p in stops] == ["Rome", "Tokyo", "Hiroshima", "Rome"]


def test_a_time_after_what_describes_a_place_and_a_leg_from_a_country_still_planned(tmp_path):
    # "Port Moresby, the capital of Papua New Guinea, on Friday": the time is Port Moresby's, and "the capital of East
    # Timor" after Dili is Dili; "From Papua New Guinea he heads to Dili": after the plans told in that country
    stops = stops_of(journey_of(tmp_path, "Pope Francis landed in Jakarta on Tuesday at the start of a tour of Asia.\n\n"
                                          "He will spend three days there before flying to Port Moresby, the capital "
                                          "of Papua New Guinea, on Friday. He will also travel to the town of Vanimo."
                                          "\n\nFrom Papua New Guinea he heads to Dili, the capital of East Timor, on "
                                          "Sept. 9, and ends the tour in Singapore before returning to Rome on Sept. "
                                          "13."))
    assert [(p["name"], p["when"]) for p in stops] == [
        ("Jakarta", "Tuesday"), ("Port Moresby", "Friday"), ("Vanimo", None), ("Dili", "Sept. 9"), ("Singapore", None),
        ("Rome", "Sept. 13")]
    # a headline's order is not the journey's: Belgrade on Sunday, then Budapest on Monday
    stops = stops_of(journey_of(tmp_path, "Erdogan heads to Budapest after Belgrade talks\n\nTurkish President Tayyip "
                                          "Erdogan will fly to Budapest on Monday, a day after meeting Serbian President "
                                          "Aleksandar Vucic in Belgrade.\n\nErdogan arrived in the Serbian capital on "
                                          "Sunday."))
    assert [(p["name"], p["when"]) for p in stops] == [("Belgrade", "Sunday"), ("Budapest", "Monday")]
    # "El lunes viajará a Alemania, donde recibirá un premio en Hamburgo": the country hands its Monday to the town
    stops = stops_of(journey_of(tmp_path, "El presidente argentino partió rumbo a Madrid. El lunes viajará a Alemania, "
                                          "donde recibirá un premio en Hamburgo.", name="milei.es.txt"))
    assert [(p["name"], p["when"]) for p in stops][-1] == ("Hamburg", "lunes")
    # "in Berlin Hauptbahnhof gestartet": the station's town, where the train set off
    stops = stops_of(journey_of(tmp_path, "Der Nachtzug ist am Montagabend in Berlin Hauptbahnhof gestartet. Über "
                                          "Erfurt fuhr der Zug nach Straßburg.", name="nachtzug.de.txt"))
    assert [(p["name"], p["role"]) for p in stops][0] == ("Berlin", "origin")


def test_where_a_leg_came_from_and_the_stops_a_line_runs_to(tmp_path):
    # "stopped over in Cape Verde on the way from Washington": the origin; "the Atlantic end of a railway" is the
    # ocean, no town of Iowa
    fc = journey_of(tmp_path, "U.S. President Joe Biden arrived in Angola's capital Luanda late on Monday. He stopped "
                              "over in Cape Verde on the way from Washington. On Wednesday he travels to the port city "
                              "of Lobito, the Atlantic end of a railway the United States is backing.")
    assert [p["name"] for p in stops_of(fc)] == ["Washington", "Luanda", "Lobito"]
    assert "sea" in why_not_stops(fc)["Atlantic"]
    # "the line runs north to Irkutsk"; "pulls into Moscow's Yaroslavsky station on Monday afternoon": Moscow's time,
    # the station unplaced
    stops = stops_of(journey_of(tmp_path, "Train K3 leaves Beijing every Wednesday morning and rolls into Ulaanbaatar "
                                          "the next afternoon. From there the line runs north to Irkutsk. The train "
                                          "pulls into Moscow's Yaroslavsky station on Monday afternoon."))
    assert [(p["name"], p["when"]) for p in stops] == [
        ("Beijing", "Wednesday morning"), ("Ulan Bator", None), ("Irkutsk", None), ("Moscow", "Monday afternoon")]
    # "to mark the anniversary of the Sept. 11 attacks": a day's name, no time of the stop
    stops = stops_of(journey_of(tmp_path, "Biden will return to Washington on Monday after stopping in Anchorage, "
                                          "Alaska, to mark the anniversary of the Sept. 11 attacks."))
    assert [(p["name"], p["when"]) for p in stops] == [("Anchorage", None), ("Washington", "Monday")]
    # "is due back in Delhi": home, not a trip "back in" the past (Bharatpur and Agra were lost so)
    stops = stops_of(journey_of(tmp_path, "The Palace on Wheels departed Delhi on Wednesday evening. The train will "
                                          "call at Jaipur and Udaipur before heading to Bharatpur and Agra, and is due "
                                          "back in Delhi the following Wednesday."))
    assert [p["name"] for p in stops] == ["Delhi", "Jaipur", "Udaipur", "Bharatpur", "Agra", "Delhi"]


def test_origins_and_stops_on_the_way_in_french_italian_spanish_and_german(tmp_path):
    # "L'avion papal a décollé de Rome"; "era partito dal Vaticano"
    stops = stops_of(journey_of(tmp_path, "Le pape François est arrivé vendredi à Marseille. L'avion papal a décollé "
                                          "de Rome en début d'après-midi.\n\nSamedi, le pape célébrera une messe avant "
                                          "de regagner Rome dans la soirée.", name="pape.fr.txt"))
    assert [p["name"] for p in stops] == ["Rome", "Marseille", "Rome"]
    stops = stops_of(journey_of(tmp_path, "Papa Francesco è atterrato stamattina a Venezia. Il Pontefice era partito "
                                          "dal Vaticano poco dopo le 6.30.", name="papa.it.txt"))
    assert [p["name"] for p in stops] == ["Vatican City", "Venice"]
    # "tras una última parada en Ferrol": before Santiago
    stops = stops_of(journey_of(tmp_path, "El tren salió el sábado de San Sebastián y llegará el martes a Oviedo. El "
                                          "viaje termina el sábado siguiente en Santiago de Compostela, tras una última "
                                          "parada en Ferrol.", name="tren.es.txt"))
    assert [p["name"] for p in stops][-2:] == ["Ferrol", "Santiago de Compostela"]
    # "nachdem er am Vorabend von Berlin nach Rzeszów geflogen war": the evening before Kyiv
    stops = stops_of(journey_of(tmp_path, "Bundespräsident Steinmeier ist am Dienstagmorgen in Kiew eingetroffen. Er "
                                          "reiste mit einem Sonderzug aus Polen an, nachdem er am Vorabend von Berlin "
                                          "nach Rzeszów geflogen war.", name="kiew.de.txt"))
    assert [p["name"] for p in stops] == ["Berlin", "Rzeszów", "Kyiv"]


def test_a_word_of_travel_left_out_an_airport_left_and_a_trip_before_a_description(tmp_path):
    # "to Istanbul later in the day and on Friday to Iznik": "to" again, "travel" left out; "the ancient Nicaea" is
    # no past trip (French "ancien" is a word of its own)
    stops = stops_of(journey_of(tmp_path, "Pope Leo XIV flew to Ankara on Thursday. After meeting President Tayyip "
                                          "Erdogan, he was due to travel to Istanbul later in the day and on Friday to "
                                          "Iznik, the ancient Nicaea. He goes on to Beirut on Sunday."))
    assert [(p["name"], p["when"]) for p in stops] == [("Ankara", "Thursday"), ("Istanbul", "later in the day"),
                                                       ("İznik", "Friday"), ("Beirut", "Sunday")]
    assert stops[2]["evidence"].startswith("“to” as before “Istanbul”")
    # "partito ... dall'aeroporto di Fiumicino diretto ad Ankara, prima tappa del viaggio"
    stops = stops_of(journey_of(tmp_path, "Papa Leone XIV è partito stamattina dall'aeroporto di Fiumicino diretto ad "
                                          "Ankara, prima tappa del viaggio apostolico. Domenica il Pontefice si "
                                          "trasferirà a Beirut.", name="papa.it.txt"))
    assert [p["name"] for p in stops] == ["Fiumicino", "Ankara", "Beirut"]
    # "a day after a trip to the southern port of Odesa": Odesa first
    stops = stops_of(journey_of(tmp_path, "Zelenskiy visited the front-line city of Kharkiv on Tuesday, a day after a "
                                          "trip to the southern port of Odesa. He returned to Kyiv by train."))
    assert [p["name"] for p in stops] == ["Odesa", "Kharkiv", "Kyiv"]
    # "segue para Hiroshima": a city of a million after a word of going, though its prefecture is weighed first
    stops = stops_of(journey_of(tmp_path, "O presidente Lula chegou a Tóquio na segunda-feira para uma visita de Estado "
                                          "ao Japão. Na quarta-feira ele segue para Hiroshima e, de lá, voa para Hanói, "
                                          "no Vietnã.", name="lula.pt.txt"))
    assert [p["name"] for p in stops] == ["Tokyo", "Hiroshima", "Hanoi"]


def test_ships_teams_and_migrants(tmp_path):
    # "sailed from Southampton ... crossing to New York ... due to dock at the Brooklyn Cruise Terminal ... after
    # calling at Halifax": New York, where it went, is reached at Brooklyn, after Halifax
    fc = journey_of(tmp_path, "The Queen Mary 2 sailed from Southampton on Sunday evening on a seven-night crossing to "
                              "New York. The liner is due to dock at the Brooklyn Cruise Terminal next Sunday morning "
                              "after calling at Halifax, Nova Scotia.")
    assert [p["name"] for p in stops_of(fc)] == ["Southampton", "Halifax", "Brooklyn"]
    assert "reached at Brooklyn" in why_not_stops(fc)["New York"]
    # "with a refuelling stop in Lima": on the way to Quito
    stops = stops_of(journey_of(tmp_path, "Argentina's squad flew out of Buenos Aires on Tuesday night for their World "
                                          "Cup qualifier in Quito, with a refuelling stop in Lima."))
    assert [p["name"] for p in stops] == ["Buenos Aires", "Lima", "Quito"]
    # "The family left Caracas": the model gave Caracas 0.008; a capital of a million after a word of going is a name
    stops = stops_of(journey_of(tmp_path, "The family left Caracas in July and crossed into Colombia at Cucuta. From "
                                          "Necocli they took a boat across the gulf to Acandi, then walked for six "
                                          "days."))
    assert [p["name"] for p in stops] == ["Caracas", "Cúcuta", "Necoclí", "Acandí"]
    # "o navio-escola Sagres largou de Lisboa": a ship's name, not the town; "인천국제공항을 출발해": Incheon
    stops = stops_of(journey_of(tmp_path, "O navio-escola Sagres largou de Lisboa na segunda-feira. A primeira escala "
                                          "será no Funchal, seguindo depois para o Rio de Janeiro.", "--lang", "pt",
                                name="sagres.pt.txt"))
    assert [p["name"] for p in stops] == ["Lisbon", "Funchal", "Rio de Janeiro"]
    stops = stops_of(journey_of(tmp_path, "한덕수 국무총리는 9일 인천국제공항을 출발해 프랑크푸르트를 경유, 폴란드 바르샤바에 "
                                          "도착했다.", name="han.ko.txt"))
    assert [p["name"] for p in stops] == ["Incheon", "Frankfurt am Main", "Warsaw"]


def test_a_goal_reached_in_its_sentence_a_day_told_before_and_the_travellers_country(tmp_path):
    # "The first direct Eurostar to Amsterdam left London ..., stopped in Brussels and Rotterdam, and reached Amsterdam
    # Centraal": Amsterdam is reached last, in the sentence that first told it
    stops = stops_of(journey_of(tmp_path, "The first direct Eurostar to Amsterdam left London St Pancras at 8:01 a.m. on "
                                          "Wednesday, stopped in Brussels and Rotterdam, and reached Amsterdam Centraal "
                                          "at 12:10 p.m."))
    assert [p["name"] for p in stops] == ["London", "Brussels", "Rotterdam", "Amsterdam"]
    # "had boarded the special train at Rzeszow on Wednesday evening": the week begins on the day told before
    stops = stops_of(journey_of(tmp_path, "Macron, Scholz and Draghi arrived in Kyiv on Thursday after travelling "
                                          "overnight by train from Poland. The three leaders had boarded the special "
                                          "train at Rzeszow on Wednesday evening."))
    assert [(p["name"], p["when"]) for p in stops] == [("Rzeszów", "Wednesday evening"), ("Kyiv", "Thursday")]
    # "президент России в среду отправится в Стамбул": Wednesday is Istanbul's, not the traveller's country's
    stops = stops_of(journey_of(tmp_path, "Владимир Путин прибыл с визитом в Анкару. Из турецкой столицы президент "
                                          "России в среду отправится в Стамбул, а затем вернется в Москву.",
                                name="putin.ru.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Ankara", None), ("Istanbul", "среду"), ("Moscow", None)]
    # "Los Reyes Felipe VI y Letizia": the King and Queen, not Los Reyes de Salgado; "ripartirà per Roma"
    stops = stops_of(journey_of(tmp_path, "Los Reyes Felipe VI y Letizia llegaron este martes a Roma para iniciar una "
                                          "visita de Estado. El jueves se desplazarán a Nápoles.", "--lang", "es",
                                name="reyes.es.txt"))
    assert [p["name"] for p in stops] == ["Rome", "Naples"]
    stops = stops_of(journey_of(tmp_path, "Papa Francesco è atterrato domenica mattina ad Ajaccio, in Corsica. Nel "
                                          "pomeriggio il Pontefice ripartirà per Roma, dove è previsto l'arrivo in "
                                          "serata.", name="papa.it.txt"))
    assert [p["name"] for p in stops] == ["Ajaccio", "Rome"]


def test_a_goal_reached_nearby_a_morning_inside_a_name_and_a_stop_after_a_crossing(tmp_path):
    # Pyongyang, where the journey went, reached at Sunan (its airport) told later: one stop, and no error
    fc = journey_of(tmp_path, "Chinese President Xi Jinping travelled by train from Beijing to Pyongyang in 2019. This "
                              "week he flew instead: his plane landed at Pyongyang's Sunan airport on Thursday after a "
                              "two-hour flight from the Chinese capital.")
    assert [p["name"] for p in stops_of(fc)] == ["Beijing", "Sunan"]
    assert "reached at Sunan" in why_not_stops(fc)["Pyongyang"]
    # 朝 (morning) inside 北朝鮮 (North Korea) is no time: "10日午後" is Pyongyang's
    stops = stops_of(journey_of(tmp_path, "北朝鮮の金正恩総書記は10日午後、専用列車で平壌を出発した。列車は12日朝、ウスリース"
                                          "クを経由してウラジオストクに向かう予定だ。", name="kim.ja.txt"))
    assert [(p["name"], p["when"]) for p in stops][:2] == [("Pyongyang", "10日午後"), ("Ussuriysk", "12日朝")]
    # "stops at Broken Hill and Adelaide before crossing the Nullarbor Plain, with a stop at ... Cook": after Adelaide
    stops = stops_of(journey_of(tmp_path, "The Indian Pacific pulled out of Sydney Central on Sunday afternoon. The "
                                          "train stops at Broken Hill and Adelaide before crossing the Nullarbor Plain, "
                                          "with a stop at the remote settlement of Cook, and is due in Perth on "
                                          "Wednesday."))
    assert [p["name"] for p in stops] == ["Sydney", "Broken Hill", "Adelaide", "Cook", "Perth"]


def test_a_news_agencys_name_in_the_dateline_and_a_race_that_finishes(tmp_path):
    # "الدوحة (قنا) -": قنا is the Qatar News Agency, not Qina, Egypt; the emir left Doha
    fc = journey_of(tmp_path, "الدوحة (قنا) - غادر أمير البلاد أرض الوطن اليوم متوجها إلى باريس في زيارة رسمية إلى فرنسا، "
                              "يتوجه بعدها إلى لندن.", name="emir.ar.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Doha", "Paris", "London"]
    assert "agency" in why_not_stops(fc)["قنا"]
    # "The race finishes in Paris on July 27"
    stops = stops_of(journey_of(tmp_path, "The Tour de France peloton left Lille on Saturday for the opening stage, "
                                          "before heading south to Dunkirk on Sunday. The race finishes in Paris on "
                                          "July 27."))
    assert [(p["name"], p["when"]) for p in stops][-1] == ("Paris", "July 27")



def test_a_journey_abroad_from_a_dateline_goes_on_after_its_goal_and_flies_back(tmp_path):
    # "left for Washington ..., before travelling on to Ottawa", "will fly back to London": Washington (the US
    # capital) first, Ottawa after it, and home to London last
    fc = journey_of(tmp_path, "LONDON (Reuters) - British Prime Minister Keir Starmer left for Washington on Sunday "
                              "for talks with President Donald Trump, his office said, before travelling on to Ottawa "
                              "to meet Canada's prime minister.\n\nStarmer, who will fly back to London on Thursday, "
                              "is expected to press Trump on Ukraine and trade.")
    stops = stops_of(fc)
    assert [p["name"] for p in stops] == ["London", "Washington", "Ottawa", "London"]
    lon, lat = next(f["geometry"]["coordinates"] for f in fc["features"] if f["properties"].get("order") == 2)
    assert haversine_km(lat, lon, 38.895, -77.036) < 25 and stops[-1]["when"] == "Thursday"
    # a dateline after a headline, a journey "nach China aufgebrochen" (not a king's: Portuguese "rei" is no stem of
    # "Reise"), and where the chancellor "wird ... empfangen" (is received) a stop
    stops = stops_of(journey_of(tmp_path, "Scholz reist nach China\n\nBERLIN (dpa) - Bundeskanzler Olaf Scholz ist am "
                                          "Samstagabend zu einer dreitägigen Reise nach China aufgebrochen. Der "
                                          "Regierungsflieger startete in Richtung Chongqing, wo Scholz am Sonntag ein "
                                          "Werk besuchen will. Am Dienstag wird er in Peking von Staatschef Xi Jinping "
                                          "empfangen. Die Rückkehr nach Berlin ist für Dienstagabend geplant.",
                                name="scholz.de.txt"))
    assert [p["name"] for p in stops] == ["Berlin", "Chongqing", "Beijing", "Berlin"]


def test_an_airport_described_a_day_of_the_month_and_the_same_day(tmp_path):
    # "partió ... del aeropuerto romano de Fiumicino rumbo a Yakarta": Rome's airport began it, Rome, which the report
    # names after ("regresará a Roma"); "el 9 de septiembre"
    stops = stops_of(journey_of(tmp_path, "CIUDAD DEL VATICANO, 2 sep (EFE).- El papa Francisco partió este lunes del "
                                          "aeropuerto romano de Fiumicino rumbo a Yakarta, primera etapa de su viaje. "
                                          "El 9 de septiembre llegará a Dili, capital de Timor Oriental, y el 13 de "
                                          "septiembre regresará a Roma.", name="papa.es.txt"))
    assert [(p["name"], p["role"]) for p in stops][:2] == [("Rome", "origin"), ("Jakarta", "via")]
    assert [(p["name"], p["when"]) for p in stops][2:] == [("Dili", "9 de septiembre"), ("Rome", "13 de septiembre")]
    # "当天下午抵达巴黎奥利机场": the same day's afternoon, at Paris's Orly airport, one stop
    stops = stops_of(journey_of(tmp_path, "国家主席习近平5日上午乘专机离开北京。习近平当天下午抵达巴黎奥利机场。7日，习近平将飞抵"
                                          "贝尔格莱德。", name="xi.zh.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Beijing", "5日上午"), ("Paris", "当天下午"),
                                                       ("Belgrade", "7日")]
    # "이날 오후" (that day's afternoon), "21일에는" (on the 21st, a particle written onto the day)
    stops = stops_of(journey_of(tmp_path, "윤석열 대통령은 19일 오후 성남 서울공항을 통해 출국했다. 윤 대통령은 이날 오후 프라하에 "
                                          "도착해 2박 4일간의 일정을 시작한다. 21일에는 플젠을 방문할 예정이다.",
                                name="yoon.ko.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Seoul", "19일 오후"), ("Prague", "이날 오후"),
                                                       ("Pilsen", "21일에는")]


def test_a_dateline_after_a_headline_a_train_that_stops_on_the_way_and_earlier_told_after(tmp_path):
    # "ROMA -" after a headline; "diretto a Reggio Calabria", told in the headline too; "Il treno ha fatto una breve
    # sosta a Napoli" (the train, the sentence's subject, went there; Naples, not its metropolitan city)
    fc = journey_of(tmp_path, "Mattarella in treno a Reggio Calabria\n\nROMA - Il presidente della Repubblica Sergio "
                              "Mattarella è partito questa mattina dalla stazione Termini a bordo di un Frecciarossa "
                              "diretto a Reggio Calabria, dove parteciperà alle celebrazioni.\n\nIl treno ha fatto una "
                              "breve sosta a Napoli e a Salerno.", name="mattarella.it.txt")
    stops = stops_of(fc)
    assert [p["name"] for p in stops] == ["Rome", "Naples", "Salerno", "Reggio Calabria"]
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert "“treno” before “Napoli”" in legs[0]["evidence"]
    # "इससे पहले" (before that) opening the next paragraph: Warsaw came before Kyiv
    stops = stops_of(journey_of(tmp_path, "नई दिल्ली, 23 अगस्त। प्रधानमंत्री नरेंद्र मोदी शुक्रवार सुबह ट्रेन से "
                                          "यूक्रेन की राजधानी कीव पहुंचे।\n\nइससे पहले मोदी दो दिन की यात्रा पर वारसॉ "
                                          "में थे।",
                                name="modi.hi.txt"))
    assert [p["name"] for p in stops] == ["Warsaw", "Kyiv"]
    # "Our first long stop was at Yekaterinburg"; "three days to Khabarovsk and Vladivostok"; "the Urals", no stop
    fc = journey_of(tmp_path, "The Rossiya pulled out of Moscow's Yaroslavsky station just before midnight on a "
                              "Tuesday. Our first long stop was at Yekaterinburg, where the Urals mark the edge of "
                              "Europe.\n\nWe got off at Irkutsk for two nights, then boarded again for the final three "
                              "days to Khabarovsk and Vladivostok.")
    assert [p["name"] for p in stops_of(fc)] == ["Moscow", "Yekaterinburg", "Irkutsk", "Khabarovsk", "Vladivostok"]
    # "segue na quinta para Pequim"; "Na volta" (on the way back), the way the entourage (comitiva) went unsaid
    fc = journey_of(tmp_path, "O presidente Lula embarcou nesta terça-feira para a China. O avião presidencial "
                              "decolou da Base Aérea de Brasília por volta das 22h. Lula chega primeiro a Xangai e "
                              "segue na quinta para Pequim. Na volta, a comitiva fará escala em Abu Dhabi.",
                    name="lula.pt.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Brasília", "Shanghai", "Beijing", "Abu Dhabi"]
    legs = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "leg"]
    assert legs[-1]["mode"] == "air"


def test_a_return_midway_an_events_name_and_a_return_told_after_a_stop(tmp_path):
    # "will return to Sydney on Tuesday ... before flying on to Samoa, where the King will open the Commonwealth Heads
    # of Government Meeting in Apia": Sydney again, then Apia (the meeting's name no word of saying)
    stops = stops_of(journey_of(tmp_path, "SYDNEY (AP) — King Charles III and Queen Camilla touched down at Sydney "
                                          "airport late on Friday, beginning a six-day visit to Australia that will "
                                          "take them to the capital, Canberra, on Monday.\n\nThe royal couple will "
                                          "return to Sydney on Tuesday for a visit to the Opera House before flying on "
                                          "to Samoa, where the King will open the Commonwealth Heads of Government "
                                          "Meeting in Apia."))
    assert [p["name"] for p in stops] == ["Sydney", "Canberra", "Sydney", "Apia"]
    # "segue para a Beira e depois para Nampula, antes de regressar a Lisboa": Lisbon last; "Marcelo Rebelo de
    # Sousa" is the president, not Sousse, and "O Presidente da República" his office
    fc = journey_of(tmp_path, "MAPUTO - O Presidente da República, Marcelo Rebelo de Sousa, chegou esta segunda-feira "
                              "a Maputo.\n\nNa quarta-feira, o chefe de Estado segue para a Beira e depois para "
                              "Nampula, antes de regressar a Lisboa no sábado.", name="marcelo.pt.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Maputo", "Beira", "Nampula", "Lisbon"]
    assert not fc["unresolved"]
    # "زيارة دولة" (a state visit) is no place (Dolle, Germany, is called so); "ويختتم" (and concludes) is no yacht
    fc = journey_of(tmp_path, "الرياض (أ ف ب) - وصل الرئيس الفرنسي إيمانويل ماكرون مساء الإثنين إلى الرياض في "
                              "زيارة دولة تستمر ثلاثة أيام. ويتوجه ماكرون يوم الأربعاء إلى جدة، ويختتم زيارته قبل أن "
                              "يعود إلى باريس بالطائرة.", name="macron.ar.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Riyadh", "Jeddah", "Paris"]
    assert [f["properties"]["mode"] for f in fc["features"] if f["properties"]["kind"] == "leg"][-1] == "air"
    # "МИД" (the foreign ministry) is no place; "Shanghái", as Spanish writes it, is Shanghai, and "se desplazará" a
    # plan
    fc = journey_of(tmp_path, "ПХЕНЬЯН, 1 ноября. /ТАСС/. Глава МИД России Сергей Лавров прибыл в пятницу в Пхеньян.",
                    name="lavrov.ru.txt")
    assert "МИД" not in why_not_stops(fc) and not fc["unresolved"]
    stops = stops_of(journey_of(tmp_path, "PEKÍN, 9 sep (EFE).- Pedro Sánchez aterrizó este lunes en Pekín. El "
                                          "miércoles se desplazará a Shanghái, donde visitará una empresa española.",
                                name="sanchez.es.txt"))
    assert [(p["name"], p["role"]) for p in stops][-1] == ("Shanghai", "planned")


def test_towns_in_the_order_of_their_countries_meetings_and_a_leg_from_a_place_reached(tmp_path):
    # "will travel to Japan ..., before heading to China for a summit of the Shanghai Cooperation Organisation in
    # Tianjin ... talks in Tokyo and ... Sendai": Japan's towns first, as its country was; Tianjin, where the summit
    # is, the first town told in China (not "Shanghai", of the organisation's name); "said on Wednesday" dates no stop
    stops = stops_of(journey_of(tmp_path, "NEW DELHI (Reuters) - Prime Minister Narendra Modi will travel to Japan on "
                                          "Friday for a two-day visit, before heading to China for a summit of the "
                                          "Shanghai Cooperation Organisation in Tianjin, the foreign ministry said on "
                                          "Wednesday.\n\nModi will hold talks with his Japanese counterpart in Tokyo "
                                          "and will also visit Sendai."))
    assert [(p["name"], p["when"]) for p in stops] == [("Tokyo", None), ("Sendai", None), ("Tianjin", None)]
    # "After meetings in Ankara ...": the first town told in Turkey, where he met; "later in the day and on Friday":
    # two times, the first the day told before
    stops = stops_of(journey_of(tmp_path, "VATICAN CITY (AP) — Pope Leo XIV left Rome on Thursday for Turkey. After "
                                          "meetings in Ankara with President Recep Tayyip Erdogan, the pope was due to "
                                          "travel to Istanbul later in the day and on Friday to Iznik."))
    assert [(p["name"], p["when"]) for p in stops] == [("Rome", "Thursday"), ("Ankara", None),
                                                       ("Istanbul", "later in the day"), ("İznik", "Friday")]
    # "arrived in Washington ... after a stop in Ireland, where he met ... at Shannon Airport. From Washington, ...
    # to New York": Shannon, the town of the country passed, first; a later leg from Washington, reached before
    stops = stops_of(journey_of(tmp_path, "KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy arrived in "
                                          "Washington on Thursday after a stop in Ireland, where he met Prime Minister "
                                          "Micheal Martin at Shannon Airport.\n\nFrom Washington, Zelenskyy was "
                                          "expected to travel to New York for the U.N. General Assembly."))
    assert [p["name"] for p in stops] == ["Shannon", "Washington", "New York City"]
    # "the Venice Simplon-Orient-Express": no Orient, a word inside a compound
    fc = journey_of(tmp_path, "The Venice Simplon-Orient-Express left Paris Gare de l'Est on Saturday evening and "
                              "reached Verona in the afternoon.")
    assert [p["name"] for p in stops_of(fc)] == ["Paris", "Verona"] and "Orient" not in why_not_stops(fc)


def test_a_first_stage_a_flight_home_from_abroad_and_a_plan_from_a_place_reached(tmp_path):
    # "Erste Station ist Nairobi, wo er am Dienstag ... empfangen wird": a stage's word is one of travel
    stops = stops_of(journey_of(tmp_path, "BERLIN (dpa) - Bundespräsident Frank-Walter Steinmeier ist am Montag zu einem "
                                          "Staatsbesuch nach Ostafrika aufgebrochen. Erste Station ist Nairobi, wo er "
                                          "am Dienstag von Präsident William Ruto empfangen wird.\n\nAm Mittwoch fliegt "
                                          "Steinmeier weiter nach Daressalam in Tansania.", name="steinmeier.de.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Berlin", None), ("Nairobi", "Dienstag"),
                                                       ("Dar es Salaam", "Mittwoch")]
    # "암스테르담 스키폴 공항에서 ... 귀국길에 올랐다": going home (귀국) from (에서, after the town's airport) Amsterdam, not
    # back to it
    stops = stops_of(journey_of(tmp_path, "윤석열 대통령은 11일 오후 암스테르담 스키폴 공항에서 공군 1호기 편으로 귀국길에 올랐다. "
                                          "윤 대통령은 12일 오후 성남 서울공항에 도착할 예정이다.", name="yoon.ko.txt"))
    assert [(p["name"], p["when"]) for p in stops] == [("Amsterdam", "11일 오후"), ("Seoul", "12일 오후")]
    # "il s'envolera pour Samarcande": by air, and a plan
    fc = journey_of(tmp_path, "Le président Emmanuel Macron est arrivé mercredi soir à Astana. Jeudi, il s'envolera pour "
                              "Samarcande, avant de regagner Paris vendredi.", name="macron.fr.txt")
    assert [(p["name"], p["role"]) for p in stops_of(fc)][1] == ("Samarkand", "planned")
    assert [f["properties"]["mode"] for f in fc["features"] if f["properties"]["kind"] == "leg"][0] == "air"
    # "after visiting the United Nations in New York earlier in the week. He flew to Washington from New York": New
    # York began it (no plan to go on from a place reached)
    stops = stops_of(journey_of(tmp_path, "WASHINGTON (AP) — Ukrainian President Volodymyr Zelenskyy arrived at the "
                                          "White House on Thursday after visiting the United Nations in New York earlier "
                                          "in the week. He flew to Washington from New York on Wednesday evening."))
    assert [p["name"] for p in stops] == ["New York City", "Washington"]
    # "before pulling into Vladivostok station": the arrival, told after the way there
    stops = stops_of(journey_of(tmp_path, "Kim Jong Un arrived in the Russian Far East port city of Vladivostok on "
                                          "Wednesday for his first summit with President Vladimir Putin. Kim's armoured "
                                          "train crossed the border at Khasan and stopped in Ussuriysk, where he was "
                                          "greeted by local officials, before pulling into Vladivostok station in the "
                                          "evening.", "--gazetteer", STATIONS))
    assert [p["name"] for p in stops][-2:] == ["Ussuriysk", "Vladivostok"]

def test_going_home_a_goal_after_the_night_stops_and_a_meeting_the_day_before(tmp_path):
    # "11日に帰国する予定": going home, to where the journey began, in Japan; a plan, on the 11th
    stops = stops_of(journey_of(tmp_path, "岸田文雄首相は5日夜、政府専用機で羽田空港を出発し、6日未明にインドネシアの首都"
                                          "ジャカルタに到着した。首相は7日にインドのニューデリーに移動し、11日に帰国する予定。",
                                name="kishida.ja.txt"))
    assert [p["name"] for p in stops] == ["Haneda", "Jakarta", "New Delhi", "Haneda"]
    assert (stops[-1]["role"], stops[-1]["when"], stops[-1]["mention"]) == ("planned", "11日", "帰国")
    # ... not from London, a Korean report's 귀국 being Korea's; "파리 오를리 공항에": Paris's airport, one stop
    stops = stops_of(journey_of(tmp_path, "윤석열 대통령이 23일 오후 전용기편으로 런던 스탠스테드 공항을 출발해 파리 오를리 "
                                          "공항에 도착했다. 윤 대통령은 파리에서 일정을 마친 뒤 25일 귀국길에 오를 예정이다.",
                                name="yoon.ko.txt"))
    assert [p["name"] for p in stops] == ["London", "Paris"]
    # "a quitté la gare d'Austerlitz ... pour Toulouse": Paris; the train stopped at Limoges and Brive on the way to
    # Toulouse, reached after them though told first, untimed in the origin's sentence; "en avion" is the flight back
    fc = journey_of(tmp_path, "PARIS, 3 mars (AFP) - Le président Emmanuel Macron a quitté la gare d'Austerlitz mardi "
                              "soir à bord du train de nuit pour Toulouse, où il doit inaugurer un centre.\n\nLe train, "
                              "qui s'est arrêté à Limoges et à Brive-la-Gaillarde pendant la nuit, est arrivé à Toulouse "
                              "mercredi matin. Le chef de l'État se rendra ensuite en voiture à Montauban avant de "
                              "regagner Paris en avion jeudi.", name="macron.fr.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Paris", "Limoges", "Brive-la-Gaillarde", "Toulouse", "Montauban",
                                                 "Paris"]
    assert [f["properties"]["mode"] for f in fc["features"] if f["properties"]["kind"] == "leg"][-2:] == ["road", "air"]
    # "ha partido este lunes desde la base aérea de Torrejón de Ardoz rumbo a Brasilia": the origin, and the capital
    stops = stops_of(journey_of(tmp_path, "MADRID, 5 Mar. (EUROPA PRESS) - El presidente del Gobierno, Pedro Sánchez, ha "
                                          "partido este lunes desde la base aérea de Torrejón de Ardoz rumbo a Brasilia, "
                                          "primera etapa de una gira de cinco días por Sudamérica.", name="sanchez.es.txt"))
    assert [p["name"] for p in stops] == ["Torrejón de Ardoz", "Brasília"]
    # "è partita ieri sera da Ciampino per Addis Abeba": the origin, a word between
    stops = stops_of(journey_of(tmp_path, "ROMA - La presidente del Consiglio Giorgia Meloni è partita ieri sera da "
                                          "Ciampino per Addis Abeba, dove oggi incontrerà il primo ministro etiope.",
                                name="meloni.it.txt"))
    assert [p["name"] for p in stops] == ["Ciampino", "Addis Ababa"]
    # "Накануне премьер провел переговоры в Смоленске": the day before, he was in Smolensk
    stops = stops_of(journey_of(tmp_path, "МИНСК, 12 апреля. /ТАСС/. Председатель правительства России Михаил Мишустин "
                                          "прибыл в среду в Минск. Накануне премьер провел переговоры в Смоленске.\n\n"
                                          "Из Минска Мишустин отправится в Астану.", name="mishustin.ru.txt"))
    assert [p["name"] for p in stops] == ["Smolensk", "Minsk", "Astana"]
    # "Von Dresden aus fuhr er": the origin, not Berlin, where the report was filed
    stops = stops_of(journey_of(tmp_path, "Berlin (dpa) - Bundeskanzler Olaf Scholz ist am Donnerstag aufgebrochen. Von "
                                          "Dresden aus fuhr er mit einem Sonderzug über Prag nach Wien.",
                                name="scholz.de.txt"))
    assert [p["name"] for p in stops] == ["Dresden", "Prague", "Vienna"]


def test_stations_lines_and_towns_of_railway_reports(tmp_path):
    # "am Münchner Hauptbahnhof gestartet": München's station, the origin; "erreichte der Zug Berlin": der Zug is the
    # train, not the canton of Zug
    stops = stops_of(journey_of(tmp_path, "München (dpa) - Der neue ICE-Sprinter ist am Sonntagmorgen am Münchner "
                                          "Hauptbahnhof gestartet. Nach Zwischenhalten in Nürnberg, Erfurt und Halle "
                                          "erreichte der Zug Berlin um 10.05 Uhr.", name="ice.de.txt"))
    assert [p["name"] for p in stops] == ["Munich", "Nuremberg", "Erfurt", "Halle (Saale)", "Berlin"]
    # "erreichte der Zug am Freitagmorgen Malmö": the day no part of the name
    stops = stops_of(journey_of(tmp_path, "Der Nachtzug verließ Berlin am Donnerstagabend. Nach der Fahrt über die "
                                          "Öresundbrücke erreichte der Zug am Freitagmorgen Malmö und traf um 9.30 Uhr "
                                          "in Stockholm ein.", name="zug.de.txt"))
    assert [p["name"] for p in stops] == ["Berlin", "Malmö", "Stockholm"]
    # "東海道新幹線で京都に向かわれた": the line's name holds no town (東海, Tōkai); Kyoto, headed for, is reached after
    # the stop at Nagoya
    stops = stops_of(journey_of(tmp_path, "天皇、皇后両陛下は10日午前、東京駅から東海道新幹線で京都に向かわれた。名古屋駅で"
                                          "停車した後、午後に京都駅に到着された。", name="shinkansen.ja.txt"))
    assert [p["name"] for p in stops] == ["Tokyo", "Nagoya", "Kyoto"]
    # "boarded an Amtrak train at Union Station ... and rode to Wilmington": no stop at Union, South Carolina
    fc = journey_of(tmp_path, "WASHINGTON (AP) — President Joe Biden boarded an Amtrak train at Union Station on "
                              "Friday evening and rode to Wilmington, Delaware, where he will spend the weekend. He is "
                              "expected to return to Washington on Monday.")
    assert [p["name"] for p in stops_of(fc)] == ["Washington", "Wilmington", "Washington"]
    # "满载汽车零部件的中欧班列": car parts carried by a freight train, by rail
    fc = journey_of(tmp_path, "新华社西安3月5日电 一列满载汽车零部件的中欧班列5日上午从西安国际港站出发，途经哈萨克斯坦，"
                              "预计18天后抵达德国杜伊斯堡。", name="banlie.zh.txt")
    assert [p["name"] for p in stops_of(fc)][::len(stops_of(fc)) - 1] == ["Xi’an", "Duisburg"]
    assert {f["properties"]["note"] for f in fc["features"] if f["properties"]["kind"] == "leg"} \
        == {"by rail, but no rail layer"}
    # "जम्मू पहुंचे": Jammu, a word as common as a town's name, before a word of going; "दिल्ली लौट आए": back to New
    # Delhi, the dateline
    stops = stops_of(journey_of(tmp_path, "नई दिल्ली, 6 जून। प्रधानमंत्री नरेंद्र मोदी शुक्रवार को जम्मू पहुंचे। इसके बाद वे वंदे "
                                          "भारत एक्सप्रेस से श्रीनगर गए। प्रधानमंत्री शाम को दिल्ली लौट आए।", name="vande.hi.txt"))
    assert [p["name"] for p in stops] == ["New Delhi", "Jammu", "Srinagar", "New Delhi"]
    # "arrivé ... à l'aéroport d'Ajaccio, en provenance de Rome ... avant de s'envoler pour Rome": there and back
    stops = stops_of(journey_of(tmp_path, "AJACCIO, 15 décembre (AFP) - Le pape François est arrivé dimanche matin à "
                                          "l'aéroport d'Ajaccio, en provenance de Rome, pour une visite en Corse. Le "
                                          "souverain pontife doit rencontrer le président à l'aéroport avant de "
                                          "s'envoler pour Rome dans la soirée.", name="pape.fr.txt"))
    assert [p["name"] for p in stops] == ["Rome", "Ajaccio", "Rome"]
    # "arrivé vendredi à Marseille ... s'est posé à l'aéroport de Marignane": Marseille's airport, one stop
    stops = stops_of(journey_of(tmp_path, "Le pape François est arrivé vendredi à Marseille. L'avion papal a décollé de "
                                          "Rome en début d'après-midi et s'est posé à l'aéroport de Marignane peu après "
                                          "16 heures.", name="marseille.fr.txt"))
    assert [p["name"] for p in stops] == ["Rome", "Marseille"]


def test_routes_of_de_and_a_goals_reached_there_and_trains_by_their_names(tmp_path):
    # "en AVE de Madrid a Sevilla": a route's first end, the origin (de is also "of"); AVE is a train; "regresará a
    # Madrid": back to where it began
    fc = journey_of(tmp_path, "El rey Felipe VI viajó este lunes en AVE de Madrid a Sevilla, donde presidió la entrega "
                              "de despachos. Desde Sevilla se desplazó en helicóptero a Cádiz. El martes regresará a "
                              "Madrid, según informó la Casa Real.", name="rey.es.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Madrid", "Sevilla", "Cadiz", "Madrid"]
    assert [f["properties"]["note"] for f in fc["features"] if f["properties"]["kind"] == "leg"][0] \
        == "by rail, but no rail layer"
    assert "“de” marks the origin" in stops_of(fc)[0]["evidence"]
    # "diretto a Napoli, dove ha incontrato il sindaco": reached there, before the afternoon's Caserta (but not "dove
    # parteciperà", what will be done there: test_a_dateline_after_a_headline_a_train_that_stops_on_the_way_...)
    stops = stops_of(journey_of(tmp_path, "Il presidente Sergio Mattarella è partito stamattina da Roma con il "
                                          "Frecciarossa diretto a Napoli, dove ha incontrato il sindaco. Nel pomeriggio "
                                          "si è spostato in auto a Caserta. Domani volerà a Palermo, ha fatto sapere il "
                                          "Quirinale.", name="mattarella.it.txt"))
    assert [p["name"] for p in stops] == ["Rome", "Naples", "Caserta", "Palermo"]
    # "von Berlin nach Hamburg gereist. Dort besuchte er den Hafen": reached, before Kiel; the ICE is a train
    fc = journey_of(tmp_path, "Bundeskanzler Olaf Scholz ist am Montag mit dem ICE von Berlin nach Hamburg gereist. Dort "
                              "besuchte er den Hafen, bevor er am Abend nach Kiel weiterfuhr. Am Dienstag fliegt er nach "
                              "Stockholm, wie ein Regierungssprecher in Berlin mitteilte.", name="scholz.de.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Berlin", "Hamburg", "Kiel", "Stockholm"]
    assert "ice”" in stops_of(fc)[1]["evidence"]
    # "Er hält unter anderem in Linz, Salzburg, München und Straßburg": stops on the way
    stops = stops_of(journey_of(tmp_path, "Der Nachtzug von Wien nach Paris fährt künftig dreimal pro Woche. Er hält "
                                          "unter anderem in Linz, Salzburg, München und Straßburg, teilten die ÖBB am "
                                          "Mittwoch in Wien mit.", name="nightjet.de.txt"))
    assert [p["name"] for p in stops] == ["Vienna", "Linz", "Salzburg", "Munich", "Strasbourg", "Paris"]
    # "arrivé ... en TGV depuis Paris": the TGV, a train, makes Paris the origin; "En 2017, il avait visité Ajaccio": a
    # trip of another year
    fc = journey_of(tmp_path, "Emmanuel Macron est arrivé mardi à Marseille en TGV depuis Paris. Le président de la "
                              "République s'est ensuite rendu à Toulon en voiture pour inaugurer un nouveau navire. Il "
                              "doit rejoindre Nice mercredi matin, a indiqué l'Élysée. En 2017, il avait visité Ajaccio.",
                    name="macron.fr.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Paris", "Marseille", "Toulon", "Nice"]
    assert "Ajaccio" in {c["name"] for c in fc["context"]}


def test_trips_of_another_time_stops_before_an_arrival_and_before_that(tmp_path):
    # the stops the train called at, told after the arrival, "before crossing the border", came before it; "a
    # similar trip" is another; the State Department's "depart" is no word of travel
    fc = journey_of(tmp_path, "King Charles III arrived in Edinburgh on Tuesday evening aboard the royal train after an "
                              "overnight journey from London's Euston station. The train called at Crewe and Carlisle, "
                              "where the King met railway staff on the platform, before crossing the border. Officials in "
                              "Glasgow said he would travel on to Aberdeen by car on Thursday. In 2019 he had made a "
                              "similar trip to Cardiff.")
    assert [p["name"] for p in stops_of(fc)] == ["London", "Crewe", "Carlisle", "Edinburgh", "Aberdeen"]
    assert "similar trip" in why_not_stops(fc)["Cardiff"]
    stops = stops_of(journey_of(tmp_path, "Secretary of State Antony Blinken landed in Riyadh on Monday. From Saudi "
                                          "Arabia he will fly to Doha and then to Tel Aviv, a State Department spokesman "
                                          "told reporters in Washington."))
    assert [(p["name"], "depart" in p["evidence"]) for p in stops][1:] == [("Doha", False), ("Tel Aviv", False)]
    # "В прошлом году ...": the whole sentence is of last year; "Ранее лидер КНДР выехал из Пхеньяна": earlier, the
    # journey began there
    fc = journey_of(tmp_path, "Поезд «Россия» отправился из Москвы в 23:45 и через семь дней прибудет во Владивосток. По "
                              "пути состав делает остановки в Екатеринбурге, Новосибирске, Иркутске и Хабаровске. В "
                              "прошлом году по этому маршруту ездил наш корреспондент из Казани.", name="rossiya.ru.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Moscow", "Yekaterinburg", "Novosibirsk", "Irkutsk", "Khabarovsk",
                                                 "Vladivostok"]
    assert "в прошлом году" in why_not_stops(fc)["Казани"]
    stops = stops_of(journey_of(tmp_path, "Бронепоезд Ким Чен Ына пересек границу в Хасане и направился в сторону "
                                          "Хабаровска. Ранее лидер КНДР выехал из Пхеньяна.", name="kim.ru.txt",
                                *("--gazetteer", STATIONS)))
    assert [p["name"] for p in stops] == ["Pyongyang", "Хасан", "Khabarovsk"]
    # "Восточный экономический форум" is a forum, not Vostochnyy
    stops = stops_of(journey_of(tmp_path, "Президент России Владимир Путин прибыл в Улан-Батор в понедельник вечером. "
                                          "Из Монголии Путин отправится во Владивосток на Восточный экономический форум.",
                                name="putin.ru.txt"))
    assert [p["name"] for p in stops] == ["Ulan Bator", "Vladivostok"]
    # "इससे पहले वह कोलकाता में ... थीं": before that, she was in Kolkata, not a plan (कार्यक्रम, an event)
    stops = stops_of(journey_of(tmp_path, "राष्ट्रपति द्रौपदी मुर्मू बुधवार को भुवनेश्वर से ट्रेन से कटक पहुंचीं। इससे पहले वह "
                                          "कोलकाता में एक कार्यक्रम में शामिल हुई थीं।", name="murmu.hi.txt"))
    assert [(p["name"], p["role"]) for p in stops][0] == ("Kolkata", "origin")


def test_places_passed_told_after_the_arrival_stations_of_paris_and_trains_named_so(tmp_path):
    # "열차는 하산역을 거쳐 우수리스크를 지났다", told after the arrival: Khasan and Ussuriysk lie on the way from Pyongyang
    # to Vladivostok, passed before it
    stops = stops_of(journey_of(tmp_path, "김정은 국무위원장이 탄 특별열차가 10일 오후 평양을 출발해 12일 러시아 블라디보스토크에 "
                                          "도착했다. 열차는 하산역을 거쳐 우수리스크를 지났다. 김 위원장은 이후 하바롭스크로 이동할 "
                                          "예정이다.", "--gazetteer", STATIONS, name="kim.ko.txt"))
    assert [p["name"] for p in stops] == ["Pyongyang", "Хасан", "Ussuriysk", "Vladivostok", "Khabarovsk"]
    # ... and in English; but not a place visited after, which lies beyond it
    stops = stops_of(journey_of(tmp_path, "The train left Beijing on Monday and reached Ulaanbaatar on Wednesday. It "
                                          "passed through Zhangjiakou and Erenhot."))
    assert [p["name"] for p in stops] == ["Beijing", "Zhangjiakou", "Erenhot", "Ulan Bator"]
    stops = stops_of(journey_of(tmp_path, "Kim arrived in Vladivostok from Pyongyang on Tuesday. He also visited "
                                          "Khabarovsk."))
    assert [p["name"] for p in stops] == ["Pyongyang", "Vladivostok", "Khabarovsk"]
    # "est parti lundi soir de la gare de l'Est": Paris's station, the origin
    stops = stops_of(journey_of(tmp_path, "Le premier train de nuit Paris-Berlin est parti lundi soir de la gare de "
                                          "l'Est. Il s'arrêtera à Strasbourg, Karlsruhe et Francfort avant d'arriver à "
                                          "Berlin mardi matin, a précisé la SNCF.", name="nuit.fr.txt"))
    assert [p["name"] for p in stops] == ["Paris", "Strasbourg", "Karlsruhe", "Frankfurt am Main", "Berlin"]
    # "salió ... de la base aérea de Torrejón de Ardoz": the origin, far from its word of travel
    stops = stops_of(journey_of(tmp_path, "El presidente del Gobierno, Pedro Sánchez, aterrizó este miércoles en Pekín, "
                                          "primera etapa de una gira asiática que le llevará después a Tokio y Seúl. "
                                          "Sánchez salió el martes por la noche de la base aérea de Torrejón de Ardoz.",
                                name="sanchez.es.txt"))
    assert [p["name"] for p in stops] == ["Torrejón de Ardoz", "Beijing", "Tokyo", "Seoul"]
    # "20日に帰京される予定": back to Tokyo, where the journey began
    stops = stops_of(journey_of(tmp_path, "天皇、皇后両陛下は18日、特別列車で東京駅を出発し、長野県の松本駅に到着された。19日"
                                          "には諏訪市を訪問され、20日に帰京される予定。", name="nagano.ja.txt"))
    assert [(p["name"], p["mention"]) for p in stops][-1] == ("Tokyo", "帰京")
    # "从昆明南站首发": the first train set off from Kunming
    stops = stops_of(journey_of(tmp_path, "中老铁路国际旅客列车4月13日上午从昆明南站首发，当天傍晚抵达老挝首都万象。",
                                name="laos.zh.txt"))
    assert [p["name"] for p in stops] == ["Kunming", "Vientiane"]
    # "mit dem ICE", "en AVE": trains; but not English ice, nor an avenue ("Pennsylvania Ave")
    fc = journey_of(tmp_path, "The president drove down Pennsylvania Ave to the Capitol and later flew to Chicago.")
    assert [f["properties"]["mode"] for f in fc["features"] if f["properties"]["kind"] == "leg"][-1] == "air"


def test_an_origin_described_an_airport_named_for_two_places_and_a_city_a_train_heads_for(tmp_path):
    # "on an overnight train from the Polish border town of Przemysl": from, before what describes the town; "had
    # traveled": before Kyiv
    stops = stops_of(journey_of(tmp_path, "WARSAW (AP) — President Joe Biden arrived in Poland on Friday after a surprise "
                                          "visit to Kyiv, where he met President Volodymyr Zelenskyy. Biden had traveled "
                                          "to the Ukrainian capital on an overnight train from the Polish border town of "
                                          "Przemysl. He is due to fly back to Washington on Wednesday."))
    assert [p["name"] for p in stops] == ["Przemyśl", "Kyiv", "Washington"]
    assert "“from” marks the origin" in stops[0]["evidence"]
    # "vom Flughafen Berlin-Brandenburg aus gestartet": Berlin, the airport's; Brandenburg no stop, nor a line's end
    fc = journey_of(tmp_path, "Bundeskanzler Friedrich Merz ist am Sonntagabend in Washington gelandet. Er war am "
                              "Nachmittag vom Flughafen Berlin-Brandenburg aus gestartet. Am Dienstag reist er weiter nach "
                              "Ottawa, bevor er am Donnerstag nach Berlin zurückkehrt.", name="merz.de.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Berlin", "Washington", "Ottawa", "Berlin"]
    assert "name of an airport" in why_not_stops(fc)["Brandenburg"]
    # "in Richtung Mailand": Milan, a city of a million after a word of going; Lugano on the way
    stops = stops_of(journey_of(tmp_path, "Der erste Zug der neuen Verbindung verließ Zürich am Morgen in Richtung "
                                          "Mailand. Nach einem Halt in Lugano erreichte er die italienische Metropole "
                                          "gegen Mittag.", name="zug.de.txt"))
    assert [p["name"] for p in stops] == ["Zürich", "Lugano", "Milan"]


def test_a_tour_begun_earlier_a_place_gone_to_then_left_and_words_said_from_a_capital(tmp_path, gazetteer):
    # "إلى الدوحة قادما من الكويت": coming from Kuwait, not from Doha; "وكان أردوغان قد بدأ جولته من جدة": the tour had
    # begun at Jeddah
    stops = stops_of(journey_of(tmp_path, "وصل الرئيس التركي رجب طيب أردوغان إلى الدوحة قادما من الكويت، في المحطة الثانية "
                                          "من جولته الخليجية. وكان أردوغان قد بدأ جولته من جدة.", name="erdogan.ar.txt"))
    assert [p["name"] for p in stops] == ["Jeddah", "Kuwait City", "Doha"]
    # "nach Moskau gereist ... Von Moskau aus fliegt er": gone to first, not where the journey began; "Zuvor hatte er
    # Kiew und Peking besucht": before it; "hieß es aus Budapest": where it was said
    fc = journey_of(tmp_path, "Ungarns Ministerpräsident Viktor Orbán ist überraschend nach Moskau gereist. Zuvor hatte er "
                              "Kiew und Peking besucht. Von Moskau aus fliegt er am Samstag nach Washington weiter, hieß "
                              "es aus Budapest.", name="orban.de.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Kyiv", "Beijing", "Moscow", "Washington"]
    assert "where someone spoke" in why_not_stops(fc)["Budapest"]
    # "embarcou ... em Brasília com destino a Pequim. Antes de chegar à capital chinesa, ... uma parada em Xangai"
    stops = stops_of(journey_of(tmp_path, "Lula embarcou na noite desta segunda-feira em Brasília com destino a Pequim. "
                                          "Antes de chegar à capital chinesa, o presidente fará uma parada em Xangai.",
                                name="lula.pt.txt"))
    assert [p["name"] for p in stops] == ["Brasília", "Shanghai", "Beijing"]
    # "alla Gare de Lyon": Paris's station, in Italian as in French
    places = place_mentions("Il treno è arrivato alla Gare de Lyon poco dopo le 21.", gazetteer, lang="it")
    assert [(p.text, p.place.name) for p in places if p.place] == [("Gare de Lyon", "Paris")]


def test_wire_reports_a_landing_a_way_back_told_first_an_evening_and_an_organisations_city(tmp_path):
    # "приземлился в аэропорту Астаны": landed; "Из Астаны президент вернется в Москву": the way home leaves Astana, it
    # does not end there
    stops = stops_of(journey_of(tmp_path, "Путин прибыл в Астану\n\nАСТАНА, 27 ноября. /ТАСС/. Президент России Владимир "
                                          "Путин прибыл в Казахстан с государственным визитом. Самолет главы государства "
                                          "приземлился в аэропорту Астаны во второй половине дня. Ранее в тот же день "
                                          "Путин провел переговоры в Бишкеке. Из Астаны президент вернется в Москву.",
                                name="putin.ru.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Bishkek", "origin"), ("Astana", "via"), ("Moscow", "planned")]
    # "avant de regagner Paris. Il avait quitté Paris lundi matin": the way home told before where the journey left
    stops = stops_of(journey_of(tmp_path, "RABAT, 28 octobre (AFP) - Emmanuel Macron est arrivé lundi à Rabat pour une "
                                          "visite d'État de trois jours. Le président français se rendra mercredi à "
                                          "Marrakech avant de regagner Paris. Il avait quitté Paris lundi matin à bord de "
                                          "l'avion présidentiel.", name="macron.fr.txt"))
    assert [p["name"] for p in stops] == ["Paris", "Rabat", "Marrakesh", "Paris"]
    # "è atterrata ieri sera a Washington": yesterday evening (sera), no French "will be"
    stops = stops_of(journey_of(tmp_path, "La presidente del Consiglio Giorgia Meloni è atterrata ieri sera a Washington, "
                                          "dove oggi incontrerà il presidente americano. Dopo la tappa americana, Meloni "
                                          "volerà a Ottawa.", name="meloni.it.txt"))
    assert [(p["name"], p["role"]) for p in stops] == [("Washington", "origin"), ("Ottawa", "planned")]
    # "शंघाई सहयोग संगठन": the Shanghai Cooperation Organisation, no stop in Shanghai
    fc = journey_of(tmp_path, "प्रधानमंत्री नरेंद्र मोदी शुक्रवार सुबह टोक्यो पहुंचे। वहां से वह बुलेट ट्रेन से सेंडाई जाएंगे। इसके बाद वह "
                              "शंघाई सहयोग संगठन के शिखर सम्मेलन में भाग लेंगे।", name="modi.hi.txt")
    assert [p["name"] for p in stops_of(fc)] == ["Tokyo", "Sendai"]
    assert "organisation" in why_not_stops(fc)["शंघाई"]
    # "Kim last visited Russia in 2019, when he met Putin in Vladivostok": another trip
    stops = stops_of(journey_of(tmp_path, "North Korean leader Kim Jong Un's armoured train crossed into Russia early on "
                                          "Tuesday, a day after he left Pyongyang. The train arrived at the border town of "
                                          "Khasan. Kim last visited Russia in 2019, when he met Putin in Vladivostok.",
                                *("--gazetteer", STATIONS)))
    assert [p["name"] for p in stops] == ["Pyongyang", "Хасан"]


def test_railway_reports_on_the_way_a_train_for_a_city_its_stations_and_where_it_is_bound(tmp_path):
    # "с Ленинградского вокзала Москвы": left from Moscow's station; "По пути": on the way, between Moscow and St
    # Petersburg (not before all the sentence before told, as "इससे पहले", before that)
    stops = stops_of(journey_of(tmp_path, "Скоростной поезд «Сапсан» отправился с Ленинградского вокзала Москвы в 7:00 и "
                                          "прибыл в Санкт-Петербург через четыре часа. По пути он сделал остановку в "
                                          "Твери.", name="sapsan.ru.txt"))
    assert [p["name"] for p in stops] == ["Moscow", "Tver", "Saint Petersburg"]
    # "Il primo Frecciarossa per Berlino": the train's goal, reached after the stops; "Monaco di Baviera": Munich
    stops = stops_of(journey_of(tmp_path, "Il primo Frecciarossa per Berlino è partito da Milano Centrale alle 6.05. Dopo "
                                          "le fermate di Verona, Bolzano e Monaco di Baviera, il treno è arrivato nella "
                                          "capitale tedesca in serata.", name="freccia.it.txt"))
    assert [p["name"] for p in stops] == ["Milan", "Verona", "Bolzano", "Munich", "Berlin"]
    # "arrivé à la gare Montparnasse à Paris": Paris, its station named first
    stops = stops_of(journey_of(tmp_path, "Le TGV inaugural a quitté Bordeaux à 10 heures. Après un arrêt à Angoulême et à "
                                          "Poitiers, il est arrivé à la gare Montparnasse à Paris peu avant midi.",
                                name="tgv.fr.txt"))
    assert [p["name"] for p in stops] == ["Bordeaux", "Angoulême", "Poitiers", "Paris"]
    # "bound for Vancouver. Over four days the train will call at Winnipeg ...": a plan, reached after them
    stops = stops_of(journey_of(tmp_path, "VIA Rail's Canadian left Toronto on Sunday night, bound for Vancouver. Over four "
                                          "days the train will call at Winnipeg, Saskatoon, Edmonton and Jasper."))
    assert [(p["name"], p["role"]) for p in stops][-1] == ("Vancouver", "planned")
    assert [p["name"] for p in stops][:2] == ["Toronto", "Winnipeg"]
    # "대전역과": a station, and "and"
    stops = stops_of(journey_of(tmp_path, "KTX-청룡 첫 열차가 1일 오전 서울역을 출발해 대전역과 동대구역을 거쳐 부산역에 "
                                          "도착했다.", name="ktx.ko.txt"))
    assert [p["name"] for p in stops] == ["Seoul", "Daejeon", "Busan"]


def test_a_pope_by_his_title_a_flight_from_a_stay_and_a_visit_of_another_year(tmp_path, gazetteer):
    # "البابا لاون الرابع عشر": Pope Leo XIV, not Laon
    places = place_mentions("وصل البابا لاون الرابع عشر إلى بيروت يوم الأحد، بعد أن أمضى ثلاثة أيام في تركيا زار خلالها "
                            "أنقرة.", gazetteer, lang="ar")
    assert "لاون" not in {m.text for m in places} and "بيروت" in {m.text for m in places}
    # "war am Morgen in Istanbul abgeflogen": where the flight left
    stops = stops_of(journey_of(tmp_path, "Papst Leo XIV. ist am Sonntag in Beirut gelandet. Der Pontifex war am Morgen "
                                          "in Istanbul abgeflogen, wo er drei Tage verbracht hatte. Am Dienstag kehrt er "
                                          "nach Rom zurück.", name="papst.de.txt"))
    assert [p["name"] for p in stops] == ["Istanbul", "Beirut", "Rome"]
    # "Procedentes de Madrid": the origin, in the plural
    stops = stops_of(journey_of(tmp_path, "Los monarcas llegaron este martes a Roma en visita de Estado. Procedentes de "
                                          "Madrid, aterrizaron en el aeropuerto de Ciampino a mediodía.",
                                name="reyes.es.txt"))
    assert [p["name"] for p in stops] == ["Madrid", "Rome"]
    # "此前，习近平曾于2013年访问哈萨克斯坦": once, in 2013, another trip; Astana is this one's
    stops = stops_of(journey_of(tmp_path, "国家主席习近平11日从北京出发，乘专机抵达哈萨克斯坦首都阿斯塔纳。此前，习近平曾于"
                                          "2013年访问哈萨克斯坦。", name="xi.zh.txt"))
    assert [p["name"] for p in stops] == ["Beijing", "Astana"]


# ---- the journalist has the last word -------------------------------------------------------------------------

def test_journey_file_round_trip_and_a_hand_correction_survives(tmp_path):
    from conftest import CORRIDOR, SEED, STATIONS

    res = run_cli("journey", SEED, "--rail", CORRIDOR, "--gazetteer", STATIONS, "--format", "toml", "--date", "2023-09-12")
    assert res.returncode == 0, res.stderr.decode()
    toml = tmp_path / "kim.toml"
    toml.write_bytes(res.stdout)
    import tomllib

    doc = tomllib.loads(res.stdout.decode())
    assert [s["name"] for s in doc["stops"]] == ["Pyongyang", "Хасан", "Ussuriysk", "Vladivostok"]
    assert doc["stops"][0]["time"] == "2023-09-10" and doc["stops"][3]["role"] == "planned"
    assert [leg["mode"] for leg in doc["legs"]] == ["rail"] * 3

    def stops_of(*args):
        r = run_cli("journey", "--journey", toml, "--rail", CORRIDOR, *args)
        assert r.returncode == 0, r.stderr.decode()
        fc = json.loads(r.stdout)
        return ([f for f in fc["features"] if f["properties"]["kind"] == "stop"],
                [f for f in fc["features"] if f["properties"]["kind"] == "leg"])

    stops, legs = stops_of()
    assert [s["properties"]["name"] for s in stops] == [s["name"] for s in doc["stops"]]
    assert [s["properties"]["time"] for s in stops][:2] == ["2023-09-10", "2023-09-12"]
    assert [round(leg["properties"]["length_km"]) for leg in legs] == [768, 235, 99]
    # the editor moves Ussuriysk's stop and says the last leg was driven
    text = toml.read_text("utf-8")
    text = text.replace('name = "Ussuriysk"', 'name = "Ussuriysk (corrected)"')
    text = text.replace("lat = 43.80129", "lat = 43.9").replace("lat = 43.80", "lat = 43.9")
    head, _, last = text.rpartition("[[legs]]")
    toml.write_text(head + "[[legs]]" + last.replace('mode = "rail"', 'mode = "road"'), "utf-8")
    stops, legs = stops_of()
    assert stops[2]["properties"]["name"] == "Ussuriysk (corrected)"
    assert legs[-1]["properties"]["mode"] == "road"
    out = tmp_path / "m.html"
    assert run_cli("map", "--journey", toml, "--rail", CORRIDOR, "-o", out).returncode == 0
    page = out.read_text("utf-8")
    assert "Ussuriysk (corrected)" in page and '"className": "gj-leg gj-road"' in page
    again = tmp_path / "again.html"
    run_cli("map", "--journey", toml, "--rail", CORRIDOR, "-o", again)
    assert again.read_bytes() == out.read_bytes()  # rebuilds are byte-identical


@pytest.mark.parametrize("body, says", [
    ('[[stops]]\nname = "A"\nlat = 10\nlon = 10\n[[stops]]\nname = "B"\nlat = 95\nlon = 10\n', "stop 2 (line 5): 'lat'"),
    ('[[stops]]\nname = "A"\nlat = 10\nlon = 10\nrole = "start"\n', "stop 1 (line 1): 'role'"),
    ('[[stops]]\nname = "A"\nlat = 10\nlon = 10\n[[stops]]\nname = "B"\nlat = 11\nlon = 10\n[[legs]]\nfrom = 1\n'
     'to = 2\nmode = "teleport"\n', "leg 1 (line 9): 'mode'"),
    ('[[stops]]\nname = "A"\nlat = 10\nlon = \n', "line 4"),
    ('title = "x"\n', "no [[stops]]"),
])
def test_invalid_journey_files_name_the_line(tmp_path, body, says):
    toml = tmp_path / "bad.toml"
    toml.write_text(body, "utf-8")
    out = tmp_path / "m.html"
    res = run_cli("map", "--journey", toml, "--rail", "none", "-o", out)
    assert res.returncode == 2 and says in res.stderr.decode() and len(res.stderr.splitlines()) == 1
    assert not out.exists()


def test_article_and_journey_file_are_one_or_the_other(tmp_path):
    res = run_cli("journey", "--rail", "none")
    assert res.returncode == 2 and b"ARTICLE or --journey" in res.stderr
