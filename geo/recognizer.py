"""Stage 1a: which runs of words are place names, by a sequence model trained on annotated text.

A linear-chain CRF labels each token B (a toponym begins), I (it goes on) or O: trained with
CRFsuite (through ``python-crfsuite``), read with numpy (``crf``; word by word: ``_Scorer``).
It weighs the word and its neighbours (spelling, shape, capitals, how common the word is),
and what the gazetteer knows of the runs that cover it (a country, a region, a town, and how big).
The model is trained by ``python -m geo.train recognizer`` on the annotated corpora and ships in the package
(``geo/data/toponyms.crfsuite``; ``$GEOJOURNEY_RECOGNIZER_MODEL`` names another); it knows the scripts it was trained on
(``TRAINED_SCRIPTS``); other texts are read by the gazetteer alone.
"""

from __future__ import annotations

import bisect
import math
import os
import threading
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import numpy as np
import regex
from anyascii import anyascii

from .crf import CrfWeights, marginals
from .errors import DataError
from .gazetteer import Gazetteer
from .model import Candidate
from .mentions import (MAX_INFLECTED_NAME_WORDS, PLACE_NAME_PREFIXES, PROMINENT_CITY, accented_big_place,
                       article_before, articles, bigger_namesakes, calendar_words, foreign_names_in_arabic,
                       hyphened_street_words, inflected_name_keys, kind_words, month_names, name_links,
                       state_after_a_comma, territory_names, town_of_its_adjective)
from .resolve import WORLD_CITY, own_name
from .text import (DETECTED_LANGUAGES, LINE_HYPHENS, MAYBE_LINE_HYPHENS, SCRIPT_LANGUAGES, Token, a_celestial_body,
                   celestial_body_pattern, designators, is_cased_script, language_rules, language_words, morphology,
                   name_key, names_pattern, one_of, prefix_variants, run_together, script_of, script_words, unaccented,
                   unbroken, word_zipf)

#: Scripts the shipped model has seen enough of to be trusted with.
TRAINED_SCRIPTS = frozenset({"Latin", "Arabic"})
MODEL_FILE = "toponyms.crfsuite"
#: Dotted abbreviations ("U.S.", "D.C.", "W.Va.") are one token, and so are words written short with a
#: colon ("H:fors", "S:t"); so is every other word, and every other non-space character.
_TOKEN = regex.compile(r"(?:\p{L}{1,3}\.){2,}|\p{Lu}:\p{Ll}+(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]")
#: Where a scanned page's line break was lost between two words ("in derMur", "laFrance", "iHangö",
#: "JosefstadtGeschlossen"): a capital after a lower-case start of a word, or after five lower-case
#: letters. Names and brands written so ("McAllen", "DeKalb", "LaSalle", "VistaPrint") stay whole.
_TAG_SIGNS = frozenset("#@")
_CASE_CHANGE = regex.compile(r"\p{Ll}\p{Lu}")  # where a cut may be (rare: found at once, then checked)
_GLUED_AFTER = regex.compile(r"(?:^|[^\p{L}\p{M}\p{N}])\p{Ll}+$|\p{Ll}{5}$")
#: A number after a comma at a name's end: a dateline's day or an address's number ("MARSEILLE, 14 juin").
_NUMBER_AFTER_COMMA = regex.compile(r"\s*,\s*\d+$")
#: A token is in a toponym when the model gives it at least this probability (marginal over
#: its labels): lower than one half, since a name the model half-knows is more often a place
#: than not (held-out F1 +2.5 points on GeoWebNews, +1 on LGL).
INSIDE_PROBABILITY = 0.25
#: ... but in another language, which the model has seen far less of (the English news are most of its
#: training), this much: held out, HIPE-2022 F1 de +.005, fi +.008, sv and fr as they were, IDRISI ar +.002.
OTHER_LANGUAGE_INSIDE_PROBABILITY = 0.35
#: ... or this much, for a run of tokens the gazetteer knows as a name: the model has not ruled it
#: out, and the gazetteer vouches for it ("left Anadyr and arrived in Nome").
KNOWN_NAME_PROBABILITY = 0.04
#: ... unless it is one everyday word ("Zug", train): then the model must say so.
EVERYDAY_WORD_ZIPF = 4.0
#: ... and only this much for one word that is no word at all, only the name of a town of 10,000 or
#: more ("mit dem Sonderzug über Przemyśl"), or such a name inflected inside a sentence where only
#: names have capitals ("matkusti Helsingistä").
NAME_ONLY_PROBABILITY = 0.01
#: ... and a capital of a million's own name after a word of going, or an area's that is also the capital's or a city
#: of a million's, at this ("The family left Caracas": 0.008; "ripartirà per Roma": 0.008).
CAPITAL_AFTER_A_WORD_OF_GOING_PROBABILITY = 0.002
_CAPITAL_OR_AREA_MARKS = (("gz:B", "gz:capital"), ("gz:B", "gz:region"))
NAME_ONLY_SIZE = 4  # the gazetteer's size class: log10 of the population
#: ... as for a capital of a million people or more right after a place preposition or a verb of travel of the
#: language (``morphology.toml``: "a day after leaving Pyongyang. Russian television ...", where the model said 0.036).
CAPITAL_SIZE = 6
#: In Arabic, a town of 10 ** AFTER_A_PREPOSITION_SIZE people or more right after a place preposition (``morphology.toml``)
#: is a name at this probability ("إلى الدمام", to Dammam, where the model says 0.14).
AFTER_A_PREPOSITION_PROBABILITY = 0.1
AFTER_A_PREPOSITION_SIZE = 5
#: ... and a capital, or a city of a million, after one of "to" (``direction_prepositions``) at this probability ("وصل
#: إلى واشنطن", where the model says 0.002, having learned from tweets that name Washington for the government)
CAPITAL_AFTER_A_PREPOSITION_PROBABILITY = 0.001
#: A word this common in English is itself, not a name cut short, before a full stop ("the East.",
#: not "Eastern"; "Calif.", "Mass." and "Ill." are short forms).
ABBREVIATION_MAX_ZIPF = 5.0
#: Quotation marks that open a quotation ("„Wien“", "«Paris»").
_OPENING_QUOTES = frozenset("„“‚‘«\"'")
_SENTENCE_END = set(".!?:;\"“”«»\n")
#: A person's surname, said again alone, is no place ("Ashley Sutton ... Sutton says", "Mike de Kock",
#: "Mario Diaz-Balart"): the word before the surname is a given name (title case, outside every
#: name found, not this common a word, nor one of the words that go before place names,
#: ``PLACE_NAME_PREFIXES``: "Northeast Georgia", "Fort Worth"), with these words between them ...
SURNAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "del", "der", "den", "la", "le", "bin", "al", "el", "du",
                               "dos", "das", "ter", "ten"})
GIVEN_NAME_MAX_ZIPF = 4.5
#: ... or a given name people have (the census's, ``_given_names``) less common a word than this ("John",
#: "Bill"; not "Will", "May", "In"): then the surname counts even where the model took it for a place.
COMMON_GIVEN_NAME_MAX_ZIPF = 5.5
#: Days and months, some of them given names too: before a name, the day or month is meant ("Sunday Alexandria
#: police").
_DAYS_AND_MONTHS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                              "february", "march", "april", "may", "june", "july", "august", "september", "october",
                              "november", "december"})
#: A region this populous keeps its name after a given name ("Georgia", "Washington"); a smaller one's name
#: there is a surname (the province of Trapani: "Andrew Trapani").
SURNAME_REGION_MIN_PEOPLE = 1_000_000
#: Languages that write every noun with a capital: a capital word before another tells nothing there.
NOUN_CAPITALIZING = frozenset({"de", "lb"})
_HYPHENS = LINE_HYPHENS | MAYBE_LINE_HYPHENS
_local = threading.local()  # each thread's scorer
_new_token = tuple.__new__  # Token's own constructor, without its keyword handling: texts have many tokens


def tagger_tokens(text: str) -> list[Token]:
    """Words, and every other non-space character on its own ("China", "’", "s"); words run
    together where a line break was lost are two ("derMur": "der", "Mur"), but not hashtags
    ("#KeralaFloods" is one word, as the corpora of posts count it)."""
    # the words, found where they are one after another (quicker than asking each match where it is)
    toks = []
    append, find, end = toks.append, text.find, 0
    for word in _TOKEN.findall(text):
        start = find(word, end)
        end = start + len(word)
        append(_new_token(Token, (word, start, end)))
    cuts = [m.start() + 1 for m in _CASE_CHANGE.finditer(text)
            if _GLUED_AFTER.search(text, max(0, m.start() - 40), m.start() + 1)]
    if not cuts:
        return toks
    out: list[Token] = []
    k = 0
    for tok in toks:
        while k < len(cuts) and cuts[k] <= tok.start:
            k += 1
        start = tok.start
        while k < len(cuts) and cuts[k] < tok.end:
            if text[tok.start - 1:tok.start] not in _TAG_SIGNS:
                out.append(Token(text[start:cuts[k]], start, cuts[k]))
                start = cuts[k]
            k += 1
        out.append(tok if start == tok.start else Token(text[start:tok.end], start, tok.end))
    return out


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    out = []
    for ch in word:
        k = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:6]


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    low = word.casefold()
    feats = [f"w={low[:24]}", f"shape={_shape(word)}", f"suf3={low[-3:]}", f"pre3={low[:3]}",
             f"script={script_of(word) or 'none'}"]
    if word[:1].isalpha():
        feats.append(f"zipf={min(7, int(word_zipf(word)))}")
    if word[:1].isupper():
        feats.append("title")
    if len(word) > 1 and word.isupper():
        feats.append("upper")
    return tuple(feats)


def _size_class(population: int) -> int:
    return min(7, int(math.log10(population + 1)))


def _broken_at(text: str, toks: list[Token], j: int) -> int:
    """2 when token ``j`` is a hyphen that breaks a word across lines, the word going on after it
    ("Stutt¬ gart", "Wa-\nshington"); 1 when it may be one ("Wei-mariin", but "Stratford-upon-Avon");
    0 when it is not."""
    tok = toks[j]
    if tok.text not in _HYPHENS or j + 1 >= len(toks) or j == 0 or toks[j - 1].end != tok.start \
            or not toks[j + 1].text[0].isalpha() or not toks[j - 1].text[-1].isalpha():
        return 0
    if tok.text in LINE_HYPHENS:
        return 2
    if tok.text not in MAYBE_LINE_HYPHENS:
        return 0
    gap = text[tok.end:toks[j + 1].start]
    if gap.strip(" ") == "\n" and tok.text == "-":
        return 2
    return 1 if not gap and toks[j + 1].text[0].islower() else 0


def gazetteer_marks(text: str, toks: list[Token], gazetteer: Gazetteer, lang: str | None = None) -> list[tuple[str, ...]]:
    """For each token, what the gazetteer says of the longest name that covers it (or of the
    dictionary form of an inflected word, "Helsingissä": Helsinki, in a language ``lang`` that
    inflects names; or of the name with the article the word before it holds, "au Locle": Le Locle)."""
    marks: list[tuple[str, ...]] = [()] * len(toks)
    keys = [name_key(t.text) for t in toks]
    # Swedish "H:fors" is Helsingfors; a scanned "Lancafhire", printed with a long s, Lancashire
    for i in [i for i, t in enumerate(toks) if ":" in t.text or "f" in t.text and t.text[0].isupper()]:
        keys[i] = next(iter(gazetteer.spelled_out(toks[i].text, lang)), keys[i])
    covered = 0  # tokens before this are in a name found already
    # a name starts at a word that is not lower-case and begins some name of the gazetteer
    for i in [i for i, t in enumerate(toks) if keys[i] and not t.text[0].islower()]:
        if i < covered:
            continue
        broken = i + 2 < len(toks) and _broken_at(text, toks, i + 1)
        longest = gazetteer.name_length(keys[i]) or (broken and gazetteer.knows_prefix(keys[i]) and 1)
        hit, inflected = _longest_name(text, toks, keys, i, longest, gazetteer) if longest else None, ()
        if hit is None and i and keys[i - 1] in articles() and (article := article_before(text, toks[i].start)):
            keys[i], word = f"{article} {keys[i]}", keys[i]
            hit = _longest_name(text, toks, keys, i, gazetteer.name_length(article), gazetteer)
            keys[i] = word
        if lang is not None and (hit is None or broken and hit[0] < 3):  # "Wei-mariin" is not Wei
            other = _inflected_name(toks, i, broken, lang, gazetteer)
            if other is not None and (hit is None or other[0] > hit[0]):
                hit, inflected = other, ("gz:inflected",)
        if hit is None:
            hit = _two_words_run_together(text, toks, keys, i, gazetteer)
        if hit is None:
            continue
        n, key = hit
        common = _name_mark(gazetteer, key, n, inflected)
        for k in range(n):
            marks[i + k] = (("gz:B" if k == 0 else "gz:I"), *common)
        covered = i + n
    # a name of another country spelled in Arabic letters, which GeoNames names in no Arabic (أوسوريسك: Ussuriysk)
    for i, tok in enumerate(toks):
        if not marks[i] and script_of(tok.text) == "Arabic" and (found := foreign_names_in_arabic(gazetteer, tok.text)):
            biggest = max(found, key=lambda c: (c.place.population, c.similarity)).place
            marks[i] = ("gz:B", *_name_mark(gazetteer, name_key(biggest.name), 1, ()))
    return marks


#: Two words run together are a name only where neither is a function word this common (Zipf: Arabic من 7.5, قبل
#: 6.3; أبو of أبو ظبي, Abu Dhabi, 5.5).
RUN_TOGETHER_WORD_MAX_ZIPF = 5.6


def _two_words_run_together(text: str, toks: list[Token], keys: list[str], i: int,
                            gazetteer: Gazetteer) -> tuple[int, str] | None:
    """``(2, key)`` when words ``i`` and ``i + 1``, a space apart in a script without capitals, of two letters or
    more and no function words, are a name the gazetteer knows written as one word (بيونغ يانغ: بيونغيانغ,
    Pyongyang; نيو يورك), else None."""
    if i + 1 >= len(toks) or text[toks[i].end:toks[i + 1].start] != " " or is_cased_script(toks[i].text) \
            or not all(t.text.isalpha() and len(t.text) > 1 and word_zipf(t.text) < RUN_TOGETHER_WORD_MAX_ZIPF
                       for t in toks[i:i + 2]):
        return None
    key = keys[i] + keys[i + 1]
    return (2, key) if gazetteer.knows(key) else None


def _name_mark(gazetteer: Gazetteer, key: str, n: int, inflected: tuple[str, ...]) -> tuple[str, ...]:
    """What ``gazetteer_marks`` says of each token of a name of ``n`` tokens (``key``), after its "gz:B" or "gz:I":
    the name's kind, its size class, its length and whether it was found inflected (``_threshold`` reads them). A
    name in another script than Latin that names small towns only also names their bigger namesakes (واشنطن:
    Washington, the capital; ``mentions.bigger_namesakes``)."""
    kind, population = gazetteer.name_kind(key)
    if kind == "city" and population < PROMINENT_CITY and not key.isascii() and script_of(key) != "Latin":
        bigger = bigger_namesakes(gazetteer, key, [Candidate(p, "exact") for p in gazetteer.exact(key)])
        if bigger:
            biggest = max(bigger, key=lambda c: c.place.population).place
            kind, population = ("capital" if biggest.feature == "capital" else "city"), biggest.population
    return f"gz:{kind}", f"gz:size={_size_class(population)}", f"gz:n={min(n, 3)}", *inflected


