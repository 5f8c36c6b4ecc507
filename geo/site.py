"""``geojourney build``: a folder of articles to a static site of maps.

Each article (``.txt``, or ``.md`` with optional front matter: ``title``, ``date``,
``source_url``, ``journey`` -- an edited journey file beside it) becomes
``SLUG.html`` (its map) and ``SLUG.geojson`` beside ``index.html``. Output is
byte-identical for unchanged input; an article whose input, options and
geojourney version are unchanged is not rendered again (a manifest records what
each page was made from); articles render in parallel over the machine's cores;
a broken article is reported and skipped, the rest are built.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .cache import atomic_write_bytes
from .errors import GeojourneyError, InputError

MANIFEST = ".geojourney-build.json"
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_KEYS = ("title", "date", "source_url", "journey")


@dataclass(frozen=True)
class Article:
    path: Path
    slug: str
    text: str
    meta: dict[str, str]
    digest: str


def read_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Front matter (flat ``key: value`` lines between ``---`` lines) and the body."""
    m = _FRONT.match(raw)
    if not m:
        return {}, raw
    meta = {}
    for line in m.group(1).splitlines():
        if ":" in line and not line.lstrip().startswith("#"):
            key, value = line.split(":", 1)
            key = key.strip().lower().replace("-", "_")
            if key in _KEYS:
                meta[key] = value.strip().strip("\"'")
    return meta, raw[m.end():]


def _slug(path: Path, taken: set[str]) -> str:
    base = re.sub(r"[^\w.-]+", "-", path.stem, flags=re.UNICODE).strip("-.") or "article"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def find_articles(src: Path, options_key: str) -> list[Article | tuple[Path, str]]:
    """The articles of ``src`` in name order (a broken one as ``(path, reason)``)."""
    from .pipeline import read_article

    if not src.is_dir():
        raise InputError(f"not a folder: {src}")
    out: list[Article | tuple[Path, str]] = []
    taken: set[str] = set()
    for path in sorted(p for p in src.rglob("*") if p.suffix.lower() in (".txt", ".md") and p.is_file()):
        slug = _slug(path.relative_to(src).with_suffix(""), taken) if path.parent == src else \
            _slug(Path(str(path.relative_to(src).with_suffix("")).replace(os.sep, "-")), taken)
        try:
            meta, body = read_front_matter(read_article(path))
            h = hashlib.sha256(f"{__version__}\0{options_key}\0".encode())
            h.update(path.read_bytes())
            if meta.get("journey"):
                jf = (path.parent / meta["journey"])
                meta["journey"] = str(jf)
                h.update(jf.read_bytes() if jf.is_file() else b"missing")
            out.append(Article(path, slug, body, meta, h.hexdigest()))
        except GeojourneyError as exc:
            out.append((path, str(exc)))
    return out


_WORKER: dict = {}


def _init_worker(gazetteers: list[str]) -> None:
    from .gazetteer import Gazetteer

    _WORKER["gazetteer"] = Gazetteer(gazetteers)


def render_article(article: Article, rail: str | None, gazetteers: list[str], self_contained: bool) -> dict:
    """Render one article; returns its page, GeoJSON and summary (or an ``error``)."""
    from .export import journey_geojson
    from .pipeline import build_journey, journey_from_file
    from .render import render_html

    try:
        if article.meta.get("journey"):
            journey, file_title = journey_from_file(article.meta["journey"], rail=rail, gazetteers=gazetteers)
        else:
            if "gazetteer" not in _WORKER:  # a worker of another engine: load once per process
                _init_worker(gazetteers)
            gaz = _WORKER["gazetteer"]
            journey = build_journey(article.text, rail=rail, gazetteers=gazetteers, gazetteer=gaz,
                                    date=article.meta.get("date"))
            file_title = None
        title = article.meta.get("title") or file_title
        page = render_html(journey, title, self_contained=self_contained, source_url=article.meta.get("source_url"))
        from .render import _default_title

        return {"slug": article.slug, "page": page,
                "geojson": json.dumps(journey_geojson(journey), ensure_ascii=False, indent=1) + "\n",
                "title": title or _default_title(journey), "stops": len(journey.stops),
                "km": round(sum(leg.length_km for leg in journey.legs)), "date": article.meta.get("date", "")}
    except GeojourneyError as exc:
        return {"slug": article.slug, "error": str(exc)}


