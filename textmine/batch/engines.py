"""Where work units run: inline (one process), a local process pool, or a Dask cluster.

All three hand out ``concurrent.futures``-style futures (``result()``, ``done()``) and wait
for the first of several to finish, so the batch runner does not care which one it has.
"""
from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Callable, Iterable

from ..errors import ConfigError
from . import work


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class InlineEngine:
    """Runs each unit at once in this process (``--jobs 1``)."""

    name = "inline"
    workers = 1
    parallel = False

    def submit(self, fn: Callable, *args: Any) -> Future:
        f: Future = Future()
        try:
            f.set_result(fn(*args))
        except Exception as e:  # noqa: BLE001 - delivered through the future
            f.set_exception(e)
        return f

    def wait_any(self, futures: Iterable, timeout: float | None = None):
        return wait(list(futures), timeout=timeout, return_when=FIRST_COMPLETED)[0]

    def close(self, cancel: bool = False) -> None:
        pass


class PoolEngine:
    """A local process pool; workers ignore Ctrl-C (the parent stops them)."""

    name = "local"
    parallel = True

    def __init__(self, jobs: int):
        import multiprocessing as mp
        self.workers = jobs
        # fork: workers start in milliseconds and share what the parent loaded before
        # (the pipeline, warmed up by the batch runner) instead of each loading their own
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                                        initializer=work.init_worker)
        self.pool.submit(work.ping)  # start the workers now, while the parent plans

    def submit(self, fn: Callable, *args: Any) -> Future:
        return self.pool.submit(fn, *args)

    def wait_any(self, futures: Iterable, timeout: float | None = None):
        return wait(list(futures), timeout=timeout, return_when=FIRST_COMPLETED)[0]

    def restart(self) -> None:
        """A new pool after a worker died (only once per broken pool)."""
        if getattr(self.pool, "_broken", False):
            self.close(cancel=True)
            self.__init__(self.workers)

    def close(self, cancel: bool = False) -> None:
        if cancel:  # Ctrl-C or an error: do not wait for running units
            procs = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for p in procs:
                if p.is_alive():
                    p.terminate()
            for p in procs:
                p.join(timeout=5)
                if p.is_alive():  # (a worker that ignored SIGTERM: the pool would wait for it)
                    p.kill()
                    p.join(timeout=5)
        else:
            self.pool.shutdown(wait=True)


class DaskEngine:
    """A ``dask.distributed`` client: of the cluster at ``scheduler`` (``tcp://host:8786``),
    or of a ``LocalCluster`` with ``jobs`` single-threaded worker processes."""

    name = "dask"
    parallel = True

    def __init__(self, jobs: int, scheduler: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("--engine dask needs dask.distributed: "
                              "pip install 'textmine[dask]'") from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1,
                                            processes=True, dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as e:
            raise ConfigError(f"dask scheduler {scheduler or 'local'}: cannot connect: {e}") \
                from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)

    def submit(self, fn: Callable, *args: Any):
        return self.client.submit(fn, *args, pure=False)

    def wait_any(self, futures: Iterable, timeout: float | None = None):
        from distributed import wait as dwait
        futures = list(futures)
        try:
            return dwait(futures, timeout=timeout, return_when="FIRST_COMPLETED").done
        except TimeoutError:
            return set()

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str, jobs: int, scheduler: str | None = None):
    if engine == "dask":
        return DaskEngine(jobs, scheduler)
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}; choose local or dask")
    if scheduler:
        raise ConfigError("--scheduler needs --engine dask")
    return InlineEngine() if jobs <= 1 else PoolEngine(jobs)
