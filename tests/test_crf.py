"""The CRF's label probabilities (``geo.crf``): against every labelling summed out, and against CRFsuite."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from geo import place_mentions
from geo.crf import BLOCK, CrfWeights, marginals


def _by_enumeration(scores: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Each label's probability at each token, summing every labelling's weight (small sequences only)."""
    n, labels = scores.shape
    p = np.zeros((n, labels))
    for path in itertools.product(range(labels), repeat=n):
        weight = np.exp(sum(scores[t, y] for t, y in enumerate(path))
                        + sum(transitions[a, b] for a, b in zip(path, path[1:])))
        for t, y in enumerate(path):
            p[t, y] += weight
    return p / p.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("n", [1, 2, 3, 7])
def test_marginals_are_those_of_every_labelling_summed(n):
    rng = np.random.default_rng(n)
    scores, transitions = rng.normal(0, 4, (n, 3)), rng.normal(0, 3, (3, 3))
    assert np.abs(marginals(scores, transitions) - _by_enumeration(scores, transitions)).max() < 1e-12


def test_long_sequences_in_blocks_and_widely_spread_weights():
    rng = np.random.default_rng(0)
    # a sequence of many blocks (and a part block) gives what it gives token by token, scaled at every step
    scores, transitions = rng.normal(0, 6, (BLOCK * 40 + 5, 3)), rng.normal(0, 4, (3, 3))
    blocked = marginals(scores, transitions)
    assert np.allclose(blocked.sum(axis=1), 1.0) and np.isfinite(blocked).all()
    import geo.crf

    try:
        geo.crf.BLOCK = 1
        assert np.abs(marginals(scores, transitions) - blocked).max() < 1e-12
    finally:
        geo.crf.BLOCK = BLOCK
    # transitions 80 nats apart: blocks of one token, no overflow nor division by zero
    wide = np.array([[40.0, -40.0, 0.0], [-40.0, 40.0, 0.0], [0.0, 0.0, 0.0]])
    p = marginals(scores[:300], wide)
    assert np.isfinite(p).all() and np.allclose(p.sum(axis=1), 1.0)
    short = marginals(scores[:6], wide)
    assert np.abs(short - _by_enumeration(scores[:6], wide)).max() < 1e-9


def test_weights_read_from_a_crfsuite_model_tag_as_crfsuite_does(tmp_path):
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = [(["w=paris", "title"], ["w=is", "low"], ["w=big", "low"]),
                 (["w=the", "title"], ["w=rhine", "low"], ["w=flows", "low"])]
    for words, labels in zip(sentences, [["B", "O", "O"], ["O", "B", "O"]]):
        trainer.append(list(words), labels)
    trainer.set_params({"c2": 0.01, "max_iterations": 50})
    trainer.train(str(tmp_path / "m.crfsuite"))
    model = (tmp_path / "m.crfsuite").read_bytes()
    weights = CrfWeights.of_model(model)
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    features = [["w=paris", "title", "unseen"], ["w=flows", "low", "low"], ["w=rhine", "title"]]
    tagger.set(features)
    expected = np.array([[tagger.marginal(label, i) for label in weights.labels] for i in range(3)])
    assert np.abs(marginals(weights.scores(features), weights.transitions) - expected).max() < 1e-12
    # an attribute listed twice counts twice; one the model lacks, nothing
    assert np.allclose(weights.score(["low", "low"]), 2 * weights.score(["low"]))
    assert not weights.score(["unseen"]).any()


@pytest.mark.parametrize("broken", [b"", b"lCRF" + bytes(40), b"not a model at all, just some bytes of text here"])
def test_a_file_that_is_no_crfsuite_model_is_refused(broken):
    with pytest.raises(ValueError):
        CrfWeights.of_model(broken)


