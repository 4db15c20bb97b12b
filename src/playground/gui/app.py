"""Start the desktop app: one window showing a file, or a bundled example."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from playground import __version__
from playground.gui.clipboard import release_clipboard
from playground.gui.dialogs.prompts import show_error
from playground.gui.file_actions import default_example_path
from playground.gui.i18n import chosen_language, install_language
from playground.gui.main_window import MainWindow
from playground.gui.recovery import offer_leftovers
from playground.model.errors import PlaygroundError
from playground.model.examples import resources_folder

ORGANISATION = "NN Playground"
APPLICATION = "NN Playground"
# How long `--smoke` waits for the window's first paint before it calls the start a failure.
SMOKE_TIMEOUT_MS = 60_000


def application() -> QApplication:
    """The QApplication, created once, named so QSettings finds this app's settings."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    # Before any window exists: every widget takes its words from the translators when built.
    install_language(chosen_language())
    app.aboutToQuit.connect(release_clipboard)
    return app


def application_icon() -> QIcon:
    """The app's icon, for the window, the task bar and the About box."""
    return QIcon(str(resources_folder() / "icons" / "playground.svg"))


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
            title = QApplication.translate("App", "Cannot open the example")
            show_error(window, title, str(problem))
    # No example to show (a broken install): still never a blank canvas.
    window.files.new()


def run_app(path: str | None, smoke: bool = False) -> int:
    """Show the main window with `path` (or a bundled example) and run until it closes.

    With `smoke`, quit as soon as the canvas has painted once: status 0 and one line on
    stdout, or status 1 when it never paints.
    """
    app = application()
    window = MainWindow()
    if smoke:
        watcher = FirstPaint(window)
        window.view.viewport().installEventFilter(watcher)
    window.show()
    open_start(window, path)
    if not smoke:
        # Work a crashed session left; a smoke run never waits on a question.
        offer_leftovers(window)
    status = app.exec()
    if smoke:
        return watcher.report()
    return status


class FirstPaint(QObject):
    """Ends the event loop at the canvas's first paint, or after SMOKE_TIMEOUT_MS without one.

    `QApplication.exit` rather than closing the window, so a smoke run never writes the
    user's saved window layout."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: QApplication.exit(1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            # Let this paint finish before the loop ends.
            QTimer.singleShot(0, lambda: QApplication.exit(0))
        return False

    def report(self) -> int:
        network = self.window.document.network
        if not self.painted:
            print(
                f"NN Playground {__version__}: the main window did not paint "
                f"within {SMOKE_TIMEOUT_MS // 1000} s",
                file=sys.stderr,
            )
            return 1
        print(
            f"NN Playground {__version__}: the main window opened and painted "
            f"“{self.window.document.display_name}” ({len(network.neurons)} neurons, "
            f"{len(network.connections)} connections) on the {QApplication.platformName()} platform"
        )
        return 0
