"""Colours, sizes and cached pens of the canvas, in one place so overlays match the editor."""

from functools import cache

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

# TensorFlow Playground's colours: blue for positive weights, orange for negative.
POSITIVE = QColor("#0877bd")
NEGATIVE = QColor("#f59322")
ZERO = QColor("#b8b8b8")

NEURON_RADIUS = 18.0
INPUT_HALF_SIDE = 16.0
ARROW_LENGTH = 9.0
MAX_CONNECTION_WIDTH = 6.0
# Room around a connection's line for its widest pen, arrowhead and weight label,
# so a restyle only repaints and never changes geometry (no BSP index update).
CONNECTION_MARGIN = 24.0

ROLE_FILL = {"input": QColor("#dfe8f1"), "hidden": QColor("#ffffff"), "output": QColor("#fff1d6")}
ROLE_BORDER = {"input": QColor("#52677d"), "hidden": QColor("#3a3a3a"), "output": QColor("#3a3a3a")}
SELECTED = QColor("#1f6fd1")
ALLOWED = QColor("#2e9e44")
REFUSED = QColor("#d12c2c")
HIGHLIGHT = QColor("#ffcc33")
TEXT = QColor("#202020")
MUTED_TEXT = QColor("#6b6b6b")
GLYPH = QColor("#0877bd")  # the activation's curve under a neuron, as the Inspector draws f
GRID = QColor("#ebebeb")
BACKGROUND = QColor("#fbfbfb")

# Significant digits of the weights and biases written on the canvas, by the project's one
# number formatter (engine.formatting), so the canvas and the formula panel write alike.
CANVAS_DIGITS = 3

WEIGHT_BUCKETS = 24
# Every value `weight_style` returns.
WEIGHT_STYLES = range(-WEIGHT_BUCKETS, WEIGHT_BUCKETS + 1)


def weight_style(weight: float) -> int:
    """A small integer naming the pen of this weight: sign and a width bucket."""
    if weight == 0.0:
        return 0
    bucket = 1 + min(WEIGHT_BUCKETS - 1, int(min(abs(weight), 3.0) / 3.0 * WEIGHT_BUCKETS))
    return bucket if weight > 0 else -bucket


def weight_styles(weights: np.ndarray) -> list[int]:
    """`weight_style` of many weights at once (a scene building thousands of connections)."""
    buckets = 1 + np.minimum(
        WEIGHT_BUCKETS - 1, (np.minimum(np.abs(weights), 3.0) / 3.0 * WEIGHT_BUCKETS).astype(int)
    )
    return np.where(weights == 0.0, 0, np.where(weights > 0, buckets, -buckets)).tolist()


@cache
def connection_pen(style: int) -> QPen:
    if style == 0:
        pen = QPen(ZERO, 1.0, Qt.PenStyle.DashLine)
    else:
        colour = QColor(POSITIVE if style > 0 else NEGATIVE)
        strength = abs(style) / WEIGHT_BUCKETS
        # Faint for small weights, solid for large ones, as in TF Playground.
        colour.setAlphaF(0.45 + 0.55 * min(1.0, 3 * strength))
        width = 1.0 + (MAX_CONNECTION_WIDTH - 1.0) * strength
        pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


@cache
def connection_brush(style: int) -> QBrush:
    return QBrush(connection_pen(style).color())


@cache
def outline_pen(colour_name: str, width: float) -> QPen:
    return QPen(QColor(colour_name), width)


@cache
def fill_brush(colour_name: str) -> QBrush:
    return QBrush(QColor(colour_name))


@cache
def role_pen_and_brush(role: str) -> tuple[QPen, QBrush]:
    """A neuron body's outline pen and fill, by role (made once: a thousand neurons paint at once)."""
    return outline_pen(ROLE_BORDER[role].name(), 1.6), fill_brush(ROLE_FILL[role].name())


@cache
def font(point_size: float, bold: bool = False) -> QFont:
    result = QFont()
    result.setPointSizeF(point_size)
    result.setBold(bold)
    return result
