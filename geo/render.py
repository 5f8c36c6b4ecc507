"""Stage 5: the interactive Leaflet map (through folium).

Every piece of text that reaches the page (place names, mentions, sentences,
the title, file names) goes through :func:`safe_text`, which escapes it for HTML
and for the JavaScript template literals folium wraps popups and tooltips in.
Element ids are numbered in build order, so the same journey gives the same page.
"""

from __future__ import annotations

import html
import json
from collections import OrderedDict
from functools import lru_cache

import folium
import numpy as np
from branca.element import Element, MacroElement
from jinja2 import Template

from .model import Journey, Leg, Stop

LEAFLET_JS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
#: Base map used unless ``tiles`` says otherwise: a light, label-free canvas that needs
#: no API key, so the route and the stops' own labels carry the map.
DEFAULT_TILES = "Esri.WorldGrayCanvas"
#: Tile requests send the page's origin (not its full address) as Referer, which
#: the OpenStreetMap tile usage policy asks for.
REFERRER_POLICY = "strict-origin-when-cross-origin"
TILES_KEY_ENV = "GEOJOURNEY_TILES_KEY"
MODE_STYLE = {
    "rail": {"color": "#b3261e", "weight": 4, "opacity": 0.9},
    "air": {"color": "#1a5fb4", "weight": 3, "opacity": 0.9, "dash_array": "2 8"},
    "road": {"color": "#8a5a00", "weight": 3, "opacity": 0.9},
    "sea": {"color": "#006a6a", "weight": 3, "opacity": 0.9, "dash_array": "1 6"},
    "direct": {"color": "#5f6368", "weight": 3, "opacity": 0.9, "dash_array": "8 8"},
}
MODE_LABEL = {"rail": "by rail", "air": "by air (great circle)", "road": "by road (straight line)",
              "sea": "by sea (straight line)", "direct": "straight line (not routed)"}
_JS_SAFE = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;", "\u2028": "&#8232;", "\u2029": "&#8233;",
                          "{": "&#123;", "}": "&#125;"})


def safe_text(text: object) -> str:
    """Escape ``text`` for HTML, attributes and JavaScript template literals alike."""
    return html.escape(str(text), quote=True).translate(_JS_SAFE)


def _sentence_html(journey: Journey, stop: Stop, width: int = 160) -> str:
    """The sentence that names the stop, the name marked, cut to ``width`` characters each side."""
    m = stop.mention
    lo, hi = m.sentence_start, m.sentence_end
    before, after = journey.text[lo:m.start].lstrip(), journey.text[m.end:hi].rstrip()
    if len(before) > width:  # cut at a space, never inside a word
        before = "…" + before[-width:].split(None, 1)[-1]
    if len(after) > width:
        after = after[:width].rsplit(None, 1)[0] + "…"
    return f"{safe_text(before)}<mark>{safe_text(m.text)}</mark>{safe_text(after)}"


def _popup_html(journey: Journey, stop: Stop) -> str:
    p = stop.place
    rows = [
        f"<strong>{stop.order}. {safe_text(p.name)}</strong>",
        f"<div>In the text: “{safe_text(stop.mention.text)}”</div>",
        *([f"<div>{_time_html(stop)}</div>"] if stop.time or stop.when else []),
        f"<blockquote>{_sentence_html(journey, stop)}</blockquote>",
        *[f"<div class='gj-assume'>⚠ {safe_text(a)}</div>" for a in stop.assumptions],
        f"<div class='gj-meta'>{safe_text(p.source)} · {safe_text(stop.role)} · confidence {stop.confidence:.2f}</div>",
    ]
    return f"<div class='gj-popup' lang=''>{''.join(rows)}</div>"


def _time_html(stop: Stop) -> str:
    """The stop's date as the text gives it, with the ISO date where the article's date allows."""
    words = safe_text(stop.when or "")
    if stop.time:
        shown = safe_text(stop.time) + (f" ({words})" if words else "")
        return f"<time datetime='{safe_text(stop.time)}'>{shown}</time>"
    return f"<span class='gj-when'>{words}</span>"


