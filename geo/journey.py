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

import bisect
import datetime
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

import regex

from .mentions import REGION_AROUND_KM
from .model import Candidate, Mention, Place, Stop
from .resolve import haversine_km, own_name
from .text import UNSPACED_LETTER, morphology, script_of, script_words, sentences

#: Cue words and the text are compared case-folded and with ё as е (Russian writes "пересёк" and "пересек").
_YO = str.maketrans("ё", "е")


def _fold(text: str) -> str:
    """``text`` as cue words are compared with it: case-folded, ё as е (the same length: offsets hold)."""
    return text.casefold().translate(_YO)


#: How many words either side of a mention a travel cue may stand.
CUE_WINDOW = 6
#: A word: a run of letters, marks and digits; each letter of Chinese and Japanese, which write no spaces, a word.
_WORD = regex.compile(UNSPACED_LETTER + r"|(?:(?!" + UNSPACED_LETTER + r")[\p{L}\p{M}\p{N}])+")
_REACH = 200
_UNSPACED = regex.compile(UNSPACED_LETTER)
#: How far before a name (characters) a phrase right before it is looked for ("across the river from ", "bound for "):
#: a window, not the sentence's start, which would make a text of one long line quadratic.
_PHRASE_REACH = 40


MODES = ("rail", "air", "road", "sea")
_LISTS = ("motion", "origin", "goal", "direction", "speech", "not_place_after", "past", "planned", "before_that",
          "not_before_that_after", "via", "then", "return_to", "heading", "route_end", "between", "earlier", "capital",
          "arrived_by", "landmark", "first_stop", "first_goes", "last_stop", "set_off", "before_clause", "leader",
          *MODES, "not_mode_after", "kind_of_place", "articles", "same_day", "meeting", "began_earlier", "past_opening",
          "reached_where", "reached_there", "route_start", "future_endings", "passed", "along_the_way")


@dataclass(frozen=True)
class Cues:
    """The cue words of every language in ``data/cues.toml``, merged."""

    motion: tuple[str, ...]
    origin: tuple[str, ...]
    goal: tuple[str, ...]  # "for" in "left Kyiv for Chisinau": where the journey goes, after the stops on the way
    direction: tuple[str, ...]  # "إلى" (to) before a place: a word of travel anywhere before in its clause cues it
    speech: tuple[str, ...]
    not_place_after: tuple[str, ...]
    past: tuple[str, ...]
    planned: tuple[str, ...]
    before_that: tuple[str, ...]  # "along the way", "the day before": the sentence's stops come before the one the
    # sentence before reached
    not_before_that_after: tuple[str, ...]  # "back", "to" after those: the way back, or to a place, told in order
    via: tuple[str, ...]  # before a stop passed on the way to the one told before it ("to Ulaanbaatar via Erenhot")
    then: tuple[str, ...]  # whole words that tell the next leg: a goal before one was reached there ("dann", "then")
    return_to: tuple[str, ...]  # words of going back: the origin told again with one is where the journey ends
    heading: tuple[str, ...]  # right before a place the journey is on its way to, not reached when told ("bound for")
    first_stop: tuple[str, ...]  # next to a place the journey reached first ("Jakarta, the first stop of his tour")
    first_goes: tuple[str, ...]  # before a place the journey went to first ("will first visit New York")
    last_stop: tuple[str, ...]  # next to a place where the journey ended ("Dar es Salaam, the last stop of his trip")
    set_off: tuple[str, ...]  # the journey set off, no place after the word ("left on Monday for a three-nation tour")
    before_clause: tuple[str, ...]  # opens a sentence, its clause told after the rest ("Before arriving in Hiroshima")
    leader: tuple[str, ...]  # beside a country's name, the traveller's country ("North Korean leader Kim Jong Un")
    between: tuple[str, ...]  # before a route's first end, a joint before its second ("between Paris and Berlin")
    route_end: tuple[str, ...]  # "to" in "from Brussels to Prague": a goal right after a word of origin and a name
    arrived_by: tuple[str, ...]  # "after a" after a place reached: how it was reached follows ("after a train ride")
    landmark: tuple[str, ...]  # right before a place where another lies ("across the bay from"): no stop
    capital: tuple[str, ...]  # "capital" next to a country's name ("the Ukrainian capital"): its capital is meant
    earlier: tuple[str, ...]  # a tense of what happened before ("had"): an origin told in its clause began the journey
    rail: tuple[str, ...]
    air: tuple[str, ...]
    road: tuple[str, ...]
    sea: tuple[str, ...]
    not_mode_after: tuple[str, ...]  # words of making after a mode word: "aircraft factory" is no flight
    kind_of_place: tuple[str, ...]  # "town of" before a name: with what describes it, it is as near as the name
    articles: tuple[str, ...]  # where a description before such words begins ("the Vietnamese border town of")
    same_day: tuple[str, ...]  # the day of the time told before ("later that day", "当天", "am selben Tag")
    meeting: tuple[str, ...]  # words of saying that say where people met ("talks", "会谈"): someone was there
    began_earlier: tuple[str, ...]  # words of ``past`` that, by a place the journey left, tell where it began ("ранее")
    past_opening: tuple[str, ...]  # opening a sentence, put all of it in the past ("last year", "в прошлом году")
    reached_where: tuple[str, ...]  # after a goal and a comma, what was done there: it was reached ("..., where")
    reached_there: tuple[str, ...]  # opening the sentence after a goal's: it was reached ("Dort besuchte er")
    along_the_way: tuple[str, ...]  # the words of ``before_that`` of the way to the place reached ("по пути")
    passed: tuple[str, ...]  # words of passing a place on the way ("거쳐", "passed"): told after the place reached, it
    # came before it where it lies on the way there
    future_endings: tuple[str, ...]  # a verb's future ("parteciperà"): what will be done, not what was
    route_start: tuple[str, ...]  # "from" in "from Brussels to Prague": a route's first end, a word of ``route_end``
    # after its name ("de Madrid a Sevilla")
    weekdays: tuple[tuple[str, int], ...]  # (word, 0 = Monday)
    dayparts: tuple[tuple[str, int], ...]  # (word, 0 = early ... 4 = night)
    months: tuple[tuple[str, int], ...]  # (stem, 1 = January)
    going_home: tuple[tuple[str, frozenset[str]], ...] = ()  # (word of going home, the countries it goes home to)


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue words of every language, merged (they rarely collide across scripts)."""
    data = tomllib.loads(resources.files("geo.data").joinpath("cues.toml").read_text("utf-8"))
    merged: dict[str, list[str]] = {k: [] for k in _LISTS}
    indexed: dict[str, list[tuple[str, int]]] = {"weekdays": [], "dayparts": [], "months": []}
    for table in data.values():
        for key in merged:
            merged[key].extend(_fold(w) for w in table.get(key, []))
        for key in indexed:
            for i, words in enumerate(table.get(key, [])):
                for w in [words] if isinstance(words, str) else words:
                    indexed[key].append((_fold(w), i + (key == "months")))
    merged["motion"] += merged["return_to"]  # going back is travel ("avant de rentrer à Paris")
    merged["motion"] += merged["first_stop"] + merged["last_stop"]  # so is a stage of it ("Erste Station ist Nairobi")
    lists = {k: tuple(dict.fromkeys(v)) for k, v in merged.items()}
    # longest words first, so "sonnabend" wins over a shorter stem
    ordered = {k: tuple(sorted(dict.fromkeys(v), key=lambda t: -len(t[0]))) for k, v in indexed.items()}
    home = tuple((_fold(w), frozenset(table.get("home_countries", ()))) for table in data.values()
                 for w in table.get("going_home", ()))
    return Cues(**lists, **ordered, going_home=home)


@lru_cache(maxsize=1)
def _proclitics() -> dict[str, tuple[str, ...]]:
    """The letters a script writes onto the word after them (``morphology.toml``'s ``prefixes`` and ``article``: و
    "and", ب "by", ال "the"), by their first letter."""
    out: dict[str, list[str]] = {}
    for rules in morphology().values():
        for p in [*rules.get("prefixes", []), *([rules["article"]] if rules.get("article") else [])]:
            out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


#: A word is read without a letter written onto it only when at least this many letters are left.
_WORD_AFTER_PROCLITIC = 2


def _without_proclitics(words: str) -> list[str]:
    """``words`` (case-folded text from a word's start), and as it reads with the letters written onto its first word
    taken off, one by one (وبالقطار: بالقطار, القطار, قطار, "and by the train")."""
    forms = [words]
    for form in forms:
        for p in _proclitics().get(form[:1], ()):
            rest = _WORD.match(form, len(p))
            if rest is not None and rest.start() == len(p) and len(rest[0]) >= _WORD_AFTER_PROCLITIC:
                forms.append(form[len(p):])
    return forms


def _starts_with_cue(words: str, cue_list: tuple[str, ...]) -> str:
    """The first cue that ``words`` (case-folded text) begins with, or ``""``; also with the letters a script writes
    onto a word taken off it (``_without_proclitics``: ووصل, "and arrived", begins with وصل)."""
    index = _cues_by_first_letter(cue_list)
    for form in (_without_proclitics(words) if words[:1] in _proclitics() else (words,)):
        for cue, stem in index.get(form[:1], ()):
            if form.startswith(stem) and (not cue.endswith(" ") or form.startswith(cue)):
                return cue.strip()
    return ""


@lru_cache(maxsize=256)
def _cues_by_first_letter(cue_list: tuple[str, ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """The cues of ``cue_list``, with their stems (trailing spaces off), by their first letter, in the list's order:
    a word is compared with those that may begin it only (the lists of all languages run to hundreds)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for cue in cue_list:
        if stem := cue.rstrip():
            index.setdefault(stem[0], []).append((cue, stem))
    return {letter: tuple(cues) for letter, cues in index.items()}


#: A word of travel's mode in the Latin or Cyrillic script runs on by this many letters at most (an ending: "trains",
#: "Zuges"); a longer word is another ("business", not a bus; "Flugzeugfabrik", an aircraft factory; "zugleich").
MODE_WORD_ENDING = 3
_ALPHABET_WORD = regex.compile(r"[\p{Latin}\p{Cyrillic}][\p{Latin}\p{Cyrillic}\p{M}]*")


def _starts_with_mode_cue(words: str, cue_list: tuple[str, ...]) -> str:
    """The first cue of a way of travel that ``words`` (case-folded text) begins with, as ``_starts_with_cue``, a
    word of the Latin or Cyrillic script running on by ``MODE_WORD_ENDING`` letters at most after it, and no word
    of making after it (``not_mode_after``: "an aircraft factory", "car makers"); or ``""``."""
    word = _ALPHABET_WORD.match(words)
    for cue in (c.strip() for c in cue_list if _starts_with_cue(words, (c,))):
        if word is None and _UNSPACED.match(words) and words.startswith(cues().not_mode_after, len(cue)):
            continue  # "汽车零部件", car parts
        if word is None or " " in cue:  # another script's stem, or a phrase ("by road")
            return cue
        after = _WORD.search(words, word.end())
        if len(word[0]) - len(cue) <= MODE_WORD_ENDING and not (
                after is not None and not words[word.end():after.start()].strip()
                and _starts_with_cue(words[after.start():], cues().not_mode_after)):
            return cue
    return ""


def _window(text: str, start: int, end: int, lo: int, hi: int, told_from: int | None = None,
            in_names: bool = True) -> list[tuple[int, str]]:
    """Words of ``text[lo:hi]`` outside the span ``start:end``, with their distance in words; none from ``told_from``
    on (where the words that say who told the sentence begin); none of a name's capitalised words after the first
    unless ``in_names`` ("Government Meeting", not "Meeting")."""
    sentence_start = lo
    # a few words either side: look at no more than _REACH characters, however long the sentence
    lo, hi = max(lo, start - _REACH), min(hi, end + _REACH)
    before = [m for m in _WORD.finditer(text, lo, start)][-CUE_WINDOW:]
    after = [m for m in _WORD.finditer(text, end, hi)][:CUE_WINDOW]
    if told_from is not None:
        after = [m for m in after if m.start() < told_from]
    if not in_names:
        before = [m for m in before if not _IN_A_NAME.match(text, _last_word_start(text, m.start(), sentence_start))
                  or text[m.start()].islower()]
        after = [m for m in after if not _IN_A_NAME.match(text, _last_word_start(text, m.start(), sentence_start))
                 or text[m.start()].islower()]
    out = [(len(before) - i, text[m.start() : min(hi, m.start() + _REACH)]) for i, m in enumerate(before)]
    out += [(i + 1, text[m.start() : min(hi, m.start() + _REACH)]) for i, m in enumerate(after)]
    return [(d, _fold(w)) for d, w in out if d <= CUE_WINDOW]


#: A capitalised word and, after a space, another: a name's ("Government Meeting").
_IN_A_NAME = regex.compile(r"\p{Lu}[\p{L}\p{M}'’-]*\s+\p{Lu}")


def _last_word_start(text: str, at: int, lo: int) -> int:
    """Where the word before the one at ``at`` begins, not before ``lo`` (the sentence's start, whose first word is
    capitalised as any sentence's is: ``at`` itself then)."""
    word = _WORD_BEFORE.search(text, lo, at)
    return at if word is None or word.start() == lo else word.start()


_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}'’-]+)\s+$")
#: An article elided before a word ("l'" of "l'aéroport").
_ELIDED_ARTICLE = regex.compile(r"(?<![\p{L}\p{M}])\p{L}['’]$")
#: A name's description before it ("the Vietnamese border town of") has at most this many words before its kind.
DESCRIPTION_WORDS = 4


def _described_from(text: str, m: Mention) -> int:
    """Where the description of the kind of place ``m`` is begins, right before it ("arrived in [the Vietnamese
    border town of] Dong Dang"; ``kind_of_place``, back to an article), or ``m.start`` where there is none."""
    before = _fold(text[max(m.sentence_start, m.start - 100):m.start])
    # (a kind that elides its last word runs into the name, "l'aéroport d'Ajaccio", and an article into it)
    kind = next((said for k in cues().kind_of_place
                 if before.endswith(said := k if k[-1] in "'’" else k + " ")
                 and before[-len(said) - 1:-len(said)] in (" ", "'", "’")), None)
    if kind is None:
        return m.start
    start = kind_start = m.start - len(kind)
    if text[start - 1:start] in ("'", "’"):  # "l'aéroport": the article before it
        article = _ELIDED_ARTICLE.search(_fold(text[max(m.sentence_start, start - 4):start]))
        return start - len(article[0]) if article and article[0] in cues().articles else kind_start
    for _ in range(DESCRIPTION_WORDS):
        word = _WORD_BEFORE.search(_fold(text[max(m.sentence_start, start - 40):start]))
        if word is None:
            break
        start -= len(word.group(0))
        if word[1] in cues().articles:
            return start
    return kind_start


#: A station's or an airport's own name in Chinese or Japanese, before its word (ヒースロー of ヒースロー空港, 团结村 of
#: 团结村站).
_OWN_NAME = regex.compile(r"[\p{Katakana}ー・]{1,12}|\p{Han}{1,6}?(?=空港|駅|站|机场|機場)")


def _name_end(text: str, m: Mention) -> int:
    """Where the name ``m`` ends with the word for its station or airport that Chinese and Japanese write right after
    it (``stations_after``: "東京駅を", Tokyo station; "ロンドンのヒースロー空港", London's Heathrow airport), the words
    around it being the station's; else ``m.end``."""
    if _UNSPACED.match(text, m.end) is None:
        return m.end
    # (or a station or airport of its own name, after の in Japanese: "ロンドンのヒースロー空港", London's Heathrow
    # airport; "重庆团结村站", Chongqing's Tuanjiecun station)
    stations = script_words("Cjk", "stations_after")
    of = m.end + text.startswith("の", m.end)
    for at in (m.end, of + len(own[0]) if (own := _OWN_NAME.match(text, of)) else m.end):
        if stop := max((len(w) for w in stations if text.startswith(w, at)), default=0):
            return at + stop
    return m.end


