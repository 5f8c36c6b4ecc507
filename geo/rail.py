"""Stage 4: the rail-line layer: read it, build a routable network, snap and route.

Sources: a vector file that geopandas reads (GeoJSON, GeoPackage, shapefile, a
zip of one), ``naturalearth`` (Natural Earth 10m railroads, downloaded once into
the user's cache), or ``none``. The network is built once per layer and cached:
nodes are the lines' vertices (shared vertices join lines), edges carry their
great-circle length, and dangling line ends within :data:`BRIDGE_KM` of another
part of the network are bridged (Natural Earth leaves a 3.3 km gap at the Tumen
River bridge between North Korea and Russia).
"""

from __future__ import annotations

import hashlib
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from .cache import atomic_write_bytes, build_lock, cache_dir, cached
from .errors import DataError, InputError
from .gazetteer import EARTH_RADIUS_KM, unit_vectors
from .model import Leg, Place, Stop
from .resolve import haversine_km

NATURALEARTH_URL = "https://naciscdn.org/naturalearth/10m/cultural/ne_10m_railroads.zip"
NATURALEARTH_ATTRIBUTION = 'Rail: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'
#: Dangling line ends this close to another part of the network are joined.
BRIDGE_KM = 5.0
#: A stop farther than this from any rail line gets direct legs.
MAX_SNAP_KM = 30.0
#: A rail route longer than this many times the straight line is a detour, not the way.
MAX_DETOUR = 2.5
_GRAPH_FORMAT = 3


