"""The key to the overlay's colours, in the canvas's bottom-left corner while a trace is shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QGraphicsView, QLabel

from playground.gui.backward.forward_html import FORWARD_COLOUR
from playground.gui.backward.math_html import GRADIENT_NEGATIVE, GRADIENT_POSITIVE

MARGIN = 10
NARROWEST = 160  # the legend is never wrapped narrower than this, however narrow the view


def legend_html(scale: float = 1.0, forward: bool = True, zoom_hint: bool = False) -> str:
    """The legend's rich text (also painted into exported pictures); `forward` adds the forward
    steps' colour, `zoom_hint` a line saying the numbers show once the canvas is zoomed in."""
    bar = "<span style='color:{};'>&#9644;&#9644;</span>"
    size = f"{9 * scale:.1f}pt"
    title = QCoreApplication.translate("GradientLegend", "Forward")
    words = QCoreApplication.translate(
        "GradientLegend", "w · y into the current neuron, which then shows its z and y"
    )
    gradient = QCoreApplication.translate(
        "GradientLegend",
        "<b>Gradient</b> &nbsp;{positive_bar} positive &nbsp;{negative_bar} negative &nbsp;"
        "· wider = larger |value|<br>{ring} current neuron &nbsp;· "
        "pill: its ∂L/∂z once done &nbsp;· faded: not reached yet",
    ).format(
        positive_bar=bar.format(GRADIENT_POSITIVE),
        negative_bar=bar.format(GRADIENT_NEGATIVE),
        ring="<span style='color:#d98c00'>&#9711;</span>",
    )
    hint = QCoreApplication.translate(
        "GradientLegend",
        "Zoom in to see the numbers on the canvas; the formula panel shows them all.",
    )
    return (
        f"<div style='font-size:{size}'>{gradient}"
        + (f"<br><b>{title}</b> &nbsp;{bar.format(FORWARD_COLOUR)} {words}" if forward else "")
        + (f"<br><i>{hint}</i>" if zoom_hint else "")
        + "</div>"
    )


class GradientLegend(QLabel):
    """A translucent label pinned to the view's bottom-left corner; clicks pass through it."""

    def __init__(self, view: QGraphicsView) -> None:
        # A child of the view, not of its viewport: the viewport scrolls its children when it pans.
        super().__init__(view)
        self.view = view
        self.scale = 1.0
        self.forward = True  # the forward steps' colour is explained while they are on
        self.zoom_hint = False  # while the canvas is too far out for the overlay's numbers
        self.setObjectName("gradient_legend")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "QLabel { background: rgba(255, 255, 255, 225); border: 1px solid #c8c8c8;"
            " border-radius: 4px; padding: 4px 8px; color: #303030; }"
        )
        self.set_scale(1.0)
        view.installEventFilter(self)
        self.hide()

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.setText(legend_html(scale, self.forward, self.zoom_hint))
        self.place()

    def set_forward(self, forward: bool) -> None:
        """Explain the forward steps' colour too (or not, while they are off)."""
        if forward != self.forward:
            self.forward = forward
            self.set_scale(self.scale)

    def set_zoom_hint(self, shown: bool) -> None:
        """Say that zooming in shows the numbers (or stop saying it)."""
        if shown != self.zoom_hint:
            self.zoom_hint = shown
            self.set_scale(self.scale)

    def place(self) -> None:
        """In the view's bottom-left corner, a line of text for each of its lines; where the
        view is narrower than those (presentation mode's larger text beside its formulas), its
        lines wrap to the view's width rather than run past its edge."""
        # The view's contents rectangle is already the new size when its Resize event arrives.
        area = self.view.contentsRect()
        room = max(NARROWEST, area.width() - 2 * MARGIN)
        self.setWordWrap(False)
        natural = self.sizeHint()
        if natural.width() <= room:
            self.resize(natural)
        else:
            self.setWordWrap(True)
            self.resize(room, self.heightForWidth(room))
        self.move(area.left() + MARGIN, area.bottom() - self.height() - MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False
