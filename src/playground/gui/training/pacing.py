"""How often a run writes its weights into the model, so that training keeps most of the time.

Writing the weights restyles and repaints the whole canvas (and whatever else
follows the model), which for a network of a few hundred connections costs
a few milliseconds of training each time. The plot and the output view are cheap and
follow every frame; the canvas follows as often as a budget allows. The
pacer measures the share of wall time the training slices get and lengthens
or shortens the period between writes, in proportion, to keep that share
near its target. A small network's canvas is cheap, so it is written every
frame.
"""

from __future__ import annotations

TRAINING_SHARE = 0.8  # the share of wall time training should keep during a run
SHORTEST_PERIOD = 0.033  # seconds: never more often than a frame
LONGEST_PERIOD = 0.5  # ...and at least twice a second
FIRST_PERIOD = 0.1  # until the first measurement
ADAPT_EVERY = 0.2  # seconds of measurements before the period is adjusted
MAX_STEP = 3.0  # the most the period grows or shrinks at one adjustment
DEAD_BAND = 0.15  # closer than this (relatively) to the budget, the period stays


class WritePacer:
    """Says when the next model write is due, from the training share measured so far."""

    def __init__(self, training_share: float = TRAINING_SHARE) -> None:
        self.training_share = training_share
        self.period = FIRST_PERIOD
        self.measured_share: float | None = None  # over the last window, for benchmarks
        self._last_write = 0.0
        self._window: tuple[float, float] | None = (
            None  # (wall clock, training seconds) at its start
        )

    def begin(self, now: float) -> None:
        """A run starts: keep the period learned so far, start measuring afresh."""
        self._last_write = now
        self._window = None

    def record(self, now: float, training_seconds: float) -> None:
        """The training time so far (cumulative) at wall-clock time `now`; adapts the period."""
        if self._window is None:
            self._window = (now, training_seconds)
            return
        wall = now - self._window[0]
        if wall < ADAPT_EVERY:
            return
        share = (training_seconds - self._window[1]) / wall
        self.measured_share = share
        # The time outside training shrinks about in proportion as the writes thin out.
        factor = (1 - share) / (1 - self.training_share)
        if abs(factor - 1) > DEAD_BAND:
            factor = min(max(factor, 1 / MAX_STEP), MAX_STEP)
            self.period = min(max(self.period * factor, SHORTEST_PERIOD), LONGEST_PERIOD)
        self._window = (now, training_seconds)

    def due(self, now: float) -> bool:
        return now - self._last_write >= self.period

    def wrote(self, now: float) -> None:
        self._last_write = now
