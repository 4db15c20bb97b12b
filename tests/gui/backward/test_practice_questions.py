"""Predict, then reveal: the questions written as the panel writes them, the minibatch's mean,
a different weight each time round, an answer of 0, the ways a number may be typed, and the
box in presentation mode.

Driven as a student does: keys on the canvas, typing into the box, the real menu actions.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from playground.engine.backward_stepper import trace_sample
from playground.engine.formatting import format_number, neuron_names
from playground.gui.backward.frames import FORWARD, MEAN, UPDATE
from tests.gui.backward.practice_helpers import (
    answer,
    hand_dL_dz_h1,
    past_first,
    seen,
    sigmoid,
    step_to_neuron,
    turn_on_practice,
)
from tests.gui.backward.test_minibatch_trace import choose_minibatch, open_example, step_to_mean

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def practice(backward):
    return turn_on_practice(backward)


def press(backward, key: Qt.Key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(backward.window.view, key)


# ----------------------------------------------------------------- names as the panel writes them


def test_turned_on_where_there_is_nothing_to_ask_the_box_says_so(backward, practice):
    assert backward.session.frame.kind == FORWARD  # the forward pass's summary
    assert practice.box.isVisible()
    assert seen(practice.box.question) == "Nothing to predict at this step."
    assert not practice.box.answer_edit.isVisible()
    assert backward.panel.formula.isVisible()


def test_the_question_follows_the_panel_s_notation_and_stays_the_same_question(
    backward, practice, qtbot
):
    step_to_neuron(backward, qtbot, "h1")
    box, formula = practice.box, backward.panel.formula
    qtbot.mouseClick(box.hint_button, LEFT)
    skipped = practice.score.skipped
    backward.actions["notation_layer"].trigger()  # Backward ▸ Notation ▸ layer-relative
    assert backward.session.notation == "layer"
    j = "∂<i>L</i>/∂<i>y</i><sub>j</sub>"
    assert j in box.question.text() and j in formula.body
    assert seen(box.question) == "1 of 2: What is ∂L/∂yj?"
    assert seen(box.hint).startswith("Hint: ∂L/∂yj = ")
    # A new name for the same value: still waiting, not counted as stepped past.
    assert practice.score.skipped == skipped
    assert box.answer_edit.isEnabled() and not formula.isVisible()
    value, _, dL_dy = hand_dL_dz_h1()
    past_first(practice, qtbot, dL_dy)
    backward.actions["notation_layer"].trigger()  # back to neuron names, and again
    backward.actions["notation_layer"].trigger()
    # The first answer's verdict is written again in the new names too.
    assert seen(box.earlier).startswith("Right: ∂L/∂yj = ")
    answer(box, qtbot, format_number(value, 6))
    assert seen(box.verdict).startswith("Right: ∂L/∂zj = 0.008771")


def test_a_forward_step_asks_for_y_from_z_in_the_lecture_s_notation(backward, practice, qtbot):
    backward.actions["notation_layer"].trigger()
    backward.panel.forward_steps.click()  # the panel's Forward box: step the forward pass
    assert backward.session.label() == "step 1 of 9: forward, neuron h1"
    z = 0.35 + 0.15 * 0.05 + 0.2 * 0.1
    box = practice.box
    # First z = b + Σ w · y, with the numbers; then y = f(z), from z's value.
    assert seen(box.question) == "1 of 2: What is zj?"
    assert "<i>z</i><sub>j</sub>" in box.question.text()
    qtbot.mouseClick(box.hint_button, LEFT)
    assert seen(box.hint) == "Hint: zj = 0.35 + 0.15 × 0.05 + 0.2 × 0.1 = ?"
    answer(box, qtbot, repr(z))
    assert seen(box.earlier) == "Right: zj = 0.3775"
    assert seen(box.question) == "2 of 2: What is yj?"
    assert "<i>y</i><sub>j</sub>" in box.question.text()
    qtbot.mouseClick(box.hint_button, LEFT)
    assert seen(box.hint) == "Hint: zj = 0.3775; yj = σ(0.3775) = ?"
    answer(box, qtbot, repr(sigmoid(z)))
    assert seen(box.verdict) == "Right: yj = 0.5933"
    assert (practice.score.right, practice.score.answered) == (2, 2)


def test_a_name_that_looks_like_markup_is_shown_as_written(trace_window, backward, practice, qtbot):
    trace_window.document.set_label("h1", "<b>x</b>")
    step_to_neuron(backward, qtbot, "<b>x</b>")
    assert seen(practice.box.question) == "1 of 2: What is ∂L/∂y<b>x</b>?"


# ----------------------------------------------------------------- the minibatch's mean


def test_the_mean_step_asks_one_mean_gradient_with_the_sum_written_out(trace_window, qtbot):
    backward = open_example(trace_window, qtbot, "xor")
    practice = turn_on_practice(backward)
    choose_minibatch(backward, qtbot, "1,3")
    assert backward.session.sample.batch == (0, 2)
    step_to_mean(backward, qtbot)
    network = trace_window.document.network
    first = network.connections[0]
    names = neuron_names(network)
    i, j = names[first.source], names[first.target]
    # The samples' own gradients, each from a trace of its own, and their mean: by hand here.
    x, y = network.data.split("train")
    values = [
        g.dL_dw
        for k in (0, 2)
        for step in trace_sample(network, list(x[k]), list(y[k])).steps
        for g in step.weight_grads
        if (g.source, g.target) == first.key
    ]
    mean = (values[0] + values[1]) / 2
    box, digits = practice.box, backward.session.digits
    assert seen(box.question) == f"What is the mean ∂L/∂w{i},{j} over the minibatch?"
    assert not backward.panel.formula.isVisible()
    qtbot.mouseClick(box.hint_button, LEFT)
    first_value, second_value = (format_number(v, digits) for v in values)
    assert seen(box.hint).startswith(f"Hint: ∂L/∂w{i},{j} = ({first_value} + ")
    assert second_value in seen(box.hint) and seen(box.hint).endswith(") / 2 = ?")
    assert format_number(mean, digits) not in seen(box.hint)
    assert math.isclose(practice.question.answer.value, mean, rel_tol=1e-12)
    answer(box, qtbot, repr(mean))
    assert seen(box.verdict) == f"Right: ∂L/∂w{i},{j} = {format_number(mean, digits)}"
    assert backward.panel.formula.isVisible()

    # The update then asks for the same weight after one step from that mean.
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.frame.kind == UPDATE
    assert seen(box.question) == f"What is w{i},{j} after the update?"
    after = first.weight - network.training.learning_rate * mean
    assert math.isclose(practice.question.answer.value, after, rel_tol=1e-12)


def test_a_single_sample_trace_has_no_mean_step_to_ask(backward, practice):
    assert all(frame.kind != MEAN for frame in backward.session.frames)


# ----------------------------------------------------------------- a different weight each time


def test_each_time_round_the_update_asks_about_the_next_weight(backward, practice, qtbot):
    network = backward.session.network
    keys = [c.key for c in network.connections]
    asked = []
    for round_number in range(3):
        press(backward, Qt.Key.Key_End)
        assert backward.session.frame.kind == UPDATE
        asked.append(seen(practice.box.question))
        if round_number == 0:
            # Mazur's w1 after one step: 0.15 − 0.5 × 0.000438568 = 0.149780716.
            answer(practice.box, qtbot, "0.149780716")
            assert seen(practice.box.verdict) == "Right: wi1,h1 = 0.1498"
            # Back and on again is the same trace: the same weight, already answered.
            press(backward, Qt.Key.Key_Left)
            press(backward, Qt.Key.Key_Right)
            assert seen(practice.box.question) == asked[0]
            assert not practice.box.answer_edit.isEnabled()
        press(backward, Qt.Key.Key_Right)  # apply the update
        assert backward.session.applied
        press(backward, Qt.Key.Key_Home)  # and trace again with the new weights
    assert asked == [f"What is w{s},{t} after the update?" for s, t in keys[:3]]


def test_the_detailed_gradients_part_asks_another_incoming_weight_each_time_round(
    backward, practice, qtbot
):
    backward.panel.detailed.click()  # the panel's Detailed box: three parts per neuron
    asked = []
    for _ in range(3):
        for _ in range(20):
            if backward.session.label().endswith("neuron h1 — part 3 of 3: ∂L/∂w and ∂L/∂b"):
                break
            press(backward, Qt.Key.Key_Right)
        asked.append(seen(practice.box.question))
        press(backward, Qt.Key.Key_End)
        press(backward, Qt.Key.Key_Right)  # apply the update
        assert backward.session.applied
        press(backward, Qt.Key.Key_Home)  # and trace again with the new weights
    # h1's two incoming weights in turn, then the first again.
    assert asked == [f"What is ∂L/∂w{i},h1?" for i in ("i1", "i2", "i1")]


# ----------------------------------------------------------------- an answer of 0


@pytest.mark.parametrize("typed", ["0", "−0", "-0", "0.000"])
def test_a_gradient_of_zero_below_a_relu_kink_is_right_as_zero(
    trace_window, backward, practice, qtbot, typed
):
    document = trace_window.document
    document.set_activation("h1", "relu")
    document.set_bias("h1", -1.0)
    # z_h1 = −1 + 0.15 × 0.05 + 0.2 × 0.1 = −0.9725: below relu's kink its slope is 0.
    step_to_neuron(backward, qtbot, "h1")
    past_first(practice, qtbot)
    assert practice.question.answer.value == 0.0
    answer(practice.box, qtbot, typed)
    assert seen(practice.box.verdict) == "Right: ∂L/∂zh1 = 0"


@pytest.mark.parametrize("typed", ["0.001", "1e-9", "−0.5"])
def test_near_zero_is_not_zero(trace_window, backward, practice, qtbot, typed):
    document = trace_window.document
    document.set_activation("h1", "relu")
    document.set_bias("h1", -1.0)
    step_to_neuron(backward, qtbot, "h1")
    past_first(practice, qtbot)
    answer(practice.box, qtbot, typed)
    verdict = seen(practice.box.verdict)
    assert verdict.startswith("Not quite: ∂L/∂zh1 = 0, not ")
    assert (practice.score.right, practice.score.answered) == (1, 2)


# ----------------------------------------------------------------- how a number may be typed


def hand_dL_dz_o2() -> float:
    """∂L/∂z_o2 of Mazur's 2-2-2 by hand: (y − t) · y (1 − y), negative (y_o2 is below 0.99)."""
    y_h1 = sigmoid(0.35 + 0.15 * 0.05 + 0.2 * 0.1)
    y_h2 = sigmoid(0.35 + 0.25 * 0.05 + 0.3 * 0.1)
    y_o2 = sigmoid(0.6 + 0.5 * y_h1 + 0.55 * y_h2)
    return (y_o2 - 0.99) * y_o2 * (1 - y_o2)