def _leg_label(leg: Leg) -> str:
    text = f"{leg.from_order} → {leg.to_order}: {MODE_LABEL.get(leg.mode, leg.mode)}, {leg.length_km:,.0f} km"
    if leg.planned:
        text += " (planned)"
    if leg.via:
        text += f", via {', '.join(leg.via)}"
    return safe_text(text) + "".join(f"<br>⚠ {safe_text(a)}" for a in leg.assumptions)


_CSS = """
<meta name="referrer" content="strict-origin-when-cross-origin">
<style>
.leaflet-container{background:#eef0f2}
.gj-stop{background:#b3261e;color:#fff;border:2px solid #fff;border-radius:50%;width:26px;height:26px;
 box-sizing:border-box;text-align:center;font:bold 13px/22px system-ui,sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.5)}
.gj-label{position:absolute;left:30px;top:3px;white-space:nowrap;font:600 13px/1.2 system-ui,sans-serif;color:#202124;
 text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff}
.leaflet-marker-icon:focus-visible .gj-stop{outline:3px solid #1a73e8;outline-offset:2px}
.gj-side{position:absolute;z-index:1000;top:0;right:0;bottom:0;width:300px;box-sizing:border-box;overflow:auto;
 padding:10px 14px;background:#fff;border-left:1px solid #dadce0;font:13px/1.4 system-ui,sans-serif;color:#202124}
.folium-map{width:calc(100% - 300px)!important}
.gj-side h1{font-size:17px;line-height:1.25;margin:0 0 4px}
.gj-side p{margin:2px 0;font-size:12px;color:#3c4043}.gj-side a{color:#1a5fb4}
.gj-side details{margin-top:10px}.gj-side summary{cursor:pointer;font-weight:600}
.gj-stops ol{margin:4px 0 0;padding-left:22px}.gj-stops li{margin:0 0 8px}
.gj-stops q{display:block;color:#3c4043;font-size:12px}
.gj-legend i{display:inline-block;width:28px;height:0;border-top:4px solid #b3261e;vertical-align:middle;margin-right:6px}
.gj-legend i.direct{border-top:3px dashed #5f6368}.gj-legend i.context{border-top:2px solid #80868b}
.gj-legend i.air{border-top:3px dashed #1a5fb4}.gj-legend i.road{border-top:3px solid #8a5a00}
.gj-legend i.sea{border-top:3px dotted #006a6a}.gj-legend i.gap{border-top:6px solid #e8710a}
.gj-popup blockquote{margin:6px 0;padding-left:8px;border-left:3px solid #ccc;color:#3c4043}
.gj-meta{color:#5f6368;font-size:11px}
.gj-assume{display:block;color:#8a4b00;font-size:11px}
.gj-unresolved{color:#5f6368;font-size:12px;margin-top:4px}
.gj-sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
@media (max-width:640px){
 .folium-map{width:100%!important}
 .gj-side{top:auto;left:0;width:auto;max-height:45%;border-left:0;border-top:1px solid #dadce0;
  background:rgba(255,255,255,.95);padding:6px 10px;font-size:12px}
 .gj-side h1{font-size:14px}.gj-side details{margin-top:4px}.gj-label{font-size:11px}}
</style>
"""

# Panels start open on wide screens and collapsed on phones.
_COLLAPSE_ON_PHONES = """<script>
if (window.matchMedia && window.matchMedia("(max-width: 640px)").matches) {
  document.querySelectorAll("details.gj-collapsible").forEach(function (d) { d.open = false; });
}
</script>"""


_JS_STRING_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "<>&'{}%`$\u2028\u2029"}


