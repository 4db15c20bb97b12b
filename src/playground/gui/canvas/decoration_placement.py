"""Where each neuron's bias label and output picture go: on the side the fewest lines cross.

The scene asks for neurons to be placed again as edits arrive; the sides are
chosen once, when the events of the edit are done (one edit sends many signals).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt, QTimer

from playground.gui.canvas.connection_item import HIT_WIDTH
from playground.gui.canvas.decoration_sides import SIDES, choose_side
from playground.gui.canvas.neuron_item import NeuronItem

if TYPE_CHECKING:
    from playground.gui.canvas.scene import NetworkScene

# Up to this many neurons (and ten times as many connections), any change re-chooses every
# neuron's decoration sides (a moved line may now cross a label anywhere). Above it, only the
# changed neurons': at 500 neurons and 10,000 connections choosing all
# would take seconds, so a large network opens with its biases below.
PLACE_ALL_UP_TO = 300
PICTURE_SIDES = ("above", "above_right", "above_left", "below", "below_right", "below_left")
PICTURE_SIDES += ("right", "left")


class DecorationPlacement(QObject):
    """The neurons of `scene` whose decoration sides are to be chosen again, and the choosing."""

    def __init__(self, scene: NetworkScene) -> None:
        super().__init__(scene)
        self._scene = scene
        # Neurons whose bias label and picture need their sides chosen again (None: all),
        # gathered over one edit's many signals and chosen once, when the events are done.
        self._pending: set[str] | None = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.place_pending)

    def place_all(self) -> None:
        """Choose every neuron's sides again, once the current events are done."""
        self._pending = None
        self._timer.start()

    def small(self) -> bool:
        """Whether the scene is small enough for every change to re-choose every neuron's sides."""
        scene = self._scene
        return (
            len(scene.neuron_items) <= PLACE_ALL_UP_TO
            and len(scene.connection_items) <= PLACE_ALL_UP_TO * 10
        )

    def place_later(self, neuron_ids: list[str]) -> None:
        """These neurons (with every other, in a small network) choose their sides again."""
        if self._pending is None:
            return
        if self.small():
            self.place_all()
            return
        # Only the named neurons: a neighbour in a dense network has hundreds of lines to test.
        self._pending.update(neuron_ids)
        self._timer.start()

    def forget_pending(self) -> None:
        """Choose nothing for now (a large network opens with its biases below)."""
        self._pending = set()
        self._timer.stop()

    def place_pending(self) -> None:
        """Put each pending neuron's bias label, then its picture, where the fewest lines cross."""
        self._timer.stop()
        pending, self._pending = self._pending, set()
        items = self._scene.neuron_items
        chosen = items.values() if pending is None else [items[i] for i in pending if i in items]
        for item in chosen:
            self._place(item)

    def _place(self, item: NeuronItem) -> None:
        bias_size, picture_size = item.bias_size(), item.picture_size()
        if bias_size is None and picture_size is None:
            return
        centre = item.pos()
        candidates = {}
        for name, size in (("bias", bias_size), ("picture", picture_size)):
            if size is not None:
                candidates[name] = item.decoration_rects(size)
        near = QRectF()
        for rects in candidates.values():
            for rect in rects.values():
                near = near.united(rect.translated(centre))
        scene = self._scene
        # Lines by the layer's index: in a large network most have no item for Qt to find.
        connections = scene.connection_items.lines
        lines = [
            connections[k].drawn for k in scene.connection_layer.index.crossing(near, HIT_WIDTH / 2)
        ]
        obstacles = []
        # By bounding rectangle: a neighbour's labels lie outside its shape (its body).
        for other in scene.items(near, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(other, NeuronItem) and other is not item:
                obstacles.extend(other.occupied_rects())
        bias_side, picture_side = item.bias_side, item.picture_side
        if "bias" in candidates:
            bias_side = choose_side(centre, candidates["bias"], lines, obstacles, SIDES)
            obstacles.append(candidates["bias"][bias_side].translated(centre))
        if "picture" in candidates:
            picture_side = choose_side(
                centre, candidates["picture"], lines, obstacles, PICTURE_SIDES
            )
        item.set_sides(bias_side, picture_side)
