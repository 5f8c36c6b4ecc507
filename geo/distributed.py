"""Scale-out: the batch paths (``build``, ``places --jsonl``) on a Dask cluster.

``scheduler`` is a ``dask.distributed`` scheduler address; without one a local
cluster of one single-threaded worker process per core is started (and closed).
Each worker process loads the gazetteer once and keeps it. Results come back in
the order of the inputs, so they equal the local engine's.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Sequence

from .errors import GeojourneyError


def map_on_dask(func: Callable[..., Any], items: Sequence[Any], scheduler: str | None = None,
                batch_size: int = 1, **kwargs: Any) -> list[Any]:
    """``[func(item, **kwargs) for item in items]`` on Dask workers, in order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise GeojourneyError("--engine dask needs the dask[distributed] package (pip install 'dask[distributed]')") \
            from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=30)
        else:
            cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        raise GeojourneyError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        batches = [list(items[i:i + batch_size]) for i in range(0, len(items), batch_size)]
        futures = client.map(_apply, batches, fn=func, kwargs=kwargs, pure=False)
        return [r for batch in client.gather(futures) for r in batch]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _apply(batch: list[Any], fn: Callable[..., Any], kwargs: dict[str, Any]) -> list[Any]:
    return [fn(item, **kwargs) for item in batch]
