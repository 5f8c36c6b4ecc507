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
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from .cache import atomic_write_bytes, cache_dir
from .errors import DataError, InputError
from .gazetteer import EARTH_RADIUS_KM, unit_vectors
from .model import Leg, Stop
from .resolve import haversine_km

NATURALEARTH_URL = "https://naciscdn.org/naturalearth/10m/cultural/ne_10m_railroads.zip"
NATURALEARTH_ATTRIBUTION = 'Rail: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'
#: Dangling line ends this close to another part of the network are joined.
BRIDGE_KM = 5.0
#: A stop farther than this from any rail line gets direct legs.
MAX_SNAP_KM = 30.0
#: A rail route longer than this many times the straight line is a detour, not the way.
MAX_DETOUR = 2.5
_GRAPH_FORMAT = 2


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
    url = url or os.environ.get("GEOJOURNEY_NATURALEARTH_URL") or NATURALEARTH_URL
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            data = resp.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise DataError(f"cannot download Natural Earth railroads from {url} ({exc})") from None
    if len(data) < 1000 or not data.startswith(b"PK"):
        raise DataError(f"the download from {url} is not a zip file")
    tmp = target.with_name(target.name + ".check.zip")
    atomic_write_bytes(tmp, data)
    try:
        import pyogrio

        pyogrio.read_info(f"zip://{tmp}")
    except Exception:
        tmp.unlink(missing_ok=True)
        raise DataError(f"the download from {url} is not a readable rail layer") from None
    os.replace(tmp, target)
    return target


def _vsi(path: Path) -> str:
    return f"zip://{path}" if path.suffix.lower() == ".zip" else str(path)


def read_lines(path: Path, bbox: tuple[float, float, float, float] | None = None):
    """Read the line features of a rail layer as a GeoSeries in EPSG:4326."""
    import geopandas as gpd

    try:
        gdf = gpd.read_file(_vsi(path), bbox=bbox) if bbox else gpd.read_file(_vsi(path))
    except Exception as exc:
        raise InputError(f"rail layer {path.name}: cannot read it ({exc.__class__.__name__}: {exc})") from None
    if gdf.crs is None:
        raise InputError(f"rail layer {path.name}: the file has no coordinate reference system")
    geoms = gdf.geometry
    if gdf.crs.to_epsg() != 4326:
        geoms = geoms.to_crs("EPSG:4326")
    geoms = geoms[geoms.notna() & ~geoms.is_empty].explode(index_parts=False)
    return geoms[geoms.geom_type == "LineString"].force_2d()


@dataclass
class RailNetwork:
    """A routable rail network.

    Attributes
    ----------
    coords : ndarray (n, 2)
        Node coordinates, (lon, lat).
    graph : scipy.sparse.csr_matrix
        Symmetric edge lengths in km.
    bridges : set of (int, int)
        Edges that bridge gaps between lines (assumptions, reported on routes).
    """

    source: str
    path: Path | None
    attribution: str
    coords: np.ndarray
    graph: sparse.csr_matrix
    bridges: set[tuple[int, int]] = field(default_factory=set)
    _tree: cKDTree | None = None

    @property
    def tree(self) -> cKDTree:
        if self._tree is None:
            self._tree = cKDTree(unit_vectors(self.coords[:, 1], self.coords[:, 0]))
        return self._tree

    def snap(self, lat: float, lon: float) -> tuple[int, float]:
        """Nearest node to a point and its distance in km."""
        _, idx = self.tree.query(unit_vectors(np.array([lat]), np.array([lon]))[0])
        lo, la = self.coords[idx]
        return int(idx), haversine_km(lat, lon, la, lo)

    def route(self, a: int, b: int, limit_km: float) -> tuple[list[int], float] | None:
        """Shortest path from node ``a`` to ``b``: node list and km, or ``None``."""
        dist, pred = dijkstra(self.graph, directed=False, indices=a, return_predecessors=True, limit=limit_km)
        if not np.isfinite(dist[b]):
            return None
        path = [b]
        while path[-1] != a:
            path.append(int(pred[path[-1]]))
        path.reverse()
        return path, float(dist[b])