def js_value(value: object) -> str:
    """``value`` as a JavaScript literal that is safe anywhere in a ``<script>``.

    Strings are JSON with ``<``, ``>``, ``&``, quotes, braces, ``%``, backticks,
    ``$`` and the Unicode line separators written as ``\\uXXXX`` escapes, so no
    text can close the script, start a template tag (folium templates its script
    output a second time), or break the string. JavaScript reads the escapes back
    as the original characters.
    """
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).translate(_JS_STRING_ESCAPES)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{js_value(str(k))}: {js_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(js_value(v) for v in value) + "]"
    return json.dumps(value)


class _Script(MacroElement):
    """A piece of script bound to its parent map element, every value passed through :func:`js_value`."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code(this._parent.get_name()) }}{% endmacro %}")

    def __init__(self, name: str, code) -> None:
        super().__init__()
        self._name = name
        self.code = code


def _bind(method: str, content: str, **options: object) -> _Script:
    """Bind a popup or tooltip (HTML that is escaped text already) to the parent layer."""
    return _Script(method, lambda parent: f"{parent}.{method}({js_value(content)}, {js_value(options)});")


def _attribution(credits: list[str]) -> _Script:
    return _Script("Attribution", lambda parent: "".join(
        f"{parent}.attributionControl.addAttribution({js_value(a)});" for a in credits))


def _accessible(label: str) -> _Script:
    """Give the map container an accessible name and point it to the text summary."""
    return _Script("Accessible", lambda parent: (
        f"{parent}.getContainer().setAttribute('aria-label', {js_value(label)});"
        f"{parent}.getContainer().setAttribute('aria-describedby', 'gj-summary');"))


def _stop_marker(journey: Journey, stop: Stop, at: tuple[float, float]) -> _Script:
    """A numbered, labelled, keyboard-reachable marker with the stop's popup."""
    name = safe_text(stop.place.name)
    icon = {"html": f"<div class='gj-stop' aria-hidden='true'>{stop.order}</div>"
                    f"<span class='gj-label' aria-hidden='true'>{name}</span>",
            "iconSize": [26, 26], "iconAnchor": [13, 13], "className": "gj-marker"}
    # Leaflet makes a marker with keyboard:true a focusable button, named by its title.
    options = {"title": f"Stop {stop.order}: {stop.place.name}", "keyboard": True, "riseOnHover": True}
    where = [round(at[0], 6), round(at[1], 6)]
    popup = _popup_html(journey, stop)

    def code(parent: str) -> str:
        return (f"L.marker({js_value(where)}, Object.assign({js_value(options)}, "
                f"{{icon: L.divIcon({js_value(icon)})}})).bindPopup({js_value(popup)}, {{maxWidth: 320}})"
                f".addTo({parent});")

    return _Script(f"stop_marker_{stop.order}", code)


def _stable_ids(root: Element) -> None:
    """Replace folium's random element ids with ids numbered in build order."""
    counter = 0

    def walk(el: Element) -> None:
        nonlocal counter
        counter += 1
        el._id = f"{counter:06d}"
        for child in list(el._children.values()):
            walk(child)
        el._children = OrderedDict((c.get_name(), c) for c in el._children.values())

    walk(root)


def _display_line(leg: Leg, bounds: list[list[float]]) -> list[tuple[float, float]]:
    """The leg's line for the page: simplified below a tenth of a pixel, rounded to about 1 m.

    The exported GeoJSON keeps every vertex; the map does not need them.
    """
    import shapely

    coords = np.asarray(leg.coordinates, dtype=float)
    if len(coords) > 2:
        (s, w), (n, e) = bounds
        coords = shapely.get_coordinates(shapely.simplify(shapely.LineString(coords), max(n - s, e - w, 0.5) / 10000))
    return [(round(float(lat), 5), round(float(lon), 5)) for lon, lat in coords]


def _context_lines(journey: Journey, bounds: list[list[float]]):
    """Rail lines near the route, simplified, for a light context layer."""
    from pathlib import Path

    from .rail import read_lines

    if journey.rail_path is None or not journey.stops:
        return None
    path = Path(journey.rail_path)
    (s, w), (n, e) = bounds
    pad = max(1.0, 0.15 * max(n - s, e - w))
    lines = read_lines(path, bbox=(w - pad, s - pad, e + pad, n + pad))
    if lines.empty:
        return None
    import shapely

    clipped = shapely.clip_by_rect(lines.values, w - pad, s - pad, e + pad, n + pad)
    # about one screen pixel when the route fills a 1,000-pixel map
    simplified = shapely.simplify(clipped, max(n - s, e - w, 0.5) / 1000)
    # four decimals (about 10 m) are plenty for a context layer and halve the page
    rounded = shapely.transform(simplified, lambda xy: np.round(xy, 4))
    return [g for g in rounded if not g.is_empty]


def tile_provider(name: str | None, api_key: str | None = None):
    """The ``xyzservices`` tile provider called ``name`` (``None``/``"none"``: no base map).

    Providers that need a key take ``api_key``, or the ``GEOJOURNEY_TILES_KEY``
    environment variable.

    Raises
    ------
    InputError
        When the name is unknown or the provider needs a key that was not given.
    """
    import os

    import xyzservices

    from .errors import InputError

    if name is None or name.lower() == "none":
        return None
    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError:
        raise InputError(f"--tiles: unknown tile provider '{name}' (any xyzservices name, e.g. "
                         f"{DEFAULT_TILES}, OpenStreetMap.Mapnik, CartoDB.Positron; or 'none')") from None
    if provider.requires_token():
        key = api_key or os.environ.get(TILES_KEY_ENV)
        if not key:
            raise InputError(f"--tiles: {provider.name} needs an API key: give --tiles-key or set {TILES_KEY_ENV}")
        import re

        if not re.fullmatch(r"[A-Za-z0-9._~-]{1,200}", key):
            raise InputError("--tiles-key: an API key is letters, digits and . _ ~ - only")
        slot = next(k for k, v in provider.items() if isinstance(v, str) and "<insert your" in v)
        provider = provider(**{slot: key})
    return provider


def _check_url(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    from .errors import InputError

    if url is None:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url.strip()):
        raise InputError(f"--source-url must be an http(s) address, not '{url[:80]}'")
    return url.strip()


def _summary(journey: Journey) -> str:
    if not journey.stops:
        return "The article names no journey that could be placed on the map."
    names = ", ".join(f"{s.order}. {s.place.name}" for s in journey.stops)
    legs = "; ".join(f"{lg.from_order} to {lg.to_order} {MODE_LABEL.get(lg.mode, lg.mode)}, {lg.length_km:,.0f} km"
                     for lg in journey.legs)
    total = sum(lg.length_km for lg in journey.legs)
    text = f"Map of a journey with {len(journey.stops)} stops: {names}."
    if legs:
        text += f" Legs: {legs}. In all {total:,.0f} km."
    return text


def _stop_item(journey: Journey, stop: Stop) -> str:
    p = stop.place
    parts = [f"<li><strong>{safe_text(p.name)}</strong>"]
    if stop.role:
        parts.append(f" <span class='gj-meta'>{safe_text(stop.role)}</span>")
    if stop.time or stop.when:
        parts.append(f" {_time_html(stop)}")
    if stop.mention.sentence_end > stop.mention.sentence_start:
        parts.append(f"<q>{_sentence_html(journey, stop, 60)}</q>")
    parts += [f"<span class='gj-assume'>⚠ {safe_text(a)}</span>" for a in stop.assumptions]
    parts.append("</li>")
    return "".join(parts)


def _side_panel(journey: Journey, heading: str, credit: str | None, source_url: str | None, context: bool) -> str:
    """Title, credit, source, the ordered stop list and the legend: beside the map, or under it on phones."""
    from urllib.parse import urlsplit

    out = [f"<aside class='gj-side' aria-label='About this map'><h1>{safe_text(heading)}</h1>"]
    if credit:
        out.append(f"<p class='gj-credit'>{safe_text(credit)}</p>")
    if source_url:
        host = urlsplit(source_url).netloc
        out.append(f"<p><a href=\"{safe_text(source_url)}\" rel='noopener noreferrer' target='_blank'>"
                   f"Source: {safe_text(host)}</a></p>")
    out.append(f"<p id='gj-summary' class='gj-sr-only'>{safe_text(_summary(journey))}</p>")

    out.append(f"<details class='gj-stops gj-collapsible' open><summary>Stops ({len(journey.stops)})</summary>")
    out.append("<ol>" + "".join(_stop_item(journey, s) for s in journey.stops) + "</ol>")
    if journey.unresolved:
        names = ", ".join(safe_text(u["mention"]) for u in journey.unresolved)
        out.append(f"<div class='gj-unresolved'>Not placed: {names}</div>")
    out.append("</details>")

    out.append("<details class='gj-legend gj-collapsible' open><summary>Legend</summary>")
    for mode in sorted({leg.mode for leg in journey.legs}):
        out.append(f"<div><i class='{safe_text(mode)}'></i>{safe_text(MODE_LABEL.get(mode, mode))}</div>")
    if any(leg.gaps for leg in journey.legs):
        out.append("<div><i class='gap'></i>gap in the rail data, bridged</div>")
    if context:
        out.append("<div><i class='context'></i>rail lines</div>")
    out.append("</details></aside>")
    return "".join(out)


def _credits(journey: Journey) -> list[str]:
    """Data credits: the built-in sources' own links, any other name as escaped text."""
    from .gazetteer import GEONAMES_ATTRIBUTION
    from .rail import NATURALEARTH_ATTRIBUTION
    from .resolve import annotated_credit

    from .osm import OSM_RAIL_ATTRIBUTION, OSM_STATIONS_ATTRIBUTION

    trusted = {GEONAMES_ATTRIBUTION, NATURALEARTH_ATTRIBUTION, OSM_RAIL_ATTRIBUTION, OSM_STATIONS_ATTRIBUTION}
    # the corpora whose annotations place a name on the map that no gazetteer has
    annotated = annotated_credit() if any(s.mention.match == "annotated" for s in journey.stops) else ""
    return [a if a in trusted else safe_text(a)
            for a in (*journey.gazetteer_attributions, annotated, journey.rail_attribution) if a]


def _shift_to(lon: float, near: float) -> float:
    """``lon`` moved by whole turns to lie within 180 degrees of ``near``."""
    return lon + 360.0 * round((near - lon) / 360.0)


def _display_positions(journey: Journey) -> tuple[dict[int, tuple[float, float]], list[Leg]]:
    """Stops and legs placed so that the route reads continuously across the antimeridian."""
    from dataclasses import replace

    where: dict[int, tuple[float, float]] = {}
    prev = None
    for s in journey.stops:
        lon = s.place.lon if prev is None else _shift_to(s.place.lon, prev)
        where[s.order] = (s.place.lat, lon)
        prev = lon
    legs = []
    for leg in journey.legs:
        start = where.get(leg.from_order)
        shift = 0.0 if start is None or not leg.coordinates else _shift_to(leg.coordinates[0][0], start[1]) - leg.coordinates[0][0]
        legs.append(replace(leg, coordinates=[(x + shift, y) for x, y in leg.coordinates],
                            gaps=[[(x + shift, y) for x, y in g] for g in leg.gaps]))
    return where, legs


def journey_map(
    journey: Journey,
    title: str | None = None,
    *,
    tiles: str | None = DEFAULT_TILES,
    tiles_key: str | None = None,
    railway_overlay: bool = False,
    credit: str | None = None,
    source_url: str | None = None,
) -> folium.Map:
    """The journey as a folium Map (add your own layers to it).

    Parameters
    ----------
    journey : Journey
    title : str, optional
        Heading shown on the map (default: the stops joined by arrows).
    tiles : str or None
        An ``xyzservices`` provider name for the base map, or ``None``/``"none"``
        for a plain background.
    tiles_key : str, optional
        API key for providers that need one.
    railway_overlay : bool
        Add OpenRailwayMap's tiles as a switchable overlay.
    credit : str, optional
        A credit line (e.g. the newsroom's) shown under the title.
    source_url : str, optional
        Link to the article, shown under the title (http or https only).
    """
    provider = tile_provider(tiles, tiles_key)
    source_url = _check_url(source_url)
    where, display_legs = _display_positions(journey)
    points = [[lat, lon] for leg in display_legs for lon, lat in leg.coordinates]
    points += [list(where[s.order]) for s in journey.stops]
    if not points:
        points = [[m.place.lat, m.place.lon] for m in journey.mentions if m.place is not None] or [[0.0, 0.0]]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]

    m = folium.Map(tiles=None, control_scale=True, location=[(bounds[0][0] + bounds[1][0]) / 2,
                                                               (bounds[0][1] + bounds[1][1]) / 2], zoom_start=5)
    # Leaflet is all the page needs: no jQuery, Bootstrap or Font Awesome.
    m.default_js = [("leaflet", LEAFLET_JS_URL)]
    m.default_css = [("leaflet_css", LEAFLET_CSS_URL)]
    if provider is not None:
        folium.TileLayer(provider, name="Base map", referrer_policy=REFERRER_POLICY).add_to(m)

    context = _context_lines(journey, bounds)
    if context:
        import shapely

        folium.GeoJson(
            shapely.to_geojson(shapely.GeometryCollection(context)),
            name="Rail lines",
            style_function=lambda _f: {"color": "#80868b", "weight": 1.5, "opacity": 0.8},
            interactive=False,
        ).add_to(m)
    if railway_overlay:
        import xyzservices

        folium.TileLayer(xyzservices.providers.OpenRailwayMap, name="OpenRailwayMap", overlay=True, opacity=0.8,
                         referrer_policy=REFERRER_POLICY).add_to(m)
        folium.LayerControl(collapsed=True).add_to(m)

    for leg in display_legs:
        style = dict(MODE_STYLE.get(leg.mode, MODE_STYLE["direct"]))
        if leg.planned:  # not travelled yet: lighter, dashed
            style.update(opacity=0.6, dash_array=style.get("dash_array", "10 6"))
        line = folium.PolyLine(_display_line(leg, bounds), class_name=f"gj-leg gj-{leg.mode}", **style).add_to(m)
        line.add_child(_bind("bindTooltip", _leg_label(leg), sticky=True))
        for (x1, y1), (x2, y2) in leg.gaps:  # an assumption: show it
            from .resolve import haversine_km

            gap = folium.PolyLine([(y1, x1), (y2, x2)], color="#e8710a", weight=6, opacity=1.0,
                                  class_name="gj-gap").add_to(m)
            gap.add_child(_bind("bindTooltip", safe_text(
                f"Gap of {haversine_km(y1, x1, y2, x2):.1f} km in the rail data, bridged by geojourney"), sticky=True))

    for stop in journey.stops:
        m.add_child(_stop_marker(journey, stop, where[stop.order]))

    root = m.get_root()
    root.header.add_child(Element(_CSS))
    heading = title or _default_title(journey)
    root.html.add_child(Element(_side_panel(journey, heading, credit, source_url, bool(context))))
    root.html.add_child(Element(_COLLAPSE_ON_PHONES))
    root.header.add_child(Element(f"<title>{safe_text(heading)}</title>"))
    m.add_child(_accessible(f"Map: {heading}"))
    m.add_child(_attribution(_credits(journey)))
    m.fit_bounds(bounds, padding=(30, 30), max_zoom=11)  # one stop: a point has no extent to fit
    _stable_ids(root)
    return m


