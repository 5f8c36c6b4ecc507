"""The Python API for notebooks and scripts: journeys as GeoDataFrames, maps, exports, an offline geocoder.

>>> import geo
>>> j = geo.read_journey("assets/examples/kim-russia-2023.hi.txt", rail="none")  # doctest: +SKIP
>>> j.stops[["order", "name", "role", "geometry"]]  # doctest: +SKIP
>>> j  # in Jupyter: the map, inline  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Sequence

from .model import Journey as JourneyData

_LIST_COLUMNS = ("assumptions", "via", "bridged_gaps")


class Journey:
    """A journey read from an article: stops and legs as GeoDataFrames (EPSG:4326).

    Attributes
    ----------
    stops : geopandas.GeoDataFrame
        One Point per stop, in travelled order, with the CLI GeoJSON's properties.
    legs : geopandas.GeoDataFrame
        One LineString per leg, with the CLI GeoJSON's properties.
    unresolved : list of dict
        Place mentions that could not be placed, and why.
    data : geo.model.Journey
        The pipeline's own record (mentions, evidence, warnings).
    """

    def __init__(self, data: JourneyData, title: str | None = None) -> None:
        import geopandas as gpd

        from .export import journey_geojson

        self.data = data
        self.title = title
        fc = journey_geojson(data)
        stops = [f for f in fc["features"] if f["properties"]["kind"] == "stop"]
        legs = [f for f in fc["features"] if f["properties"]["kind"] == "leg"]
        self.stops = gpd.GeoDataFrame.from_features(stops, crs="EPSG:4326") if stops else \
            gpd.GeoDataFrame({"order": []}, geometry=[], crs="EPSG:4326")
        self.legs = gpd.GeoDataFrame.from_features(legs, crs="EPSG:4326") if legs else \
            gpd.GeoDataFrame({"from_order": []}, geometry=[], crs="EPSG:4326")
        self.unresolved = data.unresolved
        self.warnings = data.warnings

    def __repr__(self) -> str:
        names = " → ".join(self.stops["name"]) if len(self.stops) else "no stops"
        return f"<geo.Journey {names}: {len(self.legs)} legs, {len(self.unresolved)} unresolved>"

    def to_geojson(self) -> dict[str, Any]:
        """The CLI's GeoJSON FeatureCollection, as a dict."""
        from .export import journey_geojson

        return journey_geojson(self.data)

    def to_map(self, **options: Any):
        """A folium Map of the journey, to extend with your own layers (options as for ``to_html``)."""
        from .render import journey_map

        return journey_map(self.data, options.pop("title", self.title), **options)

    def to_html(self, path: str | Path | None = None, *, self_contained: bool = False, **options: Any) -> str:
        """The map page (the same page ``geojourney map`` writes); written to ``path`` when given."""
        from .render import render_html

        page = render_html(self.data, options.pop("title", self.title), self_contained=self_contained, **options)
        if path is not None:
            from .cache import atomic_write_bytes

            atomic_write_bytes(Path(path), page.encode("utf-8"))
        return page

    def _repr_html_(self) -> str:
        # a self-contained page in an iframe: no scripts in the notebook itself, so no "trust" needed
        page = self.to_html(self_contained=True)
        return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:520px;border:0" '
                f'title="{html.escape(self.title or "Journey map", quote=True)}"></iframe>')

    def export(self, fmt: str) -> str:
        """The journey as ``geojson``, ``csv``, ``gpx``, ``kml`` or ``toml`` text."""
        from .export import export_text

        return export_text(self.data, fmt, self.title)

    def to_file(self, path: str | Path) -> None:
        """Write the stops and legs as layers ``stops`` and ``legs`` of a GeoPackage (``.gpkg``), or as two
        GeoParquet files (``PATH.stops.parquet``, ``PATH.legs.parquet``) for a ``.parquet`` path."""
        path = Path(path)
        frames = {"stops": _flat(self.stops), "legs": _flat(self.legs)}
        if path.suffix == ".parquet":
            for name, frame in frames.items():
                frame.to_parquet(path.with_suffix(f".{name}.parquet"))
        else:
            for name, frame in frames.items():
                frame.to_file(path, layer=name, driver="GPKG")


def _flat(frame):
    """List-valued columns as JSON text, for formats without lists."""
    out = frame.copy()
    for col in out.columns:
        if col in _LIST_COLUMNS or out[col].map(lambda v: isinstance(v, (list, dict))).any():
            out[col] = out[col].map(lambda v: json.dumps(v, ensure_ascii=False))
    return out


