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
        sp.add_argument("article", metavar="ARTICLE", help="a UTF-8 text file, or - for standard input")
        sp.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                        help="extra places: GeoJSON or CSV points with a 'name' (repeatable)")
        if journey:
            sp.add_argument("--rail", metavar="SRC", default=None,
                            help="rail layer: a vector file, 'naturalearth' (default) or 'none'")
            sp.add_argument("--stops", metavar="'A; B; C'", default=None,
                            help="the stops, in order, overriding those read from the text")

    j = sub.add_parser("journey", help="print the journey's stops and legs")
    common(j)
    j.add_argument("--format", choices=["geojson"], default="geojson")

    m = sub.add_parser("map", help="write the interactive map as HTML")
    common(m)
    m.add_argument("-o", "--output", required=True, metavar="OUT.html")
    m.add_argument("--title", default=None)
    m.add_argument("--self-contained", action="store_true",
                   help="inline Leaflet so the page needs the network only for map tiles")

    pl = sub.add_parser("places", help="list every place mention")
    common(pl, journey=False)
    pl.add_argument("--format", choices=["json"], default="json")
    return p


def _write_atomically(path: Path, text: str) -> None:
    from .cache import atomic_write_bytes

    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as exc:
        raise GeojourneyError(f"cannot write {path}: {exc.strerror or exc}") from None


def _run(args: argparse.Namespace) -> int:
    from .gazetteer import Gazetteer
    from .pipeline import build_journey, place_mentions, read_article

    text = read_article(args.article)
    if args.command == "places":
        from .export import mention_record

        mentions = place_mentions(text, Gazetteer(args.gazetteer))
        if not mentions:
            raise GeojourneyError("no places found in the text")
        json.dump([mention_record(m) for m in mentions], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0

    stops = [s.strip() for s in args.stops.split(";") if s.strip()] if args.stops else None
    if args.stops is not None and not stops:
        raise GeojourneyError("--stops: give names separated by ';'")
    journey = build_journey(text, rail=args.rail, gazetteers=args.gazetteer, stops=stops)
    for w in journey.warnings:
        print(f"geojourney: warning: {w}", file=sys.stderr)
    if args.command == "journey":
        from .export import journey_geojson

        json.dump(journey_geojson(journey), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from .render import render_html

    out = Path(args.output)
    if not out.parent.is_dir():
        raise GeojourneyError(f"cannot write {out}: no such directory {out.parent}")
    _write_atomically(out, render_html(journey, args.title, self_contained=args.self_contained))
    print(f"geojourney: wrote {out} ({len(journey.stops)} stops, {len(journey.legs)} legs)", file=sys.stderr)
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


if __name__ == "__main__":
    sys.exit(main())
