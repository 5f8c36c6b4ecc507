"""Text utilities shared by the stages: tokens, sentences, name keys, transliteration.

Everything here works on Python ``str`` offsets so that mentions keep the exact
character positions of the article.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from array import array
from functools import lru_cache
from typing import Any, NamedTuple

import regex
from anyascii import anyascii

# A token is a run of letters, combining marks and digits; apostrophes inside a
# word ("P'yongyang", "Xi’an") belong to it.
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*")
#: A sentence ends at a line break, at a dash between spaces before a capital ...
_LINE_OR_DASH = r"|\n+|\s[-—–]\s(?=\p{Lu})"
#: ... and at a full stop and the space after it, but for a stop on a line before a word in small letters, which ends a
#: short form ("at the U.N. headquarters, before heading to Washington"), or before a number after a month's short
#: form ("on Sept. 9", "le 18 sept. 2023") ...
_NOT_AFTER_A_MONTH = (r"(?!(?<=(?i:\b(?:jan|janv|feb|febr|févr|mar|apr|avr|jun|jul|juil|aug|sep|sept|oct|okt|nov|dec|déc"
                      r"|dez)\.[^\S\n]+))\d)")
_SENTENCE_END = regex.compile(r"(?<=[.!?।॥。！？])[\"'”’»)\]]*(?:[^\S\n]++(?![\p{Ll}])" + _NOT_AFTER_A_MONTH
                              + r"|[^\S\n]*\n\s*)" + _LINE_OR_DASH)
#: ... and Chinese and Japanese put none after theirs (a pattern asked only of a text that has one: it is slower).
_FULL_STOPS_WITHOUT_SPACE = frozenset("。！？")
_SENTENCE_END_UNSPACED = regex.compile(r"(?<=[.!?।॥])[\"'”’»)\]]*(?:[^\S\n]++(?![\p{Ll}])" + _NOT_AFTER_A_MONTH
                                       + r"|[^\S\n]*\n\s*)"
                                       r"|(?<=[。！？])[」』”’）\"'»)\]]*\s*" + _LINE_OR_DASH)
#: The letters of the scripts written without spaces between words (Chinese, Japanese): a name is a run of them
#: found in a longer one.
UNSPACED_LETTER = r"[\p{Han}\p{Hiragana}\p{Katakana}]"
#: What a name's key leaves out: apostrophes, and the nukta of Devanagari, which Hindi writers put on a letter or
#: leave off (ख़ाबारोव्स्क, खाबारोव्स्क: Khabarovsk)
_DROPPED = str.maketrans("", "", "'’ʼ`\u093c")


class Token(NamedTuple):
    """A word and its offsets (a tuple: texts have hundreds of thousands of them)."""

    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Split ``text`` into word tokens with their offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences (and lines) of ``text``."""
    spans = []
    pos = 0
    ends = _SENTENCE_END_UNSPACED if not _FULL_STOPS_WITHOUT_SPACE.isdisjoint(text) else _SENTENCE_END
    for m in ends.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@lru_cache(maxsize=1)
def morphology() -> dict[str, Any]:
    """``geo/data/morphology.toml``: how names change inside sentences, per script and per language."""
    import tomllib
    from importlib import resources

    return tomllib.loads(resources.files("geo.data").joinpath("morphology.toml").read_text("utf-8"))


def language_rules(lang: str | None) -> dict[str, Any]:
    """``morphology.toml``'s table for one language (``[language.fi]``: endings, kind words, contractions),
    empty for a language it has none for."""
    return morphology().get("language", {}).get(lang or "", {})


def modern_spelling(word: str, lang: str | None) -> str:
    """``word`` with the letters ``lang`` once wrote where it now writes others put as it writes them now
    (``morphology.toml``'s ``old_letters``: Finnish "Wiipurissa", "Viipurissa"; "Itäwalta", "Itävalta")."""
    for old, new in language_rules(lang).get("old_letters", {}).items():
        word = word.replace(old, new).replace(old.upper(), new.upper())
    return word


@lru_cache(maxsize=256)
def language_words(lang: str | None, key: str) -> frozenset[str]:
    """One word list of ``language_rules(lang)`` (``speech_verbs``, ``titles`` ...) as a set, made once per
    language: the recogniser asks for it on every text."""
    return frozenset(language_rules(lang).get(key, ()))


