"""geojourney: turn a news report into a faithful, interactive map of the journey it describes.

>>> import geo
>>> journey = geo.build_journey(open("article.txt").read(), rail="naturalearth")  # doctest: +SKIP
>>> geo.render_html(journey)  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import DataError, GeojourneyError, InputError
from .gazetteer import Gazetteer
from .model import Journey, Leg, Mention, Place, Stop
from .pipeline import build_journey, place_mentions, read_article

__all__ = [
    "DataError", "GeojourneyError", "InputError", "Gazetteer", "Journey", "Leg", "Mention", "Place", "Stop",
    "build_journey", "place_mentions", "read_article", "render_html", "journey_map", "journey_geojson",
    "read_journey", "OfflineGeocoder",
]


def __getattr__(name: str):
    # the map and export stages import folium and friends: load them only when asked
    if name in {"render_html", "journey_map"}:
        from . import render

        return getattr(render, name)
    if name in {"read_journey", "OfflineGeocoder"}:
        from . import api

        return getattr(api, name)
    if name == "journey_geojson":
        from .export import journey_geojson

        return journey_geojson
    raise AttributeError(name)
