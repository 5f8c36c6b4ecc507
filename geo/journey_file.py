"""The editable journey file (TOML): the journalist's corrections survive every rebuild.

``geojourney journey ARTICLE --format toml`` writes the journey as read from the
text; ``--journey FILE`` renders from the file unchanged (its stops, roles, dates
and leg modes), routing the legs afresh on the rail layer. Errors name the line.
"""

from __future__ import annotations

import math
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Journey, Mention, Place, Stop

ROLES = ("origin", "via", "destination", "planned")
MODES = ("rail", "air", "road", "sea", "direct")
HEADER = ("# geojourney journey file. Edit the stops (names, coordinates, roles, dates) and the legs' modes,\n"
          "# then render it with: geojourney map --journey THIS_FILE -o map.html\n")


def journey_toml(journey: Journey, title: str | None = None) -> str:
    """The journey as an editable TOML document."""
    import tomli_w

    doc: dict[str, Any] = {}
    if title:
        doc["title"] = title
    doc["stops"] = []
    for s in journey.stops:
        m = s.mention
        entry: dict[str, Any] = {"name": s.place.name, "lat": round(s.place.lat, 6), "lon": round(s.place.lon, 6),
                                 "role": s.role}
        if s.time:
            entry["time"] = s.time
        if s.when:
            entry["when"] = s.when
        entry["mention"] = m.text
        if m.sentence_end > m.sentence_start:
            entry["quote"] = journey.text[m.sentence_start:m.sentence_end].strip()
        entry["source"] = s.place.source
        if s.place.country_code:
            entry["country_code"] = s.place.country_code
        entry["evidence"] = s.evidence
        doc["stops"].append(entry)
    legs = []
    for leg in journey.legs:
        # a rail leg drawn direct (no route found) stays rail in the file: the text said rail
        mode = "rail" if leg.mode == "direct" and leg.note.startswith("by rail") else leg.mode
        fields = {"from": leg.from_order, "to": leg.to_order, "mode": mode}
        if leg.evidence:
            fields["evidence"] = leg.evidence
        legs.append("[[legs]]\n" + "".join(tomli_w.dumps({k: v}) for k, v in fields.items()))
    return HEADER + tomli_w.dumps(doc) + "\n" + "\n".join(legs)


def _table_lines(raw: str, name: str) -> list[int]:
    return [i + 1 for i, line in enumerate(raw.splitlines()) if re.match(rf"\s*\[\[\s*{name}\s*\]\]", line)]


def read_journey_file(path: str | Path) -> tuple[list[Stop], list[tuple[str, str]], str, str | None]:
    """Stops, leg modes, a text of the stops' quotes, and the title, from a journey file.

    Raises
    ------
    InputError
        Naming the file and the line of the first problem.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"journey file not found: {path}")
    try:
        raw = p.read_text("utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        raise InputError(f"journey file {p.name}: cannot read it as UTF-8 text ({exc.__class__.__name__})") from None
    try:
        doc = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"journey file {p.name}: {exc}") from None
    stop_lines, leg_lines = _table_lines(raw, "stops"), _table_lines(raw, "legs")

    def fail(kind: str, k: int, lines: list[int], message: str) -> InputError:
        where = f" (line {lines[k]})" if k < len(lines) else ""
        return InputError(f"journey file {p.name}: {kind} {k + 1}{where}: {message}")

    entries = doc.get("stops")
    if not isinstance(entries, list) or len(entries) < 1:
        raise InputError(f"journey file {p.name}: no [[stops]] in it")
    text_parts: list[str] = []
    offset = 0
    stops: list[Stop] = []
    for k, e in enumerate(entries):
        name = e.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail("stop", k, stop_lines, "'name' must be a non-empty string")
        lat, lon = e.get("lat"), e.get("lon")
        for key, value, bound in (("lat", lat, 90), ("lon", lon, 180)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                    or abs(value) > bound:
                raise fail("stop", k, stop_lines, f"'{key}' must be a number between -{bound} and {bound}")
        role = e.get("role", "via")
        if role not in ROLES:
            raise fail("stop", k, stop_lines, f"'role' must be one of {', '.join(ROLES)}, not {role!r}")
        time = e.get("time")
        if isinstance(time, (date, datetime)):
            time = time.isoformat()
        if time is not None:
            try:
                datetime.fromisoformat(str(time))
            except ValueError:
                raise fail("stop", k, stop_lines, f"'time' must be an ISO 8601 date, not {time!r}") from None
        mention = str(e.get("mention") or name)
        quote = str(e.get("quote") or mention)
        at = quote.find(mention)
        if at < 0:
            quote, at = f"{quote} ({mention})", len(quote) + 2
        start = offset + at
        m = Mention(start, start + len(mention), mention, k, offset, offset + len(quote), match="exact",
                    confidence=1.0, evidence="from the journey file")
        place = Place(str(e.get("source") or f"journey-file:{k + 1}"), name.strip(), float(lat), float(lon),
                      str(e.get("country_code") or ""), "station" if "station" in str(e.get("source", "")) else "city")
        m.place = place
        stops.append(Stop(k + 1, place, [m], 1.0, role, str(e.get("evidence") or "from the journey file"),
                          time=str(time) if time else None, when=e.get("when")))
        text_parts.append(quote)
        offset += len(quote) + 1
    legs = doc.get("legs", [])
    if not isinstance(legs, list):
        raise InputError(f"journey file {p.name}: 'legs' must be [[legs]] tables")
    modes = [("rail", "the journey file gives no mode: rail")] * (len(stops) - 1)
    for k, leg in enumerate(legs):
        a, b, mode = leg.get("from"), leg.get("to"), leg.get("mode", "rail")
        if not (isinstance(a, int) and isinstance(b, int) and 1 <= a < len(stops) and b == a + 1):
            raise fail("leg", k, leg_lines, f"'from' and 'to' must be consecutive stop numbers (1 to {len(stops)})")
        if mode not in MODES:
            raise fail("leg", k, leg_lines, f"'mode' must be one of {', '.join(MODES)}, not {mode!r}")
        modes[a - 1] = (mode, str(leg.get("evidence") or "from the journey file"))
    title = doc.get("title")
    return stops, modes, "\n".join(text_parts), title if isinstance(title, str) else None