@lru_cache(maxsize=None)
def every_languages_words(key: str) -> frozenset[str]:
    """One word list of ``morphology.toml``, in every language that gives it (``place_prepositions``: "in", "at",
    "nach", "à")."""
    return frozenset(word for rules in morphology().get("language", {}).values() for word in rules.get(key, ()))


def place_prepositions() -> frozenset[str]:
    """The words after which a name is read as a place, in every language ``morphology.toml`` gives them for
    ("in", "at", "nach", "à")."""
    return every_languages_words("place_prepositions")


@lru_cache(maxsize=1)
def area_words() -> tuple[str, ...]:
    """The words after a name that make it an area's, in every language ``morphology.toml`` gives them for
    ("county", "parish")."""
    return tuple(sorted({word for rules in morphology().get("language", {}).values()
                         for word in rules.get("area_words", ())}))


#: Hyphens that only ever break a word at the end of a printed line ("Stutt¬\ngart"; ⸗ of Fraktur)...
LINE_HYPHENS = frozenset("¬\u00ad⸗")
#: ... and those that may, where a scanned page lost the line break itself ("Wei-mariin", "Rau=nistulassa").
MAYBE_LINE_HYPHENS = frozenset("-=")
_BROKEN_WORD = regex.compile(rf"(?<=\p{{L}})(?:[{''.join(sorted(LINE_HYPHENS))}]\s*|-\n\s*)(?=\p{{L}})")
_MAYBE_BROKEN_WORD = regex.compile(rf"(?<=\p{{L}})[{regex.escape(''.join(sorted(MAYBE_LINE_HYPHENS)))}](?=\p{{Ll}})")


def unbroken(name: str, maybe: bool = False) -> str:
    """``name`` with the words broken across printed lines made whole again ("Stutt¬\ngart":
    "Stuttgart"); with ``maybe``, also those whose line break was lost ("Wei-mariin")."""
    name = _BROKEN_WORD.sub("", name)
    return _MAYBE_BROKEN_WORD.sub("", name) if maybe else name


def one_of(words) -> str:
    """``words`` as a regular expression's alternatives, each escaped, the longest first (so that "ssa" is tried
    before "a")."""
    return "|".join(map(regex.escape, sorted(words, key=len, reverse=True)))


def names_pattern(names: list[str], lang: str | None, broken: bool = False) -> regex.Pattern | None:
    """A pattern of ``names`` as ``lang`` writes them, the name in group 1: with the endings the language puts on
    names (``morphology.toml``'s ``strip``, Finnish's cases; German's and Swedish's genitive "s"), any space
    between their words, and, ``broken``, a hyphen of a line's end between any two letters ("Mer=kurius"; such a
    name then ends before no hyphen at all, "=" and "¬" being a word's); None for no names."""
    if not names:
        return None
    endings = language_rules(lang).get("strip") or (["s"] if lang in ("de", "sv") else [])
    hyphen = "(?:[%s][ \t]?)?" % regex.escape("".join(sorted(LINE_HYPHENS | MAYBE_LINE_HYPHENS))) if broken else ""
    alternatives = "|".join(hyphen.join(map(regex.escape, name)).replace(r"\ ", r"\s+")
                            for name in sorted(names, key=len, reverse=True))
    ending = "(?:%s)?" % one_of(endings) if endings else ""
    edge = r"[\p{L}\p{M}\p{N}\-=¬]" if broken else r"[\p{L}\p{M}\p{N}\-]"
    return regex.compile(rf"(?<!{edge})({alternatives}){ending}(?!{edge})")


@lru_cache(maxsize=32)
def celestial_body_pattern(lang: str | None) -> regex.Pattern | None:
    """The names of the planets as ``lang`` writes them (``morphology.toml``'s ``celestial_bodies``), inflected and
    broken across lines or not ("Mer=kurius", "Marsin"; ``names_pattern``); None for a language that gives none."""
    return names_pattern(language_rules(lang).get("celestial_bodies", []), lang, broken=True)


