"""The lit connections of a neuron with hundreds of them, drawn by the overlay in one item.

Lighting a connection restyles its editor item (see EditorLooks): a large network's
stand-in becomes an item, the connection layer hears of the change, its LitLayer draws
the line again. For a neuron with a thousand connections that was most of a step. Past
MANY_LIT connections, and in any network drawn with stand-ins (`lit_here`), the overlay
draws them itself, with the pen the layer gives a lit line (flat, in the gradient's colour,
wider for a larger value, with arrowheads once zoomed in), above the unchanged connections
and under the neurons. Where a lit line is narrower than its usual pen, the usual colour
shows at its edges, as with the LitLayer.

Lines of one colour and (to an eighth of a unit) one width are drawn together: their
shafts in one call, their arrowheads as one path. A full paint of a thousand at zoom 1
took 51 ms drawn one by one, each with its own pen and head, and takes 41 ms so. Both are
made from numpy arrays with no Python object per line (`draw_lines`, `arrows_of`): making
a QLineF and a QPolygonF for each of a thousand lines took 7–8 ms of every paint, and takes
0.5 ms so. The rest is the raster engine's, antialiasing wide lines.

Where a neuron's thousand connections meet it, hundreds run side by side to a fraction of a
pixel, each painted over by the next. A line that a later one at least as wide covers on the
screen, to a pixel, is not drawn (`drawn_over`): zoomed in on 1000-10-1, 766 of 1,001
lines. A paint of them took 19.1 ms drawn all (median of 25), 10.7 ms leaving out those
alike to a quarter of a pixel (569), and takes 4.2-5.9 ms so, against 6.6-9.5 to a quarter
in the same run. The picture differs only at antialiased edges where such lines lie: in that
view 452-539 of 307,026 pixels, by at most 20-37 of 255 (a quarter: 181-252, by 23-59).

The item keeps its picture (DeviceCoordinateCache), as the LitLayer does: a dot of the flow
animation moving over a thousand lit lines repaints from it, not the lines (a frame of the
animation zoomed in on 1000-10-1: 10-13 ms -> 1-1.5 ms).
"""

from __future__ import annotations

import numpy as np
import shiboken6
from pyqtgraph import arrayToQPath
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from playground.gui.canvas import style
from playground.gui.canvas.connection_item import flat_pen
from playground.gui.canvas.connection_layer import ANTIALIAS_FROM, ARROWHEADS_FROM
from playground.gui.canvas.connection_line import stands_in
from playground.gui.canvas.connection_lines import rows_of
from playground.gui.canvas.connection_look import arrow_size
from playground.gui.canvas.connection_pens import lit_width

MANY_LIT = 200  # past this many lit connections of one neuron, drawn here
LIT_Z = 0.4  # above the connection layer (0), under the neurons (1)


def lit_here(lit: int, connections: int) -> bool:
    """Whether a frame's `lit` connections, in a network of `connections`, are drawn by a
    LitLines rather than by restyling the editor's items: past MANY_LIT of them, and always
    in a network drawn with stand-ins (see connection_line.py).

    Restyling a stand-in makes its item first. One pass of backward steps through the
    500-neuron test network lit each of its 10,000 connections once, so made every item:
    each step paid for making and restyling a few dozen, and loading the next network spent
    36-71 ms more deleting them (QGraphicsScene.clear 27-57 ms, against 3). The picture is
    the one the LitLayer draws for a large network (the lit lines above the layer's unchanged
    picture), but for widths rounded to an eighth of a unit and the order of overlapping lit
    lines.
    """
    return lit > MANY_LIT or stands_in(connections)


