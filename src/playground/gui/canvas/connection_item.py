"""A connection on the canvas: its weight, its overlays and the area a click must hit.

The item paints nothing itself (ItemHasNoContents): the scene's ConnectionLayer
draws every connection in one loop, because ten thousand items painted one by
one cost Qt far more than the lines. The item is a QGraphicsPathItem holding
its line under a wide invisible pen, so Qt computes its hit shape and keeps
its bounds in C++; it stays selectable and shows its tooltip as before.
Whatever changes how it looks (weight, overlay, opacity, position) tells the
layer. In a large network an item is made only when needed, in place of a
ConnectionLine (see connection_line.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from playground.gui.canvas import style
from playground.gui.canvas.connection_look import ConnectionLook, arrow_geometry
from playground.gui.canvas.neuron_item import NeuronItem

if TYPE_CHECKING:
    from playground.gui.canvas.connection_layer import ConnectionLayer
    from playground.gui.canvas.connection_line import ConnectionLine

__all__ = ["ConnectionItem", "arrow_geometry", "flat_pen"]

HIT_WIDTH = 9.0
# A square-capped stroke of this width is the clickable shape, as Qt strokes it for any line.
_HIT_PEN = QPen(QColor(0, 0, 0, 0), HIT_WIDTH)
# Combined once: or-ing enum flags in Python costs more than the rest of the constructor.
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
)


class ConnectionItem(ConnectionLook, QGraphicsPathItem):
    """source → target; follows its neurons through `adjust()`."""

    Type = QGraphicsItem.UserType + 2

    # Until changed, each connection shares these: setting an attribute on a Qt-wrapped object
    # costs a few microseconds, and a scene builds thousands of them at once.
    layer: ConnectionLayer | None = None  # set while a layer draws it
    flow: tuple[str | None, QColor | None, float] | None = None
    special = False  # an overlay, a fade or a halo: drawn with its own pen and opacity
    # Special and drawn so by the layer itself (not by its LitLayer on top): set by the layer.
    special_here = False
    selected_in_layer = False  # the layer's copy of Qt's selection, taken when it paints
    _arrow: tuple[QLineF, QPolygonF] | None = None

    def __init__(
        self,
        source: NeuronItem,
        target: NeuronItem,
        weight: float,
        centres: tuple[float, float, float, float] | None = None,
        line: tuple[float, float, float, float] | None = None,
        weight_style: int | None = None,
    ) -> None:
        """`centres`: the neurons' (x, y, x, y) if known; `line`: the drawn line's ends and
        `weight_style` the weight's style, if known (a scene building thousands computes them
        all at once: see connection_lines and style.weight_styles)."""
        super().__init__()
        self.source = source
        self.target = target
        self.key = (source.neuron_id, target.neuron_id)
        self.weight = weight
        self.style = style.weight_style(weight) if weight_style is None else weight_style
        self.setPen(_HIT_PEN)
        self.setFlags(_FLAGS)
        source.connections[self] = None
        target.connections[self] = None
        if line is None:
            self.adjust(centres)
        else:
            self._take_line(*line)

    @classmethod
    def replacing(cls, stand_in: ConnectionLine) -> ConnectionItem:
        """The item of a connection drawn so far by a stand-in, taking its place with its neurons
        and its layer (the caller adds it to the scene)."""
        drawn = stand_in.drawn
        line = (drawn.x1(), drawn.y1(), drawn.x2(), drawn.y2())
        source, target = stand_in.source, stand_in.target
        item = cls(source, target, stand_in.weight, line=line, weight_style=stand_in.style)
        # The constructor added the item to its neurons' connections: the stand-in leaves them.
        del source.connections[stand_in]
        del target.connections[stand_in]
        if stand_in.layer is not None:
            stand_in.layer.replace(stand_in, item)
        return item

    def type(self) -> int:
        return ConnectionItem.Type

    # ----------------------------------------------------------------- overlays

    def set_flow(self, text: str | None, colour: QColor | None, intensity: float = 1.0) -> None:
        """Overlay: draw in `colour` with width by `intensity` (0..1), and `text` at the middle."""
        self.flow = (text, colour, max(0.0, min(1.0, intensity)))
        self._overlay_changed()

    def set_overlay_look(self, colour: QColor | None, intensity: float, opacity: float) -> None:
        """Overlay: a flow in `colour` (none if None) and an opacity at once, told once: a step
        of a large network relights a thousand lines."""
        self.flow = None if colour is None else (None, colour, max(0.0, min(1.0, intensity)))
        if self.opacity() != opacity:
            self.setOpacity(opacity)
        self._overlay_changed()

    def reset_overlay(self) -> None:
        self.flow = None
        self.setOpacity(1.0)
        self._overlay_changed()

    def overlay_look(self) -> tuple[QColor | None, float, float]:
        """(flow colour, its intensity, opacity) as an overlay without text left them."""
        if self.flow is None:
            return None, 0.0, self.opacity()
        text, colour, intensity = self.flow
        # A text on the line is someone else's overlay: it never equals the trace's look.
        return (colour, intensity, self.opacity()) if text is None else (QColor(), -1.0, -1.0)

    def set_dimmed(self, dimmed: bool) -> None:
        self.set_faded_opacity(0.2 if dimmed else 1.0)

    def set_faded_opacity(self, opacity: float) -> None:
        """Fade the connection: the layer draws it, so the layer must hear of the change
        (QGraphicsItem.setOpacity alone would not tell it)."""
        self.setOpacity(opacity)
        self._overlay_changed()

    def flow_colour(self) -> QColor | None:
        return self.flow[1] if self.flow is not None else None

    def update_special(self) -> None:
        """Note whether the layer must draw this connection on its own (overlay, fade or halo)."""
        self.special = (
            self.selected_in_layer
            or (self.flow is not None and self.flow[1] is not None)
            or self.opacity() != 1.0
        )

    def _overlay_changed(self) -> None:
        self.update_special()
        if self.layer is not None:
            self.layer.overlay_changed(self)

    # ----------------------------------------------------------------- geometry

    def _take_line(self, sx: float, sy: float, ex: float, ey: float) -> None:
        """The line and its bounds (as any connection), and the item's hit shape."""
        super()._take_line(sx, sy, ex, ey)
        # Kept as a rectangle too: the lit layer reads an item's bounds at every step.
        left, top, right, bottom = self.edges
        self.bounds = QRectF(left, top, right - left, bottom - top)
        path = QPainterPath()
        path.moveTo(sx, sy)
        path.lineTo(ex, ey)
        self.setPath(path)

    def tooltip_text(self) -> str:
        text = QCoreApplication.translate("ConnectionItem", "{source} → {target}\nweight {weight}")
        return text.format(source=self.key[0], target=self.key[1], weight=repr(self.weight))


def flat_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen
