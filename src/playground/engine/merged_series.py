"""One number per epoch for a run of any length, in memory that does not grow with it.

The latest epochs (at least EXACT of them) are kept exactly. Older ones are
merged into buckets of equal width (a power of two), each keeping the count,
the smallest, the largest and the sum of its epochs: merging two buckets is
exact for all four, so the mean, min and max of any bucket are those of its
epochs, and a spike cannot vanish, it widens its bucket's band. When
BUCKETS buckets are full, neighbours are merged pairwise and the width
doubles. Memory: BUCKETS buckets and 2·EXACT exact values, whatever the run.

A plot at most a few thousand pixels wide cannot show more than that; a
long run's curve is the buckets' means with their min–max band, then the
exact tail.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BUCKETS = 1024  # merged buckets at most (an even number: they are merged in pairs)
EXACT = 1024  # the latest epochs are kept exactly: at least this many, fewer than twice


@dataclass(frozen=True)
class EpochGroup:
    """Epochs first to last (counted from 1) and their mean, smallest and largest value."""

    first: int
    last: int
    mean: float
    low: float
    high: float

    @property
    def merged(self) -> bool:
        return self.last > self.first


@dataclass
class PlotPoints:
    """What a plot draws: each group's epoch (its middle) and mean; the band's low and high.

    The first `merged` groups are buckets; the others are single epochs."""

    epochs: np.ndarray
    means: np.ndarray
    lows: np.ndarray
    highs: np.ndarray
    merged: int = 0


def _grown(array: np.ndarray, needed: int, most: int) -> np.ndarray:
    """The array with room for `needed` values (doubling, up to `most`)."""
    if needed <= len(array):
        return array
    bigger = np.empty(min(most, max(needed, 2 * len(array), 16)))
    bigger[: len(array)] = array
    return bigger


class MergedSeries:
    """A list-like record of one measurement per epoch, its old epochs merged into buckets."""

    def __init__(self, values: list[float] | np.ndarray | None = None) -> None:
        self.width = 1  # epochs per bucket
        self._buckets = 0  # full buckets
        self._low = np.empty(0)
        self._high = np.empty(0)
        self._sum = np.empty(0)
        # The bucket being filled, after the full ones: count, smallest, largest, sum.
        self._open = (0, np.inf, -np.inf, 0.0)
        self._tail = np.empty(0)  # the exact latest epochs
        self._tail_count = 0
        if values is not None:
            self.extend(values)

    # ------------------------------------------------------------ recording

    def append(self, value: float) -> None:
        """Record the next epoch's value."""
        if self._tail_count == len(self._tail):
            if self._tail_count == 2 * EXACT:
                self._merge_oldest(self._tail_count - EXACT)
            else:
                self._tail = _grown(self._tail, self._tail_count + 1, 2 * EXACT)
        self._tail[self._tail_count] = value
        self._tail_count += 1

    def extend(self, values: list[float] | np.ndarray) -> None:
        for value in np.asarray(values, dtype=float):
            self.append(float(value))

    def _merge_oldest(self, count: int) -> None:
        """Move the oldest `count` exact values into the buckets, and the rest down."""
        values = self._tail[:count]
        start = 0
        while start < count:
            filled, low, high, total = self._open
            if filled == 0:
                # Whole buckets at once, up to the bucket limit (then they are merged pairwise).
                whole = min((count - start) // self.width, BUCKETS - self._buckets)
                if whole:
                    block = values[start : start + whole * self.width].reshape(whole, self.width)
                    self._add_buckets(block.min(axis=1), block.max(axis=1), block.sum(axis=1))
                    start += whole * self.width
                    continue
            piece = values[start : start + self.width - filled]
            self._open = (
                filled + len(piece),
                # np.minimum, not min(): a NaN stays NaN rather than lost by the comparison.
                float(np.minimum(low, piece.min())),
                float(np.maximum(high, piece.max())),
                total + float(piece.sum()),
            )
            start += len(piece)
            if self._open[0] == self.width:
                _, low, high, total = self._open
                self._open = (0, np.inf, -np.inf, 0.0)
                self._add_buckets(np.array([low]), np.array([high]), np.array([total]))
        kept = self._tail_count - count
        self._tail[:kept] = self._tail[count : self._tail_count]
        self._tail_count = kept

    def _add_buckets(self, low: np.ndarray, high: np.ndarray, total: np.ndarray) -> None:
        end = self._buckets + len(low)
        self._low = _grown(self._low, end, BUCKETS)
        self._high = _grown(self._high, end, BUCKETS)
        self._sum = _grown(self._sum, end, BUCKETS)
        self._low[self._buckets : end] = low
        self._high[self._buckets : end] = high
        self._sum[self._buckets : end] = total
        self._buckets = end
        if end == BUCKETS:
            # Neighbours merge pairwise; the open bucket (fewer epochs than either) stays open.
            half = BUCKETS // 2
            self._low[:half] = np.minimum(self._low[0::2], self._low[1::2])
            self._high[:half] = np.maximum(self._high[0::2], self._high[1::2])
            self._sum[:half] = self._sum[0::2] + self._sum[1::2]
            self._buckets = half
            self.width *= 2

    # ------------------------------------------------------------ reading

    def __len__(self) -> int:
        return self.merged_epochs + self._tail_count

    @property
    def merged_epochs(self) -> int:
        """How many of the first epochs are held in buckets (0 while every epoch is exact)."""
        return self._buckets * self.width + self._open[0]

    @property
    def shows_merged(self) -> bool:
        """Whether some epochs are no longer kept one by one."""
        return self.width > 1 and self.merged_epochs > 0

    def __getitem__(self, index: int) -> float:
        """The value of epoch index + 1 (negative counts from the latest), if kept exactly."""
        epoch = (index + len(self) if index < 0 else index) + 1
        if not 1 <= epoch <= len(self):
            raise IndexError(f"epoch {epoch} is not recorded")
        group = self.at(epoch)
        if group.merged:
            raise IndexError(f"epoch {epoch} is merged with epochs {group.first}–{group.last}")
        return group.mean

    def at(self, epoch: int) -> EpochGroup:
        """The group holding `epoch` (1 ≤ epoch ≤ len): itself alone, or its bucket."""
        merged = self.merged_epochs
        if epoch > merged:
            value = float(self._tail[epoch - merged - 1])
            return EpochGroup(epoch, epoch, value, value, value)
        k = (epoch - 1) // self.width
        first = k * self.width + 1
        if k < self._buckets:
            low, high, total = self._low[k], self._high[k], self._sum[k]
            count = self.width
        else:
            count, low, high, total = self._open
        return EpochGroup(first, first + count - 1, float(total / count), float(low), float(high))

    def points(self) -> PlotPoints:
        """Every group's middle epoch, mean, smallest and largest value, in epoch order."""
        width, full = self.width, self._buckets
        count, low, high, total = self._open
        epochs = [np.arange(full) * width + (width + 1) / 2]
        means, lows, highs = [self._sum[:full] / width], [self._low[:full]], [self._high[:full]]
        if count:
            epochs.append(np.array([full * width + (count + 1) / 2]))
            means.append(np.array([total / count]))
            lows.append(np.array([low]))
            highs.append(np.array([high]))
        tail = self._tail[: self._tail_count]
        epochs.append(np.arange(self.merged_epochs + 1, len(self) + 1, dtype=float))
        means.append(tail)
        lows.append(tail)
        highs.append(tail)
        merged = full + (1 if count else 0) if self.width > 1 else 0
        return PlotPoints(
            np.concatenate(epochs),
            np.concatenate(means),
            np.concatenate(lows),
            np.concatenate(highs),
            merged,
        )

    def exact_values(self) -> np.ndarray:
        """The values of the epochs still kept one by one (the last ones), oldest first."""
        return self._tail[: self._tail_count].copy()

    # ------------------------------------------------------------ whole

    def copy(self) -> MergedSeries:
        twin = MergedSeries()
        twin.width, twin._buckets, twin._open = self.width, self._buckets, self._open
        twin._low = self._low[: self._buckets].copy()
        twin._high = self._high[: self._buckets].copy()
        twin._sum = self._sum[: self._buckets].copy()
        twin._tail = self._tail[: self._tail_count].copy()
        twin._tail_count = self._tail_count
        return twin

    def __eq__(self, other: object) -> bool:
        if isinstance(other, list):
            return self.width == 1 and self.points().means.tolist() == other
        if not isinstance(other, MergedSeries):
            return NotImplemented
        full = self._buckets
        return (
            (self.width, full, self._open, self._tail_count)
            == (other.width, other._buckets, other._open, other._tail_count)
            and np.array_equal(self._low[:full], other._low[:full])
            and np.array_equal(self._high[:full], other._high[:full])
            and np.array_equal(self._sum[:full], other._sum[:full])
            and np.array_equal(self._tail[: self._tail_count], other._tail[: other._tail_count])
        )

    __hash__ = None  # type: ignore[assignment]

    def nbytes(self) -> int:
        """The bytes its arrays hold (the bound the module docstring promises)."""
        return self._low.nbytes + self._high.nbytes + self._sum.nbytes + self._tail.nbytes
