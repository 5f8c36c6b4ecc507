"""The HTML map: content, escaping, determinism, and a real browser."""

import re

from conftest import CORRIDOR, SEED, STATIONS, resolver_with_names, run_cli


def render(tmp_path, *extra, article=SEED, name="map.html"):
    out = tmp_path / name
    res = run_cli("map", article, "--rail", CORRIDOR, "--gazetteer", STATIONS, "-o", out, *extra)
    assert res.returncode == 0, res.stderr.decode()
    return out.read_text("utf-8")


def test_map_has_numbered_stops_legs_legend_and_credits(tmp_path):
    page = render(tmp_path)
    assert page.count("L.marker(") == 4 and page.count("bindPopup(") == 4
    assert page.count("L.polyline(") == 4 and page.count('"className": "gj-leg gj-rail"') == 3
    assert page.count('"className": "gj-gap"') == 1 and "gap in the rail data, bridged" in page  # shown, not hidden
    assert "GeoNames" in page and "Natural Earth" in page and "ru_rail_stations_osm.geojson" in page
    assert "प्योंगयांग" in page  # the mention as written, in the popup and the stop list
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_two_renders_are_byte_identical(tmp_path):
    assert render(tmp_path, name="a.html") == render(tmp_path, name="b.html")


HOSTILE_STRINGS = [
    "<script>window.__pwned=1;alert(1)</script>",
    "</script><script>window.__pwned=2</script>",
    "<img src=x onerror=\"window.__pwned=3\">",
    "<svg onload=alert(4)>",
    "\"><a href=\"javascript:alert(5)\">x</a>",
    "'; window.__pwned=6; '",
    "`${window.__pwned=7}`",
    "{{ 7*7 }}{% raw %}",
    "\u2028alert(8)\u2029",
    "\u202eevil\u202c \u200f\u200e",
    "</style><style>body{display:none}</style>",
    "<!-- --><iframe src=javascript:alert(9)>",
    "\\x3cscript\\x3e",
]


def _tags(page: str):
    from html.parser import HTMLParser

    found = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    P(convert_charrefs=True).feed(page)
    return found


def test_hostile_article_title_credit_gazetteer_leave_no_markup(tmp_path):
    hostile = " ".join(HOSTILE_STRINGS)
    article = tmp_path / "hostile.txt"
    article.write_text(f"The train left Pyongyang {hostile} and arrived in Vladivostok.\n{hostile} Khasan.", "utf-8")
    gaz = tmp_path / "hostile.csv"
    gaz.write_text("name,lat,lon\n\"Khasan <img src=x onerror=alert(1)>\",42.43,130.64\n", "utf-8")
    benign = _tags(render(tmp_path, "--source-url", "https://example.org/", name="benign.html"))
    out = tmp_path / "hostile.html"
    res = run_cli("map", article, "--rail", CORRIDOR, "--gazetteer", gaz, "-o", out, "--title", hostile,
                  "--credit", hostile, "--source-url", "https://example.org/?a=\"><script>alert(1)</script>")
    assert res.returncode == 0, res.stderr.decode()
    page = out.read_text("utf-8")
    tags = _tags(page)
    assert sum(t == "script" for t, _ in tags) == sum(t == "script" for t, _ in benign)
    assert not {t for t, _ in tags} & {"img", "svg", "iframe", "a"} - {t for t, _ in benign}
    assert sum(t == "style" for t, _ in tags) == sum(t == "style" for t, _ in benign)
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]
    assert not [v for _, attrs in tags for v in attrs.values() if v and "javascript:" in v.lower()]
    for raw in ("${window", "\u2028", "\u2029", "</script><script>window"):
        assert raw not in page


def test_source_url_must_be_http(tmp_path):
    res = run_cli("map", SEED, "--rail", "none", "-o", tmp_path / "x.html", "--source-url", "javascript:alert(1)")
    assert res.returncode == 2 and b"--source-url" in res.stderr and len(res.stderr.splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_unknown_tiles_and_missing_key_are_clear_errors(tmp_path):
    res = run_cli("map", SEED, "--rail", "none", "-o", tmp_path / "x.html", "--tiles", "No.Such.Tiles")
    assert res.returncode == 2 and b"unknown tile provider" in res.stderr
    env_key = __import__("os").environ.pop("GEOJOURNEY_TILES_KEY", None)
    res = run_cli("map", SEED, "--rail", "none", "-o", tmp_path / "x.html", "--tiles", "Thunderforest.Transport")
    assert res.returncode == 2 and b"needs an API key" in res.stderr
    assert not (tmp_path / "x.html").exists()
    if env_key:
        __import__("os").environ["GEOJOURNEY_TILES_KEY"] = env_key


def test_tiles_by_name_with_attribution_referrer_policy_and_key(tmp_path):
    page = render(tmp_path, "--tiles", "Thunderforest.Transport", "--tiles-key", "KEY123", "--railway-overlay",
                  name="tiles.html")
    assert "api.thunderforest.com/transport/" in page and "apikey=KEY123" in page
    assert "Thunderforest" in page and "OpenRailwayMap" in page
    assert page.count('"referrerPolicy": "strict-origin-when-cross-origin"') == 2
    assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in page
    default = render(tmp_path, name="default.html")
    assert "server.arcgisonline.com" in default and "Esri" in default


def test_default_page_loads_only_leaflet_with_integrity(tmp_path):
    import base64
    import hashlib
    from pathlib import Path

    import xstatic.pkg.leaflet as xl

    page = render(tmp_path)
    tags = _tags(page)
    remote = [a.get("src") or a.get("href") for t, a in tags if t in ("script", "link") and (a.get("src") or a.get("href"))]
    assert remote == ["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
                      "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"]
    for t, a in tags:
        if a.get("src", a.get("href", "")).startswith("https://"):
            data = (Path(xl.BASE_DIR) / a.get("src", a.get("href")).rsplit("/", 1)[1]).read_bytes()
            assert a["integrity"] == "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
            assert a["crossorigin"] == "anonymous"


def test_self_contained_page_is_small_and_loads_nothing(tmp_path):
    page = render(tmp_path, "--self-contained", name="self.html")
    assert not re.search(r"<script[^>]+src=", page) and not re.search(r"<link[^>]+href=", page)
    assert "images/marker" not in page and "url(images/" not in page
    assert len(page.encode()) < 600_000


def test_embed_prints_a_titled_responsive_iframe(tmp_path):
    out = tmp_path / "m.html"
    res = run_cli("map", SEED, "--rail", CORRIDOR, "--gazetteer", STATIONS, "-o", out, "--embed", "--title",
                  "Kim's \"train\"", "--aspect", "16:9", "--embed-src", "https://news.example/maps/kim.html")
    assert res.returncode == 0
    snippet = res.stdout.decode().strip()
    assert snippet.count("<iframe") == 1 and 'src="https://news.example/maps/kim.html"' in snippet
    assert 'title="Kim&#x27;s &quot;train&quot;"' in snippet and "aspect-ratio:16 / 9" in snippet


def test_credit_and_source_link_are_on_the_map(tmp_path):
    page = render(tmp_path, "--credit", "Graphic: The Desk", "--source-url", "https://news.example/a?b=1&c=2",
                  name="credit.html")
    assert "Graphic: The Desk" in page
    assert 'href="https://news.example/a?b=1&amp;c=2"' in page and "Source: news.example" in page


def test_a_stop_placed_where_annotated_corpora_put_it_says_so_and_credits_them(tmp_path):
    weights = resolver_with_names(tmp_path / "own.json", {"qwzxbrook": [43.8, 131.95, "RU", "Qwzxbrook"]},
                                  ["<b>news</b>.jsonl"])
    article = tmp_path / "a.txt"
    article.write_text("The armoured train left Vladivostok on Monday and arrived in Qwzxbrook on Tuesday.", "utf-8")
    out = tmp_path / "map.html"
    res = run_cli("map", article, "--rail", CORRIDOR, "-o", out, env={"GEOJOURNEY_RESOLVER_WEIGHTS": str(weights)})
    assert res.returncode == 0 and "(2 stops, 1 legs)" in res.stderr.decode(), res.stderr.decode()
    page = out.read_text("utf-8")
    assert "“Qwzxbrook” is in no gazetteer: it is placed where the annotators of the training corpora put it" in page
    assert "annotated:qwzxbrook · destination" in page
    # the corpora named in the credit, as text
    assert "Places no gazetteer has: where the annotators of \\u0026lt;b\\u0026gt;news\\u0026lt;/b\\u0026gt; put them" \
        in page and "<b>news" not in page
    # a map with no such stop owes them nothing
    assert "Places no gazetteer has" not in render(tmp_path, name="seed.html")
