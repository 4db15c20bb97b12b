"""Dots that travel backward along the connections carrying the gradient: short, calm, then gone."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEasingCurve, QLineF, QObject, QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

DOT_RADIUS = 5.5
DOT_Z = 6.0
DEFAULT_MS = 650
# A neuron with a thousand connections would get a thousand dots, each an item to add, move
# and remove at every frame; this many, spread over its connections, show the flow as well.
MAX_DOTS = 48

# A dot's way: along the line, from its start, or from its end when `backwards`; in a colour.
# The line as the connection holds it (replaced when it moves, never changed): its points are
# read only for the few paths that get a dot, not for each of a thousand connections.
FlowPath = tuple[QLineF, str, bool]


class FlowDot(QGraphicsItem):
    """A small filled circle with a white rim."""

    def __init__(self, colour: str) -> None:
        super().__init__()
        self.colour = QColor(colour)
        self.setZValue(DOT_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        r = DOT_RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(self.colour)
        painter.drawEllipse(QPointF(0, 0), DOT_RADIUS, DOT_RADIUS)


class FlowAnimation(QObject):
    """Moves one dot along each path (see `FlowPath`) once; `stop` removes them at once."""

    def __init__(self, scene: QGraphicsScene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.dots: list[tuple[FlowDot, QPointF, QPointF]] = []
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self.animation.valueChanged.connect(self._move)
        self.animation.finished.connect(self._remove_dots)

    @property
    def running(self) -> bool:
        return self.animation.state() == QVariantAnimation.State.Running

    def play(self, paths: list[FlowPath], milliseconds: int = DEFAULT_MS) -> None:
        self.stop()
        if not paths or milliseconds <= 0:
            return
        if len(paths) > MAX_DOTS:
            paths = [paths[k * len(paths) // MAX_DOTS] for k in range(MAX_DOTS)]
        for line, colour, backwards in paths:
            start, end = (line.p2(), line.p1()) if backwards else (line.p1(), line.p2())
            dot = FlowDot(colour)
            dot.setPos(start)
            self.scene.addItem(dot)
            self.dots.append((dot, QPointF(start), QPointF(end)))
        self.animation.setDuration(milliseconds)
        self.animation.start()

    def stop(self) -> None:
        self.animation.stop()
        self._remove_dots()

    def _move(self, value: float) -> None:
        # Fade in over the first fifth and out over the last, so dots never pop.
        opacity = min(1.0, value * 5, (1.0 - value) * 5)
        for dot, start, end in self.dots:
            if shiboken6.isValid(dot):
                dot.setPos(start + (end - start) * value)
                dot.setOpacity(opacity)

    def _remove_dots(self) -> None:
        for dot, _, _ in self.dots:
            if shiboken6.isValid(dot) and dot.scene() is not None:
                dot.scene().removeItem(dot)
        self.dots = []
