"""Start the desktop app: one window showing a file, or a bundled example."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from playground.gui.clipboard import release_clipboard
from playground.gui.dialogs.prompts import show_error
from playground.gui.file_actions import default_example_path
from playground.gui.main_window import MainWindow
from playground.model.errors import PlaygroundError

ORGANISATION = "NN Playground"
APPLICATION = "NN Playground"


def application() -> QApplication:
    """The QApplication, created once, named so QSettings finds this app's settings."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.aboutToQuit.connect(release_clipboard)
    return app


def open_start(window: MainWindow, path: str | None) -> None:
    """Open `path`, else (or when it cannot be opened) the default example."""
    if path is not None and window.files.open_path(path, ask=False):
        return
    example = default_example_path()
    if example is not None:
        try:
            window.document.open(example, remember_path=False)
            return
        except PlaygroundError as problem:
            show_error(window, "Cannot open the example", str(problem))
    # No example to show (a broken install): still never a blank canvas.
    window.files.new()


def run_app(path: str | None) -> int:
    """Show the main window with `path` (or a bundled example) and run until it closes."""
    app = application()
    window = MainWindow()
    window.show()
    open_start(window, path)
    return app.exec()
