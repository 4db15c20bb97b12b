"""The canvas tools and the connection drag shared by the Connect tool and Shift+drag."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from playground.gui.canvas import style
from playground.gui.canvas.neuron_item import NeuronItem
from playground.gui.canvas.role_words import role_word
from playground.gui.canvas.scene import NetworkScene
from playground.model.errors import NetworkEditError

SELECT, ADD_NEURON, CONNECT = "select", "add_neuron", "connect"
TOOLS = (SELECT, ADD_NEURON, CONNECT)

translate = QCoreApplication.translate

# Marked here, translated when shown: the language can change after this module is imported.
EXPLANATIONS = {
    SELECT: QT_TRANSLATE_NOOP(
        "Tools",
        "Select: click or drag a box to select, Ctrl+click to add; drag neurons to move; "
        "Delete removes. Shift+drag from a neuron connects.",
    ),
    ADD_NEURON: QT_TRANSLATE_NOOP(
        "Tools", "Add neuron: click on empty canvas to place a {role} neuron."
    ),
    CONNECT: QT_TRANSLATE_NOOP(
        "Tools",
        "Connect: drag from one neuron to another. Green: allowed; red: refused, "
        "with the reason beside the cursor.",
    ),
}


def explanation(tool: str, role: str) -> str:
    return translate("Tools", EXPLANATIONS[tool]).format(role=role_word(role))


class ConnectionDrag:
    """A live rubber line from a source neuron; on release, the document connects or refuses."""

    def __init__(self, scene: NetworkScene, source: NeuronItem) -> None:
        self.scene = scene
        self.source = source
        self.target: NeuronItem | None = None
        # Why the neuron under the cursor would be refused, while it is lit red; else None.
        self.refusal: str | None = None
        self._left_source = False
        pen = QPen(style.MUTED_TEXT, 1.5, Qt.PenStyle.DashLine)
        self.line = QGraphicsLineItem(QLineF(source.pos(), source.pos()))
        self.line.setPen(pen)
        self.line.setZValue(10.0)
        scene.addItem(self.line)

    def move_to(self, pos: QPointF) -> str:
        """Follow the cursor; returns the status message for where it points."""
        target = self.scene.neuron_at(pos)
        if target is not self.target:
            if self.target is not None:
                self.target.set_connect_state(None)
            self.target = target
        source_id = self.source.neuron_id
        if target is not self.source:
            self._left_source = True
        if target is None:
            self.refusal = None
            self._paint_line(pos, style.MUTED_TEXT)
            return translate("Tools", "Connect {id} → … drop on a neuron").format(id=source_id)
        self.refusal = self.scene.document.network.connection_refusal(source_id, target.neuron_id)
        if target is self.source and not self._left_source:
            # Not lit while the drag is still leaving its own neuron; refused if dropped there.
            self.refusal = None
            self._paint_line(pos, style.MUTED_TEXT)
            return translate("Tools", "Connect {id} → … drop on another neuron").format(
                id=source_id
            )
        target.set_connect_state("refused" if self.refusal else "allowed")
        colour = style.REFUSED if self.refusal else style.ALLOWED
        self._paint_line(target.pos(), colour)
        if self.refusal:
            return translate("Tools", "Cannot connect: {reason}").format(reason=self.refusal)
        return translate("Tools", "Release to connect {source} → {target}").format(
            source=source_id, target=target.neuron_id
        )

    def finish(self) -> tuple[bool, str]:
        """Create the connection if allowed; returns (created, message for the status bar)."""
        self.cancel()
        if self.target is None:
            return False, translate("Tools", "No connection: the drag did not end on a neuron.")
        source_id, target_id = self.source.neuron_id, self.target.neuron_id
        try:
            weight = self.scene.document.connect_neurons(source_id, target_id)
        except NetworkEditError as refused:
            return False, translate("Tools", "Not connected: {reason}").format(reason=refused)
        text = translate("Tools", "Connected {source} → {target} with weight {weight}")
        return True, text.format(source=source_id, target=target_id, weight=f"{weight:.4g}")

    def cancel(self) -> None:
        if self.target is not None:
            self.target.set_connect_state(None)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)

    def _paint_line(self, end: QPointF, colour) -> None:
        pen = self.line.pen()
        pen.setColor(colour)
        self.line.setPen(pen)
        self.line.setLine(QLineF(self.source.pos(), end))
