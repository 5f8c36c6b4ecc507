"""Stage 5: the interactive Leaflet map (through folium).

Every piece of text that reaches the page (place names, mentions, sentences,
the title, file names) goes through :func:`safe_text`, which escapes it for HTML
and for the JavaScript template literals folium wraps popups and tooltips in.
Element ids are numbered in build order, so the same journey gives the same page.
"""

from __future__ import annotations

import html
from collections import OrderedDict

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from .model import Journey, Leg, Stop

LEAFLET_JS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
MODE_STYLE = {
    "rail": {"color": "#b3261e", "weight": 4, "opacity": 0.9},
    "direct": {"color": "#5f6368", "weight": 3, "opacity": 0.9, "dash_array": "8 8"},
}
MODE_LABEL = {"rail": "by rail", "direct": "straight line (not routed)"}
_JS_SAFE = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;", "\u2028": "&#8232;", "\u2029": "&#8233;",
                          "{": "&#123;", "}": "&#125;"})


def safe_text(text: object) -> str:
    """Escape ``text`` for HTML, attributes and JavaScript template literals alike."""
    return html.escape(str(text), quote=True).translate(_JS_SAFE)


def _sentence_html(journey: Journey, stop: Stop) -> str:
    m = stop.mention
    lo, hi = m.sentence_start, m.sentence_end
    before, after = journey.text[lo:m.start], journey.text[m.end:hi]
    if len(before) > 160:
        before = "…" + before[-160:]
    if len(after) > 160:
        after = after[:160] + "…"
    return f"{safe_text(before)}<mark>{safe_text(m.text)}</mark>{safe_text(after)}"


def _popup_html(journey: Journey, stop: Stop) -> str:
    p = stop.place
    rows = [
        f"<strong>{stop.order}. {safe_text(p.name)}</strong>",
        f"<div>In the text: “{safe_text(stop.mention.text)}”</div>",
        f"<blockquote>{_sentence_html(journey, stop)}</blockquote>",
        f"<div class='gj-meta'>{safe_text(p.source)} · {safe_text(stop.role)} · confidence {stop.confidence:.2f}</div>",
    ]
    return f"<div class='gj-popup' lang=''>{''.join(rows)}</div>"


def _leg_label(leg: Leg) -> str:
    text = f"{leg.from_order} → {leg.to_order}: {MODE_LABEL.get(leg.mode, leg.mode)}, {leg.length_km:,.0f} km"
    if leg.note:
        text += f" ({leg.note})"
    if leg.bridges:
        text += f"; crosses {leg.bridges} gap(s) in the rail data"
    return safe_text(text)


_CSS = """
<style>
.gj-stop{background:#b3261e;color:#fff;border:2px solid #fff;border-radius:50%;width:26px;height:26px;
 line-height:22px;text-align:center;font:bold 13px/22px system-ui,sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.5)}
.gj-panel{position:absolute;z-index:1000;background:rgba(255,255,255,.94);padding:8px 12px;border-radius:6px;
 box-shadow:0 1px 5px rgba(0,0,0,.3);font:13px/1.4 system-ui,sans-serif;color:#202124;max-width:45%}
.gj-title{top:10px;left:50px}.gj-title h1{font-size:16px;margin:0}
.gj-legend{bottom:44px;right:10px}
.gj-legend i{display:inline-block;width:28px;height:0;border-top:4px solid #b3261e;vertical-align:middle;margin-right:6px}
.gj-legend i.direct{border-top:3px dashed #5f6368}.gj-legend i.context{border-top:2px solid #9aa0a6}
.gj-popup blockquote{margin:6px 0;padding-left:8px;border-left:3px solid #ddd;color:#3c4043}
.gj-meta{color:#5f6368;font-size:11px}
.gj-unresolved{color:#5f6368;font-size:12px}
</style>
"""


class _Bind(MacroElement):
    """Binds a popup or tooltip to its parent layer, its HTML passed as a JSON string.

    Jinja's ``tojson`` escapes ``<``, ``>``, ``&`` and quotes, so no text can close
    the script or break out of the string; the HTML itself is escaped text already.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.{{ this.method }}({{ this.content|tojson }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, method: str, content: str, **options: object) -> None:
        super().__init__()
        self._name = method
        self.method, self.content, self.options = method, content, options


class _Attribution(MacroElement):
    """Adds data credits to the map's attribution control."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{% for a in this.credits %}{{ this._parent.get_name() }}.attributionControl.addAttribution({{ a|tojson }});"
        "{% endfor %}{% endmacro %}"
    )

    def __init__(self, credits: list[str]) -> None:
        super().__init__()
        self._name = "Attribution"
        self.credits = credits


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
    simplified = shapely.simplify(clipped, 0.01 if (n - s) > 5 else 0.002)
    return [g for g in simplified if not g.is_empty]