def travel_cue(text: str, m: Mention) -> str:
    """The travel cue near mention ``m`` (``""`` if none, or if a word of saying is nearer: at the same distance the
    word of travel wins), counting the words of a description of its kind before it as the name's ("arrived ... in
    the Vietnamese border town of Dong Dang"). A word of saying after a clause break, which says who told the
    sentence ("..., the Kremlin said"), is not where the place was spoken of (``speech_cue``)."""
    start, end = _described_from(text, m), _name_end(text, m)
    # (a word of direction right before it, a word of travel before that in its clause: "arrived in Tel Aviv on Monday
    # from Doha, where he had held talks", whatever word of saying follows)
    if clause := _travel_cue_of_its_clause(text, m, start):
        return clause
    words = _window(text, start, end, m.sentence_start, m.sentence_end)
    unsaid: set[tuple[int, str]] | None = None  # the words before the clause that says who told the sentence
    for dist in sorted({d for d, _ in words}):
        here = sorted(w for d, w in words if d == dist)
        cue = next((c for w in here if (c := _starts_with_cue(w, cues().motion))), "")
        if cue:
            return cue
        spoken = [w for w in here if _starts_with_cue(w, cues().speech)]
        if spoken:
            if unsaid is None:
                unsaid = set(_window(text, start, m.end, m.sentence_start, m.sentence_end, _clause_after(text, m)))
            if any((dist, w) in unsaid for w in spoken):
                return ""
    return ""


def _said_from(text: str, m: Mention, left_from: str) -> bool:
    """True when the word of origin ``left_from`` right before ``m`` follows a word of saying in the two words before
    it ("hieß es aus Budapest": where the words came from, not the journey)."""
    before = _fold(text[max(m.sentence_start, m.start - _PHRASE_REACH):m.start]).rstrip()
    if not before.endswith(left_from):
        return False
    words = [w.start() for w in _WORD.finditer(before[:-len(left_from)])][-2:]
    return any(_starts_with_cue(before[k:], cues().speech) for k in words)


def _travel_cue_of_its_clause(text: str, m: Mention, start: int) -> str:
    """The word of travel nearest before ``m`` in its clause when a word of ``direction`` is right before it (from
    ``start``, where its description begins): "وصل الزعيم الكوري الشمالي كيم جونغ أون صباح الثلاثاء إلى مدينة دونغ
    دانغ", the verb first, many words before its place; or ``""``."""
    before = _fold(text[_clause_before(text, m):start])
    if not _word_right_before(before, cues().direction):
        return ""
    return _last_cue_in(before, cues().motion)


def _last_cue_in(folded: str, cue_list: tuple[str, ...]) -> str:
    """The cue of ``cue_list`` that begins the last word of ``folded`` (case-folded text) one begins, or ``""``."""
    starts = [w.start() for w in _WORD.finditer(folded)]
    return next((c for k in reversed(starts) if (c := _starts_with_cue(folded[k:], cue_list))), "")


def _clause_before(text: str, m: Mention) -> int:
    """Where ``m``'s clause begins in its sentence (after the last clause break before it), or the sentence's start."""
    brk = _CLAUSE_BREAK_BACK.search(text, m.sentence_start, m.start)
    return brk.end() if brk else m.sentence_start


def _clause_after(text: str, m: Mention) -> int:
    """Where the clause after ``m``'s begins in its sentence (at a clause break), or the sentence's end."""
    brk = _CLAUSE_BREAK.search(text, m.end, m.sentence_end)
    return brk.start() if brk else m.sentence_end


def speech_cue(text: str, m: Mention) -> str:
    """The word of saying nearest ``m`` in its sentence (``""`` if none), but for those in a clause after its, which
    say who told the sentence ("..., a indiqué le Kremlin"), not where the place was spoken of, and those in a name
    of capitalised words ("the Commonwealth Heads of Government Meeting in Apia": an event's)."""
    return _near_cue(text, m, cues().speech, _clause_after(text, m), in_names=False)


_LAST_WORD = regex.compile(r"([\p{L}\p{M}]+)\s*$")
#: The scripts of the languages whose words of origin follow the name, a particle between ("평양을 출발", "दिल्ली से
#: रवाना", "平壌を出発").
_POSTPOSITIONAL_SCRIPTS = frozenset({"Devanagari", "Hangul", "Hiragana", "Katakana", "Cjk"})


def _goes_on_to_its_name(cue: str) -> bool:
    """True when the phrase of origin ``cue`` ends with a word of origin of its own, a preposition that goes on to the
    name it marks ("قادما من", coming from: "إلى الدوحة قادما من الكويت" marks Kuwait, not Doha)."""
    return " " in cue and cue.rsplit(" ", 1)[1] in _single_words_of_origin()


@lru_cache(maxsize=1)
def _single_words_of_origin() -> frozenset[str]:
    """The words of ``origin`` of one word ("from", "من", "из")."""
    return frozenset(c.strip() for c in cues().origin if " " not in c.strip())


def origin_cue(text: str, m: Mention) -> str:
    """A cue next to ``m`` marking it as where the journey starts: "from Pyongyang", "after leaving Pyongyang" (a
    word of the cue's stem, run on by an ending), "평양을 출발" (the particle inside the mention)."""
    # (before what describes it: "an overnight train from [the Polish border town of] Przemysl")
    described = _described_from(text, m)
    near = _fold(text[max(m.sentence_start, described - 20) : described])
    after = _fold(text[_name_end(text, m) : min(m.sentence_end, m.end + 20)]).lstrip()
    last = _LAST_WORD.search(near)
    # a cue after the name marks it (verb-final and postpositional languages: "दिल्ली से रवाना", "Berlin verließ"), but
    # not one that goes on to a name in capitals, whose it is ("arrived in Beirut from Istanbul")
    raw_after = text[m.end : min(m.sentence_end, m.end + 40)].lstrip()
    # "the train between Paris and Berlin": a route's first end
    if (between := _word_right_before(near if near.endswith(" ") else near + " ", cues().between)) \
            and _ROUTE_JOINT.match(text, m.end):
        return between
    # "en AVE de Madrid a Sevilla": a route's first end
    if (start := _word_right_before(near if near.endswith(" ") else near + " ", cues().route_start)) \
            and _route_end_after().match(text, _name_end(text, m)):
        return start
    for cue in cues().origin:
        c = cue.strip()
        if "*" in c:  # (a phrase with words of any kind: "partió ... del aeropuerto romano de Fiumicino")
            before = _fold(text[max(m.sentence_start, m.start - _PHRASE_REACH):m.start]).rstrip()
            if phrase := _phrase(c).search(before):
                return phrase[0]
            continue
        if _ends_with_words(near.rstrip(), c) or (cue.endswith(" ") and near.endswith(cue)) or (
                after.startswith(c) and not raw_after[len(c):].lstrip()[:1].isupper()
                and not (cue.endswith(" ") and after[len(c):len(c) + 1].isalpha())  # "ab", not "about"
                and not _goes_on_to_its_name(c)):
            return c
        # a stem run on by an ending, in the Latin or Cyrillic script (an Arabic منذ, "since", is no من, "from")
        if (last is not None and " " not in cue and last[1].startswith(c) and _ALPHABET_WORD.fullmatch(last[1])
                and len(last[1]) - len(c) <= MODE_WORD_ENDING):
            return c
        # postpositional languages: the cue follows the name, with a particle between or ending the mention (not a
        # cue of prepositions, "procedente de", "قادما من", which goes on to the name it marks)
        if " " in c and script_of(c) in _POSTPOSITIONAL_SCRIPTS:
            particle, word = c.split(" ", 1)
            # (the particle may follow the town's airport: "암스테르담 스키폴 공항에서 ... 귀국길에")
            airport = _KOREAN_AIRPORT_AFTER.match(after)
            if ((" " + after).startswith(" " + particle) or _fold(m.text).endswith(particle)
                    or airport is not None and after[airport.end():].startswith(particle)) \
                    and word in _fold(text[m.end:min(_clause_after(text, m), m.end + 40)]):
                return c
    return ""


#: A Korean airport's or station's name right after a town's ("스키폴 공항", Schiphol airport), before its particle.
_KOREAN_AIRPORT_AFTER = regex.compile(r"(?:\S+\s+)?\S*?(?:국제공항|공항|역)")


def _ends_with_words(text: str, words: str) -> bool:
    """True when ``text`` ends with ``words``, not with a longer word they end ("from", not an Arabic ضمن for من)."""
    return text.endswith(words) and (not text[len(text) - len(words) - 1:len(text) - len(words)].isalpha()
                                     or _UNSPACED.match(words) is not None)  # (离开北京)


def goal_cue(text: str, m: Mention) -> str:
    """A word of ``goal`` right before ``m`` with a word of ``origin`` before it in its clause ("left Kyiv for
    Chisinau"), or of ``route_end`` right after "from" and a name ("from Brussels to Prague"); ``""`` if none: ``m``
    is where the journey goes."""
    before = _fold(text[_clause_before(text, m):m.start])
    goal = _word_right_before(before, cues().goal)
    # (Russian "в" before a name in the locative, -е or -и, is "in", not "to": "сделал остановки в Перми")
    if goal and _last_cue_in(before[:-len(goal) - 1], cues().origin) \
            and not (goal in _LOCATIVE_AFTER and m.match == "inflected" and _fold(m.text)[-1:] in ("е", "и")):
        return goal
    # "the train from Brussels to Prague", not "left London ... and travelled to Carlisle"; "de Madrid a Sevilla"
    end = _word_right_before(before, cues().route_end)
    if end and (_ROUTE_START.search(before[:-len(end) - 1])
                or _route_start_before().search(text[_clause_before(text, m):m.start].rstrip()[:-len(end)])):
        return end
    # "entre Paris et Berlin"
    return next((b[2] for b in _BETWEEN_START.finditer(text, _clause_before(text, m), m.start, overlapped=True)
                 if _fold(b[1]) in cues().between), "")


#: The Russian prepositions of "to" that take the locative for "in" ("в Пермь", to Perm; "в Перми", in Perm).
_LOCATIVE_AFTER = ("в", "во")


def _word_right_before(before: str, words: tuple[str, ...]) -> str:
    """The first of ``words`` that ``before`` (case-folded text, ending with the space before a name) ends with, as
    a whole word, or ``""``."""
    return next((w for w in words if before.endswith(" " + w + " ") or before == w + " "), "")


#: The joint of a route's two ends after the first ("between Paris and Berlin", "entre Paris et Berlin").
_ROUTE_JOINT = regex.compile(r"\s+(?:and|und|et|y|и)\s+\p{Lu}")
#: A word (of ``between``), a name of at most four words and the joint, ending a clause's text before a route's second
#: end.
_BETWEEN_START = regex.compile(r"(?<![\p{L}\p{M}])([\p{L}]+)(?:\s+[\p{L}\p{M}'’.-]+){1,4}\s+(and|und|et|y|и)\s+$")
#: A word of origin and a name of at most four words, ending a clause's text before a word of ``route_end``.
_ROUTE_START = regex.compile(r"(?<![\p{L}\p{M}])from(?:\s+[\p{L}\p{M}'’.-]+){1,4}\s*$")


@lru_cache(maxsize=1)
def _route_start_before() -> regex.Pattern:
    """A word of ``route_start`` and a name in title case of at most four words, ending a clause's text before a word
    of ``route_end`` ("en AVE de Madrid a"; in the languages whose "from" is also "of", not "el presidente de Colombia
    viajó a")."""
    starts = "|".join(regex.escape(w.strip()) for w in cues().route_start)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?i:{starts})\s+\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*"
                         rf"(?:\s+[\p{{L}}\p{{M}}'’.-]+){{0,3}}\s*$")


@lru_cache(maxsize=1)
def _route_end_after() -> regex.Pattern:
    """A word of ``route_end`` right after a name, and the name of the route's second end, in title case, maybe after
    an article (" a Sevilla", " para o Porto")."""
    ends = "|".join(regex.escape(w.strip()) for w in cues().route_end)
    return regex.compile(rf"\s+(?i:{ends})\s+(?:\p{{Ll}}{{1,3}}\s+)?\p{{Lu}}")


def _goal_reached_at(text: str, m: Mention, breaks: list[int]) -> int:
    """Where the journey reached the goal ``m``: at a word of ``reached_where`` after it and a comma ("diretto a Napoli,
    dove ha incontrato il sindaco"), at the end of its sentence where the next opens with a word of ``reached_there``
    ("nach Hamburg gereist. Dort besuchte er den Hafen"), at the first word of ``then`` after it, which says that what
    is told next came next ("von Berlin nach Rzeszów geflogen und reiste dann über Przemyśl nach Kiew"), or at its
    paragraph's end; the stops told before that were on the way there."""
    end = _paragraph_end(text, m, breaks)
    if (where := _REACHED_WHERE_COMMA.match(text, _name_end(text, m))) and _fold(where[1]) in cues().reached_where:
        # (not what will be done there: "diretto a Reggio Calabria, dove parteciperà alle celebrazioni")
        clause = _fold(text[where.end():min(m.sentence_end, where.end() + _REACH)])
        if not any(_cue_at(clause, c) >= 0 for c in cues().planned) \
                and not any(w.endswith(cues().future_endings) for w in clause.split()[:4]):
            return where.start(1)
    opening = _fold(text[m.sentence_end:min(end, m.sentence_end + 40)]).lstrip(" \"'“«„\n")
    if m.sentence_end < end and _opening_cue(opening, cues().reached_there):
        return m.sentence_end
    then = _whole_words("then").search(text, m.end, end)
    return then.start() if then else end


#: A comma after a name, and the word after it ("Napoli, dove").
_REACHED_WHERE_COMMA = regex.compile(r"\s*,\s*([\p{L}\p{M}]+)")


def _paragraph_end(text: str, m: Mention, breaks: list[int]) -> int:
    """Where the paragraph of ``m`` ends: at the first of ``breaks`` (blank lines) after it, or the text's end."""
    k = bisect.bisect_left(breaks, m.end)
    return breaks[k] if k < len(breaks) else len(text)


@lru_cache(maxsize=None)
def _whole_words(key: str) -> regex.Pattern:
    """The cue words of list ``key`` as whole words, in any case (in Chinese and Japanese, which write no spaces,
    anywhere)."""
    words = [regex.escape(w) if _UNSPACED.match(w) else rf"(?<![\p{{L}}\p{{M}}]){regex.escape(w)}(?![\p{{L}}\p{{M}}])"
             for w in (w.strip() for w in getattr(cues(), key))]
    return regex.compile("|".join(words), regex.IGNORECASE)


#: A stop told after the place a journey was bound for, this near it (km), is where it reached that place ("bound for
#: New York ... dock in Brooklyn"); a town farther is another stop (Scilla, 17 km from Reggio Calabria) ...
HEADING_REACHED_KM = 12.0
#: ... but an airport, a station or a terminal named after a place this near serves it ("flew to Pyongyang ... landed
#: at Sunan airport", 22 km away; "bound for New York ... the Brooklyn Cruise Terminal").
FACILITY_REACHED_KM = 30.0
#: Words for an airport or a station, in the languages that write them apart from the name.
_FACILITY_WORDS = (r"airport|air\s+base|airbase|airfield|station|terminal|aeropuerto|aéroport|aeroporto|flughafen|bahnhof"
                   r"|gare|stazione|estación|estação|вокзал|аэропорт")
_A_FACILITY_AFTER = regex.compile(
    rf"(?:\s+\p{{Lu}}\p{{L}}*){{0,2}}\s+(?i:{_FACILITY_WORDS})\b"
    r"|\s*(?:空港|机场|機場|站|駅|공항|역|국제공항)")


def _heading_for(text: str, m: Mention) -> bool:
    """True when a word of ``heading`` stands right before ``m`` ("bound for Vladivostok"): the journey was on its way
    there when told, and reached it after the stops told after it, whatever the time of its sentence."""
    return bool(_word_right_before(_fold(text[max(m.sentence_start, m.start - _PHRASE_REACH):m.start]),
                                   cues().heading))


def _capital_said(text: str, m: Mention) -> str:
    """A word of ``capital`` right after ``m`` ("the Ukrainian capital", "Ukraine's capital", "乌克兰首都") or right
    before it ("the capital of Ukraine", "столицу Украины"), or ``""``."""
    after = _fold(text[m.end:min(m.sentence_end, m.end + 30)]).lstrip()
    before = _fold(text[max(m.sentence_start, m.start - _PHRASE_REACH):m.start]).rstrip()
    last = _LAST_WORD.search(before + " ")
    for cue in cues().capital:
        if after.startswith(cue) and (_UNSPACED.match(cue) or not after[len(cue):len(cue) + 1].isalpha()):
            return cue
        if _ends_with_words(before, cue) or (last is not None and " " not in cue and last[1].startswith(cue)
                                              and len(last[1]) - len(cue) <= MODE_WORD_ENDING):
            return cue
    return ""


