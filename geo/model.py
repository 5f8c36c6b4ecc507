"""The one data model that flows through the pipeline.

``text`` -> :class:`Mention` (recognised, with candidates) -> resolved :class:`Place`
-> :class:`Journey` of :class:`Stop` and :class:`Leg` -> map or GeoJSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A stop this far (km) from the rail vertex its route starts at is reported as an assumption.
SNAP_NOTE_KM = 2.0
#: Feature kinds that give context but are never stops.
CONTEXT_FEATURES = frozenset({"country", "region", "continent"})


@dataclass(frozen=True, slots=True)
class Place:
    """A place from a gazetteer.

    Attributes
    ----------
    source : str
        Where the record comes from, e.g. ``"geonames:2013348"`` or
        ``"ru_rail_stations_osm:1234"``.
    name : str
        The gazetteer's preferred name.
    lat, lon : float
        WGS84 coordinates in degrees.
    country_code : str
        ISO 3166-1 alpha-2 code, or ``""`` when unknown.
    feature : str
        ``"city"``, ``"capital"`` (a national capital), ``"station"``, ``"country"``,
        ``"region"`` or ``"continent"``.
    population : int
        Population where known, else 0.
    admin_code : str
        GeoNames' code of the region the place lies in (a town: its state or province, ``"US.WY"``)
        or is (a state ``"US.WY"``, a county ``"US.WY.001"``), or ``""`` when unknown.
    """

    source: str
    name: str
    lat: float
    lon: float
    country_code: str = ""
    feature: str = "city"
    population: int = 0
    admin_code: str = ""

    @property
    def is_context(self) -> bool:
        """True for countries, regions and continents: they give context, not stops."""
        return self.feature in CONTEXT_FEATURES

    @property
    def state_code(self) -> str:
        """The code of the state or province the place lies in or is (``"US.KY"``), or ``""``."""
        return ".".join(self.admin_code.split(".")[:2])

    @property
    def is_county(self) -> bool:
        """True for a second-level region (a county, a département: ``admin_code`` ``"US.KY.193"``)."""
        return self.feature == "region" and self.admin_code.count(".") == 2

    @property
    def is_state(self) -> bool:
        """True for a first-level region (a state, a province: ``admin_code`` ``"US.KY"``)."""
        return self.feature == "region" and self.admin_code.count(".") == 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a mention may refer to, and how its name matched."""

    place: Place
    match: str  # "exact", "inflected", "transliterated", "misread" (a letter a scanner misread) or "partial" (a
    # known name inside an unknown one); a journey's mention may also be "capital" (a country told as its capital:
    # "the Ukrainian capital")
    similarity: float = 1.0


@dataclass(slots=True)
class Mention:
    """A place name as written in the text, with its character offsets.

    ``start`` and ``end`` are Python ``str`` offsets (end exclusive) into the
    article; ``sentence_start``/``sentence_end`` delimit the sentence it stands in.
    """

    start: int
    end: int
    text: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    candidates: list[Candidate] = field(default_factory=list)
    place: Place | None = None
    match: str = ""
    confidence: float = 0.0  # the chance that ``place`` is the place meant (within 161 km of it), calibrated
    probability: float = 0.0  # the resolver's probability for ``place`` among the plausible candidates, uncalibrated
    reason: str = ""  # why it is unresolved, when it is
    evidence: str = ""  # why it is, or is not, a stop of the journey

    @property
    def resolved(self) -> bool:
        return self.place is not None


@dataclass(slots=True)
class Stop:
    """A place the journey passes through, in travelled order (1-based)."""

    order: int
    place: Place
    mentions: list[Mention]
    confidence: float
    role: str = ""  # "origin", "via", "destination"
    evidence: str = ""
    snap_km: float | None = None
    time: str | None = None  # ISO 8601 date of arrival or departure, when the text and the article's date give one
    when: str | None = None  # the words that date it ("रविवार दोपहर", "on Sunday afternoon")

    @property
    def mention(self) -> Mention:
        """The mention that made this place a stop."""
        return self.mentions[0]

    @property
    def assumptions(self) -> list[str]:
        """What geojourney assumed about this stop, in words (empty when nothing was)."""
        out = []
        m = self.mention
        if m.match == "transliterated":
            out.append(f"the name “{m.text}” was matched to {self.place.name} by a similar spelling in another script")
        elif m.match == "inflected":
            out.append(f"“{m.text}” was read as an inflected form of {self.place.name}")
        elif m.match == "misread":
            out.append(f"“{m.text}” was read as {self.place.name} with a letter a scanner misread")
        elif m.match == "capital":
            out.append(f"“{m.text}”, told with a word for a capital, was read as its capital, {self.place.name}")
        elif m.match == "annotated":
            out.append(f"“{m.text}” is in no gazetteer: it is placed where the annotators of the training corpora put it")
        if self.snap_km is not None and self.snap_km > SNAP_NOTE_KM:
            out.append(f"the route starts or ends at the rail line {self.snap_km:.1f} km away")
        if self.evidence.startswith("the dateline"):
            out.append("taken as where the journey began because the report was filed there (its dateline)")
        if "no travel cue" in self.evidence:
            out.append("taken as a stop only because it is named (no travel words near it)")
        return out


@dataclass(slots=True)
class Leg:
    """The way between two consecutive stops.

    ``mode`` is how the text says the leg was travelled: ``"rail"`` (routed along the
    rail layer when it can be, else drawn straight with ``note`` saying why),
    ``"air"`` (a great-circle arc), ``"road"`` and ``"sea"`` (straight lines), or
    ``"direct"`` (not known, or not routable: a straight line).
    """

    from_order: int
    to_order: int
    mode: str
    length_km: float
    coordinates: list[tuple[float, float]]  # (lon, lat) pairs
    note: str = ""
    bridges: int = 0
    via: list[str] = field(default_factory=list)  # places the route was pinned through (--via)

    @property
    def assumptions(self) -> list[str]:
        """What geojourney assumed about this leg, in words."""
        out = []
        if self.evidence and not self.evidence.startswith("“"):
            out.append(f"how it was travelled is inferred: {self.evidence}")
        if self.mode in ("direct", "road", "sea"):
            out.append(f"drawn as a straight line: {self.note or 'not routed'}")
        if self.gaps:
            out.append(f"crosses {len(self.gaps)} gap(s) in the rail data, bridged")
        return out
    gaps: list[list[tuple[float, float]]] = field(default_factory=list)  # bridged gaps crossed: [(lon, lat), (lon, lat)]
    evidence: str = ""  # the words that gave the mode
    planned: bool = False  # the leg leads to a planned stop


@dataclass(slots=True)
class Journey:
    """Everything the pipeline learned from one article."""

    text: str
    mentions: list[Mention]
    stops: list[Stop]
    legs: list[Leg] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rail_source: str = "none"
    rail_path: str | None = None
    rail_attribution: str = ""
    gazetteer_attributions: tuple[str, ...] = ()

    @property
    def unresolved(self) -> list[dict[str, str]]:
        """Mentions that could not be resolved well, once per distinct text."""
        seen: dict[str, dict[str, str]] = {}
        for m in self.mentions:
            if m.place is None and m.text not in seen:
                seen[m.text] = {"mention": m.text, "reason": m.reason}
        return list(seen.values())
