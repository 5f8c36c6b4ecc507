"""Speed and memory of the batch geoparser: ``geojourney places --jsonl`` over GeoWebNews + LGL.

Usage::

    python tests/benchmarks/geoparse_speed.py [--runs 5]

Writes the 788 documents of GeoWebNews and LGL (``../shared/data/eval``) as one ``{"id", "text"}``
file, runs the command once with an empty cache directory, as on a first run, which builds the cache
(gazetteer, word frequencies), then ``--runs`` times with that cache, each a fresh process (start-up
included), and prints each run's wall time, documents per second (the median run's too) and peak
resident memory, the first run's apart (the issue's targets: at least 300 documents per second, under
1.5 GB). The package is byte-compiled first, as pip leaves an installed
package and as Python leaves a checkout after its first run, unless told not to write bytecode
(``PYTHONDONTWRITEBYTECODE``, which would have every run compile the code again: a twentieth of a second).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
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
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               "GEOJOURNEY_CACHE_DIR": str(Path(tmp) / "cache")}
        compileall.compile_dir(ROOT / "geo", quiet=1)
        seconds, first_peak = timed(command, env)
        print(f"first run, building the cache: {seconds:.1f} s, peak resident memory {first_peak:.0f} MB")
        times, peaks = [], []
        for k in range(args.runs):
            seconds, peak = timed(command, env)
            times.append(seconds)
            peaks.append(peak)
            print(f"run {k + 1}: {seconds:.2f} s, {n / seconds:.0f} documents/s, peak {peak:.0f} MB")
    median = statistics.median(times)
    print(f"{' + '.join(CORPORA)}: {n} documents on {len(os.sched_getaffinity(0))} cores; median {median:.2f} s = "
          f"{n / median:.0f} documents/s (start-up included); peak resident memory {max(peaks):.0f} MB "
          f"({first_peak:.0f} MB on the first run, which builds the cache)")


def timed(command: list[str], env: dict[str, str], stdout=subprocess.DEVNULL, cwd: Path | None = None
          ) -> tuple[float, float]:
    """Run ``command`` to its end (its output to ``stdout``): its wall time (s) and peak resident memory (MB, its
    process and the processes it waited for, as the kernel counts them, not those of this one's other children)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return seconds, usage.ru_maxrss / 1024


if __name__ == "__main__":
    main()
