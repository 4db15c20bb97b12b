"""Predict, then reveal: before a frame shows its value, the student types a prediction.

Backward ▸ Practice: Predict, Then Reveal puts a question box above the formula
panel and hides the formulas until the student checks an answer (or steps
on, which counts as skipped and reveals). A frame may ask two values in turn
(z then y, ∂L/∂y then ∂L/∂z): the second is asked once the first is judged.
The questions, hints and answers come from `practice_question`, the judging
and the tally from `practice_score`; the canvas while one waits, `practice_canvas`.
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
    questions_for,
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
        self.questions: list[Question] = []  # the current frame's, asked in turn
        self.keys: list[QuestionKey] = []  # theirs: empty when the frame has nothing to ask
        self.part = 0  # which of them is asked now
        self.question: Question | None = None  # the one asked now, and its key
        self.key: QuestionKey | None = None
        self.fresh = True  # nothing asked yet since practice was turned on: show the box
        self.revealed: set[QuestionKey] = set()  # answered or stepped past: the formulas show
        self.hinted = False  # the hint of the current question is shown
        self.verdicts: dict[int, tuple[float, bool]] = {}  # each part's typed answer, judged
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
        self.keys, self.fresh = [], True  # a fresh look at the current frame
        self.panels.redraw()

    def refresh(self) -> None:
        """Ask the current frame's questions, unless they are the ones already asked or revealed."""
        formula = self.panels.panel.formula
        if not self.action.isChecked():
            self.box.hide()
            formula.show()
            return
        questions = self._current_questions()
        frame = self.panels.session.frame
        keys = [(frame, q.ident, q.answer.value) for q in questions]
        if keys == self.keys and not self.fresh:
            # A redraw of the same frame: keep the student's state.
            self.questions = questions  # written again: the notation or the digits may have changed
            self.question = questions[self.part] if questions else None
            self._write()
            self._hide_answer(self.pending())
            return
        left = [key for key in self.keys if key not in self.revealed]
        for key in left:
            self.score.skip()  # stepped on without answering: not wrong, and shown from now on
            self.revealed.add(key)
        if left:
            self._show_score()
        self.questions, self.keys, self.verdicts = questions, keys, {}
        # The first not answered yet (after practice is turned off and on again mid-frame).
        waiting = [k for k, key in enumerate(keys) if key not in self.revealed]
        self.part = waiting[0] if waiting else max(len(keys) - 1, 0)
        self.fresh = False
        self.box.setVisible(True)
        self._ask()
        self._hide_answer(self.pending())

    def _ask(self) -> None:
        """Put the current part's question in the box (closed if it is revealed already)."""
        self.question = self.questions[self.part] if self.questions else None
        self.key = self.keys[self.part] if self.keys else None
        self.hinted = False
        if self.question is None or self.key is None:
            self.box.ask(html.escape(self.tr("Nothing to predict at this step."), quote=False))
            self.box.close_question()
            return
        self.box.ask(self._question_html(self.question))
        self._write_earlier()
        if self.key in self.revealed:
            self.box.close_question()

    def _current_questions(self) -> list[Question]:
        session = self.panels.session
        frame = session.frame
        turn = 0
        # Numbered only once a trace reaches a question that picks one weight of several.
        picks = frame is not None and (
            frame.kind in (MEAN, UPDATE) or (frame.kind == NEURON and frame.phase == GRADIENTS)
        )
        if picks and session.trace is not None:
            turn = self._turn(session.trace)
        return questions_for(
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
        """Whether a question of the frame waits for its answer (its value is kept out of sight)."""
        return self.action.isChecked() and any(key not in self.revealed for key in self.keys)

    def _hide_answer(self, hidden: bool) -> None:
        """Hide the formulas, which would give the answer away (the canvas: `BackwardPanels.redraw`)."""
        dock = self.panels.panel
        dock.formula.setVisible(not hidden)
        # The box takes the formulas' room while they wait, its rows kept at its top.
        dock.layout().setStretchFactor(self.box, 1 if hidden else 0)

    # ----------------------------------------------------------------- writing

    def _numbers(self) -> Numbers:
        return Numbers(self.panels.session.digits)

    def _question_html(self, question: Question) -> str:
        """ "What is ∂L/∂z_h1?", the symbol written as the formula panel writes it.

        With two questions at a frame, "1 of 2:" before it says which is asked.
        """
        words = {
            VALUE: self.tr("What is {symbol}?"),
            AFTER: self.tr("What is {symbol} after the update?"),
            MEAN_OF: self.tr("What is the mean {symbol} over the minibatch?"),
        }[question.kind]
        symbol = expr_html(question.symbol, self._numbers())
        text = html.escape(words, quote=False).format(symbol=symbol)
        if len(self.questions) < 2:
            return text
        part = self.tr("{part} of {count}:").format(
            part=self.questions.index(question) + 1 if question in self.questions else 1,
            count=len(self.questions),
        )
        return f"{html.escape(part, quote=False)} {text}"

    def _hint_html(self, question: Question) -> str:
        hint = self.tr("Hint: {formula}")
        formula = expr_html(question.hint, self._numbers())
        return html.escape(hint, quote=False).format(formula=formula)

    def _answer_html(self, question: Question) -> str:
        numbers = self._numbers()
        symbol = expr_html(question.symbol, numbers)
        return f"{symbol} = {result_html(question.answer, numbers)}"

    def _verdict_html(self, question: Question, typed: float, right: bool) -> str:
        answer = self._answer_html(question)
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
        self._write_earlier()
        verdict = self.verdicts.get(self.part)
        if self.hinted and verdict is None:
            self.box.show_hint(self._hint_html(question))
        if verdict is not None:
            typed, right = verdict
            self.box.show_verdict(self._verdict_html(question, typed, right), right)

    def _write_earlier(self) -> None:
        """The verdict on the frame's first question, kept above the second as it is asked."""
        earlier = self.verdicts.get(self.part - 1) if self.part > 0 else None
        if earlier is None:
            self.box.show_earlier("", True)
            return
        typed, right = earlier
        question = self.questions[self.part - 1]
        self.box.show_earlier(self._verdict_html(question, typed, right), right)

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
        self.verdicts[self.part] = (typed, right)
        self._show_score()
        if self.part + 1 < len(self.questions):
            # The next value, worked from this one: its verdict stays above the new question.
            self.part += 1
            self._ask()
            self.box.answer_edit.setFocus()
            return
        self.box.show_verdict(self._verdict_html(question, typed, right), right)
        self.panels.redraw()  # the formulas and the canvas's labels, now the answer is given
        self._bring_labels_into_sight()

    def _bring_labels_into_sight(self) -> None:
        """Zoom out if the labels just shown reach past the canvas (the loss, in presentation)."""
        overlay, view = self.panels.overlay, self.panels.window.view
        if not overlay.items:
            return
        if not view.seen().contains(overlay.rect()):
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
