"""Time and memory of the whole `journey` command against article size: 0.1, 1 and 10 MB.

The article is the project's English example repeated with its sentences shuffled (so sentences, mentions and
places grow with the size), run with `--rail none` so that only the text stages are measured.
Each size runs in its own process, which reports its wall time and peak memory.

    python tests/benchmarks/text_scaling.py
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import json, resource, sys, time
t = time.perf_counter()
from geo.cli import main
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["journey", sys.argv[1], "--rail", "none"])
print(json.dumps({"code": code, "s": time.perf_counter() - t, "stops": out.getvalue().count('"kind": "stop"'),
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)
"""


def article(size: int) -> str:
    sentences = []
    for f in sorted((ROOT / "assets" / "examples").glob("*.en.txt")):
        sentences += [s.strip() + "." for s in f.read_text("utf-8").split(".") if s.strip()]
    rng = random.Random(size)
    out, n = [], 0
    while n < size:
        s = rng.choice(sentences)
        out.append(s)
        n += len(s.encode()) + 1
    return " ".join(out)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # warm the caches first, so each size measures only its own work
        warm = Path(tmp) / "warm.txt"
        warm.write_text(article(1000), "utf-8")
        subprocess.run([sys.executable, "-c", CHILD, str(warm)], capture_output=True, cwd=ROOT, env=os.environ)
        print(f"{'size':>8} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'stops':>6}")
        for mb in (0.1, 1, 10):
            path = Path(tmp) / f"{mb}.txt"
            path.write_text(article(int(mb * 1_000_000)), "utf-8")
            res = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, cwd=ROOT,
                                 env=os.environ, text=True)
            r = json.loads(res.stderr.strip().splitlines()[-1])
            print(f"{mb:>6} MB {r['s']:8.1f} {r['s'] / mb:6.1f} {r['mb']:8.0f} {r['stops']:6d}")


if __name__ == "__main__":
    main()
