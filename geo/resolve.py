"""Stage 2: choose the place each mention refers to, using the document's context.

A mention's candidates are scored by how well the name matched, the place's size and
kind, whether the text names its country, and how close it lies to the rest of the
story, weighed by a conditional logit fitted on annotated corpora
(``python -m geo.train resolver``); ``probability`` is its probability for the place
chosen among the plausible candidates, and ``confidence`` that probability calibrated: the
chance that the place is the one meant, learned from the resolver's choices in documents
its weights were not fitted on. A candidate far from everything else the text talks about
loses; when no candidate is plausible the mention stays unresolved, with the reason, rather
than being guessed.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, NamedTuple

import numpy as np
import regex

from .errors import DataError
from .model import Candidate, Mention, Place
from .text import (area_words, country_name, designators, every_languages_words, name_key, prefix_variants, romanize,
                   script_of, script_words, skeleton, word_zipf)

#: Transliterated names must lie this close to the story's centre (km).
TRANSLIT_MAX_KM = 1500.0
#: A smaller place farther than this from the story, in a country the text does not name, is rejected.
FAR_KM = 3000.0
#: ... unless it lies this near (km) a capital or a city of a million that another name of the text may mean: a town
#: named beside a city lies by it ("partita da Ciampino" in a report from "ROMA").
BESIDE_A_CITY_KM = 30.0
#: Places at least this big are known far and wide: distance alone does not reject them ...
WORLD_CITY = 1_000_000
#: ... nor towns this big that the text calls by their own name (Delft, Bolton: news from anywhere
#: names them; but 하산, Khasan, is not Hassan in India, whose Korean name it also is).
KNOWN_TOWN = 100_000
#: A transliterated name of this many consonants or more is no chance likeness (``_implausible``) ...
LONG_SKELETON = 6
#: ... nor one spelled the same, vowels and all (दानदोंग, "daanadong", and Dandong: 1.0; Dundong 0.857).
SAME_SPELLING = 0.95
#: A name said alone, in a text that also names an area by the name and a word for its kind ("Suffolk", "Suffolk
#: County"), is that area unless the town it was taken for lies this close to it (km): a town in the county.
SHORT_FOR_AREA_KM = 50.0
#: A one-word name this common as an English word is that word, not a town of fewer than KNOWN_TOWN people that has
#: it only among its other names ("Tsunami": Tsuha, Japan; "Passover": Mountain City, Georgia; "Lake": Uniontown).
EVERYDAY_OTHER_NAME_ZIPF = 3.0
#: ... and an Arabic one this common, Arabic writing many a place's name as often as a word ("زيارة دولة", a state
#: visit: not Dolle, Germany, whose Arabic name دولة is; Riyadh, الرياض, is 5.1).
EVERYDAY_ARABIC_NAME_ZIPF = 5.3
#: ... and a Russian one this common ("Совета Министров", of the Council of Ministers: not Sovet, Tajikistan, whose
#: Russian name is Совет).
EVERYDAY_CYRILLIC_NAME_ZIPF = 5.0
#: A town of the gazetteer this near where the annotators put its name is the place they meant (km): a name they
#: put farther from every place of it the gazetteer has is theirs where the story favours it (``annotated_place``).
FAR_FROM_ANNOTATED_KM = 161.0
#: The confidence of a name placed where the training corpora's annotators put it (``annotated_place``).
ANNOTATED_CONFIDENCE = 0.9
#: The names of the corpora the shipped resolver learns from, by file (``annotated_credit``).
_CORPUS_NAMES = {"geowebnews": "GeoWebNews", "lgl": "LGL", "geocorpora": "GeoCorpora", "idrisi": "IDRISI"}
_QUALITY = {"exact": 1.0, "inflected": 0.9, "transliterated": 0.75, "misread": 0.75, "partial": 0.6}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class StoryContext:
    """What the whole document says about where it is."""

    countries: frozenset[str]
    centre: tuple[float, float] | None  # (lat, lon)
    radius_km: float
    anchors: tuple[Place, ...] = ()
    #: every place each name of the text may mean, countries and continents aside: (name key, place)
    readings: tuple[tuple[str, Place], ...] = ()
    #: the first-level regions the text names unambiguously, with the name key that names each: (code, name key)
    regions: tuple[tuple[str, str], ...] = ()
    #: the countries named only by names whose readings all lie in them, with those names: (code, name key)
    named_by_readings: tuple[tuple[str, str], ...] = ()
    # distances worked out so far: to the nearest anchor by place, to the nearest other reading by (place, name)
    _nearest_found: dict[str, float | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    _readings_found: dict[tuple[str, str], float | None] = field(default_factory=dict, init=False, repr=False,
                                                                 compare=False)

    def names_country(self, code: str, said: str | None = None) -> bool:
        """True when the text names country ``code`` by a name other than ``said`` (a name key): a name whose readings
        all lie in one country names it for the other names of the text, not for itself ("奥克兰", all of whose
        readings are towns called Oakland, does not make Oakland, California, the place it means)."""
        if not code or code not in self.countries:
            return False
        by = self._readings_naming.get(code)
        return not by or bool(by - {said})

    @cached_property
    def _readings_naming(self) -> dict[str, frozenset[str]]:
        """The name keys of ``named_by_readings``, by country."""
        out: dict[str, set[str]] = {}
        for code, key in self.named_by_readings:
            out.setdefault(code, set()).add(key)
        return {code: frozenset(keys) for code, keys in out.items()}

    def in_named_region(self, place: Place, said: str) -> bool:
        """True when ``place`` lies in (or is) a first-level region that a name of the text other than ``said``
        names ("Perry County" in a story that names Kentucky)."""
        state = place.state_code
        return bool(state) and any(code == state and key != said for code, key in self.regions)

    def distance(self, place: Place) -> float | None:
        """Distance from the story's centre (km)."""
        if self.centre is None:
            return None
        return haversine_km(self.centre[0], self.centre[1], place.lat, place.lon)

    @cached_property
    def _codes(self) -> dict[str, int]:
        """A number for each place and each name among the anchors and the readings (arrays compare numbers
        faster than strings)."""
        codes: dict[str, int] = {}
        for text in [a.source for a in self.anchors] + [x for k, p in self.readings for x in (k, p.source)]:
            codes.setdefault(text, len(codes))
        return codes

    @cached_property
    def _anchor_points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        codes = self._codes
        return (np.array([a.lat for a in self.anchors]), np.array([a.lon for a in self.anchors]),
                np.array([codes[a.source] for a in self.anchors]))

    @cached_property
    def _reading_points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        codes = self._codes
        return (np.array([p.lat for _, p in self.readings]), np.array([p.lon for _, p in self.readings]),
                np.array([codes[k] for k, _ in self.readings]), np.array([codes[p.source] for _, p in self.readings]))

    def nearest_reading(self, place: Place, name: str) -> float | None:
        """Distance to the nearest place another name of the text may mean (km): places named
        together lie together ("Athens" and "Henderson County": Athens, Texas)."""
        if not self.readings:
            return None
        if (place.source, name) not in self._readings_found:
            self.measure([place], [name])
        return self._readings_found[(place.source, name)]

    def nearest(self, place: Place) -> float | None:
        """Distance to the nearest other unambiguous place of the story (km)."""
        if not self.anchors:
            return None
        if place.source not in self._nearest_found:
            self.measure([place])
        return self._nearest_found[place.source]

    @cached_property
    def _big_readings(self) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
        """The points of the readings that are capitals or cities of ``WORLD_CITY`` (``_known_far_and_wide``), and the
        name key of each."""
        big = [(k, p) for k, p in self.readings if _known_far_and_wide(p)]
        return (np.array([p.lat for _, p in big]), np.array([p.lon for _, p in big]), tuple(k for k, _ in big))

    def near_a_big_reading(self, place: Place, said: str | None, km: float) -> bool:
        """True when ``place`` lies within ``km`` of a capital or a city of a million that another name of the text
        than ``said`` may mean ("Ciampino" beside "Roma", though Rome, of two readings of a size, anchors nothing)."""
        lat, lon, names = self._big_readings
        if not len(lat):
            return False
        d = _km_to(place.lat, place.lon, lat, lon)
        return any(dist <= km and name != said for dist, name in zip(d.tolist(), names))

    def measure(self, places: list[Place], names: list[str] | None = None) -> None:
        """Work out ``nearest`` for many places at once, and ``nearest_reading`` for each place of ``places``
        as a mention of the name beside it in ``names``: array operations, not one per place (``resolve``
        measures all the candidates of a text at once)."""
        codes = self._codes
        todo = list({p.source: p for p in places if p.source not in self._nearest_found}.values())
        if todo and self.anchors:
            lat, lon, sources = self._anchor_points
            for p, d in zip(todo, _nearest_km(todo, [codes.get(p.source, -1) for p in todo], lat, lon, sources)):
                self._nearest_found[p.source] = d
        if names is None or not self.readings:
            return
        pairs = list({(p.source, n): (p, n) for p, n in zip(places, names)
                      if (p.source, n) not in self._readings_found}.values())
        lat, lon, reading_names, sources = self._reading_points
        rows = max(1, _MEASURED_AT_ONCE // len(lat))
        for k in range(0, len(pairs), rows):
            part = pairs[k:k + rows]
            said = np.array([codes.get(n, -1) for _, n in part])
            todo = [p for p, _ in part]
            found = _nearest_km(todo, [codes.get(p.source, -1) for p in todo], lat, lon, sources,
                                said[:, None] == reading_names[None, :])
            for (p, n), d in zip(part, found):
                self._readings_found[(p.source, n)] = d


#: The most distances worked out in one array (8 bytes each).
_MEASURED_AT_ONCE = 1_000_000


def _nearest_km(places: list[Place], own: list[int], lat: np.ndarray, lon: np.ndarray, sources: np.ndarray,
                skip: np.ndarray | None = None) -> list[float | None]:
    """For each place, the distance (km) to the nearest of the points (lat, lon) that is not the place
    itself (``own``, the places' codes, equal to the points' ``sources``) nor marked in ``skip`` (places x
    points); None when there is none."""
    d = _km_to(np.array([p.lat for p in places])[:, None], np.array([p.lon for p in places])[:, None], lat, lon)
    d[np.array(own)[:, None] == sources[None, :]] = np.inf
    if skip is not None:
        d[skip] = np.inf
    return [best if math.isfinite(best) else None for best in d.min(axis=1).tolist()]


def _km_to(lat: float | np.ndarray, lon: float | np.ndarray, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) from one point to many (or, broadcast, from many to many)."""
    p1, p2 = np.radians(lat), np.radians(lats)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def _weighted_median(values: list[float], weights: list[float]) -> float:
    order = np.argsort(values)
    v, w = np.asarray(values)[order], np.asarray(weights)[order]
    cum = np.cumsum(w)
    return float(v[np.searchsorted(cum, cum[-1] / 2)])


def story_context(mentions: list[Mention], extra: list[Place] = ()) -> StoryContext:
    """Countries the text names, and the centre and spread of its unambiguous places."""
    countries = set()
    dwarfing: set[str] = set()  # countries named by a name that towns far smaller also have
    anchors: list[Place] = list(extra)
    sure: set[str] = {a.source for a in extra}  # places that are the only reading of their name
    own: set[str] = {a.source for a in extra}  # ... and of those, the ones called by their own name, not another
    readings: dict[tuple[str, str], Place] = {}
    regions: set[tuple[str, str]] = set()
    by_readings: set[tuple[str, str]] = set()  # (country, the name key whose readings all lie in it)
    for m in mentions:
        exact = [c for c in m.candidates if c.match not in ("transliterated", "misread")]
        if not exact:
            continue
        said = name_key(m.text)
        readings.update({(said, c.place.source): c.place for c in exact
                         if c.place.feature not in ("country", "continent")})
        if all(c.place.feature == "country" for c in exact) and len({c.place.country_code for c in exact}) == 1:
            countries.add(exact[0].place.country_code)
        elif (biggest := max(exact, key=lambda c: c.place.population)).place.feature == "country" and _dominant(exact):
            dwarfing.add(biggest.place.country_code)  # "Russia", though Russia, Ohio, has it (to judge anchors by)
        # a region locates the story as a town does ("Texas"), unless a town of its name dwarfs it;
        # a name that is a country's is that country first: towns of its name elsewhere (the town
        # of Greece in New York state) are no anchor
        points = [c for c in exact if c.place.feature not in ("country", "continent")]
        named = {c.place.country_code for c in exact if c.place.feature == "country"}
        if named:
            points = [c for c in points if c.place.feature == "region" or c.place.country_code in named]
        if any(c.place.feature == "continent" for c in exact):  # nor is a town of a world region's name
            points = [c for c in points if c.place.feature == "region"]  # (Middle East, Maryland)
        # readings all in one country name it, though none of them is sure ("重庆": Chongqing, the city and the
        # municipality)
        if len(points) > 1 and not named and len({c.place.country_code for c in points}) == 1 \
                and max(c.place.population for c in points) >= KNOWN_TOWN:
            by_readings.add((points[0].place.country_code, said))
        if len(points) == 1 or (points and _dominant(points) and not _a_capital_by_its_own_name_too(points, m.text)):
            anchor = max(points, key=lambda c: c.place.population).place
            anchors.append(anchor)
            if len(points) == 1:
                sure.add(anchor.source)
                if own_name(anchor, m.text):
                    own.add(anchor.source)
            if anchor.feature == "region":
                countries.add(anchor.country_code)
                if anchor.is_state:  # a state or province, not a county
                    regions.add((anchor.admin_code, said))
    # one anchor per place, weighted by how often the text names it
    counts: dict[str, int] = {}
    unique: dict[str, Place] = {}
    for a in anchors:
        counts[a.source] = counts.get(a.source, 0) + 1
        unique.setdefault(a.source, a)
    places = list(unique.values())
    # an unambiguous place far from all the others, in a country the text does not
    # name, is no anchor: it may be the wrong reading of a name (하산 is not Hassan); and where most are in
    # countries the text names or known far and wide, one far from all of those is none (two wrong readings in
    # one country, "Khasan" and "Amur", Hassan and Āmūr in India, do not hold each other up in a story of Russia)
    if places:
        trusted = [a.country_code in countries | dwarfing or _known_far_and_wide(a) for a in places]
        lat = np.array([p.lat for p in places])
        lon = np.array([p.lon for p in places])
        others = np.array(trusted) if 2 * sum(trusted) > len(places) else np.ones(len(places), dtype=bool)
        keep = []
        for k, a in enumerate(places):
            d = _km_to(a.lat, a.lon, lat, lon)
            d[k] = np.inf
            if trusted[k] or bool((d[others] <= FAR_KM).any()):
                keep.append(a)
        # when they all disagree, the places named by one place alone still stand, those called by their own
        # name first ("left Khasan for Ussuriysk": Khasan is another name of Hassan, India)
        places = keep or [a for a in places if a.source in own] or [a for a in places if a.source in sure]
    found = tuple((k, p) for (k, _), p in sorted(readings.items()))
    named_regions = tuple(sorted(regions))
    if places:
        weights = [counts[p.source] * (1.0 + (p.country_code in countries)) for p in places]
        # the countries of the story's unambiguous places count as named too
        countries |= {p.country_code for p in places if p.country_code}
    # ... and those of names whose readings all lie in one (for the other names: ``StoryContext.names_country``)
    only_by_readings = tuple(sorted((code, key) for code, key in by_readings if code not in countries))
    countries |= {code for code, _ in by_readings}
    if not places:
        return StoryContext(frozenset(countries), None, 0.0, readings=found, regions=named_regions,
                            named_by_readings=only_by_readings)
    centre = (_weighted_median([p.lat for p in places], weights), _weighted_median([p.lon for p in places], weights))
    dists = [haversine_km(centre[0], centre[1], p.lat, p.lon) for p in places]
    return StoryContext(frozenset(countries), centre, _weighted_median(dists, weights), tuple(places), found,
                        named_regions, only_by_readings)


def _a_capital_by_its_own_name_too(points: list[Candidate], said: str) -> bool:
    """Whether a capital called ``said`` by its own name is among ``points``, a mention's candidates, beside a bigger
    place called so by another of its names: the name locates nothing ("Dili": Dili, the capital of East Timor, and
    Delhi, whose other name it is)."""
    capitals = [c for c in points if c.place.feature == "capital"]
    if not capitals:
        return False
    biggest = max(points, key=lambda c: c.place.population).place
    return not own_name(biggest, said) and any(own_name(c.place, said) for c in capitals)


def own_name(place: Place, said: str) -> bool:
    """True when ``said`` is the place's own name, accents and case aside ("Rafina": Rafína; not "Khasan",
    one of Hassan's other names)."""
    own = romanize(place.name)
    return bool(own) and own == romanize(said)


def _known_far_and_wide(place: Place, said: str | None = None) -> bool:
    """Big cities and capitals are talked about anywhere, and towns of some size by their own name
    (``said``: the name key of the text's word): distance alone does not reject them."""
    return place.population >= WORLD_CITY or place.feature == "capital" or (
        said is not None and place.population >= KNOWN_TOWN and name_key(place.name) == said)


def _dominant(cands: list[Candidate]) -> bool:
    """True when one candidate is ten times bigger than all the others together."""
    pops = sorted((c.place.population for c in cands), reverse=True)
    return pops[0] >= 10 * max(1, sum(pops[1:]))


#: What the resolver weighs for each candidate (see ``candidate_features``).
FEATURES = ("match", "size", "country", "continent", "capital", "region", "in_named_country", "near_story",
            "near_other_place", "primary_name", "biggest", "near_other_reading", "in_named_region")


#: What the calibration of ``confidence`` weighs for a mention the resolver places (``calibration_features``).
CALIBRATION_FEATURES = ("bias", "log_odds", "alone", "partial", "loose", "area")
#: The resolver's probability is weighed as its log-odds, capped at this (a probability of 0.9991).
LOG_ODDS_CAP = 7.0


def calibration_features(probability: float, match: str, place: Place) -> list[float]:
    """What the calibration of a mention's ``confidence`` weighs (the names are ``CALIBRATION_FEATURES``): the
    resolver's ``probability`` for ``place`` among the plausible candidates, as log-odds, or whether it was alone
    (the only plausible candidate, or so far ahead that the probability is 1); whether the name matched only in
    part of the mention ("partial"), or loosely (inflected, transliterated, misread); whether ``place`` is a
    country, a continent or a region."""
    alone = probability >= 1.0
    odds = 0.0 if alone else math.log(max(probability, 1e-12) / (1.0 - probability))
    return [1.0, max(-LOG_ODDS_CAP, min(LOG_ODDS_CAP, odds)), float(alone), float(match == "partial"),
            float(match in ("inflected", "transliterated", "misread")), float(place.is_context)]


def calibrated(probability: float, match: str, place: Place, calibration: np.ndarray | None) -> float:
    """The chance that ``place`` is the place meant (within 161 km of it), from the resolver's ``probability``: a
    logistic regression on ``calibration_features`` (``geo.train.fit_calibration``), or the probability itself
    when the weights have no calibration."""
    if calibration is None:
        return probability
    z = float(np.dot(calibration, calibration_features(probability, match, place)))
    return 1.0 / (1.0 + math.exp(-z))


class FittedResolver(NamedTuple):
    """What ``python -m geo.train resolver`` writes (the shipped file: ``geo/data/resolver.json``)."""

    weights: np.ndarray  # in the order of ``FEATURES``
    calibration: np.ndarray | None  # in the order of ``CALIBRATION_FEATURES``; None in weights written without it
    points: dict[str, tuple[float, float]]  # where the annotated corpora put the areas they name most, by source
    names: dict[str, Place]  # the places of the names no gazetteer has (``geo.train.learned_names``), by name_key
    names_from: list[str]  # the corpora those names are learned from

    @classmethod
    def from_data(cls, data: dict) -> FittedResolver:
        """The resolver a ``resolver.json`` holds, read (``ValueError``, ``KeyError`` or ``TypeError`` if it
        cannot be)."""
        points = {k: (float(lat), float(lon)) for k, (lat, lon) in data.get("points", {}).items()}
        names = {k: Place(f"annotated:{k}", str(name), float(lat), float(lon), str(country))
                 for k, (lat, lon, country, name) in data.get("names", {}).items()}
        if any(not (-90 <= lat <= 90 and -180 <= lon <= 180)
               for lat, lon in [*points.values(), *((p.lat, p.lon) for p in names.values())]):
            raise ValueError("a point out of range")
        calibration = data.get("calibration")
        return cls(np.array([float(data["weights"][f]) for f in FEATURES]),
                   None if calibration is None else np.array([float(calibration[f]) for f in CALIBRATION_FEATURES]),
                   points, names, [str(c) for c in data.get("names_from", [])])


@lru_cache(maxsize=1)
def _fitted() -> FittedResolver:
    """The resolver's weights, fitted by ``python -m geo.train resolver`` and shipped in the package, the
    points the annotated corpora give the areas they name most (``geo.train.usual_points``, ``shared_points``), and
    the places of the names they annotate that no gazetteer entry has (``geo.train.learned_names``)."""
    override = os.environ.get("GEOJOURNEY_RESOLVER_WEIGHTS")  # weights of the user's own (held-out evaluation)
    source = Path(override) if override else resources.files("geo.data").joinpath("resolver.json")
    try:
        return FittedResolver.from_data(json.loads(source.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"resolver weights {source}: cannot read them ({exc.__class__.__name__}: {exc})") from None


def _weights() -> np.ndarray:
    """The resolver's weights, in the order of ``FEATURES``."""
    return _fitted().weights


def usual_point(place: Place, fitted: FittedResolver | None = None) -> Place:
    """``place``, at the point the annotated corpora give it where they agree on one (a country, a continent or a
    region: Japan at Tokyo, as GeoNames has it, rather than the middle of its land); the points of ``fitted`` (the
    shipped resolver's by default)."""
    point = (fitted or _fitted()).points.get(place.source)
    return place if point is None else replace(place, lat=point[0], lon=point[1])


def annotated_place(said: str, fitted: FittedResolver | None = None) -> Place | None:
    """The place the training corpora's annotators put a name at that no gazetteer entry has (the cancer institute
    of Cairo, معهد الأورام; Cairo's Al Manyal, المنيل), or only towns far from it (Mati, Greece), looked up as
    written, then as the gazetteer looks up a name that takes prefixes (بالمنيل: المنيل), then without a word for its
    kind before it (منطقة أم الهيمان: أم الهيمان); None for a name they do not place. The names of ``fitted`` (the
    shipped resolver's by default)."""
    names = (fitted or _fitted()).names
    if not names:
        return None
    forms = [said, *prefix_variants(said)]
    kinds = designators(script_of(said))
    for form in forms[:]:
        first, _, rest = name_key(form).partition(" ")
        if rest and first in kinds:
            forms.append(rest)
    if said[:1].isupper() and script_of(said) == "Latin":  # "White House", which GeoCorpora marks "the White House"
        forms.append(f"the {said}")
    return next((names[key] for form in forms if (key := name_key(form)) in names), None)


def annotated_credit() -> str:
    """The credit a map owes the corpora whose annotations place the names no gazetteer has (``annotated_place``)."""
    corpora = [_CORPUS_NAMES.get(c.removesuffix(".jsonl"), c.removesuffix(".jsonl")) for c in _fitted().names_from]
    return f"Places no gazetteer has: where the annotators of {', '.join(corpora)} put them" if corpora else ""


def candidate_features(c: Candidate, m: Mention, ctx: StoryContext, biggest: int) -> list[float]:
    """What speaks for candidate ``c`` of mention ``m``, each in [0, 1] (the names are ``FEATURES``).

    How well the name matched; the place's size; what kind of place it is (a town is the
    baseline); whether the text names its country; how close it lies to the middle of the
    story and to the nearest other place the text names unambiguously; whether the name is
    the place's own (not one of its alternate names); whether it is the biggest of its name;
    how close it lies to some place another name of the text may mean (places named together
    lie together: "Athens" beside "Henderson County" is Athens, Texas); whether it lies in a state or
    province another name of the text names.
    """
    place, said = c.place, name_key(m.text)
    point = place.feature not in ("country", "continent")  # distances mean little for a whole country
    d = ctx.distance(place) if point else None
    near = ctx.nearest(place) if point else None
    reading = ctx.nearest_reading(place, said) if point else None
    return [
        _QUALITY.get(c.match, 0.5) * c.similarity,
        min(1.0, math.log10(place.population + 1) / 8),
        float(place.feature == "country"),
        float(place.feature == "continent"),
        float(place.feature == "capital"),
        float(place.feature == "region"),
        float(ctx.names_country(place.country_code, said)),
        0.0 if d is None else math.exp(-d / 2000.0),
        0.0 if near is None else math.exp(-near / 300.0),
        float(name_key(place.name) == said),
        float(place.population >= biggest),
        0.0 if reading is None else math.exp(-reading / 100.0),
        float(place.feature != "country" and ctx.in_named_region(place, said)),
    ]


def _arabic_word_zipf(said: str) -> float:
    """How common an Arabic name key is as a word, its last letter as written where the key wrote it so (ه for ة:
    دوله, of دولة)."""
    return max(word_zipf(said, ("ar",)), word_zipf(said[:-1] + "ة", ("ar",)) if said.endswith("ه") else 0.0)


def _implausible(c: Candidate, ctx: StoryContext, said: str | None = None) -> str:
    """Why candidate ``c`` of a mention saying ``said`` (a name key) cannot be the place meant, or
    ``""`` if it can."""
    if c.place.is_context:
        return ""
    if said is not None and " " not in said and c.place.feature == "city" and c.place.population < KNOWN_TOWN \
            and not own_name(c.place, said) and (word_zipf(said, ("en",)) >= EVERYDAY_OTHER_NAME_ZIPF
                                                 or script_of(said) == "Arabic"
                                                 and _arabic_word_zipf(said) >= EVERYDAY_ARABIC_NAME_ZIPF
                                                 or script_of(said) == "Cyrillic"
                                                 and word_zipf(said, ("ru",)) >= EVERYDAY_CYRILLIC_NAME_ZIPF):
        return f'"{said}" is an everyday word, and only another name of {c.place.name} ({c.place.country_code or "?"})'
    d = ctx.distance(c.place)
    if d is None:
        return ""
    where = f"{c.place.name} ({c.place.country_code or '?'}) lies {d:,.0f} km from the places the story is about"
    near = ctx.nearest(c.place)
    # a long name's spelling, or the same spelling, is no chance likeness: it may lie near one place of the story,
    # not its centre (कोम्सोमोल्स्क-ऑन-अमूर, Komsomolsk-on-Amur, 1,555 km from the centre of a story from Pyongyang
    # to the Amur; दानदोंग, Dandong, on a way from Pyongyang to Hanoi)
    if c.match == "transliterated" and d > max(TRANSLIT_MAX_KM, 2 * ctx.radius_km) \
            and (near is None or near > TRANSLIT_MAX_KM or said is None
                 or len(skeleton(said)) < LONG_SKELETON and c.similarity < SAME_SPELLING):
        return f"no close spelling nearby; {where}"
    if near is not None and near > FAR_KM and not ctx.names_country(c.place.country_code, said) \
            and not _known_far_and_wide(c.place, said) and not ctx.near_a_big_reading(c.place, said, BESIDE_A_CITY_KM):
        return f"{where}, {near:,.0f} km from the nearest of them, in a country it does not name"
    return ""


def _a_part_of_the_worlds_namesake(c: Candidate, part: Place | None) -> str:
    """Why a town under ``KNOWN_TOWN`` people cannot be meant by the name of ``part``, a continent or a part of the
    world called so by its own name among the mention's candidates ("the Middle East": not the hamlet of Maryland),
    or ``""``."""
    if part is None or c.place.feature != "city" or c.place.population >= KNOWN_TOWN:
        return ""
    return f"{part.name} is a part of the world; {c.place.name} ({c.place.country_code or '?'}) only a town of its name"


def _a_named_countrys_capital_instead(c: Candidate, capital: Place | None, ctx: StoryContext,
                                      said: str | None = None) -> str:
    """Why country ``c`` cannot be meant by a name that is also the name of ``capital``, the capital of another
    country the text names, when the text does not name ``c`` otherwise (Arabic عمان is Oman and Amman: in a
    story that names Jordan and not Oman, Amman; "سلطنة عمان", the Sultanate of Oman, holds the name and
    stays Oman), or ``""``."""
    if capital is None or c.place.feature != "country" or c.match == "partial" \
            or ctx.names_country(c.place.country_code, said) or c.place.country_code == capital.country_code:
        return ""
    return f"the text names {capital.country_code}, whose capital {capital.name} is called so, and not {c.place.name}"


def ranked_candidates(m: Mention, ctx: StoryContext, judged: dict | None = None,
                      weights: np.ndarray | None = None) -> list[tuple[float, str, Candidate]]:
    """Mention ``m``'s candidates as (score, why implausible or "", candidate), best first, scored with ``weights``
    (the fitted resolver's by default)."""
    weights = _weights() if weights is None else weights
    judged = {} if judged is None else judged
    biggest = max((c.place.population for c in m.candidates), default=0)
    said = name_key(m.text)
    ctx.measure([c.place for c in m.candidates], [said] * len(m.candidates))
    keys = [(c.place.source, c.match, c.similarity, said, biggest) for c in m.candidates]
    todo = {k: c for k, c in zip(keys, m.candidates) if k not in judged}
    if todo:  # scored together: one matrix product
        scores = np.array([candidate_features(c, m, ctx, biggest) for c in todo.values()]) @ weights
        part = next((c.place for c in m.candidates if c.place.feature == "continent" and own_name(c.place, m.text)),
                    None)
        capital = next((c.place for c in m.candidates if c.place.feature == "capital" and c.match != "partial"
                        and ctx.names_country(c.place.country_code, said)), None)
        for (k, c), score in zip(todo.items(), scores.tolist()):
            judged[k] = (score, _implausible(c, ctx, said) or _a_part_of_the_worlds_namesake(c, part)
                         or _a_named_countrys_capital_instead(c, capital, ctx, said))
    scored = [(*judged[k], c) for k, c in zip(keys, m.candidates)]
    scored.sort(key=lambda t: (-t[0], t[2].place.source))
    return scored


def resolve(mentions: list[Mention], extra_context: list[Place] = (), fitted: FittedResolver | None = None
            ) -> StoryContext:
    """Resolve every mention in place; return the story context used.

    Each mention gets ``place``, ``match``, ``probability`` and ``confidence``, or stays unresolved
    with ``reason`` set. ``fitted`` replaces the shipped resolver (``geo.train`` calibrates with its own).
    """
    fitted = fitted or _fitted()
    ctx = story_context(mentions, list(extra_context))
    ctx.measure([c.place for m in mentions for c in m.candidates],
                [said for m in mentions for said in [name_key(m.text)] * len(m.candidates)])
    judged: dict[tuple, tuple[float, str]] = {}  # a name repeated is judged once
    for m in mentions:
        scored = ranked_candidates(m, ctx, judged, fitted.weights)
        plausible = [(s, c) for s, why, c in scored if not why]
        if not plausible:
            m.place = None if scored else annotated_place(m.text, fitted)
            if m.place is not None:  # where annotated corpora put a name the gazetteer lacks
                m.match, m.reason = "annotated", ""
                m.confidence = m.probability = ANNOTATED_CONFIDENCE
                continue
            m.confidence = m.probability = 0.0
            m.reason = scored[0][1] if scored else "not in the gazetteer"
            continue
        logits = np.array([s for s, _ in plausible])
        chance = np.exp(logits - logits.max())
        best = plausible[0][1]
        m.place, m.match = usual_point(best.place, fitted), best.match
        # a name the annotators put far from the town of it chosen ("White House": Casablanca, by one of its names)
        annotated = annotated_place(m.text, fitted)
        if annotated is not None and not m.place.is_context \
                and haversine_km(m.place.lat, m.place.lon, annotated.lat, annotated.lon) > FAR_FROM_ANNOTATED_KM \
                and _fits_the_story_better(annotated, m.place, ctx, name_key(m.text)):
            m.place, m.match, m.reason = annotated, "annotated", ""
            m.confidence = m.probability = ANNOTATED_CONFIDENCE
            continue
        # the model's probability that this candidate, of those left, is the place meant; and the chance that it is
        m.probability = float(chance[0] / chance.sum())
        m.confidence = round(calibrated(m.probability, m.match, m.place, fitted.calibration), 2)
        m.reason = ""
    _short_for_named_areas(mentions)
    return ctx


#: What stands between a place and the first-level region the text puts it in: "the Vostochny Cosmodrome in the
#: Amur region", "Хасан в Приморском крае": the rest of the place's name (two words at most, each with a capital),
#: then "in" (not "Cincinnati man dies in Ky.").
_IN_THE_REGION = regex.compile(
    r"(?:\s+\p{Lu}[\p{L}\p{M}-]*){0,2}\s+(?i:in|im|в|во|en|dans|i)(?:\s+(?i:the|der|dem))?\s+")
#: A place this far (km) from the point of the region the text puts it in, and in another region, is not the place
#: meant; nearer, the text may draw the border loosely ("12 kilometres North of Jhelum in Azad Kashmir").
OUTSIDE_THE_REGION_KM = 1000.0


def _take_the_biggest(m: Mention, candidates: list[Candidate]) -> None:
    """Place ``m`` at the biggest of ``candidates`` (an exact match before another of the same size)."""
    best = max(candidates, key=lambda c: (c.place.population, c.match == "exact", c.place.source))
    m.place, m.match = best.place, best.match


def placed_in_the_regions_said(text: str, mentions: list[Mention]) -> None:
    """A place the text puts in a first-level region of its country ("X in the Amur region") must lie in that
    region: where the place chosen lies in another region of that country, ``OUTSIDE_THE_REGION_KM`` away, the
    biggest candidate in the region said takes its place, or, with none, the mention is left unresolved (the
    Vostochny Cosmodrome in the Amur region is not Vostochny, a village of Dagestan)."""
    for m, r in zip(mentions, mentions[1:]):
        place, region = m.place, r.place
        if place is None or region is None or not region.is_state or place.is_context or m.match == "annotated" \
                or place.country_code != region.country_code or not place.state_code \
                or place.state_code == region.admin_code or r.sentence_start != m.sentence_start \
                or haversine_km(place.lat, place.lon, region.lat, region.lon) <= OUTSIDE_THE_REGION_KM \
                or not _IN_THE_REGION.fullmatch(text, m.end, r.start):
            continue
        inside = [c for c in m.candidates if c.place.state_code == region.admin_code and not c.place.is_state]
        if inside:
            _take_the_biggest(m, inside)
            continue
        m.reason = f"{place.name} ({place.country_code}) lies outside {region.name}, where the text puts it"
        m.place, m.match, m.confidence, m.probability = None, "", 0.0, 0.0


#: What stands between a place and the country the text puts it in: "Dili in East Timor", "Dili, East Timor", "Dili, la
#: capital de Timor Oriental", "Luanda, the capital of Angola".
_IN_THE_COUNTRY = regex.compile(
    r"\s*,\s*|\s+(?i:in|im|в|во|en|au|aux|dans|i)(?:\s+(?i:the|der|dem))?\s+"
    r"|\s*,\s*(?i:(?:the|la|el|a|die)\s+)?(?i:capital|capitale|hauptstadt)(?:\s+(?i:city))?"
    r"\s+(?i:of|de|du|des|von|da|do)(?:\s+(?i:the|la)\s+|\s*(?i:l)['’]\s*|\s+)")
#: ... and what goes on a list after a country, which a comma before it joins rather than places ("Kabul, Pakistan
#: and Iran").
_LIST_GOES_ON = regex.compile(r"\s*(?:,|and\b|or\b|&|und\b|et\b|и\b)\s*\p{Lu}")


def placed_in_the_countries_said(text: str, mentions: list[Mention]) -> None:
    """A place the text puts in a country ("Dili in East Timor", "Dili, East Timor") lies in it where a candidate
    does: the biggest such candidate takes the place of one in another country (Delhi, by another of its names)."""
    for m, c in zip(mentions, mentions[1:]):
        place, country = m.place, c.place
        if place is None or country is None or country.feature != "country" or place.is_context \
                or m.match == "annotated" or place.country_code == country.country_code \
                or c.sentence_start != m.sentence_start or not _IN_THE_COUNTRY.fullmatch(text, m.end, c.start) \
                or ("," in text[m.end:c.start] and _LIST_GOES_ON.match(text, c.end)):
            continue
        inside = [k for k in m.candidates if k.place.country_code == country.country_code and not k.place.is_context]
        if inside:
            _take_the_biggest(m, inside)


#: A place chosen in a country where none of the text's other places lies gives way to a candidate at least this big,
#: relative to it, in the one country where all of them lie, two or more ("Valencia" with Madrid and Barcelona is
#: Spain's, not Venezuela's bigger city).
WITH_THE_OTHERS_SIZE = 0.3


def placed_with_the_others(mentions: list[Mention]) -> None:
    """A place chosen alone in its country, where all the text's other places (two or more; countries, continents and
    names a place was found in only in part aside) lie in one other country, gives way to the biggest candidate
    there, if one is ``WITH_THE_OTHERS_SIZE`` of its size or more."""
    placed = [m for m in mentions if m.place is not None and m.place.feature not in ("country", "continent")
              and m.match not in ("annotated", "partial")]
    # the places of the text, each with the names it was chosen for, and how many lie in each country: once, not
    # once a mention (a text may name places thousands of times)
    names: dict[str, set[str]] = {}
    country_of: dict[str, str] = {}
    for m in placed:
        names.setdefault(m.place.source, set()).add(name_key(m.text))
        country_of[m.place.source] = m.place.country_code
    in_country = Counter(country_of.values())
    only_by: dict[str, Counter] = {}  # name -> the countries of the places chosen for that name alone
    for source, said in names.items():
        if len(said) == 1:
            only_by.setdefault(next(iter(said)), Counter())[country_of[source]] += 1
    for m in placed:
        if m.place.is_context:
            continue
        others = in_country - only_by.get(name_key(m.text), Counter())
        if sum(others.values()) < 2 or len(others) != 1 or m.place.country_code in others:
            continue
        there = [c for c in m.candidates if c.place.country_code in others and not c.place.is_context
                 and c.match == m.match]
        if there and max(c.place.population for c in there) >= WITH_THE_OTHERS_SIZE * m.place.population:
            _take_the_biggest(m, there)


#: A country's capital of this many people or more, named where the text names the capitals of two other countries, is
#: the capital, not a town of its name.
CAPITAL_AMONG_CAPITALS_SIZE = 1_000_000


def capitals_among_capitals(mentions: list[Mention]) -> None:
    """A name read as a town that is also the name of a country's capital of ``CAPITAL_AMONG_CAPITALS_SIZE`` is the
    capital where the text names the capitals of two or more other countries: a story between countries ("القاهرة
    ... الرياض ... أبوظبي": Riyadh, not Ar Riyāḑ, a town of Egypt, where Cairo puts the story), unless the name is the
    town's own."""
    countries = {m.place.country_code for m in mentions if m.place is not None
                 and m.place.feature == "capital" and m.match not in ("annotated", "partial")}
    if len(countries) < 2:
        return
    for m in mentions:
        # (not a town called by its own name: "the English city of Salisbury", not Harare, once called so)
        if m.place is None or m.place.feature != "city" or m.match in ("annotated", "partial") \
                or own_name(m.place, m.text):
            continue
        big = [c for c in m.candidates if c.place.feature == "capital" and c.match == m.match
               and c.place.population >= CAPITAL_AMONG_CAPITALS_SIZE]
        if big and len(countries - {max(big, key=lambda c: c.place.population).place.country_code}) >= 2:
            _take_the_biggest(m, big)


#: A town read for a name that is also a capital's own name, the capital at least this many times bigger, is the
#: capital where a word of travel goes there: a journey goes abroad ("LONDON - ... Starmer left for Washington": the
#: capital, not Washington in Tyne and Wear, in the country the dateline names).
CAPITAL_TRAVELLED_TO_SIZE = 10


def capital_travelled_to(mentions: list[Mention], travelled_to: Callable[[Mention], bool]) -> None:
    """A town read for a mention that ``travelled_to`` (a word of travel goes there) and that is also the own name of
    another country's capital ``CAPITAL_TRAVELLED_TO_SIZE`` times its size is the capital."""
    for m in mentions:
        if m.place is None or m.place.feature != "city" or m.match in ("annotated", "partial") or m.place.is_context:
            continue
        big = [c for c in m.candidates if c.place.feature == "capital" and c.match == m.match
               and c.place.population >= CAPITAL_TRAVELLED_TO_SIZE * max(1, m.place.population)
               and c.place.country_code != m.place.country_code and own_name(c.place, m.text)]
        if big and travelled_to(m):
            _take_the_biggest(m, big)


def town_not_a_country_named_elsewhere(mentions: list[Mention], language: Callable[[], str]) -> None:
    """A country read for a mention that is the own name, accents aside, of its capital or of one of its cities of
    ``WORLD_CITY`` people is that town where the text's language (``language``, asked once, where a country needs it)
    calls the country otherwise (CLDR, ``text.country_name``): "rumbo a Brasilia" is Brasília, though Finnish calls
    Brazil so; a Finnish text's "Brasilia", a Spanish one's "Panamá" stay countries."""
    lang = None
    for m in mentions:
        if m.place is None or m.place.feature != "country" or m.match in ("annotated", "partial"):
            continue
        towns = [c for c in m.candidates if c.match == m.match and c.place.country_code == m.place.country_code
                 and (c.place.feature == "capital" or c.place.feature == "city" and c.place.population >= WORLD_CITY)
                 and own_name(c.place, m.text)]
        if not towns:
            continue
        lang = lang or language()
        if romanize(country_name(m.place.country_code, lang)) != romanize(m.text):
            _take_the_biggest(m, towns)


#: A capital or a city this near the area read for a name it also has (km) is what the name means ("Roma": Rome, not
#: the metropolitan city around it, whose own name it is; "Napoli": Naples).
CAPITAL_IN_ITS_AREA_KM = 50.0
#: ... a city at least this big (people); a capital of ``CAPITAL_AMONG_CAPITALS_SIZE``.
CITY_IN_ITS_AREA_SIZE = 100_000


#: Words before a name that say it is an area's ("the entire province of Cavite", "la provincia di Napoli").
_AREA_SAID_BEFORE = regex.compile(
    r"(?i:province|provincia|provinz|provincie|région|region|county|district|department|département|departamento"
    r"|municipality|municipio|prefecture|oblast|metropolitan\s+city|città\s+metropolitana)"
    r"\s+(?i:of|de|di|du|del|della|des)(?:\s+(?i:the))?\s+$")


def town_not_its_area(text: str, mentions: list[Mention]) -> None:
    """A one-word name read as an area below a country's first-level regions that is also a name of the country's
    capital of ``CAPITAL_AMONG_CAPITALS_SIZE``, or of a city of ``CITY_IN_ITS_AREA_SIZE``, lying in it is the capital or
    the city: news names a town, not the district around it ("ROMA (EFE)", "regresará a Roma", "una sosta a
    Napoli")."""
    for m in mentions:
        # (a name of several words names the area: "Dublin City")
        if m.place is None or m.place.feature != "region" or m.place.is_state or m.match in ("annotated", "partial") \
                or len(m.text.split()) > 1 or _AREA_SAID_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue
        inside = [c for c in m.candidates if c.place.feature in ("capital", "city") and c.match == m.match
                  and c.place.country_code == m.place.country_code
                  and c.place.population >= (CAPITAL_AMONG_CAPITALS_SIZE if c.place.feature == "capital"
                                             else CITY_IN_ITS_AREA_SIZE)
                  and haversine_km(c.place.lat, c.place.lon, m.place.lat, m.place.lon) <= CAPITAL_IN_ITS_AREA_KM]
        if inside:
            _take_the_biggest(m, inside)


#: "the" right before a name: English writes it before a sea's or an ocean's name, not before a town's ...
_THE_BEFORE = regex.compile(r"(?<!\p{L})[Tt]he\s+$")
#: ... unless the name says what kind of thing comes after it ("the DeKalb City Council", "the DeKalb area"): only
#: a stop, a mark or a function word (at least this common in English, on the Zipf scale) may follow it.
_WORD_AFTER = regex.compile(r"\s*(\p{L}+)")
FUNCTION_WORD_AFTER_ZIPF = 5.9  # "before" 5.93, "she" 6.26; "state" 5.78, "area" 5.46


def _said_alone_after_the(text: str, m: Mention, sea: bool = False) -> bool:
    """Whether ``m`` stands right after "the" and, if one word, before no word but a function word ("crossing the
    Atlantic she", "the Atlantic."; not "the DeKalb City Council", "the Moscow summit"; a name of several words is
    one: "the White House http://..."), or, the name a sea's (``sea``), before any word in small letters ("the
    Atlantic end of a railway", "the Pacific coast")."""
    if not _THE_BEFORE.search(text, max(0, m.start - 8), m.start):
        return False
    if " " in m.text.strip():
        return True
    after = _WORD_AFTER.match(text, m.end)
    return after is None or (after[1].islower() and (sea or word_zipf(after[1], ("en",)) >= FUNCTION_WORD_AFTER_ZIPF))


def annotated_after_the(text: str, mentions: list[Mention], fitted: FittedResolver | None = None) -> None:
    """A name said alone right after "the" (``_said_alone_after_the``), taken for a town (not a capital) far
    (``FAR_FROM_ANNOTATED_KM``) from where the training corpora's annotators put the name (``annotated_place``), is
    where they put it: English writes "the" before an ocean's name, not a town's ("crossing the Atlantic she": the
    ocean, not Atlantic, Iowa)."""
    for m in mentions:
        place = m.place
        # (said so as a sea's name may be, before the annotated place is looked up; then as its kind allows)
        if place is None or place.feature != "city" or m.match == "annotated" \
                or not _said_alone_after_the(text, m, sea=True):
            continue
        annotated = annotated_place(m.text, fitted)
        if annotated is not None and (not annotated.country_code or _said_alone_after_the(text, m)) \
                and haversine_km(place.lat, place.lon, annotated.lat, annotated.lon) > FAR_FROM_ANNOTATED_KM:
            m.place, m.match, m.reason = annotated, "annotated", ""
            m.confidence = m.probability = ANNOTATED_CONFIDENCE


def no_town_for_a_plural_after_the(text: str, mentions: list[Mention]) -> None:
    """A name in the plural right after "the", read as a town of its singular ("the Urals": Ural, a village of
    Krasnoyarsk Krai), is a range's or islands' name, no town's: it is left unresolved."""
    for m in mentions:
        if m.place is None or m.place.feature != "city" or m.match != "inflected" or " " in m.text.strip() \
                or not m.text.endswith("s") or script_of(m.text) != "Latin" \
                or not _THE_BEFORE.search(text, max(0, m.start - 8), m.start) \
                or any(c.match != "inflected" for c in m.candidates):
            continue
        m.reason = (f'"the {m.text}": a name in the plural, not the town of {m.place.name} '
                    f'({m.place.country_code or "?"})')
        m.place, m.match, m.confidence, m.probability = None, "", 0.0, 0.0


def not_the_facilitys_town(text: str, mentions: list[Mention], ctx: StoryContext) -> None:
    """A name with a word for a facility after it (``morphology.toml``'s ``facility_words``: "the Vostochny
    Cosmodrome") or before it (``facility_words_before``: "cosmodrome de Vostotchny") placed at a town under
    ``KNOWN_TOWN`` people ``FAR_KM`` from every sure place of the story, or at a railway station, is the facility's,
    and not there: the mention is left unresolved (not Vostochny, a village of Dagestan, in a story of the Russian Far
    East, nor the halt Восточный on Sakhalin; the Knevichi airfield, by Vladivostok, stays)."""
    # every language's: a text's language is not always told, and these words are no others' in another
    after_words, before_words = every_languages_words("facility_words"), every_languages_words("facility_words_before")
    for m in mentions:
        place = m.place
        if place is None or place.is_context or place.population >= KNOWN_TOWN or m.match == "annotated":
            continue
        after = text[m.end:m.end + 30].casefold()
        before = text[max(0, m.start - 30):m.start].casefold()
        word = next((w for w in after_words if after.startswith(" " + w)), None)
        said = text[m.start:m.end + 1 + len(word)] if word else None
        if word is None and (word := next((w for w in before_words if before.endswith(w + " ")), None)):
            said = text[m.start - 1 - len(word):m.end]
        if word is None:
            continue
        near = ctx.nearest(place)
        if place.feature == "station":
            m.reason = f"{place.name} ({place.country_code or '?'}) is a railway station: not the {said}"
        elif near is not None and near > FAR_KM:
            m.reason = (f"{place.name} ({place.country_code or '?'}) lies {near:,.0f} km from the nearest of the "
                        f"story's places: not the {said}")
        else:
            continue
        m.place, m.match, m.confidence, m.probability = None, "", 0.0, 0.0


def not_a_town_by_its_stations_name(mentions: list[Mention]) -> None:
    """A name that ends in a word for a railway station, placed at a town under ``KNOWN_TOWN`` people that has it only
    among its other names, is the station's, not the town's: the mention is left unresolved ("boarded an Amtrak train
    at Union Station" in Washington: not Union, South Carolina, one of whose names it is)."""
    words = tuple(w.casefold() for w in script_words("Latin", "railway_station_words"))
    for m in mentions:
        place = m.place
        last = m.text.rsplit(None, 1)
        if place is None or place.is_context or place.population >= KNOWN_TOWN or m.match != "exact" \
                or len(last) < 2 or last[-1].casefold() not in words or own_name(place, m.text):
            continue
        m.reason = f"“{m.text}” is a station's name, only another name of {place.name} ({place.country_code or '?'})"
        m.place, m.match, m.confidence, m.probability = None, "", 0.0, 0.0


def _fits_the_story_better(annotated: Place, chosen: Place, ctx: StoryContext, said: str) -> bool:
    """Whether the place annotators put a name at (``annotated_place``) fits the story better than the gazetteer's
    place ``chosen``: in a country the text names where that is not, or nearer the story's nearest other place
    ("Mati" beside Athens is the Greek resort, not the Philippine city); with nothing to judge by, the gazetteer's
    stands."""
    named = ctx.names_country(annotated.country_code, said)
    if named != ctx.names_country(chosen.country_code, said):
        return named
    near, other = ctx.nearest(annotated), ctx.nearest(chosen)
    if near is None or other is None:  # no place of the story is sure: the places its other names may mean
        near, other = ctx.nearest_reading(annotated, said), ctx.nearest_reading(chosen, said)
    return near is not None and other is not None and near < other


def _short_for_named_areas(mentions: list[Mention]) -> None:
    """A name said alone in a text that names an area by it and a word for its kind, written with a capital
    ("Suffolk" beside "Suffolk County"), is that area where it may be (``_may_be_the_area``: not Jackson,
    Mississippi's capital, beside Jackson County, on its coast; never a state, a country or a capital)."""
    # the kind's word written with a capital, as part of the name ("a Maryland county" is no county's name)
    areas = {name_key(m.text): m for m in mentions if m.place is not None and m.place.feature == "region"
             and m.text.split()[-1][:1].isupper()}
    if not areas:
        return
    for m in mentions:
        said = name_key(m.text)
        full = next((areas[f"{said} {word}"] for word in area_words() if f"{said} {word}" in areas), None)
        if full is not None and _may_be_the_area(m.place, full.place):
            m.place, m.match, m.confidence, m.probability, m.reason = full.place, full.match, full.confidence, \
                full.probability, ""


def _may_be_the_area(place: Place | None, area: Place) -> bool:
    """Whether a mention taken for ``place`` may be ``area``, the county its name shortens: taken for nothing, for
    another county, or for a town under ``KNOWN_TOWN`` farther than ``SHORT_FOR_AREA_KM`` from it."""
    if place is None or place.is_county:
        return True
    return place.feature == "city" and place.population < KNOWN_TOWN \
        and haversine_km(place.lat, place.lon, area.lat, area.lon) > SHORT_FOR_AREA_KM
