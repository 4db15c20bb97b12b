"""The data drawn over the output view: training points filled, test points hollow.

A data set of a million samples would take minutes to draw point by point and
shows no more than a few thousand would: above MAX_POINTS a seeded random
sample is drawn, and `note` says so. Points are coloured from a small palette
of shared brushes and pens (Qt caches each symbol once, not per point).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from playground.gui.training.number_controls import whole_number
from playground.gui.training.output_scale import COLOUR_MAP, POSITIVE, drawable
from playground.model.dataset import Dataset
from playground.model.network import Network

POINT_OUTLINE = "#2b2b2b"
# More points than this cover the plot without showing anything more; a seeded sample is drawn.
MAX_POINTS = 5_000
POINT_SEED = 0
# Point colours come from this many shared brushes (and pens) along the colour map, ends included.
PALETTE_SIZE = 33


class DataPoints:
    """The two scatter items of the data, and how to fill them from a network's data."""

    def __init__(self) -> None:
        self.train = pg.ScatterPlotItem(size=7, pen=pg.mkPen(POINT_OUTLINE, width=0.8))
        self.test = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(None))
        palette = COLOUR_MAP.map(np.linspace(0.0, 1.0, PALETTE_SIZE), mode="qcolor")
        self._brushes = np.empty(PALETTE_SIZE, dtype=object)
        self._brushes[:] = [pg.mkBrush(colour) for colour in palette]
        self._pens = np.empty(PALETTE_SIZE, dtype=object)
        self._pens[:] = [pg.mkPen(colour, width=1.6) for colour in palette]
        self.note = ""  # "showing 5,000 of 1,000,000 points" when thinned

    def draw(self, network: Network, output: int, curve: bool, levels: tuple[float, float]) -> None:
        """Draw the data of `network` for one output: over the inputs coloured by target
        (`levels` is the colour scale), or at (input, target) for a curve."""
        data = network.data
        self.note = ""
        fits = (
            data is not None
            and data.input_width == len(network.input_ids())
            and data.train_y.shape[1] == len(network.output_ids())
        )
        if data is None or not fits:
            self.train.setData([], [])
            self.test.setData([], [])
            return
        low, high = levels
        chosen = self._chosen_rows(data, output, curve)
        for split, item in (("train", self.train), ("test", self.test)):
            x, y = data.raw_split(split)  # drawn on the raw plane, as the heatmap is
            rows = chosen[split]
            x, values = x[rows], y[rows, output]
            if not curve:
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

    def _chosen_rows(self, data: Dataset, output: int, curve: bool) -> dict[str, np.ndarray]:
        """The rows of each split to draw: the drawable ones, or a seeded sample of MAX_POINTS."""
        rows = {}
        for split in ("train", "test"):
            x, y = data.raw_split(split)
            ok = drawable(x).all(axis=1)
            if curve:
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
            self.note = QCoreApplication.translate(
                "OutputView", "showing {shown} of {total} points"
            ).format(shown=whole_number(shown), total=whole_number(total))
        return rows
