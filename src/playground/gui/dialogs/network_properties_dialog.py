"""Network ▸ Properties…: the network's name and description, saved with it in its file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from playground.model.network import UNTITLED, name_refusal

if TYPE_CHECKING:
    from playground.gui.document import Document


class NetworkPropertiesDialog(QDialog):
    """Edits a name and a description; OK stays disabled while the model refuses the name."""

    def __init__(self, name: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Network Properties"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setToolTip(
            self.tr("Shown in the window title and saved in the file; not the file's name")
        )
        self.description_edit = QPlainTextEdit(description)
        self.description_edit.setPlaceholderText(
            self.tr("What the network is for, where its numbers come from…")
        )
        self.description_edit.setTabChangesFocus(True)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c0392b")
        self.problem.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._check)
        self.resize(460, 260)
        self._check()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def description(self) -> str:
        return self.description_edit.toPlainText()

    def _check(self) -> None:
        """Say at once why a name cannot be used (the model's reason), and keep OK disabled."""
        reason = name_refusal(self.name())
        self.problem.setText(
            self.tr("The name cannot be used: {reason}.").format(reason=reason) if reason else ""
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(reason is None)


def edit_network_properties(parent: QWidget, document: Document) -> bool:
    """Ask for the name and description; OK changes both in one undo step."""
    network = document.network
    dialog = NetworkPropertiesDialog(document.display_name, network.description, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    name = dialog.name()
    if network.name == UNTITLED and name == document.display_name:
        name = UNTITLED  # the placeholder shown in the user's language, left as it was
    # OK is enabled only for a name the model takes, so this is not refused.
    document.set_properties(name, dialog.description())
    return True