def _accented_big_place_mark(word: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The mark of an inflected name for ``word`` in title case, a big city's or a capital's own name but for its
    accents (``mentions.accented_big_place``), or ``()``."""
    if not accented_big_place(gazetteer, word):
        return ()
    return ("gz:B", *_name_mark(gazetteer, name_key(unaccented(word)), 1, ("gz:inflected",)))


def _forms_the_marks_miss(toks: list[Token], marks: list[tuple[str, ...]], gazetteer: Gazetteer,
                          lang: str | None) -> dict[int, tuple[str, ...]]:
    """What the gazetteer says, as ``gazetteer_marks`` says it of an inflected name, of the words in title case it
    knows nothing of as written that are a place's name or form in the language's old spelling ("Wiipurissa":
    Viipuri; ``morphology.toml``'s ``old_letters``) or with a clitic after it ("Suomenkin", Finland's too;
    ``clitics``), by token: the model never learned these, and they pass its threshold as inflected names do."""
    rules = language_rules(lang)
    if not rules.get("old_letters") and not rules.get("clitics"):
        return {}
    found = {}
    for i, tok in enumerate(toks):
        if marks[i] or not tok.text[:1].isupper() or (key := gazetteer.form_key(tok.text, lang)) is None:
            continue
        found[i] = ("gz:B", *_name_mark(gazetteer, key, 1, ("gz:inflected",)))
    return found


def _inflected_areas(toks: list[Token], marks: list[tuple[str, ...]], gazetteer: Gazetteer,
                     lang: str | None) -> dict[int, tuple[str, ...]]:
    """What the gazetteer says, as ``gazetteer_marks`` says it of an inflected name, of the words in title case
    that together, each in a dictionary form, name a country or a region, from one it knows nothing of as written
    (``morphology.toml``'s ``name_word_forms``: "den Vereinigten Staaten", "den Niederlanden", "der
    Demokratischen Republik Kongo", not the Republik Kongo), by token."""
    found: dict[int, tuple[str, ...]] = {}
    i = 0
    while i < len(toks):
        if marks[i]:
            i += 1
            continue
        run = 0  # the words in title case from this one, a space apart ("Demokratischen Republik Kongo")
        while i + run < len(toks) and run < MAX_INFLECTED_NAME_WORDS \
                and toks[i + run].text[:1].isupper() and toks[i + run].text.isalpha() \
                and (run == 0 or toks[i + run].start - toks[i + run - 1].end == 1):
            run += 1
        for n in range(run, 0, -1):
            if n < run and marks[i + n]:
                break  # a name the gazetteer knows goes on ("Vereinigten Staaten Amerikas"): the model weighs it
            key = next((k for k in inflected_name_keys(gazetteer, [t.text for t in toks[i:i + n]], lang)
                        if (kind := gazetteer.name_kind(k)) and kind[0] in ("country", "continent", "region")
                        and (n > 1 or k in territory_names(lang))), None)
            if key is None:
                continue
            if i + n < len(toks) and gazetteer.knows_prefix(f"{key} {name_key(toks[i + n].text)}"):
                break  # "Vereinigten Staaten von Nordamerika": the model weighs it
            common = _name_mark(gazetteer, key, n, ("gz:inflected",))
            for k in range(n):
                found[i + k] = ("gz:B" if k == 0 else "gz:I", *common)
            i += n - 1
            break
        i += 1
    return found


def _inflected_name(toks: list[Token], i: int, broken: int, lang: str, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """``(tokens, key)`` of the name whose inflected form starts at token ``i`` ("Helsingissä",
    "Wei-mariin" broken across lines), or None."""
    if broken:
        lemma = gazetteer.dictionary_form(toks[i].text + toks[i + 2].text, lang)
        if lemma is not None:
            return 3, lemma
    lemma = gazetteer.dictionary_form(toks[i].text, lang)
    return None if lemma is None else (1, lemma)


def _longest_name(text: str, toks: list[Token], keys: list[str], i: int, longest: int,
                  gazetteer: Gazetteer) -> tuple[int, str] | None:
    """``(tokens, key)`` of the longest name the gazetteer knows that starts at token ``i``."""
    hit = None
    # grow the run word by word while some name goes on so; a name of k words spans at most
    # 2k - 1 tokens ("Gilgit - Baltistan"), runs on with one space at most, and a word broken
    # across lines is one word ("Stutt¬ gart")
    key, glue, limit = "", " ", min(2 * longest - 1, len(toks) - i)
    n = 0
    while n < limit:
        n += 1
        j = i + n - 1
        last = toks[j]
        if n > 1 and last.start - toks[j - 1].end > 1:
            break
        if (kind := _broken_at(text, toks, j)) and (kind == 2 or gazetteer.knows_prefix(key + keys[j + 1])):
            glue = ""  # the word goes on after the hyphen
            continue
        if _elided_at(toks, j):
            glue = ""  # an article elided onto the word after it, which the name's key runs on ("l'Amour": lamour)
            continue
        if keys[j]:
            key, glue = (f"{key}{glue}{keys[j]}" if key else keys[j]), " "
        if last.text[0].isalnum() and gazetteer.knows(key):
            hit = (n, key)
        if j + 2 < len(toks) and _broken_at(text, toks, j + 1) and gazetteer.knows_prefix(key):
            limit = min(max(limit, n + 2), len(toks) - i)  # the word goes on after the hyphen
        elif _elided_at(toks, j + 1) and gazetteer.knows_prefix(key):
            limit = min(max(limit, n + 2), len(toks) - i)  # the apostrophe and the word it runs on to
        elif not gazetteer.knows_prefix(key + " "):
            break
    return hit


_APOSTROPHES = frozenset("'’")


#: The article and the preposition French and Italian elide onto the word after them, inside a name.
_ELIDED = frozenset({"l", "d"})


def _elided_at(toks: list[Token], j: int) -> bool:
    """True when token ``j`` is the apostrophe of an article or a preposition elided onto the word after it, written
    tight, inside a name ("Komsomolsk-sur-l'Amour", "Côte d'Ivoire"; not "I'll" nor "O'Leary")."""
    return 1 < j < len(toks) - 1 and toks[j].text in _APOSTROPHES and toks[j - 1].text in _ELIDED \
        and toks[j - 1].end == toks[j].start and toks[j].end == toks[j + 1].start and toks[j + 1].text[:1].isalpha()


@lru_cache(maxsize=65536)
def _context_features(word: str) -> tuple[tuple[str, ...], ...]:
    """What ``word`` tells its neighbours when it stands two before, one before, one after and
    two after them."""
    low, shape = word.casefold()[:24], _shape(word)
    return ((f"-2:w={low}",), (f"-1:w={low}", f"-1:shape={shape}"),
            (f"1:w={low}", f"1:shape={shape}"), (f"2:w={low}",))


_EDGE = (("-2:edge",), ("-1:edge",), ("1:edge",), ("2:edge",))


@lru_cache(maxsize=4096)
def _context_marks(off: int, marks: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{off}:{m}" for m in marks[:2])


def _starts(toks: list[Token]) -> list[tuple[str, ...]]:
    """What each token's start says: after a line or sentence end (or two spaces), or run into the word
    before where a scanned line break was lost ("derMur"), or neither."""
    return [("sent_start",), *(("sent_start",) if t.start - p.end > 1 or p.text[-1] in _SENTENCE_END else
                               ("glued",) if p.end == t.start and t.text[0].isalpha() and p.text[-1].isalpha()
                               else () for p, t in zip(toks, toks[1:]))]


def token_features(text: str, toks: list[Token], gazetteer: Gazetteer,
                   marks: list[tuple[str, ...]] | None = None, lang: str | None = None) -> list[list[str]]:
    """The feature strings of each token, as the CRF is trained on them (tagging adds up the same
    features' weights word by word: ``_Scorer``)."""
    marks = gazetteer_marks(text, toks, gazetteer, lang) if marks is None else marks
    own = [_word_features(t.text) for t in toks]
    # what each word lends its neighbours, with the text's edges beyond both ends
    context = [_EDGE, _EDGE, *(_context_features(t.text) for t in toks), _EDGE, _EDGE]
    before = [_context_marks(-1, m) if m else () for m in marks[:-1]]
    after = [_context_marks(1, m) if m else () for m in marks[1:]]
    return [["bias", *o, *m, *s, *p2[0], *p1[1], *pm, *n1[2], *nm, *n2[3]]
            for o, m, s, p2, p1, pm, n1, nm, n2 in zip(own, marks, _starts(toks), context, context[1:],
                                                       [(), *before], context[3:], [*after, ()], context[4:])]


_chosen_model: dict = {}  # set by use_model: path, generation
_WEIGHTS_FORMAT = 1  # of the weights kept in the cache (``CrfWeights``)


def _own_model() -> str | None:
    """The path of a model other than the shipped one: the one given to ``use_model``, or
    ``$GEOJOURNEY_RECOGNIZER_MODEL`` (a model of the user's own, as the held-out evaluation trains)."""
    return _chosen_model.get("path") or os.environ.get("GEOJOURNEY_RECOGNIZER_MODEL") or None


@lru_cache(maxsize=1)
def _model_bytes() -> bytes:
    """The model: the shipped one, or one of the user's own (``_own_model``)."""
    override = _own_model()
    try:
        if override:
            return Path(override).read_bytes()
        return resources.files("geo.data").joinpath(MODEL_FILE).read_bytes()
    except OSError as exc:
        raise DataError(f"recognizer model {override}: cannot open it ({exc.strerror or exc})") from None


def use_model(path: str | Path | None) -> None:
    """Tag with the model at ``path`` from now on, in this process (training scores a model so;
    None goes back to the usual one)."""
    if path is None:
        _chosen_model.pop("path", None)
    else:
        _chosen_model["path"] = str(path)
    _chosen_model["generation"] = _chosen_model.get("generation", 0) + 1  # every thread's scorer starts again
    for cached_by_model in (_model_bytes, _model_digest, model_weights, _common_words):
        cached_by_model.cache_clear()


@lru_cache(maxsize=1)
def model_weights() -> CrfWeights:
    """The model's weights, kept in the cache under a digest of the model (reading them from the model
    takes a twentieth of a second, from the cache a hundredth)."""
    from .cache import cache_dir, cached, load_pickle, save_pickle

    def read() -> CrfWeights:
        try:
            return CrfWeights.of_model(_model_bytes())
        except ValueError as exc:
            raise DataError(f"recognizer model: cannot read it ({exc})") from None

    return cached(cache_dir() / f"recognizer-weights-{_WEIGHTS_FORMAT}-{_model_digest()}.pickle",
                  lambda p: load_pickle(p, CrfWeights), read, save_pickle)


@lru_cache(maxsize=1)
def _model_digest() -> str:
    """A digest of the model, naming what the cache keeps of it."""
    import hashlib

    return hashlib.blake2b(_model_bytes(), digest_size=10).hexdigest()


#: The most words a scorer keeps weighed (some 300 bytes each); then it starts again.
MAX_WORDS_WEIGHED = 200_000
#: Words whose rows of the scorer's word table are weighed when the cache is built, not when a process
#: first meets them (each worker of a batch would weigh the everyday words anew: a tenth of its time):
#: wordfreq's most common words of these languages, written small and with a capital.
COMMON_WORDS = (("en", 50_000), ("de", 15_000), ("fr", 15_000))
_COMMON_WORDS_FORMAT = 1  # of the common words' rows kept in the cache
#: Rows of the common words weighed again when the cache is read: a table the code of the day would not
#: make (its features changed) is built again.
COMMON_WORDS_CHECKED = 64


def _word_rows(weights: CrfWeights, words: list[str]) -> np.ndarray:
    """The word table's rows of ``words``: the weights of each word's own features, and of those it lends
    the words 2 and 1 after it and 1 and 2 before it (built afresh, not through the caches training fills)."""
    return weights.scores(group for word in words for group in (_word_features.__wrapped__(word),
                                                               *_context_features.__wrapped__(word))
                          ).reshape(len(words), -1)


@lru_cache(maxsize=1)
def _common_words() -> tuple[Any, np.ndarray] | None:
    """(trie of the common words, ``COMMON_WORDS``, their rows of the word table by the trie's ids), kept in
    the cache under the model's digest and wordfreq's version; for the shipped model only (None for another:
    the held-out evaluation trains a model a fold, and would leave a table of 17 MB in the cache for each)."""
    if _own_model():
        return None
    import marisa_trie

    from .cache import cache_dir, cached, load_pickle, save_pickle

    weights = model_weights()

    def build() -> tuple[Any, np.ndarray]:
        from wordfreq import top_n_list

        trie = marisa_trie.Trie({form for lang, n in COMMON_WORDS for word in top_n_list(lang, n)
                                 for form in (word, word[:1].upper() + word[1:])})
        return trie, _word_rows(weights, [trie.restore_key(i) for i in range(len(trie))])

    def load(path: Path) -> tuple[Any, np.ndarray]:
        trie, rows = load_pickle(path, tuple)
        if not isinstance(trie, marisa_trie.Trie) or rows.shape != (len(trie), 5 * len(weights.labels)):
            raise ValueError("not the common words' rows")
        sample = np.linspace(0, len(trie) - 1, min(len(trie), COMMON_WORDS_CHECKED)).astype(int)
        if not np.array_equal(rows[sample], _word_rows(weights, [trie.restore_key(int(i)) for i in sample])):
            raise ValueError("the common words' rows are not those of the features of today")
        return trie, rows

    from importlib.metadata import version

    # named by the model and by wordfreq, whose word frequencies are among a word's features
    name = f"recognizer-words-{_COMMON_WORDS_FORMAT}-{_model_digest()}-wordfreq-{version('wordfreq')}.pickle"
    return cached(cache_dir() / name, load, build, save_pickle)


class _Table:
    """Rows of weights by key (a word, a gazetteer mark, a token's start), each weighed when its key is first met
    (``weigh``: the rows of a list of new keys), at most ``limit`` keys kept (then the table starts again, with
    the keys asked for). ``known`` holds rows weighed before, for keys in its trie (``_common_words``): a key
    met there is copied, not weighed."""

    def __init__(self, width: int, weigh: Callable[[list], np.ndarray], limit: int | None = None,
                 known: tuple[Any, np.ndarray] | None = None) -> None:
        self.ids: dict = {}
        self.rows = np.zeros((64, width))
        self.weigh, self.limit = weigh, limit
        self.known = known

    def rows_of(self, keys: list) -> np.ndarray:
        """The rows of ``keys``, in their order."""
        ids = self.ids
        at = list(map(ids.get, keys))
        if None not in at:  # all met before (nearly every time)
            return self.rows[at]
        new = [key for key in dict.fromkeys(keys) if key not in ids]
        if new:
            if self.limit is not None and len(ids) + len(new) > self.limit:
                ids.clear()
                new = list(dict.fromkeys(keys))
            start, end = len(ids), len(ids) + len(new)
            while end > len(self.rows):
                self.rows = np.concatenate((self.rows, np.zeros_like(self.rows)))
            self.rows[start:end] = self._new_rows(new)
            ids.update(zip(new, range(start, end)))
        return self.rows[[ids[key] for key in keys]]

    def _new_rows(self, keys: list) -> np.ndarray:
        """The rows of keys not met before: copied from ``known`` where it has them, weighed otherwise."""
        if self.known is None:
            return self.weigh(keys)
        trie, known_rows = self.known
        found = [trie.get(key) for key in keys]
        copied = [k for k, row in enumerate(found) if row is not None]
        if not copied:
            return self.weigh(keys)
        rows = np.empty((len(keys), self.rows.shape[1]))
        rows[copied] = known_rows[[found[k] for k in copied]]
        if len(copied) < len(keys):
            weighed = [k for k, row in enumerate(found) if row is None]
            rows[weighed] = self.weigh([keys[k] for k in weighed])
        return rows


class _Scorer:
    """The model's score for each label at each token of a text, the summed weights of the token's features
    (``token_features``), added up word by word: a word's own features, and those it lends the words up to
    two before and after it, weigh the same wherever it stands, and are weighed once (a row of the word
    table, kept for the process; the common words' rows come from the cache, ``_common_words``); so are the
    gazetteer's marks and the marks of the words beside."""

    def __init__(self, weights: CrfWeights) -> None:
        self.weights = weights
        labels = self.labels = len(weights.labels)
        self.bias = weights.score(("bias",))
        self.edges = list(weights.scores(_EDGE))
        # own; lent to the words 2 and 1 after, 1 and 2 before; the common words weighed once for all processes
        self.word_table = _Table(5 * labels, partial(_word_rows, weights), MAX_WORDS_WEIGHED, _common_words())
        # own; lent to the word after, to the word before
        self.mark_table = _Table(3 * labels, lambda marks: weights.scores(
            group for m in marks for group in (m, _context_marks(-1, m), _context_marks(1, m))).reshape(len(marks), -1))
        self.start_table = _Table(labels, weights.scores)

    @property
    def words(self) -> dict[str, int]:
        """The words weighed so far, by row."""
        return self.word_table.ids

    def scores(self, toks: list[Token], marks: list[tuple[str, ...]], words: list[str] | None = None) -> np.ndarray:
        """Tokens x labels: the scores of the tokens ``toks`` with the gazetteer's ``marks`` (``words``: the word
        weighed at each token, by default the token's own)."""
        labels = self.labels
        rows = self.word_table.rows_of([t.text for t in toks] if words is None else words)
        own, lent_after2, lent_after1, lent_before1, lent_before2 = (rows[:, k * labels:(k + 1) * labels]
                                                                     for k in range(5))
        scores = own + self.bias
        edge_before2, edge_before1, edge_after1, edge_after2 = self.edges
        scores[2:] += lent_after2[:-2]
        scores[:2] += edge_before2
        scores[1:] += lent_after1[:-1]
        scores[0] += edge_before1
        scores[:-1] += lent_before1[1:]
        scores[-1] += edge_after1
        scores[:-2] += lent_before2[2:]
        scores[-2:] += edge_after2
        if any(marks):
            rows = self.mark_table.rows_of(marks)
            scores += rows[:, :labels]
            scores[1:] += rows[:-1, labels:2 * labels]
            scores[:-1] += rows[1:, 2 * labels:]
        scores += self.start_table.rows_of(_starts(toks))
        return scores

    def probabilities(self, toks: list[Token], marks: list[tuple[str, ...]],
                      words: list[str] | None = None) -> dict[str, list[float]]:
        """Each label's probability at each token (``words``: as ``scores`` takes them)."""
        p = marginals(self.scores(toks, marks, words), self.weights.transitions)
        return {label: p[:, k].tolist() for k, label in enumerate(self.weights.labels)}


def _scorer() -> _Scorer:
    """The model's scorer, one per thread (its tables grow as it meets words)."""
    scorer = getattr(_local, "scorer", None)
    if scorer is None or getattr(_local, "generation", 0) != _chosen_model.get("generation", 0):
        scorer = _local.scorer = _Scorer(model_weights())
        _local.generation = _chosen_model.get("generation", 0)
    return scorer


@lru_cache(maxsize=1)
def model_available() -> bool:
    """True when there is a model to read with (checked once a process, not once a document)."""
    return bool(os.environ.get("GEOJOURNEY_RECOGNIZER_MODEL")) or resources.files("geo.data").joinpath(MODEL_FILE).is_file()


def preload() -> None:
    """Load the given names the surname rule reads, and the month names a dateline's date is read by, now: a
    batch does so once before forking its workers (its warm-up has loaded the model's weights already), which
    then share them rather than each loading its own."""
    _given_names()
    month_names()


def toponym_spans(text: str, gazetteer: Gazetteer, lang: str | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every run of tokens the model labels a toponym, in text order (``lang``:
    the text's language, when known, for the dictionary forms of inflected names)."""
    toks = tagger_tokens(text)
    if not toks:
        return []
    marks = gazetteer_marks(text, toks, gazetteer, lang)
    if language_rules(lang).get("name_word_forms"):
        # "den Vereinigten Staaten", "den Niederlanden": weighed as the names of countries they are forms of
        inflected = _inflected_areas(toks, marks, gazetteer, lang)
        marks = [inflected.get(i, mark) for i, mark in enumerate(marks)]
    # a big city's name with an accent GeoNames does not write ("Shanghái"): weighed as an inflected name, as the model
    # is asked, not as it learned (its training marks none such, which a held-out run found best)
    # (a word in ASCII or in small letters, as most are, is passed over without a call)
    marks = [_accented_big_place_mark(tok.text, gazetteer)
             if not mark and not tok.text.isascii() and tok.text[:1].isupper() else mark for tok, mark in zip(toks, marks)]
    probability = _scorer().probabilities(toks, marks)
    # old spellings and clitics, which the model never learned: weighed as inflected names ("Wiipurissa")
    unmarked_forms = _forms_the_marks_miss(toks, marks, gazetteer, lang)
    # a name the gazetteer knows that a date follows at a line's start: a dateline's, whatever the model says
    dated = _dateline_names(text, toks, marks, lang) if "," in text else set()
    dated = dated | _wire_dateline(text, toks, marks)
    outside, begins, goes_on = probability["O"], probability["B"], probability["I"]
    latin_words = everyday_languages(lang)
    rules = language_rules(lang)  # the language's rules in morphology.toml
    going_words = language_words(lang or "en", "place_prepositions") | language_words(lang or "en", "travel_verbs")
    arabic_prepositions = frozenset(script_words("Arabic", "place_prepositions"))  # (words of Arabic text alone)
    from_around = rules.get("from_around", [])  # "von ... aus"
    arabic_to = frozenset(script_words("Arabic", "direction_prepositions"))
    # words that say what kind of place a name is, written small after it, which the name may take in
    # ("Oulun läänin", "Putnam county"; ``morphology.toml``)
    kind_word_starts = tuple(rules.get("kind_words_after", ()))
    # in a language that writes only names with a capital, a capital word inside a sentence is a name
    cased_names = lang is not None and lang not in NOUN_CAPITALIZING
    # a language given, and not English: the rules of the other languages' scans and corpora apply, English's being
    # the model's own, learned from the English news
    other_language = lang is not None and lang != "en"
    unknown_word = OTHER_LANGUAGE_INSIDE_PROBABILITY if other_language else INSIDE_PROBABILITY
    # and a country's name may go on in small letters ("Arabie saoudite", "Förenade arabemiraten"); English
    # writes its words with capitals, and a word in small letters after a name is the text's ("Washington state")
    small_words_in_names = other_language
    # the hyphens that break a word across lines
    broken = {j for j, t in enumerate(toks)
              if (t.text in LINE_HYPHENS or t.text == "-") and _broken_at(text, toks, j) == 2}
    spans: list[tuple[int, int]] = []
    # the run's start and its last word: a run never ends on "," nor on a full stop, nor, begun with a
    # capital, on a word without one in a script that has them ("State of", "US consulate in", "Cork city")
    start = last = None
    for i, tok in enumerate(toks):
        if start is None and 1.0 - outside[i] < _LOWEST_THRESHOLD and i not in dated and not (
                i > 0 and 1.0 - outside[i] >= CAPITAL_AFTER_A_PREPOSITION_PROBABILITY
                and (toks[i - 1].text in arabic_to or marks[i][:2] in _CAPITAL_OR_AREA_MARKS)):
            continue  # no run to end, and none begins here whatever the word (most of a text's words)
        if broken and (i in broken or i - 1 in broken):
            # a word broken across lines ("Chi¬ cago") is in a name whole or not at all, as its first part is
            if start is not None and tok.text[0].isalnum():
                last = tok
            continue
        if last is not None and last is toks[i - 1] and _abbreviation_dot(toks, i, gazetteer):
            last = tok  # "Calif." ends here or goes on ("St. Louis")
        elif start is not None and _full_stop(text, toks, i):
            if last is not None:  # a sentence's end ends the run ("Cagliari.\nPrusse", "North Avenue. Lane")
                spans.append((start, last.end))
            start = last = None
            continue
        if start is not None and _PARAGRAPH_BREAK.search(text, toks[i - 1].end, tok.start):
            # ... as a paragraph's does (a headline's last word and a dateline: "زيارة رسمية إلى إيطاليا\n\nالجزائر")
            if last is not None:
                spans.append((start, last.end))
            start = last = None
        mark = unmarked_forms.get(i, marks[i])
        proper_form = cased_names and i > 0 and "gz:inflected" in mark \
            and toks[i - 1].text[-1] not in _SENTENCE_END
        inside = i in dated or 1.0 - outside[i] >= _threshold(tok, mark, latin_words, proper_form,
                                                              unknown_word)  # B or I
        if not inside and i > 0 and 1.0 - outside[i] >= (CAPITAL_AFTER_A_WORD_OF_GOING_PROBABILITY
                                                         if mark[:2] in _CAPITAL_OR_AREA_MARKS
                                                         else NAME_ONLY_PROBABILITY) \
                and toks[i - 1].text.casefold() in going_words \
                and _a_big_places_name(tok.text, mark, gazetteer, other_language):
            inside = True  # "after leaving Pyongyang", "über München", "a Roma"
        if not inside and i > 1 and 1.0 - outside[i] >= NAME_ONLY_PROBABILITY and _a_big_towns_mark(mark) \
                and _KIND_OF_PLACE_BEFORE.search(text, max(0, tok.start - 20), tok.start):
            inside = True  # "à cidade da Beira" (beira: an edge, in Portuguese), "the town of Reading"
        if not inside and 0 < i < len(toks) - 1 and 1.0 - outside[i] >= NAME_ONLY_PROBABILITY \
                and _a_big_towns_mark(mark) and [toks[i - 1].text.casefold(), toks[i + 1].text] in from_around:
            inside = True  # "Von Dresden aus fuhr er"
        if not inside and i > 0 and toks[i - 1].text in arabic_prepositions \
                and ((capitals := _a_capitals_mark(mark) or _an_area_named_as_its_capital(tok.text, mark, gazetteer))
                     or _a_big_towns_mark(mark)) \
                and 1.0 - outside[i] >= (CAPITAL_AFTER_A_PREPOSITION_PROBABILITY
                                         if capitals and toks[i - 1].text in arabic_to
                                         else AFTER_A_PREPOSITION_PROBABILITY) \
                and name_key(tok.text) not in designators("Arabic"):  # (مدينة, city, is also Medina's name)
            inside = True  # "إلى الدمام"
        if inside and start is None and tok.text in _OPENING_QUOTES:
            continue  # a name never begins with the quotation mark before it ("„Wien“")
        if inside and (start is None or begins[i] > goes_on[i] and not _goes_on_a_known_name(toks, marks, i)):
            if last is not None:
                spans.append((start, last.end))
            start, last = tok.start, None
        elif not inside and start is not None:
            if last is not None:
                spans.append((start, last.end))
            start = last = None
        if start is not None and tok.text[0].isalnum() and not (
                tok.text[0].islower() and text[start].isupper() and is_cased_script(tok.text)
                and toks[i - 1].end < tok.start and not tok.text.casefold().startswith(kind_word_starts)
                and not (small_words_in_names and _goes_on_a_known_country(toks, marks, i, start))):
            # (a run all in small letters, as tweets write names, is taken as it is, and a word's part
            # after a hyphen where a scanned line break was lost: "Hel-singfors")
            last = tok
    if start is not None and last is not None:
        spans.append((start, last.end))
    spans = without_numbers_after_commas(text, _split_at_separators(text, spans, gazetteer))
    spans = _before_arabic_time_words(text, spans)
    if other_language:  # "MADRID 19 Juin", "Paris 1865": a dateline's date, a year, no name's
        spans = _without_dates(text, spans)
        # nor a day's name, or a time of it a language writes onto one, before a name ("am Freitagmorgen Malmö")
        spans = _without_a_day_before(text, spans, tuple(rules.get("daypart_endings", ())))
        # nor a day's name after a preposition opening a sentence ("Na quarta-feira, o chefe de Estado")
        spans = [(s, e) for s, e in spans if not _A_DAY_AFTER_A_SMALL_WORD.fullmatch(text, s, e)
                 or _A_DAY_AFTER_A_SMALL_WORD.fullmatch(text, s, e)[1].casefold() not in calendar_words()]
    if lang == "fr":  # "La Suisse", "le Centre": the article, unless the name has it ("La Rochelle")
        spans = _without_articles(text, spans, gazetteer)
    if rules.get("nouns_after_articles"):  # "der Zug": the train, not the canton of Zug
        spans = [(s, e) for s, e in spans if not _a_noun_after_its_article(text, s, e, gazetteer, lang)]
    if other_language:
        spans = _split_at_commas(text, spans, gazetteer, lang)
    else:  # "ALBUQUERQUE, N.M.": two names; "Highway 10", "US-24": one
        spans = _with_road_numbers(text, _split_at_commas(text, spans, gazetteer))
    # numbers and one letter name no place ("91-89"; "R-Elbow Lake", a party's and a home town's; "W. Phila."), nor a
    # word in the middle of a name hyphens join ("the Venice Simplon-Orient-Express", "Andreas-Hofer-Str.")
    spans = [(s, e) for s, e in spans if not _no_name(text[s:e]) and not _INSIDE_A_COMPOUND.fullmatch(
        text, s - len(before[0]) if (before := _CAPITAL_WORD_AND_HYPHEN.search(text, max(0, s - 40), s)) else s,
        min(len(text), e + 2))]
    if broken:  # a word broken across lines, weighed whole: "Anwen¬dung" is none, "Cham¬\npagne" a name
        no_names, names = _broken_words_weighed_whole(text, toks, marks, spans, broken, gazetteer, lang, unknown_word)
        if no_names:
            spans = [span for span in spans if span not in no_names]
        if names:
            spans = _with_unfound(spans, names)
    if other_language:  # "La grande masse", "Vad gäller", "Koska": the language's commonest words
        spans = [(s, e) for s, e in spans if not _one_of_the_commonest_words(text[s:e], gazetteer, lang)
                 and text[s:e].casefold() not in calendar_words()  # "le Lundi 16 Juin": a day's name
                 and not _a_word_broken_after(text, s, e)]  # "Alek-sander", "Eu-gen": part of a word
    if other_language and cased_names:  # "Nicolai Fabricius", "Finlands Banks"
        spans = [(s, e) for s, e in spans if not _before_a_name_no_place_has(text, spans, s, e, gazetteer, lang)]
    if rules.get("town_adjectives"):  # "am Münchner Hauptbahnhof": München's station
        spans = _with_unfound(spans, _town_adjectives_before_stations(toks, gazetteer, lang))
    spans = _joined(text, spans, gazetteer)
    listed = _listed_between_places(text, toks, marks, spans)
    if other_language:  # "Böslau, Kaltenleutgeben, Laxenburg.": at a list's end, the next name unknown
        listed += _listed_beside_a_place(text, toks, marks, sorted(spans + listed), gazetteer, lang)
        listed += _unknown_listed_with_places(text, sorted(spans + listed), gazetteer, lang)  # "Böslau" itself
    if listed:  # "Leobersdorf, Kaltenleutgeben, Laxenburg": a name the gazetteer knows, listed among places
        spans = sorted(spans + listed)
    titled = _titles_and_titled(text, spans, gazetteer, lang)
    if titled:  # "Hon. Grantley Berkeley", "Mrs. Walkden", "M. Mahé", "Lord Palmerston"
        spans = [span for span in spans if span not in titled]
    organisations = _organisations(text, spans, gazetteer, lang)
    if organisations:  # "Banque de France", "Journal de Paris"
        spans = [span for span in spans if span not in organisations]
    named = _ships_and_storms(text, spans, gazetteer, lang)
    if named:  # "the steamer Liverpool", "USS Lake Erie", "ångaren Heinola", "Hurricane Florence"
        spans = [span for span in spans if span not in named]
    regnal = _regnal_names(text, spans)
    if regnal:  # "León XIV", "Elizabeth II": a pope's, a queen's
        spans = [span for span in spans if span not in regnal]
    people, their_surnames = _people_named(text, spans, gazetteer, lang)
    if people:  # a person's names, and the surname said alone again ("Nancy Levan ... Levan")
        spans = [span for span in spans if span not in people]
    surnames = _surnames(text, toks, spans, lang) | their_surnames
    if surnames:  # a surname said alone is the person's, unless the name is a country's or a big region's
        spans = [(s, e) for s, e in spans if text[s:e] not in surnames or _too_big_for_a_surname(
            gazetteer.name_kind(name_key(text[s:e])))]
    speakers = _speakers(text, toks, spans, lang)
    if speakers:  # a name that speaks is a person's, unless a country's, a capital's or a region's
        spans = [(s, e) for s, e in spans if text[s:e] not in speakers or _a_place_that_speaks(
            gazetteer.name_kind(name_key(text[s:e])))]
    common = _everyday_words_after_the(text, spans, gazetteer, lang)
    if common:  # "the Sale, at the Grosvenor Arms", "the Bank of Greece": the word, not a town of its name
        spans = [span for span in spans if span not in common]
    short = _short_for_other_names(text, toks, spans, gazetteer)
    if short:  # an acronym the text defines as short for a name that is no place is none either
        spans = [(s, e) for s, e in spans if text[s:e] not in short]
    buildings = _named_buildings(text, spans, lang)
    if buildings:  # "Trinity College", found whole where no place was found in it
        spans = sorted(spans + buildings)
    # "Radio-Toulouse", "Downing-street", "Great John-street", "Hereford street", in place of the names found in them
    streets = _streets_written_small(text, spans, gazetteer, lang)
    for whole in (_stations(text, lang), _hyphened_streets(text), streets, _addresses(text, gazetteer, lang),
                  _street_addresses(text, gazetteer, lang)):
        spans = _in_place_of_overlapping(spans, whole)
    states = _states_after_names(text, spans, lang)
    if states:  # "Wilmington, NC"
        spans = sorted(spans + states)
    tagged = _hashtag_places(text, spans, gazetteer) if "#" in text else []
    if tagged:  # "#greece", "#PuertoRico"
        spans = sorted(spans + tagged)
    if rules.get("routes_hyphened"):  # "Wien=Triest": two towns
        spans = _routes_parted(text, spans, gazetteer)
    if lang in (None, "en") and ("'" in text or "’" in text):  # "Moscow's Yaroslavsky", not Swedish "Nancy's Casino"
        spans = _possessors_parted(text, spans, gazetteer)
    if rules.get("names_run_into_words"):  # "Francequand", "Londresson": a line break lost
        spans = _names_run_into_words(text, spans, gazetteer, lang)
    if other_language and _CASE_CHANGE.search(text):  # "VenäjältäSuomeen", "GriechenlandsEgypten"
        spans = _names_run_together_parted(text, spans, gazetteer, lang)
    if other_language:  # "Seite 4Wien", "350 50Hollande": a number a scan ran into a name
        spans = _names_run_into_numbers(text, spans, gazetteer, lang)
    if "," in text:  # "LES GRAINSPARIS, 14 mars.": a heading run into a dateline's place
        spans = _datelines_run_into_headings(text, spans, gazetteer)
    if "-" in text:  # "Nouvelle-Orléans", "Ile-de-France", "Bordeaux-S.-O.", where the model found a part
        spans = _whole_hyphened_names(text, spans, gazetteer, lang)
    spans = _with_kind_words(text, toks, marks, spans, lang)  # "Kanton Zürich", "Oulun läänin"; not in English
    spans = _named_before_kind_words(text, spans, gazetteer, lang)  # "Laitilan pit.", missed by the model
    if rules.get("feature_words"):  # "Kurkijoelta", "Kuparisaaren": a river's, an island's
        spans = _named_for_features(text, spans, gazetteer, lang)
    if rules.get("country_forms"):  # "Wenäjällä", "Yhdyswaltain": a country's name, whatever its form
        spans = _countries_in_any_form(text, spans, gazetteer, lang)
    if other_language:  # "Preußens", "Bohême", "Tschechoslowakei": former states and historical regions
        spans = _historical_places(text, spans, gazetteer, lang)
        spans = _natural_features(text, spans, gazetteer, lang)  # "Linz (Donau)", "la Méditerranée": no town's
        spans = _misread_names(text, spans, gazetteer, lang)  # "Sondon", "Canaba": London, Canada, misread
    if rules.get("datelines"):  # "Ottawista, syysk. 21 pnä.": where a report comes from
        spans = _datelines(text, spans, lang)
    if rules.get("celestial_bodies"):  # "Jupiter", "Marsin": listed, never placed
        spans = _celestial_bodies(text, spans, lang)
    if "." in text and rules.get("rivers_written_short"):  # "Frankfurt a. M."
        spans = _with_rivers_written_short(text, spans)
    if "(" in text and rules.get("districts_in_brackets"):  # "Compiègne (Oise)", "PARIS (9e)"
        spans = _with_districts_in_brackets(text, spans, gazetteer)
    return spans


#: A word this common in its language (Zipf) is the word where found alone, whatever the gazetteer knows by it ("La",
#: "Sur", "Vad", "Kun": Los Angeles, Sur in Oman, a region, a county), the commonest names being less common
#: (France 6.0, Sverige 6.1, Suomen 6.3) ...
FUNCTION_WORD_ALONE_ZIPF = 6.3
#: ... and this common where no place has it, nor its dictionary form ("Meillä", "Niiden", "Stadt") ...
COMMON_WORD_ALONE_ZIPF = 5.5
#: ... as the language writes it this often at least (Zipf: "helsinki" 5.6; Mei and Niide, which Finnish "Meillä"
#: and "Niiden" seem forms of, 3.3 and 1.6).
INFLECTED_NAME_MIN_ZIPF = 3.5


def _one_of_the_commonest_words(name: str, gazetteer: Gazetteer, lang: str) -> bool:
    """Whether ``name`` is one word, not in capitals, of the commonest of ``lang`` (``FUNCTION_WORD_ALONE_ZIPF``:
    "La grande masse", "Vad gäller", "Kun Lontoon"; or ``COMMON_WORD_ALONE_ZIPF`` and no name the gazetteer knows,
    nor inflected from one: "Meillä on", "Innere Stadt")."""
    if not name.isalpha() or name.isupper():
        return False
    zipf = word_zipf(name.lower(), (lang,))
    if zipf >= FUNCTION_WORD_ALONE_ZIPF:
        return True
    if zipf < COMMON_WORD_ALONE_ZIPF or gazetteer.knows(name_key(name)):
        return False
    lemma = gazetteer.dictionary_form(name, lang)
    # a name the language itself hardly writes is no name the word is a form of ("Meillä", we have: not Mei's)
    return lemma is None or word_zipf(lemma, (lang,)) < INFLECTED_NAME_MIN_ZIPF


#: A word in title case right after a name, a space between.
_TITLE_WORD_AFTER = regex.compile(r"[ \t]+(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}-])")


def _before_a_name_no_place_has(text: str, spans: list[tuple[int, int]], start: int, end: int, gazetteer: Gazetteer,
                                lang: str) -> bool:
    """Whether the one word ``text[start:end]`` stands right before a word in title case that no place has, nor
    its dictionary form, and that was not found: a given name before a surname ("Nicolai Fabricius", "Maurice
    Pelgrain") or a name in an organisation's ("Suomen Meijeriyhdistyksen", "Finlands Banks"), in a language that
    writes only names with a capital (not German; not English, whose news marks "London Depot")."""
    if " " in text[start:end] or "\n" in text[start:end]:
        return False
    m = _TITLE_WORD_AFTER.match(text, end)
    if m is None or any(s == m.start(1) for s, _ in spans):
        return False
    return not gazetteer.knows(name_key(m[1])) and gazetteer.dictionary_form(m[1], lang) is None


#: A hyphen and small letters right after a word ("Alek-sander", "Croix-du-marché"; not a compound name's link
#: before a capital: "Ile-de-France", "Mont-sans-Nom").
_HYPHEN_AND_SMALL_LETTERS = regex.compile(r"[-=]\p{Ll}+(?!\p{L}|[-=]\p{Lu})")


def _a_word_broken_after(text: str, start: int, end: int) -> bool:
    """Whether the one word ``text[start:end]`` goes on after a hyphen (or the "=" of Fraktur) in small letters: part
    of a word a scan broke where a line ended ("Alek-sander", "Eu-gen", "Saha-roffsky", "Hel-singe", "Mie=het",
    Finnish men) or of a compound
    ("Croix-du-marché", "Tambourg-major"), not a place's name on its own. (English news marks "London-based"
    as London: not in English.)"""
    return _HYPHEN_AND_SMALL_LETTERS.match(text, end) is not None and not any(ch in " -=\n" for ch in text[start:end])


#: One word broken across lines, its two parts, the second in small letters ("Anwen¬dung", "Ver¬ hältnisse",
#: "Agri-\nculture"; not "New-\nYork", a name written with a hyphen).
_BROKEN_WORD = regex.compile(r"(\p{L}[\p{L}\p{M}]*)(?:[%s][ \t]*\n?|[-=][ \t]*\n)[ \t]*(\p{Ll}[\p{L}\p{M}]*)"
                             % "".join(sorted(LINE_HYPHENS)))


def _broken_words_weighed_whole(text: str, toks: list[Token], marks: list[tuple[str, ...]],
                                spans: list[tuple[int, int]], breaks: set[int], gazetteer: Gazetteer,
                                lang: str | None,
                                threshold: float) -> tuple[set[tuple[int, int]], list[tuple[int, int]]]:
    """What the model says of the words a scan broke across lines (``breaks``: the hyphens) when it weighs each
    word whole where its first part stands, as it would the word unbroken (it weighs the parts, and takes a
    noun's capital for a name's): the spans of ``spans`` that are such a word, no place's name nor a form of one,
    and below ``threshold`` ("Anwen¬dung", "Ver¬ hältnisse", "Ga¬rantie"; "Tschecho¬slowakei", "Amé¬rique" stay);
    and the words in title case the gazetteer knows whole that no span found and that pass the probability of
    a name it knows (``KNOWN_NAME_PROBABILITY``: "Cham¬\npagne", "Penn¬\nsylvania", "Neu¬berg")."""
    words = {j - 1: toks[j - 1].text + toks[j + 1].text for j in breaks if toks[j + 1].text[:1].islower()}
    if not words:
        return set(), []
    by_start = {toks[i].start: i for i in words}
    no_names = {}  # by token: the span
    for s, e in spans:
        i = by_start.get(s)
        if i is not None and _BROKEN_WORD.fullmatch(text, s, e) and gazetteer.form_kind(words[i], lang) is None:
            no_names[i] = (s, e)
    starts = [s for s, _ in spans]
    names = {i: (toks[i].start, toks[i + 2].end) for i, word in words.items()
             if toks[i].text[:1].isupper() and not _overlaps_found(spans, starts, toks[i].start, toks[i + 2].end)
             and gazetteer.form_kind(word, lang) is not None}
    if not no_names and not names:
        return set(), []
    weighed = [words.get(i, t.text) for i, t in enumerate(toks)]
    inside = 1.0 - np.asarray(_scorer().probabilities(toks, marks, weighed)["O"])
    return ({span for i, span in no_names.items() if inside[i] < threshold},
            [span for i, span in sorted(names.items()) if inside[i] >= KNOWN_NAME_PROBABILITY])


def _no_name(name: str) -> bool:
    """True when ``name`` has no letter ("91-89", a score; "112", a phone number), or is one letter of a script
    with capitals, with a dot or not, and no number ("R", "W."; not "I-75", a highway)."""
    letters = [ch for ch in name if ch.isalpha()]
    return not letters or len(letters) == 1 and is_cased_script(letters[0]) and not any(ch.isdigit() for ch in name)


#: What may lie between two names found that are parts of one country's or region's name: "and" ("Trinidad and
#: Tobago", "Jammu & Kashmir"), a space ("Great Britain"), words in title case ("U.S. Virgin Islands"), a comma
#: ("Washington, D.C.").
_JOIN = regex.compile(r",? (?:and |& |(?:\p{Lu}\p{Ll}+ ){1,2})?")


#: The small words between a town's name and its river's or its land's that make one name ("Frankfurt am Main",
#: "Newcastle upon Tyne", "Komsomolsk am Amur", "Halle an der Saale", "Rothenburg ob der Tauber", "Francoforte sul
#: Meno", "Monaco di Baviera", Munich, not Monaco).
_ON_A_RIVER = regex.compile(r" (?:am|an der|ob der|upon|on|on the|sur|na|sul|di) ")


def _joined(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """``spans`` with two names found made one where, with what lies between them (``_JOIN``), they are a
    country's or a region's name ("Trinidad and Tobago", "Azad Jammu and Kashmir", "Great Britain", "U.S.
    Virgin Islands", "Washington, D.C."; not "Iowa and Nebraska"), or, with a small word between (``_ON_A_RIVER``),
    a town's on its river ("Komsomolsk am Amur": not Komsomolsk, a village of Uzbekistan, and Āmūr, a town of
    India)."""
    if len(spans) < 2:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _JOIN.fullmatch(text, out[-1][1], s):
            kind = gazetteer.name_kind(name_key(text[out[-1][0]:e]))
            if kind is not None and kind[0] in ("country", "region"):
                out[-1] = (out[-1][0], e)
                continue
        if out and _ON_A_RIVER.fullmatch(text, out[-1][1], s) and gazetteer.knows(name_key(text[out[-1][0]:e])):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def _too_big_for_a_surname(kind: tuple[str, int] | None) -> bool:
    """True for a name that stays a place even after a given name: a country's, a continent's or the
    name of a region of a million people or more ("Georgia", "Washington"; not Trapani, Nelson)."""
    return kind is not None and (kind[0] in ("country", "continent")
                                 or kind[0] == "region" and kind[1] >= SURNAME_REGION_MIN_PEOPLE)


#: A name found of one to three words, each in title case ("Nancy Levan", "Ricky Karg Jr").
_FULL_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}")
#: A city this populous keeps its name as a speech verb's subject ("Liverpool said"; not Nelson, B.C.).
SPEAKING_CITY_MIN_PEOPLE = 100_000
#: A given name found as a town's, before a surname, is the person's where the town is smaller than this
#: ("Doris Lindenwald"; not "Houston Rockets") ...
GIVEN_NAME_TOWN_MAX_PEOPLE = 100_000
#: ... and the surname is a word less common than this (not "Lindsay Police", "Monroe Sustainable").
SURNAME_AFTER_MAX_ZIPF = 4.5
#: A full name that only towns smaller than this have is a person's all the same ("Pedro Sánchez": Spain's prime
#: minister, not the village of 1,600 people in the Dominican Republic).
FULL_NAME_TOWN_MAX_PEOPLE = 5_000


#: A middle initial and a surname after a given name: " M. Johnson".
_MIDDLE_INITIAL = regex.compile(r" \p{Lu}\. (\p{Lu}\p{Ll}+)\b")


def _a_given_name(word: str, gazetteer: Gazetteer) -> bool:
    """True for a given name people have (``_common_given_name`` in English), no word that begins place names, nor
    a place's other than a town's ("Virginia Gateway")."""
    return _common_given_name(word, ("en",)) and word.casefold() not in PLACE_NAME_PREFIXES \
        and _only_towns_named(word, gazetteer)


def _only_towns_named(name: str, gazetteer: Gazetteer) -> bool:
    """True when no place has ``name`` but towns: no country, continent, region or capital."""
    kind = gazetteer.name_kind(name_key(name))
    return kind is None or kind[0] == "city"


def _people_named(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                  lang: str | None) -> tuple[set[tuple[int, int]], set[str]]:
    """The names found that are a person's, and the person's surnames. A person's name is:

    - a full name, of two or three words in title case that no place has but towns of fewer than
      ``FULL_NAME_TOWN_MAX_PEOPLE`` ("Pedro Sánchez"), the last no country's or region's
      ("Sierra Nevada") nor a word that ends the names of streets and buildings ("Jay Lane";
      ``morphology.toml``'s ``designators`` and ``street_words``);
    - a given name right before a surname found as another name of one word, not a country's nor a big
      region's (``_too_big_for_a_surname``: "Elizabeth Fairfield"; not "Austin Texas");
    - a given name, no town of ``GIVEN_NAME_TOWN_MAX_PEOPLE``, right before a surname found as none ("Doris
      Lindenwald": a word in title case, no such name end either, nor a day or month, nor this common a word,
      ``SURNAME_AFTER_MAX_ZIPF``: not "Monroe Police");
    - in English, one word right before a middle initial and a surname ("Benton M. Johnson", "Judah P.
      Benjamin"), unless a country's or a big region's.

    The given name is one people have (``_given_names``; not so common a word that it is another word, nor a
    word that begins place names, nor a place's other than a town's: "Virginia Gateway")."""
    people: set[tuple[int, int]] = set()
    surnames: set[str] = set()
    if lang in NOUN_CAPITALIZING:
        return people, surnames

    def a_name_end(word: str) -> bool:  # "Lane", "Counties"
        word = word.casefold()
        return bool({word, word.removesuffix("s"), word.removesuffix("ies") + "y"} & _name_ends())

    ends = {s: e for s, e in spans}
    for s, e in spans:
        if not _FULL_NAME.fullmatch(text, s, e):
            continue
        words = text[s:e].split(" ")
        first, last = words[0], words[-1]
        # (in English: French writes "M." for Monsieur, "à Lyon M. Thiers")
        initial = _MIDDLE_INITIAL.match(text, e) if len(words) == 1 and lang in (None, "en") else None
        if initial and not _too_big_for_a_surname(gazetteer.name_kind(name_key(first))):
            people.add((s, e))  # a given name, a middle initial and a surname: "Benton M. Johnson"
            surnames.add(initial.group(1))
            continue
        if len(words) == 1:
            after = _FULL_NAME.match(text, e + 1) if text[e:e + 1] == " " else None
            surname = after.group().split(" ", 1)[0] if after else ""
            if not surname or not _a_given_name(first, gazetteer):
                continue
            if ends.get(e + 1) == e + 1 + len(surname):  # found as a name itself: "Elizabeth Fairfield"
                if not _too_big_for_a_surname(gazetteer.name_kind(name_key(surname))):
                    people.add((s, e))
                    surnames.add(surname)
            elif e + 1 not in ends and not a_name_end(surname) and surname.casefold() not in _DAYS_AND_MONTHS \
                    and word_zipf(surname, ("en",)) < SURNAME_AFTER_MAX_ZIPF:
                kind = gazetteer.name_kind(name_key(first))
                if kind is None or kind[1] < GIVEN_NAME_TOWN_MAX_PEOPLE:
                    people.add((s, e))
                    surnames.add(surname)
            continue
        kind = gazetteer.name_kind(name_key(text[s:e]))
        if a_name_end(last) or kind is not None and (kind[0] != "city" or kind[1] >= FULL_NAME_TOWN_MAX_PEOPLE) \
                or not _a_given_name(first, gazetteer):
            continue
        if _only_towns_named(last, gazetteer):
            people.add((s, e))
            surnames.add(last)
    return people, surnames


#: An English word this common (Zipf) right after "the" is that word, not a town of its name ...
THE_EVERYDAY_WORD_ZIPF = 4.5
#: ... where a punctuation mark or a word this common follows it ("the Sale is", "the Bank of", "The Luck."; not
#: "the Chicago native").
FUNCTION_WORD_ZIPF = 6.0
_THE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[Tt]he $")
_WORD_OR_MARK_AFTER = regex.compile(r"[ \t]*(?:[,.;:!?)]|(\p{Ll}+)(?![\p{L}\p{M}\p{N}]))")


def _everyday_words_after_the(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                              lang: str | None) -> set[tuple[int, int]]:
    """In English, the names found of one everyday word (``THE_EVERYDAY_WORD_ZIPF``) that only towns have, right
    after "the" and before a punctuation mark or a function word (``FUNCTION_WORD_ZIPF``): "previously to the
    Sale, at the Grosvenor Arms" (Sale, England), "the Bank of Greece", "around the EARTH": the word, written
    with a capital, not the town; a town's name before a noun stays ("the Chicago native")."""
    if lang not in (None, "en"):
        return set()
    found = set()
    for s, e in spans:
        word = text[s:e]
        if not word.isalpha() or not word[:1].isupper() or not _THE_BEFORE.search(text, max(0, s - 4), s):
            continue
        after = _WORD_OR_MARK_AFTER.match(text, e)
        if after is None or after[1] is not None and word_zipf(after[1], ("en",)) < FUNCTION_WORD_ZIPF:
            continue
        if word_zipf(word, ("en",)) >= THE_EVERYDAY_WORD_ZIPF and _only_towns_named(word, gazetteer):
            found.add((s, e))
    return found


@lru_cache(maxsize=1)
def _name_ends() -> frozenset[str]:
    """The words that end the names of places, streets and buildings ("Lake", "Lane", "Elementary")."""
    latin = morphology()["Latin"]
    return frozenset((*latin["designators"], *latin["street_words"]))


def _a_place_that_speaks(kind: tuple[str, int] | None) -> bool:
    """True for a name that stays a place as a speech verb's subject: a country's, a continent's, a
    capital's or a region's, which news makes speak for its government ("Russia said", "Moscow says"), or
    a city's of ``SPEAKING_CITY_MIN_PEOPLE``, whose council or club news makes speak ("Liverpool said")."""
    return kind is not None and (kind[0] != "city" or kind[1] >= SPEAKING_CITY_MIN_PEOPLE)


def _speakers(text: str, toks: list[Token], spans: list[tuple[int, int]], lang: str | None) -> set[str]:
    """The one-word names found that the text makes speak, somewhere, as people do: right before one of
    the language's speech verbs ("Nelson says", not "in Sevierville say") or right after one, ending the
    clause ("said Noma."); ``morphology.toml``'s ``speech_verbs`` and ``place_prepositions``."""
    verbs = language_words(lang or "en", "speech_verbs")
    words = _title_words(text, spans) if verbs else set()
    if not words:
        return set()
    prepositions = language_words(lang or "en", "place_prepositions")
    found: set[str] = set()
    for i, tok in enumerate(toks):
        if tok.text not in words or tok.text in found:
            continue
        after = toks[i + 1] if i + 1 < len(toks) else None
        before = toks[i - 1] if i else None
        if after is not None and after.text in verbs and after.start - tok.end == 1 \
                and (before is None or before.text.casefold() not in prepositions):
            found.add(tok.text)  # "Nelson says"
        elif before is not None and before.text in verbs and tok.start - before.end == 1 \
                and after is not None and after.text in (".", ",", ";") and after.start == tok.end:
            found.add(tok.text)  # "said Noma."
    return found


#: A capital word, then perhaps a full stop, then one space: a title when the language has it as one ("Mrs. "),
#: and not after a word with a capital ("2216 Duff Dr Port Arthur", a street's Drive).
_TITLE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}.])(?<!\p{Lu}\p{L}* )(\p{Lu}\p{L}*)\.? $")
#: ... after any word where every noun has a capital ("Der Referent Hrn. Greulich").
_TITLE_AFTER_A_NOUN_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}.])(\p{Lu}\p{L}*)\.? $")
#: ... or, in a language that writes its titles in small letters ("kenraali French", "lord Kitchener", "hr Engdahl"),
#: a word in small letters (a colon in it as Swedish writes some short: "d:r").
_SMALL_TITLE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}.:])(\p{Ll}[\p{L}:]*)\.? $")
#: The capitals that stand before a full stop as a person's initial: not the compass's ("W. Phila.", "216 S. Clinton
#: Avenue").
_INITIALS = frozenset("ABCDFGHIJKLMOPQRTUVXYZ")
#: What follows a title, written short, before a person's name: a full stop, a space, a capital ("Hon. G").
_NAME_AFTER_TITLE = regex.compile(r"\. \p{Lu}")
#: An article right before a word in the Romance languages ("O Presidente da República"): a title written with a
#: capital after it is the office's.
_ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:[OoAa]|[Ee]l|[Ll]a|[Ii]l|[Ll]o) $")
#: ... or at the start of a name found, a person's name after it ("Los Reyes Felipe VI y Letizia").
_ARTICLE_START = regex.compile(r"^(?:[OoAa]s?|[Ee]l|[Ll][ao]s?|[Ii]l|[Ll]o) ")
_NAME_AFTER = regex.compile(r" \p{Lu}\p{Ll}")
#: ... or a small word of "of" and one ("O Presidente da República").
_OF_A_NAME_AFTER = regex.compile(r" (?:da|do|de|del|della|di|du|des) \p{Lu}\p{Ll}")
#: ... or a title in small letters inside a name found, before a word with a capital ("O presidente Luiz") ...
_SMALL_TITLE_INSIDE = regex.compile(r"(?<=\s)(\p{Ll}[\p{L}-]*)(?=\s+\p{Lu})")
#: ... or before one or two given names right before it ("o presidente Luiz Inácio Lula").
_SMALL_TITLE_AND_NAMES_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}.:])(\p{Ll}[\p{L}:-]*)\.?(?: \p{Lu}[\p{Ll}\p{M}]+){1,2} $")
#: A title of nobility or of the church and "of" right before a name ("the Duke of Cambridge", "the Archbishops of
#: Canterbury"), not a crown prince's ("the Crown Prince of Dubai": his country's).
_HELD_TITLE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?<!Crown )(\p{Lu}\p{Ll}+) of $")
#: A word, then one to three initials, right before a name: "Rev. E. Ludlow", "Sir R. Murchison", "HENRY R. STORRS".
_INITIALS_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}.])(\p{Lu}\p{L}*)\.? ((?:\p{Lu}\. ){1,3})$")
#: A given name in capitals right before a name in capitals: "MR. WILLIAM ROE", "HENRY CHARLES STURT".
_CAPITAL_GIVEN_NAME_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(\p{Lu}{2,}) $")
#: A name in capitals, of one word or two.
_CAPITAL_NAME = regex.compile(r"\p{Lu}{2,}(?: \p{Lu}{2,})?")