def a_celestial_body(name: str, lang: str | None) -> bool:
    """Whether ``name`` is a planet's as ``lang`` writes it ("Jupiter", "Marsin"): a place HIPE-2022 counts, never
    put on a map of the Earth (Jupiter, Florida, is not the planet)."""
    pattern = celestial_body_pattern(lang)
    return pattern is not None and pattern.fullmatch(name) is not None


#: Arabic spelling variants written interchangeably in news and posts: hamza forms of alef, alef
#: maqsura and ya, ta marbuta and ha; short vowels and tatweel dropped (الأردن = الاردن).
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None,
                         **{chr(c): None for c in range(0x064B, 0x0653)}})


@lru_cache(maxsize=131072)
def name_key(name: str) -> str:
    """The normalised form under which a name is indexed and looked up.

    NFKC, case-folded, apostrophes and Devanagari's nukta dropped, every other separator a single space;
    Arabic spelling variants folded.
    """
    if name.isascii() and name.isalnum():  # one plain word (most of a text's): all that would change is its case
        return name.lower()
    name = unicodedata.normalize("NFKC", name).translate(_DROPPED)
    if any("\u0600" <= ch <= "\u06ff" for ch in name):
        name = name.translate(_ARABIC)
    if _HAN.search(name):
        name = _simplified(name)
    return " ".join(t.text.casefold() for t in tokens(name))


#: A Chinese character (which Japanese writes too).
_HAN = regex.compile(r"\p{Han}")


def _simplified(name: str) -> str:
    """``name`` in the simplified characters ("利馬": "利马", Lima), as China writes it and GeoNames gives one form or the
    other: a name is indexed and looked up in one form (OpenCC's conversion, which Japanese names pass through
    consistently too)."""
    return _t2s().convert(name)


def simplified_letters(text: str) -> str:
    """``text`` with its Chinese characters in their simplified form, one for one (its offsets hold): where a text
    in traditional characters is scanned for names indexed in simplified ones ("抵達利馬": 抵达利马)."""
    if not _HAN.search(text):
        return text
    whole = _simplified(text)
    if len(whole) == len(text):
        return whole
    return "".join(one if len(one := _simplified(ch)) == 1 else ch for ch in text)


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def run_together(word: str) -> str:
    """A name run together in title case, parted, as hashtags write names ("PuertoRico": "Puerto Rico")."""
    return regex.sub(r"(?<=\p{Ll})(?=\p{Lu})", " ", word)


def script_of(word: str) -> str:
    """The script of the first letter of ``word`` (``"Latin"``, ``"Cyrillic"``, ...)."""
    for ch in word:
        if ch.isalpha():
            return _script_of_char(ch)
    return ""


@lru_cache(maxsize=4096)
def _script_of_char(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0].title() if name else ""


def is_cased_script(word: str) -> bool:
    """True for scripts with letter case (Latin, Cyrillic, Greek, Armenian...)."""
    for ch in word:
        if ch.isalpha():
            return ch.lower() != ch.upper()
    return False


# Romanisations differ more in their consonant clusters and vowels than in their
# consonant skeleton: map spelling variants together, then keep the first letter and
# the consonants.
_SKELETON_RULES = (
    ("kh", "h"), ("gh", "g"), ("ph", "p"), ("th", "t"), ("dh", "d"), ("bh", "b"),
    ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "j"), ("ts", "c"), ("tz", "c"),
    ("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("v", "b"), ("f", "p"),
    ("z", "s"), ("c", "k"), ("m", "n"), ("j", "y"),
)
_VOWELS = frozenset("aeiouy")


def unaccented(name: str) -> str:
    """``name`` without the accents on its Latin letters ("Shanghái": Shanghai), or ``name`` itself."""
    if name.isascii():
        return name
    plain = "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", plain) if script_of(plain) == "Latin" else name


@lru_cache(maxsize=65536)
def romanize(name: str) -> str:
    """Lower-case ASCII romanisation of ``name`` with letters only (kept: a text's places are compared by it
    again and again)."""
    return "".join(ch for ch in anyascii(name).lower() if "a" <= ch <= "z")


def skeleton(name: str) -> str:
    """A script-independent consonant skeleton used to match across scripts.

    ``skeleton("खासन") == skeleton("Khasan") == "hsn"``.
    """
    s = normalized_spelling(name)
    if not s:
        return ""
    out = [s[0]]
    for ch in s[1:]:
        if ch not in _VOWELS and ch != out[-1]:
            out.append(ch)
    return "".join(out)


