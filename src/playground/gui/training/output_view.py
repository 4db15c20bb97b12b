"""What the network computes over its inputs: a heatmap for two inputs, a fitted curve for one.

The view follows the document: whenever the weights change (an edit, a
training frame) it runs one batched forward pass over the whole grid of
inputs, never a Python loop over points. Training points are drawn filled,
test points hollow. Hovering a neuron on the canvas shows that neuron's own
output over the same grid, as TensorFlow Playground's thumbnails do.

A data set of a million samples would take minutes to draw point by point and
shows no more than a few thousand would: above MAX_POINTS the view draws a
seeded random sample, says so in its caption, and colours the points from a
small palette of shared brushes and pens. Values beyond ±DRAWABLE (up to
±1.8e308 in a file) break pyqtgraph's geometry, so they are left out of the
ranges and the points drawn.
"""

from __future__ import annotations

import html
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from playground.engine.compiled_network import CompiledNetwork
from playground.engine.formatting import format_number
from playground.gui.canvas.style import CANVAS_DIGITS
from playground.gui.document import Document
from playground.model.dataset import Dataset
from playground.model.feature_inputs import axis_names, network_inputs, plotted_inputs

GRID_SIZE = 120  # heatmap cells per side
# During a run the picture changes slowly; redrawing it every other frame keeps it live for
# half the cost (a forward pass of the whole grid and a new image).
LIVE_PERIOD = 0.075  # seconds
CURVE_POINTS = 300
NEGATIVE, MIDDLE, POSITIVE = "#f59322", "#f2f2ee", "#0877bd"  # TF Playground's orange and blue
COLOUR_MAP = pg.ColorMap([0.0, 0.5, 1.0], [NEGATIVE, MIDDLE, POSITIVE])
# The heatmap is a paler version of the points' colours, so a point on a region of its own
# class still stands out (TensorFlow Playground does the same).
BACKGROUND_SHARE = 0.6
HEATMAP_TABLE = (
    BACKGROUND_SHARE * COLOUR_MAP.getLookupTable(nPts=256) + (1 - BACKGROUND_SHARE) * 255
).astype(np.uint8)
POINT_OUTLINE = "#2b2b2b"
CURVE_COLOUR = "#202020"
# More points than this cover the plot without showing anything more; a seeded sample is drawn.
MAX_POINTS = 5_000
POINT_SEED = 0
# Beyond this a coordinate is not drawn: pyqtgraph's scene arithmetic overflows long before 1e308.
DRAWABLE = 1e12
# Point colours come from this many shared brushes (and pens) along the colour map, ends included.
PALETTE_SIZE = 33


def drawable(values: np.ndarray) -> np.ndarray:
    """Where values are finite and small enough for the plot's arithmetic."""
    with np.errstate(invalid="ignore"):
        return np.isfinite(values) & (np.abs(values) <= DRAWABLE)


def input_ranges(data: Dataset | None, inputs: int) -> list[tuple[float, float]]:
    """For each input, the span of the data's values with a margin; (-1, 1) without data."""
    if data is None or data.train_x.shape[1] != inputs:
        return [(-1.0, 1.0)] * inputs
    x = np.concatenate(
        [part for part in (data.train_x, data.test_x) if len(part)] or [np.zeros((0, inputs))]
    )
    ranges = []
    for column in x.T:
        column = column[drawable(column)]
        if len(column) == 0:
            ranges.append((-1.0, 1.0))
            continue
        low, high = float(column.min()), float(column.max())
        # A single sample (or one value of an input) has no span: show a unit around it instead.
        margin = 0.08 * (high - low) if high > low else 1.0
        ranges.append((low - margin, high + margin))
    return ranges


