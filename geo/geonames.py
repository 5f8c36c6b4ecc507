"""GeoNames full country files (``RU.zip``, ``KP.zip``...), fetched into the user's cache on request.

The embedded gazetteer has GeoNames cities500: towns of 500 people or more. The full
country files add villages, railway stations and every administrative area
(``geojourney data fetch geonames RU KP``). Once fetched, every ``Gazetteer`` reads
them too, indexed once and cached like the rest.

``$GEOJOURNEY_GEONAMES_URL`` overrides the download address (a mirror serving the same
``{CODE}.zip`` files).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from .cache import atomic_write_bytes, build_lock, cache_dir
from .errors import DataError, InputError

GEONAMES_URL = "https://download.geonames.org/export/dump/"
#: Columns of a GeoNames dump file (https://download.geonames.org/export/dump/readme.txt).
COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
           "feature_code", "country_code", "cc2", "admin1", "admin2", "admin3", "admin4", "population",
           "elevation", "dem", "timezone", "modified")
#: What geojourney keeps of a country file, and the kind of place each is.
FEATURES = {("A", "PCLI"): "country", ("A", "ADM1"): "region", ("P", "PPLC"): "capital",
            ("S", "RSTN"): "station", ("S", "RSTP"): "station"}
KEEP_CLASSES = {"P"}  # every populated place (village, town, city)


def folder() -> Path:
    path = cache_dir() / "geonames"
    path.mkdir(parents=True, exist_ok=True)
    return path


def fetched_files() -> list[Path]:
    """The country files fetched so far, in code order."""
    return sorted(folder().glob("[A-Z][A-Z].zip"))


def _check_code(code: str) -> str:
    up = code.strip().upper()
    if len(up) != 2 or not up.isascii() or not up.isalpha():
        raise InputError(f"not a two-letter country code: '{code}'")
    return up


def fetch(codes: list[str], url: str | None = None, force: bool = False) -> list[tuple[str, Path, int]]:
    """Download the country files of ``codes`` into the cache; return (code, path, rows) for each.

    A file already fetched is kept unless ``force``. A download is checked (a zip holding
    ``{CODE}.txt`` in GeoNames' 19 columns) before it replaces anything.
    """
    codes = [_check_code(c) for c in codes]
    if not codes:
        raise InputError("name one or more country codes (RU KP ...)")
    base = (url or os.environ.get("GEOJOURNEY_GEONAMES_URL") or GEONAMES_URL).rstrip("/") + "/"
    done = []
    for code in codes:
        target = folder() / f"{code}.zip"
        with build_lock(target):
            if force or not target.exists():
                data = _download(base + f"{code}.zip")
                rows = _check(data, code, base + f"{code}.zip")
                atomic_write_bytes(target, data)
            else:
                rows = _check(target.read_bytes(), code, str(target))
        done.append((code, target, rows))
    return done


def _download(address: str) -> bytes:
    import urllib.error  # here, not at the top: every Gazetteer imports this module
    import urllib.request

    try:
        with urllib.request.urlopen(address, timeout=float(os.environ.get("GEOJOURNEY_ONLINE_TIMEOUT", 60))) as r:
            return r.read()
    except urllib.error.HTTPError as exc:
        raise DataError(f"cannot download {address} (HTTP {exc.code})") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise DataError(f"cannot download {address} ({getattr(exc, 'reason', exc)})") from None


def _check(data: bytes, code: str, where: str) -> int:
    """Rows of a country file, or DataError if ``data`` is not one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read(f"{code}.txt").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        raise DataError(f"{where} is not a GeoNames country file (a zip with {code}.txt)") from None
    rows = [line for line in text.split("\n") if line.strip()]
    if not rows or any(len(line.split("\t")) != len(COLUMNS) for line in rows[:100]):
        raise DataError(f"{where}: {code}.txt is not in GeoNames' {len(COLUMNS)}-column format")
    return len(rows)


def read_places(path: Path):
    """The places geojourney keeps from a country file, as a GeoDataFrame with the columns of a
    user gazetteer file (``name``, ``alternatenames``, ``country_code``, ``population``, ``feature``)."""
    import geopandas as gpd
    import pandas as pd

    code = path.stem.upper()
    with zipfile.ZipFile(path) as z, z.open(f"{code}.txt") as fh:
        df = pd.read_csv(fh, sep="\t", header=None, names=COLUMNS, dtype=str, quoting=3, keep_default_na=False,
                         encoding="utf-8")
    kind = [FEATURES.get((c, f), "city" if c in KEEP_CLASSES else "") for c, f in
            zip(df["feature_class"], df["feature_code"])]
    df = df.assign(feature=kind)
    df = df[df["feature"] != ""]
    lat = pd.to_numeric(df["latitude"], errors="coerce")
    lon = pd.to_numeric(df["longitude"], errors="coerce")
    out = pd.DataFrame({"id": df["geonameid"], "name": df["name"], "alternatenames": df["alternatenames"],
                        "country_code": df["country_code"],
                        "population": pd.to_numeric(df["population"], errors="coerce").fillna(0).astype(int),
                        "feature": df["feature"]})
    return gpd.GeoDataFrame(out, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
