"""The reason a connection would be refused, in a small label beside the cursor while dragging.

The status bar says it too, but eyes are on the cursor during a drag. A label on the
viewport (not a scene item) keeps its size at any zoom and never lands in an export.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from playground.gui.canvas import style

# Below and right of the cursor's tip, clear of the arrow's shape.
OFFSET = QPoint(16, 18)
MAX_WIDTH = 360


class RefusalTip(QLabel):
    """Shown while the hovered target would be refused; hidden otherwise."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("refusal_tip")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the reason quotes neuron ids
        self.setWordWrap(True)
        self.setMaximumWidth(MAX_WIDTH)
        # The cursor passes over it while dragging: mouse events belong to the canvas.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            f"QLabel {{ background: #fff4f3; color: #8f1d1d; border: 1px solid {style.REFUSED.name()};"
            " border-radius: 3px; padding: 3px 6px; }"
        )
        self.hide()

    def follow(self, reason: str | None, cursor: QPoint) -> None:
        """Show `reason` beside `cursor` (viewport pixels), or hide when there is none."""
        if not reason:
            self.hide()
            return
        text = self.tr("Cannot connect: {reason}").format(reason=reason)
        if text != self.text():
            self.setText(text)
            # One line where it fits; wrapped labels would otherwise shrink to a narrow column.
            frame = self.sizeHint().width() - self.fontMetrics().horizontalAdvance(text)
            width = min(MAX_WIDTH, self.fontMetrics().horizontalAdvance(text) + max(frame, 16))
            self.resize(width, self.heightForWidth(width))
        area = self.parentWidget().rect()
        spot = cursor + OFFSET
        # Flip to the other side of the cursor rather than run off the canvas's edge; on a
        # narrow canvas, keep it inside (it is still below the cursor, so never under it).
        if spot.x() + self.width() > area.right():
            left = cursor.x() - OFFSET.x() - self.width()
            spot.setX(max(0, min(left, area.right() - self.width())))
        if spot.y() + self.height() > area.bottom():
            spot.setY(max(0, cursor.y() - OFFSET.y() - self.height()))
        self.move(spot)
        self.show()
        self.raise_()
