"""The pipeline end to end: text -> mentions -> places -> journey -> routed legs."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Sequence

import regex

from .errors import InputError
from .gazetteer import Gazetteer
from .journey import choose_stops, given_stop_modes, leg_modes, origin_cue, travel_cue
from .mentions import find_mentions, whole_text_mention
from .model import Journey, Mention, Place, Stop
from .recognizer import TRAINED_SCRIPTS
from .resolve import (annotated_after_the, capital_travelled_to, capitals_among_capitals,
                      no_town_for_a_plural_after_the, not_a_town_by_its_stations_name, not_the_facilitys_town, own_name,
                      placed_in_the_countries_said, placed_in_the_regions_said, placed_with_the_others, resolve,
                      town_not_a_country_named_elsewhere, town_not_its_area)
from .text import language_of, place_prepositions, script_of, word_zipf


#: The largest article read (bytes): the text stages take about 5 s and 60 MB of memory per MB.
MAX_ARTICLE_BYTES = 25_000_000


def read_article(path: str | Path, stdin=None) -> str:
    """Read an article: a UTF-8 text file, or ``-`` for standard input.

    Raises
    ------
    InputError
        When the file is missing, empty, binary or not UTF-8.
    """
    import sys

    name = "standard input" if str(path) == "-" else str(path)
    try:
        if str(path) == "-":
            data = (stdin or sys.stdin.buffer).read(MAX_ARTICLE_BYTES + 1)
        else:
            p = Path(path)
            if not p.is_file():
                raise InputError(f"article not found: {path}")
            if p.stat().st_size > MAX_ARTICLE_BYTES:
                raise InputError(f"{name} is larger than {MAX_ARTICLE_BYTES // 1_000_000} MB; split it into articles")
            data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"{name} is larger than {MAX_ARTICLE_BYTES // 1_000_000} MB; split it into articles")
    if b"\x00" in data:
        raise InputError(f"{name} is a binary file, not a text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text


def check_language(lang: str | None) -> str | None:
    """``lang`` as a language code (lower case), or InputError when it is not one."""
    if lang is None:
        return None
    if not (isinstance(lang, str) and lang.isascii() and lang.isalpha() and len(lang) in (2, 3)):
        raise InputError(f"--lang must be a language code such as fi or de, not '{lang}'")
    return lang.lower()


def place_mentions(text: str, gazetteer: Gazetteer, lang: str | None = None) -> list[Mention]:
    """Recognise and resolve the place mentions of ``text`` (in language ``lang``, an ISO 639-1
    code, when known; else it is told from the text where it matters). A place the story rules out stays
    listed, unresolved, unless it was the only reason to read the word as a place (``misread``)."""
    mentions = find_mentions(text, gazetteer, lang)
    story = resolve(mentions, _home_of_the_script(text, gazetteer))
    placed_in_the_regions_said(text, mentions)
    placed_in_the_countries_said(text, mentions)
    placed_with_the_others(mentions)
    capitals_among_capitals(mentions)
    town_not_its_area(text, mentions)
    capital_travelled_to(mentions, lambda m: bool(_GONE_TO.search(text, max(0, m.start - 40), m.start)))
    town_not_a_country_named_elsewhere(mentions, lambda: lang or language_of(text) or "en")
    annotated_after_the(text, mentions)
    no_town_for_a_plural_after_the(text, mentions)
    not_the_facilitys_town(text, mentions, story)
    not_a_town_by_its_stations_name(mentions)
    return [m for m in mentions if not misread(m, text, lang)]


#: Words of travel right before a name, which say a journey goes there ("left for Washington", "a visit to Paris").
_GONE_TO = regex.compile(
    r"(?<!\p{L})(?:(?:left|leave|leaves|leaving|departed|departs|bound|headed|heading|heads|head|flew|fly|flies|flying"
    r"|travell?ed|travell?ing|travels|travel|trip|visit|visits|journey|arrived|arrives|arrive|arriving|landed|lands"
    r"|landing)\s+(?:for|to|in|at)|visiting|visited)\s+$")


#: Scripts written in one country only: a text in one is about that country too, as if it named its capital (a Japanese
#: report of the prime minister leaving 羽田空港, Haneda airport, for Washington names no Japanese place but Haneda).
SCRIPT_HOME_COUNTRIES = {"Hiragana": "JP", "Katakana": "JP"}


_HOME_SCRIPTS = regex.compile("|".join(rf"\p{{Script={script}}}" for script in SCRIPT_HOME_COUNTRIES))


def _home_of_the_script(text: str, gazetteer: Gazetteer) -> list[Place]:
    """The capital of the country whose script ``text`` is written in (``SCRIPT_HOME_COUNTRIES``), if any."""
    found = _HOME_SCRIPTS.search(text)
    capital = gazetteer.capital(SCRIPT_HOME_COUNTRIES[script_of(found[0])]) if found else None
    return [capital] if capital is not None else []


#: An English word this common (Zipf) that names only towns smaller than SMALL_TOWN is that word, not a place,
#: unless a word puts a place before it ("Tornado warning": Tornado, West Virginia; "The Rock": Rock, Cornwall).
EVERYDAY_NAME_ZIPF = 3.5
SMALL_TOWN = 10_000
#: ... or a name and its state after a comma ("Tornado, West Virginia", "Tornado, W.Va.").
_BEFORE_ITS_REGION = re.compile(r",[ \t]*[A-Z]")


def misread(m: Mention, text: str, lang: str | None = None) -> bool:
    """True for a mention the recogniser's model took for a place only because the gazetteer knows the word,
    which the story then rules out: one word, of a script the model reads (``TRAINED_SCRIPTS``), not after
    a word that puts a place after it nor near a word of travel, and either
    - unresolved though it has candidates, the own name of none: another name of some place ("Hamas fired":
      Hamm, Germany, whose Lithuanian name it is; "Google opened": Topeka); or
    - in an English text (``lang`` en or not given), an everyday English word (``EVERYDAY_NAME_ZIPF``) that
      names no place of ``SMALL_TOWN`` people or more ("Tornado warning", "Ivy & Bean", "Earth (sign)"), and is
      not followed by a comma and a capital, as a town by its state is ("Tornado, West Virginia").
    A place's own name otherwise stays listed, unresolved if need be, as do "at Khasan" and "left Khasan"
    (Hassan, India, has that name too; ``text.place_prepositions``, the journey's cue words) and any name of a
    script the gazetteer alone reads (하산)."""
    if not m.candidates or " " in m.text.strip() or script_of(m.text) not in TRAINED_SCRIPTS:
        return False
    if m.place is not None or any(own_name(c.place, m.text) for c in m.candidates):
        if lang not in (None, "en") or \
                any(c.place.population >= SMALL_TOWN or c.place.feature != "city" for c in m.candidates) or \
                word_zipf(m.text, ("en",)) < EVERYDAY_NAME_ZIPF or _BEFORE_ITS_REGION.match(text, m.end):
            return False
    before = text[max(0, m.start - 16):m.start].replace("#", " ").split()  # "in #Rafina"
    if before and before[-1].casefold() in place_prepositions():
        return False
    return not (travel_cue(text, m) or origin_cue(text, m))  # "left Khasan", "Khasan, where the train stopped"


def _override_stops(names: Sequence[str], mentions: list[Mention], gazetteer: Gazetteer) -> list[Stop]:
    """Stops named by the user, resolved in the article's context."""
    stops = [Stop(k + 1, m.place, [m], m.confidence, "", "given with --stops")
             for k, m in enumerate(_resolve_names(names, mentions, gazetteer, "--stops"))]
    for s in stops:
        s.role = "origin" if s.order == 1 else ("destination" if s.order == len(stops) else "via")
    return stops


def _parse_date(value):
    from datetime import date

    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"--date must be YYYY-MM-DD, not '{value}'") from None


