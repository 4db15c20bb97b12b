"""Training inside the app: the Trainer runs in short slices, the panels repaint on a frame timer.

A zero-interval timer runs the trainer for at most 8 ms at a time, so the
event loop is never held longer than that. (A worker thread was measured too,
see benchmarks/app_training.py: the GIL hands the event loop the processor
too late, up to a third of a second, whenever the thread runs numpy code, so
slices keep the window more responsive for the same training speed.) A frame
timer, 25 times a second, emits `frame`: the epoch counter, the loss plot and
the output view repaint from the trainer's current state. As often as the
pacer allows (every frame for a small network, a few times a second for a
large one), the frame also writes the weights into the model through the
run's undo command, so the canvas and every other panel follow and the undo
stack always knows the numbers the model holds. Nothing repaints once per
minibatch.

An edit of the network's numbers or structure during a run ends the run at
the last weights written, so the edit lands on numbers the undo stack knows.
Moving neurons and changing the learning rate, batch size, momentum or L2 do
not stop a run; new settings apply from the next minibatch.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from playground.engine.batch_order import first_batch
from playground.engine.trainer import Trainer, check_data_fits, training_dtype
from playground.gui.document import Document
from playground.gui.training.pacing import WritePacer
from playground.gui.training.run_command import (
    Parameters,
    Progress,
    TrainingRunCommand,
    current_parameters,
)
from playground.gui.training.run_limits import RunLimits, StopConditions, run_text
from playground.model.errors import PlaygroundError
from playground.model.initialisation import initialise_network

SLICE_SECONDS = 0.008  # the longest the trainer holds the event loop at a time
FRAME_MS = 40  # 25 frames a second: smooth enough for a curve, and cheap


class TrainingSession(QObject):
    """Trains the document's network in slices and publishes frames; see the module docstring."""

    frame = Signal()  # the progress (and maybe the model) show the latest state
    running_changed = Signal(bool)
    # Why training stopped or cannot start, in words for the user ("" clears it); the flag says
    # whether it is a problem (divergence, unusable data) rather than a plain pause.
    status_changed = Signal(str, bool)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.trainer: Trainer | None = None
        self.stop = StopConditions()
        self.pacer = WritePacer()
        self.slice_seconds = 0.0  # all the time spent training in slices (the pacer's measure)
        self._saved = Progress()  # the progress to give the next trainer built
        self._in_sync = False  # the trainer holds exactly the model's weights
        self.float32 = False  # Fast Training: the next trainer built computes in float32
        self._running = False
        self._writing = False
        self._limits = RunLimits(self.stop, 0, None)
        self._run_start = Progress()
        self._run_before = Parameters()
        self._run_batches = 0
        self._written_batches = 0
        self._written_epoch = 0
        # The progress as it was at the last write: old epochs are merged, so it cannot be cut
        # back to that epoch afterwards; a copy of a merged history is small and bounded.
        self._written_progress = Progress()
        self._command: TrainingRunCommand | None = None
        self._cannot_train = False  # the last word was "Cannot train: …", to take back once fixed

        self._slice_timer = QTimer(self)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._advance)
        self._frame_timer = QTimer(self)
        self._frame_timer.setInterval(FRAME_MS)
        self._frame_timer.timeout.connect(self.publish)

        document.parameters_changed.connect(self._numbers_edited)
        document.structure_changed.connect(self._numbers_edited)
        document.network_replaced.connect(self._network_replaced)
        document.data_changed.connect(self._data_changed)
        document.settings_changed.connect(self._settings_changed)

    # ----------------------------------------------------------------- state

    @property
    def running(self) -> bool:
        return self._running

    @property
    def progress(self) -> Progress:
        """The epoch counter and the loss history (the trainer's own lists while there is one)."""
        if self.trainer is not None:
            return Progress(self.trainer.epoch, self.trainer.history)
        return self._saved

    @property
    def batch_in_epoch(self) -> int:
        return self.trainer.batch_in_epoch if self.trainer is not None else 0

    @property
    def batches_per_epoch(self) -> int | None:
        return self.trainer.batches_per_epoch if self.trainer is not None else None

    def live_levels(self) -> list[tuple[np.ndarray, np.ndarray]] | None:
        """During a run, each level's latest (weights, biases), ahead of the model between writes."""
        if not self._running or self.trainer is None:
            return None
        return [(level.weights, level.biases) for level in self.trainer.compiled.levels[1:]]

    # ----------------------------------------------------------------- controls

    def start(self, until_epoch: int | None = None) -> bool:
        """Begin a run (to `until_epoch`, a stop condition, divergence or `pause`); False if it cannot."""
        if self._running:
            return True
        trainer = self._ready_trainer()
        if trainer is None:
            return False
        self._begin_run(until_epoch)
        self._running = True
        self.pacer.begin(time.perf_counter())
        self._slice_timer.start()
        self._frame_timer.start()
        self.running_changed.emit(True)
        self.status_changed.emit("", False)
        return True

    def pause(self) -> None:
        """End the run at the trainer's current state; the run becomes one undo step."""
        if self._running:
            self._end_run("paused")

    def step_epoch(self) -> bool:
        """Train to the end of the current epoch (the next one when at a boundary), as a run."""
        trainer = self._ready_trainer()
        return trainer is not None and self.start(until_epoch=trainer.epoch + 1)

    def step_batch(self) -> bool:
        """Train one minibatch, as its own undo step."""
        if self._running:
            return False
        trainer = self._ready_trainer()
        if trainer is None:
            return False
        self._begin_run(None)
        self._run_batches += trainer.run(max_batches=1)
        self._finish("diverged" if trainer.divergence is not None else "batch")
        return True

    def reset_weights(self) -> None:
        """Fresh starting weights from the network's seed, the epoch counter at 0: one undo step."""
        if self._running:
            self._end_run("paused")
        network = self.document.network
        fresh = network.copy()
        initialise_network(fresh, self.document.initialisation, network.training.seed)
        before, after = current_parameters(network), current_parameters(fresh)
        if before == after and self.progress == Progress():
            self.status_changed.emit(
                self.tr("The weights are already the fresh ones: nothing to reset."), False
            )
            return
        command = TrainingRunCommand(
            self,
            self.tr("Reset Weights"),
            before,
            after,
            self.progress.copy(),
            Progress(),
        )
        self.trainer = None
        self._saved = Progress()
        self.document.undo_stack.push(command)
        self.status_changed.emit("", False)
        self.frame.emit()

    # ----------------------------------------------------------------- running

    def _ready_trainer(self) -> Trainer | None:
        """The trainer, rebuilt when the model has moved on; None (and a message) if it cannot train."""
        network = self.document.network
        trainer = self._reusable_trainer()
        if trainer is None:
            progress = self.progress.copy()
            try:
                trainer = Trainer(network, dtype=training_dtype(self.float32))
            except PlaygroundError as problem:
                self._say_cannot_train(problem)
                return None
            trainer.epoch, trainer.history = progress.epoch, progress.history
            self.trainer = trainer
            self._in_sync = True
        elif trainer.divergence is not None:
            # The kept weights are finite; a new run starts a fresh epoch from them.
            trainer.divergence = None
        self._cannot_train = False
        return trainer

    def _reusable_trainer(self) -> Trainer | None:
        """The trainer the next step goes on with, or None when the model has moved on from it."""
        network, trainer = self.document.network, self.trainer
        if (
            trainer is None
            or not self._in_sync
            or trainer.compiled.structure_version != network.structure_version
            or trainer.dataset is not network.data
            or trainer.compiled.dtype != training_dtype(self.float32)
        ):
            return None
        return trainer

    def next_batch(self) -> np.ndarray:
        """The training rows (from 0) the next SGD step will take: where the run is, or a fresh run's
        first batch when the next step starts a new trainer. Raises DataError when it cannot train."""
        trainer = self._reusable_trainer()
        if trainer is not None:
            return trainer.upcoming_batch()
        network = self.document.network
        data = check_data_fits(network, network.data)
        settings = network.training
        return first_batch(len(data.train_x), settings.seed, settings.batch_size)

    def _begin_run(self, until_epoch: int | None) -> None:
        self._run_start = self.progress.copy()
        self._limits = RunLimits(self.stop, self._run_start.epoch, until_epoch)
        self._run_before = current_parameters(self.document.network)
        self._run_batches = 0
        self._written_batches = 0
        self._written_epoch = self._run_start.epoch
        self._written_progress = self._run_start
        self._command = None

    def _advance(self) -> None:
        """One slice: train for a few milliseconds, then stop if a limit is reached."""
        start = time.perf_counter()
        self._run_batches += self._limits.train(self.trainer, start + SLICE_SECONDS)
        self.slice_seconds += time.perf_counter() - start
        reason = self._limits.reason(self.trainer)
        if reason:
            self._end_run(reason)

    def _halt(self) -> None:
        self._slice_timer.stop()
        self._frame_timer.stop()
        self._running = False

    def _end_run(self, reason: str) -> None:
        self._halt()
        self._finish(reason)
        self.running_changed.emit(False)

    def _finish(self, reason: str) -> None:
        """Write the final weights, name the undo step, and say why the run ended."""
        self._write()
        command, self._command = self._command, None
        if command is not None:
            command.progress_after = self.progress.copy()
            command.setText(
                run_text(self.progress.epoch - self._run_start.epoch, self._run_batches)
            )
            stack = self.document.undo_stack
            # The stack names its top step when it changes; this one was renamed in place.
            stack.undoTextChanged.emit(stack.undoText())
        self.frame.emit()
        self.status_changed.emit(*self._limits.message(reason, self.trainer))

    # ----------------------------------------------------------------- publishing

    def publish(self) -> None:
        """A frame: write the weights into the model when the pacer says so, then emit `frame`."""
        now = time.perf_counter()
        self.pacer.record(now, self.slice_seconds)
        if self.pacer.due(now):
            self._write()
            self.pacer.wrote(now)
        self.frame.emit()

    def _write(self) -> None:
        """Put the trainer's weights into the model through the run's command (pushed the first time)."""
        trainer = self.trainer
        if trainer is None or self._run_batches == self._written_batches:
            return
        self._written_batches = self._run_batches
        self._written_epoch = trainer.epoch
        self._written_progress = self.progress.copy()
        compiled = trainer.compiled
        after = Parameters(compiled.weights_by_key(), compiled.biases_by_id())
        if self._command is None and after == self._run_before and self.progress == self._run_start:
            # A run that changed nothing (it diverged at once, back to the same weights) is no
            # undo step: undoing it would do nothing.
            return
        if self._command is None:
            self._command = TrainingRunCommand(
                self,
                self.tr("Training…"),
                self._run_before,
                after,
                self._run_start,
                self._run_start,
            )
            self.document.undo_stack.push(self._command)
        else:
            self._command.update(after)

    def write_parameters(self, parameters: Parameters) -> None:
        """Set the model's weights and biases (for the run command) and restyle everything once."""
        network = self.document.network
        self._writing = True
        try:
            for (source, target), weight in parameters.weights.items():
                network.set_weight(source, target, weight)
            for neuron_id, bias in parameters.biases.items():
                network.set_bias(neuron_id, bias)
            self.document.notify_parameters_changed()
        finally:
            self._writing = False

    # ----------------------------------------------------------------- undo of runs

    def command_undone(self, command: TrainingRunCommand) -> None:
        """A run is undone: if it is the one going on, it ends here, at the weights last written."""
        if command is self._command:
            self._halt()
            self._command = None
            command.progress_after = self._written_progress
            command.setText(
                run_text(self._written_epoch - self._run_start.epoch, self._written_batches)
            )
            self.running_changed.emit(False)

    def command_restored(self, command: TrainingRunCommand, progress: Progress) -> None:
        """Undo or redo put a run's weights back: show the progress that goes with them."""
        if self._running:
            # An earlier run was undone (or redone) before this one wrote anything: the trainer
            # it ran on is gone with those weights, so this run ends with nothing to record.
            self._halt()
            self._command = None
            self.running_changed.emit(False)
        self.trainer = None
        self._saved = progress.copy()
        self._in_sync = False
        self.status_changed.emit("", False)
        self.frame.emit()

    # ----------------------------------------------------------------- the document changed

    def _stop_for_edit(self) -> None:
        """Someone else changed the network: end the run at the last weights the model holds."""
        self._in_sync = False
        if not self._running:
            return
        self._halt()
        shown = self._written_progress
        command, self._command = self._command, None
        if command is not None:
            command.progress_after = shown
            command.setText(
                run_text(self._written_epoch - self._run_start.epoch, self._written_batches)
            )
        # The trainer got further than the model shows; the next run starts from the model.
        self.trainer = None
        self._saved = shown
        self.status_changed.emit(self.tr("Training paused for the edit."), False)
        self.running_changed.emit(False)
        self.frame.emit()

    def _say_cannot_train(self, problem: PlaygroundError) -> None:
        self._cannot_train = True
        self.status_changed.emit(self.tr("Cannot train: {reason}.").format(reason=problem), True)

    def _check_cannot_train(self) -> None:
        """After a change, take back a "Cannot train" that no longer holds, or say the new reason."""
        if not self._cannot_train or self._running:
            return
        try:
            Trainer(self.document.network)
        except PlaygroundError as problem:
            self._say_cannot_train(problem)
            return
        self._cannot_train = False
        self.status_changed.emit("", False)

    def _numbers_edited(self) -> None:
        if not self._writing:
            self._stop_for_edit()
        self._check_cannot_train()

    def _network_replaced(self) -> None:
        # The undo stack was cleared with the old network, and the run's command with it.
        self._command = None
        self._stop_for_edit()
        self._reset_progress()
        self._check_cannot_train()

    def _data_changed(self) -> None:
        self._stop_for_edit()
        self._reset_progress()
        self._check_cannot_train()

    def _settings_changed(self) -> None:
        self._check_cannot_train()
        trainer = self.trainer
        if trainer is None:
            return
        if trainer.compiled.structure_version != self.document.network.structure_version:
            # The loss changed: the old curve measured something else.
            self._stop_for_edit()
            self._reset_progress()
            return
        settings = self.document.network.training
        if settings.seed != trainer.settings.seed:
            # The seed orders the minibatches of a fresh trainer, from the next run.
            self._in_sync = False
        trainer.settings = replace(settings)

    def _reset_progress(self) -> None:
        self.trainer = None
        self._saved = Progress()
        self.status_changed.emit("", False)
        self.frame.emit()
