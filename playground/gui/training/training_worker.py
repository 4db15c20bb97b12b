"""A thread that runs the trainer while the event loop paints, and hands over snapshots.

While a run goes on, only this thread touches the trainer. The event loop
asks for a snapshot each frame; the worker takes it between two slices (so
it is a state the trainer really passed through) and the event loop reads
the newest one: the weights by connection and bias by neuron for the model,
the level arrays for the output view. The worker never touches Qt or the
model. It records the processor time it got, so the pacer can see how much
the painting on the other thread slows training down (both want the GIL).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.engine.trainer import Trainer

WORKER_SLICE_SECONDS = 0.01  # the longest before the worker looks at a stop request


@dataclass
class Snapshot:
    """The trainer's state between two slices."""

    batches: int  # minibatches of the run done at that moment
    epoch: int
    weights: dict[tuple[str, str], float]
    biases: dict[str, float]
    levels: list[tuple[np.ndarray, np.ndarray]]  # each level's (weights, biases), level 1 up


def take_snapshot(trainer: Trainer, batches: int) -> Snapshot:
    compiled = trainer.compiled
    return Snapshot(
        batches,
        trainer.epoch,
        compiled.weights_by_key(),
        compiled.biases_by_id(),
        [(level.weights.copy(), level.biases.copy()) for level in compiled.levels[1:]],
    )


class TrainingWorker:
    """Runs `work(trainer, deadline) -> batches` until stopped or `stop_reason()` names a reason."""

    def __init__(
        self,
        trainer: Trainer,
        work: Callable[[Trainer, float], int],
        stop_reason: Callable[[], str | None],
    ) -> None:
        self.trainer = trainer
        self._work = work
        self._stop_reason = stop_reason
        self._stop = threading.Event()
        self._wanted = threading.Event()
        self._wanted.set()
        self.batches = 0
        self.finished: str | None = None  # why the worker ended by itself
        self.snapshot: Snapshot | None = None
        self.cpu_seconds = 0.0  # processor time the worker has had
        self._thread = threading.Thread(target=self._loop, name="training", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def request_snapshot(self) -> None:
        self._wanted.set()

    def stop(self) -> None:
        """Ask the worker to stop and wait until it has (at most one slice)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _loop(self) -> None:
        started = time.thread_time()
        while not self._stop.is_set():
            self.batches += self._work(self.trainer, time.perf_counter() + WORKER_SLICE_SECONDS)
            reason = self._stop_reason()
            if reason or self._wanted.is_set():
                self._wanted.clear()
                self.snapshot = take_snapshot(self.trainer, self.batches)
            self.cpu_seconds = time.thread_time() - started
            if reason:
                self.finished = reason
                return