def _named_next(text: str, m: Mention, later: Mention | None, place: Place) -> bool:
    """True when ``later``, the mention after ``m``, is of ``place`` in its clause ("Vietnam's capital Hanoi",
    "老挝首都万象"): that mention is the place's."""
    return later is not None and later.place is not None and later.place.source == place.source \
        and later.sentence_start == m.sentence_start and not _CLAUSE_BREAK.search(text, m.end, later.start)


def _described_as_its(text: str, m: Mention, earlier: Mention | None, place: Place) -> bool:
    """True when ``earlier``, the mention before ``m``, is of ``place``, and ``m`` in what describes it ("Dili, the
    capital of East Timor"): that mention is the place's."""
    return earlier is not None and earlier.place is not None and earlier.place.source == place.source \
        and earlier.sentence_start == m.sentence_start and _APPOSITION.fullmatch(text, earlier.end, m.start) is not None


#: What stands between a place and a name in what describes it: a comma and words in small letters (", the capital of
#: ", ", la capitale du ").
_APPOSITION = regex.compile(r"\s*,\s*(?:\p{Ll}[\p{L}\p{M}'’]*\s+){1,4}")


#: The dash or hyphen between the two ends of a line's or a train's name ("the Mumbai-Ahmedabad bullet train").
_LINE_DASH = regex.compile(r"\s?[-–—―]\s?")
#: A word right after two places a dash joins that makes them the ends of a stretch of line ("金沢―敦賀間", between
#: Kanazawa and Tsuruga; "서울-부산 구간").
_STRETCH_AFTER = regex.compile(r"\s?(?:区間|間|段|구간)")
_LINE_DASH_BEFORE = regex.compile(r"[-–—―]\s?$")
_NOT_IN_A_NAME = regex.compile(r"[^\p{L}\p{M}]")


def _lines_named(text: str, mentions: list[Mention]) -> dict[int, str]:
    """The mentions (by ``id``) that are the ends of a line's or a train's name, two places a dash joins before a mode
    word of the next two words or after one of the three before ("मुंबई-अहमदाबाद बुलेट ट्रेन", "the Beijing–Moscow
    train", "le train de nuit Paris-Nice"), or before a word of a stretch of line ("金沢―敦賀間"), each with the
    name."""
    out: dict[int, str] = {}
    for m in mentions:  # a stretch's ends, the second a name or not ("金沢―敦賀間", 敦賀 too small to be found there)
        if (dash := _LINE_DASH.match(text, m.end)) and (stretch := _STRETCH_AFTER.search(text, dash.end(),
                                                                                         dash.end() + 13)) \
                and not _NOT_IN_A_NAME.search(text, dash.end(), stretch.start()):
            out[id(m)] = text[m.start:stretch.end()]
        elif (dash := _LINE_DASH_BEFORE.search(text, max(0, m.start - 13), m.start)) \
                and (stretch := _STRETCH_AFTER.match(text, m.end)) and not _NOT_IN_A_NAME.search(text, dash.end(),
                                                                                                  m.start):
            out[id(m)] = text[dash.start():stretch.end()]
    for a, b in zip(mentions, mentions[1:]):
        if id(a) not in out and _LINE_DASH.fullmatch(text, a.end, b.start):
            after = list(_WORD.finditer(text, b.end, b.sentence_end))[:2]
            # (or before the first of the three words before them: "le train de nuit Paris-Nice")
            before = list(_WORD.finditer(text, a.sentence_start, a.start))[-3:]
            moded = [w for w in (*after, *before) if any(
                _starts_with_mode_cue(_fold(text[w.start():w.start() + _REACH]), getattr(cues(), mode))
                for mode in MODES)]
            # (not an airport's or a station's name: "vom Flughafen Berlin-Brandenburg", at Berlin)
            if moded and not _AN_AIRPORT_RIGHT_BEFORE.search(text, a.sentence_start, a.start):
                out[id(a)] = out[id(b)] = text[min(a.start, moded[0].start()):max(b.end, moded[-1].end())]
    return out


#: A word for an airport or a station right before a name ("Flughafen Berlin-Brandenburg", "aéroport Paris-Charles de
#: Gaulle").
_AN_AIRPORT_RIGHT_BEFORE = regex.compile(rf"(?i:{_FACILITY_WORDS})\s+$")


def _second_names_of_airports(text: str, mentions: list[Mention]) -> dict[int, str]:
    """The mentions (by ``id``) of the second of two places a dash joins right after a word for an airport or a station,
    each with the airport's name ("vom Flughafen Berlin-Brandenburg": Brandenburg, the airport being at Berlin)."""
    return {id(b): text[airport.start():b.end] for a, b in zip(mentions, mentions[1:])
            if _LINE_DASH.fullmatch(text, a.end, b.start)
            and (airport := _AN_AIRPORT_RIGHT_BEFORE.search(text, a.sentence_start, a.start))}


def _a_station_in(m: Mention) -> bool:
    """True when a word of the mention after its first is a word for a railway station (``railway_station_words`` of
    ``morphology.toml``): the station is in the place the mention holds ("Chicago Union Station", "Milano Centrale",
    "Parigi Gare de Lyon")."""
    words = script_words(script_of(m.text), "railway_station_words")
    said = m.text.split()
    # (or the first, where the mention ends with the town: "la gare Montparnasse à Paris")
    return any(word.casefold().startswith(w) for word in said[1:] for w in words) or (
        len(said) > 1 and said[0].casefold().startswith(tuple(words)) and m.place is not None
        and m.text.endswith(m.place.name))


def _left_or_reached(text: str, m: Mention) -> bool:
    """True when the word right before the mention is a word of travel ("left London St Pancras", "arrived at"): a
    longer name that holds a place, told so, is a building of the place (a station)."""
    before = _fold(text[max(m.sentence_start, m.start - _PHRASE_REACH):m.start]).rstrip()
    words = _WORD.findall(before)[-2:]
    if words and words[-1] in ("at", "in", "from"):
        words = words[:-1]
    # (or a phrase of travel: "pulled out of London Euston")
    return bool(words) and bool(_starts_with_cue(words[-1] + " ", cues().motion)) \
        or any(" " in c.strip() and _ends_with_words(before, c.strip()) for c in cues().motion)


def _named_with_its_kind(m: Mention) -> bool:
    """True when the mention begins with a word of the kind of place it is (``kind_of_place``: مدينة داندونغ, the city
    of Dandong), which a name the gazetteer knows comes after: it is the place, not an organisation named after it."""
    return bool(_starts_with_cue(_fold(m.text), tuple(k + " " for k in cues().kind_of_place)))


#: Words in title case that hyphens join, right after a name: a longer name it begins ("the Venice
#: Simplon-Orient-Express left Paris": a train's name, not Venice).
_TITLED_COMPOUND_AFTER = regex.compile(r" \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+\b")


#: The word an airline's name begins with ("Air Koryo", "Air China"), or a Japanese railway company's ("JR東海", JR
#: Central): the name after it is the company's.
_AIRLINE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:Air\s|JR)$")


def is_organisation(text: str, m: Mention) -> bool:
    """True when the name is part of an organisation's name ("New York Times", "Air Koryo") or of another longer name,
    which words in title case that hyphens join go on ("Venice Simplon-Orient-Express", a train)."""
    after = _fold(text[m.end : m.end + 20]).lstrip(" -")
    return bool(_starts_with_cue(after, cues().not_place_after)) or bool(_TITLED_COMPOUND_AFTER.match(text, m.end)) \
        or bool(_AIRLINE_BEFORE.search(text, max(0, m.start - 5), m.start))


#: What stands between two places of one list: a comma or "and" (in the languages of ``data/cues.toml``), a few
#: words before it and a few in small letters after it ("Nanning on Monday evening and the border town of Pingxiang").
_JOINT = r"(?:[,،]|,?\s+(?:and|und|et|och|ja|и|a|y))"
_LISTED_AFTER = regex.compile(r"(?:\s+[\p{L}\d]+){0,4}?" + _JOINT + r"(?:\s+[\p{Ll}\d][\p{L}\p{M}\d'’-]*){0,4}\s+")


#: After a word of ``then``, at most this many words in small letters (a day, a preposition) stand before a place told
#: as the next stop ("puis vendredi à Brazzaville", "y después a Dili").
THEN_WORDS_BEFORE = 4
_SMALL_WORDS = regex.compile(r"(?:\s+[\p{Ll}\d][\p{L}\p{M}\d'’-]*)*\s+")


def _first_town_after(country: Mention, m: Mention, mentions: list[Mention]) -> bool:
    """True when ``m`` is the first town told after ``country``, a mention of its country, in the same sentence or the
    next ("Путин в четверг отправится во Вьетнам. В Ханое он встретится ...")."""
    if not 0 <= m.sentence_index - country.sentence_index <= 1 or m.start < country.end:
        return False
    return not any(country.end <= x.start < m.start and x.place is not None and not x.place.is_context
                   for x in mentions)


def _then_between(text: str, previous: Mention, m: Mention) -> str:
    """The word of ``then`` between ``previous``, a stop, and ``m`` in their sentence with no clause's end between
    (a semicolon, a colon), after which at most ``THEN_WORDS_BEFORE`` words in small letters stand before ``m``
    ("à Luanda, en Angola, puis vendredi à Brazzaville"): ``m`` is where the journey went next; or ``""``."""
    gap = text[previous.end:m.start]
    if regex.search(r"[;:]", gap):
        return ""
    for then in _whole_words("then").finditer(text, previous.end, m.start):
        rest = text[then.end():m.start]
        if _SMALL_WORDS.fullmatch(rest) and len(rest.split()) <= THEN_WORDS_BEFORE:
            return then[0]
    return ""


def _gapped(text: str, previous: Mention, m: Mention) -> str:
    """The short word (a preposition) that stands right before both ``previous``, a stop, and ``m``, "and" and at most
    ``GAPPED_WORDS`` words between them, no clause's end but a comma: the word of travel of ``previous`` is left out
    before ``m`` ("due to travel to Istanbul later in the day and on Friday to Iznik"); or ``""``."""
    gap = text[previous.end:m.start]
    word = _LAST_WORD.search(gap)
    before = _LAST_WORD.search(text, max(previous.sentence_start, previous.start - 12), previous.start)
    if word is None or before is None or len(word[1]) > 4 or _fold(word[1]) != _fold(before[1]) \
            or not _AND.search(gap) or regex.search(r"[;:.]", gap) or len(gap.split()) > GAPPED_WORDS:
        return ""
    return word[1]


#: At most this many words stand between a stop and a place whose word of travel is left out after "and".
GAPPED_WORDS = 8


#: ... and in Chinese, which writes no spaces: the enumeration comma or "and" ("奥克兰、阿德莱德和珀斯")
_UNSPACED_JOINT = regex.compile(r"\s*(?:[、，,]|和|及|与|以及)\s*")


#: ... and the joint of a list alone ("via Erenhot and Zamyn-Üüd", "через Улан-Удэ, Читу и Хабаровск").
_LIST_JOINT = regex.compile(rf"\s*{_JOINT}\s+")


#: A report's headline: its first line, short, with no full stop at its end, and more lines after it.
_HEADLINE = regex.compile(r"[^\n]{0,199}[^\n.!?।。！？]\n\s*(?=\S)")

#: What follows a dateline's name: a stroke, a dash, a bracket, or a date and then one of them ("सियोल ।",
#: "SEOUL, Sept 12 (Reuters) -", "BUENOS AIRES, 17 may (EFE).-"), or a date and a full stop ("नई दिल्ली, 5 अगस्त।").
_DATELINE_TAIL = regex.compile(r"\s*(?:[।|:—–=]|-\s|\(|,[^.।\n]{0,30}[—–(]|,[^.।\n]{0,30}\s-\s"
                               r"|,\s*\d{1,2}\s+[\p{L}\p{M}]+\s*[।.]\s)")


def _headline_end(text: str) -> int | None:
    """Where a report's headline ends (``_HEADLINE``), or ``None``."""
    return text.index("\n") if _HEADLINE.match(text) else None


#: A news agency's name in brackets right after a dateline's place ("الدوحة (قنا) -", "SEOUL (Yonhap) -").
_AGENCY_AFTER_A_DATELINE = regex.compile(r"[^\S\n]*(?:,[^(\n]{0,30})?\([^()\n]{1,30}\)")


def dateline(text: str, mentions: list[Mention]) -> Mention | None:
    """The mention that opens a report, or the paragraph after its headline, as its dateline ("सियोल ।", "SEOUL, Sept
    12 (Reuters) -")."""
    headline = _HEADLINE.match(text)
    for opens in (0, headline.end()) if headline else (0,):
        m = next((m for m in mentions if m.start >= opens), None)
        if m is None or m.start > opens + 40 or any(ch.isalpha() and ch.islower() for ch in text[opens:m.start]):
            continue
        tail = text[m.end : m.end + 40]
        if not text[opens:m.start].strip() and m.text.isupper() and len(m.text) > 2 and regex.match(r"^[,.]\s", tail):
            return m  # "МОСКВА, 3 июля."
        if _DATELINE_TAIL.match(tail):
            return m
    return None


def _before_only(m: Mention) -> int | None:
    """Where the words that may cue ``m`` end: at its end in a language of prepositions, whose words of travel stand
    before the place they go to; ``None`` (both sides) in one of postpositions ("दिल्ली लौटेंगे")."""
    return None if script_of(m.text) in _POSTPOSITIONAL_SCRIPTS else m.end


def _near_cue(text: str, m: Mention, cue_list: tuple[str, ...], told_from: int | None = None,
              in_names: bool = True) -> str:
    """The nearest cue of ``cue_list`` within the window around ``m`` in its sentence (none from ``told_from`` on; none
    of a name's capitalised words after its first unless ``in_names``: ``_window``)."""
    for _dist, rest in sorted(_window(text, m.start, m.end, m.sentence_start, m.sentence_end, told_from, in_names)):
        cue = _starts_with_cue(rest, cue_list)
        if cue:
            return cue
    return ""


def _planned_in_sentence(text: str, m: Mention, cue_list: tuple[str, ...]) -> str:
    """A cue of ``cue_list`` in the sentence of ``m``, before it or in its clause: not in a clause after it, which
    tells of something else ("went by car to Hanoi, where he will meet Trump")."""
    sentence = _fold(text[m.sentence_start:m.sentence_end])
    clause_end = _clause_after(text, m) - m.sentence_start
    for cue in cue_list:
        if 0 <= _cue_at(sentence, cue) < clause_end:
            return cue.strip()
    return ""


def _cue_at(folded: str, cue: str) -> int:
    """Where ``cue`` first stands in ``folded`` (case-folded text) as a cue, or -1: a stem begins a word, or follows
    the letters written onto it ("ومن المقرر": and it is scheduled; "وتوجه"), or is Chinese or Japanese, which write
    no spaces ("戻る予定", "出発")."""
    at = folded.find(cue)
    while at > 0 and folded[at - 1].isalnum() and not _after_proclitics(folded, at) and not _UNSPACED.match(cue):
        at = folded.find(cue, at + 1)
    return at


def _after_proclitics(text: str, at: int) -> bool:
    """True when what stands before ``at`` in its word are letters a script writes onto a word (و in ومن)."""
    start = at
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return any(len(form) == len(text) - at for form in _without_proclitics(text[start:])[1:])


_YEAR = regex.compile(r"(?<![\d\p{L}])(1[89]\d\d|20\d\d)(?![\d])")


def past_or_hypothetical(text: str, m: Mention, article_year: int | None) -> str:
    """Why ``m`` belongs to another trip (a past or hypothetical one), or ``""``: a word of ``past`` near it (not one of
    ``began_earlier`` where the journey left it: "Ранее лидер КНДР выехал из Пхеньяна"), one of ``past_opening``
    opening its sentence ("В прошлом году по этому маршруту ездил наш корреспондент из Казани"), or a year before the
    article's near it, or, the article's year unknown, one near it with a word of ``earlier`` in its clause ("In 2019
    he had made a similar trip to Cardiff")."""
    cue = _near_cue(text, m, cues().past)
    if cue and not (cue in cues().began_earlier and origin_cue(text, m)):
        return f"“{cue}”: another trip, past or hypothetical"
    opening = _fold(text[m.sentence_start:m.start]).lstrip(" \"'“«„")
    cue = _opening_cue(opening, cues().past_opening)
    if cue:
        return f"“{cue}”: another trip, past or hypothetical"
    lo, hi = max(m.sentence_start, m.start - 60), min(m.sentence_end, m.end + 60)
    for y in _YEAR.finditer(text, lo, hi):
        if article_year is not None and int(y.group(1)) < article_year:
            return f"“{y.group(1)}”: a trip in an earlier year"
        if article_year is None and _told_as_earlier(text, m):
            return f"“{y.group(1)}”: a trip in another year, told as before the journey"
    return ""


