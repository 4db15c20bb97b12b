"""The formula panel: the current frame's chain rule as rich text, every number's full value on hover.

Rich text keeps formulas sharp at any size: presentation mode only changes the
base font. A number's tooltip is its span's title ("∂L/∂z_h1 = 0.00877…"),
found under the mouse through the document layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRegularExpression, Qt, QUrl
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent, QResizeEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from playground.engine.backward_stepper import Trace
from playground.engine.minibatch import MinibatchTrace
from playground.engine.notation import NEURON_NAMES
from playground.gui.backward.frame_texts import FrameTexts, frame_html
from playground.gui.backward.frames import DERIVATIVE, GRADIENTS, NEURON, Frame
from playground.gui.backward.summary_html import MORE_ROWS
from playground.model.network import Network

# `frame_html` moved to `frame_texts`; imported from here by the export and older code.
__all__ = ["FormulaPanel", "frame_html", "new_part_title"]

NORMAL_POINT_SIZE = 10.5
PRESENTATION_POINT_SIZE = 16.0
TOP_MARGIN = 4  # pixels left above a part scrolled to the top, so its title is not cramped
# A forward step's two parts stand side by side in a panel this many of the text's average
# characters wide; narrower, each would wrap its sum term by term, so they stand one under
# the other (in the usual dock under the canvas they stand side by side).
BESIDE_CHARACTERS = 70


def new_part_title(frame: Frame | None) -> QRegularExpression | None:
    """The title of the part a detailed sub-step adds ("2 · …", "3 · …"); None when the whole
    frame is new and its top is the place to show."""
    if frame is not None and frame.kind == NEURON and frame.phase in (DERIVATIVE, GRADIENTS):
        return QRegularExpression(f"^{frame.phase} · ")
    return None


class FormulaPanel(QTextBrowser):
    """Read-only rich text of the current frame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formula_panel")
        self.setOpenLinks(False)
        self.setReadOnly(True)
        # Break lines between words only: a number split over two lines cannot be read.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.body = ""
        self.frame: Frame | None = None  # the frame shown, to tell a new step from a redraw
        self.columns = False  # parts side by side, when the panel is wide and low
        self.beside = True  # a forward step's two parts side by side (see `_room_beside`)
        self.texts = FrameTexts()  # the pages of the trace's frames, each written once
        self._shown: tuple = ()  # what `show_trace_frame` showed last, to show it again
        self._replacing = False  # True while a new text is set (see `_set_html`)
        self.anchorClicked.connect(self._follow_link)
        self.set_point_size(NORMAL_POINT_SIZE)

    def set_point_size(self, points: float) -> None:
        """The base font size: everything in the panel scales with it."""
        font = QFont(self.font())
        font.setPointSizeF(points)
        self.document().setDefaultFont(font)
        self._fit_scroll_bar()
        self._follow_width()

    def show_trace_frame(
        self,
        network: Network,
        trace: Trace,
        frame: Frame,
        digits: int,
        sample: str,
        minibatch: MinibatchTrace | None = None,
        notation: str = NEURON_NAMES,
    ) -> None:
        """Show a frame of a trace (`frame_texts.frame_html`), its page written once per trace."""
        self._shown = (network, trace, frame, digits, sample, minibatch, notation)
        self._show_kept()

    def _show_kept(self) -> None:
        network, trace, frame, digits, sample, minibatch, notation = self._shown
        self.beside = self._room_beside()
        body = self.texts.html(
            network, trace, frame, digits, sample, self.columns, minibatch, notation, self.beside
        )
        self.show_frame(body, frame)

    def _room_beside(self) -> bool:
        """Whether the panel is wide enough for two parts side by side (`BESIDE_CHARACTERS`).
        The widget's width, not the text's: a scroll bar coming or going changes nothing."""
        average = QFontMetricsF(self.document().defaultFont()).averageCharWidth()
        return self.width() >= BESIDE_CHARACTERS * average

    def _follow_width(self) -> None:
        """Write the frame again if the panel's width (or its font) now calls for the other
        layout of a forward step's parts."""
        if self._shown and self._room_beside() != self.beside:
            self._show_kept()

    def _follow_link(self, url: QUrl) -> None:
        """The link under a long table: the same frame again with more of its rows."""
        if url.fragment() == MORE_ROWS and self._shown:
            self.texts.more_rows = True
            self._show_kept()

    def show_html(self, body: str) -> None:
        """Replace the contents, keeping the reader's scroll position when the frame grows."""
        if body == self.body:
            return  # a redraw of the same text: laying it out again changes nothing
        scroll = self.verticalScrollBar().value()
        self.body = body
        self._set_html(body)
        self.verticalScrollBar().setValue(scroll)

    def show_frame(self, body: str, frame: Frame) -> None:
        """Show a frame's text; a new frame scrolls its new part into sight, a redraw stays put."""
        if frame == self.frame:
            self.show_html(body)
            return
        self.frame = frame
        self.body = body
        self._set_html(body)
        self.scroll_to_new_part()

    def _set_html(self, body: str) -> None:
        # Laid out with the scroll bar shown: most frames are taller than the panel, and a
        # bar that appeared only once the text turned out too tall made Qt lay it all out
        # again, narrower (twice the time: 15 ms for a neuron of a 10k network). A text that
        # fits gives the room back; it is short, so laying it out again costs little.
        self._replacing = True  # the bar shown resizes the viewport: not a resize to fit
        try:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            self.setHtml(body)
        finally:
            self._replacing = False
        self._fit_scroll_bar()

    def _fit_scroll_bar(self) -> None:
        """Hide a scroll bar kept on for a text that fits (after a new text, a resize, a font)."""
        if self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn and self._fits():
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def _fits(self) -> bool:
        """Whether the whole text is laid out and ends within the panel.

        Asked from what Qt has laid out so far: a long text is laid out down to the panel's
        bottom first and the rest later, and the scroll bar's range follows only then.
        """
        document = self.document()
        last = document.lastBlock()
        layout = last.layout()
        if layout is None or layout.lineCount() == 0:
            return False  # not laid out yet: the text goes on below the panel
        rect = document.documentLayout().blockBoundingRect(last)
        return rect.bottom() + document.documentMargin() <= self.viewport().height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._replacing:
            self._fit_scroll_bar()  # a taller panel may hold the whole text now
            self._follow_width()

    def new_part_cursor(self) -> QTextCursor | None:
        """Where the current frame's new part begins, or None when it is the whole text."""
        title = new_part_title(self.frame)
        if title is None:
            return None
        cursor = self.document().find(title)
        return None if cursor.isNull() else cursor

    def scroll_to_new_part(self) -> None:
        """Scroll so the new part starts in sight and as much of it as fits is shown.

        A whole new frame starts at the top. A detailed sub-step's part is added below the
        faded earlier parts: scroll just far enough to show it to its end, but never past its
        title, so the earlier parts stay in sight where there is room.
        """
        bar = self.verticalScrollBar()
        bar.setValue(0)
        cursor = self.new_part_cursor()
        if cursor is None:
            return
        self.document().documentLayout().documentSize()  # laid out, so the scroll range is final
        title_top = self.cursorRect(cursor).top() - TOP_MARGIN
        to_the_end = bar.maximum()
        bar.setValue(max(0, min(title_top, to_the_end)))

    def show_message(self, text: str) -> None:
        self.body = ""
        self.frame = None
        self._shown = ()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setPlainText(text)

    # ----------------------------------------------------------------- tooltips

    def tooltip_at(self, point: QPoint) -> str:
        """The title of the number under `point` (viewport coordinates), or ""."""
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        position = (
            self.document()
            .documentLayout()
            .hitTest(QPointF(point) + offset, Qt.HitTestAccuracy.ExactHit)
        )
        if position < 0:
            return ""
        block = self.document().findBlock(position)
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.contains(position):
                return fragment.charFormat().toolTip()
            fragments += 1
        return ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event
            text = self.tooltip_at(help_event.pos())
            if text:
                QToolTip.showText(help_event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)
