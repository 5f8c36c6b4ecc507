"""The user's cache directory and atomic, checked writes into it."""

from __future__ import annotations

import os
import pickle
import tempfile
import warnings
from pathlib import Path
from typing import Any

import platformdirs


def cache_dir() -> Path:
    """Where geojourney keeps downloads and built indexes.

    ``$GEOJOURNEY_CACHE_DIR`` overrides the platform's user cache directory.
    """
    path = Path(os.environ.get("GEOJOURNEY_CACHE_DIR") or platformdirs.user_cache_dir("geojourney"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers never see a half-written file, and a killed writer leaves only a
    temporary file that nothing trusts.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_pickle(path: Path) -> Any | None:
    """Load a cached pickle, or ``None`` (with a warning) if it is missing or corrupt."""
    if not path.exists():
        return None
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception as exc:  # a truncated or foreign file: rebuild it
        warnings.warn(f"cache file {path} is unreadable ({exc.__class__.__name__}); rebuilding it", stacklevel=2)
        path.unlink(missing_ok=True)
        return None


def save_pickle(path: Path, obj: Any) -> None:
    atomic_write_bytes(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