@dataclass(frozen=True, slots=True)
class When:
    """When the text says a stop was reached or left."""

    words: str  # as written ("रविवार दोपहर")
    weekday: int | None = None  # 0 = Monday
    day: int | None = None  # day of the month
    month: int | None = None
    daypart: int | None = None  # 0 = early ... 4 = night
    same_day: bool = False  # the day of the time told before it ("later that day", "当天下午")


#: What ends a clause: a comma, a colon (not inside a number or a time of day: "1,900 km", "11:45 p.m."), a semicolon,
#: brackets, a dash, and Arabic's, Chinese's and Japanese's commas and others.
_CLAUSE_BREAK = regex.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()\[\]—–،؛，、；：（）]")
_CLAUSE_BREAK_BACK = regex.compile(_CLAUSE_BREAK.pattern, regex.REVERSE)  # the last one first


#: "and" in the languages of ``data/cues.toml`` written with spaces, before the word after it.
_AND_WORDS = r"(?<!\S)(?:and|und|et|y|e|и|och|ja)\s+"
_AND = regex.compile(_AND_WORDS + r"(?=\S)", regex.IGNORECASE)


#: "and", and an article, right before a time ("y el domingo", "and on Sunday").
_AND_BEFORE_A_TIME = regex.compile(_AND_WORDS + r"(?:(?:the|on|el|la|le|der|die|das|am|o|a|il|lo)\s+)?$",
                                   regex.IGNORECASE)


def _and_travelled(text: str, lo: int, hi: int) -> bool:
    """True when "and" and a word of travel right after it stand in ``text[lo:hi]`` ("... on Friday and arrived in")."""
    return any(_starts_with_cue(_fold(text[a.end():a.end() + _REACH]), cues().motion)
               for a in _AND.finditer(text, lo, hi))


#: The word between a day's number and its month's name in Spanish and Portuguese ("9 de septiembre").
_DAY_OF_THE_MONTH = frozenset({"de"})


def _time_words(text: str, lo: int, hi: int, names: list[Mention] = ()) -> list[tuple[int, int, When]]:
    """Time expressions in ``text[lo:hi]``: (start, end, When), the words of one expression joined
    ("Sunday afternoon", "रविवार दोपहर", "24일 새벽", "в понедельник вечером", "February 26"); none begins inside
    one of ``names`` (朝, morning, in 北朝鮮, North Korea)."""
    c = cues()
    found: list[tuple[int, int, str, int]] = []  # (start, end, kind, value)
    inside = {i for n in names for i in range(n.start, n.end)}
    words = [w for w in _WORD.finditer(text, lo, hi) if w.start() not in inside]
    for k, w in enumerate(words):
        token = _fold(w.group(0))
        kind = value = None
        # (Korean writes a particle onto the day: "21일에는", on the 21st)
        if (m := regex.match(r"(\d{1,2})(일(?:에는|에도|에|은|는|도|부터|까지)?)?$", token)) and 1 <= int(m.group(1)) <= 31:
            nxt = _fold(words[k + 1].group(0)) if k + 1 < len(words) else ""
            prev = _fold(words[k - 1].group(0)) if k else ""
            joint = nxt in _DAY_OF_THE_MONTH and k + 2 < len(words)  # "9 de septiembre"
            if joint:
                nxt = _fold(words[k + 2].group(0))
            after = next((i for st, i in c.months if len(st) >= 2 and nxt.startswith(st)), None)
            month = after or next((i for st, i in c.months if len(st) >= 2 and prev.startswith(st)), None)
            if month and not after and k >= 2 and _fold(words[k - 2].group(0)) == "the":
                continue  # a day's name, no time of the journey ("to mark the anniversary of the Sept. 11 attacks")
            if nxt == "日" and words[k + 1].start() == w.end():  # Chinese and Japanese: "20日"
                found.append((w.start(), w.end() + 1, "day", int(m.group(1))))
            elif m.group(2) or month:
                found.append((w.start(), w.end(), "day", int(m.group(1))))
                if month:  # the month's word with the day's ("September 13", "13 сентября")
                    month_word = words[k + 1 + joint] if after else words[k - 1]
                    found.append((month_word.start(), month_word.end(), "month", month))
            continue
        end = w.end()
        unspaced = _UNSPACED.match(token) is not None
        if unspaced:  # a letter of a script without spaces: the words it begins ("星期一", "上午")
            token = _fold(text[w.start():min(hi, w.start() + 4)])
        for st, i in c.weekdays:
            if "-" in st and _fold(text[w.start():w.start() + len(st)]) == st:  # ("sexta-feira", Friday)
                kind, value, end = "weekday", i, w.start() + len(st)
                break
            if token.startswith(st):
                kind, value, end = "weekday", i, (w.start() + len(st) if unspaced else end)
                break
        if kind is None:
            for st, i in c.dayparts:
                if token.startswith(st) and (len(st) > 3 or token == st or unspaced):
                    kind, value, end = "daypart", i, (w.start() + len(st) if unspaced else end)
                    break
        if kind:
            found.append((w.start(), end, kind, value))
    found += [(x.start(), x.end(), "same_day", 0) for x in _whole_words("same_day").finditer(text, lo, hi)
              if x.start() not in inside]
    # join the words of one expression (a few characters apart, no clause break); keep those that name a day
    out: list[tuple[int, int, When]] = []
    group: list[tuple[int, int, str, int]] = []

    def flush() -> None:
        kinds = {g[2]: g[3] for g in group}
        if "weekday" in kinds or "day" in kinds or "same_day" in kinds:
            start, end = group[0][0], max(g[1] for g in group)
            out.append((start, end, When(text[start:end], kinds.get("weekday"), kinds.get("day"), kinds.get("month"),
                                         kinds.get("daypart"), "same_day" in kinds and "weekday" not in kinds
                                         and "day" not in kinds)))

    for f in sorted(found):
        # one expression says each of a day's parts once: "Tuesday morning after an overnight journey" ends at morning
        # (and "and" parts two: "later in the day and on Friday")
        if group and (f[0] - group[-1][1] > 12 or _CLAUSE_BREAK.search(text, min(f[0], group[-1][1]), f[0])
                      or _AND.search(text, min(f[0], group[-1][1]), f[0]) or f[2] in {g[2] for g in group}):
            flush()
            group = []
        group.append(f)
    if group:
        flush()
    return out


#: What stands between a town and the country or region that says where it is: "Khasan in Primorsky Krai",
#: "Хасан в Приморском крае", "Khasan, Russia", "Dili, the capital of East Timor" (after it); "러시아 하산역", "Russia's
#: Khasan" (before it).
_QUALIFIER_AFTER = regex.compile(r"\s*(?:[,(]|\p{L}{1,3})?\s*|" + _APPOSITION.pattern)
_QUALIFIER_BEFORE = regex.compile(r"(?:['’]s)?\s+")


def _town_qualified_by(text: str, m: Mention, ms: list[Mention]) -> Mention | None:
    """The town that the country or region ``m`` says where it is, written right beside it, or ``None``."""
    if m.place is None or not m.place.is_context:
        return None
    region = m.place
    for o in ms:
        town = o.place
        if o is m or town is None or town.is_context or town.country_code != region.country_code:
            continue
        if region.feature != "country" and town.admin_code and not town.admin_code.startswith(region.admin_code):
            continue
        if (o.end <= m.start and _QUALIFIER_AFTER.fullmatch(text, o.end, m.start)
                or m.end <= o.start and _QUALIFIER_BEFORE.fullmatch(text, m.end, o.start)):
            return o
    return None


def _owner_of(text: str, m: Mention, ms: list[Mention]) -> Mention | None:
    """The place whose possessive stands right before ``m``, a name not placed ("Moscow's Yaroslavsky station"): the
    place it lies in, or ``None``."""
    if m.place is not None:
        return None
    return next((o for o in ms if o.place is not None and o.end < m.start
                 and _POSSESSIVE.fullmatch(text, o.end, m.start)), None)


#: An English possessive between two names ("Moscow's Yaroslavsky station").
_POSSESSIVE = regex.compile(r"['’]s\s+")


def assign_times(text: str, candidates: list[Mention]) -> dict[int, When]:
    """Give each time expression to the place it dates: a mention in the same sentence, in the same
    clause where there is one, the nearest; or, where a nearer time dates that one, a town right beside it in
    its clause ("reach Minneapolis late Tuesday night and Spokane on Thursday morning"). Returns
    ``id(mention) -> When``."""
    out: dict[int, When] = {}
    by_sentence: dict[int, list[Mention]] = {}
    for m in candidates:
        by_sentence.setdefault(m.sentence_start, []).append(m)
    told_day: When | None = None  # the last time told that names its day
    for start, ms in sorted(by_sentence.items()):
        end = ms[0].sentence_end
        claims: dict[int, tuple[tuple[int, int], When]] = {}
        costs: list[tuple[When, Callable[[Mention], tuple[int, int]]]] = []
        times = []
        for t0, t1, when in _time_words(text, start, end, ms):
            if _said_at(text, start, t0):
                continue  # when it was said, not travelled ("..., the foreign ministry said on Wednesday")
            if when.same_day:  # "later that day": the day told last ("当天下午抵达巴黎")
                if told_day is None:
                    continue
                when = When(when.words, told_day.weekday, told_day.day, told_day.month, when.daypart, True)
            times.append((t0, t1, when))
            told_day = when
        # the traveller's country takes no time ("президент России в среду отправится в Стамбул")
        leaders = {id(m) for m in ms if times and m.place is not None and m.place.feature == "country"
                   and _a_leaders_country(text, m)}
        for t0, t1, when in times:
            def cost(m: Mention, t0: int = t0, t1: int = t1) -> tuple[int, int]:
                if id(m) in leaders:
                    return (2, 0)
                lo, hi = (m.end, t0) if m.end <= t0 else (t1, m.start)
                # a country or region takes a time only when it stands much nearer than any town
                weight = 2 if m.place is not None and m.place.is_context else 1
                # ("left London Euston at 11:45 p.m. on Friday and arrived in Inverness": "and" and a word of travel
                # part two clauses as a comma does)
                # (as "and" right before the time does: "visitará Lovaina y el domingo celebrará una misa")
                return (1 if _CLAUSE_BREAK.search(text, lo, hi) or _and_travelled(text, lo, hi)
                        or hi == t0 and _AND_BEFORE_A_TIME.search(text, lo, hi) else 0, weight * (hi - lo))

            costs.append((when, cost))
            best = min(ms, key=cost)
            # a town the country beside it hands its time to is as near it as the country ("14일 우즈베키스탄
            # 사마르칸트를 방문하고 16일 귀국한다": the 14th)
            near = cost(best)
            best = _town_qualified_by(text, best, ms) or _owner_of(text, best, ms) or best
            # a place dated twice keeps the nearer expression ("on Tuesday confirmed ... left on Sunday from X")
            if id(best) not in claims or near < claims[id(best)][0]:
                claims[id(best)] = (near, when)
        # a time a nearer one kept from its place dates an undated town right beside it in its clause
        kept = {id(w) for _, w in claims.values()}
        beside = sorted([(c, k, m) for k, (when, cost) in enumerate(costs) if id(when) not in kept for m in ms
                         if id(m) not in claims and m.place is not None and not m.place.is_context
                         and (c := cost(m)) <= (0, TIME_BESIDE)], key=lambda x: (x[0], x[1], x[2].start))
        for _, k, m in beside:
            if id(costs[k][0]) not in kept and id(m) not in claims:
                claims[id(m)] = ((0, 0), costs[k][0])
                kept.add(id(costs[k][0]))
        out.update({k: w for k, (_, w) in claims.items()})
    return out


def _said_at(text: str, lo: int, t0: int) -> bool:
    """True when a word of saying (not of meeting) stands among the two words right before a time at ``t0`` (from
    ``lo``, its sentence's start): the time dates what was said ("said on Wednesday", "announced Tuesday"; not "talks
    on Monday")."""
    words = [_fold(w[0]) + " " for w in list(_WORD.finditer(text, lo, t0))[-2:]]
    return any(_starts_with_cue(w, cues().speech) and not _starts_with_cue(w, cues().meeting) for w in words)


#: A time that a nearer one keeps from the place it stands nearest dates the place beside it, this near (characters)
#: in its clause, if that has none ("reach Minneapolis late Tuesday night and Spokane on Thursday morning").
TIME_BESIDE = 12


_ISO_DATE = regex.compile(r"\b(20\d\d|19\d\d)-([01]\d)-([0-3]\d)\b")


def article_date(text: str) -> "datetime.date | None":
    """The date the article gives itself near its start: ISO (2023-09-12), "12 September 2023",
    "September 12, 2023", "12.09.2023", "2023년 9월 12일"."""
    from datetime import date

    head = text[:400]
    if hit := _ISO_DATE.search(head):
        y, mo, d = map(int, hit.groups())
    elif hit := regex.search(r"\b([0-3]?\d)\.([01]?\d)\.(20\d\d)\b", head):
        d, mo, y = map(int, hit.groups())
    elif hit := regex.search(r"(20\d\d)년\s*(\d{1,2})월\s*(\d{1,2})일", head):
        y, mo, d = map(int, hit.groups())
    else:
        folded = _fold(head)
        y = mo = d = None
        for hit in regex.finditer(r"(?:(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(20\d\d))|(?:(\p{L}+)\.?\s+(\d{1,2}),?\s+(20\d\d))",
                                  folded):
            dd, word, yy = (hit.group(1), hit.group(2), hit.group(3)) if hit.group(1) else (hit.group(5), hit.group(4), hit.group(6))
            found = next((i for w, i in cues().months if word.startswith(w) and len(w) >= 3), None)
            if found:
                y, mo, d = int(yy), found, int(dd)
                break
        if y is None:
            return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _resolve_dates(whens: dict[str, When], planned: set[str], today, start_day: int | None = None
                   ) -> dict[str, tuple[float, str | None]]:
    """Sort keys, and ISO dates where the article's date allows, for the stops' times."""
    from datetime import date, timedelta

    keys: dict[str, tuple[float, str | None]] = {}
    if today is not None:
        for k, w in whens.items():
            d = None
            if w.day is not None:
                month = w.month or today.month
                year = today.year - (1 if w.month and w.month > today.month + 1 else 0)
                try:
                    d = date(year, month, w.day)
                except ValueError:
                    d = None
                if d is not None and w.month is None and d > today + timedelta(days=3):
                    prev = (today.replace(day=1) - timedelta(days=1))
                    try:
                        d = date(prev.year, prev.month, w.day)
                    except ValueError:
                        d = None
            elif w.weekday is not None:
                delta = (today.weekday() - w.weekday) % 7
                d = today - timedelta(days=delta)
                if k in planned and d < today:
                    d += timedelta(days=7)
            if d is not None:
                keys[k] = (d.toordinal() + (w.daypart or 0) / 10, d.isoformat())
        return keys
    days = {k: w for k, w in whens.items() if w.day is not None}
    if days:
        return {k: (w.day + (w.daypart or 0) / 10, None) for k, w in days.items()}
    weekdays = sorted({w.weekday for w in whens.values() if w.weekday is not None})
    if not weekdays:
        return {}
    # weekdays without a date: the week begins on the origin's day, else after the longest gap between the days
    gaps = [((weekdays[(i + 1) % len(weekdays)] - d) % 7 or 7, i) for i, d in enumerate(weekdays)]
    start = start_day if start_day is not None else weekdays[(max(gaps)[1] + 1) % len(weekdays)]
    return {k: ((w.weekday - start) % 7 + (w.daypart or 0) / 10, None) for k, w in whens.items()
            if w.weekday is not None}


