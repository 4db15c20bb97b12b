"""Predict, then reveal: before a frame shows its value, the student types a prediction.

Backward ▸ Practice: Predict, Then Reveal puts a question box above the formula
panel and hides the formulas until the student checks an answer (or steps
on, which counts as skipped and reveals). The question, hint and answer come
from `practice_question`, the judging and the tally from `practice_score`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence

from playground.gui.backward.practice_box import PracticeBox
from playground.gui.backward.practice_question import Question, question_for
from playground.gui.backward.practice_score import PracticeScore, is_right, read_number

if TYPE_CHECKING:
    from playground.gui.backward.backward_panels import BackwardPanels

SETTING = "backward/practice"

QuestionKey = tuple[object, str, float]


class PracticeMode(QObject):
    """The practice action, its question box, and the session's score."""

    def __init__(self, panels: BackwardPanels) -> None:
        super().__init__(panels.window)
        self.panels = panels
        self.score = PracticeScore()
        self.question: Question | None = None
        self.key: QuestionKey | None = None
        self.revealed: set[QuestionKey] = set()  # answered or stepped past: the formulas show
        self.box = PracticeBox()
        self.box.hide()
        dock = panels.panel
        # Above the formulas, in the dock presentation mode keeps on screen.
        dock.layout().insertWidget(dock.layout().indexOf(dock.formula), self.box)
        self.action = QAction(self.tr("Practice: Predict, Then &Reveal"), panels.window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        tip = self.tr("Before each value is shown, type your prediction; then check it")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.setChecked(QSettings().value(SETTING, False) in (True, "true"))
        self.action.toggled.connect(self.set_enabled)
        panels.window.addAction(self.action)  # its key works while presentation hides the menus
        panels.actions["practice"] = self.action
        menu = panels.window.menus["backward"]
        menu.insertAction(panels.actions["apply"], self.action)
        self.box.check_requested.connect(self.check)
        self.box.hint_requested.connect(self.hint)
        panels.presentation.changed.connect(self.box.set_presentation)
        self._show_score()

    def set_enabled(self, enabled: bool) -> None:
        QSettings().setValue(SETTING, enabled)
        self.key = None  # a fresh look at the current frame
        self.panels.redraw()

    def refresh(self) -> None:
        """Ask the current frame's question, unless it is the one already asked or revealed."""
        formula = self.panels.panel.formula
        if not self.action.isChecked():
            self.box.hide()
            formula.show()
            return
        session = self.panels.session
        frame = session.frame
        question = question_for(session.network, session.trace_for(frame), frame, session.digits)
        key = None if question is None else (frame, question.symbol, question.answer.value)
        if key == self.key:  # a redraw of the same frame: keep the student's state
            self._hide_answer(self.pending())
            return
        if self.key is not None and self.key not in self.revealed:
            self.score.skip()  # stepped on without answering: not wrong, and shown from now on
            self.revealed.add(self.key)
            self._show_score()
        self.question, self.key = question, key
        self.box.setVisible(True)
        if question is None or key is None:
            self.box.ask(self.tr("Nothing to predict at this step."))
            self.box.close_question()
        else:
            self.box.ask(self.tr("What is {symbol}?").format(symbol=question.symbol))
            if key in self.revealed:
                self.box.close_question()
        self._hide_answer(self.pending())

    def pending(self) -> bool:
        """Whether a question waits for its answer (its value is kept out of sight)."""
        return self.action.isChecked() and self.key is not None and self.key not in self.revealed

    def _hide_answer(self, hidden: bool) -> None:
        """Hide the formulas and the canvas's labels, which would give the answer away."""
        dock = self.panels.panel
        dock.formula.setVisible(not hidden)
        # The box takes the formulas' room while they wait, its rows kept at its top.
        dock.layout().setStretchFactor(self.box, 1 if hidden else 0)
        if hidden:
            self.panels.overlay.clear()
            self.panels.legend.hide()

    def check(self) -> None:
        """Judge the typed number, say so with the answer, count it and show the formulas."""
        question, key = self.question, self.key
        if question is None or key is None or key in self.revealed:
            return
        typed = read_number(self.box.answer_edit.text())
        if typed is None:
            self.box.show_verdict(self.tr("Type a number, such as 0.25 or −1.5."), None)
            return
        digits = self.panels.session.digits
        answer = f"{question.symbol} = {question.digits_text(digits)}"
        right = is_right(typed, question.answer.value, digits)
        self.score.record(right)
        self.revealed.add(key)
        if right:
            self.box.show_verdict(self.tr("Right: {answer}").format(answer=answer), True)
        else:
            text = self.tr("Not quite: the answer is {answer}").format(answer=answer)
            self.box.show_verdict(text, False)
        self.box.close_question()
        self._show_score()
        self.panels.redraw()  # the formulas and the canvas's labels, now the answer is given

    def hint(self) -> None:
        """The formula with its numbers, not the result."""
        if self.question is not None:
            self.box.show_hint(self.tr("Hint: {formula}").format(formula=self.question.hint))

    def _show_score(self) -> None:
        text = self.tr("Score: {right} of {count} right").format(
            right=self.score.right, count=self.score.answered
        )
        if self.score.skipped:
            text += self.tr(" · {skipped} skipped").format(skipped=self.score.skipped)
        self.box.set_score(text)
