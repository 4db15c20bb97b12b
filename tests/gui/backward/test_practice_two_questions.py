"""Predict, then reveal, second round: two values asked in turn at a step, the canvas while a
question waits (the ring, no number), and a minibatch's mean pills without the editor's bias text.

Driven as a student does: keys on the canvas, typing into the box, the real menu actions.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from playground.engine.formatting import format_number
from playground.gui.backward.frames import MEAN, UPDATE
from playground.gui.backward.overlay_items import Glows, Ring, Tag
from tests.gui.backward.practice_helpers import (
    answer,
    hand_dL_dz,
    seen,
    sigmoid,
    step_to_neuron,
    turn_on_practice,
)
from tests.gui.backward.test_minibatch_trace import choose_minibatch, open_example, step_to_mean

LEFT = Qt.MouseButton.LeftButton
Z_H1 = 0.35 + 0.15 * 0.05 + 0.2 * 0.1  # Mazur's 2-2-2: b + w · x for h1


@pytest.fixture
def practice(backward):
    return turn_on_practice(backward)


def forward_steps_on(backward) -> None:
    backward.panel.forward_steps.click()  # the panel's Forward box: step the forward pass
    assert backward.session.label() == "step 1 of 9: forward, neuron h1"


def overlay_kinds(backward) -> list[type]:
    return [type(item) for item in backward.overlay.items]


# ----------------------------------------------------------------- z, then y


def test_a_wrong_z_then_a_right_y(backward, practice, qtbot):
    forward_steps_on(backward)
    box, digits = practice.box, backward.session.digits
    assert seen(box.question) == "1 of 2: What is zh1?"
    answer(box, qtbot, "0.5")
    assert seen(box.earlier) == f"Not quite: zh1 = {format_number(Z_H1, digits)}, not 0.5"
    # y is asked next, worked from the true z; the formulas still wait for it.
    assert seen(box.question) == "2 of 2: What is yh1?"
    assert not backward.panel.formula.isVisible()
    assert (practice.score.right, practice.score.answered) == (0, 1)
    answer(box, qtbot, repr(sigmoid(Z_H1)))
    assert seen(box.verdict) == f"Right: yh1 = {format_number(sigmoid(Z_H1), digits)}"
    assert (practice.score.right, practice.score.answered) == (1, 2)
    assert backward.panel.formula.isVisible()
    assert box.score.text() == "Score: 1 of 2 right"


def test_a_right_z_then_a_wrong_y(backward, practice, qtbot):
    forward_steps_on(backward)
    box, digits = practice.box, backward.session.digits
    answer(box, qtbot, format_number(Z_H1, 6))
    assert seen(box.earlier) == f"Right: zh1 = {format_number(Z_H1, digits)}"
    answer(box, qtbot, repr(sigmoid(Z_H1) * 1.05))  # 5 % off
    assert seen(box.verdict).startswith(f"Not quite: yh1 = {format_number(sigmoid(Z_H1), digits)}")
    assert (practice.score.right, practice.score.answered) == (1, 2)


def test_stepping_on_after_z_skips_only_y(backward, practice, qtbot):
    forward_steps_on(backward)
    answer(practice.box, qtbot, repr(Z_H1))
    qtbot.keyClick(backward.window.view, Qt.Key.Key_Right)
    assert backward.session.label() == "step 2 of 9: forward, neuron h2"
    assert (practice.score.answered, practice.score.skipped) == (1, 1)
    assert seen(practice.box.question) == "1 of 2: What is zh2?"
    assert not practice.box.earlier.isVisible()  # h1's verdict belongs to h1


def test_a_detailed_step_asks_one_value_without_a_count(backward, practice, qtbot):
    backward.panel.detailed.click()  # gather ∂L/∂y and ∂L/∂z are parts of their own
    for _ in range(20):
        if backward.session.label().endswith("neuron h1 — part 1 of 3: gather ∂L/∂y"):
            break
        qtbot.keyClick(backward.window.view, Qt.Key.Key_Right)
    assert seen(practice.box.question) == "What is ∂L/∂yh1?"
    answer(practice.box, qtbot, repr(hand_dL_dz()["h1"][2]))
    assert seen(practice.box.verdict).startswith("Right")


# ----------------------------------------------------------------- the canvas while a question waits


def test_a_waiting_forward_question_keeps_the_ring_and_the_lit_lines_but_no_number(
    backward, practice, qtbot
):
    forward_steps_on(backward)
    scene = backward.window.scene
    h1 = scene.neuron_items["h1"]
    kinds = overlay_kinds(backward)
    assert Ring in kinds and Glows in kinds
    assert Tag not in kinds  # no z, y, loss or product label: every number is in a tag
    (ring,) = [item for item in backward.overlay.items if isinstance(item, Ring)]
    assert ring.sceneBoundingRect().contains(h1.sceneBoundingRect().center())
    assert h1.overlay_look()[1]  # the current neuron glows
    assert scene.neuron_items["o1"].overlay_look()[0]  # not reached yet: faded
    # Its incoming lines lit, the others not.
    for key, item in scene.connection_items.items():
        assert (item.overlay_look()[0] is not None) == (key[1] == "h1"), key
    answer(practice.box, qtbot, repr(Z_H1))
    assert Tag not in overlay_kinds(backward)  # y still waits
    answer(practice.box, qtbot, repr(sigmoid(Z_H1)))
    assert Tag in overlay_kinds(backward)  # answered: the values show
    tags = " ".join(
        line.plain
        for item in backward.overlay.items
        if isinstance(item, Tag)
        for line in item.lines
    )
    assert format_number(sigmoid(Z_H1), backward.session.digits) in tags


def test_a_waiting_backward_question_keeps_the_ring_and_no_number(backward, practice, qtbot):
    step_to_neuron(backward, qtbot, "h1")
    h1 = backward.window.scene.neuron_items["h1"]
    kinds = overlay_kinds(backward)
    assert Ring in kinds and Tag not in kinds
    assert h1.overlay_look()[1]
    assert not backward.legend.isVisible()
    numbers = hand_dL_dz()["h1"]
    answer(practice.box, qtbot, repr(numbers[2]))
    assert Ring in overlay_kinds(backward) and Tag not in overlay_kinds(backward)
    answer(practice.box, qtbot, repr(numbers[0]))
    assert Tag in overlay_kinds(backward) and backward.legend.isVisible()


def test_in_presentation_the_waiting_question_keeps_the_ring(backward, practice, qtbot):
    forward_steps_on(backward)
    backward.actions["presentation"].trigger()
    qtbot.waitUntil(lambda: backward.presentation.active)
    kinds = overlay_kinds(backward)
    assert Ring in kinds and Tag not in kinds
    assert practice.box.isVisible() and seen(practice.box.question) == "1 of 2: What is zh1?"
    backward.actions["leave_presentation"].trigger()


def test_the_export_shows_every_number_while_a_question_waits(
    backward, practice, qtbot, tmp_path, monkeypatch
):
    """The trace export draws each frame itself: a waiting question must not empty its pictures."""
    from playground.gui.backward import trace_export

    drawn: list[bool] = []  # whether each exported picture had the overlay's number tags
    real = trace_export.canvas_picture

    def recording(scene, overlay, *args, **kwargs):
        drawn.append(any(isinstance(item, Tag) for item in overlay.items))
        return real(scene, overlay, *args, **kwargs)

    monkeypatch.setattr(trace_export, "canvas_picture", recording)
    step_to_neuron(backward, qtbot, "h1")
    assert backward.export_html(str(tmp_path / "trace.html"))
    assert len(drawn) == len(backward.session.frames) and all(drawn)
    # And the canvas is as it was: the question still waits, its numbers out of sight.
    assert Ring in overlay_kinds(backward) and Tag not in overlay_kinds(backward)


# ----------------------------------------------------------------- the minibatch's mean pills


def test_no_editor_bias_text_shows_beside_a_mean_pill(trace_window, qtbot):
    backward = open_example(trace_window, qtbot, "skip_connection")
    choose_minibatch(backward, qtbot, "1,3,5")
    step_to_mean(backward, qtbot)
    assert backward.session.frame.kind == MEAN
    scene = backward.window.scene
    pills = [
        item
        for item in backward.overlay.items
        if isinstance(item, Tag) and item.toolTip().startswith("∂L/∂b_")
    ]
    hidden_under_pill = 0
    for item in scene.neuron_items.values():
        bias = item.bias_rect()
        if bias is None:
            continue
        bias = bias.translated(item.pos())
        overlapping = [p for p in pills if p.sceneBoundingRect().intersects(bias)]
        if overlapping:
            hidden_under_pill += 1
            assert item.shown_bias_text() is None, item.name
    assert hidden_under_pill >= 1  # the pills sit where the editor writes the biases
    # Every neuron with a bias has its mean pill, so every bias text is left out.
    with_bias = [i for i in scene.neuron_items.values() if i.bias_text is not None]
    assert len(pills) == len(with_bias)
    assert all(i.shown_bias_text() is None for i in with_bias)
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.frame.kind == UPDATE
    assert all(i.shown_bias_text() == i.bias_text for i in with_bias)  # back at the next frame


def test_the_z_hint_of_a_neuron_with_forty_inputs_is_cut_as_the_panel_cuts_it(
    trace_window, backward, practice, qtbot
):
    from tests.gui.backward.test_large_networks import fan_in_network

    trace_window.document.replace(fan_in_network(40))
    backward.panel.forward_steps.click()
    assert backward.session.label().endswith("forward, neuron o1")
    box = practice.box
    qtbot.mouseClick(box.hint_button, LEFT)
    hint = seen(box.hint)
    # Twelve terms written (b, then w × x of the first eleven inputs), then the other 29 counted.
    assert hint.startswith("Hint: zo1 = 0 + 0.01 × 0.1 + 0.01 × 0.2 + ")
    assert "0.01 × 1.1 + … 29 more terms … = ?" in hint and "0.01 × 1.2" not in hint
    z = sum(0.01 * (k + 1) / 10 for k in range(40))  # the whole sum, not the part written
    answer(box, qtbot, repr(z))
    assert seen(box.earlier).startswith("Right")
