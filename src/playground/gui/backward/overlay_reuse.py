"""What the overlay keeps from one frame to the next, so that a step redraws only what changed.

A step of the trace looks much like the one before: the same hundreds of ∂L/∂z
pills, the same dimmed neurons, a few connections lit differently. Throwing
all of it away and drawing it again cost hundreds of milliseconds on a network
of 10,000 connections. So:

- `ItemPool` hands out an item of the last frame again when the new frame asks
  for one made the same way (same class, same arguments); it stays in the
  scene, and if it lands where it was, nothing repaints.
- `EditorLooks` collects how the frame wants the editor's neurons and
  connections to look, then changes only those whose look differs from what
  they show now.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from playground.gui.canvas.scene import NetworkScene

Key = tuple[str, str]
PLAIN_NEURON = (False, False)  # (dimmed, highlighted)
PLAIN_CONNECTION = (None, 0.0, 1.0)  # (flow colour, flow intensity, opacity)
MAX_HIDDEN = 200  # left-over items of one class kept hidden in the scene to be made again


def _hashable(value: object) -> object:
    """A value to compare arguments by: Qt's lines and points as tuples, lists as tuples."""
    if isinstance(value, QLineF):
        return ("line", value.x1(), value.y1(), value.x2(), value.y2())
    if isinstance(value, QPointF):
        return ("point", value.x(), value.y())
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    return value


class ItemPool:
    """The overlay's items of the last frame, ready to be handed out again."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self._spare: dict[object, list[QGraphicsItem]] = {}
        self._handed_out: list[QGraphicsItem] = []
        self._hidden: dict[type, list[QGraphicsItem]] = {}  # left over, kept to make again

    def keep(self, items: list[QGraphicsItem]) -> None:
        """Items of the frame that ends: the next may use them again; `drop` removes the rest."""
        for item in items:
            key = getattr(item, "pool_key", None)
            if key is not None and self._in_scene(item):
                self._spare.setdefault(key, []).append(item)
            elif self._in_scene(item):
                self.scene.removeItem(item)

    def make(self, cls: type, *args, **kwargs) -> QGraphicsItem:
        """An item as `cls(*args, **kwargs)` would make it: a spare one made so, or a new one."""
        own_key = getattr(cls, "pool_key", None)  # a class with many arguments says it faster
        if own_key is not None:
            key = (cls, own_key(*args, **kwargs))
        else:
            key = (
                cls,
                _hashable(args),
                tuple(sorted((k, _hashable(v)) for k, v in kwargs.items())),
            )
        spares = self._spare.get(key)
        item = spares.pop() if spares else self._hidden_one(cls)
        if item is not None:
            # Made again from a hidden one: where it was says nothing of where it goes.
            item.pool_hidden = not item.isVisible()
            if item.pool_hidden:
                if item.pool_key != key:
                    item.remake(*args, **kwargs)
                    item.pool_key = key
                item.setVisible(True)
            # Back to how it was made: the frame that drew it may have raised or faded it.
            item.setZValue(item.pool_z)
            item.setOpacity(1.0)
            self._handed_out.append(item)
            return item
        item = cls(*args, **kwargs)
        item.pool_key, item.pool_z, item.pool_hidden = key, item.zValue(), False
        return item

    def clear(self) -> None:
        """Remove every item kept, shown or hidden: the overlay leaves the canvas."""
        self.drop([])
        for items in self._hidden.values():
            for item in items:
                if self._in_scene(item):
                    self.scene.removeItem(item)
        self._hidden = {}

    def _hidden_one(self, cls: type) -> QGraphicsItem | None:
        """An item of `cls` that a frame left over, hidden in the scene, to be made again."""
        hidden = self._hidden.get(cls, [])
        while hidden:
            item = hidden.pop()
            if self._in_scene(item):
                return item
        return None

    def drop(self, in_use: list[QGraphicsItem]) -> None:
        """Remove the spare items the new frame did not use (and those it asked for but left out)."""
        used = {id(item) for item in in_use}
        left = [item for items in self._spare.values() for item in items]
        left += [item for item in self._handed_out if id(item) not in used]
        for item in left:
            if not self._in_scene(item):
                continue
            hidden = self._hidden.setdefault(type(item), [])
            if hasattr(item, "remake") and len(hidden) < MAX_HIDDEN:
                # Hidden, not removed: the next frame shows it again with its own text. Making,
                # adding and removing fifty tags at each step took several milliseconds.
                item.setVisible(False)
                hidden.append(item)
            else:
                self.scene.removeItem(item)
        self._spare, self._handed_out = {}, []

    def _in_scene(self, item: QGraphicsItem) -> bool:
        # The scene deletes every item when it rebuilds; skip the ones already gone.
        return shiboken6.isValid(item) and item.scene() is self.scene


class EditorLooks:
    """How a frame wants the editor's items to look; applied as the difference from how they look."""

    def __init__(self, scene: NetworkScene) -> None:
        self.scene = scene
        self.neurons: dict[str, tuple[bool, bool]] = {}
        self.connections: dict[Key, tuple[QColor | None, float, float]] = {}
        # Those given a look of the overlay's, to give their own back later.
        self._applied_neurons: set[str] = set()
        self._applied_connections: set[Key] = set()

    def start(self) -> None:
        """A new frame: it wants nothing yet."""
        self.neurons, self.connections = {}, {}

    def dim(self, neuron_id: str) -> None:
        self.neurons[neuron_id] = (True, self.neurons.get(neuron_id, PLAIN_NEURON)[1])

    def highlight(self, neuron_id: str) -> None:
        self.neurons[neuron_id] = (self.neurons.get(neuron_id, PLAIN_NEURON)[0], True)

    def dimmed(self, neuron_id: str) -> bool:
        return self.neurons.get(neuron_id, PLAIN_NEURON)[0]

    def fade(self, key: Key, opacity: float) -> None:
        colour, intensity, _ = self.connections.get(key, PLAIN_CONNECTION)
        self.connections[key] = (colour, intensity, opacity)

    def flow(self, key: Key, colour: QColor, intensity: float) -> None:
        opacity = self.connections.get(key, PLAIN_CONNECTION)[2]
        self.connections[key] = (QColor(colour), max(0.0, min(1.0, intensity)), opacity)

    def apply(self) -> None:
        """Restyle the items whose look differs from the wanted one (or from their own)."""
        neuron_items = self.scene.neuron_items
        for neuron_id in self._applied_neurons | self.neurons.keys():
            item = neuron_items.get(neuron_id)
            if item is None:
                continue
            dimmed, highlighted = want = self.neurons.get(neuron_id, PLAIN_NEURON)
            if item.overlay_look() != want:
                item.reset_overlay()
                if dimmed:
                    item.set_dimmed(True)
                if highlighted:
                    item.set_highlighted(True)
        connection_items = self.scene.connection_items
        for key in self._applied_connections | self.connections.keys():
            item = connection_items.get(key)
            if item is None:
                continue
            colour, intensity, opacity = want = self.connections.get(key, PLAIN_CONNECTION)
            if item.overlay_look() != want:
                item.set_overlay_look(colour, intensity, opacity)
        self._applied_neurons = set(self.neurons)
        self._applied_connections = set(self.connections)

    def reset(self) -> None:
        """Every item given a look its own back."""
        self.start()
        self.apply()
