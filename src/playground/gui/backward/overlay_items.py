"""Scene items the backward overlay adds on top of the editor's: tags of text, glows, the loss.

They belong to the overlay, never to the network: the overlay removes and
rebuilds them at every frame, and they take no mouse clicks, so the editor's
tools work through them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from playground.gui.canvas.connection_lines import area_of, line_edges, rows_of

TAG_Z = 5.0
GLOW_Z = -1.0
PADDING = 4.0


@dataclass(frozen=True)
class TextLine:
    """One line of a tag: its text, point size, colour and weight."""

    text: str
    size: float = 8.0
    colour: str = "#202020"
    bold: bool = False

    def font(self) -> QFont:
        font = QFont()
        font.setPointSizeF(self.size)
        font.setBold(self.bold)
        return font

    @property
    def plain(self) -> str:
        """The line as a reader would type it: subscripts after an underscore, no markup."""
        text = re.sub(r"<sub>(.*?)</sub>", r"_\1", self.text)
        return html.unescape(re.sub(r"<[^>]+>", "", text))

    def document(self) -> QTextDocument:
        """The line laid out once, as rich text so subscripts are real subscripts."""
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(self.font())
        document.setHtml(f'<span style="color:{self.colour}; white-space:pre">{self.text}</span>')
        document.setTextWidth(document.idealWidth())
        return document


# Each line's layout, kept from frame to frame: stepping redraws the same hundreds of pills,
# and laying out their rich text was most of a step's time. Bounded: emptied when full.
_LAID_OUT: dict[TextLine, QTextDocument] = {}
MAX_LAID_OUT = 4000


def laid_out(line: TextLine) -> QTextDocument:
    """`line.document()`, shared by every tag that shows the same line (drawing only reads it)."""
    document = _LAID_OUT.get(line)
    if document is None:
        if len(_LAID_OUT) >= MAX_LAID_OUT:
            _LAID_OUT.clear()
        document = _LAID_OUT[line] = line.document()
    return document


def _passive(item: QGraphicsItem, z: float) -> None:
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)
    item.setZValue(z)


class Tag(QGraphicsRectItem):
    """A rounded box of a few centred lines of text; `pos()` is the box's centre.

    A rectangle item (drawn as its own) for its bounds: Qt asks a tag for them a dozen times a
    step, and from C++ they cost nothing, where Python's `boundingRect` cost a millisecond.
    """

    def __init__(
        self,
        lines: list[TextLine],
        background: str = "#f7ffffff",
        border: str | None = None,
        tooltip: str = "",
        scale: float = 1.0,
    ) -> None:
        super().__init__()
        _passive(self, TAG_Z)
        # A step repaints most of the canvas; a thousand tags then draw from their pictures.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setPen(Qt.PenStyle.NoPen)  # the bounds are the rectangle, no pen's width round it
        self._rect = QRectF()
        self.remake(lines, background, border, tooltip, scale)

    def remake(
        self,
        lines: list[TextLine],
        background: str = "#f7ffffff",
        border: str | None = None,
        tooltip: str = "",
        scale: float = 1.0,
    ) -> None:
        """Show these lines in these colours, as a tag made with them would (see `ItemPool`)."""
        if scale != 1.0:
            lines = [TextLine(x.text, x.size * scale, x.colour, x.bold) for x in lines]
        self.lines = lines
        self.background = QColor(background)
        self.border = QColor(border) if border else None
        self._texts = [laid_out(line) for line in lines]
        self._heights = [t.size().height() for t in self._texts]
        width = max((t.size().width() for t in self._texts), default=0.0)
        height = sum(self._heights)
        rect = QRectF(
            -width / 2 - PADDING, -height / 2 - PADDING / 2, width + 2 * PADDING, height + PADDING
        )
        if rect != self._rect:
            self._rect = rect
            self.setRect(rect.adjusted(-1, -1, 1, 1))  # the bounds, a pixel round the box
        self.setToolTip(tooltip)
        self.update()  # its cached picture shows the old text

    @staticmethod
    def pool_key(
        lines: list[TextLine],
        background: str = "#f7ffffff",
        border: str | None = None,
        tooltip: str = "",
        scale: float = 1.0,
    ) -> tuple:
        """What `ItemPool` tells tags by: their arguments (text lines are frozen, so hashable)."""
        return tuple(lines), background, border, tooltip, scale

    @property
    def text(self) -> str:
        """The tag's lines joined by newlines, as plain text."""
        return "\n".join(line.plain for line in self.lines)

    def size(self) -> QRectF:
        return QRectF(self._rect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.border, 1.2) if self.border else Qt.PenStyle.NoPen)
        painter.setBrush(self.background)
        painter.drawRoundedRect(self._rect, 4, 4)
        y = self._rect.top() + PADDING / 2
        for text, height in zip(self._texts, self._heights):
            painter.save()
            painter.translate(-text.size().width() / 2, y)
            text.drawContents(painter)
            painter.restore()
            y += height


def glow_bounds(line: QLineF, width: float) -> QRectF:
    """The box a glow of `width` along `line` paints in."""
    m = width + 2
    return QRectF(line.p1(), line.p2()).normalized().adjusted(-m, -m, m, m)


def lines_bounds(lines: list[QLineF], widths: list[float]) -> QRectF:
    """The union of each line's `glow_bounds` at its width, found over arrays: a thousand
    QRectF unions took a while. Empty for no line."""
    return area_of(line_edges(rows_of(lines), np.asarray(widths, dtype=float) + 2))