#: Russian letters as German (Duden) and French spell them: Хасан is Chasan and Khassan, Владивосток Wladiwostok and
#: Vladivostok, Чита Tschita and Tchita, Уссурийск Ussurijsk and Oussouriïsk.
_RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_FROM_RUSSIAN = {
    "de": dict(zip(_RUSSIAN_ALPHABET, "a b w g d e jo sch s i j k l m n o p r s t u f ch z tsch sch schtsch - y - e ju "
                                      "ja".split())),
    "fr": dict(zip(_RUSSIAN_ALPHABET, "a b v g d e io j z i ï k l m n o p r s t ou f kh ts tch ch chtch - y - e iou "
                                      "ia".split())),
}
#: How each language writes е where it is said "ye" (at a word's start, after a vowel or a sign): Jekaterinburg.
_IOTATED_E = {"de": "je", "fr": "ie"}
_RUSSIAN_VOWELS = frozenset("аеёиоуыэюя")


def russian_romanizations(name: str, lang: str) -> list[str]:
    """The spellings German ("de", Duden's transliteration) or French ("fr") give a Russian name written in
    Cyrillic, with с between vowels both as "s" and as "ss": "Хасан" -> ["Chassan", "Chasan"] in German,
    ["Khassan", "Khasan"] in French; ``[]`` for another script or a letter Russian does not have."""
    table = _FROM_RUSSIAN[lang]
    if not name or any(ch.isalpha() and ch.lower() not in table for ch in name):
        return []
    plain: list[str] = []
    doubled: list[str] = []
    lower = name.lower()
    for i, ch in enumerate(lower):
        if ch not in table:
            plain.append(ch)
            doubled.append(ch)
            continue
        prev = lower[i - 1] if i else ""
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        out = table[ch].strip("-")
        if ch == "е" and (not prev.isalpha() or prev in _RUSSIAN_VOWELS or prev in "ъь"):
            out = _IOTATED_E[lang]  # Jekaterinburg
        elif ch == "ё" and prev in "жчшщ":
            out = "o"
        elif ch == "й" and prev in "иы" and not nxt.isalpha():
            out = ""  # Nischni Nowgorod, Vostotchny
        elif ch == "й" and lang == "fr" and prev not in _RUSSIAN_VOWELS:
            out = "i"  # a diaeresis only after a vowel: Oussouriïsk, but Iochkar-Ola
        plain.append(out)
        doubled.append("ss" if ch == "с" and prev in _RUSSIAN_VOWELS and nxt in _RUSSIAN_VOWELS else out)
    # each word's first letter in capitals, as the name has it
    spellings = ("".join(doubled), "".join(plain))
    cased = ["".join(w[:1].upper() + w[1:] if orig[:1].isupper() else w for w, orig in zip(
        regex.split(r"(\W+)", spelling), regex.split(r"(\W+)", name))) for spelling in spellings]
    return list(dict.fromkeys(cased))


#: The letters the Arabic article's l takes the sound of: الشمس is ash-shams; GeoNames writes
#: An Nu‘ayrīyah for النعيرية and Al Khafjī for الخفجي.
_SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")


def arabic_romanization(word: str) -> str:
    """``romanize`` of an Arabic word with its article as GeoNames writes it: "al", or "a" before
    a sun letter, whose sound the l takes (الخفجي -> "alkhfjy" as Al Khafjī, النعيرية -> "anyryh"
    as An Nu‘ayrīyah)."""
    word = name_key(word)
    if word.startswith("ال") and len(word) > 3:
        rest = word[2:]
        return ("a" if rest[0] in _SUN_LETTERS else "al") + romanize(rest)
    return romanize(word)


