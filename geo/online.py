"""Online geocoding when asked (``--online``): only the mentions the offline gazetteer could not place, and those
placed only where annotated corpora put them (``geo.resolve.annotated_place``), which an answer replaces.

Queries go to a geopy geocoder (Nominatim by default, with the user agent its usage
policy requires), at most one per second through geopy's ``RateLimiter``, and every
answer -- found or not -- is kept in a SQLite cache in the user's cache directory,
so no query is ever sent twice. Timeouts, refusals (429), server errors and
malformed answers leave the mention unresolved, with a warning; an answer far from
everything else the story is about is not taken either.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import __version__
from .cache import cache_dir
from .model import Mention, Place
from .resolve import FAR_KM, haversine_km

NOMINATIM = "https://nominatim.openstreetmap.org"
DEFAULT_USER_AGENT = f"geojourney/{__version__} (news journey maps)"


@dataclass
class OnlineResult:
    resolved: int
    asked: int
    warnings: list[str]


class _Cache:
    def __init__(self, service: str) -> None:
        self.db = sqlite3.connect(cache_dir() / "online-geocoding.sqlite", timeout=30)
        self.db.execute("CREATE TABLE IF NOT EXISTS answers (service TEXT, query TEXT, answer TEXT, "
                        "PRIMARY KEY (service, query))")
        self.service = service

    def get(self, query: str) -> tuple[bool, dict | None]:
        row = self.db.execute("SELECT answer FROM answers WHERE service = ? AND query = ?",
                              (self.service, query)).fetchone()
        return (False, None) if row is None else (True, json.loads(row[0]))

    def put(self, query: str, answer: dict | None) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                            (self.service, query, json.dumps(answer, ensure_ascii=False)))


def _nominatim(user_agent: str, url: str | None):
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    parts = urlsplit(url or os.environ.get("GEOJOURNEY_NOMINATIM_URL") or NOMINATIM)
    geocoder = Nominatim(user_agent=user_agent, domain=parts.netloc + parts.path.rstrip("/"),
                         scheme=parts.scheme or "https", timeout=float(os.environ.get("GEOJOURNEY_ONLINE_TIMEOUT", 10)))
    return f"nominatim:{parts.netloc}", RateLimiter(geocoder.geocode, min_delay_seconds=1.0, max_retries=0,
                                                     swallow_exceptions=False)


def resolve_online(mentions: list[Mention], user_agent: str | None = None, url: str | None = None) -> OnlineResult:
    """Place the unresolved mentions with the online geocoder, in the story's context."""
    from geopy.exc import GeopyError

    todo: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.place is None or m.match == "annotated":  # no gazetteer has the place: the geocoder's, if it knows it
            todo.setdefault(m.text.strip(), []).append(m)
    if not todo:
        return OnlineResult(0, 0, [])
    service, geocode = _nominatim(user_agent or DEFAULT_USER_AGENT, url)
    cache = _Cache(service)
    anchors = [m.place for m in mentions if m.place is not None and not m.place.is_context and m.match != "annotated"]
    warnings: list[str] = []
    asked = resolved = 0
    for query, ms in sorted(todo.items()):
        known, answer = cache.get(query)
        if not known:
            asked += 1
            try:
                loc = geocode(query, exactly_one=True)
                answer = None if loc is None else {"lat": float(loc.latitude), "lon": float(loc.longitude),
                                                   "name": str(loc.address).split(",")[0].strip() or query,
                                                   "raw": {k: loc.raw.get(k) for k in ("osm_type", "osm_id", "class",
                                                                                         "type", "importance")}}
                cache.put(query, answer)  # an answer, found or not: never asked again
            except (GeopyError, ValueError, TypeError, KeyError, AttributeError, OSError) as exc:
                warnings.append(f"online geocoding of '{query}' failed ({exc.__class__.__name__}); left unresolved")
                continue  # not cached: a later run may try again
        if not answer:
            continue
        try:
            lat, lon = float(answer["lat"]), float(answer["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        if anchors and min(haversine_km(a.lat, a.lon, lat, lon) for a in anchors) > FAR_KM:
            for m in ms:
                if m.place is None:  # one placed where the annotators put it stays there
                    m.reason = f"{m.reason}; online: {answer['name']} lies far from the places the story is about"
            continue
        raw = answer.get("raw") or {}
        place = Place(f"{service}:{raw.get('osm_type') or 'place'}/{raw.get('osm_id') or query}", answer["name"],
                      lat, lon, "", "city")
        for m in ms:
            m.place, m.match, m.confidence, m.reason = place, "online", 0.6, ""
        resolved += 1
    return OnlineResult(resolved, asked, warnings)