def _resolve_names(names: Sequence[str], mentions: list[Mention], gazetteer: Gazetteer, option: str) -> list[Mention]:
    """Names the user gave, each resolved in the article's context."""
    context_places = [m.place for m in mentions if m.place is not None and not m.place.is_context]
    out = []
    for name in names:
        m = whole_text_mention(name, gazetteer)  # the name as a whole, else the longest name in it
        found = [m] if m is not None else [x for x in find_mentions(name, gazetteer) if x.candidates]
        if not found:
            raise InputError(f"{option}: '{name}' is not in the gazetteer")
        m = max(found, key=lambda x: x.end - x.start)
        m.text = name
        resolve([m], context_places)
        if m.place is None:
            raise InputError(f"{option}: '{name}' cannot be placed ({m.reason})")
        out.append(m)
    return out


def _read_journey(text: str, gaz: Gazetteer, stops: Sequence[str] | None, today=None,
                  online: dict | None = None, lang: str | None = None) -> tuple[list[Mention], list[Stop], list[str]]:
    mentions = place_mentions(text, gaz, lang)
    online_warnings: list[str] = []
    if online is not None:
        from .online import resolve_online

        online_warnings = resolve_online(mentions, **online).warnings
    if not mentions and not stops:
        raise InputError("no places found in the text")
    if stops:
        return mentions, _override_stops(stops, mentions, gaz), online_warnings
    chosen, warnings = choose_stops(text, mentions, today, capital_of=gaz.capital)
    return mentions, chosen, online_warnings + warnings


def _open_osm(text: str, gaz: Gazetteer, stops, mentions, chosen, warnings, today=None, online=None, lang=None):
    """OSM rail for the corridor of a first reading; then a second reading with the corridor's stations."""
    from .osm import OSM_STATIONS_ATTRIBUTION

    points = [(s.place.lat, s.place.lon) for s in chosen]
    if len(points) < 2:
        points += [(m.place.lat, m.place.lon) for m in mentions if m.place is not None and not m.place.is_context]
    osm, net, rail_warnings = _osm_corridor(points)
    if osm is not None and osm.stations is not None:
        gaz = gaz.with_file(osm.stations, OSM_STATIONS_ATTRIBUTION)
        mentions, chosen, warnings = _read_journey(text, gaz, stops, today, online, lang)
    return gaz, mentions, chosen, warnings, net, rail_warnings


