"""Predict, then reveal: the practice mode asks for a value, judges the typed answer, keeps score."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from playground.engine.formatting import format_number
from playground.gui.backward.practice_score import PracticeScore, is_right, read_number
from tests.gui.backward.practice_helpers import (
    answer,
    hand_dL_dz,
    hand_dL_dz_h1,
    past_first,
    seen,
    step_to_neuron,
    turn_on_practice,
)


@pytest.fixture
def practice(backward):
    return turn_on_practice(backward)


def test_a_right_answer_is_right_and_a_wrong_one_reveals_the_answer(backward, practice, qtbot):
    box, formula = practice.box, backward.panel.formula
    step_to_neuron(backward, qtbot, "h1")
    # A neuron's step asks ∂L/∂y first, then the ∂L/∂z worked from it.
    assert box.isVisible() and seen(box.question) == "1 of 2: What is ∂L/∂yh1?"
    value, _, dL_dy = hand_dL_dz_h1()
    answer(box, qtbot, format_number(dL_dy, 6))
    assert seen(box.earlier) == f"Right: ∂L/∂yh1 = {format_number(dL_dy, 4)}"
    assert seen(box.question) == "2 of 2: What is ∂L/∂zh1?"
    # Written as the formula panel writes it: italic letters, the neuron's name subscripted.
    symbol = "∂<i>L</i>/∂<i>z</i><sub>h1</sub>"
    assert symbol in box.question.text() and symbol in formula.body
    assert not formula.isVisible()  # the worked numbers wait for the second prediction
    assert box.answer_edit.isEnabled() and box.answer_edit.text() == ""

    assert value == pytest.approx(0.00877135, abs=1e-8)  # Mazur's worked example
    answer(box, qtbot, format_number(value, 6))
    assert seen(box.verdict).startswith("Right")
    # One row: the formulas below show both values worked out, and the score counts both.
    assert not box.earlier.isVisible()
    assert box.score.text().startswith("Score: 2 of 2 right")  # o1, o2 stepped past
    assert formula.isVisible()
    assert not box.answer_edit.isEnabled()

    step_to_neuron(backward, qtbot, "h2")
    assert not box.earlier.isVisible()
    h2, _, h2_dL_dy = hand_dL_dz()["h2"]
    answer(box, qtbot, "0.5")
    digits = backward.session.digits
    earlier = seen(box.earlier)
    assert earlier == f"Not quite: ∂L/∂yh2 = {format_number(h2_dL_dy, digits)}, not 0.5"
    assert not formula.isVisible()  # ∂L/∂z is still to be predicted
    answer(box, qtbot, "0.5")
    verdict = seen(box.verdict)
    assert verdict.startswith("Not quite")
    assert f"∂L/∂zh2 = {format_number(h2, digits)}" in verdict
    assert verdict.endswith(", not 0.5")
    assert box.score.text().startswith("Score: 2 of 4 right")
    assert formula.isVisible()


def test_the_hint_shows_the_numbers_but_not_the_result(backward, practice, qtbot):
    step_to_neuron(backward, qtbot, "h1")
    value, slope, dL_dy = hand_dL_dz_h1()
    digits = backward.session.digits
    qtbot.mouseClick(practice.box.hint_button, Qt.MouseButton.LeftButton)
    # ∂L/∂y first: the sum of w · ∂L/∂z over the outgoing connections, not the sum's value.
    first = seen(practice.box.hint)
    assert first.startswith("Hint: ∂L/∂yh1 = ") and first.endswith(" = ?")
    assert format_number(dL_dy, digits) not in first
    past_first(practice, qtbot, dL_dy)
    assert not practice.box.hint.isVisible()  # a new question: its hint only when asked
    qtbot.mouseClick(practice.box.hint_button, Qt.MouseButton.LeftButton)
    hint = seen(practice.box.hint)
    assert practice.box.hint.isVisible()
    assert format_number(slope, digits) in hint and format_number(dL_dy, digits) in hint
    assert format_number(value, digits) not in hint
    assert practice.box.score.text().startswith("Score: 1 of 1 right")  # a hint is not an answer


def test_within_one_percent_is_right_and_two_percent_off_is_not(backward, practice, qtbot):
    numbers = hand_dL_dz()
    step_to_neuron(backward, qtbot, "h1")
    past_first(practice, qtbot, numbers["h1"][2])
    answer(practice.box, qtbot, repr(numbers["h1"][0] * 1.009))
    assert seen(practice.box.verdict).startswith("Right")
    step_to_neuron(backward, qtbot, "h2")
    past_first(practice, qtbot, numbers["h2"][2])
    answer(practice.box, qtbot, repr(numbers["h2"][0] * 1.02))
    assert seen(practice.box.verdict).startswith("Not quite")
    assert (practice.score.right, practice.score.answered) == (3, 4)


def test_stepping_on_unanswered_counts_as_skipped_and_reveals(backward, practice, qtbot):
    step_to_neuron(backward, qtbot, "h1")
    skipped = practice.score.skipped  # o1 and o2, stepped past on the way
    assert skipped == 4  # each asks two values: ∂L/∂y and ∂L/∂z
    qtbot.keyClick(backward.window.view, Qt.Key.Key_Right)
    # Neither of h1's two was answered: both count as skipped.
    assert practice.score.skipped == skipped + 2 and practice.score.answered == 0
    past_first(practice, qtbot, hand_dL_dz()["h2"][2])  # at h2: the first answered
    qtbot.keyClick(backward.window.view, Qt.Key.Key_Left)  # back at h1: shown, not asked again
    assert backward.panel.formula.isVisible()
    assert not practice.box.answer_edit.isEnabled()
    assert practice.score.skipped == skipped + 3  # leaving h2 skipped its second, unanswered
    assert practice.score.answered == 1
    assert f"{skipped + 3} skipped" in practice.box.score.text()


def test_not_a_number_is_told_and_not_counted(backward, practice, qtbot):
    step_to_neuron(backward, qtbot, "h1")
    answer(practice.box, qtbot, "abc")
    assert "Type a number" in seen(practice.box.problem)
    assert practice.score.answered == 0
    assert not backward.panel.formula.isVisible()


def test_practice_off_leaves_the_panel_as_before_and_is_remembered(backward, practice, qtbot):
    assert QSettings().value("backward/practice") in (True, "true")
    practice.action.trigger()
    step_to_neuron(backward, qtbot, "h1")
    assert not practice.box.isVisible()
    assert backward.panel.formula.isVisible()
    assert QSettings().value("backward/practice") in (False, "false")


def test_the_box_stays_in_presentation_mode_in_large_type(backward, practice, qtbot):
    step_to_neuron(backward, qtbot, "h1")
    normal = practice.box.question.font().pointSizeF()
    backward.actions["presentation"].trigger()
    qtbot.waitUntil(lambda: backward.presentation.active)
    assert practice.box.isVisible()
    assert practice.box.question.font().pointSizeF() > normal
    backward.actions["leave_presentation"].trigger()


def test_read_number_and_the_score():
    assert read_number("−0.25") == -0.25
    assert read_number("0,5") == 0.5
    assert read_number("x") is None
    assert is_right(0.00877, 0.0087713535, 3)
    assert not is_right(0.0089, 0.0087713535, 3)
    score = PracticeScore()
    score.record(True)
    score.record(False)
    score.skip()
    assert (score.right, score.answered, score.skipped) == (1, 2, 1)


def test_typing_in_the_box_neither_steps_nor_plays(backward, practice, qtbot):
    """The arrows, P and D are the trace's keys elsewhere; in the answer they are the typing's."""
    step_to_neuron(backward, qtbot, "h1")
    frame = backward.session.frame
    edit = practice.box.answer_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "0.5p d")
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    qtbot.keyClick(edit, Qt.Key.Key_Right)
    assert backward.session.frame == frame
    assert not backward.actions["play"].isChecked()
    assert edit.text() == "0.5p d"
