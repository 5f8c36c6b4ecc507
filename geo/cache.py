"""The user's cache directory and atomic, checked writes into it."""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

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


_NOTICES: list[str] = []
T = TypeVar("T")


def notice(message: str) -> None:
    """Record something the user should hear about (a cache rebuilt, say); the pipeline reports it."""
    _NOTICES.append(message)


def take_notices() -> list[str]:
    """The notices recorded since the last call."""
    out = list(dict.fromkeys(_NOTICES))
    _NOTICES.clear()
    return out


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` + ``.lock`` while building it, so that two processes
    building the same cache (a site build on several cores) take turns instead of racing."""
    try:
        import fcntl
    except ImportError:  # no POSIX locks: atomic renames still keep the cache whole
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def cached(path: Path, load: Callable[[Path], T], build: Callable[[], T], save: Callable[[Path, T], None]) -> T:
    """Load ``path``, or build and save it under a lock. A corrupt file is reported and rebuilt."""

    def attempt() -> T | None:
        if not path.exists():
            return None
        try:
            return load(path)
        except Exception as exc:  # truncated, foreign or from another version: rebuild it
            notice(f"cache file {path.name} was unreadable ({exc.__class__.__name__}); rebuilt it")
            path.unlink(missing_ok=True)
            return None

    found = attempt()
    if found is not None:
        return found
    with build_lock(path):
        found = attempt()  # another process may have built it while we waited
        if found is not None:
            return found
        built = build()
        save(path, built)
        return built


def load_pickle(path: Path, kind: type | None = None) -> Any:
    """Load a cached pickle; raise if it is not of type ``kind``."""
    with open(path, "rb") as fh:
        obj = pickle.load(fh)
    if kind is not None and not isinstance(obj, kind):
        raise TypeError(f"not a {kind.__name__}")
    return obj


def save_pickle(path: Path, obj: Any) -> None:
    atomic_write_bytes(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
