"""Rail network: bridging, routing, the Natural Earth download from a local mirror."""

import http.server
import threading
from functools import partial

import pytest
from conftest import CORRIDOR, NE_ZIP, SEED, run_cli

from geo import rail


def test_corridor_routes_pyongyang_to_khasan_across_the_bridged_gap():
    net = rail.load_network(CORRIDOR, "corridor", "")
    a, da = net.snap(39.03, 125.75)
    b, db = net.snap(42.43, 130.645)
    assert da < 5 and db < 5
    path, length = net.route(a, b, limit_km=3000)
    assert 650 < length < 1000
    assert any((min(x, y), max(x, y)) in net.bridges for x, y in zip(path, path[1:]))


def test_without_bridges_there_is_no_short_way(monkeypatch):
    monkeypatch.setattr(rail, "BRIDGE_KM", 0.0)
    net = rail.build_network(rail.read_lines(CORRIDOR), "corridor", None, "")
    a, _ = net.snap(39.03, 125.75)
    b, _ = net.snap(42.43, 130.645)
    found = net.route(a, b, limit_km=1000)
    assert found is None or found[1] > 1000


@pytest.fixture
def mirror():
    """A local HTTP server serving the shared rail folder, like naciscdn.org does."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(NE_ZIP.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{NE_ZIP.name}"
    server.shutdown()


def test_naturalearth_is_downloaded_once_into_the_cache(tmp_path, monkeypatch, mirror):
    monkeypatch.setenv("GEOJOURNEY_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("GEOJOURNEY_NATURALEARTH_URL", mirror)
    path = rail.naturalearth_path()
    assert path.read_bytes() == NE_ZIP.read_bytes()
    monkeypatch.setenv("GEOJOURNEY_NATURALEARTH_URL", "http://127.0.0.1:9/gone.zip")
    assert rail.naturalearth_path() == path  # offline now: the cached copy serves


def test_bad_download_leaves_nothing_behind(tmp_path, monkeypatch, mirror):
    monkeypatch.setenv("GEOJOURNEY_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("GEOJOURNEY_NATURALEARTH_URL", mirror.replace(NE_ZIP.name, "ne_10m_railroads_korea_primorye.geojson"))
    with pytest.raises(Exception, match="not a zip"):
        rail.naturalearth_path()
    # only the (empty) lock file may stay: no data file, whole or partial
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".ne_10m", "ne_10m")) and p.suffix != ".lock"]


def test_default_rail_offline_still_makes_the_map_with_a_warning(tmp_path):
    out = tmp_path / "m.html"
    res = run_cli("map", SEED, "-o", out)  # conftest points the download at a closed port
    assert res.returncode == 0, res.stderr.decode()
    assert b"warning" in res.stderr and b"--rail" in res.stderr
    assert out.exists()


def test_contracted_routes_cost_the_same_as_routes_on_every_vertex():
    """Routing on junctions only finds paths exactly as cheap as Dijkstra on all vertices, and real ones."""
    import numpy as np
    from scipy.sparse.csgraph import dijkstra

    gdf = rail.read_layer(CORRIDOR)
    factors = rail.line_factors(gdf)
    net = rail.build_network(gdf.geometry, "corridor", None, "", factors)
    _, full, _, _ = rail.vertex_graph(gdf.geometry, "corridor", factors)
    assert net.graph.shape[0] < len(net.coords) / 5  # contraction is worth it
    rng = np.random.default_rng(7)
    checked = 0
    for a, b in rng.integers(0, len(net.coords), size=(60, 2)):
        ref = dijkstra(full, indices=int(a))[b]
        got = net.route(int(a), int(b), limit_km=1e9)
        assert (got is None) == (not np.isfinite(ref))
        if got is None:
            continue
        path, km = got
        assert path[0] == a and path[-1] == b
        steps = [full[x, y] for x, y in zip(path, path[1:])]
        assert all(c > 0 for c in steps)  # every step is an edge of the layer
        assert sum(steps) == pytest.approx(ref, rel=1e-9, abs=1e-6)
        checked += 1
    assert checked > 20


def test_moscow_to_vladivostok_on_the_global_layer_is_on_rails():
    res = run_cli("journey", SEED, "--stops", "Moskau; Wladiwostok", "--rail", NE_ZIP)
    assert res.returncode == 0, res.stderr.decode()
    import json

    legs = [f for f in json.loads(res.stdout)["features"] if f["properties"]["kind"] == "leg"]
    assert len(legs) == 1 and legs[0]["properties"]["mode"] == "rail"
    assert 7000 <= legs[0]["properties"]["length_km"] <= 9500
