"""Re-make the README's screenshot of the seed map: headless Chromium, network blocked (plain background).

    python assets/make_screenshot.py   # needs Debian's chromium and the test extra (playwright)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "seed.html"
        subprocess.run([sys.executable, "-m", "geo.cli", "map", str(ROOT / "assets/examples/kim-russia-2023.hi.txt"),
                        "--rail", str(SHARED / "rail/ne_10m_railroads_korea_primorye.geojson"),
                        "--gazetteer", str(SHARED / "stations/ru_rail_stations_osm.geojson"),
                        "--self-contained", "-o", str(page_path)], check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1100, "height": 720})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(page_path.as_uri())
            page.wait_for_timeout(1000)
            page.screenshot(path=str(ROOT / "assets" / "seed-map.png"))
            browser.close()


if __name__ == "__main__":
    main()
