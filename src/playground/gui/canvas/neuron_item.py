"""A neuron on the canvas: a shape by role as wide as its name, with its activation's curve
under the name, its bias and (View ▸ Neuron Output Pictures) its output picture beside it.

Connections follow a moving neuron through `move_to` / `adjust_connections`
(the elasticnodes habit, without an itemChange override; see `adjust_connections`).
The sides the bias and the picture take are chosen by the scene, where no
connection crosses them (see decoration_sides); the item only draws them there.

The item shows the model and holds nothing the file needs. Its public styling
methods (badge, dimmed, highlighted, value text) let overlays such as the
backward step-through draw on it without touching the editor's own look.
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from playground.engine.formatting import format_number
from playground.gui.canvas import activation_glyph, neuron_shape, style
from playground.gui.canvas.decoration_sides import SIDES, side_rect
from playground.gui.canvas.role_words import role_word
from playground.gui.canvas.style import CANVAS_DIGITS
from playground.model.neuron import Neuron

R = style.NEURON_RADIUS
BIAS_FONT_SIZE = 8.5
BIAS_HEIGHT = 14.0
# A bias label's side is chosen for its text and this margin. The side is kept while the text
# shrinks, and chosen again (by the scene) once a longer text outgrows it. A wider margin
# would re-choose less often in training, but a dense network (the spiral) then has sides
# left where no line crosses the label.
BIAS_ROOM = 4.0
PICTURE_SIZE = 26.0  # px on the canvas at 100 % (the picture itself has fewer cells)
GLOW = 8.0  # the highlight's reach around the body
# Below this scale (a 9 pt name under 3 px high) a neuron is drawn without its texts and curve.
DETAILS_FROM = 0.3
# Combined once: or-ing enum flags in Python costs more than setting them (a thousand items).
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
)
_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_ANTIALIASING = QPainter.RenderHint.Antialiasing  # an enum's member costs a lookup each time
_NO_PEN = QPen(Qt.PenStyle.NoPen)  # the rectangle's bounds are then exactly its rect


class NeuronItem(QGraphicsRectItem):
    """One neuron; connections attached to it adjust when it moves. A rectangle item only to
    keep its bounds in C++ (`setRect`, no pen): Qt asks for them often, from Python slowly."""

    Type = QGraphicsItem.UserType + 1

    # Until changed, each neuron shares these: setting an attribute on a Qt-wrapped object
    # costs a fraction of a microsecond, and a large network makes a thousand items at once.
    _connect_state: str | None = None  # "allowed" / "refused" while a connection is drawn
    _highlighted = False
    _bias_covered = False  # an overlay's tag writes this bias's number instead
    _tip = ""
    _bias_tip = ""
    needs_new_side = False  # the bias text outgrew the room its side was chosen for
    _shown: tuple[str, str, str | None, str | None] | None = None
    activation: str | None = None
    half_width = R
    bias_side = "below"
    picture_side = "above"
    _bias_room = 0.0  # the width the bias side was chosen for
    picture: QImage | None = None
    digits = CANVAS_DIGITS  # of the bias label; the scene's label digits
    _picture_note: str | None = None  # why there is no picture, when pictures are on
    _half_extent = (0.0, 0.0)  # half the bounds' width and height (see relayout)

    def __init__(self, neuron: Neuron, digits: int = CANVAS_DIGITS) -> None:
        """`digits`: of the bias label (the scene's label digits)."""
        super().__init__()
        self.neuron_id = neuron.id
        if digits != CANVAS_DIGITS:
            self.digits = digits
        # Its connections' items (or stand-ins), as a set in the order they came: a stand-in's
        # item takes its place at once, where a list would be searched (a neuron of 1000 inputs).
        self.connections: dict = {}
        self.setPen(_NO_PEN)
        self.setFlags(_FLAGS)
        self.setCacheMode(_CACHE)
        self.setZValue(1.0)
        self.update_from(neuron)

    def type(self) -> int:
        return NeuronItem.Type

    # ----------------------------------------------------------------- model

    def update_from(self, neuron: Neuron) -> None:
        """Take the role, name, bias and position to show from the model's neuron."""
        shown = (
            neuron.role,
            neuron.display_name,
            None if neuron.is_input else "b " + format_number(neuron.bias, self.digits),
            neuron.activation,
        )
        translate = QCoreApplication.translate
        tip = f"{neuron.id}" + (f" “{neuron.label}”" if neuron.label else "")
        tip += f" — {role_word(neuron.role)}"
        if not neuron.is_input:
            tip += translate("NeuronItem", "\nactivation {activation}\nbias {bias}").format(
                activation=neuron.activation, bias=repr(neuron.bias)
            )
        if tip != self._bias_tip:
            self._bias_tip = tip
            self._refresh_tooltip()
        # The picture is cached; redrawing it only when its text changes keeps a
        # restyle during training from redrawing every neuron.
        changed = shown != self._shown
        if changed:
            old = self._shown
            self._shown = shown
            self.role, self.name, self.bias_text, self.activation = shown
            half_width = neuron_shape.half_width(self.role, self.name)
            # Asked by the scene after a restyle: only a changed text can outgrow its side.
            self.needs_new_side = self.bias_outgrew_its_side()
            widened = half_width != self.half_width
            if widened:
                self.half_width = half_width
            # Once, with the new width: a large network makes a thousand new items at once.
            if widened or old is None or old[:2] != shown[:2] or self.needs_new_side:
                self.relayout()
            if widened:
                self.adjust_connections()  # the outline they end at moved
        if self.pos() != QPointF(neuron.x, neuron.y):
            self.move_to(neuron.x, neuron.y)
        if changed:
            self.update()

    def _refresh_tooltip(self) -> None:
        tip = self._bias_tip
        if self._picture_note:
            tip += "\n" + self._picture_note
        if tip != self._tip:
            self._tip = tip
            self.setToolTip(tip)

    # ----------------------------------------------------------------- decorations

    @property
    def shown_name(self) -> str:
        """The name as drawn: whole unless longer than the widest body allows (then elided)."""
        return neuron_shape.shown_name(self.role, self.name)

    def name_rect(self) -> QRectF:
        """Where the name is drawn, inside the body (raised to leave room for the curve)."""
        lift = activation_glyph.NAME_LIFT if self.activation is not None else 0.0
        return neuron_shape.body_rect(self.role, self.half_width).adjusted(
            neuron_shape.NAME_PADDING - 2, 1, -neuron_shape.NAME_PADDING + 2, -1 - 2 * lift
        )

    def extent(self) -> tuple[float, float]:
        """Half width and half height of the body (for keeping neurons apart)."""
        return self.half_width, neuron_shape.half_height(self.role)

    def glyph_rect(self) -> QRectF | None:
        """The box of the activation's curve, inside the body under the name; None for inputs."""
        if self.activation is None:
            return None
        return activation_glyph.CURVE.translated(0, activation_glyph.BELOW_CENTRE)

    def bias_size(self) -> QSizeF | None:
        """The room the bias label needs, with a small margin; None for inputs."""
        if self.bias_text is None:
            return None
        return QSizeF(_bias_width(self.bias_text) + BIAS_ROOM, BIAS_HEIGHT)

    def picture_size(self) -> QSizeF | None:
        return QSizeF(PICTURE_SIZE, PICTURE_SIZE) if self.picture is not None else None

    def side_rect(self, side: str, size: QSizeF) -> QRectF:
        """The rectangle a decoration of `size` takes on one side (neuron coordinates)."""
        top = -neuron_shape.half_height(self.role)
        return side_rect(side, size, self.half_width, top, -top)

    def decoration_rects(self, size: QSizeF) -> dict[str, QRectF]:
        """Every side a decoration of `size` could take (neuron coordinates)."""
        return {side: self.side_rect(side, size) for side in SIDES}

    def bias_rect(self) -> QRectF | None:
        """Where the bias label is drawn (neuron coordinates); None for inputs."""
        if self.bias_text is None:
            return None
        # As wide as `bias_size`, or the room its side was chosen for.
        # The text sits at the body's end of its room (centred above and below): see _BIAS_ALIGN.
        width = max(_bias_width(self.bias_text) + BIAS_ROOM, self._bias_room)
        return self.side_rect(self.bias_side, QSizeF(width, BIAS_HEIGHT))

    def picture_rect(self) -> QRectF | None:
        """Where the output picture is drawn (neuron coordinates); None without one."""
        size = self.picture_size()
        return None if size is None else self.side_rect(self.picture_side, size)

    def occupied_rects(self) -> list[QRectF]:
        """The body and the decorations, in scene coordinates: where another label must not go."""
        centre = self.pos()
        parts = [neuron_shape.body_rect(self.role, self.half_width)]
        parts += [self.bias_rect(), self.picture_rect()]
        return [part.translated(centre) for part in parts if part is not None]

    def bias_outgrew_its_side(self) -> bool:
        """The bias text grew wider than the room its side was chosen for."""
        text = self.bias_text
        # As `bias_size().width()`, without the QSizeF.
        return text is not None and _bias_width(text) + BIAS_ROOM > self._bias_room + 0.5

    def set_sides(self, bias_side: str, picture_side: str) -> None:
        """Take the sides the scene chose for the bias label and the picture."""
        size = self.bias_size()
        self._bias_room = size.width() if size is not None else 0.0
        self.needs_new_side = False
        self.bias_side, self.picture_side = bias_side, picture_side
        self.relayout()

    def set_picture(self, picture: QImage | None, note: str | None = None) -> None:
        """Show this picture of the neuron's output (None: none), or say in the tooltip why none."""
        had = self.picture is not None
        self.picture = picture
        self._picture_note = note
        self._refresh_tooltip()
        if had != (picture is not None):
            self.relayout()
        self.update()

    def relayout(self) -> None:
        """The body or a decoration changed size or side: new bounds."""
        # The glowing body united with the decorations, symmetric about the centre (a box
        # selection tests the bounds' centre): the farthest edge on each axis decides. In
        # numbers, not QRectFs: a large network lays out a thousand neurons at once.
        half_w = self.half_width + GLOW
        half_h = neuron_shape.half_height(self.role) + GLOW
        for part in (self.bias_rect(), self.picture_rect()):
            if part is not None:
                half_w = max(half_w, -part.left(), part.right())
                half_h = max(half_h, -part.top(), part.bottom())
        extent = (half_w + 1, half_h + 1)
        if extent != self._half_extent:
            self._half_extent = extent
            half_w, half_h = extent
            self.setRect(-half_w, -half_h, 2 * half_w, 2 * half_h)  # tells the scene first
        self.update()

    # ----------------------------------------------------------------- overlays

    def set_connect_state(self, state: str | None) -> None:
        """Green ring ("allowed") or red ring ("refused") while a connection is dragged onto it."""
        if state != self._connect_state:
            self._connect_state = state
            self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        """A warm glow around the neuron (the one being stepped through)."""
        if highlighted != self._highlighted:
            self._highlighted = highlighted
            self.update()

    def cover_bias_text(self, covered: bool) -> None:
        """Leave the bias text out while an overlay tag (a minibatch's mean ∂L/∂b) takes its place."""
        if covered != self._bias_covered:
            self._bias_covered = covered
            self.update()

    def shown_bias_text(self) -> str | None:
        """The bias text as drawn now: None for an input, or while an overlay tag covers it."""
        return None if self._bias_covered else self.bias_text

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the neuron (not yet reached, or not involved)."""
        self.setOpacity(0.3 if dimmed else 1.0)

    def overlay_look(self) -> tuple[bool, bool]:
        """(dimmed, highlighted): what the backward overlay has made of the neuron."""
        return self.opacity() < 1.0, self._highlighted

    def reset_overlay(self) -> None:
        # Only the glow is in the cached picture: a fade is applied as Qt draws that picture,
        # so dimming or undimming redraws nothing (a backward step fades hundreds of neurons).
        self.set_highlighted(False)
        self.setOpacity(1.0)

    # ----------------------------------------------------------------- geometry

    def shape(self) -> QPainterPath:
        return neuron_shape.body_path(self.role, self.half_width, 2.0)

    def border_point(self, towards: QPointF) -> QPointF:
        """Where a line from the centre towards `towards` (scene coordinates) leaves the shape."""
        return neuron_shape.border_point(self.role, self.half_width, self.pos(), towards)

    def move_to(self, x: float, y: float) -> None:
        """Place the neuron and bring its connections along."""
        self.setPos(x, y)
        self.adjust_connections()

    def adjust_connections(self) -> None:
        # Called by whoever moves the item rather than from itemChange: in PySide6 6.12 an
        # itemChange override corrupts reference counts and crashes the interpreter.
        for connection in self.connections:
            connection.adjust()

    # ----------------------------------------------------------------- paint

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(_ANTIALIASING)
        role, half = self.role, self.half_width
        if self._highlighted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.fill_brush("#ffe28a"))
            painter.drawPath(neuron_shape.body_path(role, half, GLOW))
        ring = None
        if self._connect_state == "allowed":
            ring = style.ALLOWED
        elif self._connect_state == "refused":
            ring = style.REFUSED
        elif self.isSelected():
            ring = style.SELECTED
        if ring is not None:
            painter.setPen(style.outline_pen(ring.name(), 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(neuron_shape.body_path(role, half, 4.0))

        border, fill = style.role_pen_and_brush(role)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawPath(neuron_shape.body_path(role, half))
        if role == "output":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(neuron_shape.body_path(role, half, -3.5))

        # Zoomed far out (a large network fitted to the window) the name, the curve and the
        # bias would be a smudge a pixel or two high: the body alone, in under half the time.
        if option.levelOfDetailFromTransform(painter.worldTransform()) < DETAILS_FROM:
            self._paint_picture(painter)
            return

        painter.setPen(style.TEXT)
        painter.setFont(neuron_shape.font_for(self.name))
        painter.drawText(self.name_rect(), Qt.AlignmentFlag.AlignCenter, self.shown_name)

        self._paint_glyph(painter)
        bias = self.bias_rect()
        bias_text = self.shown_bias_text()
        if bias is not None and bias_text is not None:
            painter.setFont(style.font(BIAS_FONT_SIZE))
            painter.setPen(style.MUTED_TEXT)
            painter.drawText(bias, _BIAS_ALIGN[self.bias_side], bias_text)
        self._paint_picture(painter)

    def _paint_picture(self, painter: QPainter) -> None:
        if self.picture is None:
            return  # asked first: a large network paints a thousand neurons without pictures
        picture = self.picture_rect()
        if picture is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(picture, self.picture)
            painter.setPen(style.outline_pen(style.MUTED_TEXT.name(), 0.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(picture)

    def _paint_glyph(self, painter: QPainter) -> None:
        box = self.glyph_rect()
        if box is None or self.activation is None:
            return
        painter.setPen(style.outline_pen(style.GLYPH.name(), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(activation_glyph.glyph_path(self.activation).translated(box.center()))


@cache
def _bias_metrics() -> QFontMetricsF:
    return QFontMetricsF(style.font(BIAS_FONT_SIZE))


@lru_cache(maxsize=4096)
def _bias_width(text: str) -> float:
    # Measured once per text: every relayout and restyle asks, and the neurons of a network
    # share many of their bias texts ("b 0").
    return _bias_metrics().horizontalAdvance(text)


# Beside the body the bias text keeps close to it; above or below it is centred.
_BIAS_ALIGN = {
    "below": Qt.AlignmentFlag.AlignCenter,
    "above": Qt.AlignmentFlag.AlignCenter,
    "below_right": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "above_right": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "right": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "below_left": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "above_left": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "left": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
}