def _km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Great-circle distances between rows of two (lon, lat) arrays."""
    lon1, lat1, lon2, lat2 = (np.radians(x) for x in (a[:, 0], a[:, 1], b[:, 0], b[:, 1]))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def naturalearth_path(url: str | None = None) -> Path:
    """The Natural Earth railroads zip in the user's cache, downloaded on first use.

    ``$GEOJOURNEY_NATURALEARTH_URL`` overrides the download address (a mirror).
    """
    target = cache_dir() / "ne_10m_railroads.zip"
    if target.exists():
        return target
    with build_lock(target):
        if not target.exists():  # another process may have fetched it while we waited
            _download_checked(url or os.environ.get("GEOJOURNEY_NATURALEARTH_URL") or NATURALEARTH_URL, target)
    return target


def _download_checked(url: str, target: Path) -> None:
    """Download to a temporary file, check that it is a readable layer, then move it in place."""
    import tempfile

    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            data = resp.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise DataError(f"cannot download Natural Earth railroads from {url} ({exc})") from None
    if len(data) < 1000 or not data.startswith(b"PK"):
        raise DataError(f"the download from {url} is not a zip file")
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".zip")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        import pyogrio

        try:
            pyogrio.read_info(f"zip://{tmp}")
        except Exception:
            raise DataError(f"the download from {url} is not a readable rail layer") from None
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _vsi(path: Path) -> str:
    return f"zip://{path}" if path.suffix.lower() == ".zip" else str(path)


#: Routing cost per km by how important a line is (the length reported is always the true one):
#: Natural Earth ``category`` 1 and OSM ``usage=main`` are main lines.
LINE_FACTOR = {"main": 1.0, "secondary": 1.1, "other": 1.25, "minor": 1.5}


def line_factors(gdf) -> np.ndarray:
    """Routing cost factors for the features of a rail layer, from its attributes where it has them."""
    n = len(gdf)
    f = np.full(n, LINE_FACTOR["secondary"])
    if "category" in gdf:  # Natural Earth railroads
        cat = gdf["category"].to_numpy()
        f = np.where(cat == 1, LINE_FACTOR["main"], np.where(cat == 2, LINE_FACTOR["secondary"], LINE_FACTOR["other"]))
    if "usage" in gdf:  # OpenStreetMap
        usage = gdf["usage"].fillna("").astype(str).to_numpy()
        f = np.where(usage == "main", LINE_FACTOR["main"],
                     np.where(np.isin(usage, ["industrial", "military", "tourism", "test"]), LINE_FACTOR["minor"], f))
    if "service" in gdf:  # OSM sidings, yards, spurs
        f = np.where(gdf["service"].notna().to_numpy(), LINE_FACTOR["minor"], f)
    return f.astype(float)


def read_layer(path: Path, bbox: tuple[float, float, float, float] | None = None):
    """Read the line features of a rail layer, with their attributes, as a GeoDataFrame in EPSG:4326."""
    import geopandas as gpd

    try:
        gdf = gpd.read_file(_vsi(path), bbox=bbox) if bbox else gpd.read_file(_vsi(path))
    except Exception as exc:
        raise InputError(f"rail layer {path.name}: cannot read it ({exc.__class__.__name__}: {exc})") from None
    if gdf.crs is None:
        raise InputError(f"rail layer {path.name}: the file has no coordinate reference system")
    if gdf.crs.to_epsg() != 4326:
        try:
            gdf = gdf.to_crs("EPSG:4326")
        except Exception as exc:
            raise InputError(f"rail layer {path.name}: cannot reproject from {gdf.crs.name} ({exc})") from None
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].explode(index_parts=False)
    gdf = gdf[gdf.geom_type == "LineString"]
    if len(gdf):
        w, s, e, n = gdf.total_bounds
        if not (np.isfinite([w, s, e, n]).all() and -180.5 <= w and e <= 180.5 and -90.5 <= s and n <= 90.5):
            raise InputError(f"rail layer {path.name}: its coordinates are not degrees of longitude and latitude "
                             f"(bounds {w:.0f}, {s:.0f}, {e:.0f}, {n:.0f}); its coordinate reference system is "
                             "missing or wrong")
    return gdf.set_geometry(gdf.geometry.force_2d()).reset_index(drop=True)


def read_lines(path: Path, bbox: tuple[float, float, float, float] | None = None):
    """Read the line features of a rail layer as a GeoSeries in EPSG:4326."""
    return read_layer(path, bbox).geometry


@dataclass
class RailNetwork:
    """A routable rail network, its chains of degree-2 nodes contracted.

    The nodes are the lines' vertices (``coords``); routing runs on the graph of
    the junctions and line ends (``graph``), whose edges are whole chains of
    vertices between them. A stop snaps to any vertex; a route is expanded back
    to every vertex it passes.

    Attributes
    ----------
    coords : ndarray (n, 2)
        Vertex coordinates, (lon, lat).
    graph : scipy.sparse.csr_matrix
        Symmetric routing costs between junctions (km weighted by :data:`LINE_FACTOR`).
    bridges : set of (int, int)
        Vertex pairs joined across gaps in the data (assumptions, reported on routes).
    """

    source: str
    path: Path | None
    attribution: str
    coords: np.ndarray
    graph: sparse.csr_matrix
    bridges: set[tuple[int, int]]
    junctions: np.ndarray  # junction index -> vertex
    edge_chain: np.ndarray  # aligned with graph.data: the chain each edge follows
    chain_ptr: np.ndarray  # chain c's vertices are chain_nodes[chain_ptr[c]:chain_ptr[c+1]], end to end
    chain_nodes: np.ndarray
    chain_cost: np.ndarray  # cumulative cost along each chain, aligned with chain_nodes
    vertex_chain: np.ndarray  # per vertex: its chain when inside one, else -1
    vertex_rank: np.ndarray  # per vertex: its position in chain_nodes
    _tree: cKDTree | None = None
    _junction_of: np.ndarray | None = None

    @property
    def tree(self) -> cKDTree:
        if self._tree is None:
            self._tree = cKDTree(unit_vectors(self.coords[:, 1], self.coords[:, 0]))
        return self._tree

    @property
    def junction_of(self) -> np.ndarray:
        if self._junction_of is None:
            j = np.full(len(self.coords), -1, dtype=np.int64)
            j[self.junctions] = np.arange(len(self.junctions))
            self._junction_of = j
        return self._junction_of

    def snap(self, lat: float, lon: float) -> tuple[int, float]:
        """Nearest vertex to a point and its distance in km."""
        _, idx = self.tree.query(unit_vectors(np.array([lat]), np.array([lon]))[0])
        lo, la = self.coords[idx]
        return int(idx), haversine_km(lat, lon, la, lo)

    def _exits(self, v: int) -> list[tuple[int, float, list[int]]]:
        """Ways from vertex ``v`` to junctions: (junction, cost, vertices from v to it)."""
        j = self.junction_of[v]
        if j >= 0:
            return [(int(j), 0.0, [v])]
        c = self.vertex_chain[v]
        lo, hi, r = self.chain_ptr[c], self.chain_ptr[c + 1], self.vertex_rank[v]
        nodes, cost = self.chain_nodes, self.chain_cost
        return [(int(self.junction_of[nodes[lo]]), float(cost[r] - cost[lo]), nodes[lo:r + 1][::-1].tolist()),
                (int(self.junction_of[nodes[hi - 1]]), float(cost[hi - 1] - cost[r]), nodes[r:hi].tolist())]

    def _chain_between(self, p: int, q: int) -> list[int]:
        """The vertices of the cheapest chain from junction ``p`` to junction ``q``."""
        lo, hi = self.graph.indptr[p], self.graph.indptr[p + 1]
        k = lo + int(np.searchsorted(self.graph.indices[lo:hi], q))
        c = self.edge_chain[k]
        seq = self.chain_nodes[self.chain_ptr[c]:self.chain_ptr[c + 1]]
        return (seq if seq[0] == self.junctions[p] else seq[::-1]).tolist()

    def route(self, a: int, b: int, limit_km: float) -> tuple[list[int], float] | None:
        """Cheapest path from vertex ``a`` to vertex ``b``: the vertices and their length in km, or ``None``."""
        best: tuple[float, list[int]] | None = None
        ca, cb = self.vertex_chain[a], self.vertex_chain[b]
        if a == b:
            return [a], 0.0
        if ca >= 0 and ca == cb:  # along one chain
            ra, rb = self.vertex_rank[a], self.vertex_rank[b]
            step = 1 if rb > ra else -1
            best = (abs(float(self.chain_cost[rb] - self.chain_cost[ra])), self.chain_nodes[ra:rb + step or None:step].tolist())
        starts, ends = self._exits(a), self._exits(b)
        sources = sorted({s for s, _, _ in starts})
        dist, pred = dijkstra(self.graph, directed=True, indices=sources, return_predecessors=True, limit=limit_km)
        for s, s_cost, s_path in starts:
            row = sources.index(s)
            for t, t_cost, t_path in ends:
                total = s_cost + dist[row, t] + t_cost
                if np.isfinite(total) and total <= limit_km and (best is None or total < best[0]):
                    hops = [t]
                    while hops[-1] != s:
                        hops.append(int(pred[row, hops[-1]]))
                    hops.reverse()
                    middle: list[int] = []
                    for p, q in zip(hops, hops[1:]):
                        middle.extend(self._chain_between(p, q)[1:])
                    best = (total, s_path + middle + t_path[::-1][1:])
        if best is None:
            return None
        path = best[1]
        xy = self.coords[path]
        return path, float(_km(xy[:-1], xy[1:]).sum()) if len(path) > 1 else 0.0


def build_network(lines, source: str, path: Path | None, attribution: str, factors: np.ndarray | None = None) -> RailNetwork:
    """Build a network from LineStrings in EPSG:4326 (``factors``: routing cost per km of each line)."""
    coords, full, bridges, tree = vertex_graph(lines, source, factors)
    return _contract(source, path, attribution, coords, full, bridges, tree)


def vertex_graph(lines, source: str = "", factors: np.ndarray | None = None):
    """The uncontracted graph: vertex coordinates, symmetric costs between vertices, bridged pairs, KD-tree."""
    import shapely

    geoms = np.asarray(lines.values if hasattr(lines, "values") else lines)
    if len(geoms) == 0:
        raise InputError(f"rail layer {source}: it has no lines")
    xy, part = shapely.get_coordinates(geoms, return_index=True)
    keys = np.round(xy, 6)
    uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    same_line = part[1:] == part[:-1]
    i, j = inverse[:-1][same_line], inverse[1:][same_line]
    factor = (np.ones(len(geoms)) if factors is None else np.asarray(factors, float))[part[:-1][same_line]]
    keep = i != j
    i, j, factor = i[keep], j[keep], factor[keep]
    w = _km(uniq[i], uniq[j])
    n = len(uniq)

    # Bridge each dangling line end to the nearest node that the lines themselves do
    # not reach nearby (a gap in the data, such as a river bridge left out).
    pts = unit_vectors(uniq[:, 1], uniq[:, 0])
    tree = cKDTree(pts)
    g0 = _symmetric_min(sparse.coo_matrix((np.maximum(w, 1e-6), (i, j)), shape=(n, n)).tocsr())
    bi, bj = _bridges(g0, uniq, pts, tree)
    bw = _km(uniq[bi], uniq[bj]) * LINE_FACTOR["secondary"] if bi else np.empty(0)
    rows = np.concatenate([i, np.asarray(bi, dtype=i.dtype)])
    cols = np.concatenate([j, np.asarray(bj, dtype=j.dtype)])
    costs = np.maximum(np.concatenate([w * factor, bw]), 1e-6)
    full = _symmetric_min(sparse.coo_matrix((costs, (rows, cols)), shape=(n, n)).tocsr())
    bridges = {(min(a, b), max(a, b)) for a, b in zip(bi, bj)}
    return uniq, full, bridges, tree


def _contract(source, path, attribution, coords, full: sparse.csr_matrix, bridges, tree) -> RailNetwork:
    """Replace every chain of degree-2 vertices by one edge between the junctions at its ends."""
    n = full.shape[0]
    indptr, indices, data = full.indptr, full.indices, full.data
    deg = np.diff(indptr)
    is_junction = deg != 2
    nbr = indices.tolist()
    wt = data.tolist()
    ptr = indptr.tolist()
    visited = np.zeros(n, bool)
    chain_nodes: list[int] = []
    chain_cost: list[float] = []
    chain_ptr = [0]
    ends: list[tuple[int, int, float]] = []

    def walk(u: int, k: int) -> None:
        """Follow the chain leaving junction u by its k-th edge."""
        prev, cur, cost = u, nbr[k], wt[k]
        seq, cum = [u], [0.0]
        while not is_junction[cur]:
            visited[cur] = True
            seq.append(cur)
            cum.append(cost)
            a, b = ptr[cur], ptr[cur] + 1
            nxt = b if nbr[a] == prev else a
            prev, cur, cost = cur, nbr[nxt], cost + wt[nxt]
        seq.append(cur)
        cum.append(cost)
        chain_nodes.extend(seq)
        chain_cost.extend(cum)
        chain_ptr.append(len(chain_nodes))
        ends.append((u, cur, cost))

    def walk_all(junctions) -> None:
        for u in junctions:
            for k in range(ptr[u], ptr[u + 1]):
                v = nbr[k]
                if is_junction[v]:
                    if u < v:
                        walk(u, k)
                elif not visited[v]:
                    walk(u, k)

    walk_all(np.flatnonzero(is_junction).tolist())
    # rings of degree-2 vertices only: make one vertex of each a junction
    for v in np.flatnonzero(~is_junction & ~visited).tolist():
        if not visited[v]:
            is_junction[v] = True
            visited[v] = True
            walk_all([v])

    junctions = np.flatnonzero(is_junction)
    junction_of = np.full(n, -1, dtype=np.int64)
    junction_of[junctions] = np.arange(len(junctions))
    chain_ptr_a = np.asarray(chain_ptr, dtype=np.int64)
    chain_nodes_a = np.asarray(chain_nodes, dtype=np.int64)
    vertex_chain = np.full(n, -1, dtype=np.int64)
    vertex_rank = np.full(n, -1, dtype=np.int64)
    owner = np.repeat(np.arange(len(ends)), np.diff(chain_ptr_a))
    inner = ~is_junction[chain_nodes_a]
    vertex_chain[chain_nodes_a[inner]] = owner[inner]
    vertex_rank[chain_nodes_a[inner]] = np.flatnonzero(inner)

    # junction graph: both directions, the cheapest chain per pair, no loops
    e = np.asarray([(junction_of[u], junction_of[x], c) for u, x, c in ends], dtype=float).reshape(-1, 3)
    r = np.concatenate([e[:, 0], e[:, 1]]).astype(np.int64)
    c = np.concatenate([e[:, 1], e[:, 0]]).astype(np.int64)
    d = np.concatenate([e[:, 2], e[:, 2]])
    ch = np.concatenate([np.arange(len(ends)), np.arange(len(ends))])
    ok = r != c
    r, c, d, ch = r[ok], c[ok], d[ok], ch[ok]
    order = np.lexsort((d, c, r))
    r, c, d, ch = r[order], c[order], d[order], ch[order]
    first = np.ones(len(r), bool)
    first[1:] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
    r, c, d, ch = r[first], c[first], np.maximum(d[first], 1e-9), ch[first]
    m = len(junctions)
    gptr = np.concatenate([[0], np.cumsum(np.bincount(r, minlength=m))])
    graph = sparse.csr_matrix((d, c, gptr), shape=(m, m))
    return RailNetwork(source, path, attribution, coords, graph, bridges, junctions, ch, chain_ptr_a, chain_nodes_a,
                       np.asarray(chain_cost), vertex_chain, vertex_rank, tree)


def _bridges(g0: sparse.csr_matrix, xy: np.ndarray, pts: np.ndarray, tree: cKDTree) -> tuple[list[int], list[int]]:
    """Pairs (dangling end, node) to join: close in space, far apart along the lines."""
    deg = np.diff(g0.indptr)
    chord = 2 * np.sin(BRIDGE_KM / EARTH_RADIUS_KM / 2)
    ball_chord = 2 * np.sin(4 * BRIDGE_KM / EARTH_RADIUS_KM / 2)
    bi: list[int] = []
    bj: list[int] = []
    for e in np.flatnonzero(deg == 1):
        near = [k for k in tree.query_ball_point(pts[e], chord) if k != e]
        if not near:
            continue
        ball = np.asarray(tree.query_ball_point(pts[e], ball_chord))
        pos = {int(k): p for p, k in enumerate(ball)}
        dist = dijkstra(g0[ball][:, ball], directed=False, indices=pos[int(e)], limit=4 * BRIDGE_KM)
        gaps = _km(np.repeat(xy[[e]], len(near), axis=0), xy[near])
        for gap, k in sorted(zip(gaps, near)):
            if dist[pos[k]] > 3 * gap + 1.0:
                bi.append(int(e))
                bj.append(int(k))
                break
    return bi, bj


def _symmetric_min(g: sparse.csr_matrix) -> sparse.csr_matrix:
    """Make a graph undirected, keeping the shorter of parallel edges."""
    g = g.tocoo()
    r = np.concatenate([g.row, g.col])
    c = np.concatenate([g.col, g.row])
    d = np.concatenate([g.data, g.data])
    order = np.lexsort((d, c, r))
    r, c, d = r[order], c[order], d[order]
    first = np.ones(len(r), bool)
    first[1:] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
    return sparse.csr_matrix((d[first], (r[first], c[first])), shape=g.shape)


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:20]


_ARRAYS = ("coords", "junctions", "edge_chain", "chain_ptr", "chain_nodes", "chain_cost", "vertex_chain", "vertex_rank")


def load_network(path: Path, source: str, attribution: str) -> RailNetwork:
    """The network of the rail layer at ``path``, from the cache when it was built before."""
    target = cache_dir() / f"rail-{_GRAPH_FORMAT}-{_file_digest(path)}.npz"

    def load(p: Path) -> RailNetwork:
        with np.load(p) as z:
            graph = sparse.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
            bridges = {(int(a), int(b)) for a, b in z["bridges"]}
            arrays = {k: z[k] for k in _ARRAYS}
        return RailNetwork(source, path, attribution, graph=graph, bridges=bridges, **arrays)

    def build() -> RailNetwork:
        gdf = read_layer(path)
        return build_network(gdf.geometry, source, path, attribution, line_factors(gdf))

    def save(p: Path, net: RailNetwork) -> None:
        import io

        buf = io.BytesIO()
        np.savez(buf, data=net.graph.data, indices=net.graph.indices, indptr=net.graph.indptr,
                 shape=np.array(net.graph.shape), bridges=np.array(sorted(net.bridges), dtype=np.int64).reshape(-1, 2),
                 **{k: getattr(net, k) for k in _ARRAYS})
        atomic_write_bytes(p, buf.getvalue())

    return cached(target, load, build, save)


def open_rail(spec: str | None) -> tuple[RailNetwork | None, list[str]]:
    """Open the rail source the user asked for (``None`` means the default).

    Returns the network (or ``None`` for ``none`` and for an unavailable default)
    and warnings.
    """
    spec = spec or "naturalearth"
    if spec == "none":
        return None, []
    if spec == "naturalearth":
        try:
            path = naturalearth_path()
        except DataError as exc:
            return None, [f"{exc}; legs are drawn direct. Give a rail layer with --rail FILE "
                          f"(for example a copy of ne_10m_railroads.zip), or set GEOJOURNEY_NATURALEARTH_URL to a mirror"]
        return load_network(path, "naturalearth", NATURALEARTH_ATTRIBUTION), []
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"rail layer not found: {spec} (give a file, 'naturalearth' or 'none')")
    attribution = NATURALEARTH_ATTRIBUTION if path.name.startswith("ne_") else f"Rail: {path.name}"
    return load_network(path, path.name, attribution), []


def _assign_waypoints(stops: list[Stop], waypoints: list[Place]) -> dict[int, list[Place]]:
    """Each waypoint goes to the leg it lengthens least, in order along that leg."""
    by_leg: dict[int, list[Place]] = {}
    for w in waypoints:
        extra = []
        for k, (a, b) in enumerate(zip(stops, stops[1:])):
            ab = haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
            extra.append((haversine_km(a.place.lat, a.place.lon, w.lat, w.lon)
                          + haversine_km(w.lat, w.lon, b.place.lat, b.place.lon) - ab, k))
        if extra:
            by_leg.setdefault(min(extra)[1], []).append(w)
    for k, ws in by_leg.items():
        a = stops[k].place
        ws.sort(key=lambda w: haversine_km(a.lat, a.lon, w.lat, w.lon))
    return by_leg


def route_legs(stops: list[Stop], net: RailNetwork | None, waypoints: list[Place] = (),
               modes: list[tuple[str, str]] | None = None) -> list[Leg]:
    """Draw each leg between consecutive stops by its mode.

    Rail legs are routed on ``net`` (straight, as ``direct``, where they cannot be);
    air legs follow the great circle; road, sea and unknown legs are straight.
    ``modes`` gives (mode, evidence) per leg (default: all rail). ``waypoints``
    (places the report says the train passed) pin the route of the leg each lies
    along.
    """
    legs: list[Leg] = []
    snaps: dict[int, tuple[int, float]] = {}
    if net is not None:
        for s in stops:
            snaps[s.order] = net.snap(s.place.lat, s.place.lon)
            s.snap_km = round(snaps[s.order][1], 3)
    pinned = _assign_waypoints(stops, list(waypoints))
    for k, (a, b) in enumerate(zip(stops, stops[1:])):
        straight = haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
        direct = [(a.place.lon, a.place.lat), (b.place.lon, b.place.lat)]
        via = pinned.get(k, [])
        mode, evidence = modes[k] if modes else ("rail", "")
        planned = b.role == "planned"
        note = ""
        if mode != "rail":
            if mode == "air":
                coords, km = great_circle(a.place, b.place)
                legs.append(Leg(a.order, b.order, "air", round(km, 1), coords, evidence=evidence, planned=planned))
                continue
            note = {"road": "the road route is not computed", "sea": "the sea route is not computed"}.get(
                mode, "the text does not say how this leg was travelled")
            legs.append(Leg(a.order, b.order, mode, round(straight, 1), direct, note, evidence=evidence,
                            planned=planned))
            continue
        if net is None:
            note = "no rail layer"
        elif snaps[a.order][1] > MAX_SNAP_KM or snaps[b.order][1] > MAX_SNAP_KM:
            far = a if snaps[a.order][1] > MAX_SNAP_KM else b
            note = f"{far.place.name} is {snaps[far.order][1]:.0f} km from the nearest rail line"
        else:
            points = [snaps[a.order]] + [net.snap(w.lat, w.lon) for w in via] + [snaps[b.order]]
            # the way the report says the train went: the detour test measures from the pinned places
            seq = [a.place, *via, b.place]
            pinned_km = sum(haversine_km(p.lat, p.lon, q.lat, q.lon) for p, q in zip(seq, seq[1:]))
            far_via = [w.name for w, (_, d) in zip(via, points[1:-1]) if d > MAX_SNAP_KM]
            path: list[int] = []
            km = snaps[a.order][1] + snaps[b.order][1]
            for (x, _), (y, _) in zip(points, points[1:]):
                found = None if far_via else net.route(x, y, limit_km=MAX_DETOUR * pinned_km + 100)
                if found is None:
                    path = []
                    break
                path += found[0] if not path else found[0][1:]
                km += found[1]
            if far_via:
                note = f"--via {', '.join(far_via)} is more than {MAX_SNAP_KM:.0f} km from the rail lines"
            elif not path:
                note = "no rail route between these stops on this layer" + (" through the --via places" if via else "")
            elif km > MAX_DETOUR * pinned_km and km - pinned_km > 100:
                note = f"the rail route ({km:,.0f} km) is a detour of the straight line ({straight:,.0f} km)"
            else:
                coords = [(a.place.lon, a.place.lat)] + [tuple(map(float, net.coords[n])) for n in path]
                coords.append((b.place.lon, b.place.lat))
                gaps = [[tuple(map(float, net.coords[x])), tuple(map(float, net.coords[y]))]
                        for x, y in zip(path, path[1:]) if (min(x, y), max(x, y)) in net.bridges]
                legs.append(Leg(a.order, b.order, "rail", round(km, 1), coords, "", len(gaps), [w.name for w in via],
                                gaps, evidence, planned))
                continue
        legs.append(Leg(a.order, b.order, "direct", round(straight, 1), direct, f"by rail, but {note}" if evidence else note,
                        evidence=evidence, planned=planned))
    for leg in legs:
        leg.coordinates = continuous_longitudes(leg.coordinates)
        leg.gaps = [continuous_longitudes(g) for g in leg.gaps]
    return legs


def great_circle(a: Place, b: Place) -> tuple[list[tuple[float, float]], float]:
    """The geodesic from ``a`` to ``b`` on the WGS84 ellipsoid: (lon, lat) points about every 50 km, and km."""
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    _, _, metres = geod.inv(a.lon, a.lat, b.lon, b.lat)
    n = int(min(200, max(0, metres / 50_000)))
    inner = geod.npts(a.lon, a.lat, b.lon, b.lat, n) if n else []
    return [(a.lon, a.lat), *inner, (b.lon, b.lat)], metres / 1000


def continuous_longitudes(coords: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """(lon, lat) pairs with no step of more than 180 degrees of longitude.

    A line across the antimeridian (Anadyr -> Nome) goes on past 180 (to 194.6)
    instead of jumping back across the whole world; its first point keeps its
    longitude. GeoJSON readers and Leaflet draw such a line the short way round.
    """
    if len(coords) < 2:
        return list(coords)
    lon = np.degrees(np.unwrap(np.radians([c[0] for c in coords])))
    return [(round(float(x), 9), c[1]) for x, c in zip(lon, coords)]
