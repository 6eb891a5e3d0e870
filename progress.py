"""Progress bars on stderr for long work, through tqdm (which spaCy already brings).

Shown only on a terminal (and not with ``--quiet``); a line printed while a
bar is up goes above it, so errors read clean.
"""

from __future__ import annotations

import shutil
import sys


class Bar:
    """One tqdm bar, made on the first update and gone on ``close``."""

    def __init__(self, unit: str, enabled: bool = True):
        self.unit = unit
        self.enabled = enabled
        self.bar = None  # a tqdm bar; tqdm is imported with the first one, so start-up does not pay for it

    def update(self, done: int, total: int, desc: str | None = None, **postfix) -> None:
        if not self.enabled:
            return
        if self.bar is None or self.bar.total != total or (desc and self.bar.desc != desc):
            from tqdm import tqdm

            self.close()
            # A pty that reports a 0x0 size (script, some CI shells) would hide tqdm's bar: its size falls back to 80x24.
            size = shutil.get_terminal_size()
            self.bar = tqdm(total=total, unit=self.unit, desc=desc, file=sys.stderr, leave=False, ncols=size.columns,
                            nrows=size.lines)
        self.bar.update(done - self.bar.n)
        if postfix:
            self.bar.set_postfix(postfix, refresh=False)

    def write(self, line: str) -> None:
        """A line on stderr, above the bar when one is shown."""
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
