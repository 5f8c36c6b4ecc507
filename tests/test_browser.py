"""The seed's map in a real browser (Debian's Chromium driven by Playwright), the network blocked."""

from __future__ import annotations

import shutil

import pytest
from conftest import CORRIDOR, SEED, STATIONS, run_cli

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is installed by .ci/run")
TILE_HOSTS = ("server.arcgisonline.com", "tiles.openrailwaymap.org")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def render(tmp_path, *extra, article=SEED, name="map.html"):
    out = tmp_path / name
    res = run_cli("map", article, "--rail", CORRIDOR, "--gazetteer", STATIONS, "-o", out, *extra)
    assert res.returncode == 0, res.stderr.decode()
    return out


class Visit:
    """A page opened with every network request blocked and every message recorded."""

    def __init__(self, browser, path, **context):
        self.ctx = browser.new_context(**context)
        self.page = self.ctx.new_page()
        self.console, self.errors, self.blocked, self.dialogs = [], [], [], []
        self.page.on("console", lambda m: self.console.append(m) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def block(route):
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                self.blocked.append(route.request.url)
                route.abort()

        self.page.route("**/*", block)
        self.page.goto(path.as_uri())
        self.page.wait_for_timeout(800)

    def script_errors(self):
        """Console errors other than the blocked tile requests, and uncaught exceptions."""
        return [m.text for m in self.console if not m.text.startswith("Failed to load resource")] + self.errors

    def close(self):
        self.ctx.close()


def test_self_contained_seed_draws_stops_legs_and_list_offline(tmp_path, browser):
    v = Visit(browser, render(tmp_path, "--self-contained"), viewport={"width": 1000, "height": 700})
    page = v.page
    assert page.locator(".leaflet-marker-icon").count() == 4
    assert page.locator("path.gj-leg").count() == 3  # the three legs
    assert page.locator("path.gj-gap").count() == 1  # and the bridged Tumen gap, drawn as such
    assert page.locator(".leaflet-overlay-pane path").count() > 3  # and the rail lines around them
    items = page.locator(".gj-stops ol > li")
    assert items.count() == 4 and "Pyongyang" in items.nth(0).inner_text()
    assert page.locator(".gj-stops").get_attribute("open") is not None  # open on a wide screen
    assert page.locator(".gj-label").all_inner_texts()[0] == "Pyongyang"
    assert v.script_errors() == []
    assert v.blocked and all(any(h in u for h in TILE_HOSTS) for u in v.blocked)  # only tiles wanted the network
    v.close()


def test_plain_background_page_makes_no_request_and_no_error(tmp_path, browser):
    v = Visit(browser, render(tmp_path, "--self-contained", "--tiles", "none"))
    assert v.blocked == [] and [m.text for m in v.console] == [] and v.errors == []
    assert v.page.locator(".leaflet-marker-icon").count() == 4
    v.close()


def test_phone_viewport_fills_screen_and_collapses_panels(tmp_path, browser):
    v = Visit(browser, render(tmp_path, "--self-contained"), viewport={"width": 390, "height": 844},
              is_mobile=True, has_touch=True, device_scale_factor=2)
    page = v.page
    box = page.locator(".leaflet-container").bounding_box()
    assert box["width"] == 390 and box["height"] == 844
    assert page.locator("details.gj-stops").get_attribute("open") is None
    assert page.locator("details.gj-legend").get_attribute("open") is None
    assert page.locator(".leaflet-marker-icon").count() == 4
    page.locator(".leaflet-marker-icon").nth(3).tap()
    page.wait_for_timeout(300)
    assert "Vladivostok" in page.locator(".leaflet-popup-content").inner_text()
    assert v.script_errors() == []
    v.close()


def test_markers_are_named_buttons_reachable_by_keyboard(tmp_path, browser):
    v = Visit(browser, render(tmp_path, "--self-contained"))
    page = v.page
    markers = page.locator(".leaflet-marker-icon")
    assert [markers.nth(i).get_attribute("title") for i in range(4)][0] == "Stop 1: Pyongyang"
    assert all(markers.nth(i).get_attribute("role") == "button" and markers.nth(i).get_attribute("tabindex") == "0"
               for i in range(4))
    markers.nth(0).focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert "Pyongyang" in page.locator(".leaflet-popup-content").inner_text()
    container = page.locator(".leaflet-container")
    assert container.get_attribute("aria-label").startswith("Map: ")
    summary = page.locator("#gj-summary").inner_text()
    assert "4 stops" in summary and "Vladivostok" in summary and "km" in summary
    v.close()


def test_hostile_page_runs_no_script_in_the_browser(tmp_path, browser):
    from test_map import HOSTILE_STRINGS

    article = tmp_path / "hostile.txt"
    article.write_text("The train left Pyongyang " + " ".join(HOSTILE_STRINGS) + " and arrived in Vladivostok.\n"
                       + "\n".join(HOSTILE_STRINGS), "utf-8")
    hostile = " ".join(HOSTILE_STRINGS)
    out = render(tmp_path, "--self-contained", "--tiles", "none", "--title", hostile, "--credit", hostile,
                 "--source-url", "https://example.org/?q=\"><script>alert(7)</script>", article=article)
    v = Visit(browser, out)
    page = v.page
    assert v.dialogs == [] and v.errors == []
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("img[src='x'], [onerror], [onload], [onclick], svg script").count() == 0
    assert "<img src=x onerror=" in page.locator(".gj-side h1").inner_text()  # shown as text, not run
    page.locator(".leaflet-marker-icon").nth(0).click()
    page.wait_for_timeout(200)
    assert v.dialogs == [] and page.evaluate("window.__pwned === undefined")
    v.close()
