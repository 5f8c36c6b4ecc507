"""Speed and memory of the batch geoparser: ``geojourney places --jsonl`` over GeoWebNews + LGL.

Usage::

    python tests/benchmarks/geoparse_speed.py [--runs 5]

Writes the 788 documents of GeoWebNews and LGL (``../shared/data/eval``) as one ``{"id", "text"}``
file, runs the command once to fill the cache (gazetteer, word frequencies), then ``--runs`` times,
each a fresh process (start-up included), and prints each run's wall time, documents per second
(the median run's too) and the peak resident memory of the command (the issue's targets: at least
300 documents per second, under 1.5 GB). The package is byte-compiled first, as pip leaves an installed
package and as Python leaves a checkout after its first run, unless told not to write bytecode
(``PYTHONDONTWRITEBYTECODE``, which would have every run compile the code again: a twentieth of a second).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "data" / "eval"
CORPORA = ("geowebnews", "lgl")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docs.jsonl"
        n = 0
        with open(source, "w", encoding="utf-8") as out:
            for corpus in CORPORA:
                for line in (EVAL / f"{corpus}.jsonl").read_text("utf-8").split("\n"):
                    if line.strip():
                        doc = json.loads(line)
                        out.write(json.dumps({"id": doc["id"], "text": doc["text"]}, ensure_ascii=False) + "\n")
                        n += 1
        command = [str(Path(sys.executable).parent / "geojourney"), "places", "--jsonl", str(source)]
        # this checkout's code, whichever one the environment has installed (an editable install of another
        # checkout would be timed instead)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        run = dict(check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        compileall.compile_dir(ROOT / "geo", quiet=1)
        subprocess.run(command, **run)  # fill the cache
        times = []
        for k in range(args.runs):
            t = time.perf_counter()
            subprocess.run(command, **run)
            times.append(time.perf_counter() - t)
            print(f"run {k + 1}: {times[-1]:.2f} s, {n / times[-1]:.0f} documents/s")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    median = statistics.median(times)
    print(f"{' + '.join(CORPORA)}: {n} documents on {len(os.sched_getaffinity(0))} cores; median {median:.2f} s = "
          f"{n / median:.0f} documents/s (start-up included); peak resident memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
