"""Fit the small models geojourney ships, from annotated corpora the user names.

    python -m geo.train resolver CORPUS.jsonl [...] [--points-from CORPUS.jsonl ...] [--holdout CORPUS.jsonl ...]
    python -m geo.train recognizer CORPUS.jsonl [...] [--holdout CORPUS.jsonl ...]

Corpora are JSON lines ``{"id", "text", "toponyms": [{"start", "end", "lat", "lon"}]}`` (the
format of the evaluation corpora); ``FILE:ar,de`` takes only the documents in those languages,
so that corpora annotated by other rules (tweets that leave demonyms out) can lend one language.
The resolver is a conditional logit over each mention's candidates (``geo.resolve.FEATURES``); its
weights go to ``geo/data/resolver.json``, with the points the corpora agree on for the countries,
continents and regions they name (``usual_points``); ``--points-from`` corpora place the areas the others
never name, move the others' to a point that suits both where one does (``shared_points``), and teach no
weights. Beside the weights goes a calibration of the resolver's probability into ``confidence``, fitted on its
choices in documents its weights were not fitted on (``calibration_outcomes``, ``fit_calibration``). The
recognizer is a CRF over tokens (``geo.recognizer``), written to ``geo/data/toponyms.crfsuite``. With
``--holdout`` the corpora named there are left out of the fit and scored, so a figure for text the model never
saw is printed beside the fit.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .resolve import FittedResolver
    from .text import Token

#: L2 penalty of the fit (per weight).
RIDGE = 0.01
HIT_KM = 161.0


def read_corpus(spec: str | Path) -> list[dict]:
    """Documents of a JSON-lines corpus (split on "\\n" only: texts may hold U+2028).

    ``FILE:ar,de`` keeps the documents in those languages only.
    """
    path, _, langs = str(spec).partition(":")
    docs = [json.loads(x) for x in Path(path).read_text("utf-8").split("\n") if x.strip()]
    return [d for d in docs if d.get("lang") in langs.split(",")] if langs else docs


#: An area (a country, continent or region) is placed where annotators put it when at least this many of
#: its mentions in the training corpora are annotated: one will do, where no other disagrees (the corpora's
#: annotators put areas at GeoNames' points, which no installed package carries for states and provinces:
#: Manitoba at 55, -97, 360 km north of the middle of its towns) ...
AREA_POINT_MIN_MENTIONS = 1
#: ... two thirds of them within 161 km of their middle (the median of their latitudes and longitudes), each
#: corpus weighing the same however often it names the area (LGL's 25 mentions of Canada do not outvote
#: GeoWebNews's 27 and GeoCorpora's 6 put elsewhere) ...
AREA_POINT_AGREEMENT = 2 / 3
#: ... counting only the mentions annotated this near the gazetteer's point for it, and nearer it than any other
#: area among their candidates (a mention meaning another place of the name, Jordan in Minnesota, says nothing of
#: where the country is; Franklin County, Ohio, nothing of where Franklin County, Kentucky, is).
AREA_POINT_MAX_SHIFT_KM = 1500.0
#: ... or this near, for a county (a second-level region): a point farther is another place's ("New York" annotated
#: at the state's point teaches nothing of New York County, Manhattan; "Red River" of Red River County, Texas).
COUNTY_POINT_MAX_SHIFT_KM = 100.0


def resolver_examples(docs: list[dict], gazetteer, area_points: dict[str, list[tuple[float, float]]] | None = None
                      ) -> list[tuple[np.ndarray, np.ndarray]]:
    """One (features, labels) pair per gold mention found with two or more plausible candidates
    of which at least one lies within 161 km of the gold point. ``area_points``, when given, gathers the
    gold point of each mention for the country, continent or region among its candidates nearest to it, if
    within ``AREA_POINT_MAX_SHIFT_KM`` (``usual_points``): the area the mention means, not every area of its name
    (Franklin County, Ohio's point is no point of Franklin County, Kentucky)."""
    return [e for _, examples in examples_by_document(docs, gazetteer, area_points) for e in examples]


def examples_by_document(docs: list[dict], gazetteer, area_points: dict[str, list[tuple[float, float]]] | None = None
                         ) -> list[tuple[list, list[tuple[np.ndarray, np.ndarray]]]]:
    """``resolver_examples`` document by document, each with the mentions found in it (unresolved)."""
    from .mentions import find_mentions
    from .resolve import _implausible, candidate_features, haversine_km, story_context

    by_document = []
    for doc in docs:
        out: list[tuple[np.ndarray, np.ndarray]] = []
        by_document.append((find_mentions(doc["text"], gazetteer, doc.get("lang")), out))
        gold = {(t["start"], t["end"]): t for t in doc["toponyms"] if t.get("lat") is not None}
        mentions = by_document[-1][0]
        ctx = story_context(mentions)
        for m in mentions:
            t = gold.get((m.start, m.end))
            if t is None:
                continue
            if area_points is not None:  # the area the mention means: of its areas, the nearest to the gold point
                near = min(((haversine_km(t["lat"], t["lon"], c.place.lat, c.place.lon), c.place.source,
                             c.place.is_county) for c in m.candidates if c.place.is_context), default=None)
                if near is not None and near[0] <= (COUNTY_POINT_MAX_SHIFT_KM if near[2] else AREA_POINT_MAX_SHIFT_KM):
                    area_points.setdefault(near[1], []).append((t["lat"], t["lon"]))
            cands = [c for c in m.candidates if not _implausible(c, ctx)]
            if len(cands) < 2:
                continue
            biggest = max(c.place.population for c in m.candidates)
            labels = np.array([haversine_km(t["lat"], t["lon"], c.place.lat, c.place.lon) <= HIT_KM for c in cands])
            if labels.any() and not labels.all():
                out.append((np.array([candidate_features(c, m, ctx, biggest) for c in cands]), labels))
    return by_document


def usual_points(per_corpus: list[dict[str, list[tuple[float, float]]]]) -> dict[str, list[float]]:
    """Where the annotators put each area mentioned often enough and in agreement (``AREA_POINT_*``): the
    median of their points, by the place's source. ``per_corpus`` holds each corpus's points by source
    (``resolver_examples``); every corpus that names an area weighs the same in its median and agreement, as
    in the resolver's fit, so one corpus's convention does not outvote the others by naming the area more
    often (LGL puts Canada at 60, -96 where GeoWebNews and GeoCorpora put it at 60.1, -113.6, GeoNames' point)."""
    from .resolve import haversine_km

    found = {}
    for source in sorted({source for corpus in per_corpus for source in corpus}):
        groups = [corpus[source] for corpus in per_corpus if corpus.get(source)]
        points = [p for group in groups for p in group]
        if len(points) < AREA_POINT_MIN_MENTIONS:
            continue
        weights = np.array([1.0 / len(group) for group in groups for _ in group])
        lat, lon = _median_point(points, weights)
        near = np.array([haversine_km(lat, lon, *p) <= HIT_KM for p in points])
        if weights[near].sum() >= AREA_POINT_AGREEMENT * weights.sum() - 1e-9:
            found[source] = [round(lat, 4), round(lon, 4)]
    return found


#: A name no gazetteer entry has is placed where the training corpora's annotators put it, two thirds of its
#: mentions within 161 km of their middle (``AREA_POINT_AGREEMENT``) where they annotate it more than once; one
#: that is also an everyday word (Zipf ``EVERYDAY_NAME_ZIPF`` in its script's languages: أكتوبر, October, of the
#: town 6th of October; "Latin") only where they annotate it twice at least.
EVERYDAY_NAME_ZIPF = 3.0
#: A word for a kind of place alone names the place the story is about (المحافظة, the governorate): it is placed
#: only where the annotators name it often and nearly always at one place (المملكة, the Kingdom: Saudi Arabia in
#: 36 of IDRISI's 40).
KIND_WORD_MIN_MENTIONS = 10
KIND_WORD_AGREEMENT = 0.9


def unknown_names(docs: list[dict], gazetteer, points: dict[str, list[tuple[float, float]]],
                  spellings: dict[str, Counter], kind_words: set[str]) -> None:
    """Gather into ``points`` the annotated point of each mention the gazetteer has no entry for (``name_key`` of
    its words: معهد الأورام, the cancer institute in Cairo; Cairo's Al Manyal), or only towns far from it, into
    ``spellings`` how often each spelling of it is written (without a hashtag's ``#`` and ``_``), and into
    ``kind_words`` those that are only a word for a kind of place (``designators``: المملكة, the Kingdom)."""
    from .mentions import _span_candidates
    from .resolve import haversine_km
    from .text import designators, name_key, prefix_variants, script_of

    for doc in docs:
        text, lang = doc["text"], doc.get("lang")
        for t in doc["toponyms"]:
            if t.get("lat") is None:
                continue
            # nor a town of the name within 161 km of where the annotators put it (Mati, the Greek resort: GeoNames'
            # cities500 has the Philippine city alone); an area it may name is placed as areas are (``usual_points``)
            cands = _span_candidates(text, t["start"], t["end"], gazetteer, lang)
            if any(c.place.is_context or haversine_km(t["lat"], t["lon"], c.place.lat, c.place.lon) <= HIT_KM
                   for c in cands):
                continue
            said = text[t["start"]:t["end"]]
            key = name_key(said)
            if not any(ch.isalpha() for ch in key):  # a number ("215", an area code; a post's user id) is no name
                continue
            points.setdefault(key, []).append((t["lat"], t["lon"]))
            written = " ".join(said.replace("#", " ").replace("_", " ").split())
            spellings.setdefault(key, Counter())[written] += 1
            if {name_key(form) for form in (said, *prefix_variants(said))} & designators(script_of(said)):
                kind_words.add(key)


def learned_names(corpora: list[list[dict]], gazetteer) -> dict[str, list]:
    """The names of ``corpora`` no gazetteer entry has (``unknown_names``), where their annotators put them
    (``EVERYDAY_NAME_ZIPF``, ``KIND_WORD_MIN_MENTIONS``; every corpus weighs the same, as in ``usual_points``), by
    ``name_key``: [lat, lon, the country of the nearest GeoNames place within 50 km or "", the spelling written
    most]."""
    from .gazetteer import _nearest_countries
    from .resolve import haversine_km
    from .text import word_zipf

    per_corpus: list[dict[str, list[tuple[float, float]]]] = [{} for _ in corpora]
    spellings: dict[str, Counter] = {}
    kind_words: set[str] = set()
    for docs, points in zip(corpora, per_corpus):
        unknown_names(docs, gazetteer, points, spellings, kind_words)
    placed = usual_points(per_corpus)

    def learned(key: str) -> bool:
        points = [p for corpus in per_corpus for p in corpus.get(key, ())]
        if key in kind_words:
            return len(points) >= KIND_WORD_MIN_MENTIONS and sum(
                haversine_km(*placed[key], *p) <= HIT_KM for p in points) >= KIND_WORD_AGREEMENT * len(points)
        return len(points) > 1 or word_zipf(key) < EVERYDAY_NAME_ZIPF

    keys = [k for k in sorted(placed) if learned(k)]
    countries = _nearest_countries(gazetteer.base, np.array([placed[k][0] for k in keys], dtype=float),
                                   np.array([placed[k][1] for k in keys], dtype=float))
    return {k: [*placed[k], country, min(spellings[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]]
            for k, country in zip(keys, countries)}


def shared_points(points: dict[str, list[float]], main: list[dict[str, list[tuple[float, float]]]],
                  more: list[dict[str, list[tuple[float, float]]]]) -> dict[str, list[float]]:
    """``points`` (``usual_points`` of the corpora in ``main``) moved, area by area, to where they also agree with
    the corpora in ``more`` (``--points-from``), where a point does so and agrees with ``main`` as well as before.

    Corpora put an area by their own conventions: GeoWebNews, LGL and GeoCorpora put the United States at
    GeoNames' 39.76, -98.5 and Saudi Arabia at 25, 45; IDRISI at 39.78, -100.45 (166 km west) and 25.62, 42.35
    (275 km). The point kept is, of each corpus's point (the median of its mentions), ``points``' and the midpoints
    between two of them, the one within ``HIT_KM`` of the most of ``more``'s mentions among those within it of as
    many of ``main``'s as ``points``' own; each corpus counts the same, however often it names the area. Ties keep
    ``points``' (then the nearer to it): no convention of ``more`` moves an area the others place, unless a point
    suits both (the United States 83 km from each convention's point, Saudi Arabia 137 km).
    """
    from .resolve import haversine_km

    def coverage(point: tuple[float, float], corpora: list[dict], source: str) -> float:
        groups = [corpus[source] for corpus in corpora if corpus.get(source)]
        return sum(sum(haversine_km(*point, *p) <= HIT_KM for p in group) / len(group) for group in groups)

    moved = dict(points)
    for source, point in points.items():
        if not any(corpus.get(source) for corpus in more):
            continue
        point = tuple(point)
        ends = [point] + [_median_point(group, np.ones(len(group)))
                          for group in (corpus[source] for corpus in (*main, *more) if corpus.get(source))]
        # each candidate's (main's coverage, more's coverage), worked out once
        scored = {c: (coverage(c, main, source), coverage(c, more, source))
                  for c in ends + [_midpoint(a, b) for k, a in enumerate(ends) for b in ends[k + 1:]]}
        floor = scored[point][0] - 1e-9
        best = max(scored, key=lambda c: (scored[c][0] >= floor, scored[c][1], scored[c][0], -haversine_km(*point, *c)))
        if scored[best][0] >= floor and scored[best][1] > scored[point][1]:
            moved[source] = [round(best[0], 4), round(best[1], 4)]
    return moved


def _median_point(points: list[tuple[float, float]], weights: np.ndarray) -> tuple[float, float]:
    """The weighted median latitude and longitude of ``points`` (``_median`` of each)."""
    return (_median(np.array([p[0] for p in points]), weights), _median(np.array([p[1] for p in points]), weights))


def _midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The point halfway between ``a`` and ``b`` (latitude, longitude in degrees) on the great circle between them."""
    from .gazetteer import unit_vectors

    x, y, z = unit_vectors(np.array([a[0], b[0]]), np.array([a[1], b[1]])).sum(axis=0)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _median(values: np.ndarray, weights: np.ndarray) -> float:
    """The median of ``values``, each counted by its weight, taken as ``np.median`` takes it: the mean of the two
    middle values where they part the weight evenly (``geo.resolve``'s story centre takes the lower one; here an
    even split of one corpus's mentions must give the median it always gave)."""
    order = np.argsort(values, kind="stable")
    values, cumulative = values[order], np.cumsum(weights[order])
    half = cumulative[-1] / 2
    i = int(np.searchsorted(cumulative, half - 1e-9 * cumulative[-1]))
    if math.isclose(cumulative[i], half, rel_tol=1e-9) and i + 1 < len(values):
        return float((values[i] + values[i + 1]) / 2)
    return float(values[i])


def fit_resolver(examples: list[tuple[np.ndarray, np.ndarray]], weights: list[float] | None = None) -> np.ndarray:
    """Weights maximising the probability of the right candidates (softmax over each mention's),
    each example counted ``weights[k]`` times (once by default)."""
    from scipy.optimize import minimize

    counts = np.ones(len(examples)) if weights is None else np.asarray(weights, dtype=float)

    def loss(w):
        total, grad = RIDGE * w @ w, 2 * RIDGE * w
        for (x, y), k in zip(examples, counts):
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            right = p[y].sum()
            total -= k * math.log(max(right, 1e-12))
            # gradient of -log sum_{y} p: E_p[x] - E_{p|y}[x]
            grad = grad + k * (p @ x - (p[y] / right) @ x[y])
        return total / counts.sum(), grad / counts.sum()

    n = examples[0][0].shape[1]
    return minimize(loss, np.zeros(n), jac=True, method="L-BFGS-B").x


#: The calibration of ``confidence`` is fitted on the resolver's choices in documents its weights were not fitted
#: on: the training documents in this many folds, each resolved by weights fitted on the others.
CALIBRATION_FOLDS = 5
#: L2 penalty of the calibration's fit (per weight but the bias).
CALIBRATION_RIDGE = 0.001
#: Fewer mentions placed than this, or none right or none wrong, calibrate nothing: ``confidence`` is then the
#: resolver's probability.
CALIBRATION_MIN_MENTIONS = 100


def calibration_outcomes(by_document: list[list[tuple[list, list]]], docs: list[list[dict]], fitted: FittedResolver,
                         more_by_document: list[list[tuple[list, list]]] = (), more_docs: list[list[dict]] = ()
                         ) -> list[list[tuple[list[float], bool]]]:
    """For each corpus, (``calibration_features``, right) for every gold mention with a point that the resolver
    places by its candidates (not an annotated name): right when within 161 km of the gold point. Each document
    is resolved by weights fitted, as ``main`` fits them, on the documents of the other ``CALIBRATION_FOLDS`` - 1
    folds of every corpus, with the points and names of ``fitted``; each of the ``more`` corpora, which teach no
    weights (``--points-from``), by ``fitted`` itself."""
    from .resolve import resolve

    out: list[list[tuple[list[float], bool]]] = [[] for _ in docs]
    for fold in range(CALIBRATION_FOLDS):
        train = [[e for k, (_, examples) in enumerate(corpus) if k % CALIBRATION_FOLDS != fold for e in examples]
                 for corpus in by_document]
        train = [examples for examples in train if examples]
        flat = [e for examples in train for e in examples]
        if not flat:  # too few documents to leave a fold out
            continue
        w = fit_resolver(flat, [len(flat) / len(train) / len(examples) for examples in train for _ in examples])
        fold_fitted = fitted._replace(weights=w, calibration=None)
        for corpus, corpus_docs, rows in zip(by_document, docs, out):
            for k, ((mentions, _), doc) in enumerate(zip(corpus, corpus_docs)):
                if k % CALIBRATION_FOLDS == fold:
                    resolve(mentions, fitted=fold_fitted)
                    rows.extend(_placed_outcomes(mentions, doc))
    for corpus, corpus_docs in zip(more_by_document, more_docs):
        out.append([])
        for (mentions, _), doc in zip(corpus, corpus_docs):
            resolve(mentions, fitted=fitted)
            out[-1].extend(_placed_outcomes(mentions, doc))
    return out


def _placed_outcomes(mentions: list, doc: dict) -> list[tuple[list[float], bool]]:
    """(``calibration_features``, within 161 km of the gold point) for each resolved mention of ``doc`` that is a
    gold mention with a point, but those placed where annotators put the name."""
    from .resolve import calibration_features, haversine_km

    gold = {(t["start"], t["end"]): t for t in doc["toponyms"] if t.get("lat") is not None}
    return [(calibration_features(m.probability, m.match, m.place),
             haversine_km(t["lat"], t["lon"], m.place.lat, m.place.lon) <= HIT_KM)
            for m in mentions if (t := gold.get((m.start, m.end))) is not None and m.place is not None
            and m.match != "annotated"]


def fit_calibration(outcomes: list[list[tuple[list[float], bool]]]) -> np.ndarray | None:
    """A logistic regression of whether the resolver was right on ``calibration_features``, each corpus weighing
    the same (``calibration_outcomes``); None with too few outcomes to learn from (``CALIBRATION_MIN_MENTIONS``)."""
    from scipy.optimize import minimize

    outcomes = [corpus for corpus in outcomes if corpus]
    rows = [r for corpus in outcomes for r in corpus]
    if len(rows) < CALIBRATION_MIN_MENTIONS or len({right for _, right in rows}) < 2:
        return None
    x = np.array([f for f, _ in rows])
    y = np.array([right for _, right in rows], dtype=float)
    k = np.array([len(rows) / len(outcomes) / len(corpus) for corpus in outcomes for _ in corpus])
    penalty = np.full(x.shape[1], CALIBRATION_RIDGE)
    penalty[0] = 0.0

    def loss(w):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        total = k @ (np.logaddexp(0.0, z) - y * z) / k.sum() + penalty @ (w * w)
        return total, x.T @ (k * (p - y)) / k.sum() + 2 * penalty * w

    return minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x


def calibration_error(outcomes: list[tuple[list[float], bool]], calibration: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: the mean gap, over ``bins`` equal bins of confidence, between the mean
    confidence and the share right, weighed by the mentions in each bin."""
    chances = 1.0 / (1.0 + np.exp(-np.array([f for f, _ in outcomes]) @ calibration))
    right = np.array([r for _, r in outcomes], dtype=float)
    which = np.minimum((chances * bins).astype(int), bins - 1)
    return float(sum(abs(chances[which == b].sum() - right[which == b].sum()) for b in range(bins)) / len(outcomes))


def accuracy(examples, w) -> float:
    """Share of mentions whose top-scored candidate is a right one."""
    return sum(bool(y[int(np.argmax(x @ w))]) for x, y in examples) / max(1, len(examples))


#: CRF training: L1 and L2 penalties (L1 keeps the model small) and L-BFGS iterations.
CRF_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def fit_recognizer(docs: list[dict], gazetteer, target: Path) -> None:
    """Train the toponym CRF on ``docs`` and write it to ``target``."""
    import pycrfsuite

    from .recognizer import bio_labels, gazetteer_marks, tagger_tokens, token_features

    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        toks = tagger_tokens(doc["text"])
        if toks:
            spans = [(t["start"], t["end"]) for t in doc["toponyms"]]
            marks = gazetteer_marks(doc["text"], toks, gazetteer, _language(doc))
            features = token_features(doc["text"], toks, gazetteer, marks)
            labels = bio_labels(toks, spans)
            for a, b in annotated_parts(toks, spans, marks):
                trainer.append(features[a:b], labels[a:b])
    trainer.set_params(CRF_PARAMS)
    trainer.train(str(target))


#: A stretch of text this long (characters) with no toponym marked, though it names places the
#: gazetteer knows well, was left unannotated; so much is left of it on either side.
UNANNOTATED_GAP = 3000
UNANNOTATED_MARGIN = 500
#: ... at least this many such names (countries, regions, towns of 100,000).
UNANNOTATED_NAMES = 3


def annotated_parts(toks: list[Token], spans: list[tuple[int, int]], marks: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The token ranges ``[a, b)`` of a document to learn from: all of it, but for long stretches
    that name well-known places and mark none of them.

    Some corpora annotate only parts of their documents (HIPE-2022's German test files mark
    nothing in half their text, Wien unmarked 101 times); learning "O" for every name there
    would teach the model that Wien and Stuttgart are not places.
    """
    starts, ends = sorted(s for s, _ in spans), sorted(e for _, e in spans)
    token_starts = [t.start for t in toks]
    parts, keep_from = [], 0
    # the stretches between marks, in text order
    for lo, hi in zip([0, *ends], [*starts, toks[-1].end if toks else 0]):
        if hi - lo <= UNANNOTATED_GAP:
            continue
        inside = marks[bisect.bisect_left(token_starts, lo):bisect.bisect_left(token_starts, hi)]
        known = sum(1 for m in inside if m and m[0] == "gz:B"
                    and (m[1] in ("gz:country", "gz:region") or int(m[2].removeprefix("gz:size=")) >= 5))
        if known >= UNANNOTATED_NAMES:
            cut = bisect.bisect_left(token_starts, lo + UNANNOTATED_MARGIN)
            if cut > keep_from:
                parts.append((keep_from, cut))
            keep_from = bisect.bisect_left(token_starts, hi - UNANNOTATED_MARGIN)
    if keep_from < len(toks) or not toks:
        parts.append((keep_from, len(toks)))
    return parts


def _language(doc: dict) -> str | None:
    """A document's language, as a user's batch would give it (else as the text tells it)."""
    from .text import language_of

    return doc.get("lang") or language_of(doc["text"])


def recognition_f1(docs: list[dict], gazetteer) -> tuple[float, float, float]:
    """Exact-span precision, recall and F1 of the shipped recognizer on ``docs``."""
    from .recognizer import toponym_spans

    tp = fp = fn = 0
    for doc in docs:
        gold = {(t["start"], t["end"]) for t in doc["toponyms"]}
        found = set(toponym_spans(doc["text"], gazetteer, _language(doc)))
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


def main(argv: list[str] | None = None) -> None:
    from .gazetteer import Gazetteer
    from .resolve import CALIBRATION_FEATURES, FEATURES, FittedResolver

    ap = argparse.ArgumentParser(prog="python -m geo.train")
    ap.add_argument("model", choices=["resolver", "recognizer"])
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--holdout", nargs="*", default=[])
    ap.add_argument("--points-from", nargs="*", default=[], metavar="CORPUS",
                    help="resolver: corpora that place the areas the others never name, and move the others' areas to a "
                         "point that suits both where one does (no weights)")
    ap.add_argument("--dry-run", action="store_true", help="print the weights, do not write them")
    ap.add_argument("-o", "--output", default=None, help="write the model here instead of into the package")
    args = ap.parse_args(argv)
    gazetteer = Gazetteer()
    if args.model == "recognizer":
        _main_recognizer(args, gazetteer)
        return
    # every corpus weighs the same, however many ambiguous mentions it has: one kind of news (LGL's
    # local papers, whose Paris is in Tennessee) must not teach the resolver for all the others
    corpora = [c for c in args.corpora if c not in args.holdout]
    area_points: list[dict[str, list[tuple[float, float]]]] = [{} for _ in corpora]
    docs = [read_corpus(c) for c in corpora]
    by_document = [examples_by_document(d, gazetteer, points) for d, points in zip(docs, area_points)]
    per_corpus = [[e for _, examples in corpus for e in examples] for corpus in by_document]
    points = usual_points(area_points)
    # the --points-from corpora teach no weights: they move the areas placed to a point that suits them too, where
    # one does, and place the areas the other corpora name nowhere where they put them
    named = {source for corpus in area_points for source in corpus}
    more: list[dict[str, list[tuple[float, float]]]] = [{} for _ in args.points_from]
    more_docs = [read_corpus(c) for c in args.points_from]
    more_by_document = [examples_by_document(d, gazetteer, found) for d, found in zip(more_docs, more)]
    points = shared_points(points, area_points, more)
    points.update({s: p for s, p in usual_points(more).items() if s not in named})
    print(f"areas placed where the annotators put them: {len(points)}")
    names = learned_names([read_corpus(c) for c in [*corpora, *args.points_from]], gazetteer)
    print(f"names no gazetteer entry has (or only far), placed where the annotators put them: {len(names)}")
    train = [e for examples in per_corpus for e in examples]
    w = fit_resolver(train, [len(train) / len(per_corpus) / len(examples) for examples in per_corpus for _ in examples])
    print(f"fitted on {len(train)} ambiguous mentions: right candidate first {accuracy(train, w):.3f}")
    data = {"weights": {f: round(float(v), 4) for f, v in zip(FEATURES, w)}, "points": points, "names": names}
    outcomes = calibration_outcomes(by_document, docs, FittedResolver.from_data(data), more_by_document, more_docs)
    calibration = fit_calibration(outcomes)
    if calibration is None:
        print(f"confidence not calibrated: {sum(map(len, outcomes))} mentions placed in documents the weights were "
              f"not fitted on, too few to learn from")
    else:
        print(f"confidence calibrated on {sum(map(len, outcomes))} mentions placed in documents the weights were not "
              f"fitted on; calibration error " + ", ".join(f"{Path(c).stem} {calibration_error(o, calibration):.3f}"
                                                            for c, o in zip([*corpora, *args.points_from], outcomes)
                                                            if o))
    for c in args.holdout:
        held = resolver_examples(read_corpus(c), gazetteer)
        print(f"held out {Path(c).name}: {len(held)} ambiguous mentions, right candidate first {accuracy(held, w):.3f}")
    weights = data["weights"]
    print(json.dumps(weights))
    if not args.dry_run:
        target = Path(args.output or str(resources.files("geo.data").joinpath("resolver.json")))
        calibrated = {} if calibration is None else {
            "calibration": {f: round(float(v), 4) for f, v in zip(CALIBRATION_FEATURES, calibration)}}
        text = json.dumps({"weights": weights, **calibrated,
                           "fitted_on": [Path(c).name for c in args.corpora if c not in args.holdout],
                           **({"points_also_from": [Path(c).name for c in args.points_from]} if args.points_from else {}),
                           "points": points, "names_from": [Path(c).name for c in [*corpora, *args.points_from]],
                           "names": names}, indent=1, ensure_ascii=False)
        text = re.sub(r"\[\s+(\S+),\s+(\S+)\s+\]", r"[\1, \2]", text)  # a point a line
        text = re.sub(r'\[\s+(\S+),\s+(\S+),\s+("[A-Z]*"),\s+("(?:[^"\\]|\\.)*")\s+\]', r"[\1, \2, \3, \4]",
                      text)  # a name a line
        target.write_text(text + "\n")
        print(f"wrote {target}")


def _main_recognizer(args, gazetteer) -> None:
    import tempfile

    from . import recognizer

    docs = [d for c in args.corpora if c not in args.holdout for d in read_corpus(c)]
    target = Path(str(resources.files("geo.data").joinpath(recognizer.MODEL_FILE)))
    out = Path(tempfile.mkdtemp()) / recognizer.MODEL_FILE if args.dry_run else Path(args.output or target)
    fit_recognizer(docs, gazetteer, out)
    print(f"fitted on {len(docs)} documents: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    if args.holdout:
        recognizer.use_model(out)
        for c in args.holdout:
            p, r, f = recognition_f1(read_corpus(c), gazetteer)
            print(f"held out {Path(c).name}: P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
