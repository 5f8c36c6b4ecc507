"""Journeys and mentions as GeoJSON and JSON (the command line's contract)."""

from __future__ import annotations

from typing import Any

from .model import Journey, Mention


def mention_record(m: Mention) -> dict[str, Any]:
    """One place mention as in ``geojourney places --format json``."""
    p = m.place
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "name": p.name if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "country_code": p.country_code if p else None,
        "feature": p.feature if p else None,
        "source": p.source if p else None,
        "confidence": m.confidence,
        "match": m.match or None,
        "sentence": m.sentence_index,
        "reason": m.reason or None,
        "evidence": m.evidence or None,
    }


def _context(journey: Journey) -> list[dict[str, Any]]:
    """Places the text names that are not stops, once each, with why not."""
    # a stop's mentions may name another record of it (the station of the town: ``journey.SAME_STOP_KM``)
    stops = {s.place.source for s in journey.stops} | {m.place.source for s in journey.stops for m in s.mentions
                                                      if m.place is not None}
    seen: dict[str, dict[str, Any]] = {}
    for m in journey.mentions:
        if m.place is not None and m.place.source not in stops and m.place.source not in seen:
            seen[m.place.source] = {"name": m.place.name, "mention": m.text, "evidence": m.evidence or None}
    return list(seen.values())


def journey_geojson(journey: Journey) -> dict[str, Any]:
    """The journey as a GeoJSON FeatureCollection: stops (Points) then legs (LineStrings)."""
    features: list[dict[str, Any]] = []
    for s in journey.stops:
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [s.place.lon, s.place.lat]},
            "properties": {
                "kind": "stop",
                "order": s.order,
                "name": s.place.name,
                "mention": s.mention.text,
                "country_code": s.place.country_code,
                "confidence": s.confidence,
                "source": s.place.source,
                "feature": s.place.feature,
                "role": s.role,
                "evidence": s.evidence,
                "time": s.time,
                "when": s.when,
                "match": s.mention.match or None,
                "assumptions": s.assumptions,
                "snap_km": s.snap_km,
                "mention_start": s.mention.start,
                "mention_end": s.mention.end,
            },
        })
    for leg in journey.legs:
        features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[round(x, 6), round(y, 6)] for x, y in leg.coordinates]},
            "properties": {
                "kind": "leg",
                "from_order": leg.from_order,
                "to_order": leg.to_order,
                "mode": leg.mode,
                "length_km": leg.length_km,
                "note": leg.note or None,
                "bridges": leg.bridges,
                "via": leg.via,
                "evidence": leg.evidence or None,
                "planned": leg.planned,
                "assumptions": leg.assumptions,
                "bridged_gaps": [[[round(x, 6), round(y, 6)] for x, y in gap] for gap in leg.gaps],
            },
        })
    return {
        "type": "FeatureCollection",
        "features": features,
        "unresolved": journey.unresolved,
        "context": _context(journey),
        "warnings": journey.warnings,
        "rail_source": journey.rail_source,
    }


FORMATS = ("geojson", "csv", "gpx", "kml", "toml")


def export_text(journey: Journey, fmt: str, title: str | None = None) -> str:
    """The journey in one of :data:`FORMATS`, as text."""
    import json

    if fmt == "geojson":
        return json.dumps(journey_geojson(journey), ensure_ascii=False, indent=1) + "\n"
    if fmt == "toml":
        from .journey_file import journey_toml

        return journey_toml(journey, title)
    return {"csv": journey_csv, "gpx": journey_gpx, "kml": journey_kml}[fmt](journey, title)


