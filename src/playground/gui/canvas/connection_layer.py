"""One item that draws every connection of the scene, in file order, in one paint call.

Painting ten thousand connection items one by one cost Qt about two
microseconds each before a line was drawn, and their Python `paint` several
more; with translucent pens the raster engine then took ten times longer
still, and a repaint of a large network took over half a second. This layer
walks the connections in one loop, changing the pen only when it differs, and
draws them as before: in file order, in their own colours, each with the
overlay, fade or selection halo it has. Labels come last, so no line crosses
a label.

On screen the layer paints into its pixmap cache, as it paints a picture for
export: Qt gives it no widget there, and the area to draw is the whole of what
changed (or, after a pan, the strip that came into view).

The ConnectionItems stay in the scene for clicks, selection and tooltips, and
tell this layer when anything that shows changes; in a large network most
connections are ConnectionLines until an item is needed (connection_line.py),
drawn alike. On a large network a lit
line (an overlay colour, nothing else) is handed to the child LitLayer and
drawn on top, so lighting it leaves this layer's cached picture alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from playground.gui.canvas import style
from playground.gui.canvas.connection_item import ConnectionItem
from playground.gui.canvas.connection_look import ConnectionLook, Edges, edges_meet, edges_of
from playground.gui.canvas.connection_pens import Pens, paint_one, pens_and_brushes
from playground.gui.canvas.line_index import LineIndex
from playground.gui.canvas.lit_layer import LitLayer

# Level of detail (scale of the view) below which the lines are not antialiased,
# below which arrowheads are left out, and above which labels are drawn.
ANTIALIAS_FROM = 0.35
ARROWHEADS_FROM = 0.25
LABELS_FROM = 0.5
# Above this many connections a lit line is drawn by the LitLayer on top (see lit_layer.py).
LIGHT_ON_TOP_FROM = 3000
_EMPTY_SHAPE = QPainterPath()


class ConnectionLayer(QGraphicsItem):
    """Draws the scene's connections; ConnectionItems report their changes here."""

    def __init__(self) -> None:
        super().__init__()
        # The exposed rectangle in the style option, to clip to it and skip what lies outside.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        # On screen the lines are kept in a pixmap: a dot of the flow animation or a tag that
        # moves repaints its own small area from it, not ten thousand lines in Python. A change
        # of a connection (`update(area)`) redraws only that area of the pixmap.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # By key, in drawing order: a stand-in's item takes its place (see `replace`).
        self._items: dict[tuple[str, str], ConnectionLook] = {}
        self.index = LineIndex(self._items)  # where the lines are, for the mouse and the labels
        self._plan: _Plan | None = None  # what paint walks; None after any change
        self._with_text: dict[ConnectionItem, None] = {}
        self._selected: set[ConnectionItem] = set()
        self._selection_stale = False
        self._bounds = QRectF()
        self._show_weight_labels = False
        self._weight_labels_covered = False  # an overlay writes the weights its own way
        self.label_digits = style.CANVAS_DIGITS
        self._deferred = False
        self._deferred_change = False
        self.lit_layer = LitLayer(self)

    # ----------------------------------------------------------------- membership

    def add(self, items: Iterable[ConnectionLook], area: QRectF | None = None) -> None:
        """Draw these connections from now on, on top of those already here. `area`: the
        rectangle their `bounds` lie in, if known (a scene building ten thousand computes it
        at once, see connection_lines.area_of)."""
        united = QRectF() if area is None else area
        for item in items:
            item.layer = self
            self._items[item.key] = item
            if item.flow is not None and item.flow[0] is not None:
                self._with_text[item] = None
            if item.special:
                self._sort(item)
            if area is None:
                united = united.united(item.bounds)
        area = united
        self._grow(area)
        self._plan = None
        self.index.invalidate()
        if not area.isNull():
            self.update(area)

    def remove(self, item: ConnectionLook) -> None:
        """Stop drawing a connection (it is leaving the scene)."""
        self._repaint(item)
        self._items.pop(item.key, None)
        self.index.invalidate()
        self._with_text.pop(item, None)
        self._selected.discard(item)
        if isinstance(item, ConnectionItem):
            item.special_here = False
            self.lit_layer.put_out(item)
        item.layer = None

    def replace(self, stand_in: ConnectionLook, item: ConnectionItem) -> None:
        """Draw `item` where its stand-in was drawn (it looks the same: nothing to repaint)."""
        stand_in.layer = None
        item.layer = self
        self._items[item.key] = item
        self._plan = None

    def let_go(self) -> None:
        """Draw nothing and forget every connection (the scene is being rebuilt)."""
        for item in self._items.values():
            item.layer = None
        self._items.clear()
        self._plan = None
        self._with_text.clear()
        self._selected.clear()
        self.lit_layer.lit.clear()
        self.index.invalidate()

    # ----------------------------------------------------------------- changes

    def restyled(self, item: ConnectionLook) -> None:
        """A connection's weight gave it another pen."""
        self._repaint(item)

    def moved(self, item: ConnectionLook, old_line: QLineF) -> None:
        """A connection's line moved with its neurons."""
        self.index.invalidate()
        self._grow(item.bounds)
        self._repaint(item, old_line)
        if item in self.lit_layer.lit:
            self.lit_layer.update(item.area(old_line))
            self.lit_layer.light(item)

    def overlay_changed(self, item: ConnectionItem) -> None:
        """A connection's overlay, fade or selection changed."""
        if item.flow is not None and item.flow[0] is not None:
            self._with_text[item] = None
        else:
            self._with_text.pop(item, None)
        if self._sort(item):
            self._repaint(item)

    def _sort(self, item: ConnectionItem) -> bool:
        """Hand a lit line of a large network to the LitLayer, or take it back; True if this
        layer's picture of it changed."""
        on_top = (
            item.special
            and len(self._items) > LIGHT_ON_TOP_FROM
            and item.flow is not None
            and item.flow[0] is None
            and item.flow[1] is not None
            and not item.selected_in_layer
            and item.opacity() == 1.0
        )
        if on_top:
            self.lit_layer.light(item)
        else:
            self.lit_layer.put_out(item)
        here = item.special and not on_top
        was_here, item.special_here = item.special_here, here
        return here or was_here

    def repaint(self, item: ConnectionLook) -> None:
        """Draw a connection's area again (its label's text changed)."""
        self._repaint(item)

    def selection_changed(self) -> None:
        """Qt's selection changed: the halos follow at the next paint."""
        # Selecting ten thousand items one by one signals ten thousand times;
        # reading the selection once, when it is drawn, keeps that linear.
        self._selection_stale = True
        self.update()

    def _take_selection(self) -> None:
        self._selection_stale = False
        scene = self.scene()
        selected = (
            set()
            if scene is None
            else {
                i
                for i in scene.selectedItems()
                if isinstance(i, ConnectionItem) and i.layer is self
            }
        )
        for item in self._selected ^ selected:
            item.selected_in_layer = item in selected
            item.update_special()
            self._sort(item)
        self._selected = selected
        self._plan = None

    @contextmanager
    def deferred_repaint(self) -> Iterator[None]:
        """Within this block changes only take note; at its end the layer repaints once, if anything showed."""
        self._deferred, self._deferred_change = True, False
        try:
            yield
        finally:
            self._deferred = False
            if self._deferred_change:
                self.update()

    def shows_weight_labels(self) -> bool:
        return self._show_weight_labels

    def set_show_weight_labels(self, show: bool) -> None:
        if show != self._show_weight_labels:
            self._show_weight_labels = show
            self.update()

    def cover_weight_labels(self, covered: bool) -> None:
        """Leave the weight labels out while an overlay (the backward pass) shows its own."""
        if covered != self._weight_labels_covered:
            self._weight_labels_covered = covered
            if self._show_weight_labels:
                self.update()

    def set_label_digits(self, digits: int) -> None:
        """Write the weight labels to this many significant digits."""
        if digits != self.label_digits:
            self.label_digits = digits
            if self._show_weight_labels:
                self.update()

    def shown_label(self, item: ConnectionLook) -> str | None:
        """The text written on a connection now (as `_paint_labels` writes it), or None."""
        show_weight = self._show_weight_labels and not self._weight_labels_covered
        return item.label_text(show_weight, self.label_digits)

    def _repaint(self, item: ConnectionLook, old_line: QLineF | None = None) -> None:
        self._plan = None
        if self._deferred:
            self._deferred_change = True
            return
        area = item.bounds
        self.update(area if old_line is None else area.united(item.area(old_line)))

    def _grow(self, area: QRectF) -> None:
        if not self._bounds.contains(area):
            self.prepareGeometryChange()
            self.lit_layer.grow()
            self._bounds = self._bounds.united(area)

    # ----------------------------------------------------------------- geometry

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Never hit: clicks go to the ConnectionItems and the neurons.
        return _EMPTY_SHAPE

    # ----------------------------------------------------------------- paint

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._selection_stale:
            self._take_selection()
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect
        # Only part to draw (a pan's new strip, a picture of part): skip the lines outside early.
        outside = None if exposed.contains(self._bounds) else edges_of(exposed)
        painter.save()
        # Under an explicit clip the raster engine draws thin translucent lines
        # through its fast path; without one, ten times slower.
        painter.setClipRect(exposed, Qt.ClipOperation.IntersectClip)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, detail > ANTIALIAS_FROM)
        paint_pass = self._paint_arrows if detail >= ARROWHEADS_FROM else self._paint_lines
        paint_pass(painter, pens_and_brushes(), outside)
        if detail > LABELS_FROM:
            self._paint_labels(painter, exposed)
        painter.restore()

    def _steps(self) -> _Plan:
        # Read from the items once per change: attributes of Qt-wrapped objects are
        # slow to read, and a repaint without changes (a pan, an overlay) is common.
        # Columns, not a tuple per connection: ten thousand new tuples set off the cycle
        # collector a dozen times in the first paint of a large network.
        if self._plan is None:
            items = [i for i in self._items.values() if i.drawable]
            self._plan = (
                items,
                [i.style for i in items],
                [i.drawn for i in items],
                [i.edges for i in items],
                [i.special_here for i in items],
            )
        return self._plan

    def _paint_lines(self, painter: QPainter, pens: Pens, outside: Edges | None) -> None:
        """One pass over the connections (those meeting `outside`'s area, when given)."""
        # The one loop over every connection at every repaint: kept lean on purpose.
        set_pen, draw_line = painter.setPen, painter.drawLine
        current = None
        for item, weight_style, line, edges, special in zip(*self._steps()):
            if outside is not None and not edges_meet(outside, edges):
                continue
            if special:
                current = None
                paint_one(painter, item, arrowheads=False)
                continue
            pen = pens[weight_style][0]
            if pen is not current:
                set_pen(pen)
                current = pen
            draw_line(line)

    def _paint_arrows(self, painter: QPainter, pens: Pens, outside: Edges | None) -> None:
        """As `_paint_lines`, with arrowheads."""
        for item, weight_style, _, edges, special in zip(*self._steps()):
            if outside is not None and not edges_meet(outside, edges):
                continue
            if special:
                paint_one(painter, item, arrowheads=True)
            else:
                pen, brush = pens[weight_style]
                shaft, head = item.arrow()
                painter.setPen(pen)
                painter.drawLine(shaft)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(brush)
                painter.drawPolygon(head)

    def _paint_labels(self, painter: QPainter, exposed: QRectF) -> None:
        show_weight = self._show_weight_labels and not self._weight_labels_covered
        items = self._items if show_weight else self._with_text
        if not items:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(style.font(7))
        background = style.fill_brush("#f2ffffff")
        everything = self._items.values()
        for item in everything if show_weight else [i for i in everything if i in items]:
            text = item.label_text(show_weight, self.label_digits)
            if not text or not item.drawable:
                continue
            # A little past the middle towards the target, where fans of lines spread out.
            at = item.drawn.pointAt(0.58)
            width = min(7.0 * len(text) * 0.62 + 6, 2 * style.CONNECTION_MARGIN)
            rect = QRectF(at.x() - width / 2, at.y() - 7, width, 13)
            if not rect.intersects(exposed):
                continue
            painter.setOpacity(item.opacity() if item.special else 1.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(style.TEXT)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setOpacity(1.0)


# What paint walks, one list per column, a connection at each index: the items drawn, their
# weight styles, lines, edges, and whether each is drawn on its own (an overlay, a fade or a
# halo).
_Plan = tuple[list[ConnectionLook], list[int], list[QLineF], list[Edges], list[bool]]
