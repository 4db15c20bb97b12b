"""Predict, then reveal: the question box above the formula panel (a line edit, Check and Hint)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NORMAL_POINT_SIZE = 11.0
PRESENTATION_POINT_SIZE = 18.0


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    # Neuron names and formulas are shown as written, never read as markup.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PracticeBox(QFrame):
    """The widgets only; PracticeMode asks the question, judges the answer and keeps the score."""

    check_requested = Signal()
    hint_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practice_box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = _label("practice_question")
        self.answer_edit = QLineEdit()
        self.answer_edit.setObjectName("practice_answer")
        self.answer_edit.setPlaceholderText(self.tr("Your prediction"))
        self.answer_edit.setClearButtonEnabled(True)
        self.answer_edit.returnPressed.connect(self.check_requested)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("practice_check")
        self.check_button.setToolTip(self.tr("Check your prediction and show the worked formula"))
        self.check_button.clicked.connect(self.check_requested)
        self.hint_button = QPushButton(self.tr("Hint"))
        self.hint_button.setObjectName("practice_hint")
        self.hint_button.setToolTip(self.tr("Show the formula with its numbers, not the result"))
        self.hint_button.clicked.connect(self.hint_requested)
        entry = QHBoxLayout()
        entry.addWidget(self.answer_edit, 1)
        entry.addWidget(self.check_button)
        entry.addWidget(self.hint_button)
        self.hint = _label("practice_hint_text")
        self.verdict = _label("practice_verdict")
        self.score = _label("practice_score")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.question)
        layout.addLayout(entry)
        layout.addWidget(self.hint)
        layout.addWidget(self.verdict)
        layout.addWidget(self.score)
        layout.addStretch(1)
        self.set_presentation(False)

    def ask(self, question: str) -> None:
        """A new question: an empty line edit, ready to type into."""
        self.question.setText(question)
        self.answer_edit.clear()
        self.answer_edit.setEnabled(True)
        self.check_button.setEnabled(True)
        self.hint_button.setEnabled(True)
        self.hint.clear()
        self.hint.hide()
        self.verdict.clear()
        self.verdict.hide()

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.show()

    def show_verdict(self, text: str, right: bool | None) -> None:
        """What the check found; `right` None for a message that judges nothing (not a number)."""
        colour = {True: "#1b7a2e", False: "#b3261e", None: "palette(text)"}[right]
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold")
        self.verdict.setText(text)
        self.verdict.show()

    def close_question(self) -> None:
        """Answered: the line edit and buttons rest until the next question."""
        self.answer_edit.setEnabled(False)
        self.check_button.setEnabled(False)
        self.hint_button.setEnabled(False)

    def set_score(self, text: str) -> None:
        self.score.setText(text)

    def set_presentation(self, presenting: bool) -> None:
        """Large type for a class calling out answers."""
        points = PRESENTATION_POINT_SIZE if presenting else NORMAL_POINT_SIZE
        font = self.font()
        font.setPointSizeF(points)
        for widget in (
            self.question,
            self.answer_edit,
            self.check_button,
            self.hint_button,
            self.hint,
            self.verdict,
            self.score,
        ):
            widget.setFont(font)
