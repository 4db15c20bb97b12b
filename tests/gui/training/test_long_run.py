"""A long run in the app: old epochs merge into buckets the plot draws as a band, and says so."""

import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from playground.engine import merged_series
from playground.engine.merged_history import MergedHistory
from playground.gui.training.run_command import Progress
from tests.gui.training.helpers import shown_epoch, train_epochs
from tests.gui.training.test_training_run import headless

EPOCHS = 4000  # past BUCKETS + 2·EXACT epochs: the oldest are merged in buckets of 2 or more


def groups(series) -> list:
    """Every group of the series, oldest first."""
    found, epoch = [], 1
    while epoch <= len(series):
        found.append(series.at(epoch))
        epoch = found[-1].last + 1
    return found


def test_a_long_run_merges_its_old_epochs_exactly_and_undo_brings_its_history_back(
    open_example, qtbot
):
    window = open_example("xor")
    train_epochs(qtbot, window, 1000)
    train_epochs(qtbot, window, EPOCHS - 1000, timeout=120000)
    assert shown_epoch(window) == EPOCHS
    session = window.training.session
    plot = window.training.training_dock.loss_plot
    history = session.progress.history
    engine = headless("xor", EPOCHS).history  # the same seed: the same losses, as plain lists
    train = history.train_loss
    assert len(train) == EPOCHS and train.width > 1 and train.shows_merged
    # Each bucket holds exactly the mean, min and max of its epochs as the engine measured them.
    losses = np.array(engine.train_loss)
    for group in groups(train):
        mine = losses[group.first - 1 : group.last]
        assert group.low == mine.min() and group.high == mine.max()
        assert group.mean == pytest.approx(mine.mean(), rel=1e-12)
    # The latest epochs are exact, and the plot draws every group once.
    assert train[-1] == losses[-1]
    points = len(groups(train))
    assert points < EPOCHS and points <= merged_series.BUCKETS + 1 + 2 * merged_series.EXACT
    assert plot.train_curve.getData()[0].size == points
    assert plot.curve_values("train_accuracy").size == points
    # The band's top reaches the run's highest loss: no spike vanishes in a bucket.
    band_y = plot.bands["train_loss"].getData()[1]
    assert band_y.max() == losses[: train.merged_epochs].max()
    merged = f"Epochs 1–{train.merged_epochs:,} merged in buckets of {train.width:,}"
    assert merged in plot.readout.toolTip() and merged in plot.plot_widget.toolTip()

    stack = window.document.undo_stack
    kept = history.copy()
    stack.undo()  # the second run: back to epoch 1,000, every epoch exact again
    assert shown_epoch(window) == 1000
    assert plot.curve_values("train_loss").tolist() == engine.train_loss[:1000]
    assert "merged" not in plot.readout.toolTip()
    stack.redo()
    assert session.progress.history == kept
    assert merged in plot.readout.toolTip()


def test_the_readout_under_the_mouse_names_a_bucket_and_its_mean(window, qtbot):
    plot = window.training.training_dock.loss_plot
    values = np.linspace(1.0, 0.5, 6000)
    history = MergedHistory()
    history.train_loss.extend(values)
    window.training.session._saved = Progress(6000, history)
    window.training.session.frame.emit()
    assert history.train_loss.at(100).merged
    # Move the mouse over epoch 100 of the plot, as the user does.
    scene = plot.plot.vb.mapViewToScene(QPointF(100, 0.7))
    qtbot.mouseMove(plot.plot_widget.viewport(), plot.plot_widget.mapFromScene(scene))
    qtbot.waitUntil(lambda: "merged" in plot.readout.text())
    lines = plot.readout.text().splitlines()
    first, last = (int(n.replace(",", "")) for n in re.findall(r"[\d,]+", lines[0])[:2])
    # The bucket under the mouse (a pixel is several epochs wide here), named and averaged.
    group = history.train_loss.at(first)
    assert (group.first, group.last) == (first, last) and abs(first - 100) < 600
    assert lines[0] == f"epochs {first:,}–{last:,} (merged: their mean)"
    assert lines[1] == f"train loss {plot_number(float(values[first - 1 : last].mean()))}"


def plot_number(value: float) -> str:
    from playground.engine.formatting import format_number
    from playground.gui.training.loss_plot import LOSS_DIGITS

    return format_number(value, LOSS_DIGITS)


def test_the_epoch_axis_labels_fit_side_by_side(window, qtbot):
    """At three million epochs the labels are whole numbers grouped by thousands, none overlapping."""
    plot = window.training.training_dock.loss_plot
    plot.plot.setXRange(0, 3_000_000, padding=0)
    axis = plot.plot.getAxis("bottom")
    qtbot.wait(10)
    size = axis.geometry().width()
    spacing = axis.tickSpacing(0, 3_000_000, size)
    ticks = np.arange(0, 3_000_001, spacing[0][0])
    labels = axis.tickStrings(ticks, 1, spacing[0][0])
    assert labels[1] in ("500,000", "1,000,000", "2,000,000")
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(axis.style.get("tickFont") or axis.font())
    widest = max(metrics.horizontalAdvance(label) for label in labels)
    assert widest < size * spacing[0][0] / 3_000_000  # a label is narrower than a step