@pytest.mark.parametrize(
    "written", ["{:.6f}", "{:.4e}", "{:.6f} with a decimal comma", "{} as the app writes it"]
)
def test_a_negative_answer_typed_with_the_true_minus_sign_or_as_the_app_writes_it(
    backward, practice, qtbot, written
):
    value = hand_dL_dz_o2()
    assert value == pytest.approx(-0.0380982, abs=1e-7)
    if written.endswith("as the app writes it"):
        typed = format_number(value, 4)  # "−0.03810", with the true minus sign
    else:
        typed = written.split(" ")[0].format(value).replace("-", "−")
        if "comma" in written:
            typed = typed.replace(".", ",")
    step_to_neuron(backward, qtbot, "o2")
    past_first(practice, qtbot)
    answer(practice.box, qtbot, typed)
    assert seen(practice.box.verdict) == "Right: ∂L/∂zo2 = −0.03810", typed


def test_a_number_in_the_app_s_times_ten_form_is_read(backward, practice, qtbot):
    step_to_neuron(backward, qtbot, "h1")
    past_first(practice, qtbot)
    answer(practice.box, qtbot, "8.771×10⁻³")
    assert seen(practice.box.verdict).startswith("Right")


@pytest.mark.parametrize("typed", ["1,000.5", "0,5,1", "nan", "inf", "1e999", "0.5.5", "−", "½"])
def test_what_is_not_one_number_is_told_not_counted_and_the_question_stays(
    backward, practice, qtbot, typed
):
    step_to_neuron(backward, qtbot, "h1")
    box = practice.box
    past_first(practice, qtbot)
    answer(box, qtbot, typed)
    assert box.problem.isVisible()
    assert seen(box.problem).startswith("Type a number, such as 0.25")
    assert not box.verdict.isVisible()
    assert practice.score.answered == 1
    assert box.answer_edit.isEnabled() and not backward.panel.formula.isVisible()
    answer(box, qtbot, "0.008771")  # the question is still there to answer
    assert seen(box.verdict).startswith("Right") and not box.problem.isVisible()