class LitLines(QGraphicsItem):
    """Lines (as drawn, border to border), each in its colour and width by intensity."""

    def __init__(
        self, lines: list[tuple[QLineF, str, float]], ends: np.ndarray | None = None
    ) -> None:
        """`ends`, if given, are the lines' x1, y1, x2, y2 as rows (see `ends_of`)."""
        super().__init__()
        self.lines = (
            lines  # the connections' own lines: they are replaced when one moves, not changed
        )
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(LIT_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        ends = ends_of(lines) if ends is None else ends
        self._ends = ends
        m = style.CONNECTION_MARGIN
        boxes = np.column_stack(
            (
                np.minimum(ends[:, 0], ends[:, 2]) - m,
                np.minimum(ends[:, 1], ends[:, 3]) - m,
                np.maximum(ends[:, 0], ends[:, 2]) + m,
                np.maximum(ends[:, 1], ends[:, 3]) + m,
            )
        )
        if len(ends):
            left, top = boxes[:, :2].min(axis=0)
            right, bottom = boxes[:, 2:].max(axis=0)
            self._bounds = QRectF(left, top, right - left, bottom - top)
        else:
            self._bounds = QRectF()
        # Too short to draw, as the layer leaves it (QLineF.length is C's hypot).
        self._drawable = np.hypot(ends[:, 2] - ends[:, 0], ends[:, 3] - ends[:, 1]) >= 1.0
        # Lines of one colour and (to an eighth of a unit) one width are drawn together.
        intensities = np.clip(np.array([i for _, _, i in lines], dtype=float), 0.0, 1.0)
        widths = np.round(lit_width(intensities) * 8) / 8  # type: ignore[arg-type]
        groups: dict[tuple[str, float], list[int]] = {}
        for k, (colour, width) in enumerate(zip((c for _, c, _ in lines), widths.tolist())):
            groups.setdefault((colour, width), []).append(k)
        self._groups = {key: np.array(ks, dtype=np.intp) for key, ks in groups.items()}
        # The drawable lines in the order they are drawn: group after group.
        order = np.concatenate([*self._groups.values(), np.empty(0, dtype=np.intp)])
        self._order = order[self._drawable[order]]
        self._widths = widths

    @staticmethod
    def pool_key(lines: list[tuple[QLineF, str, float]], ends: np.ndarray | None = None) -> tuple:
        """What `ItemPool` tells these lines by (see `overlay_reuse`)."""
        ends = ends_of(lines) if ends is None else ends
        return ends.tobytes(), tuple(c for _, c, _ in lines), tuple(i for _, _, i in lines)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        transform = painter.worldTransform()
        detail = option.levelOfDetailFromTransform(transform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, detail > ANTIALIAS_FROM)
        arrowheads = detail >= ARROWHEADS_FROM
        exposed = option.exposedRect
        # What the painter can show of it: the exposed part, within the device drawn on (a
        # picture of the scene exposes the whole item).
        device = painter.device()
        inverse, invertible = transform.inverted()
        area = exposed
        if invertible and device is not None:
            area = exposed.intersected(
                inverse.mapRect(QRectF(0, 0, device.width(), device.height()))
            )
        m = style.CONNECTION_MARGIN  # a line's pen and arrowhead reach less far from it
        order = self._order
        hidden = drawn_over(
            self._ends[order], self._widths[order], transform, area.adjusted(-m, -m, m, m)
        )
        shown = np.zeros(len(self._ends), dtype=bool)
        shown[order[~hidden]] = True
        colours: dict[str, QColor] = {}
        painter.save()
        painter.setClipRect(exposed, Qt.ClipOperation.IntersectClip)  # as the LitLayer draws
        for (colour, width), group in self._groups.items():
            ks = group[shown[group]]
            if not len(ks):
                continue
            pen = flat_pen(colours.setdefault(colour, QColor(colour)), width)
            painter.setPen(pen)
            if not arrowheads:
                draw_lines(painter, self._ends[ks])
                continue
            shafts, heads = arrows_of(self._ends[ks], width)
            draw_lines(painter, shafts)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pen.color())
            painter.drawPath(heads)
        painter.restore()


