"""A line of text that changes many times a second without relaying out the window.

A QLabel asks its layout to recompute on every new text, and inside a dock
that reaches the main window, which then repaints whole: at 30 frames a
second that costs more than the training it reports. This widget keeps a
fixed height (a given number of lines) and repaints only itself.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QWidget


def _lines_height(font: QFont, lines: int) -> int:
    """The height of `lines` lines of text as the label lays them out. Measured on a sample with
    Chinese in it: a CJK fallback font is taller than the Latin font's line spacing says."""
    sample = QTextDocument()
    sample.setDocumentMargin(0)
    sample.setDefaultFont(font)
    sample.setHtml("<br>".join(["Ág<b>國Ág</b>"] * lines))
    return max(math.ceil(sample.size().height()), QFontMetrics(font).lineSpacing() * lines)


class LiveLabel(QWidget):
    """Rich text in a box of fixed height that wraps to the widget's width."""

    def __init__(
        self, lines: int = 1, font: QFont | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if font is not None:
            self.setFont(font)
        self._document = QTextDocument()
        self._document.setDocumentMargin(0)
        self._document.setDefaultFont(self.font())
        self._html = ""
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # It paints its own background, so a new text does not repaint the dock and window behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedHeight(_lines_height(self.font(), lines) + 4)

    def sizeHint(self) -> QSize:
        return QSize(120, self.height())

    def text(self) -> str:
        """The text shown, without markup."""
        return self._document.toPlainText()

    def setText(self, html: str) -> None:
        if html != self._html:
            self._html = html
            self._document.setHtml(html)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        self._document.setTextWidth(self.width())
        self._document.drawContents(painter)