#: How Arabic writes the consonants of a name from another language (ف for f and v, ج for j and g: فلاديفوستوك,
#: Vladivostok); the letters of long vowels (ا و ي) are read by ``arabic_readings``.
_ARABIC_CONSONANTS = {
    "ب": ("b",), "ت": ("t",), "ث": ("th",), "ج": ("j", "g"), "ح": ("h",), "خ": ("kh",), "د": ("d",), "ذ": ("dh",),
    "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh",), "ص": ("s",), "ض": ("d",), "ط": ("t",), "ظ": ("z",),
    "ع": ("",), "غ": ("g",), "ف": ("f", "v"), "ق": ("k",), "ك": ("k",), "ل": ("l",), "م": ("m",), "ن": ("n",),
    "ه": ("h",), "ء": ("",), "ئ": ("",), "ؤ": ("",), "پ": ("p",), "چ": ("ch",), "گ": ("g",), "ڤ": ("v",),
}
#: ``arabic_readings`` gives at most this many spellings of a word (its letters of two readings multiply them).
ARABIC_READINGS = 8


def arabic_readings(word: str) -> list[str]:
    """The Latin spellings a name of another language written in Arabic letters may have: its long vowels read as
    vowels (ا as a; و as u and ي as i after a consonant, as v and y before a vowel or at the start), ف as f or v,
    ج as j or g, a closing ة as a (أوسوريسك: "usurisk", Ussuriysk; خاسان: "khasan"; فلاديفوستوك: "vladivustuk").
    The readings of a name of several words run them together, as ``comparable`` does (دونغ دانغ: "dungdang").
    ``[]`` for a word with a letter of another script."""
    readings = [""]
    for part in name_key(word).split(" "):  # أ إ آ as ا, ى as ي, ة as ه
        readings = [r + s for r in readings for s in _arabic_word_readings(part)][:ARABIC_READINGS]
    return readings


def _arabic_word_readings(word: str) -> list[str]:
    """``arabic_readings`` of one word."""
    readings = [""]
    for k, ch in enumerate(word):
        before, after = word[k - 1] if k else "", word[k + 1] if k + 1 < len(word) else ""
        if ch == "ا":
            sounds: tuple[str, ...] = ("",) if after in ("و", "ي") and k == 0 else ("a",)
        elif ch in ("و", "ي"):
            vowel = before in _ARABIC_CONSONANTS or (k == 1 and before == "ا")
            sounds = (("u" if ch == "و" else "i"),) if vowel and after != "ا" else (("v" if ch == "و" else "y"),)
        elif ch == "ه" and not after and k > 1:
            sounds = ("a", "h")
        elif ch in _ARABIC_CONSONANTS:
            sounds = _ARABIC_CONSONANTS[ch]
        else:
            return []
        readings = [r + s for r in readings for s in sounds][:ARABIC_READINGS]
    return readings


def consonants(spelling: str) -> str:
    """A comparable romanisation's first letter and its consonants after it, each run of one
    letter merged: what Arabic writes, which leaves short vowels out and writes long ones as the
    letters for w and y (``comparable`` writes w as v): "alkhfjy" and "alkhafji" both give
    "alkhfj", "hvly" and "havalli" "hl"."""
    return spelling[:1] + regex.sub(r"(.)\1+", r"\1", regex.sub("[aeiouyvw]", "", spelling[1:]))


@lru_cache(maxsize=8)
def countries_speaking(lang: str) -> frozenset[str]:
    """The countries where ``lang`` is an official language (ISO 3166 codes, from CLDR by way
    of babel)."""
    from babel.core import get_global

    return frozenset(code for code, langs in get_global("territory_languages").items()
                     if langs.get(lang, {}).get("official_status") in ("official", "de_facto_official"))


_COMPARABLE_RULES = (("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"))
_NASAL_BEFORE_VELAR = regex.compile(r"m(?=[gk])")


def comparable(name: str) -> str:
    """Romanisation with only the mildest spelling variants merged, vowels kept.

    Used to check a skeleton match: ``comparable("खासन") == "khasn"`` is close to
    ``"khasan"`` but far from ``"hyesan"``.
    """
    return _rewrite(_NASAL_BEFORE_VELAR.sub("n", romanize(name)), _COMPARABLE_RULES)


#: The language whose word frequencies stand for a script (for telling words from names).
SCRIPT_LANGUAGES = {
    "Devanagari": ("hi",), "Hangul": ("ko",), "Cyrillic": ("ru",), "Arabic": ("ar",), "Hebrew": ("he",),
    "Greek": ("el",), "Thai": ("th",), "Bengali": ("bn",), "Tamil": ("ta",), "Latin": ("en", "de", "fr"),
}


