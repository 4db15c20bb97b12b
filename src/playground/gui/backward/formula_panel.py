"""The formula panel: the current frame's chain rule as rich text, every number's full value on hover.

Rich text keeps formulas sharp at any size: presentation mode only changes the
base font. A number's tooltip is its span's title ("∂L/∂z_h1 = 0.00877…"),
found under the mouse through the document layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QHelpEvent, QTextOption
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from playground.engine.backward_stepper import Trace
from playground.engine.minibatch import MinibatchTrace
from playground.gui.backward.formula_html import NeuronFormulas
from playground.gui.backward.forward_html import ForwardFormulas
from playground.gui.backward.frames import APPLIED, FORWARD, FORWARD_STEP, MEAN, NEURON, Frame
from playground.gui.backward.minibatch_html import MeanFormulas
from playground.gui.backward.summary_html import SummaryFormulas
from playground.model.network import Network

NORMAL_POINT_SIZE = 10.5
PRESENTATION_POINT_SIZE = 16.0


def frame_html(
    network: Network,
    trace: Trace,
    frame: Frame,
    digits: int,
    sample: str,
    columns: bool = False,
    minibatch: MinibatchTrace | None = None,
) -> str:
    """The rich text of one frame (shared by the panel and the HTML export); `columns` for a wide panel.

    In a minibatch, `trace` is the frame's sample's own trace, or for the mean and update
    frames the minibatch's (its mean gradients and loss, see `trace_session.mean_trace`).
    """
    if frame.kind == MEAN and minibatch is not None:
        return MeanFormulas(network, minibatch, digits).html(columns)
    if frame.kind == NEURON:
        return NeuronFormulas(network, trace, digits).html(frame, columns)
    if frame.kind == FORWARD_STEP:
        return ForwardFormulas(network, trace, digits).html(frame, columns)
    batch_size = len(minibatch.samples) if minibatch is not None else 0
    summary = SummaryFormulas(network, trace, digits, batch_size=batch_size)
    if frame.kind == FORWARD:
        first = trace.steps[0].neuron if trace.steps else None
        return summary.forward(f"Sample: {sample}", first, columns)
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
        self.setHtml(body)
        self.verticalScrollBar().setValue(scroll)

    def show_message(self, text: str) -> None:
        self.body = ""
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