def _default_title(journey: Journey) -> str:
    if not journey.stops:
        return "Journey"
    return " → ".join(s.place.name for s in journey.stops)


@lru_cache(maxsize=None)
def _leaflet_file(name: str) -> bytes:
    from pathlib import Path

    import xstatic.pkg.leaflet as xleaflet

    return (Path(xleaflet.BASE_DIR) / name).read_bytes()


def _integrity(data: bytes) -> str:
    import base64
    import hashlib

    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def _with_integrity(page: str) -> str:
    """Subresource-integrity hashes on the CDN copies of Leaflet, taken from the pinned package's bytes."""
    js, css = _integrity(_leaflet_file("leaflet.js")), _integrity(_leaflet_file("leaflet.css"))
    page = page.replace(f'<script src="{LEAFLET_JS_URL}"></script>',
                        f'<script src="{LEAFLET_JS_URL}" integrity="{js}" crossorigin="anonymous"></script>')
    return page.replace(f'<link rel="stylesheet" href="{LEAFLET_CSS_URL}"/>',
                        f'<link rel="stylesheet" href="{LEAFLET_CSS_URL}" integrity="{css}" crossorigin="anonymous"/>')


def _data_uri(name: str) -> str:
    import base64

    return "data:image/png;base64," + base64.b64encode(_leaflet_file(name)).decode()


