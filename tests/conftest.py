"""Shared fixtures: the real shared data beside the project, and one cache for the session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "assets" / "examples"
EVAL = SHARED / "eval"
SEED = EXAMPLES / "kim-russia-2023.hi.txt"
NE_ZIP = SHARED / "rail" / "ne_10m_railroads.zip"
CORRIDOR = SHARED / "rail" / "ne_10m_railroads_korea_primorye.geojson"
STATIONS = SHARED / "stations" / "ru_rail_stations_osm.geojson"


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory):
    """One cache directory for the whole run (the gazetteer index is built once)."""
    path = os.environ.get("GEOJOURNEY_TEST_CACHE") or str(tmp_path_factory.mktemp("cache"))
    os.environ["GEOJOURNEY_CACHE_DIR"] = path
    # never reach the internet: a default Natural Earth download goes to a closed port
    os.environ["GEOJOURNEY_NATURALEARTH_URL"] = "http://127.0.0.1:9/ne_10m_railroads.zip"
    yield Path(path)


@pytest.fixture(scope="session")
def gazetteer(session_cache):
    from geo import Gazetteer

    return Gazetteer()


@pytest.fixture(scope="session")
def gazetteer_stations(session_cache):
    from geo import Gazetteer

    return Gazetteer([STATIONS])


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the installed command line as a user would (``env``: variables to set for this run)."""
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env={**os.environ, **(env or {})}, timeout=600)


def journey_of(folder: Path, text: str, *args: str, name: str = "article.txt") -> dict:
    """``geojourney journey`` of ``text``, written to ``folder/name``, with ``args`` (``--rail none`` unless a rail
    layer is given): its GeoJSON FeatureCollection, the command having exited 0."""
    article = folder / name
    article.write_text(text, "utf-8")
    rail = () if "--rail" in args else ("--rail", "none")
    res = run_cli("journey", article, *rail, *args)
    assert res.returncode == 0, res.stderr.decode()
    return json.loads(res.stdout)


def stops_of(fc: dict) -> list[dict]:
    """The properties of a journey's stops, in order."""
    return [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "stop"]


@pytest.fixture
def fresh_cache(tmp_path, session_cache):
    """An empty cache directory but for the GeoNames index (which takes half a minute to build)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    for f in session_cache.glob("gazetteer-geonames-*.pickle*"):  # the index's pickle and its tries
        shutil.copy(f, cache / f.name)
    return cache


@contextmanager
def http_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A local HTTP server on a free port, answering with ``handler``; yields its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def resolver_with_names(path: Path, names: dict[str, list], names_from: list[str]) -> Path:
    """The shipped resolver's file written to ``path`` with ``names`` (``name_key``: [lat, lon, country, name]) in
    place of the names it learned, as if learned from ``names_from``: for ``GEOJOURNEY_RESOLVER_WEIGHTS``."""
    from importlib import resources

    own = json.loads((resources.files("geo.data") / "resolver.json").read_text("utf-8"))
    path.write_text(json.dumps({**own, "names": names, "names_from": names_from}), "utf-8")
    return path