def journey_map(journey: Journey, title: str | None = None) -> folium.Map:
    """The journey as a folium Map (add your own layers to it)."""
    points = [[lat, lon] for leg in journey.legs for lon, lat in leg.coordinates]
    points += [[s.place.lat, s.place.lon] for s in journey.stops]
    if not points:
        points = [[m.place.lat, m.place.lon] for m in journey.mentions if m.place is not None] or [[0.0, 0.0]]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]

    m = folium.Map(tiles=None, control_scale=True, location=[(bounds[0][0] + bounds[1][0]) / 2,
                                                               (bounds[0][1] + bounds[1][1]) / 2], zoom_start=5)
    # Leaflet is all the page needs: no jQuery, Bootstrap or Font Awesome.
    m.default_js = [("leaflet", LEAFLET_JS_URL)]
    m.default_css = [("leaflet_css", LEAFLET_CSS_URL)]
    folium.TileLayer("CartoDB positron", name="Base map").add_to(m)

    context = _context_lines(journey, bounds)
    if context:
        import shapely

        folium.GeoJson(
            shapely.to_geojson(shapely.GeometryCollection(context)),
            name="Rail lines",
            style_function=lambda _f: {"color": "#9aa0a6", "weight": 1.5, "opacity": 0.8},
            interactive=False,
        ).add_to(m)

    for leg in journey.legs:
        style = MODE_STYLE.get(leg.mode, MODE_STYLE["direct"])
        line = folium.PolyLine([(lat, lon) for lon, lat in leg.coordinates], **style).add_to(m)
        line.add_child(_Bind("bindTooltip", _leg_label(leg), sticky=True))

    for stop in journey.stops:
        icon = folium.DivIcon(html=f"<div class='gj-stop' title='{stop.order}. {safe_text(stop.place.name)}'>{stop.order}</div>",
                              icon_size=(26, 26), icon_anchor=(13, 13))
        marker = folium.Marker([stop.place.lat, stop.place.lon], icon=icon,
                               title=f"{stop.order}. {stop.place.name}", alt=f"Stop {stop.order}: {stop.place.name}")
        marker.add_to(m)
        marker.add_child(_Bind("bindPopup", _popup_html(journey, stop), maxWidth=320))
        marker.add_child(_Bind("bindTooltip", f"{stop.order}. {safe_text(stop.place.name)}", direction="top"))

    root = m.get_root()
    root.header.add_child(Element(_CSS))
    heading = safe_text(title or _default_title(journey))
    legend = ["<div class='gj-panel gj-legend' role='region' aria-label='Legend'>"]
    for mode in sorted({leg.mode for leg in journey.legs}):
        legend.append(f"<div><i class='{mode}'></i>{safe_text(MODE_LABEL.get(mode, mode))}</div>")
    if context:
        legend.append("<div><i class='context'></i>rail lines</div>")
    if journey.unresolved:
        names = ", ".join(safe_text(u["mention"]) for u in journey.unresolved)
        legend.append(f"<div class='gj-unresolved'>Not placed: {names}</div>")
    legend.append("</div>")
    root.html.add_child(Element(f"<div class='gj-panel gj-title'><h1>{heading}</h1></div>" + "".join(legend)))

    credits = [safe_text(a) if not a.startswith(("Places: <a", "Rail: <a")) else a
               for a in (*journey.gazetteer_attributions, journey.rail_attribution) if a]
    m.add_child(_Attribution(credits))
    m.fit_bounds(bounds, padding=(30, 30))
    _stable_ids(root)
    return m


def _default_title(journey: Journey) -> str:
    if not journey.stops:
        return "Journey"
    return " → ".join(s.place.name for s in journey.stops)


def _inline_leaflet(page: str) -> str:
    """Put Leaflet's JavaScript and CSS (from the pinned ``xstatic-leaflet`` package) into the page."""
    from pathlib import Path

    import xstatic.pkg.leaflet as xleaflet

    base = Path(xleaflet.BASE_DIR)
    js = (base / "leaflet.js").read_text("utf-8").replace("</script", "<\\/script")
    css = (base / "leaflet.css").read_text("utf-8").replace("</style", "<\\/style")
    page = page.replace(f'<script src="{LEAFLET_JS_URL}"></script>', f"<script>{js}</script>")
    page = page.replace(f'<link rel="stylesheet" href="{LEAFLET_CSS_URL}"/>', f"<style>{css}</style>")
    return page


def render_html(journey: Journey, title: str | None = None, *, self_contained: bool = False) -> str:
    """The map page as HTML text.

    With ``self_contained`` the page carries Leaflet itself and needs the network
    only for base-map tiles.
    """
    page = journey_map(journey, title).get_root().render()
    return _inline_leaflet(page) if self_contained else page
