"""The global Natural Earth rail network: cold build, warm load, 1,000 random routes, memory.

    python tests/benchmarks/rail_network.py [RAIL_LAYER]

Pairs are random vertices of the layer (seeded, so runs compare); a pair on two unconnected networks (another
continent) costs a search that finds nothing, and is counted apart.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
LAYER = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "rail" / "ne_10m_railroads.zip"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GEOJOURNEY_CACHE_DIR"] = tmp
        from geo.rail import MAX_DETOUR, _km, load_network

        t = time.perf_counter()
        net = load_network(LAYER, "bench", "")
        cold = time.perf_counter() - t
        loads = []
        for _ in range(5):
            t = time.perf_counter()
            net = load_network(LAYER, "bench", "")
            loads.append(time.perf_counter() - t)
        net.tree  # the spatial index, built on first snap
        rng = np.random.default_rng(2026)
        n = len(net.coords)
        found, missed = [], []
        for a, b in rng.integers(0, n, size=(1000, 2)):
            straight = float(_km(net.coords[[a]], net.coords[[b]])[0])
            t = time.perf_counter()
            r = net.route(int(a), int(b), limit_km=MAX_DETOUR * straight + 100)
            (found if r is not None else missed).append(time.perf_counter() - t)
        every = np.array(found + missed) * 1000
        snaps = []
        for lat, lon in zip(rng.uniform(-60, 70, 1000), rng.uniform(-180, 180, 1000)):
            t = time.perf_counter()
            net.snap(lat, lon)
            snaps.append(time.perf_counter() - t)
    print(f"layer: {LAYER.name}: {n:,} vertices -> {net.graph.shape[0]:,} junctions, {net.graph.nnz // 2:,} chains, "
          f"{len(net.bridges)} bridged gaps")
    print(f"graph build, cold: {cold:.1f} s; load, warm: {np.median(loads) * 1000:.0f} ms (median of 5)")
    print(f"1,000 random pairs: median {np.median(every):.2f} ms, p90 {np.percentile(every, 90):.2f} ms, "
          f"max {every.max():.1f} ms; {len(found)} routed (median {np.median(found) * 1000:.2f} ms), "
          f"{len(missed)} unconnected or detours")
    print(f"snap: median {np.median(snaps) * 1e6:.0f} µs")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    moscow_vladivostok()


def moscow_vladivostok() -> None:
    """The whole `journey` command for Moskau -> Wladiwostok on the global layer, warm (median of 5)."""
    import json
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text("Reise.", "utf-8")
        cmd = [sys.executable, "-m", "geo.cli", "journey", str(article), "--stops", "Moskau; Wladiwostok",
               "--rail", str(LAYER)]
        env = {**os.environ, "GEOJOURNEY_CACHE_DIR": tmp}
        subprocess.run(cmd, capture_output=True, env=env, check=True)  # cold: builds the caches
        times = []
        for _ in range(5):
            t = time.perf_counter()
            out = subprocess.run(cmd, capture_output=True, env=env, check=True)
            times.append(time.perf_counter() - t)
    leg = [f for f in json.loads(out.stdout)["features"] if f["properties"]["kind"] == "leg"][0]["properties"]
    print(f"journey --stops 'Moskau; Wladiwostok': {leg['mode']}, {leg['length_km']:,.0f} km, "
          f"warm {np.median(times):.2f} s (median of 5, whole command)")


if __name__ == "__main__":
    main()
