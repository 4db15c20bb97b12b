"""The scene follows the document: one item per neuron and per connection, nothing more.

Items are plain QGraphicsItems (no per-item signals); the scene keeps them in
two mappings keyed like the model, so a change finds its item at once.
The connections are all drawn by one ConnectionLayer, in a single loop; their
items are there to be clicked, selected and told what changed. A large
network opens with stand-ins for its connection items, each turned into its
item when first needed (see connection_line.py and connection_items.py).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from playground.gui.canvas import style
from playground.gui.canvas.connection_build import build_connections
from playground.gui.canvas.connection_item import ConnectionItem
from playground.gui.canvas.connection_items import ConnectionItems
from playground.gui.canvas.connection_layer import ConnectionLayer
from playground.gui.canvas.decoration_placement import DecorationPlacement
from playground.gui.canvas.long_lived import building_long_lived_objects
from playground.gui.canvas.neuron_item import NeuronItem
from playground.gui.canvas.neuron_pictures import NeuronPictures
from playground.gui.document import Document
from playground.model.layout import nudge_apart
from playground.model.neuron import Neuron

Key = tuple[str, str]
BSP_TREE_DEPTH = 8


class NetworkScene(QGraphicsScene):
    """Neuron and connection items mirroring `document.network`."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Qt deepens its BSP tree with the item count; a long connection then lies in
        # thousands of leaves, and gathering 10,000 of them took 40 ms of every repaint.
        # At depth 8 a repaint gathers them in a few, and a click finds its item in ~1 ms.
        self.setBspTreeDepth(BSP_TREE_DEPTH)
        self.document = document
        self.neuron_items: dict[str, NeuronItem] = {}
        self.connection_items = ConnectionItems(self)
        self._show_weight_labels = False
        self.connection_layer: ConnectionLayer | None = None
        self.label_digits = style.CANVAS_DIGITS  # of weight and bias labels; see set_label_digits
        self.placement = DecorationPlacement(self)
        self.pictures = NeuronPictures(document, lambda: self.neuron_items, self.place_all, self)
        self.selectionChanged.connect(self._selection_changed)
        document.network_replaced.connect(self.rebuild)
        document.neuron_added.connect(self._add_neuron)
        document.neuron_removed.connect(self._remove_neuron)
        document.neuron_changed.connect(self._update_neuron)
        document.neurons_moved.connect(self._move_neurons)
        document.connection_added.connect(self._add_connection)
        document.connection_removed.connect(self._remove_connection)
        document.connection_changed.connect(self._update_connection)
        document.all_parameters_changed.connect(self.restyle_all)
        self.rebuild()

    # ----------------------------------------------------------------- building

    def rebuild(self) -> None:
        """Throw every item away and draw the document's network afresh."""
        self._throw_items_away()
        # The collector paused while ten thousand items are made, and kept off them afterwards.
        with building_long_lived_objects():
            self._rebuild()

    def _throw_items_away(self) -> None:
        self._let_go_of_items()
        self.clearSelection()
        self.connection_layer = None
        self.clear()
        self.neuron_items = {}
        self.connection_items = ConnectionItems(self)

    def _rebuild(self) -> None:
        network = self.document.network
        # Without an index while adding: Qt then builds its tree once, at the first lookup,
        # instead of growing it item by item (most of the time of loading 10,000 connections).
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for neuron in network.neurons:
            # Their sides are chosen below, all at once or not at all (not asked neuron by neuron).
            self._make_neuron_item(neuron)
        lines = self.connection_items.lines
        # Every connection at once (see connection_build.py): ten thousand in a large network.
        area = build_connections(network, self.neuron_items, lines, self.addItem)
        layer = ConnectionLayer()
        layer.set_show_weight_labels(self._show_weight_labels)
        layer.set_label_digits(self.label_digits)
        layer.add(lines.values(), area)
        self.addItem(layer)
        self.connection_layer = layer
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBspTreeDepth(BSP_TREE_DEPTH)
        if self.placement.small():
            self.place_all()
            self.place_decorations()
        else:
            # A large network opens with its biases below (see decoration_placement.py), and a
            # neuron edited later chooses its own.
            self.placement.forget_pending()
        if self.pictures.shown:
            self.pictures.refresh()

    def _let_go_of_items(self) -> None:
        """Break the reference cycles of the items going away, so they are freed at once.

        A neuron item lists its connections and each names its neurons; the layer and the
        connections name each other too. Left so, ten thousand connections wait for Python's
        cycle collector, which the rebuild keeps away from them (see long_lived.py).
        """
        for item in self.neuron_items.values():
            item.connections = {}
        if self.connection_layer is not None:
            self.connection_layer.let_go()

    def restyle_all(self) -> None:
        """Re-read every weight and bias from the model (after a bulk change).

        Only what shows a change is repainted: a connection whose width or colour
        stays the same costs a comparison, so the canvas can follow training often.
        """
        network = self.document.network
        items = self.connection_items.lines  # items or stand-ins: none made only to restyle
        layer = self.connection_layer
        labels = layer.shows_weight_labels()
        weight_style = style.weight_style
        with layer.deferred_repaint():
            for c in network.connections:
                item = items[c.key]
                weight = c.weight
                if item.weight != weight:
                    # Inlined set_weight: ten thousand method calls would cost more than the rest.
                    item.weight = weight
                    new_style = weight_style(weight)
                    if new_style != item.style:
                        item.restyle(new_style)
                    elif labels:
                        layer.repaint(item)
        neuron_items = self.neuron_items
        for neuron in network.neurons:
            item = neuron_items[neuron.id]
            item.update_from(neuron)
            if item.needs_new_side:
                self._place_later([neuron.id])

    @property
    def show_weight_labels(self) -> bool:
        return self._show_weight_labels

    def set_show_weight_labels(self, show: bool) -> None:
        self._show_weight_labels = show
        self.connection_layer.set_show_weight_labels(show)

    @property
    def show_neuron_pictures(self) -> bool:
        return self.pictures.shown

    def set_show_neuron_pictures(self, show: bool) -> None:
        """Draw each neuron's output over the input plane beside it (two-input networks)."""
        self.pictures.set_shown(show)

    # ----------------------------------------------------------------- decoration sides

    def place_all(self) -> None:
        """Choose every neuron's decoration sides again, once the current events are done."""
        self.placement.place_all()

    def place_decorations(self) -> None:
        """Put each pending neuron's bias label, then its picture, where the fewest lines cross."""
        self.placement.place_pending()

    def _place_later(self, neuron_ids: list[str]) -> None:
        self.placement.place_later(neuron_ids)

    # ----------------------------------------------------------------- selection

    def set_label_digits(self, digits: int) -> None:
        """Write weight and bias labels to this many significant digits (the trace's, once shown)."""
        if digits == self.label_digits:
            # Every item is made with the scene's digits and changed only here: all have them.
            # The overlay asks at every step, and a thousand neurons looked at took a while.
            return
        self.label_digits = digits
        if self.connection_layer is not None:
            self.connection_layer.set_label_digits(digits)
        for neuron in self.document.network.neurons:
            item = self.neuron_items.get(neuron.id)
            if item is not None and item.digits != digits:
                item.digits = digits
                item.update_from(neuron)

    def selected_neuron_ids(self) -> list[str]:
        """Selected neurons, in file order."""
        chosen = {i.neuron_id for i in self.selectedItems() if isinstance(i, NeuronItem)}
        if not chosen:
            return []
        return [n.id for n in self.document.network.neurons if n.id in chosen]

    def selected_connection_keys(self) -> list[Key]:
        """Selected connections, in file order."""
        chosen = {i.key for i in self.selectedItems() if isinstance(i, ConnectionItem)}
        if not chosen:
            return []  # asked after every change: no walk over ten thousand connections for nothing
        return [c.key for c in self.document.network.connections if c.key in chosen]

    def select(self, neuron_ids: list[str] = (), connection_keys: list[Key] = ()) -> None:
        """Make exactly these items the selection, announced by one selectionChanged."""
        # Item by item, Qt would announce every single change, and each listener would
        # look at the whole selection each time: quadratic for "Select All".
        blocked = self.blockSignals(True)
        try:
            self.clearSelection()
            for neuron_id in neuron_ids:
                self.neuron_items[neuron_id].setSelected(True)
            for key in connection_keys:
                self.connection_items[key].setSelected(True)
        finally:
            self.blockSignals(blocked)
        self.selectionChanged.emit()

    def neuron_at(self, pos: QPointF) -> NeuronItem | None:
        for item in self.items(pos):
            if isinstance(item, NeuronItem):
                return item
        return None

    def connection_at(self, pos: QPointF) -> ConnectionItem | None:
        self.make_items_near(pos)
        for item in self.items(pos):
            if isinstance(item, ConnectionItem):
                return item
        return None

    def network_rect(self) -> QRectF:
        """The rectangle the network's items cover (for fit and export)."""
        rect = QRectF()
        for item in self.neuron_items.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    # ----------------------------------------------------------------- moves

    def commit_moves(self) -> None:
        """After a drag: neurons whose item moved get one Move step in the document."""
        network = self.document.network
        moved = {}
        for item in self.selectedItems():
            if isinstance(item, NeuronItem):
                neuron = network.neuron(item.neuron_id)
                pos = item.pos()
                if (pos.x(), pos.y()) != (neuron.x, neuron.y):
                    moved[item.neuron_id] = (pos.x(), pos.y())
        if not moved:
            return
        # Dropped onto another neuron: nudged clear of it, within the same Move step.
        others = {n.id: (n.x, n.y) for n in network.neurons if n.id not in moved}
        extents = {i: item.extent() for i, item in self.neuron_items.items()}
        self.document.move_neurons(nudge_apart(moved, others, extents))
        for neuron_id in moved:
            # A neuron nudged back where it started made no step: its item goes back too.
            neuron = network.neuron(neuron_id)
            item = self.neuron_items[neuron_id]
            if item.pos() != QPointF(neuron.x, neuron.y):
                item.move_to(neuron.x, neuron.y)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if isinstance(self.mouseGrabberItem(), NeuronItem):
            # Qt has just dragged the selected neurons; their connections follow.
            for item in self.selectedItems():
                if isinstance(item, NeuronItem):
                    item.adjust_connections()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.commit_moves()

    def make_items_near(self, pos: QPointF) -> None:
        """Make the connection items near `pos` that are still stand-ins, so Qt finds them there."""
        if self.connection_layer is not None:
            self.connection_items.make_near(self.connection_layer.index, pos)

    def make_items_in(self, rect: QRectF) -> None:
        """Make the connection items a selection box over `rect` could select."""
        if self.connection_layer is not None:
            self.connection_items.make_in(self.connection_layer.index, rect)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.make_items_near(event.scenePos())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.make_items_near(event.scenePos())
        super().mouseDoubleClickEvent(event)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        self.make_items_near(event.scenePos())
        # Connections have no stored tooltip (10,000 strings to refresh); build it on demand.
        for item in self.items(event.scenePos()):
            if isinstance(item, NeuronItem):
                break
            if isinstance(item, ConnectionItem):
                QToolTip.showText(event.screenPos(), item.tooltip_text())
                event.accept()
                return
        super().helpEvent(event)

    def _selection_changed(self) -> None:
        # The layer draws the halos of selected connections. While Qt tears the
        # scene down, its items (the layer among them) may already be gone.
        layer = self.connection_layer
        if layer is not None and shiboken6.isValid(layer):
            layer.selection_changed()

    # ----------------------------------------------------------------- document signals

    def _add_neuron(self, neuron_id: str) -> None:
        self._make_neuron_item(self.document.network.neuron(neuron_id))
        self._place_later([neuron_id])

    def _make_neuron_item(self, neuron: Neuron) -> None:
        item = NeuronItem(neuron, self.label_digits)
        self.neuron_items[neuron.id] = item
        self.addItem(item)

    def _remove_neuron(self, neuron_id: str) -> None:
        item = self.neuron_items.pop(neuron_id)
        for connection in list(item.connections):
            # The document names the connections first; this only guards stale ones.
            self._remove_connection(*connection.key)
        self.removeItem(item)

    def _update_neuron(self, neuron_id: str) -> None:
        self.neuron_items[neuron_id].update_from(self.document.network.neuron(neuron_id))
        self._place_later([neuron_id])

    def _move_neurons(self, neuron_ids: list[str]) -> None:
        network = self.document.network
        for neuron_id in neuron_ids:
            neuron = network.neuron(neuron_id)
            item = self.neuron_items[neuron_id]
            if item.pos() != QPointF(neuron.x, neuron.y):
                item.move_to(neuron.x, neuron.y)
        self._place_later(neuron_ids)

    def _add_connection(self, source: str, target: str) -> None:
        weight = self.document.network.connection(source, target).weight
        item = ConnectionItem(self.neuron_items[source], self.neuron_items[target], weight)
        self.connection_items.lines[(source, target)] = item
        self.addItem(item)
        self.connection_layer.add([item])
        self._place_later([source, target])

    def _remove_connection(self, source: str, target: str) -> None:
        item = self.connection_items.lines.pop((source, target), None)
        if item is not None:
            self.connection_layer.remove(item)
            item.detach()
            if isinstance(item, ConnectionItem):
                self.removeItem(item)
            self._place_later([source, target])

    def _update_connection(self, source: str, target: str) -> None:
        self.connection_items.lines[(source, target)].set_weight(
            self.document.network.connection(source, target).weight
        )
