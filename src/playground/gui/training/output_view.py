"""What the network computes over its inputs: a heatmap for two inputs, a fitted curve for one.

The view follows the document: whenever the weights change (an edit, a
training frame) it runs one batched forward pass over the whole grid of
inputs, never a Python loop over points. Training points are drawn filled,
test points hollow. Hovering a neuron on the canvas shows that neuron's own
output over the same grid, as TensorFlow Playground's thumbnails do.

The data's points (thinned to a seeded sample when there are very many) are
drawn by output_points.py. Each neuron has one colour scale, from its
activation's range (output_scale.py).
"""

from __future__ import annotations

import html
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from playground.engine.compiled_network import CompiledNetwork
from playground.engine.formatting import format_number
from playground.gui.canvas.style import CANVAS_DIGITS
from playground.gui.document import Document
from playground.gui.training.output_points import DataPoints
from playground.gui.training.output_scale import (
    COLOUR_MAP,
    drawable,
    input_ranges,
    neuron_levels,
    target_levels,
)
from playground.gui.training.output_toggles import OutputToggles
from playground.model.feature_inputs import axis_names, network_inputs, plotted_inputs

GRID_SIZE = 120  # heatmap cells per side
# During a run the picture changes slowly; redrawing it every other frame keeps it live for
# half the cost (a forward pass of the whole grid and a new image).
LIVE_PERIOD = 0.075  # seconds
CURVE_POINTS = 300
# The heatmap is a paler version of the points' colours, so a point on a region of its own
# class still stands out (TensorFlow Playground does the same).
BACKGROUND_SHARE = 0.6
HEATMAP_TABLE = (
    BACKGROUND_SHARE * COLOUR_MAP.getLookupTable(nPts=256) + (1 - BACKGROUND_SHARE) * 255
).astype(np.uint8)
CURVE_COLOUR = "#202020"


