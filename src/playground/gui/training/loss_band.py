"""The band around a loss curve where epochs are merged: from each bucket's smallest to its largest loss.

One closed outline, forth along the buckets' largest values and back along
their smallest, filled ("enclosed"): a single item of the plot, so log scale
reaches it, and cheap. (pyqtgraph's FillBetweenItem rebuilds its path in
Python: 60 ms a frame at 2,000 points.)
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from playground.engine.merged_series import PlotPoints


def loss_band(plot: pg.PlotItem, colour: str) -> pg.PlotDataItem:
    """An empty band in a pale shade of the curve's colour, behind the curves."""
    fill = pg.mkColor(colour)
    fill.setAlpha(60)
    # Outlined with a thin pen as well: a filled spike one bucket wide is thinner than a pixel
    # and the fill alone may not show it; a line is always at least a pixel.
    edge = pg.mkColor(colour)
    edge.setAlpha(110)
    band = plot.plot(pen=pg.mkPen(edge, width=1), brush=pg.mkBrush(fill), fillLevel="enclosed")
    # Thinning or clipping the outline as if it were a curve would cut the shape.
    band.setDownsampling(ds=1, auto=False)
    band.setClipToView(False)
    band.setZValue(-10)
    return band


def draw_band(band: pg.PlotDataItem, points: PlotPoints, floor: float) -> None:
    """Outline the merged groups of `points` (nothing while no epoch is merged)."""
    merged = slice(0, points.merged)
    epochs = points.epochs[merged]
    outline_x = np.concatenate([epochs, epochs[::-1]])
    outline_y = np.concatenate([points.highs[merged], points.lows[merged][::-1]])
    band.setData(outline_x, np.maximum(outline_y, floor))
