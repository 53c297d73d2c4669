"""Progress of a long build: a bar with papers/s and ETA on a terminal, plain log lines elsewhere;
and the seconds each stage of a build took.

>>> p = Progress(100, show=False)
>>> p.update(40); p.close()
>>> watch = Stopwatch()
>>> with watch("ingest"):
...     pass
>>> list(watch.seconds)
['ingest']
"""
from __future__ import annotations

import logging
import sys
import time
from contextlib import contextmanager

__all__ = ["Progress", "Stopwatch"]

log = logging.getLogger(__name__)

#: Seconds between two log lines when stderr is not a terminal.
LOG_EVERY = 10.0


class Progress:
    """Counts papers done out of ``total``.

    ``show``: True for the bar, False for nothing, None (default) for the bar
    on a terminal and, elsewhere, an INFO line every :data:`LOG_EVERY`
    seconds: ``extracted 12000/100000 papers (2,140 papers/s, ETA 41 s)``.
    """

    def __init__(self, total: int, show: bool | None = None, what: str = "extracted", every: float | None = None):
        self.total, self.what, self.every = total, what, LOG_EVERY if every is None else every
        self.done = 0
        self.start = self.last = time.perf_counter()
        self.logged = 0  # papers done at the last log line
        self.bar = None
        self.log_lines = show is None and not sys.stderr.isatty()
        if show or (show is None and not self.log_lines):
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=what, unit=" papers", file=sys.stderr, smoothing=0.1,
                            disable=False if show else None, mininterval=0.5)

    def update(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif self.log_lines and (now := time.perf_counter()) - self.last >= self.every:
            self.last, self.logged = now, self.done
            log.info("%s", self.line(now))

    def line(self, now: float | None = None) -> str:
        """``extracted 12000/100000 papers (2,140 papers/s, ETA 41 s)``."""
        elapsed = max((now or time.perf_counter()) - self.start, 1e-9)
        rate = self.done / elapsed
        eta = f", ETA {(self.total - self.done) / rate:.0f} s" if rate and self.done < self.total else ""
        return f"{self.what} {self.done}/{self.total} papers ({rate:,.0f} papers/s{eta})"

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.log_lines and self.logged < self.done and time.perf_counter() - self.start >= self.every:
            log.info("%s", self.line())  # (not the last line again)


class Stopwatch:
    """Wall-clock seconds per named stage, added up over every ``with watch(name):``; ``cpu``: the
    CPU seconds of the calling thread in each (on a busy machine wall time stretches, CPU time does not)."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def add(self, name: str, seconds: float, cpu: float | None = None) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        if cpu is not None:
            self.cpu[name] = self.cpu.get(name, 0.0) + cpu

    @contextmanager
    def __call__(self, name: str):
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start, time.thread_time() - cpu)