def journey_csv(journey: Journey, title: str | None = None) -> str:
    """The stops as CSV, one row each, with ``latitude``/``longitude`` and a ``title``: the columns
    Datawrapper's locator maps and spreadsheet tools read."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["order", "title", "latitude", "longitude", "role", "time", "when", "mention", "country_code",
                "source", "description"])
    for s in journey.stops:
        w.writerow([s.order, s.place.name, f"{s.place.lat:.6f}", f"{s.place.lon:.6f}", s.role, s.time or "",
                    s.when or "", s.mention.text, s.place.country_code, s.place.source, s.evidence])
    return buf.getvalue()


def _xml(root) -> str:
    import xml.etree.ElementTree as ET

    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def journey_gpx(journey: Journey, title: str | None = None) -> str:
    """GPX 1.1: a waypoint per stop, a route-less track per leg (its drawn line)."""
    import xml.etree.ElementTree as ET

    ns = "http://www.topografix.com/GPX/1/1"
    gpx = ET.Element("gpx", {"version": "1.1", "creator": "geojourney", "xmlns": ns})
    meta = ET.SubElement(gpx, "metadata")
    ET.SubElement(meta, "name").text = title or " → ".join(s.place.name for s in journey.stops) or "Journey"
    for s in journey.stops:
        wpt = ET.SubElement(gpx, "wpt", {"lat": f"{s.place.lat:.6f}", "lon": f"{s.place.lon:.6f}"})
        if s.time:
            ET.SubElement(wpt, "time").text = s.time + ("T00:00:00Z" if len(s.time) == 10 else "")
        ET.SubElement(wpt, "name").text = f"{s.order}. {s.place.name}"
        ET.SubElement(wpt, "desc").text = f"{s.role}: {s.evidence}"
    for leg in journey.legs:
        trk = ET.SubElement(gpx, "trk")
        ET.SubElement(trk, "name").text = f"{leg.from_order} → {leg.to_order} ({leg.mode}, {leg.length_km:,.0f} km)"
        ET.SubElement(trk, "type").text = leg.mode
        seg = ET.SubElement(trk, "trkseg")
        for lon, lat in leg.coordinates:
            lon = (lon + 180) % 360 - 180  # GPX wants longitudes in [-180, 180)
            ET.SubElement(seg, "trkpt", {"lat": f"{lat:.6f}", "lon": f"{lon:.6f}"})
    return _xml(gpx)


def journey_kml(journey: Journey, title: str | None = None) -> str:
    """KML 2.2 for Google Earth: a placemark per stop and per leg, legs coloured by mode."""
    import xml.etree.ElementTree as ET

    colours = {"rail": "ff1e26b3", "air": "ffb45f1a", "road": "ff005a8a", "sea": "ff6a6a00", "direct": "ff68635f"}
    kml = ET.Element("kml", {"xmlns": "http://www.opengis.net/kml/2.2"})
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = title or " → ".join(s.place.name for s in journey.stops) or "Journey"
    for mode, colour in colours.items():
        style = ET.SubElement(ET.SubElement(doc, "Style", {"id": mode}), "LineStyle")
        ET.SubElement(style, "color").text = colour
        ET.SubElement(style, "width").text = "4"
    for s in journey.stops:
        pm = ET.SubElement(doc, "Placemark")
        ET.SubElement(pm, "name").text = f"{s.order}. {s.place.name}"
        ET.SubElement(pm, "description").text = f"{s.role}: {s.evidence}"
        if s.time:
            ET.SubElement(ET.SubElement(pm, "TimeStamp"), "when").text = s.time
        ET.SubElement(ET.SubElement(pm, "Point"), "coordinates").text = f"{s.place.lon:.6f},{s.place.lat:.6f}"
    for leg in journey.legs:
        pm = ET.SubElement(doc, "Placemark")
        ET.SubElement(pm, "name").text = f"{leg.from_order} → {leg.to_order}: {leg.mode}, {leg.length_km:,.0f} km"
        ET.SubElement(pm, "styleUrl").text = f"#{leg.mode}"
        line = ET.SubElement(pm, "LineString")
        ET.SubElement(line, "tessellate").text = "1"
        ET.SubElement(line, "coordinates").text = " ".join(
            f"{(lon + 180) % 360 - 180:.6f},{lat:.6f}" for lon, lat in leg.coordinates)
    return _xml(kml)