@lru_cache(maxsize=32)
def _organisation_before(lang: str | None) -> Any:
    """The pattern of a word for an organisation and a name link right before a name (``morphology.toml``'s
    ``organisation_words``: "Banque de France", "Crédit Foncier d'Algérie"), or None where the language has none."""
    words = language_rules(lang).get("organisation_words")
    if not words:
        return None
    return regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:%s)\s{1,3}(?:%s)\Z" % ("|".join(map(regex.escape, words)),
                                                                          name_links(lang)))


#: The word right after a name, a space between ("France Libre").
_WORD_AFTER = regex.compile(r"[ \t]{1,2}(\p{L}+)")
#: The name after a name link in a span found ("Journal de Paris": Paris).
_NAME_AFTER_A_LINK = regex.compile(r"(?<=\s|['’])\p{Lu}")


def _organisations(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                   lang: str | None) -> set[tuple[int, int]]:
    """The names found that name an organisation with the word before them (``_organisation_before``: "la Banque de
    France", "le Journal de Paris"), or found with that word, or with one of the language's ``organisation_words_after``
    after them ("la France Libre", the movement of 1940), or a word in small letters after them of which one of
    its ``organisation_word_parts_after`` is a part ("Helsingin kuritushuoneen", Helsinki's prison; "Porvoon
    työväenyhdistyksen", "Åbo sparkassa", "Borgå stifts"; broken across lines or not): the bank, the paper, the
    prison, not the place, as HIPE-2022 marks them. Not a country's or a continent's name ("Ruotsin
    ampumayhdistysten": Sweden's shooting clubs)."""
    before = _organisation_before(lang)
    after = language_words(lang, "organisation_words_after")
    parts = language_rules(lang).get("organisation_word_parts_after", ())
    if before is None and not after and not parts:
        return set()

    def part_of_an_organisations_name(s: int, e: int) -> bool:
        word = _SMALL_WORD_AFTER.match(text, e)
        if word is None or " " in text[s:e]:
            return False
        word_after = unbroken(word[1], maybe=True)
        if not any(part in word_after for part in parts):
            return False
        kind = gazetteer.form_kind(unbroken(text[s:e], maybe=True), lang)
        return kind is None or kind[0] not in ("country", "continent")

    # (or found with the word: "Journal de Paris" whole; or a word after it: "France Libre", the movement)
    return {(s, e) for s, e in spans if before is not None and (
            before.search(text, max(0, s - 30), s)
            or (m := _NAME_AFTER_A_LINK.search(text, s + 1, e)) is not None and before.search(text, s, m.start()))
            or after and (w := _WORD_AFTER.match(text, e)) is not None and w[1] in after
            or parts and part_of_an_organisations_name(s, e)}