def build_network(lines, source: str, path: Path | None, attribution: str) -> RailNetwork:
    """Build a network from LineStrings in EPSG:4326."""
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
    keep = i != j
    i, j = i[keep], j[keep]
    w = _km(uniq[i], uniq[j])
    n = len(uniq)

    # Bridge each dangling line end to the nearest node that the lines themselves do
    # not reach nearby (a gap in the data, such as a river bridge left out).
    pts = unit_vectors(uniq[:, 1], uniq[:, 0])
    tree = cKDTree(pts)
    g0 = _symmetric_min(sparse.coo_matrix((np.maximum(w, 1e-6), (i, j)), shape=(n, n)).tocsr())
    bi, bj = _bridges(g0, uniq, pts, tree)
    bw = _km(uniq[bi], uniq[bj]) if bi else np.empty(0)
    rows = np.concatenate([i, np.asarray(bi, dtype=i.dtype)])
    cols = np.concatenate([j, np.asarray(bj, dtype=j.dtype)])
    weights = np.maximum(np.concatenate([w, bw]), 1e-6)
    graph = sparse.coo_matrix((weights, (rows, cols)), shape=(n, n)).tocsr()
    graph = _symmetric_min(graph)
    bridges = {(min(a, b), max(a, b)) for a, b in zip(bi, bj)}
    return RailNetwork(source, path, attribution, uniq, graph, bridges, tree)


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


def load_network(path: Path, source: str, attribution: str) -> RailNetwork:
    """The network of the rail layer at ``path``, from the cache when it was built before."""
    cached = cache_dir() / f"rail-{_GRAPH_FORMAT}-{_file_digest(path)}.npz"
    if cached.exists():
        try:
            with np.load(cached) as z:
                graph = sparse.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
                bridges = {(int(a), int(b)) for a, b in z["bridges"]}
                return RailNetwork(source, path, attribution, z["coords"], graph, bridges)
        except Exception:
            cached.unlink(missing_ok=True)  # corrupt: rebuild below
    net = build_network(read_lines(path), source, path, attribution)
    import io

    buf = io.BytesIO()
    np.savez(buf, coords=net.coords, data=net.graph.data, indices=net.graph.indices, indptr=net.graph.indptr,
             shape=np.array(net.graph.shape), bridges=np.array(sorted(net.bridges), dtype=np.int64).reshape(-1, 2))
    atomic_write_bytes(cached, buf.getvalue())
    return net


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


def route_legs(stops: list[Stop], net: RailNetwork | None) -> list[Leg]:
    """Route each leg between consecutive stops on ``net``; direct where it cannot be."""
    legs: list[Leg] = []
    snaps: dict[int, tuple[int, float]] = {}
    if net is not None:
        for s in stops:
            snaps[s.order] = net.snap(s.place.lat, s.place.lon)
            s.snap_km = round(snaps[s.order][1], 3)
    for a, b in zip(stops, stops[1:]):
        straight = haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
        direct = [(a.place.lon, a.place.lat), (b.place.lon, b.place.lat)]
        note = ""
        if net is None:
            note = "no rail layer"
        elif snaps[a.order][1] > MAX_SNAP_KM or snaps[b.order][1] > MAX_SNAP_KM:
            far = a if snaps[a.order][1] > MAX_SNAP_KM else b
            note = f"{far.place.name} is {snaps[far.order][1]:.0f} km from the nearest rail line"
        else:
            found = net.route(snaps[a.order][0], snaps[b.order][0], limit_km=MAX_DETOUR * straight + 100)
            if found is None:
                note = "no rail route between these stops on this layer"
            else:
                path, km = found
                km += snaps[a.order][1] + snaps[b.order][1]
                if km > MAX_DETOUR * straight and km - straight > 100:
                    note = f"the rail route ({km:,.0f} km) is a detour of the straight line ({straight:,.0f} km)"
                else:
                    coords = [(a.place.lon, a.place.lat)] + [tuple(map(float, net.coords[k])) for k in path]
                    coords.append((b.place.lon, b.place.lat))
                    used = sum((min(x, y), max(x, y)) in net.bridges for x, y in zip(path, path[1:]))
                    legs.append(Leg(a.order, b.order, "rail", round(km, 1), coords, "", used))
                    continue
        legs.append(Leg(a.order, b.order, "direct", round(straight, 1), direct, note))
    return legs
