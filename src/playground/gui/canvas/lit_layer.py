"""The lit connections of a large network, drawn above the ConnectionLayer's unchanged picture.

A step of the backward pass lights a neuron's connections in the colour of
their gradient and puts out the last neuron's. Drawn in the ConnectionLayer,
each such change redrew the layer's cached picture under the changed line's
bounding box; the long lines of a large network cover most of the canvas, so
every step redrew most of ten thousand lines (about 60 ms). Above a few
thousand connections the layer leaves a lit line in its picture, drawn as
usual, and this child item draws it again on top in its overlay colour: a
step redraws only the few lit lines here. A fade, a halo or a text still goes
through the layer (it must hide or change what the picture shows). Where a lit
line is narrower than its usual pen, the usual colour shows at its edges, and
a lit line is drawn above the lines after it in the file, not beneath them:
on a network this dense, the current neuron's lines in front help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from playground.gui.canvas.connection_look import edges_meet, edges_of

if TYPE_CHECKING:
    from playground.gui.canvas.connection_item import ConnectionItem

_EMPTY_SHAPE = QPainterPath()
WHOLE_AFTER = 64  # changed areas noted one by one before the whole layer is redrawn


class LitLayer(QGraphicsItem):
    """Draws the lit connections its parent ConnectionLayer hands it, on top of the parent."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        # Its own cached picture: a dot of the flow animation repaints from it, not the lines.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.lit: dict[ConnectionItem, None] = {}  # in the order they were lit
        self._changes = 0  # since the last paint (see `_changed`)

    def light(self, item: ConnectionItem) -> None:
        """Draw this connection here (again, if its look changed)."""
        self.lit[item] = None
        self._changed(item.bounds)

    def put_out(self, item: ConnectionItem) -> None:
        """Stop drawing this connection here (the layer's picture shows it as usual)."""
        if self.lit.pop(item, 0) is None:
            self._changed(item.bounds)

    def _changed(self, area: QRectF) -> None:
        # Qt keeps each changed area of a cached item and unites them before the paint: a
        # step that puts out a thousand lines and lights a thousand spent longer there than
        # drawing them. Past a few changes, the whole layer: it draws only the lit lines.
        self._changes += 1
        if self._changes <= WHOLE_AFTER:
            self.update(area)
        elif self._changes == WHOLE_AFTER + 1:
            self.update()

    def boundingRect(self) -> QRectF:
        parent = self.parentItem()
        return parent.boundingRect() if parent is not None else QRectF()

    def grow(self) -> None:
        """The parent's bounds are about to grow."""
        self.prepareGeometryChange()

    def shape(self) -> QPainterPath:
        return _EMPTY_SHAPE  # never hit: clicks go to the ConnectionItems

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # Imported here: the layer module imports this one.
        from playground.gui.canvas.connection_layer import (
            ANTIALIAS_FROM,
            ARROWHEADS_FROM,
            paint_one,
        )

        self._changes = 0
        if not self.lit:
            return
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect
        painter.save()
        painter.setClipRect(exposed, Qt.ClipOperation.IntersectClip)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, detail > ANTIALIAS_FROM)
        arrowheads = detail >= ARROWHEADS_FROM
        shown = edges_of(exposed)
        for item in self.lit:
            if edges_meet(shown, item.edges):
                paint_one(painter, item, arrowheads)
        painter.restore()