def build_journey(
    text: str,
    *,
    rail: str | None = None,
    gazetteers: Sequence[str | Path] = (),
    stops: Sequence[str] | None = None,
    via: Sequence[str] | None = None,
    gazetteer: Gazetteer | None = None,
    date: "datetime.date | str | None" = None,
    online: bool = False,
    user_agent: str | None = None,
    lang: str | None = None,
) -> Journey:
    """Turn an article into a journey with routed legs.

    Parameters
    ----------
    text : str
        The article.
    rail : str, optional
        A rail layer file, ``"naturalearth"`` (the default), ``"osm"`` (OpenStreetMap
        rail and stations of the journey's corridor, from Overpass) or ``"none"``.
    gazetteers : sequence of path-like
        Extra gazetteer files merged into the embedded GeoNames index.
    stops : sequence of str, optional
        Names of the stops, overriding the ones read from the text.
    via : sequence of str, optional
        Places the train is known to have passed (stations, towns): each rail leg
        near one is routed through it.
    gazetteer : Gazetteer, optional
        A gazetteer already loaded (for batch work).
    date : datetime.date or str, optional
        The article's date (``YYYY-MM-DD``), against which weekdays in the text are
        resolved; default: a date line in the text, if any.
    online : bool
        Look up the places the offline gazetteer cannot place on Nominatim (cached).
    user_agent : str, optional
        How ``online`` look-ups identify the user to Nominatim.
    lang : str, optional
        The article's language (ISO 639-1: ``"fi"``, ``"de"``); default: told from its commonest
        words. In a language that inflects names, words are also read in their dictionary form.

    Returns
    -------
    Journey

    Raises
    ------
    InputError
        When the text names no place at all, or an option cannot be used.
    """
    from .rail import open_rail, route_legs  # the rail stack (scipy, pyogrio) only when a journey is routed

    today = _parse_date(date)
    gaz = gazetteer or Gazetteer(list(gazetteers))
    online_options = {"user_agent": user_agent} if online else None
    lang = check_language(lang)
    mentions, chosen, warnings = _read_journey(text, gaz, stops, today, online_options, lang)
    if rail == "osm":
        gaz, mentions, chosen, warnings, net, rail_warnings = _open_osm(text, gaz, stops, mentions, chosen, warnings,
                                                                        today, online_options, lang)
    else:
        net, rail_warnings = open_rail(rail)
    waypoints = [m.place for m in _resolve_names(via, mentions, gaz, "--via")] if via else []
    modes = given_stop_modes(text, len(chosen) - 1) if stops else leg_modes(text, chosen, mentions)
    legs = route_legs(chosen, net, waypoints, modes)
    return _journey(text, mentions, chosen, legs, gaz.warnings + warnings + rail_warnings, net, gaz.attributions)


def _journey(text, mentions, stops, legs, warnings, net, attributions=()) -> Journey:
    """The journey, with the cache's notices first and the rail source's name and credit."""
    from .cache import take_notices

    return Journey(text, mentions, stops, legs, take_notices() + warnings,
                   rail_source=net.source if net else "none",
                   rail_path=str(net.path) if net and net.path else None,
                   rail_attribution=net.attribution if net else "",
                   gazetteer_attributions=attributions)


def _osm_corridor(points: list[tuple[float, float]]):
    """The OSM rail of the corridor around ``points``: (files or None, network or None, warnings)."""
    from .errors import DataError
    from .osm import OSM_RAIL_ATTRIBUTION, Corridor, fetch_corridor
    from .rail import load_network

    if not points:
        return None, None, ["no places to fetch OpenStreetMap rail around"]
    try:
        osm = fetch_corridor(Corridor.around(points))
    except DataError as exc:
        return None, None, [f"{exc}; legs are drawn direct"]
    return osm, load_network(osm.lines, "osm", OSM_RAIL_ATTRIBUTION), []


def journey_from_file(path: str | Path, *, rail: str | None = None, via: Sequence[str] | None = None,
                      gazetteers: Sequence[str | Path] = ()) -> tuple[Journey, str | None]:
    """The journey of an edited journey file (``--journey``): its stops, roles, dates and modes as written,
    the legs routed afresh. Returns the journey and the file's title."""
    from .journey_file import read_journey_file
    from .rail import open_rail, route_legs

    stops, modes, text, title = read_journey_file(path)
    if rail == "osm":
        _, net, rail_warnings = _osm_corridor([(s.place.lat, s.place.lon) for s in stops])
    else:
        net, rail_warnings = open_rail(rail)
    waypoints = []
    if via:
        gaz = Gazetteer(list(gazetteers))
        waypoints = [m.place for m in _resolve_names(via, [s.mention for s in stops], gaz, "--via")]
    legs = route_legs(stops, net, waypoints, modes)
    return _journey(text, [s.mention for s in stops], stops, legs, rail_warnings, net), title
