"""When a run ends by itself, and the words for why it ended."""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from playground.engine.formatting import format_number
from playground.engine.trainer import Trainer
from playground.gui.training.number_controls import whole_number


@dataclass
class StopConditions:
    """The dock's optional conditions: pause after this many epochs of a run, or below this train loss."""

    after_epochs: int | None = None
    below_loss: float | None = None


def run_text(epochs: int, batches: int) -> str:
    """The undo step's name: "Train 350 epochs", or "Train 3 batches" for a run within an epoch."""
    if epochs:
        text = (
            QCoreApplication.translate("RunLimits", "Train {n} epoch")
            if epochs == 1
            else QCoreApplication.translate("RunLimits", "Train {n} epochs")
        )
        return text.format(n=whole_number(epochs))
    text = (
        QCoreApplication.translate("RunLimits", "Train {n} batch")
        if batches == 1
        else QCoreApplication.translate("RunLimits", "Train {n} batches")
    )
    return text.format(n=whole_number(batches))


class RunLimits:
    """The limits of one run: a step's end epoch, the stop conditions (read as they are now), divergence."""

    def __init__(
        self, conditions: StopConditions, start_epoch: int, until_epoch: int | None
    ) -> None:
        self.conditions = conditions
        self.start_epoch = start_epoch
        self.until_epoch = until_epoch

    def target_epoch(self) -> int | None:
        targets = [] if self.until_epoch is None else [self.until_epoch]
        if self.conditions.after_epochs is not None:
            targets.append(self.start_epoch + self.conditions.after_epochs)
        return min(targets) if targets else None

    def loss_reached(self, trainer: Trainer) -> bool:
        below, losses = self.conditions.below_loss, trainer.history.train_loss
        return below is not None and len(losses) > self.start_epoch and losses[-1] < below

    def reason(self, trainer: Trainer) -> str | None:
        """Why the run must end now ("diverged", "loss", "epochs", "step"), or None."""
        if trainer.divergence is not None:
            return "diverged"
        if self.loss_reached(trainer):
            return "loss"
        target = self.target_epoch()
        if target is not None and trainer.epoch >= target:
            return "step" if target == self.until_epoch else "epochs"
        return None

    def train(self, trainer: Trainer, deadline: float) -> int:
        """Train until the deadline or a limit; the minibatches done."""
        target = self.target_epoch()
        done = 0
        while trainer.divergence is None:
            left = deadline - time.perf_counter()
            if left <= 0 or (target is not None and trainer.epoch >= target):
                break
            # With a loss threshold, stop at each epoch's end to look at its loss.
            until = trainer.epoch + 1 if self.conditions.below_loss is not None else target
            done += trainer.run(max_seconds=left, until_epoch=until)
            if self.loss_reached(trainer):
                break
        return done

    def message(self, reason: str, trainer: Trainer) -> tuple[str, bool]:
        """What the dock says when the run ended for `reason`, and whether it is a problem."""
        epoch = whole_number(trainer.epoch)
        if reason == "diverged":
            text = QCoreApplication.translate(
                "RunLimits", "{problem} Training paused with the last finite weights."
            )
            return text.format(problem=trainer.divergence.message), True
        if reason == "loss":
            loss, below = trainer.history.train_loss[-1], self.conditions.below_loss
            text = QCoreApplication.translate(
                "RunLimits", "Stopped at epoch {epoch}: the train loss {loss} is below {below}."
            )
            return text.format(
                epoch=epoch, loss=format_number(loss), below=format_number(below)
            ), False
        if reason == "epochs":
            run = whole_number(trainer.epoch - self.start_epoch)
            text = QCoreApplication.translate(
                "RunLimits", "Stopped after {run} epochs, at epoch {epoch}."
            )
            return text.format(run=run, epoch=epoch), False
        if reason == "step":
            return QCoreApplication.translate(
                "RunLimits", "Stepped to the end of epoch {epoch}."
            ).format(epoch=epoch), False
        if reason == "batch":
            done = trainer.batch_in_epoch
            if done == 0:
                text = QCoreApplication.translate(
                    "RunLimits", "Trained one minibatch, the last of epoch {epoch}."
                )
                return text.format(epoch=epoch), False
            text = QCoreApplication.translate(
                "RunLimits", "Trained one minibatch: {done} of {of} in epoch {epoch}."
            )
            return text.format(
                done=whole_number(done),
                of=whole_number(trainer.batches_per_epoch),
                epoch=whole_number(trainer.epoch + 1),
            ), False
        return QCoreApplication.translate("RunLimits", "Paused at epoch {epoch}.").format(
            epoch=epoch
        ), False
