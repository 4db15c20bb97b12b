"""A one-line editor floating over the canvas: a weight or a label, edited where it is drawn."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class InlineEditor(QLineEdit):
    """Enter (or leaving the field) commits; Escape cancels. `commit` gets the text."""

    def __init__(
        self, parent: QWidget, at: QPoint, text: str, commit: Callable[[str], None]
    ) -> None:
        super().__init__(text, parent)
        self._commit = commit
        self._done = False
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(90)
        self.adjustSize()
        self.move(at.x() - self.width() // 2, at.y() - self.height() // 2)
        self.editingFinished.connect(self._finish)
        self.selectAll()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def cancel(self) -> None:
        self._done = True
        self.hide()
        self.deleteLater()

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        text = self.text()
        self.hide()
        self.deleteLater()
        self._commit(text)
