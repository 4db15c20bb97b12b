"""Each neuron's output over the input plane, as a small picture beside it (TF Playground's
thumbnails), for networks with exactly two inputs.

One batched forward pass over a grid of the inputs' range (the Output view's range
and colours) gives every neuron's picture at once. The pictures follow edits and
training, but at most every REFRESH_PERIOD seconds: a frame of training is not
held up for pictures nobody can follow at thirty a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QImage

from playground.engine.compiled_network import CompiledNetwork
from playground.gui.canvas.neuron_item import NeuronItem
from playground.gui.document import Document
from playground.gui.training.output_scale import COLOUR_MAP, input_ranges, neuron_levels
from playground.model.feature_inputs import network_inputs, plotted_inputs

CELLS = 24  # grid points per side of a picture
REFRESH_PERIOD = 0.25  # seconds: at most four refreshes a second
# A hidden neuron with a bounded activation is coloured over its whole range, so a sigmoid's
# 0.5 is the middle colour; an unbounded one over its values' reach either side of zero.
COLOURS = COLOUR_MAP.getLookupTable(nPts=256, alpha=False).astype(np.uint8)  # (256, 3)


class NeuronPictures(QObject):
    """Keeps the neuron items' output pictures up to date while they are shown."""

    def __init__(
        self,
        document: Document,
        items: Callable[[], dict[str, NeuronItem]],
        sizes_changed: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self._items = items
        self._sizes_changed = sizes_changed
        self.shown = False
        self.compiled: CompiledNetwork | None = None
        self.grid = np.zeros((0, 2))
        self.refreshes = 0  # how many times the pictures were computed (for tests and measures)
        self._last = -float("inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            document.parameters_changed,
            document.structure_changed,
            document.network_replaced,
            document.data_changed,
            document.all_parameters_changed,
        ):
            signal.connect(self.schedule)

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        if shown:
            self.refresh()
        else:
            self._timer.stop()
            self.compiled = None
            for item in self._items().values():
                item.set_picture(None)
            self._sizes_changed()

    def schedule(self, *_) -> None:
        """Refresh soon: at once if the last refresh is old enough, else when it is."""
        if not self.shown or self._timer.isActive():
            return
        wait = REFRESH_PERIOD - (time.perf_counter() - self._last)
        self._timer.start(max(0, int(wait * 1000)))

    def refresh(self) -> None:
        """Compute every neuron's picture from the model's weights now."""
        if not self.shown:
            return
        self._last = time.perf_counter()
        self.refreshes += 1
        network = self.document.network
        items = self._items()
        inputs = plotted_inputs(network)
        had = {i for i, item in items.items() if item.picture is not None}
        if inputs != 2:
            note = QCoreApplication.translate(
                "NeuronPictures",
                "No output picture: pictures are drawn for networks with exactly two inputs; "
                "this one has {inputs}.",
            ).format(inputs=inputs)
            for item in items.values():
                item.set_picture(None, None if item.role == "input" else note)
            self.compiled = None
        else:
            self._draw(items)
        if had != {i for i, item in items.items() if item.picture is not None}:
            self._sizes_changed()

    def _draw(self, items: dict[str, NeuronItem]) -> None:
        network = self.document.network
        if self.compiled is None or self.compiled.structure_version != network.structure_version:
            self.compiled = CompiledNetwork(network)
        else:
            self.compiled.load_parameters(network)
        (x0, x1), (y0, y1) = input_ranges(network.data, 2)
        # Rows from the top: the second input grows upwards, as in the Output view.
        gx, gy = np.meshgrid(np.linspace(x0, x1, CELLS), np.linspace(y1, y0, CELLS))
        self.grid = np.column_stack([gx.ravel(), gy.ravel()])
        with np.errstate(all="ignore"):
            # With derived features the plane is the raw X₁, X₂ one, as in the Output view.
            run = self.compiled.forward(network_inputs(network, self.grid))
        for neuron_id, item in items.items():
            if item.role == "input" or neuron_id not in self.compiled.location:
                item.set_picture(None)
                continue
            level, column = self.compiled.location[neuron_id]
            values = run.y[level][:, column]
            # The same scale as the Output view gives this neuron.
            low, high = neuron_levels(network, neuron_id, values)
            item.set_picture(picture(values, low, high))


def picture(values: np.ndarray, low: float, high: float) -> QImage:
    """A CELLS×CELLS image of values (row by row from the top), orange at `low`, blue at `high`."""
    with np.errstate(all="ignore"):
        share = np.clip((values - low) / (high - low), 0.0, 1.0)
    index = np.rint(np.nan_to_num(share, nan=0.5) * 255).astype(np.intp)
    rgb = np.ascontiguousarray(COLOURS[index].reshape(CELLS, CELLS, 3))
    image = QImage(rgb.data, CELLS, CELLS, 3 * CELLS, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the numpy buffer goes away
