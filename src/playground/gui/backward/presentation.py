"""Presentation mode (F5): only the canvas and the formulas, full screen, large type; Esc leaves.

Everything the mode hides or changes is remembered on entering and given back
on leaving: the dock layout, the menu, tool and status bars, the window's
full-screen state and the canvas's zoom.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

from playground.gui.backward.backward_dock import BackwardDock
from playground.gui.backward.formula_panel import NORMAL_POINT_SIZE, PRESENTATION_POINT_SIZE

FORMULA_SHARE = 0.42  # of the screen's width, for the formula panel at the side
FORMULA_BELOW_SHARE = 0.45  # of its height, for the formula panel below the canvas


class PresentationMode(QObject):
    """Enters and leaves presentation mode for one main window."""

    changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        dock: QDockWidget,
        panel: BackwardDock,
        fit: Callable[[], None],
        content: Callable[[], QRectF],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.dock = dock
        self.panel = panel
        self.fit = fit
        self.content = content  # the scene rectangle the canvas must show
        self.below = False  # formulas under the canvas (wide networks) rather than beside it
        self.active = False
        self._state = QByteArray()
        self._bars: list[tuple[QWidget, bool]] = []
        self._was_full_screen = False
        self._was_maximized = False
        self._view: tuple[QTransform, QPointF] | None = None
        self._title_bar: QWidget | None = None

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        self.active = True
        self._state = window.saveState()
        self._was_full_screen = window.isFullScreen()
        self._was_maximized = window.isMaximized()
        view = window.view
        self._view = (view.transform(), view.mapToScene(view.viewport().rect().center()))
        bars: list[QWidget] = [window.menuBar(), window.statusBar()]
        bars += window.findChildren(QToolBar)
        bars += [d for d in window.findChildren(QDockWidget) if d is not self.dock]
        self._bars = [(bar, bar.isVisible()) for bar in bars]
        for bar, _ in self._bars:
            bar.hide()
        self.dock.show()
        self.dock.raise_()
        self._title_bar = self.dock.titleBarWidget()
        self.dock.setTitleBarWidget(QWidget())
        self.panel.set_presentation(True)
        self.panel.formula.set_point_size(PRESENTATION_POINT_SIZE)
        window.showFullScreen()
        self.below = self._wide_content()
        self.panel.formula.columns = self.below
        area = (
            Qt.DockWidgetArea.BottomDockWidgetArea
            if self.below
            else Qt.DockWidgetArea.RightDockWidgetArea
        )
        window.addDockWidget(area, self.dock)
        window.view.viewport().installEventFilter(self)
        self._share_width()
        self.changed.emit(True)
        # Fit once the full-screen layout has settled.
        QTimer.singleShot(0, self._share_width)

    def leave(self) -> None:
        if not self.active:
            return
        window = self.window
        self.active = False
        self.window.view.viewport().removeEventFilter(self)
        self.panel.formula.columns = False
        self.panel.set_presentation(False)
        self.panel.formula.set_point_size(NORMAL_POINT_SIZE)
        self.dock.setTitleBarWidget(self._title_bar)
        for bar, visible in self._bars:
            if not isinstance(bar, (QDockWidget, QToolBar)):
                bar.setVisible(visible)
        if not self._was_full_screen:
            window.showMaximized() if self._was_maximized else window.showNormal()
        window.restoreState(self._state)
        if self._view is not None:
            transform, centre = self._view
            window.view.setTransform(transform)
            window.view.centerOn(centre)
        self.changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The full-screen size arrives after showFullScreen returns: fit again when it does.
        if self.active and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.fit)
        return False

    def _wide_content(self) -> bool:
        """Whether the canvas shows the network larger with the formulas below it than beside it."""
        screen = self.window.screen()
        size = screen.geometry().size() if screen is not None else self.window.size()
        rect = self.content()
        width, height = max(rect.width(), 1.0), max(rect.height(), 1.0)
        beside = min(size.width() * (1 - FORMULA_SHARE) / width, size.height() / height)
        below = min(size.width() / width, size.height() * (1 - FORMULA_BELOW_SHARE) / height)
        return below > beside

    def _share_width(self) -> None:
        if not self.active:
            return
        if self.below:
            height = int(self.window.height() * FORMULA_BELOW_SHARE)
            self.window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)
        else:
            width = int(self.window.width() * FORMULA_SHARE)
            self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        self.fit()