def target_levels(data: Dataset | None, output: int) -> tuple[float, float]:
    """The colour scale of an output: the span of the data's targets for it, else 0 to 1."""
    if data is None or data.train_y.shape[1] <= output:
        return 0.0, 1.0
    y = np.concatenate(
        [part[:, output] for part in (data.train_y, data.test_y) if len(part)] or [np.zeros(0)]
    )
    y = y[drawable(y)]
    if len(y) == 0:
        return 0.0, 1.0
    low, high = float(y.min()), float(y.max())
    return (low, high) if high > low else (low - 1.0, high + 1.0)


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
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(HEATMAP_TABLE)
        plot.addItem(self.image)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(CURVE_COLOUR, width=2.5))
        self.curve.setZValue(10)  # the fit over the points it is fitted to
        plot.addItem(self.curve)
        self.train_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen(POINT_OUTLINE, width=0.8))
        self.test_points = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(None))
        plot.addItem(self.train_points)
        plot.addItem(self.test_points)

        self.output_picker = QComboBox()
        self.output_picker.setToolTip(self.tr("Which output neuron to draw"))
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
        layout.addWidget(self.caption)

        palette = COLOUR_MAP.map(np.linspace(0.0, 1.0, PALETTE_SIZE), mode="qcolor")
        self._brushes = np.empty(PALETTE_SIZE, dtype=object)
        self._brushes[:] = [pg.mkBrush(colour) for colour in palette]
        self._pens = np.empty(PALETTE_SIZE, dtype=object)
        self._pens[:] = [pg.mkPen(colour, width=1.6) for colour in palette]
        self._points_note = ""  # "showing 5,000 of 1,000,000 points" when thinned
        self._pending_rebuild = True
        self._last_live = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(lambda: self.refresh(self._pending_rebuild))
        self._following_run = False
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
        data = self.document.network.data
        network = self.document.network
        self._points_note = ""
        fits = (
            data is not None
            and data.input_width == len(network.input_ids())
            and data.train_y.shape[1] == len(network.output_ids())
        )
        if not fits:
            self.train_points.setData([], [])
            self.test_points.setData([], [])
            return
        k = self.output_index
        low, high = target_levels(data, k)
        chosen = self._chosen_rows(data, k)
        for split, item in (("train", self.train_points), ("test", self.test_points)):
            x, y = data.raw_split(split)  # drawn on the raw plane, as the heatmap is
            rows = chosen[split]
            x, values = x[rows], y[rows, k]
            if self.mode == "heatmap":
                # One of a few shared brushes per point: Qt caches each symbol once, not per point.
                with np.errstate(all="ignore"):
                    share = np.clip((values - low) / (high - low), 0.0, 1.0)
                # A target beyond the drawable range takes the nearer end; NaN the middle.
                share = np.nan_to_num(share, nan=0.5)
                shade = np.rint(share * (PALETTE_SIZE - 1)).astype(int)
                if split == "train":
                    item.setData(x[:, 0], x[:, 1], brush=self._brushes[shade])
                else:
                    item.setData(x[:, 0], x[:, 1], pen=self._pens[shade])
            elif split == "train":
                item.setData(
                    x[:, 0],
                    values,
                    brush=pg.mkBrush(POSITIVE),
                    pen=pg.mkPen(POINT_OUTLINE, width=0.8),
                )
            else:
                item.setData(x[:, 0], values, pen=pg.mkPen(POSITIVE, width=1.6))

    def _chosen_rows(self, data: Dataset, output: int) -> dict[str, np.ndarray]:
        """The rows of each split to draw: the drawable ones, or a seeded sample of MAX_POINTS."""
        rows = {}
        for split in ("train", "test"):
            x, y = data.raw_split(split)
            ok = drawable(x).all(axis=1)
            if self.mode == "curve":
                ok &= drawable(y[:, output])
            rows[split] = np.flatnonzero(ok)
        total = len(data.train_x) + len(data.test_x)
        usable = len(rows["train"]) + len(rows["test"])
        if usable > MAX_POINTS:
            rng = np.random.default_rng(POINT_SEED)
            # Each split keeps its share of the points drawn.
            n_train = min(len(rows["train"]), round(MAX_POINTS * len(rows["train"]) / usable))
            n_test = min(len(rows["test"]), MAX_POINTS - n_train)
            for split, n in (("train", n_train), ("test", n_test)):
                rows[split] = np.sort(rng.choice(rows[split], size=n, replace=False))
        shown = len(rows["train"]) + len(rows["test"])
        if shown < total:
            self._points_note = self.tr("showing {shown} of {total} points").format(
                shown=f"{shown:,}", total=f"{total:,}"
            )
        return rows

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

    def _draw_output(self) -> None:
        values = self.values()
        network = self.document.network
        shown = self.hovered if self.hovered in self.compiled.location else None
        name = network.neuron(shown).display_name if shown else self.output_picker.currentText()
        if shown is None:
            low, high = target_levels(network.data, self.output_index)
        else:
            finite = values[drawable(values)]
            reach = float(np.abs(finite).max()) if finite.size else 1.0
            low, high = -max(reach, 1e-9), max(reach, 1e-9)
        if self.mode == "heatmap":
            self.image.setImage(
                values.reshape(GRID_SIZE, GRID_SIZE), levels=(low, high), autoLevels=False
            )
            self.image.setRect(self._image_rect)
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
        parts = [whose, scale, self.tr("● train ○ test")]
        if self._points_note:
            parts.append(self._points_note)
        self.caption.setText(" · ".join(parts))

    # ----------------------------------------------------------------- hovering the canvas

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            view = self.canvas_view
            item = view.scene().neuron_at(view.mapToScene(event.position().toPoint()))
            self.set_hovered(item.neuron_id if item is not None else None)
        elif kind == QEvent.Type.Leave:
            self.set_hovered(None)
        return False

    def set_hovered(self, neuron_id: str | None) -> None:
        """Show this neuron's own output (None: the network's output again)."""
        if neuron_id != self.hovered:
            self.hovered = neuron_id
            if self.mode:
                self._draw_output()
