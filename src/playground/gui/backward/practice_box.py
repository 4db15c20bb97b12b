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
HEADLINE_SCALE = 1.25  # the question and the verdict, above the rest


def _label(name: str, rich: bool = True) -> QLabel:
    """A wrapping label; `rich` for formulas written as the panel writes them (italic, subscripts).

    Rich text is made by `math_html`, which escapes every neuron name, so a name is
    still shown as written, never read as markup.
    """
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
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
        self.entry = QWidget()
        entry = QHBoxLayout(self.entry)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addWidget(self.answer_edit, 1)
        entry.addWidget(self.check_button)
        entry.addWidget(self.hint_button)
        self.hint = _label("practice_hint_text")
        self.verdict = _label("practice_verdict")
        self.problem = _label("practice_problem")  # a typed answer that is no number
        # A frame's first answer, judged, kept in sight while its second question is asked.
        self.earlier = _label("practice_earlier")
        self.earlier.hide()
        self.score = _label("practice_score", rich=False)
        self.score.setWordWrap(False)
        # The question, or once answered the verdict in its place, with the score beside it:
        # an answered question takes one row, and the revealed formulas the room.
        top = QHBoxLayout()
        top.addWidget(self.question, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.verdict, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.score, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.earlier)
        layout.addLayout(top)
        layout.addWidget(self.entry)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.set_presentation(False)

    def ask(self, question: str) -> None:
        """A new question (rich text): an empty line edit, ready to type into."""
        self.question.setText(question)
        self.question.show()
        self.answer_edit.clear()
        for widget in (self.answer_edit, self.check_button, self.hint_button):
            widget.setEnabled(True)
        self.entry.show()
        for label in (self.hint, self.verdict, self.problem):
            label.clear()
            label.hide()

    def show_hint(self, text: str) -> None:
        """The hint, as rich text."""
        self.hint.setText(text)
        self.hint.show()

    def show_problem(self, text: str) -> None:
        """Why the typed answer cannot be judged; the question stays open."""
        self.problem.setText(text)
        self.problem.show()

    def show_verdict(self, text: str, right: bool) -> None:
        """What the check found (rich text, with the answer), in the question's place."""
        colour = "#1b7a2e" if right else "#b3261e"
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold")
        self.verdict.setText(text)
        self.verdict.show()
        self.question.hide()  # the verdict names the value and gives it
        self.hint.hide()  # the formulas below now show it worked out in full
        self.earlier.hide()  # and the value asked before it: one row leaves them the room
        self.problem.hide()
        self.close_question()

    def show_earlier(self, text: str, right: bool) -> None:
        """The verdict on the frame's question before this one (rich text); "" hides it."""
        colour = "#1b7a2e" if right else "#b3261e"
        self.earlier.setStyleSheet(f"color: {colour}")
        self.earlier.setText(text)
        self.earlier.setVisible(bool(text))

    def close_question(self) -> None:
        """Answered or shown: the line edit and buttons rest (hidden) until the next question."""
        for widget in (self.answer_edit, self.check_button, self.hint_button):
            widget.setEnabled(False)
        self.entry.hide()

    def set_score(self, text: str) -> None:
        self.score.setText(text)

    def set_presentation(self, presenting: bool) -> None:
        """Large type for a class calling out answers; the question and verdict larger still."""
        points = PRESENTATION_POINT_SIZE if presenting else NORMAL_POINT_SIZE
        font = self.font()
        font.setPointSizeF(points)
        for widget in (
            self.answer_edit,
            self.check_button,
            self.hint_button,
            self.hint,
            self.problem,
            self.earlier,
            self.score,
        ):
            widget.setFont(font)
        # What the class reads from the back of the room: the question, then the verdict.
        font.setPointSizeF(points * HEADLINE_SCALE)
        self.question.setFont(font)
        self.verdict.setFont(font)