def choose_stops(text: str, mentions: list[Mention], today=None,
                 capital_of: Callable[[str], Place | None] | None = None) -> tuple[list[Stop], list[str]]:
    """Pick and order the stops among the resolved mentions; say of every resolved mention why it is or is not one.

    Parameters
    ----------
    text : str
    mentions : list of Mention
        Resolved mentions, in text order. Each gets its ``evidence``.
    today : datetime.date, optional
        The article's date (``--date``); else a date line in the text, if any.
    capital_of : callable, optional
        A country code's capital (``Gazetteer.capital``): a country told as its capital near a word of travel ("arrived
        in the Ukrainian capital") is that capital.

    Returns
    -------
    stops, warnings
    """
    today = today or article_date(text)
    opener = dateline(text, mentions)
    if opener is not None and opener.place is not None and opener.place.feature == "region" \
            and (city := _city_of_its_area(text, opener, dated=True)) is not None:
        opener.place, opener.match = city.place, city.match  # "KYIV, Dec 21 (Reuters)": the city, not its region
    if opener is not None and opener.place is not None and opener.place.feature == "country" \
            and (capital := next((c for c in opener.candidates if c.place.feature == "capital" and c.match == "exact"
                                  and c.place.country_code == opener.place.country_code), None)) is not None:
        opener.place, opener.match = capital.place, capital.match  # "الجزائر (رويترز)": Algiers, not Algeria
    by_place: dict[str, list[Mention]] = {}
    places: dict[str, Place] = {}
    cued: dict[str, tuple[Mention, str]] = {}
    origins: dict[str, str] = {}
    planned: set[str] = set()
    goals: set[str] = set()  # where a clause of leaving says the journey goes ("left Kyiv for Chisinau")
    told_going_to: set[str] = set()  # first told with a word of "to" right before it ("nach Moskau gereist")
    heading: set[str] = set()  # where the journey was on its way to when told ("bound for Vladivostok")
    origin_told: dict[str, int] = {}  # where the word of origin of each origin is told
    cued_at: dict[str, Mention] = {}  # ... and its mention
    # stops listed after one near a word of travel, told after it and a word of then, or told first in a country gone
    # to: how, for their evidence
    listed: dict[str, str] = {}
    last_cued: tuple[Mention, str] | None = None  # the last mention near a word of travel, and the word
    told_again: list[tuple[str, Mention]] = []  # a stop told again near a word of travel: (key, mention)
    again_cue: dict[int, str] = {}  # ... and the word, by the mention's id
    lines = _lines_named(text, mentions)
    airports = _second_names_of_airports(text, mentions)
    gone_to: dict[str, tuple[Mention, str]] = {}  # countries near a word of travel, by code: the mention and the word
    unmarked: set[int] = set()  # the mentions (by id) of places no word of travel nor of saying but of meeting is near
    back_home: list[tuple[Mention, str]] = []  # countries told near a word of going back, and the word
    left_countries: list[Mention] = []  # countries a word of origin marks
    named_for: set[int] = set()  # the mentions (by id) in an organisation's name, which take no time
    told_in: dict[str, Mention] = {}  # stops first told in a country gone to: that country's mention, by key
    for k, m in enumerate(mentions):
        if m.place is None:
            continue
        if m.place.feature in ("region", "country") and (city := _city_of_its_area(text, m)) is not None:
            m.place, m.match = city.place, city.match  # "travelled to Ulaanbaatar": the city, not the region around it
        if m.place.feature == "country" and capital_of is not None and _capital_said(text, m) \
                and travel_cue(text, m) and (capital := capital_of(m.place.country_code)) is not None \
                and not _named_next(text, m, mentions[k + 1] if k + 1 < len(mentions) else None, capital) \
                and not _described_as_its(text, m, mentions[k - 1] if k else None, capital):
            m.place, m.match = capital, "capital"  # "arrived in the Ukrainian capital": Kyiv
        if m.place.is_context:
            m.evidence = f"a {m.place.feature}: context, not a stop"
            # (not the traveller's: "президент России в среду отправится в Стамбул")
            if m.place.feature == "country" and (cue := travel_cue(text, m)) \
                    and not past_or_hypothetical(text, m, today.year if today else None) \
                    and not _a_leaders_country(text, m):
                gone_to[m.place.country_code] = (m, cue)  # "отправится во Вьетнам. В Ханое ..."
                if back := _near_cue(text, m, cues().return_to):
                    back_home.append((m, back))  # "قبل أن يعود إلى الجزائر": home, if the journey began there
            if m.place.feature == "country" and origin_cue(text, m):
                left_countries.append(m)  # "From Papua New Guinea he heads to Dili"
            continue
        if m.match == "annotated" and not m.place.country_code:  # "crossing the Atlantic"
            m.evidence = "a sea or an area of no country: context, not a stop"
            continue
        if m.match == "annotated" and _A_PLURAL_AFTER_THE.fullmatch(text[max(0, m.start - 4):m.end]):
            m.evidence = f"“the {m.text}”: a range's or islands' name, context, not a stop"  # "the Urals"
            continue
        if m is opener:
            m.evidence = "the dateline: where the report was filed"
            continue
        if opener is not None and _AGENCY_AFTER_A_DATELINE.match(text, opener.end) \
                and opener.end < m.start < _AGENCY_AFTER_A_DATELINE.match(text, opener.end).end():
            m.evidence = "the news agency's name in the dateline"  # "الدوحة (قنا) -": QNA, not Qina
            continue
        if is_organisation(text, m) or (m.match == "partial" and not _named_with_its_kind(m)
                                        and not _a_station_in(m) and not _left_or_reached(text, m)):
            m.evidence = "part of an organisation's name"
            named_for.add(id(m))
            continue
        if line := lines.get(id(m)):
            m.evidence = f"part of the name of a line or a train (“{line}”), not a stop"
            continue
        if airport := airports.get(id(m)):
            m.evidence = f"part of the name of an airport or a station (“{airport}”), not a stop"
            continue
        if landmark := _word_right_before(_fold(text[max(m.sentence_start, m.start - _PHRASE_REACH):m.start]),
                                          cues().landmark):
            m.evidence = f"“{landmark}”: where another place lies, not a stop"
            continue
        other = past_or_hypothetical(text, m, today.year if today else None)
        if other:
            m.evidence = other
            continue
        key = _town_of_its_station(text, m, mentions[:k], places) or _same_stop(m.place, places)
        if key is None and (town := _the_airport_of_a_stop(text, m, places, mentions)) is not None:
            key = town[0]
            places.setdefault(key, town[1])  # (a town told later: "ROMA (EFE). — ... del aeropuerto de Fiumicino")
        key = key or m.place.source
        by_place.setdefault(key, []).append(m)
        places.setdefault(key, m.place)
        if places[key].source.startswith(_ANNOTATED) and not m.place.source.startswith(_ANNOTATED):
            places[key] = m.place  # the White House is in Washington: the gazetteer's place names the stop
        left_from = origin_cue(text, m)
        # (or, in a postpositional language, a word of origin after its particle, farther than a word of travel may
        # stand: "東京駅を午前6時16分に出発した")
        cue = travel_cue(text, m) or (left_from if " " in left_from else "")
        # a word of origin marks it, though one of saying stands nearer than the word of travel ("flew in from Ankara
        # after meeting ..."), but not one that says where the words came from ("hieß es aus Budapest")
        if not cue and left_from and not _said_from(text, m, left_from):
            cue = _near_cue(text, m, cues().motion)
        said = "" if cue else speech_cue(text, m)
        how = ""  # how the mention is told with the stop before it, where no word of travel is near it
        if not cue and not said and last_cued is not None and last_cued[0].sentence_start == m.sentence_start \
                and (_LISTED_AFTER.fullmatch(text, last_cued[0].end, m.start)
                     or _UNSPACED.match(text, m.start) and _UNSPACED_JOINT.fullmatch(text, last_cued[0].end, m.start)):
            cue = last_cued[1]  # "stops in Yekaterinburg, Novosibirsk and Irkutsk"
            how = f"listed with “{last_cued[0].text}”"
        elif not cue and not said and last_cued is not None and last_cued[0].sentence_start == m.sentence_start \
                and (then := _then_between(text, last_cued[0], m)):
            cue = last_cued[1]  # "se rendra jeudi à Luanda, en Angola, puis vendredi à Brazzaville"
            how = f"told after “{then}”, next after “{last_cued[0].text}”"
        elif not cue and not said and last_cued is not None and last_cued[0].sentence_start == m.sentence_start \
                and (word := _gapped(text, last_cued[0], m)):
            cue = last_cued[1]  # "due to travel to Istanbul later in the day and on Friday to Iznik"
            how = f"“{word}” as before “{last_cued[0].text}”, its word of travel left out"
        if not cue and said and _starts_with_cue(said, cues().meeting) and _opened_by_before_that(text, m):
            cue = said  # "Накануне премьер провел переговоры в Смоленске": the day before, the traveller met there
        if not cue and not said and (opened := _opened_by_before_that(text, m)) \
                and not any(x.sentence_start == m.sentence_start and x.start < m.start for x in mentions):
            cue = opened  # "इससे पहले वह कोलकाता में एक कार्यक्रम में शामिल हुई थीं": before that, she was in Kolkata
        if not cue:
            m.evidence = f"“{said}”: where someone spoke" if said else "no travel words near it"
            if not said or _starts_with_cue(said, cues().meeting):  # (where someone met: there, if the journey was)
                unmarked.add(id(m))
            continue
        if how and key not in cued:  # (the stop's first mention tells why it is one)
            listed[key] = how
        m.evidence = _cue_evidence(cue, m.text, how or None)
        before, last_cued = last_cued, (m, cue)
        if key not in cued:
            cued[key] = (m, cue)
            # a stop is planned where the mention that makes it one is ("Trump is due to fly into Hanoi", after Kim
            # was driven there, is no plan of Kim's)
            # (not one the sentence tells was made before: "इससे पहले वह कोलकाता में एक कार्यक्रम में शामिल हुई थीं")
            if _planned_in_sentence(text, m, cues().planned) and cue != _opened_by_before_that(text, m):
                planned.add(key)
            # first told as gone to, a word of "to" right before it ("ist überraschend nach Moskau gereist")
            if not left_from and _word_right_before(_fold(text[max(m.sentence_start, m.start - _PHRASE_REACH):m.start]),
                                                    cues().goal + cues().direction):
                told_going_to.add(key)
        else:
            told_again.append((key, m))
            again_cue[id(m)] = cue
        # a place first told as where the journey went is not where it began ("left for Moscow ... From Moscow he
        # will travel to Vienna"; "nach Moskau gereist ... Von Moskau aus fliegt er")
        if key not in origins and key not in goals and key not in told_going_to and left_from:
            origins[key] = left_from
            origin_told[key], cued_at[key] = m.start, m
        # (and "Portland" in "bound for Seattle and Portland", listed with the place a word says it is)
        mate = before[0] if before is not None and before[0].sentence_start == m.sentence_start \
            and _LIST_JOINT.fullmatch(text, before[0].end, m.start) else None
        if key not in goals and (goal_cue(text, m) or mate is not None and goal_cue(text, mate)):
            goals.add(key)
        if key not in heading and (_heading_for(text, m) or mate is not None and _heading_for(text, mate)):
            heading.add(key)
    # a town no word of travel is near, told first after its country, which one is near, is where the journey went in
    # it ("Путин в четверг отправится во Вьетнам. В Ханое он встретится ..."), and planned if that is
    for key, ms in by_place.items():
        country = gone_to.get(places[key].country_code)
        if key in cued or country is None:
            continue
        m = next((m for m in ms if id(m) in unmarked and _first_town_after(
            country[0], m, [x for x in mentions if id(x) not in named_for])), None)
        if m is not None:
            cued[key] = (m, country[1])
            told_in[key] = country[0]
            listed[key] = f"the first town told in “{country[0].text}”"
            m.evidence = _cue_evidence(country[1], m.text, listed[key])
            if _planned_in_sentence(text, country[0], cues().planned):
                planned.add(key)
    # no town near a word of travel, but countries gone to ("सबसे पहले वह घाना पहुंचेंगे, जिसके बाद वह त्रिनिदाद और टोबैगो
    # जाएंगे"): the countries are the stops, where the gazetteer puts them, said to be countries
    if not cued:
        for m, cue in sorted(gone_to.values(), key=lambda mc: mc[0].start):
            key = m.place.source
            by_place.setdefault(key, []).append(m)
            places[key], cued[key] = m.place, (m, cue)
            listed[key] = "a country, the text naming no town the journey went to"
            m.evidence = _cue_evidence(cue, m.text, listed[key])
            if _planned_in_sentence(text, m, cues().planned):
                planned.add(key)
    # a stop told in the headline and again below it, near a word of travel, is told where the report tells it: a
    # headline sums the journey up, out of its order ("Erdogan heads to Budapest after Belgrade talks")
    if (headline := _headline_end(text)) is not None:
        for key, (m, _) in list(cued.items()):
            again = next((x for k, x in told_again if k == key and x.start > headline), None) if m.end <= headline \
                else None
            if again is None:
                continue
            told_again.remove((key, again))
            cued[key] = (again, again_cue[id(again)])
            # (what the headline's words said of it, the report's say again: "Mattarella in treno a Reggio Calabria",
            # "un Frecciarossa diretto a Reggio Calabria")
            for marked in (planned, goals, heading):
                marked.discard(key)
            if _planned_in_sentence(text, again, cues().planned):
                planned.add(key)
            if goal_cue(text, again):
                goals.add(key)
            if _heading_for(text, again):
                heading.add(key)
            if key in origins and origin_cue(text, again):
                origin_told[key], cued_at[key] = again.start, again
    # the journey has one origin, the first told so: a later "from" is where a later leg left ("by train from Kyiv to
    # Przemysl, and then flew from Rzeszow"), as a later "leaving" is ("a surprise visit to Kyiv ... He had flown from
    # Washington ... After leaving Kyiv")
    # ... but one told in a clause of what happened before that ("arrived in Washington after an overnight flight from
    # Rzeszow, where he had travelled by train from Kyiv") began it
    # ... nor does a plan to go on from a place reached before it was told ("arrived in Washington on Thursday ... From
    # Washington, Zelenskyy was expected to travel to New York"; not "after visiting the United Nations in New York
    # earlier in the week. He flew to Washington from New York")
    origins = {k: v for k, v in origins.items() if not (cued[k][0].start < cued_at[k].start
                                                        and not origin_cue(text, cued[k][0])
                                                        and _first_cue_in(text, cued_at[k].sentence_start,
                                                                          cued_at[k].sentence_end, cues().planned))}
    origins = dict(sorted(origins.items(), key=lambda kv: (not _told_as_earlier(text, cued_at[kv[0]]),
                                                           origin_told[kv[0]]))[:1])
    begun_at: dict[str, str] = {}  # stops made so by no word of travel near them: why they are
    filed = None if opener is None or opener.place is None else _same_stop(opener.place, places) or opener.place.source
    if not origins and filed is not None and (why := _begun_at_dateline(text, opener, cued, goals, mentions, filed)):
        # "NEW DELHI (Reuters) - Prime Minister Narendra Modi left for Moscow": the journey began where the report was
        # filed
        if filed in cued:  # told again later ("before returning to New Delhi"): the way home
            told_again = sorted(told_again + [(filed, cued[filed][0])], key=lambda km: km[1].start)
            for marked in (planned, goals, heading):
                marked.discard(filed)
        cued = {filed: (opener, ""), **{k: v for k, v in cued.items() if k != filed}}
        by_place[filed] = [opener] + by_place.get(filed, [])
        places[filed], origins[filed] = opener.place, ""
        begun_at[filed] = f"the dateline, where the report was filed: the journey began there, as {why}"
    breaks = [m.start() for m in regex.finditer(r"\n\n", text)]
    # "bound for New York ... due to dock in Brooklyn": where it was bound for is reached at the stop in it told later,
    # as where it went is ("a seven-night crossing to New York ... due to dock at the Brooklyn Cruise Terminal")
    for key in [*heading, *(goals - heading)]:
        reached = next((k for k, (m, _) in cued.items() if k != key and m.start > cued[key][0].start
                        and haversine_km(places[k].lat, places[k].lon, places[key].lat, places[key].lon)
                        <= (FACILITY_REACHED_KM if _A_FACILITY_AFTER.match(text, m.end) else HEADING_REACHED_KM)),
                       None) if key not in origins else None
        if reached is not None:
            m = cued.pop(key)[0]
            m.evidence = f"where the journey was bound for, reached at {cued[reached][0].text}" if key in heading \
                else f"where the journey went, reached at {cued[reached][0].text}"
            heading.discard(key)
            goals.discard(key)
            planned.discard(key)
            told_again = [(k, x) for k, x in told_again if k != key]
        elif key in heading \
                and (then := _goal_reached_at(text, cued[key][0], breaks)) < _paragraph_end(text, cued[key][0], breaks) \
                and not any(k == key and m.start > then for k, m in told_again):
            # "متوجها إلى الرياض ... على أن يتوجه بعدها إلى أبوظبي", "bound for Lviv ... From there, many plan to continue
            # to Przemysl": what is told after a word of then came after it, as after a goal (not where the place is
            # told again after that word, reached there: "Danach geht die Reise weiter über Bukarest nach Istanbul")
            heading.discard(key)
            goals.add(key)
    # the way back told before where the journey left ("avant de regagner Paris. Il avait quitté Paris lundi matin"):
    # the origin is the mention that tells it left, the first the way back
    for key in origins:
        m, at = cued[key][0], cued_at.get(key)
        if at is not None and at.start > m.start and _near_cue(text, m, cues().return_to) and not origin_cue(text, m):
            told_again = sorted([(k, x) for k, x in told_again if x is not at] + [(key, m)], key=lambda km: km[1].start)
            again_cue[id(m)] = cued[key][1]
            cued[key] = (at, again_cue.get(id(at), cued[key][1]))
    home = _way_back(text, cued, origins, told_again, back_home, places) \
        or _gone_home(text, cued, origins, told_again, places)
    home_key = None
    if home is not None:  # the journey ends where it began: a stop of its own
        key, m, back = home
        by_place[key] = [x for x in by_place[key] if x is not m]
        home_key = key + RETURN_KEY
        by_place[home_key], places[home_key], cued[home_key] = [m], places[key], (m, back)
        if m.place.feature == "country":  # told as its country
            listed[home_key] = f"“{m.text}”, the country of {places[key].name}, where the journey began"
        elif m.match == "home":  # a word, no name: "24일 귀국한다"
            listed[home_key] = f"going home, to {places[key].name}, where the journey began"
        m.evidence = _cue_evidence(back, m.text, listed.get(home_key))
        if _planned_in_sentence(text, m, cues().planned):
            planned.add(home_key)
    # ... unless it goes on from there: "will return to Sydney on Tuesday ... before flying on to Samoa" (a stop where
    # it began, in its place as told)
    went_on = home_key is not None and (then := _whole_words("then").search(text, cued[home_key][0].end,
                                                                             cued[home_key][0].sentence_end)) \
        and any(x.start >= then.end() and x.sentence_start == cued[home_key][0].sentence_start
                for k, (x, _) in cued.items() if k != home_key)
    reached = _reached_later(cued, origins, told_again, home_key)
    planned |= {k for k, m in reached.items() if _planned_in_sentence(text, m, cues().planned)}
    warnings: list[str] = []
    if not cued:
        keys = sorted(by_place, key=lambda k: by_place[k][0].start)
        if keys:
            warnings.append("no travel cues found in the text: the stops are its places in order of mention")
        return _make_stops(keys, by_place, places, {}, {}, set(), {}), warnings

    # times: said near a stop's cued mention, or carried on from the stop before it in the same paragraph
    # every mention may take a time, placed or not (Vietnam takes "on Tuesday"; the Vostochny Cosmodrome, unplaced,
    # its Wednesday, which Ussuriysk before it would take); only stops keep theirs
    timed = assign_times(text, sorted([m for m in mentions if id(m) not in named_for]
                                      + ([cued[home_key][0]] if home_key and cued[home_key][0].match == "home" else []),
                                      key=lambda m: m.start))
    # (the dateline's date is when the report was filed, not when the journey began)
    whens = {k: timed[id(cued[k][0])] for k in cued if id(cued[k][0]) in timed and k not in begun_at}
    # a country gone to hands its time to the first stop told in it after it in its sentence, where that has none ("El
    # lunes viajará a Alemania, donde recibirá un premio en Hamburgo")
    for country, _ in gone_to.values():
        in_it = [k for k in cued if cued[k][0].sentence_start == country.sentence_start
                 and cued[k][0].start > country.end and places[k].country_code == country.place.country_code]
        if id(country) in timed and in_it and (k := min(in_it, key=lambda k: cued[k][0].start)) not in whens \
                and k not in begun_at:
            whens[k] = timed[id(country)]
    # a time told in a clause of leaving for a goal is the leaving's ("von Hamburg nach Stockholm ist am Freitagabend
    # aufgebrochen"): the origin's, where it has none
    for k in goals & whens.keys():
        origin = next((o for o in origins if cued[o][0].sentence_start == cued[k][0].sentence_start), None)
        if origin is not None:
            when = whens.pop(k)
            whens.setdefault(origin, when)
    # the week begins on the origin's day, or, where the origin has none, the day of its sentence ("crossed at Khasan
    # on Tuesday, two days after leaving Pyongyang")
    start_day = next((whens[k].weekday for k in origins if k in whens), None)
    if start_day is None:
        start_day = next((whens[k].weekday for o in origins for k in whens
                          if cued[k][0].sentence_start == cued[o][0].sentence_start), None)
    # ... or, with no origin told, the day of the first stop told, if it is no plan ("arrived in Paris on Sunday ...
    # Xi will travel to Belgrade on Tuesday ... until Friday")
    # (or, with the dateline's place its origin, of the first stop told after it: "BRASÍLIA, 19 jun (Reuters) - O
    # presidente ... embarcou nesta segunda-feira para Roma")
    # (... unless another stop is told as what happened before, with a day of its own: "arrived in Kyiv on Thursday
    # ... The three leaders had boarded the special train at Rzeszow on Wednesday evening")
    first = min((k for k in cued if k not in begun_at), key=lambda k: cued[k][0].start, default=None)
    if start_day is None and (not origins or origins.keys() <= begun_at.keys()) and first in whens \
            and first not in planned:
        start_day = next((whens[k].weekday for k in cued if k in whens and whens[k].weekday is not None
                          and k not in planned and _told_as_earlier(text, cued[k][0])), whens[first].weekday)
    # a stop told after a word of origin and a country where a planned stop lies is planned too ("... before flying to
    # Port Moresby ... From Papua New Guinea he heads to Dili")
    planned |= {k for k in cued if k not in origins and any(
        c.sentence_start == cued[k][0].sentence_start and c.end <= cued[k][0].start and any(
            p in planned and places[p].country_code == c.place.country_code and cued[p][0].start < c.start
            for p in cued) for c in left_countries)}
    dated = _resolve_dates(whens, planned, today, start_day)
    # a stop told after a plan, at a later time, is planned too ("will leave for Kazan on Tuesday ... He returns to
    # New Delhi on Wednesday night"), the origin aside
    later = {k for k in dated if k not in planned and k not in origins and any(
        p in dated and dated[p][0] < dated[k][0] and cued[p][0].start < cued[k][0].start for p in planned)}
    if later:
        planned |= later
        dated = _resolve_dates(whens, planned, today, start_day)
    narrative = sorted(cued, key=lambda k: cued[k][0].start)
    order_key: dict[str, float] = {}
    last: float | None = None
    last_para = -1
    untimed: list[str] = []  # the paragraph's stops told before any time: they take its first time
    # the origin's time is told looking back ("The train left Pyongyang on Sunday."): it carries on to the stops of
    # its sentence only, and after it the story's clock is where it was before
    clock_before_origin: tuple[int, float | None] | None = None  # (the origin's sentence, the time before it)
    for k in narrative:
        para = bisect.bisect_left(breaks, cued[k][0].start)
        if para != last_para:
            last, last_para, untimed, clock_before_origin = None, para, [], None
        if clock_before_origin is not None and cued[k][0].sentence_start != clock_before_origin[0]:
            if clock_before_origin[1] is not None:
                last = clock_before_origin[1]
            clock_before_origin = None
        if k in dated:
            if k in origins:
                clock_before_origin = (cued[k][0].sentence_start, last)
            last = dated[k][0]
            order_key.update({u: last for u in untimed})
            untimed = []
        elif k in heading:  # reached later than any time told before it ("left on Monday, bound for Vladivostok")
            order_key[k] = float("inf")
            continue
        elif last is None:
            untimed.append(k)
        order_key[k] = last if last is not None else float("inf")
    # a stop told before any time of its paragraph, in a paragraph that tells none, comes before the next stop told
    # with one ("landete am Morgen in Nairobi. [...] Am Mittwoch reist Steinmeier weiter nach Mombasa")
    later = float("inf")
    for k in reversed(narrative):
        if order_key[k] == float("inf") and k not in heading:
            order_key[k] = later
        elif k not in heading:
            later = order_key[k]
    # a goal told untimed, reached where it is told again, is no earlier than the stops told before it there ("a quitté
    # Paris mardi soir ... pour Toulouse. Le train, qui s'est arrêté à Limoges ..., est arrivé à Toulouse")
    for k in goals & reached.keys():
        passed = [j for j in narrative if j != k and j not in origins and cued[j][0].start < reached[k].start]
        if k not in dated and passed and order_key[passed[-1]] != float("inf"):
            order_key[k] = max(order_key[k], order_key[passed[-1]])
    told = _told_order(text, cued, breaks, origins, goals, reached, told_in)
    # a stop told after the countries the journey went to, in one told before another and a word of then in their
    # sentence, is told before that other: the report names the countries in the order travelled, then their towns
    # ("will travel to Japan ..., before heading to China for a summit ... in Tianjin. Modi will hold talks ... in
    # Tokyo"; not "arrived in Vietnam ... His armoured train crossed into China at Dandong", told in two sentences)
    countries_told = sorted((m.start, m.sentence_start, code) for code, (m, _) in gone_to.items())
    for k, (m, _) in cued.items():
        own = gone_to.get(places[k].country_code)
        later = next((at for at, sentence, code in countries_told if own is not None and own[0].start < at < m.start
                      and code != places[k].country_code and sentence == own[0].sentence_start
                      and _whole_words("then").search(text, own[0].end, at)), None)
        if later is not None and k not in origins and told[k][0] > later:
            told[k] = (later, 0, told[k][0])
    # a stop made before the place the sentence before reached is no later than that place, whatever time that one
    # was told at ("... कीव पहुंचे। इससे पहले मोदी ... वारसॉ में थे": Warsaw, untimed, before Kyiv, on Friday)
    for k, t in told.items():
        if len(t) == 3 and t[1] == 0:
            reached_key = next((a for a, u in told.items() if u[:2] == (t[0], 1)), None)
            if reached_key is not None:
                order_key[k] = min(order_key[k], order_key[reached_key])
    # where the journey goes, after stops on the way there its sentence tells as plans, is a plan too ("departed Moscow
    # ... for its journey to Vladivostok, with stops planned in Kazan ...")
    planned |= {k for k in goals | heading if k not in origins and any(
        p in planned and cued[p][0].sentence_start == cued[k][0].sentence_start
        and cued[p][0].start > cued[k][0].start and told[p] < told[k] for p in cued)}
    # ... as is where it was bound for, after plans told later in its paragraph of stops on the way there from where
    # it began (``ON_THE_WAY_DETOUR``: "left Toronto ... bound for Vancouver. Over four days the train will call at
    # Winnipeg ..."; not "partió rumbo a Madrid. El lunes viajará a Alemania", a plan beyond it)
    began = next(iter(origins), None)
    planned |= {k for k in heading if began is not None and k not in origins and any(
        p in planned and p not in heading and p != home_key and p not in origins and cued[p][0].start > cued[k][0].start
        and _paragraph_end(text, cued[p][0], breaks) == _paragraph_end(text, cued[k][0], breaks)
        and _on_the_way(places[p], places[began], places[k]) for p in cued)}
    # the origin first; plans after everything that happened; then by time, where the journey was bound for after the
    # stops told at its time, then as told
    # ... but a stop told as the journey's first comes right after the origin, and one told as its last after all but
    # the way home ("primera etapa del viaje", "der letzten Station seiner Reise")
    firsts = {k for k in cued if k not in origins and k != home_key
              and any(_stage_said(text, m, cues().first_stop, mentions)
                      or _stage_said(text, m, cues().first_goes, mentions, after=False) for m in by_place[k])}
    lasts = {k for k in cued if k not in origins and k not in firsts and k != home_key
             and any(_stage_said(text, m, cues().last_stop, mentions) for m in by_place[k])}
    # a place first told as where the journey went back to ("avant son retour à Paris", where it began untold) ends it
    # (a word of going back before it, in a language of prepositions: not "para Nampula, antes de regressar a Lisboa")
    went_back = {k for k in cued if k not in origins and k != home_key and cued[k][0] is by_place[k][0]
                 and k not in begun_at and _near_cue(text, cued[k][0], cues().return_to, _before_only(cued[k][0]))}
    lasts |= went_back
    # ... after the plans told before it, a plan too
    planned |= {k for k in went_back if any(cued[p][0].start < cued[k][0].start for p in planned)}
    if lasts and home_key is not None and not went_on:
        lasts.add(home_key)
    keys = sorted(cued, key=lambda k: (k not in origins, k not in firsts, k in lasts, k in planned,
                                       k == home_key and not went_on,
                                       order_key[k], k in heading, told[k]))
    if keys != sorted(cued, key=lambda k: (k not in origins, k == home_key, cued[k][0].start)):
        warnings.append("stops ordered by the times, plans and earlier stops the text tells of, not by the order it "
                        "names them")
    return _make_stops(keys, by_place, places, cued, origins, planned,
                       {k: (whens[k].words, dated.get(k, (0, None))[1]) for k in whens}, listed, begun_at), warnings


