"""A connection of a large network that has no item yet: drawn by the layer, not clickable.

Making ten thousand ConnectionItems took most of the time of opening a large
network, though a user clicks, hovers or lights only a few. So above
LINES_FROM connections the scene makes these plain stand-ins (their geometry
computed all at once, see connection_lines) and turns one into a
ConnectionItem the first time something needs the item: the scene's
`connection_items` asked for it, or the mouse near its line (see
NetworkScene.items_needed_near). Looked at, a stand-in draws the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPolygonF

from playground.gui.canvas.connection_look import ConnectionLook

if TYPE_CHECKING:
    from playground.gui.canvas.connection_layer import ConnectionLayer
    from playground.gui.canvas.neuron_item import NeuronItem

# Above this many connections, a network opens with stand-ins (see above).
LINES_FROM = 3000


def stands_in(connections: int) -> bool:
    """Whether a network of this many connections is drawn with stand-ins."""
    return connections > LINES_FROM


class ConnectionLine(ConnectionLook):
    """source → target without an item: weight and line only, never an overlay or a selection."""

    __slots__ = (
        "_arrow",
        "drawable",
        "drawn",
        "edges",
        "key",
        "layer",
        "source",
        "style",
        "target",
        "weight",
    )
    # What only an item can have (an overlay, a fade, a halo): a stand-in never has it.
    flow = None
    special = False
    special_here = False
    selected_in_layer = False

    def __init__(
        self,
        source: NeuronItem,
        target: NeuronItem,
        key: tuple[str, str],
        weight: float,
        weight_style: int,
        drawn: QLineF,
        edges: tuple[float, float, float, float],
        drawable: bool,
    ) -> None:
        """`drawn`, `edges`, `drawable`: as `ConnectionLook._take_line` would find them, worked
        out for every connection at once (see connection_build.py): a load makes ten thousand
        stand-ins, and each Qt object or sum made here one by one cost about a microsecond."""
        self.source = source
        self.target = target
        self.key = key
        self.weight = weight
        self.style = weight_style
        self.layer: ConnectionLayer | None = None
        self._arrow: tuple[QLineF, QPolygonF] | None = None
        self.drawn = drawn
        self.edges = edges
        self.drawable = drawable
        source.connections[self] = None
        target.connections[self] = None

    @property
    def bounds(self) -> QRectF:
        """`area()` as a rectangle, made when asked (a repaint of this line), not at the load."""
        left, top, right, bottom = self.edges
        return QRectF(left, top, right - left, bottom - top)

    def opacity(self) -> float:
        return 1.0
