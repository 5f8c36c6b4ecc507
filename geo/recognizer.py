"""Stage 1a: which runs of words are place names, by a sequence model trained on annotated text.

A linear-chain CRF (CRFsuite, through ``python-crfsuite``) labels each token B (a toponym
begins), I (it goes on) or O. It weighs the word and its neighbours (spelling, shape,
capitals, how common the word is), and what the gazetteer knows of the runs that cover
it (a country, a region, a town, and how big). The model is trained by
``python -m geo.train recognizer`` on the annotated corpora and ships in the package
(``geo/data/toponyms.crfsuite``; ``$GEOJOURNEY_RECOGNIZER_MODEL`` names another); it knows the scripts it was trained on
(``TRAINED_SCRIPTS``); other texts are read by the gazetteer alone.
"""

from __future__ import annotations

import math
import os
import threading
from functools import lru_cache
from importlib import resources

import regex

from .errors import DataError
from .gazetteer import Gazetteer
from .text import Token, name_key, script_of, word_zipf

#: Scripts the shipped model has seen enough of to be trusted with.
TRAINED_SCRIPTS = frozenset({"Latin", "Arabic"})
MODEL_FILE = "toponyms.crfsuite"
#: Dotted abbreviations ("U.S.", "D.C.", "W.Va.") are one token; so is every other word, and every
#: other non-space character.
_TOKEN = regex.compile(r"(?:\p{L}{1,3}\.){2,}|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]")
#: A token is in a toponym when the model gives it at least this probability (marginal over
#: its labels): lower than one half, since a name the model half-knows is more often a place
#: than not (held-out F1 +2.5 points on GeoWebNews, +1 on LGL).
INSIDE_PROBABILITY = 0.25
#: ... or this much, for a run of tokens the gazetteer knows as a name: the model has not ruled it
#: out, and the gazetteer vouches for it ("left Anadyr and arrived in Nome").
KNOWN_NAME_PROBABILITY = 0.04
#: ... unless it is one everyday word ("Zug", train): then the model must say so.
EVERYDAY_WORD_ZIPF = 4.0
_SENTENCE_END = set(".!?:;\"“”«»\n")
_local = threading.local()


def tagger_tokens(text: str) -> list[Token]:
    """Words, and every other non-space character on its own ("China", "’", "s")."""
    return [Token(m.group(), *m.span()) for m in _TOKEN.finditer(text)]


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


def gazetteer_marks(text: str, toks: list[Token], gazetteer: Gazetteer) -> list[tuple[str, ...]]:
    """For each token, what the gazetteer says of the longest name that covers it."""
    marks: list[tuple[str, ...]] = [()] * len(toks)
    keys = [name_key(t.text) for t in toks]
    covered = 0  # tokens before this are in a name found already
    # a name starts at a word that is not lower-case and begins some name of the gazetteer
    for i in [i for i, t in enumerate(toks) if keys[i] and not t.text[0].islower()]:
        if i < covered or not (longest := gazetteer.name_length(keys[i])):
            continue
        hit = None
        # grow the run word by word while some name goes on so; a name of k words spans at most
        # 2k - 1 tokens ("Gilgit - Baltistan") and runs on with one space at most
        key = ""
        for n in range(1, min(2 * longest - 1, len(toks) - i) + 1):
            last = toks[i + n - 1]
            if n > 1 and last.start - toks[i + n - 2].end > 1:
                break
            if keys[i + n - 1]:
                key = f"{key} {keys[i + n - 1]}" if key else keys[i + n - 1]
            if last.text[0].isalnum() and gazetteer.knows(key):
                hit = (n, key)
            if not gazetteer.knows_prefix(key + " "):
                break
        if hit is None:
            continue
        n, key = hit
        kind, population = gazetteer.name_kind(key)
        common = (f"gz:{kind}", f"gz:size={_size_class(population)}", f"gz:n={min(n, 3)}")
        for k in range(n):
            marks[i + k] = (("gz:B" if k == 0 else "gz:I"), *common)
        covered = i + n
    return marks


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


def token_features(text: str, toks: list[Token], gazetteer: Gazetteer,
                   marks: list[tuple[str, ...]] | None = None) -> list[list[str]]:
    """The feature strings of each token, for the CRF."""
    marks = gazetteer_marks(text, toks, gazetteer) if marks is None else marks
    own = [_word_features(t.text) for t in toks]
    # what each word lends its neighbours, with the text's edges beyond both ends
    context = [_EDGE, _EDGE, *(_context_features(t.text) for t in toks), _EDGE, _EDGE]
    before = [_context_marks(-1, m) if m else () for m in marks[:-1]]
    after = [_context_marks(1, m) if m else () for m in marks[1:]]
    starts = [("sent_start",) if i == 0 or _sentence_start(text, t.start) else () for i, t in enumerate(toks)]
    return [["bias", *o, *m, *s, *p2[0], *p1[1], *pm, *n1[2], *nm, *n2[3]]
            for o, m, s, p2, p1, pm, n1, nm, n2 in zip(own, marks, starts, context, context[1:], [(), *before],
                                                       context[3:], [*after, ()], context[4:])]


def _sentence_start(text: str, start: int) -> bool:
    """True when the token at ``start`` follows a line or sentence end (or nothing)."""
    before = text[start - 2 if start >= 2 else 0:start].strip()
    return not before or before[-1] in _SENTENCE_END


def _tagger():
    """The shipped model, opened once per thread (a CRFsuite tagger is not thread-safe)."""
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        override = os.environ.get("GEOJOURNEY_RECOGNIZER_MODEL")
        if override:  # a model of the user's own (as the held-out evaluation trains)
            try:
                tagger.open(override)
            except (OSError, ValueError) as exc:
                raise DataError(f"recognizer model {override}: cannot open it ({exc})") from None
        else:
            with resources.as_file(resources.files("geo.data").joinpath(MODEL_FILE)) as path:
                tagger.open(str(path))
        _local.tagger = tagger
    return tagger


@lru_cache(maxsize=1)
def model_available() -> bool:
    """True when there is a model to read with (checked once a process, not once a document)."""
    return bool(os.environ.get("GEOJOURNEY_RECOGNIZER_MODEL")) or resources.files("geo.data").joinpath(MODEL_FILE).is_file()


def toponym_spans(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """``(start, end)`` of every run of tokens the model labels a toponym, in text order."""
    toks = tagger_tokens(text)
    if not toks:
        return []
    tagger = _tagger()
    marks = gazetteer_marks(text, toks, gazetteer)
    tagger.set(token_features(text, toks, gazetteer, marks))
    spans: list[tuple[int, int]] = []
    start = last = None  # the run's start and its last word (a run never ends on "," or ".")
    for i, tok in enumerate(toks):
        p_in = 1.0 - tagger.marginal("O", i)  # B or I
        known = marks[i] and (marks[i][3] != "gz:n=1" or word_zipf(tok.text) < EVERYDAY_WORD_ZIPF)
        inside = p_in >= (KNOWN_NAME_PROBABILITY if known else INSIDE_PROBABILITY)
        if inside and (start is None or tagger.marginal("B", i) > tagger.marginal("I", i)):
            if last is not None:
                spans.append((start, last.end))
            start, last = tok.start, None
        elif not inside and start is not None:
            if last is not None:
                spans.append((start, last.end))
            start = last = None
        if start is not None and tok.text[0].isalnum():
            last = tok
    if start is not None and last is not None:
        spans.append((start, last.end))
    return spans


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
