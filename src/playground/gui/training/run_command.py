"""One training run (or a reset of the weights) as one undo step.

A run is pushed when it first changes the weights, and while it goes on the
session writes each new snapshot into the model through `update`, so the
model, the canvas and every panel always show the same numbers and the undo
stack always knows them: undo puts back the weights from before the run,
redo the weights it ended with. The command also carries the epoch counter
and the loss history from before and after, so undoing a run also takes its
stretch of the loss curve away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from playground.engine.merged_history import MergedHistory

if TYPE_CHECKING:
    from playground.gui.training.training_session import TrainingSession

Key = tuple[str, str]


@dataclass
class Parameters:
    """Every weight (by connection) and every bias (by neuron) of a network."""

    weights: dict[Key, float] = field(default_factory=dict)
    biases: dict[str, float] = field(default_factory=dict)


@dataclass
class Progress:
    """How far training has come: the epoch counter and the measurements of each epoch."""

    epoch: int = 0
    # Merged, so that a copy (two to each run's undo step) costs the same after any run.
    history: MergedHistory = field(default_factory=MergedHistory)

    def copy(self) -> Progress:
        return Progress(self.epoch, self.history.copy())


def current_parameters(network) -> Parameters:
    """The network's own weights and biases, read from the model."""
    return Parameters(
        {c.key: c.weight for c in network.connections},
        {n.id: n.bias for n in network.neurons if not n.is_input},
    )


class TrainingRunCommand(QUndoCommand):
    """Weights and biases before and after a run, with the training progress before and after."""

    def __init__(
        self,
        session: TrainingSession,
        text: str,
        before: Parameters,
        after: Parameters,
        progress_before: Progress,
        progress_after: Progress,
    ) -> None:
        super().__init__(text)
        self._session = session
        self._before = before
        self._after = after
        self.progress_before = progress_before
        self.progress_after = progress_after
        self._pushed = False

    def update(self, after: Parameters) -> None:
        """While the run goes on: the newest weights become what redo restores, and the model shows them.

        The session sets `progress_after` when the run ends.
        """
        self._after = after
        self._write(after)

    def redo(self) -> None:
        self._write(self._after)
        if self._pushed:
            self._session.command_restored(self, self.progress_after)
        self._pushed = True

    def undo(self) -> None:
        # A run still going on ends here, before its weights are taken back.
        self._session.command_undone(self)
        self._write(self._before)
        self._session.command_restored(self, self.progress_before)

    def _write(self, parameters: Parameters) -> None:
        self._session.write_parameters(parameters)
