"""The loss plot's epoch axis: round epochs, grouped by thousands, never so many that they overlap.

pyqtgraph picks at least two or three intervals whatever the labels' width, so
at a million epochs "200000400000600000" ran together in the training dock.
Here the step is the smallest round one (1, 2 or 5 × 10ᵏ epochs) whose labels,
written as the epoch counter writes them (1,000,000), fit side by side.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from playground.gui.training.number_controls import whole_number

LABEL_GAP = 14  # pixels between two labels, at the least


def round_step(least: float) -> float:
    """The smallest of 1, 2, 5 × 10ᵏ (k ≥ 0: epochs are whole) at or above `least`."""
    if least <= 1:
        return 1.0
    decade = 10.0 ** math.floor(math.log10(least))
    for factor in (1, 2, 5, 10):
        if factor * decade >= least * (1 - 1e-12):
            return factor * decade
    return 10 * decade


class EpochAxis(pg.AxisItem):
    """A bottom axis of whole epochs whose labels never overlap."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list:
        span = abs(maxVal - minVal)
        if span == 0 or size <= 0:
            return super().tickSpacing(minVal, maxVal, size)
        font = self.style.get("tickFont") or self.font()
        widest = QFontMetrics(font).horizontalAdvance(
            whole_number(int(max(abs(minVal), abs(maxVal))))
        )
        fit = max(1, int(size // (widest + LABEL_GAP)))
        step = round_step(span / fit)
        # Minor ticks a fifth of the step (a quarter of a step of 2 × 10ᵏ), but whole epochs.
        minor = step / (4 if str(int(step))[0] == "2" else 5)
        return [(step, 0), (minor, 0)] if minor >= 1 else [(step, 0)]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        return [whole_number(round(value)) for value in values]