def read_journey(
    text_or_path: str | Path,
    *,
    rail: str | None = None,
    gazetteers: Sequence[str | Path] = (),
    stops: Sequence[str] | None = None,
    via: Sequence[str] | None = None,
    date: str | None = None,
    title: str | None = None,
    gazetteer=None,
    online: bool = False,
    user_agent: str | None = None,
    lang: str | None = None,
) -> Journey:
    """Read the journey an article describes.

    Parameters
    ----------
    text_or_path : str or path-like
        The article's text, or the path of a UTF-8 text file (a journey ``.toml`` file is read as such).
    rail, gazetteers, stops, via, date, lang
        As for the command line (``--rail``, ``--gazetteer``, ``--stops``, ``--via``, ``--date``, ``--lang``).
    title : str, optional
        The map's title.
    online : bool
        Look up the places the offline gazetteer cannot place on Nominatim (cached, one
        request per second), identifying yourself with ``user_agent``.
    gazetteer : geo.Gazetteer, optional
        A gazetteer already loaded (batch work).

    Returns
    -------
    Journey
    """
    from .pipeline import build_journey, journey_from_file, read_article

    as_path = Path(text_or_path) if isinstance(text_or_path, Path) or (
        isinstance(text_or_path, str) and "\n" not in text_or_path and len(text_or_path) < 1024
        and Path(text_or_path).is_file()) else None
    if as_path is not None and as_path.suffix == ".toml":
        data, file_title = journey_from_file(as_path, rail=rail, via=via, gazetteers=gazetteers)
        return Journey(data, title or file_title)
    text = read_article(as_path) if as_path is not None else str(text_or_path)
    data = build_journey(text, rail=rail, gazetteers=gazetteers, stops=stops, via=via, date=date, gazetteer=gazetteer,
                         online=online, user_agent=user_agent, lang=lang)
    return Journey(data, title)


class OfflineGeocoder:
    """A geocoder over the embedded gazetteer that follows geopy's ``Geocoder`` interface.

    ``geocode(query, exactly_one=True)`` returns a ``geopy.location.Location`` (or a
    list of them, best first; ``None`` when nothing matches), so it drops into code
    written for geopy's online geocoders. Names in any script are found; ``context``
    (other place names, e.g. the article's) helps choose among places of one name.
    The first is the place the pipeline chooses, where it puts it, and its ``raw``
    holds its ``confidence`` (the others': None).
    """

    def __init__(self, gazetteers: Sequence[str | Path] = (), gazetteer=None) -> None:
        from .gazetteer import Gazetteer

        self.gazetteer = gazetteer or Gazetteer(list(gazetteers))

    def geocode(self, query: str, exactly_one: bool = True, timeout: float | None = None,
                context: Sequence[str] = (), limit: int | None = None):
        """Places called ``query``: the best as a Location, or all (``exactly_one=False``) best first."""
        from geopy.location import Location

        from .mentions import find_mentions, whole_text_mention
        from .resolve import ranked_candidates, resolve, story_context

        if not isinstance(query, str) or not query.strip():
            return None if exactly_one else []
        # the query is a name as a whole, else the longest name in it
        m = whole_text_mention(query.strip(), self.gazetteer)
        if m is None:
            found = find_mentions(query, self.gazetteer)
            if not found:
                return None if exactly_one else []
            m = max(found, key=lambda x: x.end - x.start)
        others = [x for name in context for x in find_mentions(name, self.gazetteer)]
        resolve(others)
        extra = [x.place for x in others if x.place is not None]
        resolve([m], extra)
        ctx = story_context([m], extra)
        ranked = [(c.place, c.match) for _, _, c in ranked_candidates(m, ctx)]
        if m.place is not None:  # the place chosen first, where the pipeline puts it (an area at its usual point;
            # a name no gazetteer has where the annotators put it), with its confidence
            ranked = [(m.place, m.match)] + [(p, match) for p, match in ranked if p.source != m.place.source]
        locations = [Location(f"{p.name}, {p.country_code}".rstrip(", "), (p.lat, p.lon),
                              {"source": p.source, "name": p.name, "country_code": p.country_code,
                               "feature": p.feature, "population": p.population, "match": match,
                               "confidence": m.confidence if k == 0 and m.place is not None else None})
                     for k, (p, match) in enumerate(ranked)]
        if exactly_one:
            return locations[0] if m.place is not None else None
        return locations[:limit] if limit else locations

    def reverse(self, query, exactly_one: bool = True, timeout: float | None = None):
        raise NotImplementedError("OfflineGeocoder does not reverse-geocode")
