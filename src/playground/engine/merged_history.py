"""The training history the app keeps: the trainer's four measurements, each a MergedSeries.

It has the fields of `trainer.History` and the list operations the trainer uses
(append, len, [-1]), so a trainer records into it directly; its memory stays
the same after a million epochs as after ten thousand.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from playground.engine.merged_series import MergedSeries
from playground.engine.trainer import History


@dataclass
class MergedHistory:
    """Per-epoch train and test loss and accuracy, old epochs merged into buckets."""

    train_loss: MergedSeries = field(default_factory=MergedSeries)
    test_loss: MergedSeries = field(default_factory=MergedSeries)
    train_accuracy: MergedSeries = field(default_factory=MergedSeries)
    test_accuracy: MergedSeries = field(default_factory=MergedSeries)

    @classmethod
    def of(cls, history: History | MergedHistory) -> MergedHistory:
        """This history as a merged one (itself when it is one already)."""
        if isinstance(history, MergedHistory):
            return history
        return cls(*(MergedSeries(getattr(history, f.name)) for f in fields(cls)))

    def copy(self) -> MergedHistory:
        return MergedHistory(*(getattr(self, f.name).copy() for f in fields(self)))

    def nbytes(self) -> int:
        return sum(getattr(self, f.name).nbytes() for f in fields(self))