@lru_cache(maxsize=16)
def _frequencies(languages: tuple[str, ...]) -> tuple[Any, array]:
    """wordfreq's words of ``languages`` and how common each is (the most, among the languages): a trie of
    the words (marisa ``Trie``: word -> id) and each one's Zipf value, by id; kept in the cache: it loads at
    once, where wordfreq's own packed lists, or a dict, take a noticeable share of a batch run's start-up,
    and is read faster than a trie holding the values (and one trie of a script's languages faster than
    one each)."""
    from importlib.metadata import version

    import marisa_trie

    from .cache import cache_dir, cached, load_pickle, save_pickle

    def build() -> tuple[Any, array]:
        from wordfreq import get_frequency_dict, get_frequency_list

        if len(languages) > 1:  # from the languages' own tries, the words in no dict (a million of them)
            parts = [_frequencies.__wrapped__((lang,)) for lang in languages]  # not kept: a first run's memory
            trie = marisa_trie.Trie(itertools.chain.from_iterable(words.iterkeys() for words, _ in parts))
            zipf = array("d", bytes(8 * len(trie)))
            for words, values in parts:
                for word, k in words.iteritems():
                    at = trie[word]
                    if values[k] > zipf[at]:
                        zipf[at] = values[k]
            return trie, zipf
        try:
            found = get_frequency_dict(languages[0])  # wordfreq's own dict, not a copy
        except (LookupError, ValueError):
            found = {}
        trie = marisa_trie.Trie(w for w, f in found.items() if f > 0)
        zipf = array("d", bytes(8 * len(trie)))
        for word, k in trie.iteritems():
            zipf[k] = math.log10(found[word]) + 9
        # wordfreq keeps every list and dict it has read (some 70 MB a language): the trie stands for them now
        get_frequency_dict.cache_clear()
        get_frequency_list.cache_clear()
        return trie, zipf

    path = cache_dir() / f"wordfreq-{version('wordfreq')}-{'+'.join(languages)}.zipf.pickle"
    return cached(path, lambda p: load_pickle(p, tuple), build, save_pickle)


@lru_cache(maxsize=131072)
def word_zipf(word: str, languages: tuple[str, ...] | None = None) -> float:
    """How common ``word`` is as an ordinary word (Zipf scale, 0-8): the most it is in ``languages``, by default
    the main languages of the word's script."""
    if languages is not None:
        groups = [(lang,) for lang in languages]
    else:  # the script's languages, looked up in one trie
        script = script_of(word)
        groups = [SCRIPT_LANGUAGES[script]] if script in SCRIPT_LANGUAGES else []
    best = 0.0
    low = word.casefold()
    for group in groups:
        words, zipf = _frequencies(group)
        k = words.get(low)
        if k is not None and zipf[k] > best:
            best = zipf[k]
    return best


#: Languages told apart by ``language_of`` (those of the Latin script that wordfreq knows).
DETECTED_LANGUAGES = ("en", "fr", "es", "it", "pt", "ca", "ro", "nl", "de", "da", "nb", "sv", "is", "fi", "hu",
                      "pl", "cs", "sk", "sl", "lt", "lv", "tr", "id")
#: How many of each language's most common words ``language_of`` looks for; and, where those do not tell (a short
#: text in one of several Romance languages, which share them: "de", "a", "el"), how many then.
FUNCTION_WORDS = 100
COMMON_WORDS = 1000


@lru_cache(maxsize=2)
def _function_words(n: int = FUNCTION_WORDS) -> dict[str, tuple[str, ...]]:
    """Each of the ``n`` most common words of the ``DETECTED_LANGUAGES``, with the languages it is so in."""
    from importlib.metadata import version

    from .cache import cache_dir, cached, load_pickle, save_pickle

    def build() -> dict[str, tuple[str, ...]]:
        from wordfreq import top_n_list

        found: dict[str, list[str]] = {}
        for lang in DETECTED_LANGUAGES:
            for word in top_n_list(lang, n):
                found.setdefault(word, []).append(lang)
        return {w: tuple(langs) for w, langs in found.items()}

    path = cache_dir() / f"wordfreq-{version('wordfreq')}-top{n}.pickle"
    return cached(path, lambda p: load_pickle(p, dict), build, save_pickle)


