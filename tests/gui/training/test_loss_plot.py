"""The loss plot on its own: the curves, the axes, log scale, the crosshair readout, auto-range."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from playground.engine.formatting import format_number
from playground.engine.trainer import History
from playground.gui.training.loss_plot import LossPlot, loss_axis, nice_ceiling
from tests.gui.training.helpers import click


@pytest.fixture
def plot(qtbot):
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(360, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def history(epochs: int, accuracy: bool = False) -> History:
    """Losses 0.5·0.9ᵏ (train) and 0.6·0.9ᵏ (test): known numbers to find again."""
    k = np.arange(epochs)
    h = History(list(0.5 * 0.9**k), list(0.6 * 0.9**k))
    if accuracy:
        h.train_accuracy = list(np.linspace(0.5, 1.0, epochs))
        h.test_accuracy = list(np.linspace(0.4, 0.9, epochs))
    return h


def test_round_axis_ends():
    assert [nice_ceiling(v) for v in (10, 11, 26, 0.55, 0.061, 2001)] == pytest.approx(
        [10, 12, 30, 0.6, 0.08, 2500]
    )
    assert loss_axis(np.array([0.45, 0.01]), log=False) == (0.0, 0.5)
    assert loss_axis(np.array([0.45, 0.01]), log=True) == (-2.0, 0.0)
    assert loss_axis(np.array([]), log=False) is None


def test_the_curves_show_the_history_and_grow_with_it(plot):
    h = history(30)
    plot.set_history(h)
    x, y = plot.train_curve.getData()
    assert x.tolist() == list(range(1, 31)) and y.tolist() == h.train_loss
    assert plot.test_curve.getData()[1].tolist() == h.test_loss
    (_, x1), (y0, y1) = plot.plot.vb.viewRange()
    assert x1 >= 30 and y0 <= 0 and y1 >= 0.6
    # New epochs are appended to the same lists, as the trainer does.
    h.train_loss.extend([0.01, 0.02])
    h.test_loss.extend([0.03, 0.04])
    plot.set_history(h)
    assert plot.curve_values("train_loss").tolist()[-2:] == [0.01, 0.02]
    assert plot.plot.vb.viewRange()[0][1] >= 32


def test_log_scale_shows_whole_decades(plot, qtbot):
    plot.set_history(history(60))
    click(qtbot, plot.log_scale)
    assert plot.log_scale.isChecked()
    low, high = plot.plot.vb.viewRange()[1]
    smallest = 0.5 * 0.9**59
    assert low <= math.floor(math.log10(smallest)) + 0.1 and high >= math.log10(0.6)
    # The curve's coordinates are the logarithms in log scale.
    assert plot.train_curve.curve.getData()[1][0] == pytest.approx(math.log10(0.5))


def test_accuracy_appears_for_class_labels(plot):
    plot.set_history(history(10))
    assert not plot.plot.getAxis("right").isVisible()
    plot.set_history(history(10, accuracy=True))
    assert plot.plot.getAxis("right").isVisible()
    assert plot.train_accuracy_curve.getData()[1].tolist() == pytest.approx(
        (100 * np.linspace(0.5, 1.0, 10)).tolist()
    )
    assert "accuracy" in plot.key.text()


def test_the_crosshair_reads_out_the_epoch_under_the_mouse(plot, qtbot):
    h = history(40, accuracy=True)
    plot.set_history(h)
    QApplication.processEvents()  # the new range reaches the view's transform
    view = plot.plot.vb
    scene_point = view.mapViewToScene(QPointF(12, 0.2))
    widget_point = plot.plot_widget.mapFromScene(scene_point)
    qtbot.mouseMove(plot.plot_widget.viewport(), widget_point)
    qtbot.waitUntil(lambda: "epoch 12" in plot.readout.text())
    text = plot.readout.text()
    assert f"train loss {format_number(float(h.train_loss[11]), 4)}" in text
    assert f"test loss {format_number(float(h.test_loss[11]), 4)}" in text
    assert plot.crosshair.isVisible() and plot.crosshair.value() == 12


def test_auto_range_follows_the_run_again_after_a_zoom(plot, qtbot):
    plot.set_history(history(30))
    plot.plot.vb.scaleBy((0.1, 0.1))
    plot.plot.vb.sigRangeChangedManually.emit([True, True])
    zoomed = plot.plot.vb.viewRange()
    h = history(300)
    plot.set_history(h)
    assert plot.plot.vb.viewRange() == zoomed  # a zoomed view stays where the user put it
    click(qtbot, plot.auto_range)
    assert plot.plot.vb.viewRange()[0][1] >= 300


def y_range(plot) -> list[float]:
    return plot.plot.vb.viewRange()[1]


def test_log_scale_leaves_the_accuracy_axis_in_percent(plot, qtbot):
    h = history(40, accuracy=True)
    plot.set_history(h)
    click(qtbot, plot.log_scale)
    axis = plot.plot.getAxis("right")
    assert plot.plot.getAxis("left").logMode and not axis.logMode
    low, high = plot.accuracy_box.viewRange()[1]
    assert low == pytest.approx(-2) and high == pytest.approx(102)
    # The accuracy curve is drawn at its percentages, not their logarithms.
    drawn = plot.train_accuracy_curve.curve.getData()[1]
    assert drawn == pytest.approx(100 * np.array(h.train_accuracy))
    # Its ticks are percentages from 0 to 100, never 10¹⁰⁰.
    major = axis.tickValues(low, high, 300)[0][1]
    assert list(major) == [0, 20, 40, 60, 80, 100]
    assert axis.tickStrings(major, 1, 20) == ["0", "20", "40", "60", "80", "100"]


def test_an_emptied_plot_shows_a_plain_range_not_the_old_one(plot, qtbot):
    # A run that blew up to 1e280 before it diverged, then undone.
    plot.set_history(History([0.5, 3e150, 1.2e280], [0.6, 4e150, 1.1e280]))
    assert y_range(plot)[1] >= 1.2e280
    plot.set_history(History())
    low, high = y_range(plot)
    assert low == pytest.approx(-0.02) and high == pytest.approx(1.02)
    click(qtbot, plot.log_scale)
    assert y_range(plot) == pytest.approx([-1.02, 0.02])  # 10⁻¹ to 10⁰
    click(qtbot, plot.log_scale)
    # Auto-range after a zoom of the empty plot brings the plain range back too.
    plot.plot.vb.scaleBy((0.1, 0.1))
    plot.plot.vb.sigRangeChangedManually.emit([True, True])
    assert y_range(plot)[1] < 0.6
    click(qtbot, plot.auto_range)
    assert y_range(plot) == pytest.approx([-0.02, 1.02])
    assert plot.plot.vb.viewRange()[0] == pytest.approx([-0.2, 10.2])


def test_the_key_names_only_the_curves_there_are(plot):
    plot.set_history(History([0.5, 0.4], [], [0.6, 0.7], []))
    key = plot.key.text()
    assert "train loss" in key and "train accuracy" in key
    assert "test" not in key
    plot.set_history(history(5, accuracy=True))
    key = plot.key.text()
    assert "test loss" in key and "test accuracy" in key


def test_the_readout_gives_each_kind_of_number_its_line(plot):
    h = History([1.234567e280], [9.87e279], [0.5], [0.25])
    plot.set_history(h)
    lines = plot.readout.text().splitlines()
    assert lines == [
        "epoch 1 (latest)",
        f"train loss {format_number(1.234567e280, 4)} · test loss {format_number(9.87e279, 4)}",
        "accuracy 50 % / 25 % (train / test)",
    ]


def test_epochs_are_grouped_by_thousands_as_in_the_epoch_counter(plot):
    from playground.gui.training.run_limits import run_text

    h = History(list(np.linspace(1.0, 0.1, 13886)))
    plot.set_history(h)
    assert plot.readout.text().splitlines()[0] == "epoch 13,886 (latest)"
    assert run_text(13886, 0) == "Train 13,886 epochs"


def test_the_readout_fits_the_training_dock_at_1400_by_900(window, qtbot):
    plot = window.training.training_dock.loss_plot
    long = History([1.234567e280] * 12345, [9.87654e279] * 12345, [0.5] * 12345, [0.25] * 12345)
    plot.set_history(long)
    qtbot.wait(1)
    readout = plot.readout
    assert readout.isVisible() and readout.text().count("\n") == 2
    # Every line is laid out inside the label's fixed height at the dock's width.
    needed = QTextDocument()
    needed.setDocumentMargin(0)
    needed.setDefaultFont(readout.font())
    needed.setHtml(readout._html)
    needed.setTextWidth(readout.width())
    assert needed.size().height() <= readout.height()
    assert needed.lineCount() <= 3


def test_before_the_first_epoch_the_key_names_a_test_curve_only_when_there_is_test_data(window):
    """A network drawn by hand has no data; the spiral example has test rows."""
    key = window.training.training_dock.loss_plot.key
    window.action_by_name["new"].trigger()
    assert "test loss" not in key.text()
    open_example = next(a for a in window.menus["examples"].actions() if a.text() == "spiral")
    open_example.trigger()
    assert "test loss" in key.text()
