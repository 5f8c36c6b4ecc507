"""Page weight of the seed's map: geojourney's pages against folium's default output for the same journey.

Counts the HTML and every script and style sheet it loads (tiles aside), raw and gzip-compressed, and the
hosts it reaches. The CDN files folium's page loads are fetched from the npm registry (the same packages
the CDNs serve), into a temporary folder; a file no registry carries is listed as not measured.

    python tests/benchmarks/page_weight.py
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

# CDN address -> (npm package@version, file inside the package)
NPM = [
    (r"cdn\.jsdelivr\.net/npm/(@?[^@]+)@([^/]+)/(.+)", lambda m: (f"{m[1]}@{m[2]}", m[3])),
    (r"code\.jquery\.com/jquery-([\d.]+)\.min\.js", lambda m: (f"jquery@{m[1]}", "dist/jquery.min.js")),
    (r"cdnjs\.cloudflare\.com/ajax/libs/Leaflet\.awesome-markers/([\d.]+)/leaflet\.awesome-markers\.(js|css)",
     lambda m: (f"drmonty-leaflet-awesome-markers@{m[1]}", f"{m[2]}/leaflet.awesome-markers.{m[2]}")),
]


def npm_file(url: str, work: Path) -> bytes | None:
    for pattern, target in NPM:
        m = re.search(pattern, url)
        if m:
            spec, inner = target(m)
            out = subprocess.run(["npm", "pack", spec, "--silent", "--pack-destination", str(work)],
                                 capture_output=True, text=True, timeout=120)
            if out.returncode != 0:
                return None
            with tarfile.open(work / out.stdout.strip().splitlines()[-1]) as tar:
                try:
                    return tar.extractfile(f"package/{inner}").read()
                except KeyError:
                    return None
    return None


def resources(page: str) -> list[str]:
    return re.findall(r'<script[^>]+src="([^"]+)"', page) + re.findall(r'<link[^>]+href="([^"]+)"', page)


def weigh(label: str, page: str, fetch) -> dict:
    files = [("(page)", page.encode())]
    unmeasured = []
    for url in resources(page):
        data = fetch(url)
        if data is None:
            unmeasured.append(url)
        else:
            files.append((url, data))
    raw = sum(len(d) for _, d in files)
    gz = sum(len(gzip.compress(d, 9)) for _, d in files)
    hosts = sorted({urlsplit(u).netloc for u in resources(page)})
    return {"label": label, "requests": len(resources(page)), "hosts": hosts, "raw": raw, "gzip": gz,
            "unmeasured": unmeasured, "files": files}


def folium_default(journey) -> str:
    """The same journey drawn with folium's defaults, the way its documentation shows."""
    import folium

    m = folium.Map(location=[journey.stops[0].place.lat, journey.stops[0].place.lon], zoom_start=5)
    for leg in journey.legs:
        folium.PolyLine([(lat, lon) for lon, lat in leg.coordinates], color="red").add_to(m)
    for s in journey.stops:
        folium.Marker([s.place.lat, s.place.lon], popup=s.mention.text, tooltip=s.place.name).add_to(m)
    return m.get_root().render()


def main() -> None:
    import xstatic.pkg.leaflet as xl

    from geo import build_journey, read_article
    from geo.render import render_html

    text = read_article(ROOT / "assets" / "examples" / "kim-russia-2023.hi.txt")
    journey = build_journey(text, rail=str(SHARED / "rail" / "ne_10m_railroads_korea_primorye.geojson"),
                            gazetteers=[SHARED / "stations" / "ru_rail_stations_osm.geojson"])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        leaflet = {u: (Path(xl.BASE_DIR) / u.rsplit("/", 1)[1]).read_bytes() for u in resources(render_html(journey))}
        rows = [
            weigh("geojourney (default)", render_html(journey), lambda u: leaflet.get(u) or npm_file(u, work)),
            weigh("geojourney --self-contained", render_html(journey, self_contained=True), lambda u: None),
            weigh("folium default", folium_default(journey), lambda u: npm_file(u, work)),
        ]
    print(f"{'page':30} {'requests':>8} {'hosts':>5} {'KB raw':>8} {'KB gzip':>8}")
    for r in rows:
        print(f"{r['label']:30} {r['requests']:8d} {len(r['hosts']):5d} {r['raw'] / 1000:8.1f} {r['gzip'] / 1000:8.1f}")
    for r in rows:
        for url in r["unmeasured"]:
            print(f"  {r['label']}: not measured (no package registry carries it): {url}")
    base, ours = rows[2], rows[0]
    print(f"geojourney's default page is {ours['raw'] / base['raw']:.0%} of folium's default by raw bytes "
          f"({ours['gzip'] / base['gzip']:.0%} gzipped), {ours['requests']} requests to "
          f"{len(ours['hosts'])} host(s) instead of {base['requests']} to {len(base['hosts'])}.")


if __name__ == "__main__":
    main()
