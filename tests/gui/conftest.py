"""GUI tests run on the offscreen platform, each with its own settings file."""

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings in a temporary ini folder, so tests never share window state or recent files."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def isolated_app_data(tmp_path, monkeypatch):
    """The app-data folder (recovery files) under tmp_path, never the user's own.

    On Linux Qt reads XDG_DATA_HOME at each call, and a subprocess inherits it; elsewhere
    the recovery folder itself is redirected. (QStandardPaths' test mode would still write
    under the real home folder.)
    """
    from playground.gui import recovery

    data = tmp_path / "app-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    if not recovery.recovery_folder().is_relative_to(data):
        monkeypatch.setattr(recovery, "recovery_folder", lambda: data / "recovery")
    yield data


@pytest.fixture
def two_two_two():
    """The bundled 2-2-2 example, as the installed package ships it."""
    from playground.model.examples import example_path
    from playground.model.network_file import load_network

    return load_network(example_path("two_two_two"))


@pytest.fixture
def window(qtbot, two_two_two):
    """A main window at 1400×900 showing the 2-2-2 example, nothing unsaved."""
    from playground.gui.main_window import MainWindow

    main = MainWindow()
    # Not qtbot.addWidget: pytest-qt would close the window before this fixture's
    # teardown, and a window with unsaved changes asks a question nobody answers.
    main.document.replace(two_two_two)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    # Only changes made by the test itself count as unsaved at the end.
    main.document.undo_stack.setClean()
    yield main
    # Closing must not stop at the unsaved-changes question.
    main.document.undo_stack.setClean()
    main.close()
    main.deleteLater()
    # The window's Qt objects deleted and its Python garbage collected now, while no other
    # window is being built. Left to a collection that came by itself, it was sometimes freed
    # in the middle of the next test's window construction and the interpreter crashed; a
    # network's objects frozen out of the collector's walks (canvas/long_lived.py) stay out
    # until the next build, so they are handed back first.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.unfreeze()
    gc.collect()


@pytest.fixture(autouse=True)
def no_unexpected_questions(monkeypatch):
    """A message box nobody answers would hang the run: unexpected ones fail instead."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards(qapp):
    """Copied neurons left on the clipboard crash PySide6 when the application ends."""
    yield
    from playground.gui.clipboard import release_clipboard

    release_clipboard()
