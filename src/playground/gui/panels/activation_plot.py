"""A small picture of an activation f (solid) and its derivative f' (dashed) on z in [−4, 4]."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.engine.activations import ACTIVATION_FUNCTIONS

Z_RANGE = 4.0
F_COLOUR = QColor("#0877bd")
DF_COLOUR = QColor("#e07b00")


class ActivationPlot(QWidget):
    """Draws f and f' of one activation, with the axes and a small legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activation: str | None = None
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(220, 120)

    def set_activation(self, name: str | None) -> None:
        self.activation = name
        self.update()

    def curves(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """z, f(z) and f'(z) on the plotted range."""
        activation = ACTIVATION_FUNCTIONS[self.activation]
        z = np.linspace(-Z_RANGE, Z_RANGE, 161)
        y = activation.f(z)
        return z, y, activation.df(z, y)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self.activation is None:
            painter.setPen(QColor("#888888"))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("input: no activation")
            )
            return
        z, f, df = self.curves()
        low = float(min(f.min(), df.min(), -1.0))
        high = float(max(f.max(), df.max(), 1.0))
        area = QRectF(self.rect()).adjusted(8, 18, -8, -8)

        def point(zv: float, yv: float) -> QPointF:
            x = area.left() + (zv + Z_RANGE) / (2 * Z_RANGE) * area.width()
            y = area.bottom() - (yv - low) / (high - low) * area.height()
            return QPointF(x, y)

        painter.setPen(QPen(QColor("#c8c8c8"), 1))
        painter.drawLine(point(-Z_RANGE, 0.0), point(Z_RANGE, 0.0))
        painter.drawLine(point(0.0, low), point(0.0, high))
        for values, colour, dash in ((f, F_COLOUR, False), (df, DF_COLOUR, True)):
            path = QPainterPath(point(z[0], values[0]))
            for zv, yv in zip(z[1:], values[1:], strict=True):
                path.lineTo(point(zv, yv))
            pen = QPen(colour, 2)
            if dash:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(path)
        painter.setPen(F_COLOUR)
        painter.drawText(QPointF(8, 13), f"f = {ACTIVATION_FUNCTIONS[self.activation].symbol}")
        painter.setPen(DF_COLOUR)
        painter.drawText(
            QRectF(0, 0, self.width() - 8, 16),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"f′ = {ACTIVATION_FUNCTIONS[self.activation].derivative}",
        )