def arrows_of(ends: np.ndarray, width: float) -> tuple[np.ndarray, QPainterPath]:
    """The shafts and arrowheads of lines (rows of x1, y1, x2, y2, each at least 1 long) in a
    pen `width`, as `arrow_geometry` makes each line's: the shafts as rows like the lines',
    and the heads as one path, a closed triangle for each."""
    arrow, half = arrow_size(width)
    x1, y1, x2, y2 = ends.T
    length = np.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bx, by = x2 - ux * arrow, y2 - uy * arrow
    shafts = np.column_stack((x1, y1, bx, by))
    # Each head: its tip, its two back corners, and the tip again; a head's last point does
    # not join the next head's first (pyqtgraph reads the path from the arrays in C).
    xs = np.column_stack((x2, bx - uy * half, bx + uy * half, x2)).ravel()
    ys = np.column_stack((y2, by + ux * half, by - ux * half, y2)).ravel()
    joined = np.tile(np.array([1, 1, 1, 0], dtype=np.int32), len(ends))
    heads = arrayToQPath(xs, ys, connect=joined, finiteCheck=False)
    heads.setFillRule(Qt.FillRule.WindingFill)  # every head turns the same way: overlaps stay
    return shafts, heads


def drawn_over(
    ends: np.ndarray, widths: np.ndarray, transform: QTransform, area: QRectF
) -> np.ndarray:
    """Which of these lines, drawn in this order in these pen widths, need not be drawn: those
    that miss `area`, and those a later line at least as wide draws over, being within `area`
    the same line on the device to a pixel (both ends of the part in `area` rounded to
    whole pixels).

    A neuron's thousand connections meet at the neuron, and in a view of it hundreds of them
    run side by side to a fraction of a pixel, each painted over by the next.
    """
    hidden = np.ones(len(ends), dtype=bool)
    cut, meets = cut_to(ends, area)
    rows = np.flatnonzero(meets)
    if not len(rows):
        return hidden
    xs, ys = cut[rows][:, 0::2], cut[rows][:, 1::2]
    device_x = transform.m11() * xs + transform.m21() * ys + transform.dx()
    device_y = transform.m12() * xs + transform.m22() * ys + transform.dy()
    keys = np.round(np.column_stack((device_x, device_y))).astype(np.int64)
    # The same lines together, each run from the last drawn to the first.
    later_first = np.lexsort((-rows, *keys.T[::-1]))
    same = keys[later_first]
    first_of_run = np.concatenate(([True], (same[1:] != same[:-1]).any(axis=1)))
    run = np.cumsum(first_of_run)
    width = widths[rows][later_first]
    # The widest of each run so far (runs kept apart by an offset larger than any width).
    offset = run * (width.max() + 1.0)
    widest = np.maximum.accumulate(offset + width) - offset
    under_later = ~first_of_run & (width <= np.concatenate(([0.0], widest[:-1])))
    hidden[rows[later_first]] = under_later
    return hidden


def cut_to(ends: np.ndarray, area: QRectF) -> tuple[np.ndarray, np.ndarray]:
    """Each line's part within `area` (rows of x1, y1, x2, y2, as the lines), and whether it
    has one (Liang and Barsky's clipping)."""
    x1, y1, x2, y2 = ends.T
    dx, dy = x2 - x1, y2 - y1
    start, end = np.zeros(len(ends)), np.ones(len(ends))
    meets = np.ones(len(ends), dtype=bool)
    sides = (
        (-dx, x1 - area.left()),
        (dx, area.right() - x1),
        (-dy, y1 - area.top()),
        (dy, area.bottom() - y1),
    )
    for towards, room in sides:
        along = towards == 0
        meets &= ~(along & (room < 0))  # parallel to this side and outside it
        t = room / np.where(along, 1.0, towards)
        start = np.where(towards < 0, np.maximum(start, t), start)
        end = np.where(towards > 0, np.minimum(end, t), end)
    meets &= start <= end
    cut = np.column_stack((x1 + start * dx, y1 + start * dy, x1 + end * dx, y1 + end * dy))
    return cut, meets


def draw_lines(painter: QPainter, rows: np.ndarray) -> None:
    """Draw rows of x1, y1, x2, y2 in one call, with no QLineF made for each: Qt is handed
    the rows as the array of QLineF it takes (a QLineF is those four numbers, as doubles)."""
    rows = np.ascontiguousarray(rows, dtype=np.float64)
    if len(rows):
        painter.drawLines(shiboken6.wrapInstance(rows.ctypes.data, QLineF), len(rows))


def ends_of(lines: list[tuple[QLineF, str, float]]) -> np.ndarray:
    """The lines' ends as rows of x1, y1, x2, y2."""
    return rows_of(li for li, _, _ in lines)