def _index(entries: list[dict], site_title: str) -> str:
    rows = "\n".join(
        f"<li><a href=\"{html.escape(e['slug'])}.html\">{html.escape(e['title'])}</a>"
        f" <span>{html.escape(e.get('date') or '')} · {e['stops']} stops · {e['km']:,} km</span>"
        f" <a class=\"data\" href=\"{html.escape(e['slug'])}.geojson\">GeoJSON</a></li>" for e in entries)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(site_title)}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#202124}}
li{{margin:.4rem 0}} span{{color:#5f6368;font-size:.9em}} a.data{{font-size:.8em}}</style></head>
<body><h1>{html.escape(site_title)}</h1>
<ol>
{rows}
</ol>
<p><small>Made with geojourney {html.escape(__version__)}.</small></p></body></html>
"""


def build_site(src: Path, out: Path, *, rail: str | None = None, gazetteers: list[str] = (), jobs: int | None = None,
               self_contained: bool = False, title: str | None = None, engine: str = "local",
               scheduler: str | None = None, progress: bool = True) -> dict:
    """Build the site; returns counts: ``built``, ``skipped`` (unchanged), ``failed`` and the ``errors``."""
    options_key = json.dumps([rail, [str(g) for g in gazetteers], self_contained], sort_keys=True)
    articles = find_articles(src, options_key)
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text("utf-8"))
    except (OSError, ValueError):
        manifest = {}
    errors = [f"{p.name}: {why}" for p, why in (a for a in articles if isinstance(a, tuple))]
    good = [a for a in articles if isinstance(a, Article)]
    todo = [a for a in good if manifest.get(a.slug, {}).get("digest") != a.digest
            or not (out / f"{a.slug}.html").is_file() or not (out / f"{a.slug}.geojson").is_file()]
    results = _run(todo, rail, list(map(str, gazetteers)), self_contained, jobs, engine, scheduler, progress)
    new_manifest = {}
    for a in good:
        r = results.get(a.slug)
        if r is None:  # unchanged
            new_manifest[a.slug] = manifest[a.slug]
        elif "error" in r:
            errors.append(f"{a.path.name}: {r['error']}")
        else:
            atomic_write_bytes(out / f"{a.slug}.html", r["page"].encode("utf-8"))
            atomic_write_bytes(out / f"{a.slug}.geojson", r["geojson"].encode("utf-8"))
            new_manifest[a.slug] = {"digest": a.digest, "title": r["title"], "stops": r["stops"], "km": r["km"],
                                    "date": r["date"], "slug": a.slug}
    entries = [new_manifest[a.slug] for a in good if a.slug in new_manifest]
    atomic_write_bytes(out / "index.html", _index(entries, title or src.name).encode("utf-8"))
    atomic_write_bytes(manifest_path, (json.dumps(new_manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
                       .encode("utf-8"))
    return {"built": sum(1 for r in results.values() if "error" not in r),
            "skipped": len(good) - len(todo), "failed": len(errors), "errors": errors}


def _run(todo: list[Article], rail, gazetteers, self_contained, jobs, engine, scheduler, progress) -> dict[str, dict]:
    if not todo:
        return {}
    if engine == "dask":
        from .distributed import map_on_dask

        rows = map_on_dask(render_article, todo, scheduler, rail=rail, gazetteers=gazetteers,
                           self_contained=self_contained)
        return {r["slug"]: r for r in rows}
    from tqdm import tqdm

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    bar = tqdm(total=len(todo), unit="article", file=sys.stderr, disable=not progress, desc="geojourney build")
    results: dict[str, dict] = {}
    if jobs == 1:
        _init_worker(gazetteers)
        for a in todo:
            results[a.slug] = render_article(a, rail, gazetteers, self_contained)
            bar.update()
    else:
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(gazetteers,)) as pool:
            futures = {pool.submit(render_article, a, rail, gazetteers, self_contained): a for a in todo}
            from concurrent.futures import as_completed

            for f in as_completed(futures):
                r = f.result()
                results[r["slug"]] = r
                bar.update()
    bar.close()
    return results
