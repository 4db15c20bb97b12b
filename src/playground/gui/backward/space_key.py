"""Space steps the trace without taking Space+drag panning away from the canvas.

The canvas pans while Space is held and the mouse drags. So Space steps on
its release, and only if no mouse button was pressed while it was down: a tap
steps, a drag pans. In the formula panel, where nothing pans, Space steps at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QWidget


def _is_space(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Space
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
    )


class SpaceStepper(QObject):
    """Watches the view (and other widgets) and calls `step` for a Space tap when `enabled()`."""

    def __init__(
        self, view: QGraphicsView, step: Callable[[], object], enabled: Callable[[], bool]
    ) -> None:
        super().__init__(view)
        self.view = view
        self.viewport = view.viewport()
        self.step = step
        self.enabled = enabled
        self.held = False
        self.dragged = False
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        self.direct: set[QWidget] = set()

    def step_at_once_in(self, widget: QWidget) -> None:
        """In `widget` Space steps on press and does nothing else (no scrolling a page)."""
        self.direct.add(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched in self.direct:
            if kind == QEvent.Type.KeyPress and _is_space(event) and self.enabled():
                if not event.isAutoRepeat():
                    self.step()
                return True
            return False
        if watched is self.viewport:
            if kind == QEvent.Type.MouseButtonPress and self.held:
                self.dragged = True
            return False
        if kind == QEvent.Type.KeyPress and _is_space(event) and not event.isAutoRepeat():
            self.held, self.dragged = True, False
        elif kind == QEvent.Type.KeyRelease and _is_space(event) and not event.isAutoRepeat():
            tapped = self.held and not self.dragged
            self.held = False
            if tapped and self.enabled():
                self.step()
        # Never swallow: the view still needs Space for its pan mode.
        return False