def _stage_said(text: str, m: Mention, cue_list: tuple[str, ...], mentions: list[Mention], after: bool = True) -> str:
    """A phrase of ``cue_list`` (``first_stop``, ``last_stop``) in ``m``'s sentence right after it, or right before it
    in its clause, with no other place that may be a stop between ("Yakarta, primera etapa del viaje", "Daressalam in
    Tansania, der letzten Station seiner Reise", "첫 방문국인 투르크메니스탄의 수도 아시가바트에"), or ``""``; only before it
    where not ``after``."""
    def clear(lo: int, hi: int) -> bool:  # no town between (a country, a region may stand there)
        return not any(lo <= x.start < hi and x is not m and x.place is not None and not x.place.is_context
                       for x in mentions)
    told_after = _fold(text[m.end:min(m.sentence_end, m.end + _PHRASE_REACH)]) if after else ""
    lo = max(_clause_before(text, m), m.start - _PHRASE_REACH)
    before = _fold(text[lo:m.start])
    for cue in cue_list:
        at = told_after.find(cue)
        if at >= 0 and (at == 0 or not told_after[at - 1].isalpha() or _UNSPACED.match(cue)) \
                and clear(m.end, m.end + at):
            return cue
        at = before.rfind(cue)
        if at >= 0 and (at == 0 or not before[at - 1].isalpha() or _UNSPACED.match(cue)) \
                and clear(lo + at, m.start):
            return cue
    return ""


#: The key of the stop where a journey ends back at its origin: the origin's, and this.
RETURN_KEY = "#back"


def _begun_at_dateline(text: str, opener: Mention, cued: dict[str, tuple[Mention, str]], goals: set[str],
                       mentions: list[Mention], key: str) -> str:
    """Why a journey whose origin no word marks began at the dateline's place (``opener``, whose stop's key is
    ``key``), or ``""``: the journey goes back there ("before returning to New Delhi", "regresará a Madrid"), or its
    first stop, told in the report's first two sentences, is where someone left for with no place left named ("NEW
    DELHI (Reuters) - Prime Minister Narendra Modi left for Moscow"). Never where a country other than the dateline's
    is named before that stop ("SEOUL (Reuters) - North Korean leader Kim Jong Un left for Vladivostok" was filed where
    his journey did not begin)."""
    here = opener.place
    if here is None or here.is_context or not cued:
        return ""
    first_key, (first, _) = min(cued.items(), key=lambda kv: kv[1][0].start)
    if first_key == key:
        return ""

    def another_country_before(end: int) -> bool:
        return any(m.place is not None and m.place.feature == "country" and m.place.country_code != here.country_code
                   for m in mentions if opener.end <= m.start < end)

    # (a country in the first stop's description is none: "to the Polish border town of Przemysl")
    if not another_country_before(_described_from(text, first)):
        if key in cued and (back := _near_cue(text, cued[key][0], cues().return_to)):
            return f"it goes back there (“{back}” near “{cued[key][0].text}”)"
        if first_key in goals and first.sentence_index <= opener.sentence_index + 1:
            before = _fold(text[_clause_before(text, first):first.start])
            goal = _word_right_before(before, cues().goal)
            cue = _last_cue_in(before[:-len(goal) - 1], cues().origin) if goal else ""
            word = next((w[0] for w in reversed(list(_WORD.finditer(before))) if w[0].startswith(cue)), "") \
                if cue else ""
            if word:
                return f"“{word}” before “{first.text}” names no other place left"
    # a word of setting off in the dateline's sentence or the next, before any stop, and before the country of a
    # leader other than the dateline's, the traveller's ("नई दिल्ली, 5 अगस्त। राष्ट्रपति ... यात्रा पर रवाना हुईं।"; not
    # "SEOUL - North Korean leader Kim Jong Un left on Monday"; a country gone to is no leader's: "... फ्रांस और
    # अमेरिका की चार दिवसीय यात्रा पर रवाना हो गए")
    spans = sentences(text)
    told = spans[min(opener.sentence_index + 1, len(spans) - 1)][1]
    set_off = _first_cue_in(text, opener.end, min(told, first.start), cues().set_off)
    if set_off is not None and not any(
            m.place is not None and m.place.feature == "country" and m.place.country_code != here.country_code
            and _a_leaders_country(text, m) for m in mentions if opener.end <= m.start < set_off[0]):
        return f"“{set_off[1]}” before “{first.text}” names no place left"
    return ""