def _inline_leaflet(page: str) -> str:
    """Put Leaflet (from the pinned ``xstatic-leaflet`` package) into the page, its images as data URIs."""
    import re

    js = _leaflet_file("leaflet.js").decode("utf-8").replace("</script", "<\\/script")
    # the default marker's images, which Leaflet would fetch from beside its CSS
    icons = {"iconUrl": "marker-icon.png", "iconRetinaUrl": "marker-icon-2x.png", "shadowUrl": "marker-shadow.png"}
    js += ("\nL.Icon.Default.imagePath='';L.Icon.Default.mergeOptions("
           + "{" + ",".join(f"{k}:'{_data_uri('images/' + v)}'" for k, v in icons.items()) + "});")
    css = _leaflet_file("leaflet.css").decode("utf-8").replace("</style", "<\\/style")
    css = re.sub(r"url\((images/[\w.-]+\.png)\)", lambda m: f"url({_data_uri(m.group(1))})", css)
    page = page.replace(f'<script src="{LEAFLET_JS_URL}"></script>', f"<script>{js}</script>")
    page = page.replace(f'<link rel="stylesheet" href="{LEAFLET_CSS_URL}"/>', f"<style>{css}</style>")
    return page


def render_html(journey: Journey, title: str | None = None, *, self_contained: bool = False, **options) -> str:
    """The map page as HTML text.

    With ``self_contained`` the page carries Leaflet itself and needs the network
    only for base-map tiles; otherwise Leaflet comes from a CDN with
    subresource-integrity hashes. ``options`` are those of :func:`journey_map`.
    """
    page = journey_map(journey, title, **options).get_root().render()
    return _inline_leaflet(page) if self_contained else _with_integrity(page)


def embed_snippet(src: str, title: str, aspect: str = "4:3") -> str:
    """An ``<iframe>`` for a news page: responsive, titled, lazy, keeping the map's aspect ratio."""
    from .errors import InputError

    try:
        w, h = (float(x) for x in aspect.split(":"))
        if not (w > 0 and h > 0):
            raise ValueError
    except ValueError:
        raise InputError(f"--aspect must look like 4:3, not '{aspect}'") from None
    return (f'<div style="position:relative;width:100%;aspect-ratio:{w:g} / {h:g}">'
            f'<iframe src="{safe_text(src)}" title="{safe_text(title)}" loading="lazy" '
            f'referrerpolicy="{REFERRER_POLICY}" allowfullscreen '
            f'style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe></div>')
