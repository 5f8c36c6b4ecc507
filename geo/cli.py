"""The ``geojourney`` command line.

Commands: ``journey`` (stops and legs as GeoJSON), ``map`` (the interactive
HTML map) and ``places`` (every place mention as JSON). Bad input exits with
status 2 and one line on standard error; no output file is left half-written.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from . import __version__
from .errors import GeojourneyError

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="geojourney", description="Turn a news report into a map of the journey it describes.")
    p.add_argument("--version", action="version", version=f"geojourney {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp: argparse.ArgumentParser, journey: bool = True) -> None:
        sp.add_argument("article", metavar="ARTICLE", nargs="?",
                        help="a UTF-8 text file, or - for standard input")
        sp.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                        help="extra places: GeoJSON or CSV points with a 'name' (repeatable)")
        if journey:
            sp.add_argument("--rail", metavar="SRC", default=None,
                            help="rail layer: a vector file, 'naturalearth' (default), 'osm' (OpenStreetMap rail "
                                 "and stations of the journey's corridor, from Overpass) or 'none'")
            sp.add_argument("--date", metavar="YYYY-MM-DD", default=None,
                            help="the article's date, against which weekdays in the text are resolved")
            sp.add_argument("--online", action="store_true",
                            help="look up the places the offline gazetteer cannot place on Nominatim (cached)")
            sp.add_argument("--user-agent", default=None,
                            help="how --online identifies you to Nominatim (its usage policy asks for one)")
            sp.add_argument("--journey", metavar="FILE", default=None,
                            help="render an edited journey file (TOML, from --format toml) instead of reading ARTICLE")
            sp.add_argument("--via", metavar="'A; B'", default=None,
                            help="stations or towns the train is known to have passed: legs are routed through them")
            sp.add_argument("--stops", metavar="'A; B; C'", default=None,
                            help="the stops, in order, overriding those read from the text")
            sp.add_argument("--lang", default=None, metavar="CODE",
                            help="the article's language, ISO 639-1 such as fi or de (default: told from its words)")

    j = sub.add_parser("journey", help="print the journey's stops and legs")
    common(j)
    j.add_argument("--format", choices=["geojson", "csv", "gpx", "kml", "toml"], default="geojson",
                   help="geojson (default), csv (stops, for Datawrapper and spreadsheets), gpx, kml, or toml "
                        "(an editable journey file for --journey)")

    m = sub.add_parser("map", help="write the interactive map as HTML")
    common(m)
    m.add_argument("-o", "--output", required=True, metavar="OUT.html")
    m.add_argument("--title", default=None)
    m.add_argument("--self-contained", action="store_true",
                   help="inline Leaflet so the page needs the network only for map tiles")
    m.add_argument("--tiles", default=None, metavar="NAME",
                   help="base map: an xyzservices provider name, or 'none' (default: Esri.WorldGrayCanvas)")
    m.add_argument("--tiles-key", default=None, metavar="KEY",
                   help="API key for tile providers that need one (or set GEOJOURNEY_TILES_KEY)")
    m.add_argument("--railway-overlay", action="store_true", help="add OpenRailwayMap as a switchable overlay")
    m.add_argument("--credit", default=None, help="credit line shown under the title")
    m.add_argument("--source-url", default=None, metavar="URL", help="link to the article, shown under the title")
    m.add_argument("--embed", action="store_true", help="also print an <iframe> snippet for a news page")
    m.add_argument("--embed-src", default=None, metavar="URL",
                   help="the address the page will be published at (default: the output file's name)")
    m.add_argument("--aspect", default="4:3", metavar="W:H", help="aspect ratio of the embed snippet (default 4:3)")

    b = sub.add_parser("build", help="render a folder of articles to a static site of maps")
    b.add_argument("src", metavar="SRC", help="a folder of .txt or .md articles (front matter: title, date, "
                                             "source_url, journey)")
    b.add_argument("-o", "--output", required=True, metavar="SITE")
    b.add_argument("--rail", metavar="SRC", default=None, help="as for map")
    b.add_argument("--gazetteer", action="append", default=[], metavar="FILE")
    b.add_argument("--self-contained", action="store_true")
    b.add_argument("--title", default=None, help="the index page's title")
    b.add_argument("-j", "--jobs", type=int, default=None, help="parallel workers (default: the machine's cores)")
    b.add_argument("--engine", choices=["local", "dask"], default="local")
    b.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="dask.distributed scheduler address (default with --engine dask: a local cluster)")

    d = sub.add_parser("data", help="fetch data into the cache (GeoNames full country files)")
    dsub = d.add_subparsers(dest="action", required=True, metavar="ACTION")
    fetch = dsub.add_parser("fetch", help="download a data set into the cache")
    fetch.add_argument("dataset", choices=["geonames"])
    fetch.add_argument("codes", nargs="+", metavar="CODE", help="two-letter country codes (RU KP ...)")
    fetch.add_argument("--url", default=None, help="download address (default: $GEOJOURNEY_GEONAMES_URL or "
                                                   "https://download.geonames.org/export/dump/)")
    fetch.add_argument("--force", action="store_true", help="download again even if already fetched")

    pl = sub.add_parser("places", help="list every place mention")
    common(pl, journey=False)
    pl.add_argument("--format", choices=["json"], default="json")
    pl.add_argument("--jsonl", metavar="FILE", default=None,
                    help="many documents: one JSON object per line ({\"id\", \"text\"}), - for standard input; "
                         "writes one line per document")
    pl.add_argument("--lang", default=None, metavar="CODE",
                    help="the article's language, ISO 639-1 (default: told from its words; with --jsonl, "
                         "each line's \"lang\")")
    pl.add_argument("--engine", choices=["local", "dask"], default="local", help="with --jsonl: where to run")
    pl.add_argument("--scheduler", default=None, metavar="ADDRESS", help="dask.distributed scheduler address")
    return p


def _write_atomically(path: Path, text: str) -> None:
    from .cache import atomic_write_bytes

    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as exc:
        raise GeojourneyError(f"cannot write {path}: {exc.strerror or exc}") from None


def _build(args: argparse.Namespace) -> int:
    from .site import build_site

    done = build_site(Path(args.src), Path(args.output), rail=args.rail, gazetteers=args.gazetteer, jobs=args.jobs,
                      self_contained=args.self_contained, title=args.title, engine=args.engine,
                      scheduler=args.scheduler, progress=sys.stderr.isatty())
    for e in done["errors"]:
        print(f"geojourney: skipped {e}", file=sys.stderr)
    print(f"geojourney: built {done['built']}, skipped {done['skipped']} unchanged, {done['failed']} failed "
          f"-> {args.output}", file=sys.stderr)
    return 1 if done["failed"] else 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "build":
        return _build(args)
    if args.command == "data":
        from .geonames import fetch

        for code, path, rows in fetch(args.codes, url=args.url, force=args.force):
            print(f"geojourney: GeoNames {code}: {rows:,} rows in {path}", file=sys.stderr)
        return 0
    from .gazetteer import Gazetteer
    from .pipeline import build_journey, check_language, place_mentions, read_article

    if getattr(args, "lang", None) is not None:
        args.lang = check_language(args.lang)

    if args.command == "places":
        if (args.article is None) == (args.jsonl is None):
            raise GeojourneyError("give an ARTICLE or --jsonl FILE (one of them)")
        if args.jsonl is not None:
            from .batch import places_jsonl

            return places_jsonl(args.jsonl, args.gazetteer, engine=args.engine, scheduler=args.scheduler)
    elif (args.article is None) == (args.journey is None):
        raise GeojourneyError("give an ARTICLE or --journey FILE (one of them)")
    text = read_article(args.article) if args.article is not None else None
    if args.command == "map":  # check the page options before the slow work
        from .render import DEFAULT_TILES, _check_url, embed_snippet, tile_provider

        args.tiles = args.tiles or DEFAULT_TILES
        tile_provider(args.tiles, args.tiles_key)
        _check_url(args.source_url)
        embed_snippet("x", "x", args.aspect)
    if args.command == "places":
        from .export import mention_record

        gaz = Gazetteer(args.gazetteer)
        mentions = place_mentions(text, gaz, args.lang)
        from .cache import take_notices

        for w in take_notices() + gaz.warnings:
            print(f"geojourney: warning: {w}", file=sys.stderr)
        if not mentions:
            raise GeojourneyError("no places found in the text")
        json.dump([mention_record(m) for m in mentions], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0

    stops = [s.strip() for s in args.stops.split(";") if s.strip()] if args.stops else None
    if args.stops is not None and not stops:
        raise GeojourneyError("--stops: give names separated by ';'")
    via = [s.strip() for s in args.via.split(";") if s.strip()] if args.via else None
    file_title = None
    if args.journey:
        from .pipeline import journey_from_file

        journey, file_title = journey_from_file(args.journey, rail=args.rail, via=via, gazetteers=args.gazetteer)
    else:
        journey = build_journey(text, rail=args.rail, gazetteers=args.gazetteer, stops=stops, via=via, date=args.date,
                                online=args.online, user_agent=args.user_agent, lang=args.lang)
    for w in journey.warnings:
        print(f"geojourney: warning: {w}", file=sys.stderr)
    if args.command == "journey" and args.format != "geojson":
        from .export import export_text

        sys.stdout.write(export_text(journey, args.format, file_title))
        return 0
    if args.command == "journey":
        from .export import journey_geojson

        json.dump(journey_geojson(journey), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from .render import render_html

    out = Path(args.output)
    if not out.parent.is_dir():
        raise GeojourneyError(f"cannot write {out}: no such directory {out.parent}")
    page = render_html(journey, args.title or file_title, self_contained=args.self_contained, tiles=args.tiles,
                       tiles_key=args.tiles_key, railway_overlay=args.railway_overlay, credit=args.credit,
                       source_url=args.source_url)
    _write_atomically(out, page)
    print(f"geojourney: wrote {out} ({len(journey.stops)} stops, {len(journey.legs)} legs)", file=sys.stderr)
    if args.embed:
        from .render import _default_title, embed_snippet

        print(embed_snippet(args.embed_src or out.name, args.title or file_title or _default_title(journey), args.aspect))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``geojourney`` command."""
    args = _parser().parse_args(argv)
    warnings.simplefilter("ignore")  # library chatter; our own warnings are printed above
    try:
        return _run(args)
    except GeojourneyError as exc:
        print(f"geojourney: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("geojourney: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback with GEOJOURNEY_DEBUG=1
        import os

        if os.environ.get("GEOJOURNEY_DEBUG"):
            raise
        print(f"geojourney: internal error: {exc.__class__.__name__}: {exc} (run with GEOJOURNEY_DEBUG=1 "
              "for details, and please report it)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
