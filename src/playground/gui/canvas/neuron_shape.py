"""A neuron's body on the canvas: a circle (a rounded square for inputs) that stretches
into a pill as wide as its name needs, up to MAX_HALF_WIDTH, past which the name is elided."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath

from playground.gui.canvas import style

NAME_PADDING = 7.0  # between the name and the body's outline, each side
MAX_HALF_WIDTH = 60.0  # a longer name is elided; the tooltip has it whole
INPUT_CORNER = 5.0


def half_height(role: str) -> float:
    return style.INPUT_HALF_SIDE if role == "input" else style.NEURON_RADIUS


@cache
def name_font(short: bool) -> QFont:
    """Bold; a little smaller for names longer than three characters."""
    return style.font(9.0 if short else 8.0, bold=True)


def font_for(name: str) -> QFont:
    return name_font(len(name) <= 3)


@cache
def half_width(role: str, name: str) -> float:
    """Half the body's width: the circle's radius, or wider for a long name."""
    text = QFontMetricsF(font_for(name)).horizontalAdvance(name)
    return min(MAX_HALF_WIDTH, max(half_height(role), text / 2 + NAME_PADDING))


@cache
def shown_name(role: str, name: str) -> str:
    """The name as drawn: whole, unless it is wider than the widest body."""
    room = 2 * (half_width(role, name) - NAME_PADDING) + 1.0
    return QFontMetricsF(font_for(name)).elidedText(name, Qt.TextElideMode.ElideRight, room)


def body_rect(role: str, half: float, grow: float = 0.0) -> QRectF:
    """The body's rectangle around the centre, grown by `grow` on every side."""
    h = half_height(role) + grow
    return QRectF(-half - grow, -h, 2 * (half + grow), 2 * h)


@cache
def body_path(role: str, half: float, grow: float = 0.0) -> QPainterPath:
    """The outline: a stadium (a circle when no wider than tall), or a rounded rectangle for inputs.

    Made once per shape and shared (a large network paints a thousand alike): draw it or
    copy it, never change it."""
    rect = body_rect(role, half, grow)
    radius = INPUT_CORNER + grow if role == "input" else rect.height() / 2
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


def border_reach(role: str, half: float, dx: float, dy: float) -> float:
    """How far from the centre, along the unit direction (dx, dy), the outline lies."""
    h = half_height(role)
    if role == "input":
        # The rectangle's side (the rounded corners are small enough to ignore).
        reach_x = half / abs(dx) if abs(dx) > 1e-9 else math.inf
        reach_y = h / abs(dy) if abs(dy) > 1e-9 else math.inf
        return min(reach_x, reach_y, math.hypot(half, h))
    straight = half - h  # half the length of the stadium's flat top and bottom
    if abs(dy) > 1e-9 and abs(dx) * h / abs(dy) <= straight:
        return h / abs(dy)  # through the flat top or bottom
    # Through an end cap: the circle of radius h centred at (±straight, 0).
    cx = math.copysign(straight, dx)
    along = dx * cx
    return along + math.sqrt(max(0.0, along * along - cx * cx + h * h))


def border_reaches(
    is_input: np.ndarray, half: np.ndarray, dx: np.ndarray, dy: np.ndarray
) -> np.ndarray:
    """`border_reach` for many neurons and unit directions at once (arrays of one length)."""
    h = np.where(is_input, style.INPUT_HALF_SIDE, style.NEURON_RADIUS)
    ax, ay = np.abs(dx), np.abs(dy)
    along_x, along_y = ax > 1e-9, ay > 1e-9
    with np.errstate(divide="ignore", invalid="ignore"):
        reach_x = np.where(along_x, half / ax, np.inf)
        reach_y = np.where(along_y, h / ay, np.inf)
        box = np.minimum(np.minimum(reach_x, reach_y), np.hypot(half, h))
        straight = half - h
        flat = along_y & (ax * h / np.where(along_y, ay, 1.0) <= straight)
    cx = np.copysign(straight, dx)
    along = dx * cx
    cap = along + np.sqrt(np.maximum(0.0, along * along - cx * cx + h * h))
    return np.where(is_input, box, np.where(flat, reach_y, cap))


def border_point(role: str, half: float, centre: QPointF, towards: QPointF) -> QPointF:
    """Where a line from `centre` towards `towards` leaves the body (scene coordinates)."""
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    length = math.hypot(dx, dy)
    if length < 1e-9:
        return QPointF(centre)
    ux, uy = dx / length, dy / length
    reach = border_reach(role, half, ux, uy) + 1.0
    return QPointF(centre.x() + ux * reach, centre.y() + uy * reach)