def _a_leaders_country(text: str, m: Mention) -> bool:
    """True when a word of ``leader`` stands right after ``m`` (a particle between: "उत्तर कोरिया के नेता") or right
    before it ("le dirigeant nord-coréen"): the country is a leader's."""
    return _first_cue_in(text, m.end, min(m.sentence_end, m.end + LEADER_REACH), cues().leader) is not None \
        or _first_cue_in(text, max(m.sentence_start, m.start - LEADER_REACH), m.start, cues().leader) is not None


#: How far from a country's name a word for a leader stands beside it (characters).
LEADER_REACH = 14


def _first_cue_in(text: str, start: int, end: int, cue_list: tuple[str, ...]) -> tuple[int, str] | None:
    """Where the first cue of ``cue_list`` in ``text[start:end]`` begins (``_cue_at``), and the word it begins, or
    ``None``."""
    folded = _fold(text[start:end])
    # (not the end of a word the span begins inside: "re" of "before heading", Italian for a king)
    inside = start > 0 and text[start - 1].isalnum() and not _UNSPACED.match(text, start)
    found = [(at, len(cue)) for cue in cue_list if (at := _cue_at(folded, cue)) >= 0
             and not (at == 0 and inside)]
    if not found:
        return None
    at, length = min(found)
    while at + length < len(folded) and folded[at + length].isalnum() and not _UNSPACED.match(folded, at + length):
        length += 1  # to the end of its word
    return start + at, text[start + at:start + at + length]


def _where_it_began(cued: dict[str, tuple[Mention, str]], origins: dict[str, str]) -> str | None:
    """The key of the journey's origin, or, where no word marks one, of the first stop told (``None`` with none)."""
    return next(iter(origins), None) or min(cued, key=lambda k: cued[k][0].start, default=None)


def _way_back(text: str, cued: dict[str, tuple[Mention, str]], origins: dict[str, str],
              told_again: list[tuple[str, Mention]], back_home: list[tuple[Mention, str]],
              places: dict[str, Place]) -> tuple[str, Mention, str] | None:
    """The last mention of the origin (the first stop told, where no word marks one) told again near a word of going
    back (``return_to``: "returned to London by air") or right after one of going there (``goal``: "s'envoler pour
    Rome"), or else of its country (``back_home``: "قبل أن يعود إلى الجزائر", before he returns to Algeria, after a
    journey from Algiers), after another stop was: the journey's way home, as (key, mention, word), or ``None``."""
    first = _where_it_began(cued, origins)
    left = min((m.start for k, (m, _) in cued.items() if k != first), default=None)
    if left is None:
        return None
    # (not where the way back leaves from: "Из Астаны президент вернется в Москву")
    for key, m in reversed(told_again):
        if key == first and m.start > left and (back := _near_cue(text, m, cues().return_to)) \
                and not origin_cue(text, m):
            return key, m, back
    # ... or of going there ("avant de s'envoler pour Rome", where the journey began)
    for key, m in reversed(told_again):
        if key == first and m.start > left \
                and (back := _word_right_before(_fold(text[_clause_before(text, m):m.start]), cues().goal)):
            return key, m, back
    home = places[first].country_code
    return next(((first, m, back) for m, back in reversed(back_home)
                 if m.start > left and m.place is not None and m.place.country_code == home), None)


def _gone_home(text: str, cued: dict[str, tuple[Mention, str]], origins: dict[str, str],
               told_again: list[tuple[str, Mention]], places: dict[str, Place]) -> tuple[str, Mention, str] | None:
    """A word of going home with no place (``going_home``: "24일 귀국한다", "14日に帰国する予定") told after every stop,
    where the journey began (its origin, else the first stop told) in one of the countries the word goes home to: the
    journey's way home, as (key, a mention of the word placed there, the word), or ``None``."""
    first = _where_it_began(cued, origins)
    if first is None or len(cued) < 2:
        return None
    last = max([m.end for m, _ in cued.values()] + [m.end for _, m in told_again])
    folded = _fold(text)
    found = max(((at, word) for word, homes in cues().going_home if places[first].country_code in homes
                 and (at := folded.rfind(word)) >= last), default=None)
    if found is None:
        return None
    at, word = found
    index, (start, end) = next((k, span) for k, span in enumerate(sentences(text)) if span[0] <= at < span[1])
    said = text[at:at + len(word)]
    home = Mention(at, at + len(word), said, index, start, end, place=places[first], match="home",
                   confidence=cued[first][0].confidence)
    return first, home, said


def _city_of_its_area(text: str, m: Mention, dated: bool = False) -> Candidate | None:
    """Where a word of travel stands near a name read as a region or a country that lies around a town of the name
    (the municipality of Ulaanbaatar around Ulan Bator, ``mentions.REGION_AROUND_KM``; a city-state, Singapore), or
    the name opens a dateline (``dated``: a report is filed in a town), the town's candidate: one travels to the town.
    ``None`` otherwise, or where a word of saying stands nearer."""
    region = m.place
    # (in it: near its middle, or, a first-level region's, in its bounds: Chongqing, 115 km from Chongqing Shi's)
    towns = [c for c in m.candidates if c.place.feature in ("city", "capital")
             and c.place.country_code == region.country_code
             and (haversine_km(c.place.lat, c.place.lon, region.lat, region.lon) <= REGION_AROUND_KM
                  or region.is_state and c.place.state_code == region.admin_code)]
    # (a station's or an airport's word after it says the town too: "東京駅を出発")
    if not towns or not (dated or travel_cue(text, m) or _name_end(text, m) > m.end):
        return None
    return max(towns, key=lambda c: (c.place.population, c.place.source))


def _before_that(text: str, m: Mention) -> bool:
    """True when the sentence of ``m`` tells stops made before the place the sentence before reached, on the way to
    it or the day before ("Along the way it stops in Irkutsk", "Накануне он пересёк границу на станции Хасан"), not
    the way back nor the way to a place ("on the way back", "on the way to Vladivostok")."""
    sentence = _fold(text[m.sentence_start:m.sentence_end])
    for cue in cues().before_that:
        at = sentence.find(cue)
        if at >= 0 and (at == 0 or not sentence[at - 1].isalnum()):
            rest = sentence[at + len(cue):].lstrip(" ,")
            return not _starts_with_cue(rest, cues().not_before_that_after)
    return False


def _opened_by_before_that(text: str, m: Mention) -> str:
    """The word of ``before_that`` that opens the sentence of ``m`` ("Накануне он пересёк границу"), or ``""``."""
    opening = _fold(text[m.sentence_start:m.sentence_end]).lstrip(" \"'“«„")
    return _opening_cue(opening, cues().before_that)


def _opening_cue(opening: str, cue_list: tuple[str, ...]) -> str:
    """The cue of ``cue_list`` that ``opening`` (case-folded text) begins with, as whole words, or ``""``."""
    return next((c for c in cue_list if opening.startswith(c) and not opening[len(c):len(c) + 1].isalpha()), "")


def _reached_later(cued: dict[str, tuple[Mention, str]], origins: dict[str, str],
                   told_again: list[tuple[str, Mention]], home_key: str | None) -> dict[str, Mention]:
    """The stops first told in the origin's sentence, as where the journey goes, and told again near a word of travel
    after other stops were first told: the mention where each was reached ("서울역에서 KTX를 타고 부산으로 출발했다.
    열차는 대전과 대구를 거쳐 오후 부산역에 도착했다": Busan, reached after Daejeon and Daegu; "The first Eurostar to
    Amsterdam left London, stopped in Brussels and Rotterdam, and reached Amsterdam Centraal")."""
    if not cued:
        return {}
    origin = _where_it_began(cued, origins)
    firsts = sorted(m.start for m, _ in cued.values())
    out: dict[str, Mention] = {}
    for key, m in told_again:
        told = cued[key][0]
        if key in (origin, home_key) or key in out or told.sentence_start != cued[origin][0].sentence_start \
                or m.start <= told.start or m is cued.get(home_key, (None,))[0]:
            continue
        if bisect.bisect_left(firsts, m.start) > bisect.bisect_right(firsts, told.start):  # stops first told between
            out[key] = m
    return out


def _told_order(text: str, cued: dict[str, tuple[Mention, str]], breaks: list[int],
                origins: dict[str, str], goals: set[str] = frozenset(),
                reached: dict[str, Mention] | None = None,
                told_in: dict[str, Mention] | None = None) -> dict[str, tuple]:
    """Where each stop stands in the story as told: where it is named, a goal where the journey reached it
    (``_goal_reached_at``: after the stops told on the way there), a place told again where it was reached
    (``reached``, of ``_reached_later``), but a sentence of stops made before the place the
    sentence before reached (``_before_that``) is told just before that place, in its paragraph, and a stop the
    journey passed on its way to the one told before it in its sentence (``_passed_via``: "to Ulaanbaatar via
    Erenhot and Zamyn-Üüd"), or a town of the country so passed (``told_in``, the country's mention of a stop first
    told in one), just before that one."""
    at = {k: _goal_reached_at(text, m, breaks) if k in goals else m.start for k, (m, _) in cued.items()}
    at.update({k: max(at[k], m.start) for k, m in (reached or {}).items()})
    told: dict[str, tuple] = {k: (at[k], 1) for k in cued}
    sentences: dict[int, list[str]] = {}
    for k in sorted(cued, key=lambda k: cued[k][0].start):
        sentences.setdefault(cued[k][0].sentence_start, []).append(k)
    before: list[str] = []
    for keys in sentences.values():
        first = cued[keys[0]][0]
        # (in its paragraph, or the next one opened so: "इससे पहले मोदी दो दिन की यात्रा पर वारसॉ में थे", before
        # that, Modi was in Warsaw)
        # (before all the sentence before told, where one opens with the words: "भुवनेश्वर से ट्रेन से कटक पहुंचीं। इससे
        # पहले वह कोलकाता में ... थीं", before that, she was in Kolkata; else before the place it reached, not where it
        # came from: "arrived in Edinburgh after an overnight journey from London. The train called at Crewe ... before
        # crossing the border")
        opened = _opened_by_before_that(text, first)
        reached_key = None if not before else before[0] if opened and opened not in cues().along_the_way \
            else next((k for k in reversed(before) if k not in origins), before[-1])
        if before and (_before_that(text, first) and (
                bisect.bisect_left(breaks, cued[reached_key][0].start) == bisect.bisect_left(breaks, first.start)
                or _opened_by_before_that(text, first))
                or _passed_on_the_way(text, [cued[k] for k in keys], before, cued, origins, reached_key)):
            reached = told[reached_key][0]
            told.update({k: (reached, 0, at[k]) for k in keys})
        before = keys
    for keys in sentences.values():
        passed_on_to: str | None = None  # the stop the last ones were passed on the way to
        for k, after in zip(keys[1:], keys):
            m, previous = cued[k][0], cued[after][0]
            # (a town first told in a country passed: "arrived in Washington ... after a stop in Ireland, where he met
            # ... at Shannon Airport")
            if (_passed_via(text, previous, m) or k in (told_in or {}) and _passed_via(text, previous, told_in[k])
                    or _came_from(text, previous, m) and k not in origins
                    or _opened_by_before(text, previous, m)) and after not in origins:
                passed_on_to = after
            elif passed_on_to is None or not _LIST_JOINT.fullmatch(text, previous.end, m.start):
                passed_on_to = None
            if passed_on_to is not None:
                anchor = told[passed_on_to]
                told[k] = (anchor[0], anchor[1] - 0.5, m.start)
    return told


_BETWEEN_PLACE_AND_VIA = regex.compile(r"\s*,?\s*([\p{L}\p{M}]+)\s+")


#: A place passed, told after the place reached, lies on the way to it when going by it is at most this much longer
#: than going straight there from where the journey came.
ON_THE_WAY_DETOUR = 1.25


def _passed_on_the_way(text: str, stops: list[tuple[Mention, str]], before: list[str],
                       cued: dict[str, tuple[Mention, str]], origins: dict[str, str], reached_key: str) -> bool:
    """True when the stops of a sentence, each told by a word of passing (``via``, ``passed``) with no time, no plan
    and no word of ``then`` in the sentence, lie on the way to the place the sentence before reached from where it came
    from (``ON_THE_WAY_DETOUR``): they were passed on the way there, though told after it ("평양을 출발해 ...
    블라디보스토크에 도착했다. 열차는 하산역을 거쳐 우수리스크를 지났다": Khasan and Ussuriysk, before Vladivostok)."""
    came = next((k for k in before if k in origins and k != reached_key),
                next((k for k in before if k != reached_key), None))
    first = stops[0][0]
    if came is None or reached_key in origins \
            or _time_words(text, first.sentence_start, first.sentence_end, [m for m, _ in stops]) \
            or _whole_words("then").search(text, first.sentence_start, first.sentence_end) \
            or _planned_in_sentence(text, stops[-1][0], cues().planned):
        return False
    passing = cues().via + cues().passed
    return all(cue in passing and _on_the_way(m.place, cued[came][0].place, cued[reached_key][0].place)
               for m, cue in stops)


def _on_the_way(place: Place, a: Place, b: Place) -> bool:
    """True when going from ``a`` to ``b`` by ``place`` is at most ``ON_THE_WAY_DETOUR`` times as far as straight."""
    straight = haversine_km(a.lat, a.lon, b.lat, b.lon)
    return straight > 0 and haversine_km(a.lat, a.lon, place.lat, place.lon) \
        + haversine_km(place.lat, place.lon, b.lat, b.lon) <= ON_THE_WAY_DETOUR * straight


def _came_from(text: str, previous: Mention, m: Mention) -> bool:
    """True when a word of origin stands right before ``m``, told after the place ``previous`` in its sentence with no
    word of ``then`` between them: the journey came to ``previous`` from ``m`` ("arrived in Washington ... after an
    overnight flight from Rzeszow"; not "to Przemysl, and then flew from Rzeszow")."""
    before = _fold(text[previous.end:m.start]).rstrip()
    return any(_ends_with_words(before, c.strip()) for c in cues().origin) \
        and not _whole_words("then").search(text, previous.end, m.start)


def _opened_by_before(text: str, previous: Mention, m: Mention) -> bool:
    """True when ``previous`` is in a clause that a word of ``before_clause`` opens at its sentence's start, and ``m``
    after that clause: the journey reached ``m`` first ("Prima di arrivare a Hiroshima, Meloni farà tappa a Tokyo")."""
    opening = _fold(text[previous.sentence_start:previous.start]).lstrip(" \"'“«„")
    return any(opening.startswith(c) and not (c[-1].isalpha() and opening[len(c):len(c) + 1].isalpha())
               for c in cues().before_clause) \
        and not _CLAUSE_BREAK.search(text, previous.sentence_start, previous.start) \
        and _CLAUSE_BREAK.search(text, previous.end, m.start) is not None


def _told_as_earlier(text: str, m: Mention) -> bool:
    """True when a word of ``earlier`` stands before ``m`` in its clause ("where he had travelled by train from
    Kyiv")."""
    return _whole_words("earlier").search(text, _clause_before(text, m), m.start) is not None


