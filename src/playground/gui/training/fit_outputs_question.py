"""The question asked when a loss needs sigmoid outputs: change them too, as one undo step?"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_fit_outputs(parent: QWidget, outputs: list[str], reason: str) -> bool:
    """Ask whether to make `outputs` sigmoid for binary cross-entropy; True if the user agrees."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(
        QCoreApplication.translate("TrainingDock", "Binary cross-entropy needs sigmoid outputs")
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    # Plain text throughout: the reason and the question name neurons from the file.
    question = QCoreApplication.translate(
        "TrainingDock", "Make {outputs} sigmoid and use binary cross-entropy, as one undo step?"
    ).format(outputs=", ".join(outputs))
    box.setText(
        QCoreApplication.translate("TrainingDock", "{reason}.\n\n{question}").format(
            reason=reason[0].upper() + reason[1:], question=question
        )
    )
    fit = box.addButton(
        QCoreApplication.translate("TrainingDock", "Make Outputs Sigmoid"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(fit)
    box.exec()
    return box.clickedButton() is fit
