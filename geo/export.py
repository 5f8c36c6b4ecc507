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
    stops = {s.place.source for s in journey.stops}
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
