"""The live loss plot: train and test loss per epoch, and the accuracy when the data are class labels.

The history is a MergedHistory: however long the run, each curve has a few
thousand points at most (the latest epochs one by one, older ones merged
into buckets), so a frame's setData costs the same at epoch 3,000,000 as at
epoch 5,000. Where epochs are merged, a loss curve is the buckets' means
inside a band from their smallest to their largest value, so a spike stays
in sight; the readout's tooltip says which epochs are merged and how many to
a bucket.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from playground.engine.formatting import format_number
from playground.engine.merged_history import MergedHistory
from playground.engine.merged_series import MergedSeries
from playground.engine.trainer import History
from playground.gui.training.epoch_axis import EpochAxis
from playground.gui.training.live_label import LiveLabel
from playground.gui.training.loss_band import draw_band, loss_band
from playground.gui.training.number_controls import whole_number

TRAIN_COLOUR = "#1d5f99"
TEST_COLOUR = "#d9731a"
ACCURACY_COLOUR = "#3d8b3d"
# Loss values at or below 0 have no logarithm; in log scale they sit at this floor instead.
LOG_FLOOR = 1e-300
# The loss axis with no epochs to show: 0 to 1, or 10⁻¹ to 10⁰ in log scale (its logarithms),
# never the range of a run that was undone.
EMPTY_AXIS = {False: (0.0, 1.0), True: (-1.0, 0.0)}
LOSS_DIGITS = 4
ACCURACY_DIGITS = 3


# Axis ends: round numbers about a quarter apart, so the curves fill most of the plot
# and the range changes only now and then.
ROUND_STEPS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice_ceiling(value: float) -> float:
    """The first round number (ROUND_STEPS × 10ᵏ) at or above a positive value."""
    decade = 10.0 ** math.floor(math.log10(value))
    for step in ROUND_STEPS:
        if step * decade >= value * (1 - 1e-12):
            return step * decade
    return 10 * decade


def loss_axis(values: np.ndarray, log: bool) -> tuple[float, float] | None:
    """The loss axis for these values: 0 to a round ceiling, or whole decades in log scale
    (in log scale pyqtgraph's axis coordinates are the logarithms)."""
    values = values[np.isfinite(values)]
    if log:
        values = values[values > 0]
    if values.size == 0 or values.max() <= 0:
        return None
    if not log:
        return 0.0, nice_ceiling(float(values.max()))
    low, high = math.floor(math.log10(values.min())), math.ceil(math.log10(values.max()))
    return float(low), float(max(high, low + 1))


class _Shown:
    """What a curve was last drawn from: the series and its length, to redraw only on change."""

    def __init__(self) -> None:
        self.series: MergedSeries | None = None
        self.count = 0
        self.points = MergedSeries().points()

    def follow(self, series: MergedSeries) -> bool:
        """Take the series' groups if it changed since the last frame; True if it did."""
        if series is self.series and len(series) == self.count:
            return False
        self.series, self.count = series, len(series)
        self.points = series.points()
        return True


class LossPlot(QWidget):
    """Loss against epoch with a crosshair readout; accuracy (in %) on the right-hand axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(background="w", axisItems={"bottom": EpochAxis("bottom")})
        self.plot_widget.setMinimumSize(260, 170)
        self._plot_tip = self.tr(
            "Loss after each epoch. Drag to pan, wheel to zoom; Auto-range brings the whole "
            "run back into view."
        )
        self.plot_widget.setToolTip(self._plot_tip)
        plot = self.plot = self.plot_widget.getPlotItem()
        plot.setLabel("bottom", self.tr("epoch"))
        plot.setLabel("left", self.tr("loss"))
        for side in ("left", "right", "bottom"):
            # Plain numbers: "0.6", not "600" with a "(x0.001)" tucked into the axis label.
            plot.getAxis(side).enableAutoSIPrefix(False)
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        plot.setMouseEnabled(x=True, y=True)
        # Both axes grow in round steps (decades in log scale) rather than with every frame:
        # a range that moves each frame costs pyqtgraph a second repaint per frame.
        plot.hideButtons()
        plot.disableAutoRange()
        plot.vb.sigRangeChangedManually.connect(self._stop_following)
        self._following = True
        self._shown_range: tuple | None = None
        # Thin (cosmetic) pens and no grid: a wide pen or a grid costs several milliseconds a
        # repaint, and the plot repaints up to 30 times a second while training.
        self.train_curve = plot.plot(pen=pg.mkPen(TRAIN_COLOUR, width=1), name="train loss")
        self.test_curve = plot.plot(
            pen=pg.mkPen(TEST_COLOUR, width=1, style=Qt.PenStyle.DashLine), name="test loss"
        )
        # Where epochs are merged, a band from each bucket's smallest to its largest loss.
        self.bands = {
            name: loss_band(plot, colour)
            for name, colour in (("train_loss", TRAIN_COLOUR), ("test_loss", TEST_COLOUR))
        }

        # Accuracy lives in its own view box, sharing the epoch axis, scaled 0–100 %.
        self.accuracy_box = pg.ViewBox()
        self.accuracy_box.setMouseEnabled(x=False, y=False)
        plot.scene().addItem(self.accuracy_box)
        plot.getAxis("right").linkToView(self.accuracy_box)
        plot.getAxis("right").setLabel(self.tr("accuracy %"), color=ACCURACY_COLOUR)
        self.accuracy_box.setXLink(plot)
        self.accuracy_box.setYRange(0, 100, padding=0.02)
        self.train_accuracy_curve = pg.PlotDataItem(pen=pg.mkPen(ACCURACY_COLOUR, width=1))
        self.test_accuracy_curve = pg.PlotDataItem(
            pen=pg.mkPen(ACCURACY_COLOUR, width=1, style=Qt.PenStyle.DotLine)
        )
        for curve in (self.train_accuracy_curve, self.test_accuracy_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.accuracy_box.addItem(curve)
        plot.vb.sigResized.connect(self._match_boxes)

        self.crosshair = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888", width=1))
        self.crosshair.setVisible(False)
        plot.addItem(self.crosshair, ignoreBounds=True)
        plot.scene().sigMouseMoved.connect(self._mouse_moved)

        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setToolTip(
            self.tr(
                "Show the loss on a logarithmic scale, where slow late progress is visible "
                "(the accuracy stays in %)"
            )
        )
        self.log_scale.toggled.connect(self.set_log_scale)
        self.auto_range = QPushButton(self.tr("Auto-range"))
        self.auto_range.setToolTip(
            self.tr("Fit the whole run into view again and follow it as it grows")
        )
        self.auto_range.clicked.connect(self.fit)
        # One line each for the epoch, the losses and the accuracy: nothing wraps out of sight.
        self.readout = LiveLabel(3)
        self._readout_tip = self.tr(
            "The numbers of the epoch under the mouse, else of the latest epoch"
        )
        self.readout.setToolTip(self._readout_tip)

        self.key = QLabel()
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self.key.setToolTip(
            self.tr("Solid: measured on the training data; dashed or dotted: on the test data")
        )
        tools = QHBoxLayout()
        tools.addWidget(QLabel("<b>{}</b>".format(self.tr("Loss"))))
        tools.addStretch(1)
        tools.addWidget(self.log_scale)
        tools.addWidget(self.auto_range)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.key)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)

        self._shown = {
            name: _Shown()
            for name in ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
        }
        self._merged_note = ""
        self._hover_epoch: int | None = None
        self._has_accuracy = False
        self._key_curves: tuple[bool, bool, bool] | None = None
        self._expects_test = True  # until the dock says what the data holds
        self._show_accuracy(False)
        self._write_key()
        self._write_readout()

    # ----------------------------------------------------------------- data

    def expect_test(self, expected: bool) -> None:
        """Whether the data has test rows, so the key names a test curve before the first epoch."""
        if expected != self._expects_test:
            self._expects_test = expected
            self._write_key()

    def set_history(self, history: History | MergedHistory) -> None:
        """Show these measurements (redrawn only where the history grew since the last frame)."""
        history = MergedHistory.of(history)
        curves = {
            "train_loss": self.train_curve,
            "test_loss": self.test_curve,
            "train_accuracy": self.train_accuracy_curve,
            "test_accuracy": self.test_accuracy_curve,
        }
        for name, curve in curves.items():
            if self._shown[name].follow(getattr(history, name)):
                self._draw(name, curve)
        self._follow()
        accuracy = self._shown["train_accuracy"].count > 0
        if accuracy != self._has_accuracy:
            self._show_accuracy(accuracy)
        self._write_key()
        self._write_merged_note(history.train_loss)
        self._write_readout()

    def _draw(self, name: str, curve: pg.PlotDataItem) -> None:
        points = self._shown[name].points
        if name.endswith("accuracy"):
            curve.setData(points.epochs, points.means * 100.0)
            return
        log = self.log_scale.isChecked()
        floor = LOG_FLOOR if log else -np.inf
        curve.setData(points.epochs, np.maximum(points.means, floor))
        draw_band(self.bands[name], points, floor)

    def curve_values(self, name: str) -> np.ndarray:
        """The values a curve shows now (`train_loss`, `test_loss`, `train_accuracy`, `test_accuracy`):
        each epoch's, or each bucket's mean where epochs are merged."""
        return self._shown[name].points.means.copy()

    def _show_accuracy(self, shown: bool) -> None:
        self._has_accuracy = shown
        self.plot.showAxis("right", shown)
        self.accuracy_box.setVisible(shown)

    def _write_key(self) -> None:
        """Name the curves there are: no test curves without test data, no accuracy without classes."""
        test = self._shown["test_loss"].count > 0
        # Before the first epoch the data says whether a test curve will come.
        test = test or (self._shown["train_loss"].count == 0 and self._expects_test)
        curves = (test, self._has_accuracy, self._shown["test_accuracy"].count > 0)
        if curves == self._key_curves:
            return
        self._key_curves = curves
        parts = [f"<span style='color:{TRAIN_COLOUR}'>━ {self.tr('train loss')}</span>"]
        if test:
            parts.append(f"<span style='color:{TEST_COLOUR}'>╍ {self.tr('test loss')}</span>")
        if self._has_accuracy:
            accuracy = (
                self.tr("━ train ┈ test accuracy (right axis)")
                if curves[2]
                else self.tr("━ train accuracy (right axis)")
            )
            parts.append(f"<span style='color:{ACCURACY_COLOUR}'>{accuracy}</span>")
        self.key.setText("&nbsp;&nbsp;".join(parts))

    # ----------------------------------------------------------------- view

    def set_log_scale(self, on: bool) -> None:
        self.plot.setLogMode(x=False, y=on)
        # setLogMode puts every axis in log scale; the accuracy is a percentage, always linear.
        self.plot.getAxis("right").setLogMode(False, False)
        # It also turns pyqtgraph's own auto-range back on; the plot keeps its round ranges.
        self.plot.disableAutoRange()
        self._draw("train_loss", self.train_curve)
        self._draw("test_loss", self.test_curve)
        self.fit()

    def fit(self) -> None:
        """Show the whole run, and follow it as it grows."""
        self._following = True
        self._shown_range = None
        self._follow()
        self.accuracy_box.setYRange(0, 100, padding=0.02)

    def _stop_following(self, *_) -> None:
        self._following = False

    def _follow(self) -> None:
        """Keep the whole run in view, changing the range only when the curves outgrow it."""
        if not self._following:
            return
        epochs = max(self._shown["train_loss"].count, self._shown["test_loss"].count)
        train, test = self._shown["train_loss"].points, self._shown["test_loss"].points
        # The bands' ends too: the axis takes in every spike.
        losses = np.concatenate([train.lows, train.highs, test.lows, test.highs])
        wanted = (nice_ceiling(max(epochs, 10)), loss_axis(losses, self.log_scale.isChecked()))
        if wanted != self._shown_range:
            self._shown_range = wanted
            self.plot.setXRange(0, wanted[0], padding=0.02)
            loss_range = wanted[1] or EMPTY_AXIS[self.log_scale.isChecked()]
            self.plot.setYRange(*loss_range, padding=0.02)

    def _match_boxes(self) -> None:
        self.accuracy_box.setGeometry(self.plot.vb.sceneBoundingRect())
        self.accuracy_box.linkedViewChanged(self.plot.vb, self.accuracy_box.XAxis)

    def _mouse_moved(self, position: QPointF) -> None:
        count = self._shown["train_loss"].count
        if count == 0 or not self.plot.vb.sceneBoundingRect().contains(position):
            self._hover_epoch = None
            self.crosshair.setVisible(False)
        else:
            x = self.plot.vb.mapSceneToView(position).x()
            self._hover_epoch = int(min(max(round(x), 1), count))
            self.crosshair.setPos(self._hover_epoch)
            self.crosshair.setVisible(True)
        self._write_readout()

    def _write_merged_note(self, train_loss: MergedSeries) -> None:
        """Say in the readout's and the plot's tooltips which epochs are merged, if any."""
        note = (
            self.tr(
                "Epochs 1–{last} merged in buckets of {width}: their mean, in a band from "
                "the smallest to the largest value."
            ).format(
                last=whole_number(train_loss.merged_epochs), width=whole_number(train_loss.width)
            )
            if train_loss.shows_merged
            else ""
        )
        if note == self._merged_note:
            return
        self._merged_note = note
        for widget, text in ((self.readout, self._readout_tip), (self.plot_widget, self._plot_tip)):
            widget.setToolTip(f"{text}\n\n{note}" if note else text)

    def _write_readout(self) -> None:
        count = self._shown["train_loss"].count
        if count == 0:
            text = self.tr("No epochs trained yet.")
            self.readout.setText(f"<span style='color:#777'>{text}</span>")
            return
        epoch = self._hover_epoch if self._hover_epoch is not None else count
        series = {name: shown.series for name, shown in self._shown.items()}
        train = series["train_loss"].at(epoch)
        if train.merged:
            heading = self.tr("epochs {first}–{last} (merged: their mean)").format(
                first=whole_number(train.first), last=whole_number(train.last)
            )
        else:
            heading = self.tr("epoch {epoch}").format(epoch=whole_number(epoch))
        if self._hover_epoch is None:
            heading = self.tr("{epoch} (latest)").format(epoch=heading)
        lines = [f"<b>{heading}</b>"]
        losses = []
        for name, label, colour in (
            ("train_loss", self.tr("train loss"), TRAIN_COLOUR),
            ("test_loss", self.tr("test loss"), TEST_COLOUR),
        ):
            if epoch <= self._shown[name].count:
                value = format_number(series[name].at(epoch).mean, LOSS_DIGITS)
                losses.append(f"<span style='color:{colour}'>{label} {value}</span>")
        lines.append(" · ".join(losses))
        accuracies = [
            format_number(100 * series[name].at(epoch).mean, ACCURACY_DIGITS) + " %"
            for name in ("train_accuracy", "test_accuracy")
            if epoch <= self._shown[name].count
        ]
        if len(accuracies) == 2:
            accuracy = self.tr("accuracy {train} / {test} (train / test)").format(
                train=accuracies[0], test=accuracies[1]
            )
            lines.append(f"<span style='color:{ACCURACY_COLOUR}'>{accuracy}</span>")
        elif accuracies:
            accuracy = self.tr("accuracy {train}").format(train=accuracies[0])
            lines.append(f"<span style='color:{ACCURACY_COLOUR}'>{accuracy}</span>")
        self.readout.setText("<br>".join(lines))
