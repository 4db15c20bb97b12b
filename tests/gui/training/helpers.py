"""Driving the training dock through its widgets."""

import re

from PySide6.QtCore import Qt

LEFT = Qt.MouseButton.LeftButton


def shown_epoch(window) -> int:
    """The epoch counter as the dock shows it."""
    text = window.training.training_dock.epoch_label.text()
    return int(re.search(r"Epoch ([\d,]+)", text).group(1).replace(",", ""))


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, LEFT)


def stop_after(window, epochs: int | None) -> None:
    """Tick (or untick) the dock's "stop after N epochs" condition."""
    dock = window.training.training_dock
    if epochs is not None:
        dock.stop_epochs.setValue(epochs)
    dock.stop_after.setChecked(epochs is not None)


def train_epochs(qtbot, window, epochs: int, timeout: int = 20000) -> None:
    """Press Train with a stop after `epochs` and wait until the run has paused by itself."""
    stop_after(window, epochs)
    session = window.training.session
    start = shown_epoch(window)
    click(qtbot, window.training.training_dock.train_button)
    qtbot.waitUntil(
        lambda: not session.running and shown_epoch(window) >= start + epochs, timeout=timeout
    )


def weights(network) -> dict:
    return {c.key: c.weight for c in network.connections}


def biases(network) -> dict:
    return {n.id: n.bias for n in network.neurons if not n.is_input}