def test_a_model_cut_short_is_refused():
    from geo.recognizer import _model_bytes

    model = _model_bytes()
    for cut in (len(model) // 2, len(model) - 100, 60):
        with pytest.raises(ValueError):
            CrfWeights.of_model(model[:cut])


def test_the_command_line_reports_a_broken_recognizer_model_in_one_line(tmp_path):
    from conftest import run_cli

    broken = tmp_path / "broken.crfsuite"
    broken.write_bytes(b"lCRF" + bytes(100))
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": 1, "text": "The train left Moscow for Kazan."}\n', "utf-8")
    res = run_cli("places", "--jsonl", docs, env={"GEOJOURNEY_RECOGNIZER_MODEL": str(broken)})
    err = res.stderr.decode().strip()
    assert res.returncode != 0 and len(err.splitlines()) == 1 and "recognizer model" in err, err
    assert not res.stdout


def test_the_recognizers_word_table_starts_again_when_full_and_tags_the_same(gazetteer, monkeypatch):
    import geo.recognizer as recognizer

    texts = ["Kim Jong Un's train left Pyongyang for Khasan and Vladivostok.",
             "The steamer reached Hel-singfors; in Abo the river froze.",
             "Le train est arrivé à Vladivostok après Khasan, puis Oussouriisk."]

    def probabilities(scorer):
        out = []
        for text in texts:
            toks = recognizer.tagger_tokens(text)
            out.append(scorer.probabilities(toks, recognizer.gazetteer_marks(text, toks, gazetteer)))
        return out

    expected = probabilities(recognizer._Scorer(recognizer.model_weights()))
    monkeypatch.setattr(recognizer, "MAX_WORDS_WEIGHED", 20)
    small = recognizer._Scorer(recognizer.model_weights())
    assert probabilities(small) == expected
    distinct = [{t.text for t in recognizer.tagger_tokens(text)} for text in texts]
    assert len(set().union(*distinct)) > 20  # it did start again
    assert len(small.words) <= max(20, *map(len, distinct))
    assert [m.text for m in place_mentions(texts[0], gazetteer)] == ["Pyongyang", "Khasan", "Vladivostok"]


def test_the_common_words_rows_are_those_the_scorer_would_weigh(gazetteer):
    import geo.recognizer as recognizer

    weights = recognizer.model_weights()
    trie, rows = recognizer._common_words()
    words = ["the", "The", "train", "Zug", "gare", "Stadt", "city", "River"]
    assert all(w in trie for w in words) and "Khasan" not in trie
    assert np.array_equal(rows[[trie[w] for w in words]], recognizer._word_rows(weights, words))
    # a scorer that weighs every word itself tags as one that copies the common words' rows
    text = "The armoured train left Pyongyang for Khasan; der Zug fuhr nach Wladiwostok, la gare de Tumangang."
    toks = recognizer.tagger_tokens(text)
    marks = recognizer.gazetteer_marks(text, toks, gazetteer)
    own = recognizer._Scorer(weights)
    own.word_table.known = None
    copying = recognizer._Scorer(weights)
    weighed: list[str] = []
    weigh = copying.word_table.weigh
    copying.word_table.weigh = lambda keys: (weighed.extend(keys), weigh(keys))[1]
    assert copying.probabilities(toks, marks) == own.probabilities(toks, marks)
    assert "Khasan" in weighed and "train" not in weighed and "The" not in weighed


def test_a_word_weighed_in_place_of_a_token_weighs_as_a_token_of_that_word(gazetteer):
    import geo.recognizer as recognizer

    # a broken word's first part weighed as the whole word (recognizer._broken_words_weighed_whole) is scored as a
    # token of the whole word would be, the tokens' places and the gazetteer's marks the same
    text = "Es gab Bedenken gegen die Anwen¬dung der Verordnung in Inns¬bruck."
    toks = recognizer.tagger_tokens(text)
    marks = recognizer.gazetteer_marks(text, toks, gazetteer, "de")
    k = next(i for i, t in enumerate(toks) if t.text == "Anwen")
    words = [t.text for t in toks]
    words[k] = "Anwendung"
    whole = [*toks[:k], recognizer.Token("Anwendung", toks[k].start, toks[k].end), *toks[k + 1:]]
    scorer = recognizer._Scorer(recognizer.model_weights())
    assert scorer.probabilities(toks, marks, words) == scorer.probabilities(whole, marks)
    assert scorer.probabilities(toks, marks, [t.text for t in toks]) == scorer.probabilities(toks, marks)
    assert scorer.probabilities(toks, marks, words)["O"][k] != scorer.probabilities(toks, marks)["O"][k]


def test_common_words_kept_from_other_features_are_weighed_again(fresh_cache, monkeypatch):
    import pickle

    import geo.recognizer as recognizer
    from geo.cache import take_notices

    monkeypatch.setenv("GEOJOURNEY_CACHE_DIR", str(fresh_cache))
    monkeypatch.setattr(recognizer, "COMMON_WORDS", (("en", 300),))
    recognizer._common_words.cache_clear()
    try:
        trie, rows = recognizer._common_words()
        [path] = fresh_cache.glob("recognizer-words-*.pickle")
        assert len(trie) > 300 and "The" in trie
        stale = rows.copy()
        stale[:, 0] += 1.0  # as though a feature's weight had changed
        path.write_bytes(pickle.dumps((trie, stale)))
        take_notices()
        recognizer._common_words.cache_clear()
        trie2, rows2 = recognizer._common_words()
        assert np.array_equal(rows2, rows)
        assert any(path.name in n and "rebuilt" in n for n in take_notices())
    finally:
        recognizer._common_words.cache_clear()


def test_a_model_of_ones_own_weighs_its_words_as_met_and_leaves_no_table(fresh_cache, monkeypatch, tmp_path):
    import shutil
    from importlib import resources

    import geo.recognizer as recognizer

    own = tmp_path / "own.crfsuite"
    shutil.copy(resources.files("geo.data").joinpath(recognizer.MODEL_FILE), own)
    monkeypatch.setenv("GEOJOURNEY_CACHE_DIR", str(fresh_cache))
    monkeypatch.setenv("GEOJOURNEY_RECOGNIZER_MODEL", str(own))
    recognizer.use_model(None)  # every cache of the model read again, under the variable
    try:
        assert recognizer._common_words() is None
        scorer = recognizer._Scorer(recognizer.model_weights())
        assert scorer.word_table.known is None
        text = "The armoured train left Pyongyang for Khasan."
        toks = recognizer.tagger_tokens(text)
        assert scorer.probabilities(toks, [()] * len(toks))["O"][0] > 0.5
        assert not list(fresh_cache.glob("recognizer-words-*"))
    finally:
        monkeypatch.delenv("GEOJOURNEY_RECOGNIZER_MODEL")
        recognizer.use_model(None)
