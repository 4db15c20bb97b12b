"""Predict, then reveal: before a frame shows its value, the student types a prediction.

Backward ▸ Practice: Predict, Then Reveal puts a question box above the formula
panel and hides the formulas until the student checks an answer (or steps
on, which counts as skipped and reveals). The question, hint and answer come
from `practice_question`, the judging and the tally from `practice_score`.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence

from playground.engine.backward_stepper import Trace
from playground.engine.formatting import format_number
from playground.gui.backward.frames import GRADIENTS, MEAN, NEURON, UPDATE
from playground.gui.backward.math_html import Numbers, expr_html, result_html
from playground.gui.backward.practice_box import PracticeBox
from playground.gui.backward.practice_question import (
    AFTER,
    MEAN_OF,
    VALUE,
    Question,
    question_for,
)
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
        self.key: QuestionKey | None = None  # None: the frame has nothing to ask
        self.fresh = True  # nothing asked yet since practice was turned on: show the box
        self.revealed: set[QuestionKey] = set()  # answered or stepped past: the formulas show
        self.hinted = False  # the hint of the current question is shown
        self.verdict: tuple[float, bool] | None = None  # the current question's answer, judged
        self.turns: dict[tuple, int] = {}  # each trace asking about a weight, numbered (`_turn`)
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
        self.key, self.fresh = None, True  # a fresh look at the current frame
        self.panels.redraw()

    def refresh(self) -> None:
        """Ask the current frame's question, unless it is the one already asked or revealed."""
        formula = self.panels.panel.formula
        if not self.action.isChecked():
            self.box.hide()
            formula.show()
            return
        question = self._current_question()
        key = (
            None
            if question is None
            else (self.panels.session.frame, question.ident, question.answer.value)
        )
        if key == self.key and not self.fresh:
            # A redraw of the same frame: keep the student's state.
            self.question = question  # written again: the notation or the digits may have changed
            self._write()
            self._hide_answer(self.pending())
            return
        if self.key is not None and self.key not in self.revealed:
            self.score.skip()  # stepped on without answering: not wrong, and shown from now on
            self.revealed.add(self.key)
            self._show_score()
        self.question, self.key, self.hinted, self.verdict = question, key, False, None
        self.fresh = False
        self.box.setVisible(True)
        if question is None or key is None:
            self.box.ask(html.escape(self.tr("Nothing to predict at this step."), quote=False))
            self.box.close_question()
        else:
            self.box.ask(self._question_html(question))
            if key in self.revealed:
                self.box.close_question()
        self._hide_answer(self.pending())

    def _current_question(self) -> Question | None:
        session = self.panels.session
        frame = session.frame
        turn = 0
        # Numbered only once a trace reaches a question that picks one weight of several.
        picks = frame is not None and (
            frame.kind in (MEAN, UPDATE) or (frame.kind == NEURON and frame.phase == GRADIENTS)
        )
        if picks and session.trace is not None:
            turn = self._turn(session.trace)
        return question_for(
            session.network,
            session.trace_for(frame),
            frame,
            session.digits,
            session.notation,
            session.minibatch,
            turn,
        )

    def _turn(self, trace: Trace) -> int:
        """The how-manieth trace this is to ask about one weight of several: each asks the next.

        A trace is known by its update's numbers, so stepping back and on again (or taking
        an applied update back) asks the same weight, and a new trace the next one.
        """
        update = trace.update
        identity = (
            tuple((w.source, w.target, w.before, w.after) for w in update.weights),
            tuple((b.neuron, b.before, b.after) for b in update.biases),
        )
        return self.turns.setdefault(identity, len(self.turns))

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

    # ----------------------------------------------------------------- writing

    def _numbers(self) -> Numbers:
        return Numbers(self.panels.session.digits)

    def _question_html(self, question: Question) -> str:
        """ "What is ∂L/∂z_h1?", the symbol written as the formula panel writes it."""
        words = {
            VALUE: self.tr("What is {symbol}?"),
            AFTER: self.tr("What is {symbol} after the update?"),
            MEAN_OF: self.tr("What is the mean {symbol} over the minibatch?"),
        }[question.kind]
        symbol = expr_html(question.symbol, self._numbers())
        return html.escape(words, quote=False).format(symbol=symbol)

    def _hint_html(self, question: Question) -> str:
        hint = self.tr("Hint: {formula}")
        formula = expr_html(question.hint, self._numbers())
        return html.escape(hint, quote=False).format(formula=formula)

    def _answer_html(self, question: Question) -> str:
        numbers = self._numbers()
        symbol = expr_html(question.symbol, numbers)
        return f"{symbol} = {result_html(question.answer, numbers)}"

    def _verdict_html(self, typed: float, right: bool) -> str:
        assert self.question is not None
        answer = self._answer_html(self.question)
        if right:
            return html.escape(self.tr("Right: {answer}"), quote=False).format(answer=answer)
        words = self.tr("Not quite: {answer}, not {typed}")
        typed_text = html.escape(format_number(typed, self.panels.session.digits))
        return html.escape(words, quote=False).format(answer=answer, typed=typed_text)

    def _write(self) -> None:
        """The question, and the hint and verdict already shown, in the present notation and digits."""
        question = self.question
        if question is None:
            return
        self.box.question.setText(self._question_html(question))
        if self.hinted and self.verdict is None:
            self.box.show_hint(self._hint_html(question))
        if self.verdict is not None:
            typed, right = self.verdict
            self.box.show_verdict(self._verdict_html(typed, right), right)

    # ----------------------------------------------------------------- answering

    def check(self) -> None:
        """Judge the typed number, say so with the answer, count it and show the formulas."""
        question, key = self.question, self.key
        if question is None or key is None or key in self.revealed:
            return
        typed = read_number(self.box.answer_edit.text())
        if typed is None:
            text = self.tr(
                "Type a number, such as 0.25, −1.5 or 2.5e−3, without thousands separators."
            )
            self.box.show_problem(html.escape(text, quote=False))
            return
        right = is_right(typed, question.answer.value, self.panels.session.digits)
        self.score.record(right)
        self.revealed.add(key)
        self.verdict = (typed, right)
        self.box.show_verdict(self._verdict_html(typed, right), right)
        self._show_score()
        self.panels.redraw()  # the formulas and the canvas's labels, now the answer is given
        self._bring_labels_into_sight()

    def _bring_labels_into_sight(self) -> None:
        """Zoom out if the labels just shown reach past the canvas (the loss, in presentation)."""
        overlay, view = self.panels.overlay, self.panels.window.view
        if not overlay.items:
            return
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        if not seen.contains(overlay.rect()):
            # After the box has shrunk and the formulas have taken their room.
            QTimer.singleShot(0, self, self.panels.fit_view)  # not after the window is gone

    def hint(self) -> None:
        """The formula with its numbers, not the result."""
        if self.question is not None:
            self.hinted = True
            self.box.show_hint(self._hint_html(self.question))

    def _show_score(self) -> None:
        text = self.tr("Score: {right} of {count} right").format(
            right=self.score.right, count=self.score.answered
        )
        if self.score.skipped:
            text += self.tr(" · {skipped} skipped").format(skipped=self.score.skipped)
        self.box.set_score(text)
