"""The small questions and warnings: unsaved changes, a file that cannot be opened."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved_changes(parent: QWidget, name: str, doing: str) -> str:
    """Save / Discard / Cancel before `doing` (e.g. "opening another file")."""
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"“{name}” has unsaved changes.\nSave them before {doing}?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def show_error(parent: QWidget, title: str, message: str) -> None:
    """A user-readable error (the loader's message), never a traceback."""
    QMessageBox.critical(parent, title, message)
