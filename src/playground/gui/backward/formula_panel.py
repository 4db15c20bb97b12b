"""The formula panel: the current frame's chain rule as rich text, every number's full value on hover.

Rich text keeps formulas sharp at any size: presentation mode only changes the
base font. A number's tooltip is its span's title ("∂L/∂z_h1 = 0.00877…"),
found under the mouse through the document layout.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRegularExpression, Qt
from PySide6.QtGui import QFont, QHelpEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from playground.engine.backward_stepper import Trace
from playground.engine.minibatch import MinibatchTrace
from playground.engine.notation import NEURON_NAMES
from playground.gui.backward.formula_html import NeuronFormulas
from playground.gui.backward.forward_html import ForwardFormulas
from playground.gui.backward.frames import (
    APPLIED,
    DERIVATIVE,
    FORWARD,
    FORWARD_STEP,
    GRADIENTS,
    MEAN,
    NEURON,
    Frame,
)
from playground.gui.backward.minibatch_html import MeanFormulas
from playground.gui.backward.summary_html import SummaryFormulas
from playground.model.network import Network

NORMAL_POINT_SIZE = 10.5
PRESENTATION_POINT_SIZE = 16.0
# Characters of HTML past which the text is taller than any panel (about 80 rows of a table).
ALWAYS_SCROLLS_FROM = 40_000
TOP_MARGIN = 4  # pixels left above a part scrolled to the top, so its title is not cramped


def new_part_title(frame: Frame | None) -> QRegularExpression | None:
    """The title of the part a detailed sub-step adds ("2 · …", "3 · …"); None when the whole
    frame is new and its top is the place to show."""
    if frame is not None and frame.kind == NEURON and frame.phase in (DERIVATIVE, GRADIENTS):
        return QRegularExpression(f"^{frame.phase} · ")
    return None


def frame_html(
    network: Network,
    trace: Trace,
    frame: Frame,
    digits: int,
    sample: str,
    columns: bool = False,
    minibatch: MinibatchTrace | None = None,
    notation: str = NEURON_NAMES,
    every_term: bool = False,
) -> str:
    """The rich text of one frame (shared by the panel and the HTML export); `columns` for a wide panel.

    A neuron's long sums and many weights are written in part unless `every_term` (the export).

    In a minibatch, `trace` is the frame's sample's own trace, or for the mean and update
    frames the minibatch's (its mean gradients and loss, see `mean_trace.mean_trace`).
    `notation` names the neurons of a neuron's own frame (`engine.notation`).
    """
    if frame.kind == MEAN and minibatch is not None:
        return MeanFormulas(network, minibatch, digits).html(columns)
    if frame.kind == NEURON:
        return NeuronFormulas(network, trace, digits, notation, every_term).html(frame, columns)
    if frame.kind == FORWARD_STEP:
        return ForwardFormulas(network, trace, digits, notation).html(frame, columns)
    batch_size = len(minibatch.samples) if minibatch is not None else 0
    summary = SummaryFormulas(network, trace, digits, batch_size=batch_size)
    if frame.kind == FORWARD:
        first = trace.steps[0].neuron if trace.steps else None
        heading = QCoreApplication.translate("FormulaPanel", "Sample: {sample}")
        return summary.forward(heading.format(sample=sample), first, columns)
    return summary.update(applied=frame.kind == APPLIED, columns=columns)


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
        self.set_point_size(NORMAL_POINT_SIZE)

    def set_point_size(self, points: float) -> None:
        """The base font size: everything in the panel scales with it."""
        font = QFont(self.font())
        font.setPointSizeF(points)
        self.document().setDefaultFont(font)

    def show_html(self, body: str) -> None:
        """Replace the contents, keeping the reader's scroll position when the frame grows."""
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
        # A text this long always scrolls. With its scroll bar shown from the start Qt lays the
        # text out once; shown only once the text turned out too tall, the narrower text was laid
        # out again (the update's table of 250 rows: 100 ms instead of 60).
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn
            if len(body) > ALWAYS_SCROLLS_FROM
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if policy != self.verticalScrollBarPolicy():
            self.setVerticalScrollBarPolicy(policy)
        self.setHtml(body)

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
