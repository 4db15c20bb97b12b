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


class ConnectionLine(ConnectionLook):
    """source → target without an item: weight and line only, never an overlay or a selection."""

    __slots__ = (
        "_arrow",
        "bounds",
        "drawable",
        "drawn",
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
        weight: float,
        weight_style: int,
        line: tuple[float, float, float, float],
    ) -> None:
        self.source = source
        self.target = target
        self.key = (source.neuron_id, target.neuron_id)
        self.weight = weight
        self.style = weight_style
        self.layer: ConnectionLayer | None = None
        self._arrow: tuple[QLineF, QPolygonF] | None = None
        self.drawn = QLineF()
        self.bounds = QRectF()
        self.drawable = False
        self._take_line(*line)
        source.connections[self] = None
        target.connections[self] = None

    def opacity(self) -> float:
        return 1.0
