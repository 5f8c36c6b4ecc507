"""``geojourney places --jsonl``: place mentions for many documents, one JSON line in and out each.

Input lines are ``{"id": ..., "text": ..., "lang": ...}`` (``lang`` optional: the ISO 639-1
code of the text's language, else it is told from the text where it matters); output
lines are ``{"id": ..., "places": [...]}`` with the fields of ``places --format json``,
in input order. A line that is not such an object is reported on standard error
(with its number) and skipped; the run goes on. A document that meets a fault of geojourney's
own gets an output line with no places and an ``"error"``, is reported on standard error, and
the run goes on too (its exit status is then 1). Progress goes to standard error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator

from .errors import GeojourneyError, InputError

PROGRESS_EVERY = 1000
BATCH = 200  # documents per task on Dask
SMALL_BATCH = 20  # documents per task on this machine's cores
GC_THRESHOLD = 50_000  # allocations between the workers' youngest-generation collections (Python's default: 700)


def _lines(source: str) -> Iterator[tuple[int, str]]:
    if source == "-":
        stream = sys.stdin.buffer
    else:
        p = Path(source)
        if not p.is_file():
            raise InputError(f"not found: {source}")
        stream = open(p, "rb")
    try:
        for n, raw in enumerate(stream, 1):
            yield n, raw.decode("utf-8", errors="replace")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def parse_line(n: int, line: str) -> tuple[Any, str, str | None] | str:
    """``(id, text, lang)`` of one input line, or why it is skipped."""
    try:
        doc = json.loads(line)
    except ValueError as exc:
        return f"line {n}: not JSON ({exc.msg})"
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        return f"line {n}: not an object with a \"text\" string"
    lang = doc.get("lang")
    return doc.get("id", n), doc["text"], lang if isinstance(lang, str) and lang else None


_GAZETTEER: dict = {}


def places_of(batch: list[tuple[Any, str, str | None]], gazetteers: list[str]) -> list[str]:
    """Output lines for a batch of (id, text, lang)."""
    from .export import mention_record
    from .gazetteer import Gazetteer
    from .pipeline import place_mentions

    if "g" not in _GAZETTEER:
        _GAZETTEER["g"] = Gazetteer(gazetteers)
    out = []
    for ident, text, lang in batch:
        try:
            mentions = place_mentions(text, _GAZETTEER["g"], lang) if text.strip() else []
            record = {"id": ident, "places": [mention_record(m) for m in mentions]}
        except GeojourneyError:
            raise  # the input or the data as a whole: the run stops with one line
        except Exception as exc:  # noqa: BLE001 - one document's fault must not cost the others theirs
            record = {"id": ident, "places": [], "error": f"internal error: {exc.__class__.__name__}: {exc}"}
        out.append(json.dumps(record, ensure_ascii=False))
    return out


def _report_failed(lines: list[str]) -> int:
    """Report on standard error the documents among ``lines`` that met a fault; how many."""
    failed = 0
    for line in lines:
        if line.endswith("]}"):  # nothing after the places: no error (nearly every line)
            continue
        doc = json.loads(line)
        if "error" in doc:
            print(f"geojourney: document {json.dumps(doc['id'], ensure_ascii=False)}: {doc['error']}"
                  " (please report it)", file=sys.stderr)
            failed += 1
    return failed


def _local_results(docs: list[tuple[Any, str, str | None]], gazetteers: list[str]) -> Iterator[tuple[list[str], int]]:
    """Output lines batch by batch, in input order: on every core, in processes forked once the
    gazetteer and the models are loaded (they share those pages), where the system can fork."""
    import gc
    import multiprocessing
    import os
    from functools import partial

    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    small = [docs[i:i + SMALL_BATCH] for i in range(0, len(docs), SMALL_BATCH)]
    # a batch makes hundreds of thousands of short-lived tokens and feature lists a second, and few
    # reference cycles: collect them less often (memory stays flat); the settings are put back after
    threshold = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *threshold[1:])
    try:
        if jobs < 2 or len(small) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for batch in small:
                yield places_of(batch, gazetteers), len(batch)
            return
        places_of([(0, "Paris", None)], gazetteers)  # load everything once, before forking
        from .recognizer import preload

        preload()
        # set it aside from the collector, so that the workers neither scan it again and again nor
        # copy its pages by touching it (Python's advice for forking)
        gc.freeze()
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for batch, lines in zip(small, pool.imap(partial(places_of, gazetteers=gazetteers), small)):
                yield lines, len(batch)
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def places_jsonl(source: str, gazetteers: list[str], engine: str = "local", scheduler: str | None = None) -> int:
    """Run the batch; returns the exit status (0, or 1 when some lines were skipped)."""
    docs: list[tuple[Any, str, str | None]] = []
    skipped = failed = 0
    for n, line in _lines(source):
        if not line.strip():
            continue
        parsed = parse_line(n, line)
        if isinstance(parsed, str):
            print(f"geojourney: skipped {parsed}", file=sys.stderr)
            skipped += 1
        else:
            docs.append(parsed)
    batches = [docs[i:i + BATCH] for i in range(0, len(docs), BATCH)]
    if engine == "dask":
        from .distributed import map_on_dask

        results = map_on_dask(places_of, batches, scheduler, gazetteers=list(gazetteers))
        for lines in results:
            sys.stdout.write("".join(x + "\n" for x in lines))
            failed += _report_failed(lines)
    else:
        done = 0
        for lines, size in _local_results(docs, list(gazetteers)):
            sys.stdout.write("".join(x + "\n" for x in lines))
            failed += _report_failed(lines)
            done += size
            if done % PROGRESS_EVERY < size and len(docs) > PROGRESS_EVERY:
                print(f"geojourney: {done:,} of {len(docs):,} documents", file=sys.stderr)
    sys.stdout.flush()
    print(f"geojourney: {len(docs):,} documents, {skipped} lines skipped"
          + (f", {failed} failed" if failed else ""), file=sys.stderr)
    return 1 if skipped or failed else 0
