"""The small questions and warnings: unsaved changes, a file that cannot be opened.

Their text often holds words from a file (a network's name, a neuron id, a path, the
loader's message quoting the file). A message box guesses whether its text is rich text,
and a file could then bold, hide or link its words (the box even opens links). So every
text here is shown literally: escaped into rich text that can only show what it says.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def literal_rich_text(text: str) -> str:
    """`text` as rich text that shows exactly as written: no tag, entity or link in it acts.

    For the places Qt decides on its own whether text is rich (message boxes, tooltips):
    the paragraph makes the choice certain, the escaping makes the text inert, and
    pre-wrap keeps its line breaks and spaces.
    """
    return f'<p style="white-space: pre-wrap">{html.escape(text, quote=False)}</p>'


# Called by its Qt name so that pyside6-lupdate finds every string.
translate = QCoreApplication.translate


def ask_unsaved_changes(parent: QWidget, name: str, doing: str) -> str:
    """Save / Discard / Cancel before `doing` (e.g. "opening another file")."""
    question = translate(
        "Prompts", "“{name}” has unsaved changes.\nSave them before {doing}?"
    ).format(name=name, doing=doing)
    answer = QMessageBox.question(
        parent,
        translate("Prompts", "Unsaved changes"),
        literal_rich_text(question),
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
    """A user-readable error (the loader's message), never a traceback; shown literally."""
    QMessageBox.critical(parent, title, literal_rich_text(message))