class OutputView(QWidget):
    """The network's output (or a hovered neuron's) over the inputs' range, with the data on top."""

    def __init__(self, document: Document, canvas_view=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.canvas_view = canvas_view
        self.compiled: CompiledNetwork | None = None
        self.hovered: str | None = None  # a neuron whose own output is shown instead
        self.mode = ""  # "heatmap", "curve" or "" (nothing to draw)

        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setMinimumSize(240, 240)
        self.plot_widget.setToolTip(
            self.tr(
                "The network's output over the inputs' range: filled dots are training points, "
                "hollow ones test points. Hover a neuron on the canvas to see its own output here."
            )
        )
        plot = self.plot = self.plot_widget.getPlotItem()
        plot.setMenuEnabled(False)
        for side in ("left", "bottom"):
            # The data's own units: "0.2", not "200" with a "(x0.001)" tucked into the label.
            plot.getAxis(side).enableAutoSIPrefix(False)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(HEATMAP_TABLE)
        plot.addItem(self.image)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(CURVE_COLOUR, width=2.5))
        self.curve.setZValue(10)  # the fit over the points it is fitted to
        plot.addItem(self.curve)
        self.points = DataPoints()
        self.train_points, self.test_points = self.points.train, self.points.test
        plot.addItem(self.train_points)
        plot.addItem(self.test_points)

        self.output_picker = QComboBox()
        self.output_picker.setToolTip(self.tr("Which output neuron to draw"))
        # As wide as the longest name, so "sum" never shows as "su".
        self.output_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.toggles = OutputToggles()
        self.discretize, self.show_test = self.toggles.discretize, self.toggles.show_test
        self.toggles.changed.connect(self._toggled)
        self.output_picker.activated.connect(lambda _: self.refresh(rebuild=True))
        self.caption = QLabel()
        # Neuron names come from the file: shown as they are, never as markup.
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444")
        self.caption.setMinimumHeight(self.caption.fontMetrics().height() * 2 + 4)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #777; padding: 12px")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.plot_widget)
        self.pages.addWidget(self.message)

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.output_picker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        # Under the picture, as in TensorFlow Playground; the picker keeps the top row to itself.
        layout.addWidget(self.toggles)
        layout.addWidget(self.caption)

        self._pending_rebuild = True
        self._last_live = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(lambda: self.refresh(self._pending_rebuild))
        self._following_run = False
        # The picture is redrawn after the mouse event, not inside the canvas's event filter:
        # the filter stays light, and a burst of moves becomes one forward pass.
        self._hover_next: str | None = None
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(0)
        self._hover_timer.timeout.connect(lambda: self.set_hovered(self._hover_next))
        for signal in (document.parameters_changed, document.all_parameters_changed):
            signal.connect(self._parameters_changed)
        for signal in (
            document.structure_changed,
            document.network_replaced,
            document.data_changed,
            document.neuron_changed,
        ):
            signal.connect(lambda *_: self._schedule(True))
        if canvas_view is not None:
            canvas_view.viewport().installEventFilter(self)
        self.refresh(rebuild=True)

    # ----------------------------------------------------------------- updating

    def follow_run(self, running: bool) -> None:
        """While a run goes on, `show_live` draws its weights, ahead of the model's; after it, the model's."""
        self._following_run = running
        if not running:
            self._schedule(False)

    def _parameters_changed(self) -> None:
        # A run's writes into the model are behind what show_live already drew: skip them.
        if not self._following_run:
            self._schedule(False)

    def _schedule(self, rebuild: bool) -> None:
        """Many signals of one edit or one frame become one forward pass."""
        self._pending_rebuild = self._pending_rebuild or rebuild
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self, rebuild: bool = False) -> None:
        """Recompute the picture; `rebuild` also redoes the layout, the points and the compiled network."""
        self._pending_rebuild = False
        network = self.document.network
        # With features the plot spans the raw X₁, X₂ plane, whatever the inputs take.
        inputs, outputs = plotted_inputs(network), len(network.output_ids())
        if (
            rebuild
            or self.compiled is None
            or self.compiled.structure_version != network.structure_version
        ):
            if inputs not in (1, 2) or outputs == 0:
                self._show_message(inputs, outputs)
                return
            self.compiled = CompiledNetwork(network)
            self._fill_output_picker(network.output_ids())
            self.mode = "heatmap" if inputs == 2 else "curve"
            self.toggles.set_heatmap(self.mode == "heatmap")
            self.pages.setCurrentWidget(self.plot_widget)
            self._layout_grid()
            self._draw_points()
        elif self.mode == "":
            return
        else:
            self.compiled.load_parameters(network)
        self._draw_output()

    def _show_message(self, inputs: int, outputs: int) -> None:
        self.mode = ""
        self.compiled = None
        self.output_picker.setVisible(False)
        self.toggles.set_heatmap(False)
        if outputs == 0:
            text = self.tr("The network has no output neuron yet, so there is no output to draw.")
        else:
            text = self.tr(
                "The output view draws networks with one or two input neurons; this one has {inputs}."
            ).format(inputs=inputs)
        self.message.setText(text)
        self.caption.setText("")
        self.pages.setCurrentWidget(self.message)

    def _fill_output_picker(self, ids: list[str]) -> None:
        chosen = self.output_picker.currentText()
        self.output_picker.blockSignals(True)
        self.output_picker.clear()
        names = [self.document.network.neuron(i).display_name for i in ids]
        self.output_picker.addItems(names)
        if chosen in names:
            self.output_picker.setCurrentIndex(names.index(chosen))
        self.output_picker.blockSignals(False)
        self.output_picker.setVisible(len(ids) > 1)

    @property
    def output_index(self) -> int:
        return max(0, self.output_picker.currentIndex())

    def _layout_grid(self) -> None:
        data = self.document.network.data
        ranges = input_ranges(data, 2 if self.mode == "heatmap" else 1)
        if self.mode == "heatmap":
            (x0, x1), (y0, y1) = ranges
            xs, ys = np.linspace(x0, x1, GRID_SIZE), np.linspace(y0, y1, GRID_SIZE)
            gx, gy = np.meshgrid(xs, ys, indexing="ij")
            self.grid = np.column_stack([gx.ravel(), gy.ravel()])
            self.grid_inputs = network_inputs(self.document.network, self.grid)
            dx, dy = xs[1] - xs[0], ys[1] - ys[0]
            # Applied after each setImage: before the first image there is nothing to place.
            self._image_rect = QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
            self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            names = axis_names(self.document.network)
            # pyqtgraph writes axis labels as HTML; a neuron's name from the file is not markup.
            self.plot.setLabel("bottom", html.escape(names[0]))
            self.plot.setLabel("left", html.escape(names[1]))
        else:
            ((x0, x1),) = ranges
            self.grid = np.linspace(x0, x1, CURVE_POINTS).reshape(-1, 1)
            self.grid_inputs = network_inputs(self.document.network, self.grid)
            names = axis_names(self.document.network)
            self.plot.setLabel("bottom", html.escape(names[0]))
            self.plot.setLabel("left", html.escape(self.tr("output")))
        self.image.setVisible(self.mode == "heatmap")
        self.curve.setVisible(self.mode == "curve")
        # A fixed view: a range following the curve would cost a second repaint each frame.
        self.plot.enableAutoRange(enable=False)
        if self.mode == "curve":
            low, high = target_levels(self.document.network.data, self.output_index)
            margin = 0.25 * (high - low)
            self.plot.setRange(xRange=ranges[0], yRange=(low - margin, high + margin), padding=0)
        if self.mode == "heatmap":
            # Equal units on both axes keep circles round, unless the inputs' scales differ a lot.
            spans = (ranges[0][1] - ranges[0][0], ranges[1][1] - ranges[1][0])
            self.plot.setAspectLocked(max(spans) / min(spans) < 4, ratio=1)
        else:
            self.plot.setAspectLocked(False)
        self.plot.setMouseEnabled(x=self.mode == "curve", y=self.mode == "curve")

    def _draw_points(self) -> None:
        network = self.document.network
        k = self.output_index
        levels = self.levels(network.output_ids()[k], np.zeros(0))
        self.points.draw(network, k, self.mode == "curve", levels)
        self.test_points.setVisible(self.show_test.isChecked())

    def show_live(self, levels: list[tuple[np.ndarray, np.ndarray]] | None) -> None:
        """Draw from a training run's latest weights and biases (level by level, level 1 up),
        which are ahead of the model between its writes; the next model change replaces them."""
        compiled = self.compiled
        if (
            levels is None
            or compiled is None
            or not self.mode
            or len(levels) != len(compiled.levels) - 1
        ):
            return
        now = time.perf_counter()
        if now - self._last_live < LIVE_PERIOD:
            return
        self._last_live = now
        for level, (weights, biases) in zip(compiled.levels[1:], levels):
            if level.weights.shape != weights.shape or level.biases.shape != biases.shape:
                return
            level.weights[...] = weights
            level.biases[...] = biases
        self._draw_output()

    def values(self) -> np.ndarray:
        """The grid's values now shown: the chosen output's, or the hovered neuron's."""
        compiled = self.compiled
        with np.errstate(all="ignore"):
            run = compiled.forward(self.grid_inputs)
        if self.hovered is not None and self.hovered in compiled.location:
            level, column = compiled.location[self.hovered]
            return run.y[level][:, column]
        return compiled.outputs(run)[:, self.output_index]

    def levels(self, neuron_id: str, values: np.ndarray) -> tuple[float, float]:
        """A neuron's one colour scale, hovered or not: see output_scale."""
        return neuron_levels(self.document.network, neuron_id, values)

    def _draw_output(self) -> None:
        values = self.values()
        network = self.document.network
        shown = self.hovered if self.hovered in self.compiled.location else None
        name = network.neuron(shown).display_name if shown else self.output_picker.currentText()
        neuron_id = shown or network.output_ids()[self.output_index]
        low, high = self.levels(neuron_id, values)
        if self.mode == "heatmap":
            grid = values.reshape(GRID_SIZE, GRID_SIZE)
            middle = (low + high) / 2
            if self.discretize.isChecked():
                # Two colours, as TensorFlow Playground's checkbox: the class each place gets.
                with np.errstate(invalid="ignore"):
                    grid = np.where(grid >= middle, high, np.where(grid < middle, low, middle))
            self.image.setImage(grid, levels=(low, high), autoLevels=False)
            self.image.setRect(self._image_rect)
            if self.discretize.isChecked():
                scale = self.tr("colour: orange below {middle}, blue from {middle}").format(
                    middle=format_number(middle, CANVAS_DIGITS)
                )
            else:
                scale = self.tr("colour: orange {low} → blue {high}").format(
                    low=format_number(low, CANVAS_DIGITS), high=format_number(high, CANVAS_DIGITS)
                )
        else:
            # A value pyqtgraph cannot place (overflow, NaN) breaks the line rather than the plot.
            line = np.where(drawable(values), values, np.nan)
            self.curve.setData(self.grid[:, 0], line, connect="finite")
            scale = self.tr("line: the network's output; dots: the data")
        whose = (
            self.tr("Neuron {name} (hovered)").format(name=name)
            if shown
            else self.tr("Output {name}").format(name=name)
        )
        points = self.tr("● train ○ test") if self.show_test.isChecked() else self.tr("● train")
        parts = [whose, scale, points]
        if self.points.note:
            parts.append(self.points.note)
        self.caption.setText(" · ".join(parts))

    # ----------------------------------------------------------------- the toggles

    def _toggled(self) -> None:
        self.test_points.setVisible(self.show_test.isChecked())
        if self.mode:
            self._draw_output()

    # ----------------------------------------------------------------- hovering the canvas

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            view = self.canvas_view
            item = view.scene().neuron_at(view.mapToScene(event.position().toPoint()))
            self._hover_next = item.neuron_id if item is not None else None
            self._hover_timer.start()
        elif kind == QEvent.Type.Leave:
            self._hover_next = None
            self._hover_timer.start()
        return False

    def set_hovered(self, neuron_id: str | None) -> None:
        """Show this neuron's own output (None: the network's output again)."""
        if neuron_id != self.hovered:
            self.hovered = neuron_id
            if self.mode:
                self._draw_output()
