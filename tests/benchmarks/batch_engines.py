"""`places --jsonl` on the local engine against `--engine dask` (a local cluster, one worker per core).

    python tests/benchmarks/batch_engines.py [N_DOCS]

Reads the first N documents (default 4,000) of LGL, GeoWebNews and GeoCorpora in ../shared/data/eval, checks that both engines
write the same lines, and prints documents per second for each (caches warm; the Dask figure includes starting
and stopping the cluster, as a user's run would).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "data" / "eval"
CORPORA = ("lgl.jsonl", "geowebnews.jsonl", "geocorpora.jsonl")  # news articles first, then short texts


def run(args: list[str]) -> tuple[float, bytes]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "geo.cli", "places", *args], capture_output=True, cwd=ROOT,
                         env=os.environ, check=False)
    return time.perf_counter() - t, out.stdout


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        lines = [line for name in CORPORA for line in open(EVAL / name, encoding="utf-8")][:n]
        n = len(lines)
        sample.write_text("".join(lines), "utf-8")
        run(["--jsonl", str(sample)])  # warm the caches
        local_s, local_out = run(["--jsonl", str(sample)])
        dask_s, dask_out = run(["--jsonl", str(sample), "--engine", "dask"])
    assert local_out == dask_out, "the engines disagree"
    print(f"{n} documents on {os.cpu_count()} cores: local {local_s:.1f} s ({n / local_s:.0f} docs/s), "
          f"dask {dask_s:.1f} s ({n / dask_s:.0f} docs/s): speed-up x{local_s / dask_s:.2f}; outputs identical")


if __name__ == "__main__":
    main()