def _passed_via(text: str, previous: Mention, m: Mention) -> bool:
    """True when a word of ``via`` (``data/cues.toml``), and nothing else, stands between mention ``previous`` and
    mention ``m`` ("to Ulaanbaatar via Erenhot"; not "Иркутске, а затем следует через Улан-Удэ"), or a phrase of it
    ends what stands between them in one clause ("landed in Pyongyang on Friday after a stopover in Vladivostok")."""
    between = _BETWEEN_PLACE_AND_VIA.fullmatch(text, previous.end, m.start)
    if between is not None:
        return _fold(between[1]) in cues().via
    if _UNSPACED.match(text, m.start):  # Chinese, which writes no spaces: "从北京经二连浩特到乌兰巴托"
        return _fold(text[previous.end:m.start]).strip(" ,，、") in cues().via
    # (what describes ``m`` aside: "a day after a trip to the southern port of Odesa")
    said = " ".join(_fold(text[previous.end:_described_from(text, m)]).split())
    # (a comma may stand before the phrase: "llegó a Oviedo tres horas después, tras detenerse en Valladolid"; no word
    # of travel: "stops at Broken Hill and Adelaide before crossing the Nullarbor Plain, with a stop at ... Cook")
    if _CLAUSE_BREAK.search(said.replace(",", "")):
        return False
    for v in cues().via:
        if " " not in v:
            continue
        if "*" in v:
            phrase = _phrase(v).search(said)
            begins = phrase.start() if phrase else -1
        else:
            begins = len(said) - len(v) if _ends_with_words(said, v) else -1
        if begins >= 0:
            return not any(_starts_with_cue(w[0], cues().motion) for w in _WORD.finditer(said, 0, begins))
    return False


@lru_cache(maxsize=None)
def _phrase(words: str) -> regex.Pattern:
    """A phrase of cue words with ``*`` for up to three words of any kind ("after a * visit to": "after a two-day
    visit to"), ending a text."""
    parts = words.split(" ")
    pattern = "".join(r"(?:\S+ ){0,3}" if w == "*" else regex.escape(w) + (" " if k < len(parts) - 1 else "")
                      for k, w in enumerate(parts))
    return regex.compile(r"(?<![\p{L}\p{M}])" + pattern + "$")


#: A town and its station of the same name this near (km) are one stop ("arrived in Vladivostok ... stepping off the
#: train at Vladivostok station").
SAME_STOP_KM = 25.0


#: "the" and a name of one word in the plural ("the Urals", "the Alps").
_A_PLURAL_AFTER_THE = regex.compile(r"(?:^|\P{L})[Tt]he\s+\p{Lu}\p{L}+s")
#: What joins a town's name to its station's or airport's in Chinese and Japanese: nothing, or a word of "'s"; in
#: Korean, which writes the word onto the station's name, a space ("평양 순안국제공항에", Pyongyang's Sunan airport).
_TOWNS_OWN = frozenset({"", "的", "の"})
_TOWNS_OWN_KOREAN = frozenset({" "})
_A_KOREAN_AIRPORT_OR_STATION = regex.compile(r"공항|역(?:에서|으로|에|을|은|이|의)?$")
#: ... or written after it, a space apart ("파리 오를리 공항에": Paris's Orly airport)
_A_KOREAN_AIRPORT_SPACED = regex.compile(r" ?(?:국제)?공항")


def _town_of_its_station(text: str, m: Mention, told: list[Mention], places: dict[str, Place]) -> str | None:
    """The key of the stop read for the town named right before ``m`` (the last of ``told``), a name Chinese or
    Japanese writes before a word for its station or airport (``stations_after``), or Korean with one, ``SAME_STOP_KM``
    from it: the town's airport or station ("巴黎奥利机场", Paris's Orly airport), one stop; or ``None``."""
    korean = script_of(m.text) == "Hangul" and (_A_KOREAN_AIRPORT_OR_STATION.search(m.text) is not None
                                                or _A_KOREAN_AIRPORT_SPACED.match(text, m.end) is not None)
    if not korean and (not _UNSPACED.match(text, m.start)
                       or not text.startswith(tuple(script_words("Cjk", "stations_after")), m.end)):
        return None
    town = next((x for x in reversed(told) if x.place is not None and x.end <= m.start), None)
    if town is None or text[town.end:m.start] not in (_TOWNS_OWN_KOREAN if korean else _TOWNS_OWN):
        return None
    key = next((k for k, p in places.items() if p.source == town.place.source), None)
    return key if key is not None and haversine_km(m.place.lat, m.place.lon, places[key].lat,
                                                   places[key].lon) <= SAME_STOP_KM else None


def _the_airport_of_a_stop(text: str, m: Mention, places: dict[str, Place],
                           mentions: list[Mention]) -> tuple[str, Place] | None:
    """The key of a stop read, or to be read, for a bigger town the text names within ``FACILITY_REACHED_KM`` of ``m``,
    where a word for an airport or a station and "of" stands before ``m`` (``_A_FACILITY_BEFORE``): the town's
    ("arrivé à Marseille ... s'est posé à l'aéroport de Marignane": one stop, Marseille; "ROMA (EFE). — ... partió
    del aeropuerto de Fiumicino": Rome; "Pyongyang's Sunan airport", a goal reached there, is Sunan), as (key, place),
    or ``None``."""
    if not _A_FACILITY_BEFORE.search(text, max(0, m.start - 40), m.start):
        return None
    towns = {**{x.place.source: x.place for x in mentions if x.place is not None and not x.place.is_context}, **places}
    near = [(d, key) for key, p in towns.items() if p.population > m.place.population
            and (d := haversine_km(m.place.lat, m.place.lon, p.lat, p.lon)) <= FACILITY_REACHED_KM]
    return (key := min(near)[1], towns[key]) if near else None


#: A word for an airport or a station and "of" right before a name ("l'aéroport de Marignane", "del aeropuerto romano
#: de Fiumicino").
_A_FACILITY_BEFORE = regex.compile(
    r"(?i:airport|aéroport|aeropuerto|aeroporto|gare|estación|stazione|estação)(?:\s+\p{Ll}+)?"
    r"\s+(?i:of|de|d'|d’|del|di|da|do)\s*$")


def _same_stop(place: Place, places: dict[str, Place]) -> str | None:
    """The key of a stop already read that ``place`` is another record of: the same name, romanised, or one ending the
    other (Delhi and New Delhi), within ``SAME_STOP_KM`` (the town of Vladivostok and the station Владивосток), or any
    place so near where one of them is placed where the corpora's annotators put a name no gazetteer has ("the White
    House", in Washington), or ``None``."""
    for key, other in places.items():
        if key != place.source and (own_name(other, place.name) or _ANNOTATED in (place.source[:10], key[:10])
                                    or _one_name_ends_the_other(place.name, other.name)) \
                and haversine_km(place.lat, place.lon, other.lat, other.lon) <= SAME_STOP_KM:
            return key
    return None


def _one_name_ends_the_other(name: str, other: str) -> bool:
    """True when one of two places' own names ends the other, a word of it ("Delhi", "New Delhi")."""
    a, b = sorted((name.casefold(), other.casefold()), key=len)
    return a != b and b.endswith(" " + a)


_ANNOTATED = "annotated:"


def _cue_evidence(cue: str, said: str, listed: str | None) -> str:
    """Why a mention is a stop: the word of travel near it, or how it is told with another place (``listed``: "listed
    with “Seattle”", "told after “puis”, next after “Luanda”", "the first town told in “Вьетнам”") and the word near
    that."""
    return f"{listed}, which “{cue}” is near" if listed else f"“{cue}” near “{said}”"


def _make_stops(keys, by_place, places, cued, origins, planned, times, listed=None, begun_at=None) -> list[Stop]:
    stops = []
    for order, key in enumerate(keys, 1):
        ms = by_place[key]
        if key in (begun_at or {}):  # the dateline, where the journey began: inferred, at half the confidence
            first, evidence = cued[key][0], begun_at[key]
            first.evidence = evidence
            confidence = round(0.5 * first.confidence, 2)
        elif key in cued:
            first, cue = cued[key]
            evidence = _cue_evidence(cue, first.text, (listed or {}).get(key))
            if key in origins:
                evidence += f"; “{origins[key]}” marks the origin"
            if key in times:
                evidence += f"; “{times[key][0]}”"
            confidence = round(min(1.0, first.confidence), 2)
        else:
            first = ms[0]
            evidence = "mentioned (no travel cue)"
            first.evidence = evidence
            confidence = round(0.5 * first.confidence, 2)
        if key in planned and (order == len(keys) or order > 1 and all(k in planned for k in keys[order:])):
            role = "planned"  # the plans come last, after all that happened ("is due to go on to Beijing")
        else:
            role = "origin" if order == 1 else ("destination" if order == len(keys) else "via")
        words, iso = times.get(key, (None, None))
        stops.append(Stop(order, places[key], [first] + [m for m in ms if m is not first], confidence, role,
                          evidence, time=iso, when=words))
    for s in stops:
        for m in s.mentions:
            if m is s.mention:
                m.evidence = f"stop {s.order} ({s.role}): {s.evidence}"
    return stops


def article_modes(text: str) -> dict[str, str]:
    """The ways of travel an article names anywhere: mode -> the first word found."""
    found: dict[str, str] = {}
    folded = _fold(text)
    for mode in MODES:
        for w in getattr(cues(), mode):
            if any(_starts_with_mode_cue(folded[m.start():m.start() + _REACH], (w,))
                   for m in regex.finditer(r"(?<![\p{L}\p{M}])" + regex.escape(w.strip()), folded)):
                found[mode] = w.strip()
                break
    return found


#: A leg the article does not say how it was travelled is assumed by rail up to this long, by air beyond.
ASSUMED_RAIL_KM = 1500.0
_ASSUMED = "the article does not say how: assumed"


def given_stop_modes(text: str, legs: int) -> list[tuple[str, str]]:
    """Modes for stops given by hand (``--stops``): the article's one way of travel if it names
    exactly one, else rail, assumed."""
    named = article_modes(text)
    if len(named) == 1:
        return [(next(iter(named)), "the only way of travel the article names")] * legs
    return [("rail", "the article does not say how: assumed by rail")] * legs


#: How many words open a sentence as its subject ("Il treno", "The special train").
SUBJECT_WORDS = 3


def leg_modes(text: str, stops: list[Stop], mentions: list[Mention]) -> list[tuple[str, str]]:
    """How each leg was travelled, from the text: (mode, evidence) per leg.

    In turn: a mode word just before the arrival's mention ("flew to Ramstein"); one
    after the departure's mention before the next place ("Przemyśl and took an
    overnight train"); the previous leg's mode within the same sentence; the only
    mode the article names; the previous leg's mode. An article that names no mode
    at all is taken as a rail journey (assumed, and said); otherwise the leg is
    ``direct`` (unknown).
    """
    def mode_at(w) -> tuple[str, str] | None:
        """The mode word that word ``w`` begins, as (mode, word)."""
        rest = _fold(text[w.start():w.start() + _REACH])
        for mode in MODES:
            cue = _starts_with_mode_cue(rest, getattr(cues(), mode))
            if cue:
                return mode, cue
        return None

    placed_starts = sorted(x.start for x in mentions if x.place is not None)
    placed_ends = sorted(x.end for x in mentions if x.place is not None and not x.place.is_context)

    def mode_near(m: Mention) -> tuple[str, str] | None:
        """A mode word among the few words just before ``m`` and its description (nearest first), after any other
        town told before it (not "en voiture à Montauban avant de regagner Paris en avion": the car is Montauban's; a
        country may describe it: "ट्रेन ... वियतनाम के सीमावर्ती शहर डोंग डांग")."""
        start = _described_from(text, m)
        k = bisect.bisect_right(placed_ends, start)
        since = placed_ends[k - 1] if k else 0
        before = list(_WORD.finditer(text, max(m.sentence_start, start - _REACH, since), start))[-CUE_WINDOW:]
        return next((hit for w in reversed(before) if (hit := mode_at(w))), None)

    def mode_after(m: Mention, max_words: int | None = None) -> tuple[str, str] | None:
        """A mode word after ``m``, before the next place (within ``max_words`` words of the same clause)."""
        k = bisect.bisect_left(placed_starts, m.end)
        stop = min(placed_starts[k] if k < len(placed_starts) else m.sentence_end, m.sentence_end)
        if max_words is not None:  # the words right after it, in the same clause ("nach Rzeszów geflogen")
            brk = _CLAUSE_BREAK.search(text, m.end, stop)
            stop = brk.start() if brk else stop
        words = list(_WORD.finditer(text, m.end, stop))[:max_words]
        return next((hit for w in words if (hit := mode_at(w))), None)

    def mode_arrived_by(m: Mention) -> tuple[str, str] | None:
        """A mode word within four words after a word of ``arrived_by`` after ``m``, before the next place in its
        sentence ("arrived in Kyiv on Friday after a 10-hour train journey")."""
        k = bisect.bisect_left(placed_starts, m.end)
        stop = min(placed_starts[k] if k < len(placed_starts) else m.sentence_end, m.sentence_end)
        said = _whole_words("arrived_by").search(text, m.end, stop)
        words = list(_WORD.finditer(text, said.end(), stop))[:4] if said else []
        return next((hit for w in words if (hit := mode_at(w))), None)

    def mode_in(m: Mention) -> tuple[str, str] | None:
        """A mode word the mention holds, an airport's or a station's that Korean and Japanese write onto the name
        (서울공항을, 羽田空港), or its last word ("Vnukovo airport")."""
        said = _fold(m.text)
        last = list(_WORD.finditer(said))[-1:]
        for mode in MODES:
            for cue in getattr(cues(), mode):
                c = cue.strip()
                if script_of(c) in _POSTPOSITIONAL_SCRIPTS and c in said or last and last[0][0] == c:
                    return mode, c
        return None

    def mode_said_first(m: Mention) -> tuple[str, str] | None:
        """A mode word among the first ``SUBJECT_WORDS`` words of ``m``'s sentence, before it: what travelled there
        is the sentence's subject ("Il treno ha fatto una breve sosta a Napoli", "The train then stopped at Omsk")."""
        words = list(_WORD.finditer(text, m.sentence_start, m.start))[:SUBJECT_WORDS]
        return next((hit for w in words if (hit := mode_at(w))), None)

    named = article_modes(text)
    out: list[tuple[str, str]] = []
    for k, (a, b) in enumerate(zip(stops, stops[1:])):
        # in turn: before the arrival; right after it (verb-final languages: "nach Rzeszów geflogen");
        # after the departure ("Przemyśl and took an overnight train"); before the origin ("by train from Delhi")
        # (right after the arrival: where the stop is told reached, not a later mention, where it may be left from:
        # "동당역에서 승용차로", by car from Đồng Đăng station)
        tries = [(mode_near, "before", b.mentions), (lambda m: mode_after(m, max_words=2), "after", [b.mention]),
                 (mode_arrived_by, "after", [b.mention]), (mode_after, "after", a.mentions)]
        if k == 0:
            tries.append((mode_near, "before", a.mentions))
        tries += [(mode_in, "in", [a.mention]), (mode_in, "in", [b.mention])]
        found = next(((hit, where, m) for look, where, told in tries for m in told if (hit := look(m))), None)
        if found:
            (mode, word), where, m = found
            out.append((mode, f"“{word}” {where} “{m.text}”"))
            continue
        assumed_before = bool(out) and out[-1][1].startswith(_ASSUMED)
        if out and out[-1][0] != "direct" and not assumed_before \
                and b.mention.sentence_index == stops[k].mention.sentence_index:
            out.append((out[-1][0], "as the leg before it, in the same sentence"))
        elif subject := mode_said_first(b.mention):
            out.append((subject[0], f"“{subject[1]}” before “{b.mention.text}”"))
        elif len(named) == 1:
            mode, word = next(iter(named.items()))
            out.append((mode, f"the only way of travel the article names (“{word}”)"))
        elif out and out[-1][0] != "direct" and not assumed_before:
            out.append((out[-1][0], "as the leg before it"))
        elif not named:
            # (by rail where a train may well have gone; a longer leg, across an ocean or a continent, by air)
            km = haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
            out.append(("rail", f"{_ASSUMED} by rail") if km <= ASSUMED_RAIL_KM
                       else ("air", f"{_ASSUMED} by air, the leg being {km:,.0f} km"))
        else:
            out.append(("direct", "the article does not say how this leg was travelled"))
    return out