#: A word in small letters after a name, broken across lines or not ("kuritushuo-neen").
_SMALL_WORD_AFTER = regex.compile(r"[ \t]*\n?[ \t]*(\p{Ll}[\p{L}\p{M}]*(?:[-=¬][ \t]?\n?\p{Ll}[\p{L}\p{M}]*)*)")


@lru_cache(maxsize=32)
def _title_particle_before(lang: str | None) -> Any:
    """The pattern of a title and a name's particle right before a name ("M. de Bayane", "Mme d'Houdetot";
    ``morphology.toml``'s ``title_particles``), or None where the language has none."""
    particles = language_rules(lang).get("title_particles")
    if not particles:
        return None
    return regex.compile(r"(?<![\p{L}\p{M}\p{N}.])(\p{Lu}\p{L}*)\.? (?:%s)\Z" % "|".join(
        regex.escape(w) + ("" if w[-1] in "'’" else " ") for w in particles))


#: A title a word before it ran into, a line break lost, is this long at least ("ettäkenraali": että, kenraali; not
#: "hr", Swedish "herr" short, at the end of any word).
RUN_INTO_TITLE_MIN_LETTERS = 4


def _run_into_a_title(word: str, titles: frozenset[str]) -> bool:
    """Whether ``word`` is a word run into a title written small after it, where a scanned line break was lost
    ("ettäkenraali French": että kenraali, general; "jolloinKapt. Ruthin")."""
    low = word.casefold()
    return any(low.endswith(title) and len(low) - len(title) >= 3 and word[-len(title) - 1].isalpha()
               for title in titles if len(title) >= RUN_INTO_TITLE_MIN_LETTERS)


def _titles_and_titled(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                       lang: str | None) -> set[tuple[int, int]]:
    """The names found that are a title before a person's name ("Hon. Grantley Berkeley": Hūn, Libya), or a name
    right after a title (and a particle, ``_title_particle_before``: "M. de Bayane") or an initial, one word or up
    to three in title case ("Mrs. Walkden", "M. Mahé", "Lord Palmerston", "Hon. Grantley Berkeley", "T. Wingfield";
    not "Mrs. Walkden of Salford"), unless a country's or a big region's (``_too_big_for_a_surname``: "N. Korea",
    "S. Carolina"; but a region's that is a given name after a title: "prinsessa Sofia"; not "Mr. Georgia");
    ``morphology.toml``'s ``titles`` of the language (a language with none, neither: initials are read only beside
    titles). Only the name after the title is the person's: the word may be a place elsewhere in
    the text ("Mr. Arlington", a former mayor's nickname, in a story of Arlington). And a name a title is held of,
    right after the title and "of" (``held_titles``: "the Duke of Cambridge", "the Earl of Devon", "the Archbishop
    of Canterbury"): the person is meant, not the place; and a degree's or an honour's letters after a name and a
    comma (``postnominals``: "Locock, Bart., M.D.")."""
    titles = language_words(lang or "en", "titles")
    if not titles:
        return set()
    small_titles = language_rules(lang).get("titles_written_small", False)
    held = language_words(lang or "en", "held_titles")
    after_names = language_words(lang or "en", "postnominals")
    found = set()
    held_end = None  # where the last name a title is held of ends
    for s, e in spans:
        name = text[s:e]
        title = held and _HELD_TITLE_BEFORE.search(text, max(0, s - 16), s)
        if title and (title[1] in held or title[1].endswith("s") and title[1][:-1] in held) \
                or held_end is not None and text[held_end:s] in (" and ", ", "):  # "Archbishops", "... and York"
            found.add((s, e))
            held_end = e
            continue
        if name in titles and _NAME_AFTER_TITLE.match(text, e) or name in after_names and text[s - 2:s] == ", ":
            found.add((s, e))  # "Hon. Grantley", "Sir C. Locock, Bart., M.D."
            continue
        if small_titles and (name.casefold() in titles and _ARTICLE_BEFORE.search(text, max(0, s - 4), s)
                             or _ARTICLE_START.sub("", name).casefold() in titles and " " in name
                             and (_NAME_AFTER.match(text, e) or _OF_A_NAME_AFTER.match(text, e))):
            # the title of an office: "O Presidente da República", "o Presidente desloca-se", "Los Reyes Felipe VI y
            # Letizia" (not Los Reyes de Salgado, Mexico)
            found.add((s, e))
            continue
        if small_titles and ((inside := _SMALL_TITLE_INSIDE.search(name)) and inside[1].casefold() in titles
                             or (given := _SMALL_TITLE_AND_NAMES_BEFORE.search(text, max(0, s - 48), s))
                             and given[1].casefold() in titles):
            found.add((s, e))  # "O presidente Luiz", "[o presidente Luiz] Inácio Lula": a person's names
            continue
        one_name = " " not in name or _FULL_NAME.fullmatch(name)
        title_before = _TITLE_AFTER_A_NOUN_BEFORE if lang in NOUN_CAPITALIZING else _TITLE_BEFORE
        before = one_name and (title_before.search(text, max(0, s - 12), s) or (
            small_titles and _SMALL_TITLE_BEFORE.search(text, max(0, s - 20), s)) or (
            (particle := _title_particle_before(lang)) is not None and particle.search(text, max(0, s - 16), s)))
        initials = (one_name or _CAPITAL_NAME.fullmatch(name)) and _INITIALS_BEFORE.search(text, max(0, s - 24), s)
        given = lang in (None, "en") and _CAPITAL_NAME.fullmatch(name) \
            and _CAPITAL_GIVEN_NAME_BEFORE.search(text, max(0, s - 16), s)
        if not (before or initials or given):
            continue
        kind = gazetteer.name_kind(name_key(name))
        if _too_big_for_a_surname(kind) and not (
                before and kind[0] == "region" and _common_given_name(name, ("en", lang or "en"))):  # "prinsessa Sofia"
            continue
        if before and (before.group(1) in titles or small_titles and (before.group(1).casefold() in titles
                                                                      or _run_into_a_title(before.group(1), titles))
                       or before.group(1) in _INITIALS and before.group(0)[1:2] == "."):
            found.add((s, e))  # after a title, or after an initial ("T. Wingfield, Sheffield")
        elif initials and (initials[1] in titles or initials[1].title() in titles
                           or set(initials[2].replace(". ", "")) <= _INITIALS
                           and _a_given_name(initials[1].title(), gazetteer)):
            found.add((s, e))  # initials after a title ("Rev. E. Ludlow") or a given name ("HENRY R. STORRS")
        elif given and _a_given_name(given[1].title(), gazetteer):
            found.add((s, e))  # "MR. WILLIAM ROE", "HENRY CHARLES STURT"
    return found


#: What may stand between a word for a ship or a storm and its name: a space, the quotation mark a ship's name
#: opens with, the hash a storm's may have ("Hurricane #Florence").
_BEFORE_A_NAME = " \u00a0\"'“‘«„#"
#: A name after a storm's word: "Hurricane Dorian", "Hurricane #Harvey".
_STORMS_NAME_AFTER = regex.compile(r"[ \u00a0]#?\p{Lu}")
#: The last word of a word run into a sentence's end before it ("Helsingfors.Ångf.": "Ångf.").
_WORD_AFTER_A_STOP = regex.compile(r"[.!?](\p{L}+\.?)\Z")


#: A regnal number after a name: " XIV", " II" (two letters or more: "I" is also a word).
_REGNAL_NUMBER = regex.compile(r" [IVX]{2,}(?![\p{L}\p{N}'’.-])")


