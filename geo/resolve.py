"""Stage 2: choose the place each mention refers to, using the document's context.

A mention's candidates are scored by how well the name matched, the place's size,
whether the text names its country, and how close it lies to the rest of the
story. A candidate far from everything else the text talks about loses; when no
candidate is plausible the mention stays unresolved, with the reason, rather than
being guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .model import Candidate, Mention, Place

#: Transliterated names must lie this close to the story's centre (km).
TRANSLIT_MAX_KM = 1500.0
#: A smaller place farther than this from the story, in a country the text does not name, is rejected.
FAR_KM = 3000.0
#: Places at least this big are known far and wide: distance alone does not reject them.
WORLD_CITY = 1_000_000
_QUALITY = {"exact": 1.0, "inflected": 0.9, "transliterated": 0.75}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class StoryContext:
    """What the whole document says about where it is."""

    countries: frozenset[str]
    centre: tuple[float, float] | None  # (lat, lon)
    radius_km: float
    anchors: tuple[Place, ...] = ()

    def distance(self, place: Place) -> float | None:
        """Distance from the story's centre (km)."""
        if self.centre is None:
            return None
        return haversine_km(self.centre[0], self.centre[1], place.lat, place.lon)

    def nearest(self, place: Place) -> float | None:
        """Distance to the nearest other unambiguous place of the story (km)."""
        if not self.anchors:
            return None
        lat = np.array([a.lat for a in self.anchors])
        lon = np.array([a.lon for a in self.anchors])
        d = _km_to(place.lat, place.lon, lat, lon)
        d[np.array([a.source == place.source for a in self.anchors])] = np.inf
        best = float(d.min())
        return None if not math.isfinite(best) else best


def _km_to(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) from one point to many."""
    p1, p2 = math.radians(lat), np.radians(lats)
    h = np.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def _weighted_median(values: list[float], weights: list[float]) -> float:
    order = np.argsort(values)
    v, w = np.asarray(values)[order], np.asarray(weights)[order]
    cum = np.cumsum(w)
    return float(v[np.searchsorted(cum, cum[-1] / 2)])


def story_context(mentions: list[Mention], extra: list[Place] = ()) -> StoryContext:
    """Countries the text names, and the centre and spread of its unambiguous places."""
    countries = set()
    anchors: list[Place] = list(extra)
    for m in mentions:
        exact = [c for c in m.candidates if c.match != "transliterated"]
        if not exact:
            continue
        if all(c.place.feature == "country" for c in exact) and len({c.place.country_code for c in exact}) == 1:
            countries.add(exact[0].place.country_code)
        points = [c for c in exact if not c.place.is_context]
        if len(points) == 1 or (points and _dominant(points)):
            anchors.append(max(points, key=lambda c: c.place.population).place)
    # one anchor per place, weighted by how often the text names it
    counts: dict[str, int] = {}
    unique: dict[str, Place] = {}
    for a in anchors:
        counts[a.source] = counts.get(a.source, 0) + 1
        unique.setdefault(a.source, a)
    places = list(unique.values())
    # an unambiguous place far from all the others, in a country the text does not
    # name, is no anchor: it may be the wrong reading of a name (하산 is not Hassan)
    if places:
        lat = np.array([p.lat for p in places])
        lon = np.array([p.lon for p in places])
        keep = []
        for k, a in enumerate(places):
            d = _km_to(a.lat, a.lon, lat, lon)
            d[k] = np.inf
            if a.country_code in countries or _known_far_and_wide(a) or bool((d <= FAR_KM).any()):
                keep.append(a)
        places = keep
    if not places:
        return StoryContext(frozenset(countries), None, 0.0)
    weights = [counts[p.source] * (1.0 + (p.country_code in countries)) for p in places]
    # the countries of the story's unambiguous places count as named too
    countries |= {p.country_code for p in places if p.country_code}
    centre = (_weighted_median([p.lat for p in places], weights), _weighted_median([p.lon for p in places], weights))
    dists = [haversine_km(centre[0], centre[1], p.lat, p.lon) for p in places]
    return StoryContext(frozenset(countries), centre, _weighted_median(dists, weights), tuple(places))


def _known_far_and_wide(place: Place) -> bool:
    """Big cities and capitals are talked about anywhere: distance alone does not reject them."""
    return place.population >= WORLD_CITY or place.feature == "capital"


def _dominant(cands: list[Candidate]) -> bool:
    """True when one candidate is ten times bigger than all the others together."""
    pops = sorted((c.place.population for c in cands), reverse=True)
    return pops[0] >= 10 * max(1, sum(pops[1:]))


def _score(c: Candidate, ctx: StoryContext) -> float:
    score = _QUALITY.get(c.match, 0.5) * c.similarity
    # size says little about which place a transliterated spelling means
    size_weight = 0.1 if c.match == "transliterated" else 0.3
    score += size_weight * min(1.0, math.log10(c.place.population + 1) / 7)
    if c.place.country_code and c.place.country_code in ctx.countries:
        score += 0.3
    if c.place.is_context and c.match == "exact":
        score += 0.5
    d = ctx.distance(c.place)
    if d is not None and not c.place.is_context:
        score += 0.6 * math.exp(-d / 2000.0)
    return score


def _implausible(c: Candidate, ctx: StoryContext) -> str:
    """Why candidate ``c`` cannot be the place meant, or ``""`` if it can."""
    if c.place.is_context:
        return ""
    d = ctx.distance(c.place)
    if d is None:
        return ""
    where = f"{c.place.name} ({c.place.country_code or '?'}) lies {d:,.0f} km from the places the story is about"
    if c.match == "transliterated" and d > max(TRANSLIT_MAX_KM, 2 * ctx.radius_km):
        return f"no close spelling nearby; {where}"
    near = ctx.nearest(c.place)
    if near is not None and near > FAR_KM and c.place.country_code not in ctx.countries and not _known_far_and_wide(c.place):
        return f"{where}, {near:,.0f} km from the nearest of them, in a country it does not name"
    return ""


def resolve(mentions: list[Mention], extra_context: list[Place] = ()) -> StoryContext:
    """Resolve every mention in place; return the story context used.

    Each mention gets ``place``, ``match`` and ``confidence``, or stays unresolved
    with ``reason`` set.
    """
    ctx = story_context(mentions, list(extra_context))
    judged: dict[Candidate, tuple[float, str]] = {}  # a name repeated is judged once

    def judge(c: Candidate) -> tuple[float, str]:
        if c not in judged:
            judged[c] = (_score(c, ctx), _implausible(c, ctx))
        return judged[c]

    for m in mentions:
        scored = sorted(((judge(c)[0], c) for c in m.candidates), key=lambda t: (-t[0], t[1].place.source))
        plausible = [(s, c) for s, c in scored if not judge(c)[1]]
        if not plausible:
            m.place = None
            m.confidence = 0.0
            m.reason = judge(scored[0][1])[1] if scored else "not in the gazetteer"
            continue
        best_score, best = plausible[0]
        runner_up = plausible[1][0] if len(plausible) > 1 else 0.0
        margin = (best_score - runner_up) / best_score if best_score > 0 else 0.0
        m.place, m.match = best.place, best.match
        m.confidence = round(min(1.0, _QUALITY.get(best.match, 0.5) * best.similarity * (0.6 + 0.4 * margin)), 2)
        m.reason = ""
    return ctx
