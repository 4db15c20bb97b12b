"""The progress bar `playground train` draws on stderr."""

import sys
import time
from typing import TextIO

from playground.translation import translate

# A terminal is redrawn often enough to look alive; a log file or a pipe gets a
# line only now and then, so a long run does not fill it with thousands of lines.
REDRAW_SECONDS = 0.1
LOG_LINE_SECONDS = 5.0
BAR_WIDTH = 30


class ProgressBar:
    """An in-place bar (`\\r`) on a terminal; an occasional plain line anywhere else."""

    def __init__(self, total_epochs: int, stream: TextIO | None = None) -> None:
        self.total = total_epochs
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.interactive = bool(isatty and isatty())
        self._started = time.monotonic()
        self._last_drawn = self._started if not self.interactive else -float("inf")
        self._drawn = False

    def _text(self, epoch: int, loss: float | None) -> str:
        shown = f"{loss:.4g}" if loss is not None else "…"
        word, loss_word = translate("CliTrain", "epoch"), translate("CliTrain", "train loss")
        if not self.interactive:
            return f"{word} {epoch}/{self.total}  {loss_word} {shown}"
        filled = round(BAR_WIDTH * epoch / self.total) if self.total else BAR_WIDTH
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        width = len(str(self.total))
        return f"{word} {epoch:>{width}}/{self.total} {bar} {loss_word} {shown}"

    def update(self, epoch: int, loss: float | None) -> None:
        """Show the epoch reached and the latest train loss, if it is time to."""
        now = time.monotonic()
        wait = REDRAW_SECONDS if self.interactive else LOG_LINE_SECONDS
        if now - self._last_drawn < wait:
            return
        self._last_drawn = now
        self._draw(epoch, loss)

    def _draw(self, epoch: int, loss: float | None) -> None:
        if self.interactive:
            # Pad so that a shorter line fully covers the one it replaces.
            self.stream.write("\r" + self._text(epoch, loss).ljust(BAR_WIDTH + 40))
        else:
            self.stream.write(self._text(epoch, loss) + "\n")
        self.stream.flush()
        self._drawn = True

    def finish(self, epoch: int, loss: float | None) -> None:
        """Draw the final state and end the line."""
        if self.interactive:
            self._draw(epoch, loss)
            self.stream.write("\n")
            self.stream.flush()
        elif self._drawn:
            # Someone reading the log saw progress lines; show where it ended.
            self._draw(epoch, loss)

    def abandon(self) -> None:
        """End a half-drawn bar so that a message can follow on its own line."""
        if self.interactive and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