def _regnal_names(text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The names found that are a given name before a regnal number, a pope's or a monarch's ("El papa León XIV",
    "Elizabeth II", "Louis XIV"; not a scanned "Aiaccio II")."""
    return {(s, e) for s, e in spans if _REGNAL_NUMBER.match(text, e) and anyascii(text[s:e]).upper() in _given_names()}


def _ships_and_storms(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                      lang: str | None) -> set[tuple[int, int]]:
    """The names found that are a ship's or a storm's, not a place: one to three words right after a word for
    a ship or a storm (``morphology.toml``'s ``vessel_words`` and ``storm_words`` of the language: "the steamer
    Liverpool", "the ship “Caledonia”", "USS Lake Erie", "ångaren Heinola", "Hurricane Florence"), unless a
    country's or a big region's ("to ship Canada's grain"); and a storm's word found as a place, alone or with the
    storm's name, before a name ("Hurricane Harvey", "Hurricane Dorian": not Hurricane, Utah)."""
    storms = language_words(lang or "en", "storm_words")
    words = language_words(lang or "en", "vessel_words") | storms
    found = set()
    for s, e in spans:
        name = text[s:e]
        if name.split(None, 1)[0] in storms and (" " in name or _STORMS_NAME_AFTER.match(text, e)):
            found.add((s, e))
            continue
        before = text[max(0, s - 24):s]
        stripped = before.rstrip(_BEFORE_A_NAME)
        if not 1 <= len(before) - len(stripped) <= 3 or before[len(stripped)] not in " \u00a0":
            continue  # the name is a space, and maybe a quotation mark or a hash, after the word
        word = stripped.rsplit(None, 1)[-1] if stripped.strip() else ""
        if word not in words and (glued := _WORD_AFTER_A_STOP.search(word)) is not None:
            word = glued[1]  # "Helsingfors.Ångf. Uleåborg": a sentence run into the next, its space lost
        if word in words and len(name.split()) <= 3 and not _too_big_for_a_surname(gazetteer.name_kind(name_key(name))):
            found.add((s, e))
    return found


#: One to three words with a capital, then a word that names a building (``building_words``): "St. Johns College".
_BUILDING = regex.compile(r"(?<![\p{L}\p{M}\p{N}.])((?:\p{Lu}[\p{L}'’]*\.? ){1,3})(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}\p{N}])")
#: A word this common or more opens a sentence, not a building's name ("The College", "At Trinity College").
BUILDING_NAME_MAX_ZIPF = 6.0


def _named_buildings(text: str, spans: list[tuple[int, int]], lang: str | None) -> list[tuple[int, int]]:
    """The names of buildings the text gives in title case, ending in one of the language's ``building_words``
    (``morphology.toml``: "Trinity College", "Queens College"), where no name found overlaps them: a
    college is a place, its buildings and grounds, as HIPE-2022, GeoWebNews and GeoCorpora count it, and is
    listed unresolved where the gazetteer lacks it. One named after a place is left as found ("Boston
    College": Boston)."""
    words = language_words(lang or "en", "building_words")
    if not any(word in text for word in words):
        return []
    starts = [s for s, _ in spans]
    found = []
    for m in _BUILDING.finditer(text):
        if m.group(2) not in words:
            continue
        start = m.start()
        for word in m.group(1).split():  # "At Trinity College": Trinity College
            if word_zipf(word.rstrip("."), ("en",) if lang is None else (lang,)) < BUILDING_NAME_MAX_ZIPF:
                break
            start += len(word) + 1
        if start != m.start(2) and not _overlaps_found(spans, starts, start, m.end()):
            found.append((start, m.end()))
    return found


@lru_cache(maxsize=None)
def _station_pattern(word: str) -> regex.Pattern:
    """A station's name after ``word``: a hyphen (two where a line broke) and a name or a number, or a space and a
    number ("Radio-Toulouse", "Radio--Cité", "Radio-37", "Radio 37")."""
    edge = r"[\p{L}\p{M}\p{N}]"
    return regex.compile(rf"(?<!{edge}){regex.escape(word)}(?:-{{1,2}}[\p{{Lu}}\p{{N}}][\p{{L}}\p{{M}}\p{{N}}'’-]*{edge}"
                         rf"| \p{{N}}+)(?!{edge})")


def _stations(text: str, lang: str | None) -> list[tuple[int, int]]:
    """The broadcasting stations a text in ``lang`` names by one of its ``station_words`` (``morphology.toml``)
    joined by a hyphen to a name or by a space to a number ("Radio-Toulouse", "Radio--Cité" broken across lines,
    "Radio 37"), which HIPE-2022 counts as places: the station, not the town it may be named after."""
    words = language_words(lang or "en", "station_words")
    return sorted(m.span() for word in words if word in text for m in _station_pattern(word).finditer(text))


@lru_cache(maxsize=1)
def _hyphened_street_pattern() -> regex.Pattern:
    """A name with a capital joined by a hyphen to a word for a street (``hyphened_street_words``), in any case
    ("Downing-street", "GEORGE-STREET", "Scotland-Yard")."""
    words = "|".join(regex.escape(word) for word in sorted(hyphened_street_words()))
    edge = r"[\p{L}\p{M}\p{N}]"
    return regex.compile(rf"(?<!{edge}|[.-])(?:\p{{Lu}}[\p{{Ll}}'’]+|\p{{Lu}}+)-(?i:{words})(?!{edge})")


#: A word before a street's name that may begin it ("Great John-street", "St. James-street").
_STREET_NAME_PREFIX = regex.compile(r"(\p{L}+)\.? $")


def _hyphened_streets(text: str) -> list[tuple[int, int]]:
    """The streets an old English page names with a hyphen before the word for a street ("Downing-street",
    "Bolton-row", "Market-place", "GEORGE-STREET"), found whole with the words before them that begin place
    names ("Great John-street"): a street is a place, as HIPE-2022 counts it, listed unresolved where the
    gazetteer lacks it, not put where a town of its name is (Ashton for "Ashton-road")."""
    if "-" not in text:
        return []
    found = []
    for m in _hyphened_street_pattern().finditer(text):
        start = m.start()
        while (before := _STREET_NAME_PREFIX.search(text, max(0, start - 12), start)) and \
                before.group(1)[:1].isupper() and before.group(1).casefold() in PLACE_NAME_PREFIXES:
            start = before.start()
        found.append((start, m.end()))
    return found


@lru_cache(maxsize=1)
def _street_word_after() -> regex.Pattern:
    """A word for a street written small after a name, then a comma, a full stop or a bracket: " street,"."""
    words = "|".join(regex.escape(word) for word in sorted(hyphened_street_words()))
    return regex.compile(rf" (?:{words})(?=[,.;:)])")


def _streets_written_small(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                           lang: str | None) -> list[tuple[int, int]]:
    """In English, the names found that a word for a street written small follows, then a comma or a full stop
    ("Hereford street, Sept. 8", "Artemovskaya street, rebels", "Outer Ring road, Marathahalli"), found whole: the
    street, not a town of its name; not a region's or a country's name ("Texas road", "French Quarter street
    grid": a word after the street's is another thing's)."""
    if lang not in (None, "en"):
        return []
    found = []
    for s, e in spans:
        after = _street_word_after().match(text, e)
        if after is not None and _only_towns_named(text[s:e], gazetteer):
            found.append((s, after.end()))
    return found


@lru_cache(maxsize=16)
def _address_pattern(lang: str | None) -> regex.Pattern | None:
    """A street's name after a word of ``lang``'s for a street (``morphology.toml``'s ``street_words_before``:
    "rue", "bd", "faubourg"), the house's number before it and the district's or the town's after it where the
    page gives them: "21, rue Auber, Paris", "3, villa St-Michel, 18e", "10, boulevard Poissonnière, Paris (IXe)",
    "rue de la Paix", "place Denfert-Rochereau", "rue La¬marck" (broken across lines). The town is checked apart
    (``_addresses``)."""
    words = language_words(lang, "street_words_before")
    if not words:
        return None
    # a word as written, with a capital or in capitals ("rue", "Rue", "RUE"), run into the name after it or not
    # ("rueBlanche", "ruedes Ursulines": the name's link or capital must follow, not "ruelle", "placement"); a word
    # and its dot with a capital only where longer than an initial ("Boul."; not "R. G.", "B. V.")
    forms = set(words)
    for w in words:
        if not w.endswith("."):
            forms |= {w[:1].upper() + w[1:], w.upper()}
        elif len(w) > 2:
            forms.add(w[:1].upper() + w[1:])
    # (run into the name only "rue" and the short words with a dot, as the scans show them: "rueBlanche", "r.de
    # Bondy"; "placeBonnes références" is a place wanted)
    longest_first = sorted(forms, key=len, reverse=True)
    glued = "|".join(regex.escape(w) for w in longest_first if w.endswith(".") or len(w) <= 3)
    spaced = "|".join(regex.escape(w) for w in longest_first if not w.endswith(".") and len(w) > 3)
    kinds = rf"(?:{glued})[ \t]?|(?:{spaced})[ \t]"
    links = one_of(language_words(lang, "street_name_links"))
    # a word in title case or capitals, broken across lines or not ("Ri¬voli"), or a short one and its dot
    # before another ("St. Jean")
    word = r"(?:\p{Lu}\p{Ll}{0,2}\.(?=[ \t-]?\p{Lu})|(?:\p{Lu}[\p{Ll}\p{M}]+|\p{Lu}+(?!\p{Ll}))(?:¬[ \t]?\p{Ll}+)*)"
    name = rf"(?:(?P<link>(?i:{links}))[ \t]?)?(?!(?i:{links})[ \t])" \
           rf"{word}(?:-{{1,2}}(?:{word}|(?:{links})(?=-)))*"
    house = r"\d{1,4}(?:[ \t]?(?:bis|ter))?"
    return regex.compile(
        # (the number run into the word before it, where a line break was lost: "Négociations21, rue Auber")
        rf"(?P<number>(?<!\p{{N}}){house}(?:[ \t]?[,.][ \t]?|[ \t]))?"
        rf"(?P<street>(?<![\p{{L}}\p{{M}}-])(?:{kinds})(?P<name>{name})(?![\p{{L}}\p{{M}}\p{{N}}'’])"
        # (or the number after the name and a comma, as older pages write it: "r. de Bondy, 38"; not the next
        # address's: "place Denfert-Rochereau, 137, bd de Grenelle")
        rf"(?(number)|(?P<number_after>,[ \t]?{house}(?![\p{{L}}\p{{N}}]|[.,]\d|,?[ \t]?(?:{kinds})))?))"
        # the district after a comma, or the town after a comma or a full stop and a space
        rf"(?:,[ \t]?\d{{1,2}}e(?![\p{{L}}\p{{N}}])"
        rf"|(?P<stop>,[ \t]?|\.[ \t])(?P<town>{word})(?:[ \t]\([\p{{L}}\p{{N}}]+\))?)?")


#: A street named after a place this big ("rue de Paris", "place d'Yverdon") may be the place's street: the name
#: found is left to the model.
STREET_OF_A_PLACE_MIN_PEOPLE = 10_000


#: A town after an address and a full stop is the address's where it has this many people ("PARIS"; not "Cours").
TOWN_AFTER_A_STOP_MIN_PEOPLE = 100_000


def _an_addresss_town(word: str, stop: str, gazetteer: Gazetteer) -> bool:
    """Whether ``word`` after an address and ``stop`` is its town: a name the gazetteer knows after a comma
    ("Paris", "Clichy"), a town of ``TOWN_AFTER_A_STOP_MIN_PEOPLE`` after a full stop ("7. Rue St-Marc. PARIS"; not
    "10, rue Taitbout. Cours de chant", a heading's word, though Cours is a town)."""
    if stop.startswith(","):
        return gazetteer.knows(name_key(word))
    kind = gazetteer.name_kind(name_key(word))
    return kind is not None and kind[1] >= TOWN_AFTER_A_STOP_MIN_PEOPLE


def _addresses(text: str, gazetteer: Gazetteer, lang: str | None) -> list[tuple[int, int]]:
    """The streets and addresses a text in ``lang`` gives (``_address_pattern``: "21, rue Auber, Paris", "rue de la
    Paix"), found whole, as HIPE-2022 marks them: a place, listed unresolved where the gazetteer lacks it, not put
    where a town of the street's name is. A word after a comma is the address's town where the gazetteer knows it
    ("Paris", "Clichy"), else it is left out ("21, rue Auber, Monsieur"). Not a title ("place de M. Thiers") nor a
    given name after "de" ("à la place de Pierre": instead of him), nor the name of a country or of a place of
    ``STREET_OF_A_PLACE_MIN_PEOPLE`` after it ("une rue de Paris", "la place d'Yverdon": the place's street, or
    the place)."""
    pattern = _address_pattern(lang)
    if pattern is None:
        return []
    titles = language_words(lang, "titles")
    found = []
    for m in pattern.finditer(text):
        name = m["name"][len(m["link"] or ""):].strip()
        if name.rstrip(".") in titles or m["link"] is not None and name.upper() in _given_names():
            continue  # "place de M. Thiers", "à la place de Pierre" (instead of him)
        if m["link"] is not None and m["number"] is None and m["number_after"] is None \
                and (kind := gazetteer.name_kind(name_key(name))) is not None \
                and (kind[0] in ("country", "continent") or kind[1] >= STREET_OF_A_PLACE_MIN_PEOPLE):
            continue  # (with the house's number, a street: "6, avenue de Messine")
        end = m.end()
        if m["town"] is not None and not _an_addresss_town(m["town"], m["stop"], gazetteer):
            end = m.end("street")
        found.append((m.start(), end))
    return found


@lru_cache(maxsize=16)
def _street_address_pattern(lang: str | None) -> regex.Pattern | None:
    """A street's name written as one word with the word for a street at its end (``morphology.toml``'s
    ``street_word_ends``, ``numbered_street_word_ends``: "Erlerstraße", "Donaustr.", "Kärntnerring"), or that word
    after an adjective, "St." or the name's hyphened parts ("Gumpendorfer Straße", "Rote Mühlgasse", "St.
    Veitgasse", "Maria-Theresien-Straße"); with the district's numeral before it where the page gives one ("XII.",
    "I., ", "7. Bez., ", "l." as a scan reads I.), the town before that after a comma or a full stop ("Wien, I.,"),
    and the house's number after it ("5", "58/60", "41A", "9/II", "Nr. 11", "1 und 3"). None for a language without
    such words."""
    rules = language_rules(lang)
    ends = [*rules.get("street_word_ends", ()), *rules.get("numbered_street_word_ends", ())]
    if not ends:
        return None
    small = r"[\p{Ll}ßſ]"
    end = one_of(ends)
    alone = one_of(rules.get("streets_after_a_word", ()))
    compound = rf"\p{{Lu}}[\p{{L}}¬=-]*?(?i:{end})"  # ("Alser¬straße": broken across lines)
    # the name's hyphened parts, or a word before it, checked apart (``_a_street_names_word``)
    before = rf"(?:\p{{Lu}}{small}+[-=])+|(?P<lead>\p{{Lu}}{small}+\.?)[ \t]"
    street = rf"(?:{before})?(?:{compound}|(?:{alone})(?=[ \t,.\d]))" if alone else rf"(?:{before})?{compound}"
    district = r"(?:(?<!\p{Lu})(?:[IVX]{1,5}|l)(?:\.[ \t]?,?|,)[ \t]?|(?<!\p{N})\d{1,2}\.[ \t]?Bez(?:irk|\.)[,.]?[ \t]?)"
    town = rf"(?P<town>(?<![\p{{Lu}}\p{{N}}])\p{{Lu}}{small}+(?:,[ \t]?|\.[ \t]))"
    number = r"(?:[ \t]?(?:Nr\.[ \t]?)?\d{1,4}(?:[ \t]?[a-dA-D](?![\p{Ll}\p{N}]))?(?:/(?:\d{1,4}[a-d]?|[IVX]+))?" \
             r"(?:[ \t](?:und|u\.)[ \t]\d{1,4})?)"
    return regex.compile(rf"{town}?(?:(?P<district>{district})|(?<![\p{{L}}\p{{N}}.]))(?P<street>{street})"
                         rf"(?![\p{{L}}])(?P<number>{number}(?!\p{{N}}))?")


#: A word before a street's name ending in -er is the name's where no commoner than this (Zipf: "Wiedener",
#: "Gumpendorfer" Hauptstraße; not "Schreiber").
STREET_NAME_ADJECTIVE_MAX_ZIPF = 3.0


def _a_street_names_word(word: str, lang: str | None) -> bool:
    """Whether ``word`` before a street's name begins it: one of ``lang``'s ``street_name_words_before`` ("Untere",
    "Rote", "St."), a town's adjective ("Wiedener", "Gumpendorfer"), or a given name ("Franz Josefskai"); not "Die",
    "Ecke", "Wachtstube"."""
    if word in language_words(lang, "street_name_words_before"):
        return True
    if word.endswith("er") and word_zipf(word.lower(), (lang,) if lang else None) < STREET_NAME_ADJECTIVE_MAX_ZIPF:
        return True
    return word.upper() in _given_names()


#: A town before an address is the address's where it has this many people ("Wien, I., Wollzeile 9"; not "Rudolf
#: Wagner, Erlerstraße 5").
ADDRESS_TOWN_MIN_PEOPLE = 10_000
#: A street's name without a house's number or a district is a common word this common (Zipf: "Schlagzeile").
STREET_WORD_MAX_ZIPF = 3.5


def _street_addresses(text: str, gazetteer: Gazetteer, lang: str | None) -> list[tuple[int, int]]:
    """The streets and addresses a text in ``lang`` names as German does (``_street_address_pattern``: "Wien, I.,
    Wollzeile 9", "XII. Gierstergasse 5", "Erlerstraße", "Stephansplatz 9"), found whole, as HIPE-2022 marks them:
    a place, listed unresolved where the gazetteer lacks it, placed at its town where the address names one. Not a
    word that ends as a street's name does but is a common word ("Schlagzeile", ``not_street_word_ends``:
    "Gelände"); not a word that ends as many other words do ("Kriegsschauplatz", "Büchermarkt") without the house's
    number or a district, nor one that is a place's name ("Semmering 7346"); not a name run into a word in small
    letters ("Wien=stadt=Prater=Hauptallee"); not the word before a name that does not begin it ("Ecke
    Murlingengasse": the street alone)."""
    pattern = _street_address_pattern(lang)
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(text):
        if m["lead"] is not None and not _a_street_names_word(m["lead"], lang):
            m = pattern.match(text, m.end("lead") + 1)  # the name without the word before it
            if m is None or m["lead"] is not None:
                continue
        span = _a_street_address(m, gazetteer, lang)
        if span is not None:
            found.append(span)
    return found


def _a_street_address(m: Any, gazetteer: Gazetteer, lang: str | None) -> tuple[int, int] | None:
    """The span of the address ``_street_address_pattern`` matched (``m``), with its town where that is one of
    ``ADDRESS_TOWN_MIN_PEOPLE``; None where it is none (``_street_addresses``)."""
    rules = language_rules(lang)
    street = m["street"]
    word = street.split()[-1].lower()
    if word.endswith(tuple(rules.get("not_street_word_ends", ()))) or regex.search(r"[-=]\p{Ll}", street):
        return None
    numbered = word.endswith(tuple(rules.get("numbered_street_word_ends", ())))
    placed = m["district"] is not None or m["number"] is not None
    if numbered and (not placed or gazetteer.knows(name_key(word))):
        return None
    if not numbered and not placed and word_zipf(word.replace("¬", ""), (lang,)) >= STREET_WORD_MAX_ZIPF:
        return None
    start = m.start()
    if m["town"] is not None:
        kind = gazetteer.name_kind(name_key(m["town"].rstrip(", .")))
        if kind is None or kind[1] < ADDRESS_TOWN_MIN_PEOPLE:
            start = m.end("town")
    return start, m.end()


def _overlaps_found(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when a name found (``spans`` in text order, ``starts`` theirs) overlaps ``start:end``: the last one
    that starts before its end ends inside it."""
    k = bisect.bisect_left(starts, end)
    return k > 0 and spans[k - 1][1] > start


def _town_adjectives_before_stations(toks: list[Token], gazetteer: Gazetteer, lang: str) -> list[tuple[int, int]]:
    """The spans of a town's adjective and a word for its station after it (``morphology.toml``'s ``town_adjectives``
    and ``stations_after``: "Münchner Hauptbahnhof"), whatever the model says of an adjective."""
    stations = frozenset(language_rules(lang).get("stations_after", ()))
    return [(tok.start, after.end) for tok, after in zip(toks, toks[1:])
            if after.text in stations and tok.text[:1].isupper() and after.start == tok.end + 1
            and town_of_its_adjective(tok.text, gazetteer, lang) is not None]


def _with_unfound(spans: list[tuple[int, int]], names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (in text order) with those of ``names`` that no span found overlaps, in text order."""
    starts = [s for s, _ in spans]
    found = [name for name in names if not _overlaps_found(spans, starts, *name)]
    return sorted(spans + found) if found else spans


#: Two capitals after a comma, the postal code of a state of the United States after a town's name, maybe before a
#: ZIP code ("Orland, CA 95963") but not before a short number ("Ernakulam Dist, NH 47", a highway).
_STATE_CODE = regex.compile(r"(?<=[\p{L}.]),[ \u00a0]?(\p{Lu}{2})(?![\p{L}\p{M}\p{N}]| ?\d{1,3}(?!\d))")


def _states_after_names(text: str, spans: list[tuple[int, int]], lang: str | None) -> list[tuple[int, int]]:
    """The postal codes of states of the United States right after a name found and a comma, in an English text
    (``lang`` en or not given: "Wilmington, NC"; not French "Paris, LA MAISON"), which the gazetteer, leaving out
    names of two capitals, does not know."""
    if lang not in (None, "en"):
        return []
    ends = {e for _, e in spans}
    starts = {s for s, _ in spans}
    return [m.span(1) for m in _STATE_CODE.finditer(text) if m.start() in ends and m.start(1) not in starts
            and state_after_a_comma(text, *m.span(1))]


#: A hashtag's word in small letters or run together in title case ("#greece", "#PuertoRico"), as posts tag places.
_HASHTAG = regex.compile(r"(?<=#)(?:\p{Ll}{3,}|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+)(?![\p{L}\p{M}\p{N}_])")
#: A hashtag this common as an English word ("#paradise", "#reading") is a place only as a country's or continent's
#: name, a capital's, or a region's or city's of WORLD_CITY people ("#turkey", "#athens", "#texas", "#houston").
HASHTAG_WORD_MAX_ZIPF = 3.5


def _hashtag_places(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The hashtags, in small letters or run together in title case, that name a place, where no name was found
    ("#greece", "#kerala", "#PuertoRico", "#houston"): posts tag the places they speak of, in any case, and the
    model, trained mostly on news, takes a word in small letters for no name. The place is a country or a
    continent by any of its names, or by its own name a capital, a region or a city of ``PROMINENT_CITY`` people
    (of ``WORLD_CITY`` for a region or city whose name is an everyday English word, ``HASHTAG_WORD_MAX_ZIPF``)."""
    found = []
    starts = [s for s, _ in spans]
    for m in _HASHTAG.finditer(text):
        if _overlaps_found(spans, starts, *m.span()) or script_of(m.group()) != "Latin":
            continue
        for key in dict.fromkeys((name_key(m.group()), name_key(run_together(m.group())))):
            places = gazetteer.exact(key)
            common = word_zipf(key, ("en",)) >= HASHTAG_WORD_MAX_ZIPF
            if any(p.feature in ("country", "continent") or name_key(p.name) == key and (
                    p.feature == "capital" or p.population >= (WORLD_CITY if common else PROMINENT_CITY)
                    or p.feature == "region" and not common) for p in places):
                found.append(m.span())
                break
    return found


#: Small words a name's acronym leaves out ("Commonwealth of Independent States": CIS).
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "de", "del", "la", "le", "des", "du", "&"})


def _short_for_other_names(text: str, toks: list[Token], spans: list[tuple[int, int]],
                           gazetteer: Gazetteer) -> set[str]:
    """The acronyms found as names that the text defines, in brackets after a name, as short for a name
    neither found nor known as a place ("Andres Manuel Lopez Obrador (AMLO)", "Commonwealth of
    Independent States (CIS)"; not "United Arab Emirates (UAE)")."""
    acronyms = {w for w in (text[s:e] for s, e in spans) if 2 <= len(w) <= 6 and w.isalpha() and w.isupper()}
    if not acronyms:
        return set()
    found = set(spans)
    out: set[str] = set()
    for i in range(2, len(toks) - 1):
        letters = toks[i].text
        if letters not in acronyms or letters in out or toks[i - 1].text != "(" or toks[i + 1].text != ")":
            continue
        initials: list[str] = []
        first = j = i - 2
        while j >= 0 and len(initials) < len(letters):
            word = toks[j].text
            if word[:1].isupper() and word.isalpha():
                initials.append(word[0])
                first = j
            elif not (initials and word.casefold() in _ACRONYM_SKIPS):
                break
            j -= 1
        if "".join(reversed(initials)) == letters:
            start, end = toks[first].start, toks[i - 2].end
            if (start, end) not in found and not gazetteer.knows(name_key(text[start:end])):
                out.add(letters)
    return out


def everyday_languages(lang: str | None) -> tuple[str, ...] | None:
    """The languages whose everyday words a Latin-script word of a text in ``lang`` may be (None: the
    main three, ``SCRIPT_LANGUAGES``): a text in another script adds its own language ("Juna", train,
    names a town), and one in another language of the Latin script has its own only (Swedish news
    writing "i Nancy" does not use the English given name)."""
    if lang is None or lang in SCRIPT_LANGUAGES["Latin"]:
        return None
    return (lang,) if lang in DETECTED_LANGUAGES else (*SCRIPT_LANGUAGES["Latin"], lang)


#: What stands between two names run together into one: a slash ("Chartres/Franklin"), a dash between spaces
#: ("ST. LOUIS – St. Louis"), a line break before a dash or a word in capitals, a dateline's ("Toujquet\n-PARIS,
#: 29 (Havas)", "Désastre en Silésie\nBERLIN, 29").
_SEPARATOR = regex.compile(r"\s*/\s*|\s+[-–—]\s+|[ \t]*\n[-–—][ \t]*"
                           r"|(?<=\p{Ll})[ \t]*\n(?=\p{Lu}{2,}(?!\p{Ll}))")
_LETTER = regex.compile(r"\p{L}")


def _split_at_separators(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """``spans`` cut where a slash or a dash between spaces parts a name no place has ("Surfside/Garden City":
    Surfside, Garden City), each part kept that has a letter."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if not _SEPARATOR.search(text, s, e) or gazetteer.knows(name_key(text[s:e])):
            out.append((s, e))
            continue
        start = s
        for m in [*_SEPARATOR.finditer(text, s, e), None]:
            end = m.start() if m else e
            if _LETTER.search(text, start, end):
                out.append((start, end))
            start = m.end() if m else e
    return out


#: Two names a hyphen joins, as a timetable or a report writes a railway or a line between two towns ("Wien=Triest").
_ROUTE = regex.compile(r"(\p{Lu}[\p{L}\p{M}]+)[-=](\p{Lu}[\p{L}\p{M}]+)")
#: Each of them a town of this many people at least (not "Teplitz=Schönau", "Gießhübl=Sauerbrunn": one town's name).
ROUTE_END_MIN_PEOPLE = 50_000


def _routes_parted(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """``spans`` with a line between two towns, written as their names joined by a hyphen, parted into the two
    (``morphology.toml``'s ``routes_hyphened``: "zwischen Wien=Fiume", "Wien=Venedig via Cormons"): where the whole
    is no name the gazetteer knows and each part is a town of ``ROUTE_END_MIN_PEOPLE`` (not a country's name:
    "Oesterreich-Ungarn" is one)."""
    def a_town(name: str) -> bool:
        kind = gazetteer.name_kind(name_key(name))
        return kind is not None and kind[0] not in ("country", "continent") and kind[1] >= ROUTE_END_MIN_PEOPLE

    out: list[tuple[int, int]] = []
    for s, e in spans:
        m = _ROUTE.fullmatch(text, s, e)
        if m is not None and not gazetteer.knows(name_key(m[0])) and a_town(m[1]) and a_town(m[2]):
            out += [m.span(1), m.span(2)]
        else:
            out.append((s, e))
    return out


#: A name, its possessive, and the name of what it has: "Moscow's Yaroslavsky", "New York City's St. John Cathedral".
_POSSESSIVE = regex.compile(r"(\p{Lu}[\p{L}\p{M}. -]*?)['’]s\s+(\p{Lu}.*)", regex.DOTALL)
#: A name said as a possessive is a place's, and parted from what follows it, where it names a country, a region or
#: a town of this many people (not "St. Peter's Basilica": St. Peter, Minnesota).
POSSESSOR_MIN_PEOPLE = 100_000


def _possessors_parted(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """``spans`` with a place's possessive and what it has parted, where the whole is no name the gazetteer knows
    and the possessor is a country, a region or a town of ``POSSESSOR_MIN_PEOPLE`` ("Moscow's Yaroslavsky" station:
    Moscow, and Yaroslavsky, as GeoCorpora marks "New York City" and "St. John Cathedral"; not "Democratic People's
    Republic of Korea", nor "Caesar's Palace"). English only: HIPE-2022 Swedish marks "Nancy's Casino" whole."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        m = _POSSESSIVE.fullmatch(text, s, e)
        kind = gazetteer.name_kind(name_key(m[1])) if m is not None and not gazetteer.knows(name_key(m[0])) else None
        if kind is not None and (kind[0] in ("country", "continent", "region") or kind[1] >= POSSESSOR_MIN_PEOPLE):
            out += [m.span(1), m.span(2)]
        else:
            out.append((s, e))
    return out


#: A comma and the spaces about it.
_COMMA = regex.compile(r"\s*,\s*")


def _split_at_commas(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                     lang: str | None = None) -> list[tuple[int, int]]:
    """``spans`` cut at their commas: in English the corpora mark the names a comma lists each on its own
    ("ALBUQUERQUE, N.M.", "Spring Lake, North Carolina", "Oulart Hill, County Wexford", "Highway 75, Bearkat
    Boulevard"), each part from its first letter or digit ("Manta, #Ecuador": Ecuador), kept where that is a capital
    or a digit and it has a letter ("Ind., County"; not "55, of"). A span is cut where each part has the look of a
    place (``_looks_placed``: not "Thurston Forshaw, St. Bees", a person and his town, which HIPE-2022 leaves
    unmarked), and not where its part after the comma names a place the whole does ("Washington, D.C.": D.C. is the
    District of Columbia, which the whole names too). In another language ``lang``, a span is cut where each part
    is a name the gazetteer knows ("Rochefort, Saint-Nazaire"), and its last part left out where that is one of the
    language's everyday words ("Tour Eiffel, Musique": a radio listing's station and its show)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if "," not in text[s:e] or _named_by_its_end(text[s:e], gazetteer):
            out.append((s, e))
            continue
        parts, start = [], s
        for m in [*_COMMA.finditer(text, s, e), None]:
            end = m.start() if m else e
            while start < end and not text[start].isalnum():
                start += 1
            if start < end and (text[start].isupper() or text[start].isdigit()) and _LETTER.search(text, start, end):
                parts.append((start, end))
            start = m.end() if m else e
        if lang in (None, "en"):
            out.extend(parts if all(_looks_placed(text[a:b], gazetteer) for a, b in parts) else [(s, e)])
        elif len(parts) > 1 and all(gazetteer.knows(name_key(text[a:b])) for a, b in parts):
            out.extend(parts)  # "Rochefort, Saint-Nazaire"
        elif len(parts) > 1 and _an_everyday_word(text[parts[-1][0]:e], gazetteer, lang):
            out.append((s, text.rindex(",", s, e)))  # "Tour Eiffel, Musique": a radio listing's station, its show
        else:
            out.append((s, e))
    return out


def _an_everyday_word(word: str, gazetteer: Gazetteer, lang: str) -> bool:
    """Whether ``word`` is one word of ``lang`` as common as ``EVERYDAY_WORD_ZIPF`` that names no place."""
    return " " not in word.strip() and word_zipf(word.strip(), (lang,)) >= EVERYDAY_WORD_ZIPF \
        and not gazetteer.knows(name_key(word))


def _named_by_its_end(name: str, gazetteer: Gazetteer) -> bool:
    """Whether the part of ``name`` after its last comma names a place that the whole names too."""
    whole = {p.source for p in gazetteer.exact(name_key(name))}
    return bool(whole) and not whole.isdisjoint(p.source for p in gazetteer.exact(name_key(name.rsplit(",", 1)[1])))


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Words that give a name the look of a place (``morphology.toml``: designators, and English words for roads,
    streets and embassies)."""
    english = (*language_words("en", "road_words"), *language_words("en", "listed_street_words"),
               *(w.casefold() for w in language_words("en", "elsewhere_words")))
    return frozenset({*designators("Latin"), *english})


def _looks_placed(name: str, gazetteer: Gazetteer) -> bool:
    """Whether ``name`` is one the gazetteer knows, or has a number or a word of a place's kind in it
    ("Highway 75", "Bearkat Boulevard", "Oulart Hill", "Israeli Embassy")."""
    return gazetteer.knows(name_key(name)) or any(ch.isdigit() for ch in name) or \
        any(w.casefold().rstrip(".") in _place_words() for w in name.split())


#: A road's number after its name: after a space or a hyphen, digits and a letter at most ("27A").
_ROAD_NUMBER = regex.compile(r"([ -]?)\d+\p{L}?(?![\p{L}\p{N}])")
#: ... and the code of a state or a country a hyphen joins it to ("US-24", "NJ-33").
_CODE = regex.compile(r"\p{Lu}{1,2}")


def _with_kind_words(text: str, toks: list[Token], marks: list[tuple[str, ...]], spans: list[tuple[int, int]],
                     lang: str) -> list[tuple[int, int]]:
    """``spans`` taking in the word right before or after them that says what kind of place each is ("Kanton
    Zürich", "Insel Sylt", "canton de Vaud"; "Oulun läänin", "Jorois socknar"; ``kind_words``), as HIPE-2022
    marks such names; not a word of another span, nor one after a country's name ("Suomen kaupungit", Finland's
    towns)."""
    kinds = kind_words(lang)
    if kinds is None or not spans:
        return spans
    out: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(spans):
        floor = out[-1][1] if out else 0
        ceiling = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        if (m := kinds.after.match(text, e, ceiling)) is not None \
                and not _names_a_country(marks, bisect.bisect_left(toks, s, key=lambda tok: tok.start)):
            e = m.end()
        if (m := kinds.before.search(text, max(floor, s - 40), s)) is not None:
            s = m.start()
        elif out and (m := kinds.before.search(text, max(out[-1][0], s - 40), s)) is not None \
                and m.start() <= out[-1][0]:
            s = m.start()  # the kind word found as a name of its own ("gare de", Gare being a village): one name
            out.pop()
        out.append((s, e))
    return out


def _names_run_together_parted(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                               lang: str | None) -> list[tuple[int, int]]:
    """``spans`` parted where a scanned page ran names together, a lost line break between them ("Venäjältä
    Suomeen", "Griechenlands Egypten", "Debreczin Lemberg Tarnopol" as one word): at each capital after a word's
    small letters (``_CASE_CHANGE``, as ``tagger_tokens`` cuts words), where every part is a name the gazetteer
    knows, or a form of one in ``lang`` (not "BoulevardMontparnasse", "Frankfurt amMain": one name each)."""
    def known(part: str) -> bool:
        return gazetteer.knows(name_key(part)) or gazetteer.dictionary_form(part, lang or "") is not None

    out: list[tuple[int, int]] = []
    for s, e in spans:
        cuts = [m.start() + 1 for m in _CASE_CHANGE.finditer(text, s, e)
                if _GLUED_AFTER.search(text, max(s, m.start() - 40), m.start() + 1)]
        parts = list(zip([s, *cuts], [*cuts, e]))
        if cuts and not gazetteer.knows(name_key(text[s:e])) and all(known(text[a:b]) for a, b in parts):
            out += parts
        else:
            out.append((s, e))
    return out


@lru_cache(maxsize=4)
def _names_file(name: str) -> dict[str, list[str]]:
    """A file of ``geo/data`` that gives each language's names of places no gazetteer holds (read once):
    ``historical_places.toml``, ``natural_features.toml``."""
    import tomllib

    return tomllib.loads(resources.files("geo.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=32)
def _names_no_gazetteer_has(name: str, lang: str | None, broken: bool = False) -> regex.Pattern | None:
    """The pattern of ``lang``'s names in the file ``name`` (``_names_file``), with the endings the language puts
    on names (German's and Swedish's genitive "s", Finnish's ``strip``), ``broken`` across lines or not
    (``names_pattern``); None for a language the file gives none for."""
    return names_pattern(_names_file(name).get(lang or "", []), lang, broken)


def _historical_places(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                       lang: str | None) -> list[tuple[int, int]]:
    """``spans`` with the former states and historical regions the model passed over ("Preußens", "Bohême",
    "Tschechoslowakei"; ``historical_places.toml``), where no span found overlaps them and the gazetteer knows no
    place of the name (one it knows is the model's to judge); one of hyphened parts, whole, in place of its parts
    found ("Saksi-Weimarin", Saxe-Weimar's: not Saksi and Weimar; "Oesterreich-Ungarn")."""
    pattern = _names_no_gazetteer_has("historical_places.toml", lang)
    if pattern is None:
        return spans
    names = [m.span() for m in pattern.finditer(text) if not gazetteer.knows(name_key(m[1]))]
    whole = [(a, b) for a, b in names if "-" in text[a:b]
             and all(a <= s and e <= b for s, e in spans if s < b and a < e)]
    return _with_unfound(_in_place_of_overlapping(spans, whole), names)


def _natural_features(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                      lang: str | None) -> list[tuple[int, int]]:
    """``spans`` with the rivers, seas, lakes and mountain ranges the model passed over ("Linz (Donau)", "des
    Stillen Ocean", "dans le Rhin", "Östersjön"; ``natural_features.toml``), where no span found overlaps them and
    the gazetteer knows no place of the name (one it knows is the model's to judge: the Somme, a department too)."""
    pattern = _names_no_gazetteer_has("natural_features.toml", lang, broken=True)  # not "Donau¬frage", "Seine=et-Oise"
    if pattern is None:
        return spans
    return _with_unfound(spans, [m.span() for m in pattern.finditer(text) if not gazetteer.knows(name_key(m[1]))])


#: A word in title case, whole: no letter, digit, hyphen or "=" of a word broken across lines on either side.
_TITLE_CASE_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}¬=\-])\p{Lu}\p{Ll}\p{L}+(?![\p{L}\p{M}\p{N}¬=\-])")


def _misread_names(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                   lang: str | None) -> list[tuple[int, int]]:
    """``spans`` with the words a scanner misread one letter of in a place's name ("Sondon", "Canaba",
    "Mashington": ``Gazetteer.misread_readings``), where no span found overlaps them: no word of the language,
    they carry no mark of the gazetteer's, so the model passed them over."""
    return _with_unfound(spans, [m.span() for m in _TITLE_CASE_WORD.finditer(text)
                                 if gazetteer.misread_readings(m[0], lang)])


@lru_cache(maxsize=16)
def _dateline_pattern(lang: str | None) -> regex.Pattern | None:
    """A word in title case, broken across lines or not, with one of ``lang``'s endings for "from" before a date
    (``morphology.toml``'s ``datelines``): a month's name after a comma or not ("syysk.", "heinäkuun"), or a day's
    number and "p" ("3 p. tammik.", "21 pnä"). None for a language that gives none."""
    rules = language_rules(lang).get("datelines")
    if not rules:
        return None
    endings, months = one_of(rules["endings"]), one_of(rules["months"])
    edge = r"[\p{L}\p{M}\p{N}=¬-]"
    return regex.compile(rf"(?<!{edge})(\p{{Lu}}[\p{{L}}\p{{M}}=¬-]*?(?:{endings})),?[ \t]+"
                         rf"(?:(?:{months})k|\d{{1,2}}[ \t]?p(?![\p{{L}}]))")


def _datelines(text: str, spans: list[tuple[int, int]], lang: str | None) -> list[tuple[int, int]]:
    """``spans`` with the places a report comes from, as a dateline gives them in a language that inflects
    names (``_dateline_pattern``: "Ottawista, syysk. 21 pnä.", "Säkylästä heinäkuun 16 p.", "Kikeeltä
    tammikuussa"), where no span found overlaps them: the model, which learned from few such pages, passes
    over the names the gazetteer lacks."""
    pattern = _dateline_pattern(lang)
    if pattern is None:
        return spans
    return _with_unfound(spans, [m.span(1) for m in pattern.finditer(text)])


def _celestial_bodies(text: str, spans: list[tuple[int, int]], lang: str | None) -> list[tuple[int, int]]:
    """``spans`` with the planets the model passed over ("Saturnus", "Mer=kurius", "Marsin";
    ``celestial_body_pattern``), where no span found overlaps them: places to HIPE-2022, never placed on a map."""
    pattern = celestial_body_pattern(lang)
    if pattern is None:
        return spans
    return _with_unfound(spans, [m.span() for m in pattern.finditer(text)])


#: A word in title case inside a sentence or brackets: not after a sentence's end, a colon, a dash or a quotation mark.
_TITLE_WORD_IN_SENTENCE = regex.compile(r"(?<=[\p{L}\p{N},;)][ \t\n]{1,3}|\()\p{Lu}\p{Ll}+(?![\p{L}\p{M}\p{N}\-=¬])")


def _countries_in_any_form(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                           lang: str) -> list[tuple[int, int]]:
    """``spans`` with the words inside a sentence that are a form of a country's or a continent's name, inflected
    or in the language's old spelling ("Wenäjällä": Venäjä, Russia; "Itäwalta"; "Yhdyswaltain"), whatever the
    model says, in a language that writes only names with a capital and inflects them (``morphology.toml``'s
    ``country_forms``): the model, which learned little of such forms, passes them over."""
    found, starts = [], [s for s, _ in spans]
    for m in _TITLE_WORD_IN_SENTENCE.finditer(text):
        if _overlaps_found(spans, starts, *m.span()):
            continue
        key = gazetteer.form_key(m[0], lang)
        kind = gazetteer.name_kind(key) if key is not None else None
        if kind is not None and kind[0] in ("country", "continent"):
            found.append(m.span())
    return sorted(spans + found) if found else spans


#: A word in title case (broken across a line perhaps: "Tai=wassalon").
_TITLE_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}\-¬=])\p{Lu}\p{Ll}+(?:[=\-¬]\p{Ll}+)?")


def _named_before_kind_words(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                             lang: str) -> list[tuple[int, int]]:
    """``spans`` with the words in title case right before a word that says what kind of place they name, in a
    language that writes that word after the name (``kind_words_after``: "Laitilan pit.", "Wehmaan pitäjässä",
    "Jorois socknar"), found with it though the model passed them over; not a country's name ("Suomen kaupungit",
    Finland's towns) nor a word inside a span found."""
    kinds = kind_words(lang)
    if kinds is None or not language_rules(lang).get("kind_words_after"):
        return spans
    found, starts = [], [s for s, _ in spans]
    for m in _TITLE_WORD.finditer(text):
        after = kinds.after.match(text, m.end())
        if after is None or _overlaps_found(spans, starts, m.start(), after.end()):
            continue
        kind = gazetteer.form_kind(unbroken(m[0], maybe=True), lang)  # "Suomen": Suomi, Finland
        if kind is None or kind[0] not in ("country", "continent"):
            found.append((m.start(), after.end()))
    return sorted(spans + found) if found else spans


@lru_cache(maxsize=8)
def _feature_name_pattern(lang: str | None) -> regex.Pattern | None:
    """The pattern of a word in title case (broken across lines perhaps) that ends with a word for a feature of the
    land or the water and a case ending (``morphology.toml``'s ``feature_words``), three letters before it at
    least; None for a language that gives none."""
    words = language_rules(lang).get("feature_words")
    if not words:
        return None
    edge = r"[\p{L}\p{M}\p{N}\-¬=]"
    return regex.compile(r"(?<!%s)\p{Lu}\p{Ll}{2,}(?:[=\-¬]\p{Ll}+)?(?:%s)(?:%s)(?!%s)"
                         % (edge, one_of(words["stems"]), one_of(words["endings"]), edge))


#: A word in title case, a given name perhaps, and a space, right before a name.
_TITLE_WORD_BEFORE = regex.compile(r"\p{Lu}\p{Ll}+[ \t]+\Z")


def _named_for_features(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                        lang: str | None) -> list[tuple[int, int]]:
    """``spans`` with the words in title case that end with a word for a feature of the land or the water, inflected
    (``_feature_name_pattern``: "Kurkijoelta", from Kurkijoki; "Kuparisaaren", "Ahwenanmeressä"), where the model
    passed them over: in a language that writes only names with a capital, such a compound is a place's name, most
    of them too small for the gazetteer; not right after a word in title case (a given name: "Matti Kivimäen"), nor
    an organisation's (``_organisations``: "Hämeenlinnan kuritushuoneen", the town's prison)."""
    pattern = _feature_name_pattern(lang)
    if pattern is None:
        return spans
    names = [m.span() for m in pattern.finditer(text)
             if not _TITLE_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())]
    organisations = _organisations(text, names, gazetteer, lang) if names else set()
    return _with_unfound(spans, [name for name in names if name not in organisations])


#: A word in title case that may be a name and a word run together where a scanned line break was lost.
_LONG_TITLE_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}¬=\-'’])\p{Lu}\p{Ll}{5,}(?![\p{L}\p{M}\p{N}¬=\-])")
#: The name in such a word is a country's or a continent's, or a place's of this many people (or more) ...
RUN_INTO_MIN_PEOPLE = 100_000
#: ... the word after it one of the language's commonest (Zipf; "quand", "de", "son", "culture") ...
RUN_INTO_WORD_ZIPF = 4.5
#: ... and the whole no word of the language's (Zipf at most).
RUN_TOGETHER_MAX_ZIPF = 1.5
_WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$")


def _a_word_run_into(word: str, lang: str | None, floor: float, commonest: float) -> bool:
    """True when ``word`` may be the word a name ran into ("Uranusja"): of Zipf ``floor`` or more in ``lang``, and,
    under ``commonest``, more common there than in English: a word of the language's own, not the part of foreign
    names it borrows ("san": "bei Chassan" is no Chas, India, and "san")."""
    zipf = word_zipf(word, (lang,))
    return zipf >= floor and (zipf >= commonest or lang in (None, "en") or zipf > word_zipf(word, ("en",)))


def _names_run_into_words(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                          lang: str | None) -> list[tuple[int, int]]:
    """``spans`` with the names found that a scanned page ran into the word after them, where its line break was
    lost ("j'irai en Francequand", "parut à Londresson premier livre"; ``morphology.toml``'s
    ``names_run_into_words``): a word in title case that is no name nor word of the language, whose start is a
    country's, a continent's, a big place's (``RUN_INTO_MIN_PEOPLE``, or the language's ``short_word_min_people``
    before a word of two letters) or a planet's name and whose rest is one of the language's commonest words
    (``RUN_INTO_WORD_ZIPF``, ``_a_word_run_into``; not "Parisien", "Lyonnais"). The name is found though the model
    did not find it in the word; a span the model found of the whole word becomes the name's."""
    languages = (lang,)
    rules = language_rules(lang).get("names_run_into_words")
    rules = rules if isinstance(rules, dict) else {}
    word_floor = rules.get("word_zipf", RUN_INTO_WORD_ZIPF)
    after_preposition_floor = rules.get("word_zipf_after_preposition", word_floor)
    never = frozenset(rules.get("not_words", ()))
    short_word_people = rules.get("short_word_min_people", RUN_INTO_MIN_PEOPLE)
    prepositions = language_words(lang, "place_prepositions")
    found: list[tuple[int, int]] = []
    for m in _LONG_TITLE_WORD.finditer(text):
        word = m[0]
        if word_zipf(word, languages) > RUN_TOGETHER_MAX_ZIPF or gazetteer.knows(name_key(word)):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        floor = after_preposition_floor if before is not None and before[1] in prepositions else word_floor
        for cut in range(len(word) - 2, 3, -1):  # the longest name first, two letters at least after it
            kind = gazetteer.form_kind(word[:cut], lang)  # "Saksanja": "Saksan" (Saksa, Germany) and "ja"
            people = RUN_INTO_MIN_PEOPLE if len(word) - cut > 2 else short_word_people
            if (kind is not None and (kind[0] in ("country", "continent") or kind[1] >= people)
                    or a_celestial_body(word[:cut], lang)) \
                    and word[cut:] not in never and _a_word_run_into(word[cut:], lang, floor, word_floor):
                found.append((m.start(), m.start() + cut))
                break
    if not found:
        return spans
    words = {s: _LONG_TITLE_WORD.match(text, s).end() for s, _ in found}
    kept = []
    for s, e in spans:
        if words.get(s) == e:
            continue  # the whole word: the name's now
        if s in words and e > words[s] and text[words[s]:words[s] + 1].isspace():
            # the word and more ("Saksanja Ranskan"): the name, then the rest of the span after the word
            kept.append((words[s] + len(text[words[s]:e]) - len(text[words[s]:e].lstrip()), e))
            continue
        kept.append((s, e))
    taken = [name for name in found if not any(s < words[name[0]] and name[0] < e for s, e in kept)]
    return sorted(kept + taken)


#: The words a hyphen, or two (as a scanned page may show one), joins to a name's end, and to its start: initials
#: ("S.-O.", "P.T.T.") or a word of letters, not run into a letter, a digit or a word broken at a line's end.
_HYPHENED_WORD = r"(?:\p{L}{1,2}\.)+|[\p{L}\p{M}'’]+(?!\.?[\p{L}\p{M}\p{N}])"
_HYPHENED_AFTER = regex.compile(r"(?:-{1,2}(?:%s))+(?![\p{L}\p{M}\p{N}¬=-])" % _HYPHENED_WORD)
_HYPHENED_BEFORE = regex.compile(r"(?<![\p{L}\p{M}'’¬=-])(?:(?:%s)-{1,2})+\Z" % _HYPHENED_WORD)
_HYPHENS_RUN = regex.compile(r"-{1,2}")


def _whole_hyphened_names(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                          lang: str | None) -> list[tuple[int, int]]:
    """``spans`` taking in the words a hyphen joins to them, in a language that writes its compound names so
    (``morphology.toml``'s ``hyphened_names`` and ``hyphen_links``): "Orléans" found in "Nouvelle-Orléans",
    "Franoe" in "Ile-de-Franoe", "Bordeaux" in "Bordeaux-S.-O." (a radio station). A word taken in begins with a
    capital, or is a name link with such a word beyond it ("Seine-et-Oise"; not "Croix-du-marché"); it is no part
    of another name found nor a country's name ("Berlin-Rome", "France-Italie": two places)."""
    if not spans or not language_rules(lang).get("hyphened_names"):
        return spans
    links = language_words(lang, "hyphen_links")

    def a_country(a: int, b: int) -> bool:
        kind = gazetteer.name_kind(name_key(text[a:b]))
        return kind is not None and kind[0] in ("country", "continent")

    def farthest(words: list[tuple[int, int]]) -> int | None:  # how many of ``words``, nearest first, to take in
        taken = None
        for n, (a, b) in enumerate(words):
            if text[a].isupper():
                if _CASE_CHANGE.search(text, a, b) or a_country(a, b):  # "PetitsChampDépôt": words run together
                    break
                taken = n + 1
            elif text[a:b].casefold() not in links:
                break
        return taken

    out: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(spans):
        floor = out[-1][1] if out else 0
        ceiling = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        if (m := _HYPHENED_AFTER.match(text, e, ceiling)) is not None:
            cuts = [h.span() for h in _HYPHENS_RUN.finditer(text, m.start(), m.end())]
            words = [(cut[1], cuts[n + 1][0] if n + 1 < len(cuts) else m.end()) for n, cut in enumerate(cuts)]
            if (n := farthest(words)) is not None:
                e = words[n - 1][1]
        if (m := _HYPHENED_BEFORE.search(text, floor, s)) is not None:
            cuts = [h.span() for h in _HYPHENS_RUN.finditer(text, m.start(), m.end())]
            words = [(cuts[n - 1][1] if n else m.start(), cut[0]) for n, cut in enumerate(cuts)][::-1]
            if (n := farthest(words)) is not None:
                s = words[n - 1][0]
        out.append((s, e))
    return out


#: A district in brackets after a name: a word in title case, or an arrondissement's number ("(9e)", "(XIIe)").
_DISTRICT_IN_BRACKETS = regex.compile(r"[ \t]?\((?:(\p{Lu}[\p{L}\p{M}' -]{1,25})|\d{1,2}e|[IVX]{1,5}e)\)")


#: The river or the region a German town's name is told apart by, written short after it: "Frankfurt a. M." (am
#: Main), "Frankfurt a . O .", "Frankf.a.M.", "Freiburg i. Br." (im Breisgau), "Halle a. d. S." (an der Saale).
_RIVER_WRITTEN_SHORT = regex.compile(r"\.?[ \t]?[ai][ \t]?\.[ \t]?(?:d[ \t]?\.[ \t]?)?\p{Lu}\p{Ll}?[ \t]?\.")
#: ... found but for its last full stop ("Frankfurt a. M": a name found ends before a full stop).
_RIVER_SHORT_BUT_ITS_STOP = regex.compile(r"[ \t][ai][ \t]?\.[ \t]?(?:d[ \t]?\.[ \t]?)?\p{Lu}\p{Ll}?\Z")
_STOP = regex.compile(r"[ \t]?\.")


def _with_rivers_written_short(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` taking in the river or region written short after a town's name, which tells it from others of
    its name and is the name's, as HIPE-2022 marks it ("Frankfurt a. M.", "Frankf.a.M."; ``morphology.toml``'s
    ``rivers_written_short``)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue  # a letter of the river's found alone, now in the name
        m = _RIVER_WRITTEN_SHORT.match(text, e)
        if m is None and _RIVER_SHORT_BUT_ITS_STOP.search(text, s, e):
            m = _STOP.match(text, e)
        out.append((s, m.end() if m is not None else e))
    return out


def _with_districts_in_brackets(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """``spans`` taking in the region or the arrondissement a page puts in brackets after a town's name, which
    HIPE-2022 marks with it ("Compiègne (Oise)", "Morlaix (Finistère)", "PARIS (9e)"; ``morphology.toml``'s
    ``districts_in_brackets``): a region's name the gazetteer knows, not a country's ("Benghazi (Libye)", whose
    country the corpus marks apart) nor anything else in brackets ("Genève (M. Aimeras)"). A name found up to
    inside brackets it does not close ends before them, or takes them in whole ("Paris (18e": "Paris (18e)")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue  # the region found alone inside the brackets taken in: one name now
        if "(" in text[s:e] and ")" not in text[s:e]:  # found up to inside the brackets ("Compiègne (Oise")
            e = text.rindex("(", s, e)
            while e > s and text[e - 1] in " \t":
                e -= 1
        m = _DISTRICT_IN_BRACKETS.match(text, e)
        if m is not None and m[1] is not None:
            kind = gazetteer.name_kind(name_key(m[1]))
            m = m if kind is not None and kind[0] == "region" else None
        if m is not None:
            e = m.end()
        if s < e:
            out.append((s, e))
    return out


def _with_road_numbers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` taking in a road's number after a word for a road (``morphology.toml``'s English
    ``road_words``: "Highway 10", "County Road 56") or after a code a hyphen joins it to ("US-24", "NJ-33")."""
    roads = language_words("en", "road_words")
    out = []
    for s, e in spans:
        m = _ROAD_NUMBER.match(text, e)
        if m is not None:
            last = text[s:e].rsplit(None, 1)[-1]
            if last.casefold().rstrip(".") in roads or (m[1] == "-" and _CODE.fullmatch(last)):
                e = m.end()
        out.append((s, e))
    return out


#: A French article at a span's start, before a capital ("La Suisse", "l'Algérie").
_ARTICLE_AT_START = regex.compile(r"(?:[Ll]es|[Ll]a|[Ll]e)[ \t\n]+(?=\p{Lu})|[Ll]['’](?=\p{Lu})")


def _without_articles(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """``spans`` without the French article the model took in at their start where the name the gazetteer knows is
    the rest ("La Suisse", "le Centre"), not where it knows the name with its article ("La Rochelle", "Le Havre")."""
    out = []
    for s, e in spans:
        m = _ARTICLE_AT_START.match(text, s, e)
        if m is not None and m.end() < e and not gazetteer.knows(name_key(text[s:e])) \
                and gazetteer.knows(name_key(text[m.end():e])):
            s = m.end()
        out.append((s, e))
    return out


#: A date at a span's end: a day and a month in words, or a year (1500-2099).
_DATE_AT_END = regex.compile(r"[ \t]+(?:\d{1,2}\.?[ \t]+(\p{L}+)\.?|1[5-9]\d\d|20\d\d)\Z")


#: A short word (an article, a preposition) and one more, which may be a day's name ("Na quarta-feira", "Am Montag").
_A_DAY_AFTER_A_SMALL_WORD = regex.compile(r"\p{L}{1,3}\s+([\p{L}-]+)")


def _before_arabic_time_words(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of Arabic names cut before a day's name the model ran a name into, and the time of day before it
    (``morphology.toml``'s ``weekdays`` and ``dayparts``: "الخرطوم صباح الخميس", Khartoum on Thursday morning)."""
    out = []
    for s, e in spans:
        if " " in text[s:e] and script_of(text[s:e]) == "Arabic":
            words = list(regex.finditer(r"\S+", text[s:e]))
            day = next((k for k, w in enumerate(words) if k and w[0] in script_words("Arabic", "weekdays")), None)
            if day is not None:
                if day > 1 and words[day - 1][0] in script_words("Arabic", "dayparts"):
                    day -= 1
                e = s + len(text[s:s + words[day].start()].rstrip())
        out.append((s, e))
    return out


def _without_dates(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` cut before a date the model ran a name into ("MADRID 19 Juin", a dateline without its comma;
    "Paris 1865", "Bad Hall 1842"): a day and a month's name (``month_names``), or a year."""
    out = []
    for s, e in spans:
        m = _DATE_AT_END.search(text, s, e)
        if m is not None and m.start() > s and (m[1] is None or m[1].casefold() in month_names()):
            e = m.start()
        out.append((s, e))
    return out


#: A German noun at least this common (Zipf) after an article is that noun, not a town's or a region's name the
#: gazetteer has for under ``10 ** CAPITAL_SIZE`` people: German puts no article before a town's ("der Zug", the
#: train: not Zug; "die Schweiz", "der Wien" stay).
NOUN_AFTER_AN_ARTICLE_ZIPF = 4.5


def _a_noun_after_its_article(text: str, start: int, end: int, gazetteer: Gazetteer, lang: str) -> bool:
    """True when ``text[start:end]`` is one common word of ``lang`` right after one of its articles
    (``nouns_after_articles``) that names no country and no place of a million people."""
    word = text[start:end]
    before = text[max(0, start - 5):start].rsplit(None, 1)
    if not word.isalpha() or not before or not text[start - 1].isspace() \
            or before[-1].casefold() not in language_rules(lang)["nouns_after_articles"] \
            or word_zipf(word, (lang,)) < NOUN_AFTER_AN_ARTICLE_ZIPF:
        return False
    places = gazetteer.exact(name_key(word))
    return bool(places) and all(p.feature not in ("country", "continent") and p.population < 10 ** CAPITAL_SIZE
                                for p in places)


#: A span's first word and the space after it.
_FIRST_WORD = regex.compile(r"([\p{L}\p{M}]+)\s+")


def _without_a_day_before(text: str, spans: list[tuple[int, int]], endings: tuple[str, ...]) -> list[tuple[int, int]]:
    """``spans`` begun after a first word that is a day's name (``calendar_words``), or one with a time of the day
    written onto it (``endings``, ``morphology.toml``'s ``daypart_endings``: "Freitagmorgen"), where a word follows it:
    the model ran the day into a name ("erreichte der Zug am Freitagmorgen Malmö")."""
    out = []
    for s, e in spans:
        first = _FIRST_WORD.match(text, s, e)
        if first is not None and first.end() < e:
            word = first[1].casefold()
            day = next((word[:-len(end)] for end in endings if word.endswith(end) and len(word) > len(end)), word)
            if day in calendar_words():
                s = first.end()
        out.append((s, e))
    return out


def without_numbers_after_commas(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` cut before a number that ends one after a comma: a dateline's day or an address's
    number, not the name's ("MARSEILLE, 14 juin", "Paris, 17 Februari")."""
    return [(s, m.start()) if (m := _NUMBER_AFTER_COMMA.search(text, s, e)) else (s, e) for s, e in spans]


def _is_title(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower()


def _title_words(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """The names found that are one word in title case ("Nelson"; not "NATO", "New York")."""
    return {w for w in (text[s:e] for s, e in spans) if _is_title(w) and w.isalpha()}


def _common_given_name(word: str, languages: tuple[str, ...]) -> bool:
    """True for a given name people have (``_given_names``) though a word of ``languages`` as common as
    Andrew or Mike, below ``COMMON_GIVEN_NAME_MAX_ZIPF``, and no day or month ("Sunday", "May")."""
    return word.upper() in _given_names() and word.casefold() not in _DAYS_AND_MONTHS \
        and word_zipf(word, languages) < COMMON_GIVEN_NAME_MAX_ZIPF


def _surnames(text: str, toks: list[Token], spans: list[tuple[int, int]], lang: str | None) -> set[str]:
    """The one-word names found that the text also uses as a person's surname: right after a given
    name ("Ashley Sutton", "Mike de Kock", "Mario Diaz-Balart", "Matthew D. Flores"; see
    ``SURNAME_PARTICLES``), or after a title and one or two names ("Dr. Tunji Olaopa"; ``morphology.toml``'s
    ``titles``), where the surname is no part of a longer name found."""
    words = _title_words(text, spans)
    if lang in NOUN_CAPITALIZING or not words:
        return set()
    languages = ("en",) if lang in (None, "en") else ("en", lang)
    starts = [s for s, _ in spans]

    def covering(j: int) -> tuple[int, int] | None:  # the name found that token j is in
        k = bisect.bisect_right(starts, toks[j].start) - 1
        return spans[k] if k >= 0 and toks[j].start < spans[k][1] else None

    def inside(j: int) -> bool:
        return covering(j) is not None

    def in_longer(j: int) -> bool:  # token j is in a name found that is more than this word
        return covering(j) not in (None, (toks[j].start, toks[j].end))

    def next_to(j: int) -> bool:  # token j and the one after it are on one line, a space apart at most
        return toks[j + 1].start - toks[j].end <= 1 and text[toks[j].end:toks[j + 1].start] != "\n"

    titles = language_words(lang or "en", "titles")

    def after_title(j: int) -> bool:  # tokens ..j are one or two given names after a title ("Dr. Tunji")
        k = j
        while k > j - 2 and k > 0 and _is_title(toks[k].text) and toks[k].text.isalpha() and not inside(k) \
                and next_to(k) and toks[k].text not in titles:
            k -= 1
        if k == j:
            return False
        if toks[k].text == "." and k > 0 and toks[k - 1].end == toks[k].start:
            k -= 1  # "Dr."
        return toks[k].text in titles and next_to(k + (toks[k + 1].text == "."))

    found: set[str] = set()
    for i in [i for i, t in enumerate(toks) if t.text in words]:
        if i == 0 or toks[i].text in found or in_longer(i):
            # the word found as a name itself is a surname after a given name people have ("Ian
            # Holloway"), not after any other capital word ("Metropolitan Atlanta", "Joins Sochi")
            continue
        j = i - 1
        while j > 0 and toks[j].text in SURNAME_PARTICLES and next_to(j):
            j -= 1
        if toks[j].text == "-" and j > 0 and toks[j - 1].end == toks[j].start and toks[j].end == toks[j + 1].start:
            j -= 1  # "Diaz-Balart"
            if j > 0 and next_to(j - 1) and toks[j - 1].text.upper() in _given_names():
                j -= 1  # the given name before a double surname: "Mario Diaz-Balart"
        if j > 1 and toks[j].text == "." and toks[j - 1].end == toks[j].start and len(toks[j - 1].text) == 1 \
                and toks[j - 1].text.isupper() and next_to(j - 2):
            j -= 2  # "Matthew D. Flores"
        given = toks[j].text
        if not (next_to(j) and _is_title(given) and not inside(j) and given.casefold() not in PLACE_NAME_PREFIXES):
            continue
        # a given name people have, though a common word ("Andrew Trapani", "Mike Mauro"; not "In", "May",
        # nor "Sunday"), else a word not this common, and only where the surname is not itself taken for a place
        # (or a family name after one: "Marcelo Rebelo de Sousa")
        if _common_given_name(given, languages) or word_zipf(given, languages) < GIVEN_NAME_MAX_ZIPF and not inside(i) \
                or after_title(j) or j > 1 and next_to(j - 1) and not inside(j - 1) and _is_title(toks[j - 1].text) \
                and toks[i - 1].text in SURNAME_PARTICLES and _common_given_name(toks[j - 1].text, languages):
            found.add(toks[i].text)
    return found


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The given names of the people of the United States (the 5,163 of the 1990 census, in capitals;
    PyPI ``names``)."""
    files = resources.files("names")
    return frozenset(line.split(None, 1)[0] for name in ("dist.male.first", "dist.female.first")
                     for line in files.joinpath(name).read_text("ascii").splitlines() if line.strip())


_LOWEST_THRESHOLD = min(INSIDE_PROBABILITY, KNOWN_NAME_PROBABILITY, NAME_ONLY_PROBABILITY)  # of ``_threshold``


def _threshold(tok: Token, mark: tuple[str, ...], latin_words: tuple[str, ...] | None,
               proper_form: bool = False, unknown_word: float = INSIDE_PROBABILITY) -> float:
    """The probability at which the model's word is taken into a name, given what the gazetteer
    says of it (``mark``), the everyday words of the text's language (``latin_words``) and whether
    it is an inflected form of a name written with a capital where only names have one
    (``proper_form``: "matkusti Helsingistä"; the language's word lists count such forms as
    everyday words); ``unknown_word`` for a word the gazetteer knows nothing of."""
    if not mark:
        return unknown_word
    if mark[3] != "gz:n=1":  # a run of words the gazetteer knows
        return KNOWN_NAME_PROBABILITY
    if proper_form and int(mark[2].removeprefix("gz:size=")) >= NAME_ONLY_SIZE:
        return NAME_ONLY_PROBABILITY
    zipf = word_zipf(tok.text, latin_words if latin_words and script_of(tok.text) == "Latin" else None)
    # an everyday word, unless written with a capital and a country's or a continent's name, which is why
    # it is common ("Europe", "France"; the model may still rule one out: "Turkey" on a menu)
    if zipf >= EVERYDAY_WORD_ZIPF and not (mark[1] in ("gz:country", "gz:continent") and tok.text[:1].isupper()):
        return INSIDE_PROBABILITY
    if zipf == 0.0 and int(mark[2].removeprefix("gz:size=")) >= NAME_ONLY_SIZE:
        return NAME_ONLY_PROBABILITY
    return KNOWN_NAME_PROBABILITY


def _a_big_towns_mark(mark: tuple[str, ...]) -> bool:
    """True when the gazetteer's marks of a word say it begins the name of a town or capital of
    ``AFTER_A_PREPOSITION_SIZE`` or more."""
    return len(mark) >= 3 and mark[0] == "gz:B" and mark[1] in ("gz:city", "gz:capital") \
        and mark[2].startswith("gz:size=") and int(mark[2][8:]) >= AFTER_A_PREPOSITION_SIZE


def _a_big_places_name(word: str, mark: tuple[str, ...], gazetteer: Gazetteer, other_language: bool) -> bool:
    """True when ``word`` (its gazetteer's marks ``mark``), after a word of going, is a name whatever the model says:
    a capital's own name ("after leaving Pyongyang"), or, in a language other than English (``other_language``), a
    city of a million ("über München"), also where an area bears its name and is weighed first ("para Hiroshima"), or
    an area's name that is also its capital's ("a Roma")."""
    if mark[:2] == ("gz:B", "gz:capital"):
        return _a_big_capitals_own_name(word, gazetteer)
    if not other_language:
        return False
    if mark[:2] == ("gz:B", "gz:region"):
        return _a_big_capitals_own_name(word, gazetteer, area=True) or (
            word[:1].isupper() and any(p.feature == "city" and p.population >= 10 ** CAPITAL_SIZE and own_name(p, word)
                                       for p in gazetteer.exact(name_key(word))))
    return mark[:2] == ("gz:B", "gz:city") and _a_capitals_mark(mark)


def _an_area_named_as_its_capital(word: str, mark: tuple[str, ...], gazetteer: Gazetteer) -> bool:
    """True when the gazetteer's marks of Arabic ``word`` say it begins an area's name, and the word is also a capital's
    name, its article aside ("الخرطوم": the state of Khartoum as written, and خرطوم, the city)."""
    return mark[:2] == ("gz:B", "gz:region") and any(
        p.feature == "capital" for form in prefix_variants(word) for p in gazetteer.exact(name_key(form)))


def _a_capitals_mark(mark: tuple[str, ...]) -> bool:
    """True when the gazetteer's marks of a word say it begins the name of a capital or of a city of a million."""
    return len(mark) >= 3 and mark[0] == "gz:B" and (mark[1] == "gz:capital" or mark[1] == "gz:city"
                                                     and mark[2].startswith("gz:size=") and int(mark[2][8:]) >= 6)


def _a_big_capitals_own_name(word: str, gazetteer: Gazetteer, area: bool = False) -> bool:
    """True when ``word``, written with a capital, is the own name of a country's capital of ``CAPITAL_SIZE`` (not
    another of its names: "Vin", one of Vienna's); or, read as an area's name (``area``), is another of such a
    capital's names and the own name of an area of its country below its first-level regions, the district around
    it ("Roma", in a language other than English, which calls it Rome: "from Roma" is the football club; not
    "Paris", the department, nor "Wien", the state, which the model weighs as the areas they also are)."""
    if not word[:1].isupper():
        return False
    places = gazetteer.exact(name_key(word))
    capitals = [p for p in places if p.feature == "capital" and p.population >= 10 ** CAPITAL_SIZE]
    if not area:
        return any(own_name(p, word) for p in capitals)
    return not any(own_name(p, word) for p in capitals) and any(
        p.feature == "region" and not p.is_state and own_name(p, word) and p.country_code == c.country_code
        for p in places for c in capitals)


def _goes_on_a_known_name(toks: list[Token], marks: list[tuple[str, ...]], i: int) -> bool:
    """Whether word ``i``, in a script without capitals, goes on a name of several words the gazetteer knows, a space
    after the word before it (بيونغ يانغ, which the model may part where the words are also names of their own)."""
    return bool(marks[i]) and marks[i][0] == "gz:I" and not is_cased_script(toks[i].text) \
        and toks[i].start - toks[i - 1].end == 1


def _goes_on_a_known_country(toks: list[Token], marks: list[tuple[str, ...]], i: int, start: int) -> bool:
    """Whether word ``i``, written small, goes on the name of a country (or of an area of countries) that the
    gazetteer knows and that begins in the run from ``start`` ("Arabie saoudite", "Guinée équatoriale", "Förenade
    arabemiraten"; ``gazetteer_marks``)."""
    if not marks[i] or marks[i][0] != "gz:I" or len(toks[i].text) < 3:  # not "E. u." (und)
        return False
    return _names_a_country(marks, i) and toks[_known_name_start(marks, i)].start >= start


def _names_a_country(marks: list[tuple[str, ...]], i: int) -> bool:
    """Whether the name the gazetteer knows that covers token ``i`` is a country's (or an area of countries')."""
    return i < len(marks) and bool(marks[i]) and marks[_known_name_start(marks, i)][1] in ("gz:country", "gz:continent")


def _known_name_start(marks: list[tuple[str, ...]], i: int) -> int:
    """The token where the name the gazetteer knows that covers token ``i`` (``marks[i]`` set) begins."""
    while i > 0 and marks[i][0] == "gz:I":
        i -= 1
    return i


#: Where a dateline's name may start: the text's or a line's start, or after a sentence's end, a colon or a dash
#: ("THE NAVY. Portsmouth, July 8.", "GAZETTE, July 29. Vienna, July 16.").
_DATELINE_START = regex.compile(r"(?<![\s\S])|(?<=[\n.!?:;—–][ \t]{0,3})")
#: A comma and a date with its month in words (the word checked against ``month_names``): ", July 16", ", Dec. 31",
#: ", 2nd February", ", 30. Juni", ", 14 janvier", the day after an article as letters date it (", den 14. Januar",
#: ", le 14 janvier", ", the 5th of May").
_DATE_AFTER_NAME = regex.compile(r",[ \t]*(?:(?:den|le|the)[ \t]+)?"
                                 r"(?:(\p{L}+)\.?[ \t]*\d|\d{1,2}(?:st|nd|rd|th|er|\.)?[ \t]*(?:of[ \t]+)?(\p{L}+))")


def _in_place_of_overlapping(spans: list[tuple[int, int]], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` and ``found``, in text order, without the spans that overlap one found."""
    if not found:
        return spans
    return sorted([(s, e) for s, e in spans if not any(s < b and a < e for a, b in found)] + found)


#: A name run into the number before it, its space lost ("4Wien", "50Hollande", "1Ile-de-France").
#: (The number not run into a word or a link itself: "https://t.co/8LvKbSA0UK" is no UK.)
_NAME_AFTER_A_NUMBER = regex.compile(
    r"(?<=(?<![\p{L}\p{N}/])\d{1,6})\p{Lu}[\p{L}\p{M}]+(?:-\p{Lu}[\p{L}\p{M}]+)*(?![\p{L}\p{M}\p{N}])")


#: A word this common (Zipf) after a number is the word ("40Von", "1Tour": 7.0, 5.4; Wien 5.2), unless a country's or a
#: capital's name.
NUMBERED_WORD_ZIPF = 5.25


def _names_run_into_numbers(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                            lang: str) -> list[tuple[int, int]]:
    """``spans`` with the names a scanned page ran into the number before them ("Seite 4Wien", "350 50Hollande",
    "12.15 1Lille" in a radio listing), which the model reads as one word with the number: a country's, a
    continent's or a capital's name, or a place's of ``RUN_INTO_MIN_PEOPLE`` that is no word of ``lang`` this common
    (``NUMBERED_WORD_ZIPF``: "40Von", "1Tour"), in place of a span found of the number and the name."""
    found = []
    for m in _NAME_AFTER_A_NUMBER.finditer(text):
        kind = gazetteer.name_kind(name_key(m[0]))
        if kind is not None and (kind[0] in ("country", "continent", "capital")
                                 or kind[1] >= RUN_INTO_MIN_PEOPLE and word_zipf(m[0], (lang,)) < NUMBERED_WORD_ZIPF):
            found.append(m.span())
    return _in_place_of_overlapping(spans, found)


#: A word in capitals right before a comma and a date with its month in words.
_CAPITALS_BEFORE_A_DATE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}{6,}(?=,[ \t]*\d{1,2}\.?[ \t]*(\p{L}+))")
#: The dateline's place run into the heading before it is a country's or a capital's, or has this many people.
DATELINE_RUN_INTO_MIN_PEOPLE = 100_000


def _datelines_run_into_headings(text: str, spans: list[tuple[int, int]],
                                 gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """``spans`` with the places of datelines a scanned page ran into the heading in capitals above them, its line
    break lost ("LES GRAINSPARIS, 14 mars.", "M. DESIRE FERRYNANCY, 14 janvier."): the longest end of the word that
    names a country, a capital or a place of ``DATELINE_RUN_INTO_MIN_PEOPLE``, three letters at least, in place of
    any span the model found of the whole word; not a word that is a name itself ("BUDAPEST", not Pest)."""
    found = []
    for m in _CAPITALS_BEFORE_A_DATE.finditer(text):
        if m[1].casefold() not in month_names():
            continue
        word = m[0]
        if gazetteer.knows(name_key(word)):
            continue  # "BUDAPEST, 24 aug.": the name itself
        for cut in range(2, len(word) - 2):
            kind = gazetteer.name_kind(name_key(word[cut:]))
            if kind is not None and (kind[0] in ("country", "capital") or kind[1] >= DATELINE_RUN_INTO_MIN_PEOPLE):
                found.append((m.start() + cut, m.end()))
                break
    return _in_place_of_overlapping(spans, found)


def _dateline_names(text: str, toks: list[Token], marks: list[tuple[str, ...]], lang: str | None) -> set[int]:
    """The tokens of each name the gazetteer knows (``marks``) that opens a dateline: at the text's or a line's
    start, or after a sentence's end or ``morphology.toml``'s ``dated_words`` ("Dated Wareham"), with a comma and a
    date after it ("Vienna, July 16.", "Blandford, July 21st", "Hull, 30. Juni"), the place a report or a letter
    was written at; not a month's or a weekday's name ("Monday, April 5")."""
    dated: set[int] = set()
    dated_words = language_words(lang or "en", "dated_words")
    months = month_names()
    for date in _DATE_AFTER_NAME.finditer(text):  # few in a text: found from the dates, not from every name
        if (date[1] or date[2]).casefold() not in months:
            continue
        j = bisect.bisect_left(toks, date.start(), key=lambda tok: tok.end)  # the word the comma follows
        if j == len(toks) or toks[j].end != date.start() or not marks[j]:
            continue
        i = _known_name_start(marks, j)
        start = toks[i].start
        if marks[i][0] == "gz:B" and toks[i].text.casefold() not in calendar_words() and (
                _DATELINE_START.match(text, start)
                or any(text[max(0, start - len(w) - 1):start] == w + " " for w in dated_words)):
            dated.update(range(i, j + 1))
    return dated


#: A news agency's dateline opening a text: a name in capitals, the agency's name in brackets, and a full stop, a
#: comma or a dash ("ROMA (EFE). —", "MADRID (EFE) -", "BRASÍLIA (Reuters) —"), or a dash alone ("ROMA - Il ...").
_WIRE_DATELINE = regex.compile(r"\s*(\p{Lu}[\p{Lu}\p{M}'’ .-]*?\p{Lu}|\p{Arabic}+(?: \p{Arabic}+){0,2})"
                               r"(?:\s*\((?:\p{Lu}[\p{L}.&/ -]{1,30}|\p{Arabic}[\p{Arabic} ]{1,30})\)\s*[.,:]?\s*[—–-]?"
                               r"|\s+[—–-]\s)")


#: A word in capitals between two hyphens inside a name of such words ("Simplon-Orient-Express"; not
#: "Goleta-foothills-to-Carpinteria-coast", nor Arabic's lists of places a dash parts) ...
_INSIDE_A_COMPOUND = regex.compile(r"\p{Lu}\p{L}*-\p{Lu}[^\s-]*-\p{Lu}")
#: ... the one before it, and its hyphen.
_CAPITAL_WORD_AND_HYPHEN = regex.compile(r"\p{Lu}\p{L}*-$")
#: A word for a town and "of" right before a name ("à cidade da Beira", "the city of Reading"): a town's name follows.
_KIND_OF_PLACE_BEFORE = regex.compile(r"(?<!\p{L})(?i:city|town|village|port|cidade|vila|ciudad|villa|pueblo|localidad"
                                      r"|ville|città|comune|paese)\s+(?i:of|de|da|do|di|del|della|du|d')\s*$")
#: A headline: a first line of a few words with no full stop, a blank line after it.
_HEADLINE = regex.compile(r"[^\n]{1,200}(?<![.!?।。！？])\n[ \t]*\n")


def _wire_dateline(text: str, toks: list[Token], marks: list[tuple[str, ...]]) -> set[int]:
    """The tokens of a name in capitals the gazetteer knows whole that opens a text as a news agency's dateline
    (``_WIRE_DATELINE``: "ROMA (EFE). —"), or the paragraph after its headline ("Mattarella in treno ...\n\nROMA -
    Il presidente"), whatever the model says; else none."""
    wire = _WIRE_DATELINE.match(text)
    if wire is None and (headline := _HEADLINE.match(text)):
        wire = _WIRE_DATELINE.match(text, headline.end())
    if wire is None:
        return set()
    inside = [i for i, tok in enumerate(toks) if wire.start(1) <= tok.start and tok.end <= wire.end(1)]
    if not inside or any(not marks[i] for i in inside) or marks[inside[0]][0] != "gz:B" \
            or any(marks[i][0] != "gz:I" for i in inside[1:]) \
            or inside[-1] + 1 < len(toks) and marks[inside[-1] + 1] and marks[inside[-1] + 1][0] == "gz:I":
        return set()
    return set(inside)


#: What parts the names of a list: a comma, or "and" (English, German, French, Swedish, Finnish).
#: The words for "and" that join a list's last two names.
_LIST_AND_WORDS = ("and", "und", "et", "och", "ja")
_LIST_SEPARATORS = frozenset({", ", ",", ", and ", *(f" {word} " for word in _LIST_AND_WORDS)})


#: What stands before a list's first name or after its last: a comma or a colon; a comma, a full stop or a semicolon.
_LIST_OPENS = (",", ":")
_LIST_CLOSES = frozenset(",.;")


def _listed_beside_a_place(text: str, toks: list[Token], marks: list[tuple[str, ...]], spans: list[tuple[int, int]],
                           gazetteer: Gazetteer, lang: str) -> list[tuple[int, int]]:
    """The names the gazetteer knows (``marks``) that the model passed over though a list puts them right beside a
    name found, a list's mark on their other side ("Böslau, Kaltenleutgeben, Laxenburg.", where Böslau, a scan's
    Vöslau, is unknown; "Leoben, Vordernberg; Neuberg."): in a timetable's or a report's list, a name the list's
    neighbours vouch for; not a given name nor an everyday word of ``lang`` ("Richard", "Graben", "Wiesen"). Not in
    English, whose corpora list people with their towns so ("Young, Cowes")."""
    found: list[tuple[int, int]] = []

    def takes(a: int, b: int) -> bool:
        word = text[a:b]
        return not any(x < b and a < y for x, y in (*spans, *found)) and not _a_given_name(word, gazetteer) \
            and word_zipf(word, (lang,)) < EVERYDAY_WORD_ZIPF

    for s, e in spans:
        # the name right before: a list's mark before it, a separator between
        j = bisect.bisect_left(toks, s, key=lambda tok: tok.start) - 1
        while j >= 0 and not marks[j] and toks[j].end > s - 6:
            j -= 1  # back past the comma or the "und"
        if j >= 0 and marks[j] and text[toks[j].end:s] in _LIST_SEPARATORS:
            i = _known_name_start(marks, j)
            a, b = toks[i].start, toks[j].end
            if text[max(0, a - 2):a].rstrip(" ").endswith(_LIST_OPENS) and takes(a, b):
                found.append((a, b))
        # and the name right after: a separator between, a list's mark after it
        i = bisect.bisect_left(toks, e, key=lambda tok: tok.start)
        while i < len(toks) and not marks[i] and toks[i].start < e + 6:
            i += 1  # on past the comma or the "und"
        if i < len(toks) and marks[i] and marks[i][0] == "gz:B" and text[e:toks[i].start] in _LIST_SEPARATORS:
            j = i
            while j + 1 < len(toks) and marks[j + 1][:1] == ("gz:I",):
                j += 1
            a, b = toks[i].start, toks[j].end
            if text[b:b + 1] in _LIST_CLOSES and takes(a, b):
                found.append((a, b))
    return found


#: A list's separator between two names: a comma, or a word for "and".
_LIST_SEPARATOR = regex.compile(r",[ \t\n]?|[ \t\n](?:%s)[ \t\n]" % "|".join(_LIST_AND_WORDS))
#: One word in title case and a comma, right before a list's name ...
_LISTED_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}\-¬=.'’]|& )(\p{Lu}\p{Ll}{2,}),[ \t\n]?\Z")
#: ... or a comma and such a word right after one, a list's mark after it.
_LISTED_WORD_AFTER = regex.compile(r",[ \t\n]?(\p{Lu}\p{Ll}{2,})(?=[,.;:]|[ \t\n](?:%s|u\.)[ \t\n])"
                                   % "|".join(_LIST_AND_WORDS))
#: A word listed with places is taken for one where its language hardly writes it (Zipf below this).
LISTED_WORD_MAX_ZIPF = 3.0


def _unknown_listed_with_places(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                                lang: str) -> list[tuple[int, int]]:
    """The words in title case that a list puts right before two names found, or right after two found with a
    comma between them, where no gazetteer has the name: "Böslau, Kaltenleutgeben, Laxenburg" (Böslau, a scan's
    Vöslau), "Arbe, Pago, Selve, Zaravecchia", "Luceme, Genève et Bâle": a list names things of one kind, and two
    places found vouch for a third better than one (``_listed_beside_a_place`` takes only names the gazetteer
    knows beside one). Not a word its language writes (``LISTED_WORD_MAX_ZIPF``), nor a given name, nor a firm's
    partner ("Fischer & Prasser, 3. Bezirk")."""
    found: list[tuple[int, int]] = []
    starts = [s for s, _ in spans]

    def takes(m) -> bool:
        return not _overlaps_found(spans, starts, *m.span(1)) and not _a_given_name(m[1], gazetteer) \
            and word_zipf(m[1], (lang,)) < LISTED_WORD_MAX_ZIPF

    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if _LIST_SEPARATOR.fullmatch(text, e1, s2) is None:
            continue
        if (m := _LISTED_WORD_BEFORE.search(text, max(0, s1 - 40), s1)) is not None and takes(m):
            found.append(m.span(1))
        if text[e1] == "," and (m := _LISTED_WORD_AFTER.match(text, e2)) is not None and takes(m):
            found.append(m.span(1))
    return sorted(set(found))


def _listed_between_places(text: str, toks: list[Token], marks: list[tuple[str, ...]],
                           spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names the gazetteer knows (``marks``) that the model passed over though they stand in a list between
    two names found, parted from each by a comma or "and" ("Leobersdorf, Kaltenleutgeben, Laxenburg", "Lazio,
    Marche and Umbria"): a list names things of one kind."""
    found = []
    for (_, end), (after, _) in zip(spans, spans[1:]):  # each name found and the next: is a name between them?
        gap = text[end:after]
        if len(gap) < 4 or len(gap) > 60 or not any(gap.startswith(sep) for sep in _LIST_SEPARATORS):
            continue
        i = bisect.bisect_left(toks, end, key=lambda tok: tok.start)  # the first word after the name found
        while i < len(toks) and toks[i].end <= after and not marks[i]:
            i += 1  # past the comma or the "and"
        if i == len(toks) or not marks[i] or marks[i][0] != "gz:B" \
                or text[end:toks[i].start] not in _LIST_SEPARATORS:
            continue
        j = i
        while j + 1 < len(toks) and marks[j + 1][:1] == ("gz:I",):
            j += 1
        if toks[j].end < after and text[toks[j].end:after] in _LIST_SEPARATORS:  # and the next name right after it
            found.append((toks[i].start, toks[j].end))
    return found


def _abbreviation_dot(toks: list[Token], i: int, gazetteer: Gazetteer) -> bool:
    """True when token ``i`` is the dot of an abbreviated name ("Calif.", "Va.", "Ky.": the corpora
    count it in), not a sentence's full stop ("in the EU."): the word before it is a short form of
    the gazetteer's name for a region, country or big city (its letters in order, the first first)."""
    word = toks[i - 1].text
    if toks[i].text != "." or toks[i - 1].end != toks[i].start or len(word) > 5 or not word.istitle() \
            or not word.isalpha() or word_zipf(word, ("en",)) >= ABBREVIATION_MAX_ZIPF:
        return False
    said_short = gazetteer.said_short(name_key(word))  # "in the Amur.": Amur Oblast's whole name said short
    return any(_abbreviates(word.casefold(), p.name.casefold()) for p in gazetteer.exact(name_key(word))
               if (p.feature in ("region", "country") or p.population >= PROMINENT_CITY)
               and p.source not in said_short)


#: A blank line between two tokens: a paragraph's end.
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*\n")


def _full_stop(text: str, toks: list[Token], i: int) -> bool:
    """True when token ``i`` is a full stop that ends a sentence: right after a word of three
    letters or more (not "St." nor "Mt."), with a space or a line break after it."""
    word = toks[i - 1].text if i else ""
    return toks[i].text == "." and i + 1 < len(toks) and toks[i - 1].end == toks[i].start and len(word) >= 3 \
        and word.isalpha() and toks[i + 1].start > toks[i].end and text[toks[i].end:toks[i + 1].start].isspace()


def _abbreviates(short: str, name: str) -> bool:
    """True when ``short`` is ``name`` cut short: its first letter, then some of its others in order
    ("ky": "kentucky"; not "louis": "louis trichardt", whose first word it is)."""
    if len(name) <= len(short) + 1 or name[0] != short[0] or name.startswith(short + " "):
        return False
    rest = iter(name[1:])
    return all(ch in rest for ch in short[1:])


def bio_labels(toks: list[Token], spans: list[tuple[int, int]]) -> list[str]:
    """B/I/O labels of tokens for gold ``spans`` (spans not on token boundaries are left out)."""
    labels = ["O"] * len(toks)
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    for s, e in spans:
        if s in starts and e in ends and starts[s] <= ends[e]:
            labels[starts[s]] = "B"
            for k in range(starts[s] + 1, ends[e] + 1):
                labels[k] = "I"
    return labels
