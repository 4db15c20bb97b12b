"""`playground train --plot`: the loss curves drawn to a PNG with pyqtgraph, without a display.

This is the one path of the command line that imports Qt, and only when it is
called, so `train` without `--plot`, `trace` and `check` stay Qt-free.
"""

import os

WIDTH, HEIGHT = 800, 500
TRAIN_COLOUR = "#1f77b4"
TEST_COLOUR = "#ff7f0e"


def write_loss_plot(
    path: str,
    train_loss: list[float],
    test_loss: list[float],
    title: str,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> None:
    """Draw the train (and test) loss per epoch and save it as a PNG image at `path`."""
    # Must be set before Qt is first imported; a display the user chose is kept.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    import pyqtgraph as pg
    from pyqtgraph.exporters import ImageExporter

    app = pg.mkQApp()
    widget = pg.PlotWidget(background="w")
    widget.resize(width, height)
    plot = widget.getPlotItem()
    plot.setTitle(title, color="k", size="13pt")
    for side, text in (("bottom", "epoch"), ("left", "loss (mean over the split)")):
        axis = plot.getAxis(side)
        axis.setPen("k")
        axis.setTextPen("k")
        axis.enableAutoSIPrefix(False)  # a "(×0.001)" beside "loss" would confuse more than help
        plot.setLabel(side, text, color="k")
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.addLegend(offset=(-10, 10), labelTextColor="k", brush=pg.mkBrush(255, 255, 255, 220))
    curves = [("train loss", train_loss, TRAIN_COLOUR)]
    if test_loss:
        curves.append(("test loss", test_loss, TEST_COLOUR))
    for name, losses, colour in curves:
        epochs = np.arange(1, len(losses) + 1)
        # A single epoch is one point: give it a marker so it shows at all.
        symbol = (
            {"symbol": "o", "symbolBrush": colour, "symbolPen": colour} if len(losses) < 2 else {}
        )
        plot.plot(epochs, np.asarray(losses), pen=pg.mkPen(colour, width=2), name=name, **symbol)
    # A loss is never negative: starting the axis at 0 shows how far it fell.
    highest = max(max(losses) for _, losses, _ in curves)
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
    if not image.save(path, "PNG"):
        raise OSError(f"{path}: cannot write the loss plot there")
