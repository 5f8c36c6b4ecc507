"""The recognizer's sequence model read with numpy: a linear-chain CRF's label probabilities at each token.

CRFsuite (``python-crfsuite``) trains the model and writes it; tagging a document through CRFsuite
means handing it some twenty feature strings a token for it to look up, which took most of the
recognizer's time. Here the model's weights are read once (``CrfWeights.of_model``), a word's
features are weighed once per process (its own features and those it lends its neighbours are
the same wherever it stands: ``recognizer``), and the marginal probabilities come from one
forward-backward pass over the whole sequence done as numpy array steps (``marginals``): the
probabilities CRFsuite gives, to within 1e-12.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from itertools import repeat
from typing import Iterable

import numpy as np

_HEADER = struct.Struct("<4sI4s9I")  # magic, size, type, version, counts (3), offsets (5)
_CHUNK = struct.Struct("<4sII")  # name, size, items
_CQDB = struct.Struct("<4s5I")  # name, size, flag, byte order, ids, offset of the id-to-name table
_ID_NAME = struct.Struct("<II")  # id, length of the name (with its closing zero)
_FEATURE = np.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])

#: Tokens a block of ``marginals``.
BLOCK = 16
#: How far below 1 a block's products may go unscaled (float64 holds exp(-708)).
_UNSCALED_NATS = 500.0


def _names(model: bytes, at: int) -> list[str]:
    """The names in the CQDB database at offset ``at`` of ``model``, in the order of their ids."""
    chunk, _, _, _, count, table = _CQDB.unpack_from(model, at)
    if chunk != b"CQDB":
        raise ValueError("no names where the header says")
    names = []
    for k, offset in enumerate(struct.unpack_from(f"<{count}I", model, at + table)):
        ident, size = _ID_NAME.unpack_from(model, at + offset)
        if ident != k:
            raise ValueError("names out of order")
        start = at + offset + _ID_NAME.size
        names.append(model[start:start + size].rstrip(b"\0").decode("utf-8"))
    return names


@dataclass(frozen=True)
class CrfWeights:
    """A first-order linear-chain CRF's weights, as CRFsuite keeps them."""

    labels: tuple[str, ...]
    #: each attribute's row of ``state`` (an attribute with no weight for any label is absent)
    attributes: dict[str, int]
    #: attributes x labels, and a last row of zeros for the attributes that are absent
    state: np.ndarray
    #: ``transitions[i, j]``: the weight of label ``j`` right after label ``i``
    transitions: np.ndarray

    @classmethod
    def of_model(cls, model: bytes) -> CrfWeights:
        """The weights of a CRFsuite model (the bytes of its file), read from the file itself: CRFsuite's
        own readers give them to six decimals only. Raises ValueError if ``model`` is no such model.

        The file (CRFsuite's ``crf1d`` model, version 100) is a header of offsets; a chunk of
        features, each a type (0: an attribute's weight for a label; 1: a label's after another),
        two ids and a double; and the labels' and attributes' names, each in a CQDB database whose
        table from id to name is what is read here."""
        try:
            magic, size, kind, _, _, _, _, at_features, at_labels, at_attributes, _, _ = _HEADER.unpack_from(model)
            if magic != b"lCRF" or kind != b"FOMC":
                raise ValueError("not a CRFsuite model of a linear-chain CRF")
            if len(model) != size:
                raise ValueError(f"{len(model)} bytes where the header says {size}")
            chunk, _, count = _CHUNK.unpack_from(model, at_features)
            if chunk != b"FEAT":
                raise ValueError("no features where the header says")
            features = np.frombuffer(model, _FEATURE, count, at_features + _CHUNK.size)
            labels, names = _names(model, at_labels), _names(model, at_attributes)
        except struct.error as exc:
            raise ValueError(f"cut short ({exc})") from None
        state_features = features[features["type"] == 0]
        weighed, rows = np.unique(state_features["source"], return_inverse=True)
        state = np.zeros((len(weighed) + 1, len(labels)))
        state[rows, state_features["target"]] = state_features["weight"]
        transitions = np.zeros((len(labels), len(labels)))
        between = features[features["type"] == 1]
        transitions[between["source"], between["target"]] = between["weight"]
        return cls(tuple(labels), {names[a]: k for k, a in enumerate(weighed.tolist())}, state, transitions)

    def score(self, attributes: Iterable[str]) -> np.ndarray:
        """The summed weights of ``attributes`` for each label (an attribute listed twice counts twice,
        as in CRFsuite; one the model has no weight for counts nothing)."""
        return self.scores([attributes])[0]

    def scores(self, groups: Iterable[Iterable[str]]) -> np.ndarray:
        """``score`` of each group of attributes, groups x labels."""
        absent = len(self.state) - 1
        rows: list[int] = []
        starts = []
        for group in groups:
            starts.append(len(rows))
            rows.append(absent)  # every group has a row to sum
            rows += map(self.attributes.get, group, repeat(absent))
        return np.add.reduceat(self.state[rows], starts)


def marginals(scores: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The probability of each label at each token, given the tokens' label scores (``scores``,
    tokens x labels: the summed weights of each token's attributes) and the label-to-label
    ``transitions``: an array of the shape of ``scores``, each row summing to 1.

    Forward-backward, with the messages as prefix products of the transfer matrices (a transition's
    weight times the next token's score, exponentiated), found as numpy steps over the whole sequence:
    products within blocks of ``BLOCK`` tokens in log2(``BLOCK``) steps, then the blocks' own products
    across blocks (each scaled to sum 1, which the probabilities do not depend on), then one more step.
    The forward sequence starts with a matrix whose rows are the first token's scores, so that a
    product's first row is the forward message; the backward messages are the prefix products of the
    sequence reversed and transposed, after a matrix of ones, and go in the same steps. Within a block
    no scaling is needed: each transfer matrix's entries are at most 1, and its rows' largest at least
    exp(-spread of ``transitions``), so a block's products stay within float64's range while the block
    times the spread is under ``_UNSCALED_NATS`` (the recognizer's spread is 15 nats); for transitions
    more spread than that, each block is one token.
    """
    n, labels = scores.shape
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    block = BLOCK if (transitions.max() - transitions.min()) * BLOCK < _UNSCALED_NATS else 1
    blocks = -(-n // block)
    products = np.empty((2, blocks * block, labels, labels))
    products[:, n:] = np.eye(labels)
    products[0, 0] = e[0]
    np.multiply(np.exp(transitions - transitions.max()), e[1:, None, :], out=products[0, 1:n])
    products[1, 0] = 1.0
    products[1, 1:n] = products[0, n - 1:0:-1].transpose(0, 2, 1)
    within = products.reshape(2, blocks, block, labels, labels)
    step = 1
    while step < block:
        within[:, :, step:] = within[:, :, :-step] @ within[:, :, step:]
        step *= 2
    if blocks > 1:
        before = within[:, :-1, -1]  # each block's product, then the product of all blocks up to it
        before = before / before.sum(axis=(2, 3), keepdims=True)
        step = 1
        while step < blocks - 1:
            before[:, step:] = before[:, :-step] @ before[:, step:]
            before /= before.sum(axis=(2, 3), keepdims=True)
            step *= 2
        within[:, 1:] = before[:, :, None] @ within[:, 1:]
    forward, backward = products[0, :n, 0], products[1, n - 1::-1, 0]
    p = forward / forward.max(axis=1, keepdims=True) * (backward / backward.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)
