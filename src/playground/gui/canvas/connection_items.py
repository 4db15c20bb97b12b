"""The scene's connection items by key, each made when first needed in a large network.

Every connection of the scene is here, as its ConnectionItem or, in a large
network, as a ConnectionLine standing in for it (see connection_line.py).
Asked for a connection, this mapping always answers with its item, turning a
stand-in into the item first; so every caller sees a plain mapping of items.
Iterating over all values makes every item: callers that only look (the
restyle after training) walk `lines` instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

from playground.gui.canvas.connection_item import HIT_WIDTH, ConnectionItem
from playground.gui.canvas.connection_line import ConnectionLine
from playground.gui.canvas.connection_look import ConnectionLook
from playground.gui.canvas.line_index import LineIndex

Key = tuple[str, str]


class ConnectionItems(Mapping[Key, ConnectionItem]):
    """key → ConnectionItem of every connection in `scene`; `lines`: items and stand-ins alike."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self.lines: dict[Key, ConnectionLook] = {}

    def __getitem__(self, key: Key) -> ConnectionItem:
        line = self.lines[key]
        if isinstance(line, ConnectionLine):
            return self._make_item(line)
        return line

    def __contains__(self, key: object) -> bool:
        return key in self.lines

    def __iter__(self) -> Iterator[Key]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def made(self) -> list[ConnectionItem]:
        """The items made so far (all of them, in a small network)."""
        return [line for line in self.lines.values() if isinstance(line, ConnectionItem)]

    def make_near(self, index: LineIndex, pos: QPointF) -> None:
        """Make the items a click or a hover at `pos` could find, so Qt finds them."""
        # Twice the hit width: Qt's square-capped hit shape reaches a little past the line's end.
        self._make_all(index.near(pos.x(), pos.y(), HIT_WIDTH))

    def make_in(self, index: LineIndex, rect: QRectF) -> None:
        """Make the items a selection box over `rect` could select."""
        self._make_all(index.crossing(rect, HIT_WIDTH))

    def _make_all(self, keys: list[Key]) -> None:
        lines = self.lines
        for key in keys:
            line = lines.get(key)
            if isinstance(line, ConnectionLine):
                self._make_item(line)

    def _make_item(self, stand_in: ConnectionLine) -> ConnectionItem:
        item = ConnectionItem.replacing(stand_in)
        self.lines[item.key] = item
        self._scene.addItem(item)
        return item
