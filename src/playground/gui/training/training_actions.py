"""The training commands as actions, shared by the Training menu and the training dock's buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from playground.gui.training.training_session import TrainingSession


def train_text() -> str:
    return QCoreApplication.translate("TrainingActions", "▶ Train")


# Where the app remembers Fast Training between sessions.
FLOAT32_SETTING = "training/float32"


def pause_text() -> str:
    return QCoreApplication.translate("TrainingActions", "❚❚ Pause")


class TrainingActions:
    """Train/Pause, Step One Epoch, Step One Batch and Reset Weights, enabled as the session allows."""

    def __init__(self, session: TrainingSession, parent: QWidget) -> None:
        self.session = session
        self.train = QAction(train_text(), parent)
        self.train.setShortcuts([QKeySequence("Ctrl+T"), QKeySequence("F6")])
        self.train.triggered.connect(self.toggle)
        self.step_epoch = QAction(
            QCoreApplication.translate("TrainingActions", "Step Epoch"), parent
        )
        self.step_epoch.triggered.connect(session.step_epoch)
        self.step_batch = QAction(
            QCoreApplication.translate("TrainingActions", "Step Batch"), parent
        )
        self.step_batch.triggered.connect(session.step_batch)
        self.reset_weights = QAction(
            QCoreApplication.translate("TrainingActions", "Reset Weights"), parent
        )
        self.reset_weights.triggered.connect(session.reset_weights)
        for action, tip in (
            (
                self.train,
                QCoreApplication.translate(
                    "TrainingActions",
                    "Train with SGD until paused or a stop condition is met (Ctrl+T or F6). "
                    "The whole run is one undo step.",
                ),
            ),
            (
                self.step_epoch,
                QCoreApplication.translate(
                    "TrainingActions",
                    "Train to the end of the next epoch: one pass over the training data",
                ),
            ),
            (
                self.step_batch,
                QCoreApplication.translate(
                    "TrainingActions", "Train on one minibatch: one SGD update of every weight"
                ),
            ),
            (
                self.reset_weights,
                QCoreApplication.translate(
                    "TrainingActions",
                    "Give every weight a fresh random start from the seed and every "
                    "bias 0; the epoch counter and the loss plot start again (undoable)",
                ),
            ),
        ):
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.fast_training = self._fast_training_action(parent)
        session.running_changed.connect(self._running_changed)

    def _fast_training_action(self, parent: QWidget) -> QAction:
        """Training ▸ Fast Training (float32): checkable, remembered, for the runs that follow."""
        action = QAction(
            QCoreApplication.translate("TrainingActions", "Fast Training (float32)"), parent
        )
        action.setCheckable(True)
        tip = QCoreApplication.translate(
            "TrainingActions",
            "Train in float32: faster on wide networks, with about 7 significant digits "
            "instead of 16. The backward pass step by step and the gradient check always "
            "use float64. It cannot be changed during a run.",
        )
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setChecked(QSettings().value(FLOAT32_SETTING, False) in (True, "true"))
        self.session.float32 = action.isChecked()
        action.toggled.connect(self._fast_training_toggled)
        return action

    def _fast_training_toggled(self, on: bool) -> None:
        QSettings().setValue(FLOAT32_SETTING, on)
        self.session.float32 = on  # the next run's trainer is built in the new precision

    def all(self) -> list[QAction]:
        return [self.train, self.step_epoch, self.step_batch, self.reset_weights]

    def toggle(self) -> None:
        if self.session.running:
            self.session.pause()
        else:
            self.session.start()

    def _running_changed(self, running: bool) -> None:
        self.train.setText(pause_text() if running else train_text())
        # A run keeps the precision it started in (its trainer holds float32 or float64 arrays).
        for action in (self.step_epoch, self.step_batch, self.fast_training):
            action.setEnabled(not running)
