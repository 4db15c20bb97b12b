"""When a run ends by itself, and the words for why it ended."""

from __future__ import annotations

import time
from dataclasses import dataclass

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
        return f"Train {whole_number(epochs)} epoch" + ("" if epochs == 1 else "s")
    return f"Train {whole_number(batches)} batch" + ("" if batches == 1 else "es")


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
            return (
                f"{trainer.divergence.message} Training paused with the last finite weights.",
                True,
            )
        if reason == "loss":
            loss, below = trainer.history.train_loss[-1], self.conditions.below_loss
            loss_text, below_text = format_number(loss), format_number(below)
            return (
                f"Stopped at epoch {epoch}: the train loss {loss_text} is below {below_text}.",
                False,
            )
        if reason == "epochs":
            run = whole_number(trainer.epoch - self.start_epoch)
            return f"Stopped after {run} epochs, at epoch {epoch}.", False
        if reason == "step":
            return f"Stepped to the end of epoch {epoch}.", False
        if reason == "batch":
            done = trainer.batch_in_epoch
            if done == 0:
                return f"Trained one minibatch, the last of epoch {epoch}.", False
            of = whole_number(trainer.batches_per_epoch)
            within = whole_number(trainer.epoch + 1)
            return f"Trained one minibatch: {whole_number(done)} of {of} in epoch {within}.", False
        return f"Paused at epoch {epoch}.", False
