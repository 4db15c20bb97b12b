"""The question at start after a crash: restore, discard or keep for later the work a
session left unsaved (see `playground.gui.recovery`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from playground.gui.recovery import Recovery

RESTORE, DISCARD, LATER = "restore", "discard", "later"


def describe_time(moment: datetime, now: datetime | None = None) -> str:
    """`today at 14:32`, `yesterday at 09:05`, `on 3 March 2026 at 14:32`, in local time."""
    local = moment.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    when = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    clock = QLocale().toString(when.time(), QLocale.FormatType.ShortFormat)
    if local.date() == today:
        return QCoreApplication.translate("Recovery", "today at {time}").format(time=clock)
    if local.date() == today - timedelta(days=1):
        return QCoreApplication.translate("Recovery", "yesterday at {time}").format(time=clock)
    day = QLocale().toString(when.date(), QLocale.FormatType.LongFormat)
    return QCoreApplication.translate("Recovery", "on {date} at {time}").format(
        date=day, time=clock
    )


class RecoveryDialog(QDialog):
    """Restore / Discard / Later for one recovery file; `choice` says which (Later if closed)."""

    def __init__(self, recovery: Recovery, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery = recovery
        self.choice = LATER
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        when = describe_time(recovery.written_at)
        name = recovery.display_name
        file_line = ""
        if recovery.restorable:
            heading = self.tr("Restore your unsaved changes to “{name}”?").format(name=name)
            detail = self.tr(
                "NN Playground closed before you saved them. The last copy was kept {when}."
            ).format(when=when)
            file_line = (
                self.tr("File: {path}").format(path=recovery.original_path)
                if recovery.original_path is not None
                else self.tr("Never saved to a file.")
            )
        else:
            heading = (
                self.tr("Your unsaved changes to “{name}” cannot be restored").format(name=name)
                if name
                else self.tr("A copy of unsaved changes cannot be restored")
            )
            detail = self.tr("The copy kept {when} cannot be read: {reason}").format(
                when=when, reason=recovery.problem
            )
        self.heading = QLabel(heading)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.detail = QLabel(detail)
        # On a line of its own, so a long path wraps by itself rather than mid-sentence.
        self.file_line = QLabel(file_line)
        self.file_line.setVisible(bool(file_line))
        self.file_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self.tr("Later keeps the copy and asks again at the next start."))
        for label in (self.heading, self.detail, self.file_line, self.hint):
            label.setWordWrap(True)
            # Names and paths are the user's text, never markup.
            label.setTextFormat(Qt.TextFormat.PlainText)

        icon = QLabel()
        style_icon = (
            QStyle.StandardPixmap.SP_MessageBoxQuestion
            if recovery.restorable
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        icon.setPixmap(self.style().standardIcon(style_icon).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.buttons = QDialogButtonBox()
        self.restore_button = self._button(
            self.tr("&Restore"),
            QDialogButtonBox.ButtonRole.AcceptRole,
            RESTORE,
            self.tr("Open the changes as an unsaved network"),
        )
        self.discard_button = self._button(
            self.tr("&Discard"),
            QDialogButtonBox.ButtonRole.DestructiveRole,
            DISCARD,
            self.tr("Delete the copy for good"),
        )
        self.later_button = self._button(
            self.tr("&Later"),
            QDialogButtonBox.ButtonRole.RejectRole,
            LATER,
            self.tr("Keep the copy and ask again next time"),
        )
        self.restore_button.setEnabled(recovery.restorable)
        self._first = self.restore_button if recovery.restorable else self.later_button
        self._first.setDefault(True)

        text = QVBoxLayout()
        text.setSpacing(10)
        for label in (self.heading, self.detail, self.file_line):
            text.addWidget(label)
        text.addSpacing(4)
        text.addWidget(self.hint)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(icon)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Qt would focus the first enabled button, Discard when Restore is disabled; a stray
        # Enter or Space must never delete the copy.
        self._first.setFocus()

    def _button(
        self, text: str, role: QDialogButtonBox.ButtonRole, choice: str, tip: str
    ) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
