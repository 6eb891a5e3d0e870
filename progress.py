"""A self-rewriting status line on stderr, for long work on a terminal."""

from __future__ import annotations

import sys
import time


class StatusLine:
    """Rewrites one stderr line in place; ``close`` clears it so errors print clean."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self.start = time.perf_counter()
        self.shown = False

    def rate(self, count: float) -> float:
        return count / max(time.perf_counter() - self.start, 1e-6)

    def show(self, text: str) -> None:
        if not self.enabled:
            return
        sys.stderr.write(f"\r\x1b[K{text}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False
