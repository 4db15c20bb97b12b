"""The canvas widget: zoom around the cursor, pan, a light grid, and the tools' mouse handling."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from playground.gui.canvas import style
from playground.gui.canvas.connection_item import ConnectionItem
from playground.gui.canvas.inline_editor import InlineEditor
from playground.gui.canvas.neuron_item import NeuronItem
from playground.gui.canvas.refusal_tip import RefusalTip
from playground.gui.canvas.role_words import role_word
from playground.gui.canvas.scene import NetworkScene
from playground.gui.canvas.tools import (
    ADD_NEURON,
    CONNECT,
    SELECT,
    TOOLS,
    ConnectionDrag,
    explanation,
)
from playground.model.errors import NetworkEditError

GRID_STEP = 50.0
MIN_SCALE, MAX_SCALE = 0.03, 8.0
# Panning works everywhere: the scene rectangle is far larger than any network.
WORLD = QRectF(-200_000, -200_000, 400_000, 400_000)


class NetworkView(QGraphicsView):
    """Shows a NetworkScene and turns mouse gestures into document edits."""

    status_message = Signal(str)
    # An edit refused, with the reason: shown until a later edit succeeds.
    refusal_message = Signal(str)
    tool_changed = Signal(str)
    # The canvas was painted showing another part of the scene (its rectangle) than before, at
    # another zoom or panned: noticed at the paint, so every way of moving it says so.
    sight_changed = Signal(QRectF)

    def __init__(self, scene: NetworkScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.network_scene = scene
        self.tool = SELECT
        self.new_role = "hidden"
        self._drag: ConnectionDrag | None = None
        self.refusal_tip = RefusalTip(self.viewport())
        self._pan_from: QPoint | None = None
        self._space_down = False
        self.editor: InlineEditor | None = None
        self.setSceneRect(WORLD)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        # The grid kept in a pixmap: a step of the backward pass repaints most of the view, and
        # drawing the grid's lines again from Python was a millisecond of each (Qt drops the
        # pixmap when the view zooms; `drawBackground` depends on nothing else).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self._band = QRectF()
        self._painted = QRectF()
        self.rubberBandChanged.connect(self._band_changed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # ----------------------------------------------------------------- tools

    def set_tool(self, tool: str) -> None:
        if tool not in TOOLS:
            raise ValueError(f"unknown tool {tool!r}")
        self.tool = tool
        self.setDragMode(
            QGraphicsView.DragMode.RubberBandDrag
            if tool == SELECT
            else QGraphicsView.DragMode.NoDrag
        )
        cursor = Qt.CursorShape.CrossCursor if tool != SELECT else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)
        self.tool_changed.emit(tool)
        self.status_message.emit(explanation(tool, self.new_role))

    def set_new_role(self, role: str) -> None:
        self.new_role = role
        if self.tool == ADD_NEURON:
            self.status_message.emit(explanation(self.tool, role))

    # ----------------------------------------------------------------- zoom

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        self.scale(factor, factor)

    def zoom_in(self) -> None:
        self._zoom_centred(1.25)

    def zoom_out(self) -> None:
        self._zoom_centred(0.8)

    def _zoom_centred(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(factor)
        self.setTransformationAnchor(anchor)

    def fit(self) -> None:
        """Show the whole network, never enlarged past 1.5×."""
        rect = self.network_scene.network_rect()
        if rect.isNull():
            self.resetTransform()
            self.centerOn(0, 0)
            return
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.5:
            self.resetTransform()
            self.scale(1.5, 1.5)
            self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(math.pow(1.15, steps))
        event.accept()

    # ----------------------------------------------------------------- mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.editor is not None:
            self.editor.clearFocus()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton:
            pos = self.mapToScene(event.position().toPoint())
            neuron = self.network_scene.neuron_at(pos)
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if neuron is not None and (self.tool == CONNECT or shift):
                self._drag = ConnectionDrag(self.network_scene, neuron)
                self._drag_moved(pos, event.position().toPoint())
                event.accept()
                return
            # A connection still without its item is no empty place to add a neuron.
            self.network_scene.make_items_near(pos)
            if self.tool == ADD_NEURON and self.itemAt(event.position().toPoint()) is None:
                self._add_neuron(pos)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._drag is not None:
            cursor = event.position().toPoint()
            self._drag_moved(self.mapToScene(cursor), cursor)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        ):
            self._pan_from = None
            self._restore_cursor()
            event.accept()
            return
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            drag, self._drag = self._drag, None
            self.refusal_tip.hide()
            drag.move_to(self.mapToScene(event.position().toPoint()))
            created, message = drag.finish()
            (self.status_message if created else self.refusal_message).emit(message)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _drag_moved(self, pos: QPointF, cursor: QPoint) -> None:
        """The connection drag follows the cursor: status bar and the label beside it say why not."""
        assert self._drag is not None
        self.status_message.emit(self._drag.move_to(pos))
        self.refusal_tip.follow(self._drag.refusal, cursor)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        neuron = self.network_scene.neuron_at(pos)
        if neuron is not None:
            self.edit_label(neuron)
            event.accept()
            return
        connection = self.network_scene.connection_at(pos)
        if connection is not None:
            self.edit_weight(connection, pos)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _band_changed(self, rect, from_scene: QPointF, to_scene: QPointF) -> None:
        if not rect.isNull():
            # The rectangle, not `to_scene`: that point lags one mouse move behind.
            self._band = self.mapToScene(rect).boundingRect()
            # Qt selects what the box touches right after this signal: items, not stand-ins.
            self.network_scene.make_items_in(self._band)
            return
        # The box is finished. Qt selected everything it touched; keep what it encloses
        # (Qt's "contains" mode would want the neurons' whole text margins inside).
        band, self._band = self._band, QRectF()
        r = style.NEURON_RADIUS
        for item in self.network_scene.selectedItems():
            if isinstance(item, NeuronItem):
                inside = band.contains(item.sceneBoundingRect().center()) and band.contains(
                    QRectF(item.pos().x() - r, item.pos().y() - r, 2 * r, 2 * r)
                )
            elif isinstance(item, ConnectionItem):
                line = item.line()
                inside = band.contains(line.p1()) and band.contains(line.p2())
            else:
                continue
            if not inside:
                item.setSelected(False)

    # ----------------------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag.cancel()
            self._drag = None
            self.refusal_tip.hide()
            self.status_message.emit(self.tr("Connection cancelled."))
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.set_tool(self.tool)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # ----------------------------------------------------------------- edits

    def delete_selection(self) -> None:
        scene = self.network_scene
        neurons, keys = scene.selected_neuron_ids(), scene.selected_connection_keys()
        if not neurons and not keys:
            self.status_message.emit(self.tr("Nothing selected to delete."))
            return
        scene.document.remove_items(neurons, keys)
        # The undo step's own name says what went; the sentence's full stop is the language's.
        step = scene.document.undo_stack.undoText()
        self.status_message.emit(self.tr("{step}.").format(step=step))

    def _add_neuron(self, pos: QPointF) -> None:
        neuron_id = self.network_scene.document.add_neuron(self.new_role, pos.x(), pos.y())
        self.network_scene.select([neuron_id])
        self.status_message.emit(
            self.tr("Added {role} neuron {id}.").format(role=role_word(self.new_role), id=neuron_id)
        )

    def edit_label(self, item: NeuronItem) -> None:
        document = self.network_scene.document
        neuron = document.network.neuron(item.neuron_id)

        def commit(text: str) -> None:
            self.editor = None
            document.set_label(item.neuron_id, text.strip() or None)

        self._open_editor(item.pos(), neuron.label or "", commit)

    def edit_weight(self, item: ConnectionItem, at: QPointF) -> None:
        document = self.network_scene.document
        key = item.key

        def commit(text: str) -> None:
            self.editor = None
            try:
                weight = float(text.replace("−", "-"))
                document.set_weight(*key, weight)
            except ValueError:
                self.refusal_message.emit(
                    self.tr("{text} is not a number; the weight is unchanged.").format(
                        text=repr(text)
                    )
                )
            except NetworkEditError as refused:
                self.refusal_message.emit(
                    self.tr("Weight unchanged: {reason}").format(reason=refused)
                )

        line = item.line()
        self._open_editor(line.pointAt(0.5), repr(item.weight), commit)

    def _open_editor(self, at: QPointF, text: str, commit) -> None:
        if self.editor is not None:
            self.editor.cancel()
        self.editor = InlineEditor(self.viewport(), self.mapFromScene(at), text, commit)
        self.editor.destroyed.connect(self._forget_editor)

    def _forget_editor(self) -> None:
        self.editor = None

    def _restore_cursor(self) -> None:
        if self._space_down:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.set_tool(self.tool)

    # ----------------------------------------------------------------- background

    def seen(self) -> QRectF:
        """The part of the scene the canvas shows now."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        seen = self.seen()
        if seen != self._painted:
            self._painted = seen
            self.sight_changed.emit(seen)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, style.BACKGROUND)
        scale = self.transform().m11()
        step = GRID_STEP
        while step * scale < 12:
            step *= 4
        painter.setPen(style.outline_pen(style.GRID.name(), 0))
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        lines = []
        x = left
        while x < rect.right():
            lines.append(QLineF(x, rect.top(), x, rect.bottom()))
            x += step
        y = top
        while y < rect.bottom():
            lines.append(QLineF(rect.left(), y, rect.right(), y))
            y += step
        painter.drawLines(lines)