# ----------------------------------------------------------------- presentation mode


def whole(label) -> bool:
    """The label shows all its lines: as tall as its text needs at its width, inside the window."""
    needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
    top_left = label.mapTo(label.window(), label.rect().topLeft())
    bottom_right = label.mapTo(label.window(), label.rect().bottomRight())
    inside = label.window().rect().contains(top_left) and label.window().rect().contains(
        bottom_right
    )
    return label.isVisible() and label.height() >= needed and inside


def test_in_presentation_the_question_hint_and_verdict_are_whole_and_large(
    backward, practice, qtbot
):
    step_to_neuron(backward, qtbot, "h1")
    box = practice.box
    normal = box.question.font().pointSizeF()
    backward.actions["presentation"].trigger()
    qtbot.waitUntil(lambda: backward.presentation.active)
    qtbot.wait(50)
    assert box.question.font().pointSizeF() > normal
    assert box.question.font().pointSizeF() > box.hint.font().pointSizeF()
    assert whole(box.question) and whole(box.score)
    qtbot.mouseClick(box.hint_button, LEFT)
    qtbot.wait(20)
    assert whole(box.hint)
    past_first(practice, qtbot)
    qtbot.wait(20)
    assert whole(box.earlier) and whole(box.question)
    assert box.earlier.font().pointSizeF() == box.hint.font().pointSizeF()
    answer(box, qtbot, "0.5")
    qtbot.wait(20)
    assert whole(box.verdict) and whole(box.score)
    # Answered, the box is one row and the formulas take the room below it.
    assert not box.question.isVisible() and not box.answer_edit.isVisible()
    formula = backward.panel.formula
    assert formula.isVisible() and formula.height() > 2 * box.height()
    # The canvas shows every label the answer revealed (the loss at the far right too).
    qtbot.wait(50)
    view = backward.window.view
    seen_rect = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen_rect.contains(backward.overlay.rect())
    backward.actions["leave_presentation"].trigger()
