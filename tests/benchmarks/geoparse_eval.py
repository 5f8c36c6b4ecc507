"""Geoparsing evaluation on the shared corpora, beside the published figures of other systems.

    python tests/benchmarks/geoparse_eval.py [--held-out] [CORPUS ...]   # default: all of ../shared/data/eval/*.jsonl

The shipped models (geo/data/toponyms.crfsuite, geo/data/resolver.json) were trained on some of these
corpora (TRAINED_ON); their figures there are marked * and say nothing of new text. With --held-out,
each such corpus is scored by 2-fold cross-validation over its documents: the models are trained again
(`python -m geo.train`, as shipped but for the half being scored) and every document is scored by
models that never saw it. Speed and memory always come from the shipped models.

Runs `geojourney places --jsonl` on each corpus (start-up included, as a user runs it) and scores:
- recognition: exact-span precision, recall and F1 over the gold toponyms;
- resolution, over the gold toponyms found with coordinates: accuracy within 161 km, mean and median error
  (km), and AUC of the error curve (mean of ln(1 + error) / ln(1 + 20,039 km); lower is better);
- calibration of ``confidence`` over the same toponyms, as the chance of being within 161 km (0 for a span found
  but not placed): expected calibration error (ECE: over ten equal bins of confidence, the gap between mean
  confidence and share within 161 km, weighed by the bin's toponyms) and Brier score (mean squared gap; lower
  is better for both);
- per language where a corpus has several; documents per second and peak memory of the run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from geoparse_speed import timed  # this folder's: the scripts run from it

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "data" / "eval"
README = ROOT.parent / "shared" / "data" / "README.md"
NAMES = {"geowebnews": "GeoWebNews", "lgl": "LGL", "geocorpora": "GeoCorpora", "idrisi": "IDRISI",
         "hipe2022": "HIPE-2022"}
HALF_EARTH_KM = 20039.0
HIT_KM = 161.0
CALIBRATION_BINS = 10
#: What the shipped models were trained on (corpus: languages taken, or "" for all).
TRAINED_ON = {"recognizer": {"geowebnews": "", "lgl": "", "idrisi": "ar", "hipe2022": "de,fr,fi,sv"},
              "resolver": {"geowebnews": "", "lgl": "", "geocorpora": ""}}
#: Corpora that teach the resolver no weights, only where areas lie: those its corpora never name, and a point that
#: suits both where they place one elsewhere (``python -m geo.train resolver --points-from``).
POINTS_FROM = {"idrisi": ""}


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def run(path: Path, env: dict | None = None) -> tuple[list[dict], float, float]:
    """Output of ``places --jsonl`` over ``path``, its wall time and the peak resident memory (MB) of that
    run alone (its own, not that of the training runs before it)."""
    with tempfile.TemporaryFile() as out:
        seconds, peak = timed([sys.executable, "-m", "geo.cli", "places", "--jsonl", str(path)],
                              {**os.environ, **(env or {})}, stdout=out, cwd=ROOT)
        out.seek(0)
        lines = out.read().decode().split("\n")
    return [json.loads(x) for x in lines if x.strip()], seconds, peak


def score(gold_docs: list[dict], predicted: dict) -> dict[str, dict]:
    groups: dict[str, dict] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "errors": [], "confidences": []})
    for doc in gold_docs:
        for key in ("all", doc.get("lang") or "?"):
            g = groups[key]
            gold = {(t["start"], t["end"]): t for t in doc["toponyms"]}
            pred = {(p["start"], p["end"]): p for p in predicted.get(str(doc["id"]), [])}
            hits = gold.keys() & pred.keys()
            g["tp"] += len(hits)
            g["fp"] += len(pred.keys() - hits)
            g["fn"] += len(gold.keys() - hits)
            for span in hits:
                t, p = gold[span], pred[span]
                if t.get("lat") is None or t.get("lon") is None:
                    continue
                g["errors"].append(HALF_EARTH_KM if p["lat"] is None else km(t["lat"], t["lon"], p["lat"], p["lon"]))
                g["confidences"].append(float(p.get("confidence") or 0.0) if p["lat"] is not None else 0.0)
    out = {}
    for key, g in groups.items():
        p = g["tp"] / max(1, g["tp"] + g["fp"])
        r = g["tp"] / max(1, g["tp"] + g["fn"])
        e = g["errors"]
        hits = [x <= HIT_KM for x in e]
        out[key] = {"P": p, "R": r, "F1": 2 * p * r / max(1e-9, p + r), "n": g["tp"] + g["fn"],
                    "acc161": sum(hits) / len(e) if e else None,
                    "mean_km": statistics.fmean(e) if e else None, "median_km": statistics.median(e) if e else None,
                    "auc": statistics.fmean(math.log1p(x) for x in e) / math.log1p(HALF_EARTH_KM) if e else None,
                    **calibration(g["confidences"], hits)}
    return out


def calibration(confidences: list[float], hits: list[bool]) -> dict[str, float | None]:
    """Expected calibration error and Brier score of ``confidences`` against ``hits`` (within 161 km or not)."""
    if not hits:
        return {"ece": None, "brier": None}
    bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for c, hit in zip(confidences, hits):
        bins[min(CALIBRATION_BINS - 1, int(c * CALIBRATION_BINS))].append((c, hit))
    ece = sum(abs(sum(c for c, _ in b) - sum(h for _, h in b)) for b in bins.values()) / len(hits)
    return {"ece": ece, "brier": statistics.fmean((c - h) ** 2 for c, h in zip(confidences, hits))}


def _write(docs: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return path


def _specs(corpora: dict[str, str], name: str, rest: list[dict], tmp: Path) -> list[str]:
    """``geo.train``'s corpus arguments for ``corpora`` (corpus: languages): corpus ``name`` by the documents of
    ``rest`` (written into ``tmp``), the others whole."""
    out = []
    for corpus, langs in corpora.items():
        src = _write(rest, tmp / f"{corpus}.jsonl") if corpus == name else EVAL / f"{corpus}.jsonl"
        out.append(f"{src}:{langs}" if langs else str(src))
    return out


def held_out(name: str, gold: list[dict], folds: int = 2) -> dict:
    """Predictions for every document of ``name`` by models trained without it (k-fold by document)."""
    predicted: dict = {}
    for f in range(folds):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            test = [d for k, d in enumerate(gold) if k % folds == f]
            rest = [d for k, d in enumerate(gold) if k % folds != f]
            for model, out in (("recognizer", tmp / "toponyms.crfsuite"), ("resolver", tmp / "resolver.json")):
                specs = _specs(TRAINED_ON[model], name, rest, tmp)
                if model == "resolver":
                    specs += ["--points-from", *_specs(POINTS_FROM, name, rest, tmp)]
                subprocess.run([sys.executable, "-m", "geo.train", model, *specs, "-o", str(out)], cwd=ROOT,
                               check=True, capture_output=True)
            env = {"GEOJOURNEY_RECOGNIZER_MODEL": str(tmp / "toponyms.crfsuite"),
                   "GEOJOURNEY_RESOLVER_WEIGHTS": str(tmp / "resolver.json")}
            out, _, _ = run(_write(test, tmp / "test.jsonl"), env)
            predicted.update({str(o["id"]): o["places"] for o in out})
    return predicted


def published() -> list[str]:
    try:
        lines = README.read_text("utf-8").splitlines()
    except OSError:
        return []
    start = next((i for i, x in enumerate(lines) if x.startswith("| corpus | system |")), None)
    return [] if start is None else [x for x in lines[start + 2:] if x.startswith("|")]


def fmt(x, digits=3):
    return "" if x is None else f"{x:.{digits}f}"


def main() -> None:
    corpora = [p.stem for p in sorted(EVAL.glob("*.jsonl"))]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="*", metavar="CORPUS", help=f"default: all of {', '.join(corpora)}")
    parser.add_argument("--held-out", action="store_true",
                        help="score corpora the shipped models saw by 2-fold cross-validation over documents")
    opts = parser.parse_args()
    unknown = [c for c in opts.corpora if c not in corpora]
    if unknown:
        parser.error(f"no corpus {', '.join(unknown)} in {EVAL} (there: {', '.join(corpora)})")
    cross, names = opts.held_out, opts.corpora or corpora
    rows = []
    for name in names:
        path = EVAL / f"{name}.jsonl"
        gold = [json.loads(x) for x in path.read_text("utf-8").split("\n") if x.strip()]
        out, seconds, peak = run(path)
        predicted = {str(o["id"]): o["places"] for o in out}
        seen = any(name in corpora for corpora in (*TRAINED_ON.values(), POINTS_FROM))
        if cross and seen:
            predicted = held_out(name, gold)
        mark = "" if not seen else " (2-fold held out)" if cross else " *"
        for key, m in sorted(score(gold, predicted).items(), key=lambda kv: kv[0] != "all"):
            if key != "all" and len({d.get("lang") for d in gold}) == 1:
                continue
            rows.append((f"{NAMES.get(name, name)}{'' if key == 'all' else ' ' + key}{mark}", m,
                         len(gold) / seconds if key == "all" else None, peak if key == "all" else None))
    print("| corpus | P | R | F1 | acc@161 | mean km | median km | AUC | ECE | Brier | docs/s | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for label, m, rate, peak in rows:
        print(f"| {label} | {fmt(m['P'])} | {fmt(m['R'])} | {fmt(m['F1'])} | {fmt(m['acc161'])} | "
              f"{fmt(m['mean_km'], 0)} | {fmt(m['median_km'], 0)} | {fmt(m['auc'])} | {fmt(m['ece'])} | "
              f"{fmt(m['brier'])} | "
              f"{'' if rate is None else f'{rate:.0f}'} | {'' if peak is None else f'{peak:.0f}'} |")
    if not cross:
        print("\n* in the shipped models' training data: run with --held-out for figures on unseen documents")
    pub = published()
    if pub:
        print("\nPublished figures of other systems (../shared/data/README.md):")
        print("| corpus | system | P | R | F1 | acc@161 | source |\n|---|---|---|---|---|---|---|")
        print("\n".join(pub))


if __name__ == "__main__":
    main()