@lru_cache(maxsize=4096)
def country_name(code: str, lang: str) -> str:
    """What language ``lang`` (ISO 639-1) calls country ``code`` (CLDR, by babel), or ``""``."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang).territories.get(code, "")
    except (UnknownLocaleError, ValueError):
        return ""


def language_of(text: str, sample: int = 3000) -> str | None:
    """The language of a text in the Latin script, from its most common words (ISO 639-1), or
    None when too few of them are there to tell (a headline, a tweet).

    The words of the first ``sample`` characters are counted: a word that is among the
    ``FUNCTION_WORDS`` most common of a language votes for it, shared equally when it is so in
    several ("in": English, German, Dutch...); where those do not tell, the ``COMMON_WORDS`` most common.
    """
    found = _TOKEN.findall(text[:sample].casefold())  # strings, not match objects: quicker
    return _voted_language(found, _function_words()) or _voted_language(found, _function_words(COMMON_WORDS))


def _voted_language(found: list[str], words: dict[str, tuple[str, ...]]) -> str | None:
    """The language the words ``found`` vote for, each of ``words`` (the most common of languages) for its languages
    in equal shares; ``None`` unless three votes or more, half again as many as the next language's."""
    votes: dict[str, float] = {}
    for word in found:
        langs = words.get(word)
        if langs:
            for lang in langs:
                votes[lang] = votes.get(lang, 0.0) + 1.0 / len(langs)
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return best if count >= 3 and count >= 1.5 * runner_up else None


def normalized_spelling(name: str) -> str:
    """Romanisation with all the skeleton's spelling rules applied, vowels kept ("하산" -> "hasan")."""
    return _rewrite(romanize(name), _SKELETON_RULES)


def _rewrite(s: str, rules: tuple[tuple[str, str], ...]) -> str:
    for old, new in rules:
        s = s.replace(old, new)
    return s


def prefix_variants(surface: str) -> list[str]:
    """Spellings a name may be looked up under in scripts whose words take prefixes
    (``morphology.toml``: ``prefixes`` written onto the name, ``split_before`` a word run together
    with the one before it, ``article`` taken off a one-word name or put on it): بحفرالباطن ->
    حفرالباطن, بحفر الباطن, حفر الباطن; ضبعة -> الضبعة."""
    rules = morphology().get(script_of(surface), {})
    prefixes = rules.get("prefixes", [])
    out = [surface[len(p):] for p in prefixes if surface.startswith(p) and len(surface) > len(p) + 3]
    # a conjunction before another prefix (وبالرياض: and in Riyadh), and the article's first letter
    # that a prefix takes the place of (للقاهرة: to Cairo, ل + القاهرة)
    out += [form[len(p):] for form in out[:] for p in prefixes if form.startswith(p) and len(form) > len(p) + 3
            and surface[:len(surface) - len(form)] in rules.get("conjunctions", [])]
    out += [after + form[len(before):] for before, after in rules.get("elided", {}).items()
            for form in (surface, *out) if form.startswith(before) and len(form) > len(before) + 2]
    if (article := rules.get("article")) and " " not in surface:  # ضبعة is الضبعة (El Dabaa)
        out.append(surface[len(article):] if surface.startswith(article) else article + surface)
    for form in [surface, *out]:
        for joined in rules.get("split_before", []):
            k = form.find(joined, 2)
            if k > 1 and form[k - 1] != " ":
                out.append(form[:k] + " " + form[k:])
    return out


@lru_cache(maxsize=64)
def script_words(script: str, key: str) -> tuple[str, ...]:
    """The words ``morphology.toml`` lists under ``key`` for ``script``: ``region_words`` after a name that say it
    is a region's (Hindi क्षेत्र), ``region_suffixes`` written on one (Korean 주), ``railway_station_words`` beside one
    that say it is a station's ("станции", "station", Korean 역 at the name's end)."""
    return tuple(morphology().get(script, {}).get(key, ()))


@lru_cache(maxsize=16)
def designators(script: str) -> frozenset[str]:
    """Words of ``script`` that say what kind of place a name is (``morphology.toml``)."""
    return frozenset(name_key(w) for w in morphology().get(script, {}).get("designators", []))
