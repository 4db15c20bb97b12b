"""`playground train --plot`: the loss curves drawn to a PNG with pyqtgraph, without a display.

This is the one path of the command line that imports Qt, and only when it is
called, so `train` without `--plot`, `trace` and `check` stay Qt-free.
"""

import math
import os
import warnings

from playground.translation import QT_TRANSLATE_NOOP

WIDTH, HEIGHT = 800, 500
TRAIN_COLOUR = "#1f77b4"
TEST_COLOUR = "#ff7f0e"
# Above this, the loss axis counts in powers of ten: beside such a loss the rest would be a
# flat line at 0, and near the largest float (1.8e308) a linear axis's own range arithmetic
# (5 % of headroom, padding) overflows to infinity, which pyqtgraph refuses.
LOG_SCALE_ABOVE = 1e6
# A failed plot's words before its reason; the file writer translates it in its context.
CANNOT_WRITE_PLOT = QT_TRANSLATE_NOOP("NetworkFile", "cannot write the loss plot")


def write_loss_plot(
    path: str,
    train_loss: list[float],
    test_loss: list[float],
    title: str,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> None:
    """Draw the train (and test) loss per epoch and save it as a PNG image at `path`, atomically."""
    from playground.model.network_file import write_bytes_atomically

    image = render_loss_plot(train_loss, test_loss, title, width, height)
    write_bytes_atomically(path, image, CANNOT_WRITE_PLOT)


def drawable(losses: list[float]) -> list[float]:
    """The losses as floats, NaN (drawn as a gap) where one is not a finite number."""
    return [float(v) if math.isfinite(v) else math.nan for v in losses]


def render_loss_plot(
    train_loss: list[float],
    test_loss: list[float],
    title: str,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> bytes:
    """The train (and test) loss per epoch drawn as a PNG image, returned as its bytes."""
    import numpy as np

    # pyqtgraph's range arithmetic warns about gaps (NaN) and powers of ten of 0; the picture
    # is right regardless, and the command's stderr is for the user's messages only.
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return _render(train_loss, test_loss, title, width, height)


def _render(
    train_loss: list[float],
    test_loss: list[float],
    title: str,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> bytes:
    # Must be set before Qt is first imported; a display the user chose is kept.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    import pyqtgraph as pg
    from pyqtgraph.exporters import ImageExporter
    from PySide6.QtCore import QBuffer, QIODevice

    from playground.model.errors import PlaygroundError
    from playground.translation import translate

    app = pg.mkQApp()
    widget = pg.PlotWidget(background="w")
    widget.resize(width, height)
    plot = widget.getPlotItem()
    plot.setTitle(title, color="k", size="13pt")
    for side, text in (
        ("bottom", translate("CliPlot", "epoch")),
        ("left", translate("CliPlot", "loss (mean over the split)")),
    ):
        axis = plot.getAxis(side)
        axis.setPen("k")
        axis.setTextPen("k")
        axis.enableAutoSIPrefix(False)  # a "(×0.001)" beside "loss" would confuse more than help
        plot.setLabel(side, text, color="k")
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.addLegend(offset=(-10, 10), labelTextColor="k", brush=pg.mkBrush(255, 255, 255, 220))
    curves = [(translate("CliPlot", "train loss"), drawable(train_loss), TRAIN_COLOUR)]
    if test_loss:
        curves.append((translate("CliPlot", "test loss"), drawable(test_loss), TEST_COLOUR))
    for name, losses, colour in curves:
        epochs = np.arange(1, len(losses) + 1)
        # A single epoch is one point: give it a marker so it shows at all.
        symbol = (
            {"symbol": "o", "symbolBrush": colour, "symbolPen": colour} if len(losses) < 2 else {}
        )
        plot.plot(
            epochs,
            np.asarray(losses, dtype=np.float64),
            pen=pg.mkPen(colour, width=2),
            name=name,
            connect="finite",
            **symbol,
        )
    finite = [v for _, losses, _ in curves for v in losses if math.isfinite(v)]
    highest = max(finite, default=0.0)
    if highest > LOG_SCALE_ABOVE:
        # Beside a loss this large the rest would be a flat line at 0: powers of ten show both.
        plot.setLogMode(y=True)
    else:
        # A loss is never negative: starting the axis at 0 shows how far it fell.
        plot.setYRange(0.0, highest * 1.05 if highest > 0 else 1.0, padding=0)

    # Laid out only once shown; the offscreen platform shows it nowhere.
    widget.show()
    app.processEvents()
    exporter = ImageExporter(plot)
    # Both sides set without the exporter's aspect-ratio coupling, so the image is exactly this size.
    exporter.params.param("width").setValue(width, blockSignal=exporter.widthChanged)
    exporter.params.param("height").setValue(height, blockSignal=exporter.heightChanged)
    image = exporter.export(toBytes=True)
    widget.close()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise PlaygroundError(
            translate("CliPlot", "Qt could not encode the loss plot as a PNG image")
        )
    return bytes(buffer.data().data())
