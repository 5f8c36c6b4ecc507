"""Stage 3: work out the journey: which resolved places are stops, and in what order.

A place is a stop when a mention of it stands within a few words of a travel cue
(a verb of going or arriving, a train, a trip) in the same sentence, in any of the
languages of ``data/cues.toml``. The dateline that opens a report is never a stop
by itself, nor are countries, regions and continents. Stops are ordered by first
cued mention, a marked origin first. When a text has no travel cues at all the
settlements are taken in order of mention, with lower confidence, and the
journey says so.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from .model import Mention, Place, Stop

#: How many words either side of a mention a travel cue may stand.
CUE_WINDOW = 6
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_REACH = 200


@dataclass(frozen=True, slots=True)
class Cues:
    motion: tuple[str, ...]
    origin: tuple[str, ...]
    speech: tuple[str, ...]
    not_place_after: tuple[str, ...]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue words of every language, merged (they rarely collide across scripts)."""
    data = tomllib.loads(resources.files("geo.data").joinpath("cues.toml").read_text("utf-8"))
    merged: dict[str, list[str]] = {"motion": [], "origin": [], "speech": [], "not_place_after": []}
    for table in data.values():
        for key in merged:
            merged[key].extend(w.casefold() for w in table.get(key, []))
    return Cues(*(tuple(dict.fromkeys(merged[k])) for k in ("motion", "origin", "speech", "not_place_after")))


def _starts_with_cue(words: str, cue_list: tuple[str, ...]) -> str:
    """The first cue that ``words`` (case-folded text) begins with, or ``""``."""
    for cue in cue_list:
        if words.startswith(cue.rstrip()) and (not cue.endswith(" ") or words.startswith(cue)):
            return cue.strip()
    return ""


def _window(text: str, start: int, end: int, lo: int, hi: int) -> list[tuple[int, str]]:
    """Words of ``text[lo:hi]`` outside the span ``start:end``, with their distance in words."""
    # a few words either side: look at no more than _REACH characters, however long the sentence
    lo, hi = max(lo, start - _REACH), min(hi, end + _REACH)
    before = [m for m in _WORD.finditer(text, lo, start)][-CUE_WINDOW:]
    after = [m for m in _WORD.finditer(text, end, hi)][:CUE_WINDOW]
    out = [(len(before) - i, text[m.start() : min(hi, m.start() + _REACH)]) for i, m in enumerate(before)]
    out += [(i + 1, text[m.start() : min(hi, m.start() + _REACH)]) for i, m in enumerate(after)]
    return [(d, w.casefold()) for d, w in out if d <= CUE_WINDOW]


def travel_cue(text: str, m: Mention) -> str:
    """The travel cue near mention ``m`` (``""`` if none, or if a word of saying is nearer)."""
    for _dist, rest in sorted(_window(text, m.start, m.end, m.sentence_start, m.sentence_end)):
        if _starts_with_cue(rest, cues().speech):
            return ""
        cue = _starts_with_cue(rest, cues().motion)
        if cue:
            return cue
    return ""


def origin_cue(text: str, m: Mention) -> str:
    """A cue next to ``m`` marking it as where the journey starts."""
    near = text[max(m.sentence_start, m.start - 20) : m.start].casefold()
    after = text[m.end : min(m.sentence_end, m.end + 20)].casefold().lstrip()
    for cue in cues().origin:
        c = cue.strip()
        if near.rstrip().endswith(c) or after.startswith(c) or (cue.endswith(" ") and near.endswith(cue)):
            return c
        # postpositional languages: the cue follows the name, with a particle between
        if " " in c and (" " + after).startswith(" " + c.split(" ", 1)[0]) and c.split(" ", 1)[1] in after[:20]:
            return c
    return ""


def is_organisation(text: str, m: Mention) -> bool:
    """True when the name is part of an organisation's name ("New York Times")."""
    after = text[m.end : m.end + 20].casefold().lstrip(" -")
    return bool(_starts_with_cue(after, cues().not_place_after))


def dateline(text: str, mentions: list[Mention]) -> Mention | None:
    """The mention that opens a report as its dateline ("सियोल ।", "SEOUL, Sept 12 (Reuters) -")."""
    if not mentions:
        return None
    m = mentions[0]
    if m.start > 40 or any(ch.isalpha() and ch.islower() for ch in text[: m.start]):
        return None
    tail = text[m.end : m.end + 40]
    if regex.match(r"^\s*(?:[।|:—–]|-\s|\(|,[^.।\n]{0,30}[—–(]|,[^.।\n]{0,30}\s-\s)", tail):
        return m
    return None


def choose_stops(text: str, mentions: list[Mention]) -> tuple[list[Stop], list[str]]:
    """Pick and order the stops among the resolved mentions.

    Returns
    -------
    stops, warnings
    """
    opener = dateline(text, mentions)
    by_place: dict[str, list[Mention]] = {}
    places: dict[str, Place] = {}
    cued: dict[str, tuple[int, str]] = {}
    origins: dict[str, str] = {}
    for m in mentions:
        if m.place is None or m.place.is_context or m is opener or is_organisation(text, m):
            continue
        key = m.place.source
        by_place.setdefault(key, []).append(m)
        places[key] = m.place
        cue = travel_cue(text, m)
        if cue and key not in cued:
            cued[key] = (m.start, cue)
        if cue and key not in origins and (o := origin_cue(text, m)):
            origins[key] = o
    warnings: list[str] = []
    if cued:
        keys = sorted(cued, key=lambda k: (k not in origins, cued[k][0]))
    else:
        keys = sorted(by_place, key=lambda k: by_place[k][0].start)
        if keys:
            warnings.append("no travel cues found in the text: the stops are its places in order of mention")
    stops = []
    for order, key in enumerate(keys, 1):
        ms = by_place[key]
        if key in cued:
            first = next(m for m in ms if m.start == cued[key][0])
            evidence = f"“{cued[key][1]}” near “{first.text}”"
            if key in origins:
                evidence += f"; “{origins[key]}” marks the origin"
            confidence = round(min(1.0, first.confidence), 2)
        else:
            first = ms[0]
            evidence = "mentioned (no travel cue)"
            confidence = round(0.5 * first.confidence, 2)
        role = "origin" if order == 1 else ("destination" if order == len(keys) else "via")
        stops.append(Stop(order, places[key], [first] + [m for m in ms if m is not first], confidence, role, evidence))
    return stops, warnings