def halo_pen(
    colour: QColor | str, width: float, ends: Qt.PenCapStyle = Qt.PenCapStyle.RoundCap
) -> QPen:
    """The glow's soft wide stroke: its colour at 22 % opacity, round ends unless told."""
    halo = QColor(colour)
    halo.setAlphaF(0.22)
    return QPen(halo, width, Qt.PenStyle.SolidLine, ends)


def paint_halo(
    painter: QPainter,
    line: QLineF,
    colour: QColor | str,
    width: float,
    ends: Qt.PenCapStyle = Qt.PenCapStyle.RoundCap,
) -> None:
    """A glow along `line` (see `halo_pen`)."""
    painter.setPen(halo_pen(colour, width, ends))
    painter.drawLine(line)


class Glow(QGraphicsItem):
    """A wide soft line under a connection: the path the gradient is taking."""

    def __init__(self, line: QLineF, colour: str, width: float) -> None:
        super().__init__()
        self.line = QLineF(line)
        self.colour = QColor(colour)
        self.width = width
        _passive(self, GLOW_Z)
        self._bounds = glow_bounds(line, width)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_halo(painter, self.line, self.colour, self.width)


class Links(QGraphicsItem):
    """Dashed lines from each output's target to the loss node, in one item: a hundred
    outputs made a hundred items to add and paint at every step."""

    def __init__(self, links: list[tuple[QLineF, float]], colour: str) -> None:
        super().__init__()
        self.links = [(QLineF(line), opacity) for line, opacity in links]  # opacity: 1 or faded
        self.colour = QColor(colour)
        _passive(self, GLOW_Z)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._bounds = lines_bounds([line for line, _ in self.links], [0.0] * len(self.links))

    @staticmethod
    def pool_key(links: list[tuple[QLineF, float]], colour: str) -> tuple:
        """What `ItemPool` tells these links by (see `overlay_reuse`)."""
        return colour, tuple((line.x1(), line.y1(), line.x2(), line.y2(), o) for line, o in links)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        core = QPen(self.colour, 1.6, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap)
        halo = halo_pen(self.colour, 0.0)
        # The links of one opacity in two calls, halos then dashes: a hundred outputs' links
        # drawn one by one were 6 ms of a step's paint.
        for opacity in sorted({o for _, o in self.links}, reverse=True):
            lines = [line for line, o in self.links if o == opacity]
            painter.setOpacity(opacity)
            painter.setPen(halo)
            painter.drawLines(lines)
            painter.setPen(core)
            painter.drawLines(lines)
        painter.setOpacity(1.0)


class Glows(QGraphicsItem):
    """Many glows in one item: the current neuron's connections, a thousand at a wide neuron.

    As one item they cost one insertion into the scene, not a thousand, and (cached as a
    picture) nothing while the flow animation's dots move over them.
    """

    def __init__(self, glows: list[tuple[QLineF, str, float]]) -> None:
        super().__init__()
        self.glows = [(QLineF(line), colour, width) for line, colour, width in glows]
        _passive(self, GLOW_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        bounds = lines_bounds([g[0] for g in self.glows], [g[2] for g in self.glows])
        self._bounds = bounds.adjusted(-1, -1, 1, 1) if self.glows else bounds

    @staticmethod
    def pool_key(glows: list[tuple[QLineF, str, float]]) -> tuple:
        """What `ItemPool` tells these glows by (see `overlay_reuse`)."""
        return tuple((g[0].x1(), g[0].y1(), g[0].x2(), g[0].y2(), g[1], g[2]) for g in glows)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        exposed = option.exposedRect
        for line, colour, width in self.glows:
            if exposed.intersects(glow_bounds(line, width)):
                # Square ends: a connection runs border to border, and either end of its
                # glow lies under the neuron (a window grab differs by at most 13 of 255, in
                # a few hundred pixels). Qt's raster engine draws a line with square ends in
                # one pass and strokes a round-ended one as a path: a step's glows zoomed in
                # on the 500-neuron test network took 5.8–6.3 ms to paint round, 2.7–2.9 so.
                paint_halo(painter, line, colour, width, Qt.PenCapStyle.SquareCap)


class Leader(QGraphicsItem):
    """A thin line from a label pushed off its connection back to the connection."""

    def __init__(self, start: QPointF, end: QPointF, colour: str) -> None:
        super().__init__()
        self.line = QLineF(start, end)
        self.colour = QColor(colour)
        _passive(self, TAG_Z - 0.5)  # over the lines, under every label
        self._bounds = QRectF(start, end).normalized().adjusted(-2, -2, 2, 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.colour, 1.0))
        painter.drawLine(self.line)
        painter.setBrush(self.colour)
        painter.drawEllipse(self.line.p2(), 1.8, 1.8)  # a dot where it meets its line


class Ring(QGraphicsItem):
    """A coloured ring around the current neuron, on top of the editor's glow; around a neuron
    widened to fit its name it stretches sideways by as much (`stretch`), as a pill."""

    def __init__(self, centre: QPointF, radius: float, colour: str, stretch: float = 0.0) -> None:
        super().__init__()
        self.radius = radius
        self.stretch = max(0.0, stretch)
        self.colour = QColor(colour)
        _passive(self, 0.5)
        self.setPos(centre)

    def outline(self) -> QRectF:
        r, s = self.radius, self.stretch
        return QRectF(-r - s, -r, 2 * (r + s), 2 * r)

    def boundingRect(self) -> QRectF:
        return self.outline().adjusted(-4, -4, 4, 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.colour, 3.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.outline(), self.radius, self.radius)
