"""Wall time of the seed's journey command with the global Natural Earth layer, cold and warm.

Run: .venv/bin/python tests/benchmarks/seed_walltime.py
Cold = an empty cache (gazetteer index and rail network are built); warm = the cache filled.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
CMD = [sys.executable, "-m", "geo.cli", "journey", str(ROOT / "assets/examples/kim-russia-2023.hi.txt"),
       "--rail", str(SHARED / "rail/ne_10m_railroads.zip"),
       "--gazetteer", str(SHARED / "stations/ru_rail_stations_osm.geojson"), "--format", "geojson"]


def run(env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(CMD, env=env, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "GEOJOURNEY_CACHE_DIR": cache}
        cold = run(env)
        warm = sorted(run(env) for _ in range(5))
    print(f"seed journey, global Natural Earth layer: cold {cold:.2f} s; "
          f"warm median {warm[2]:.2f} s (min {warm[0]:.2f}, max {warm[-1]:.2f}) over 5 runs")


if __name__ == "__main__":
    main()
