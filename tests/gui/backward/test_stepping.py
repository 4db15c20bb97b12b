"""Stepping through the 2-2-2 example with the buttons and the keys, and what the canvas shows at each step.

The numbers are Mazur's worked example of this network (written out by hand
in many lecture notes), not numbers produced by the code under test.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.backward.helpers import ring_centre, tag_on, tag_texts

LEFT = Qt.MouseButton.LeftButton


def activate(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()


def dimmed(window, neuron_id) -> bool:
    return window.scene.neuron_items[neuron_id].opacity() < 1.0


def connection(window, source, target):
    return window.scene.connection_items[(source, target)]


def test_the_forward_pass_comes_first_with_every_value_the_targets_and_the_loss(
    backward, trace_window
):
    assert backward.session.label() == "forward pass — step 0 of 5"
    assert backward.panel.step_label.text() == "forward pass — step 0 of 5"
    texts = tag_texts(trace_window.scene)
    assert "z 0.3775   y 0.5933" in texts  # h1: 0.35 + 0.15·0.05 + 0.2·0.1, σ of it
    assert "z 1.106   y 0.7514" in texts  # o1
    assert "y 0.05" in texts and "y 0.1" in texts  # the inputs
    assert "t 0.01" in texts and "t 0.99" in texts  # each output's target
    assert "loss\nL = 0.2984" in texts
    assert ring_centre(trace_window.scene) is None
    assert not any(dimmed(trace_window, n) for n in ("i1", "i2", "h1", "h2", "o1", "o2"))
    assert "Forward pass" in backward.panel.formula.toPlainText()
    assert not backward.panel.back_button.isEnabled()


def test_step_back_restart_and_to_the_end_with_the_buttons(backward, trace_window, qtbot):
    scene, panel = trace_window.scene, backward.panel
    qtbot.mouseClick(panel.step_button, LEFT)
    assert panel.step_label.text() == "step 1 of 5: neuron o1"
    assert ring_centre(scene) == scene.neuron_items["o1"].pos()
    assert [dimmed(trace_window, n) for n in ("o1", "o2", "h1", "h2")] == [False, True, True, True]
    # The gradient starts at the loss: y − t on the link from the loss to o1.
    assert "∂L/∂y_o1 from the loss\n0.7514 − 0.01\n= 0.7414" in tag_texts(scene)
    assert "∂L/∂z_o1 0.1385" in tag_texts(scene)
    assert tag_on(trace_window, "h1", "o1").text == "∂L/∂w_h1,o1\n0.5933 × 0.1385\n= 0.08217"
    assert tag_on(trace_window, "h2", "o1").text == "∂L/∂w_h2,o1\n0.5969 × 0.1385\n= 0.08267"
    # Connections into neurons not reached yet are faded; o1's incoming ones are not.
    assert connection(trace_window, "h1", "o2").opacity() < 1.0
    assert connection(trace_window, "h1", "o1").opacity() == 1.0

    qtbot.mouseClick(panel.step_button, LEFT)
    assert panel.step_label.text() == "step 2 of 5: neuron o2"
    assert ring_centre(scene) == scene.neuron_items["o2"].pos()
    assert {"∂L/∂z_o1 0.1385", "∂L/∂z_o2 −0.03810"} <= set(tag_texts(scene))

    qtbot.mouseClick(panel.step_button, LEFT)
    assert panel.step_label.text() == "step 3 of 5: neuron h1"
    assert ring_centre(scene) == scene.neuron_items["h1"].pos()
    # h1's outgoing connections carry their terms w · ∂L/∂z back to it.
    assert tag_on(trace_window, "h1", "o1").text == "w · ∂L/∂z_o1\n0.4 × 0.1385\n= 0.05540"
    assert tag_on(trace_window, "h1", "o2").text == "w · ∂L/∂z_o2\n0.5 × (−0.03810)\n= −0.01905"
    assert tag_on(trace_window, "i1", "h1").text == "∂L/∂w_i1,h1\n0.05 × 0.008771\n= 0.0004386"
    assert [dimmed(trace_window, n) for n in ("i1", "i2", "h1", "h2", "o1", "o2")] == [
        False,
        False,
        False,
        True,
        False,
        False,
    ]
    assert tag_on(trace_window, "h2", "o2") is None
    # Connections whose gradient is known stay at half strength; those not reached yet fade further.
    assert 0.2 < connection(trace_window, "h2", "o2").opacity() < 1.0
    assert connection(trace_window, "i1", "h2").opacity() <= 0.2
    assert connection(trace_window, "h1", "o2").opacity() == 1.0

    qtbot.mouseClick(panel.back_button, LEFT)
    assert panel.step_label.text() == "step 2 of 5: neuron o2"
    assert ring_centre(scene) == scene.neuron_items["o2"].pos()
    assert "∂L/∂z_h1 0.008771" not in tag_texts(scene)

    qtbot.mouseClick(panel.end_button, LEFT)
    assert panel.step_label.text() == "step 5 of 5: SGD update"
    assert tag_on(trace_window, "h1", "o1").text == "0.4 → 0.3589"
    assert "b 0.6 → 0.5308" in tag_texts(scene)
    assert ring_centre(scene) is None
    assert not panel.end_button.isEnabled()
    assert panel.step_button.text() == "Apply update"

    qtbot.mouseClick(panel.restart_button, LEFT)
    assert panel.step_label.text() == "forward pass — step 0 of 5"
    assert "loss\nL = 0.2984" in tag_texts(scene)


def test_the_keys_step_back_restart_and_go_to_the_end(backward, trace_window, qtbot):
    activate(trace_window, qtbot)
    view = trace_window.view
    labels = []
    for key in (
        Qt.Key.Key_Right,
        Qt.Key.Key_Right,
        Qt.Key.Key_Left,
        Qt.Key.Key_End,
        Qt.Key.Key_Home,
        Qt.Key.Key_PageDown,
    ):
        qtbot.keyClick(view, key)
        labels.append(backward.session.label())
    assert labels == [
        "step 1 of 5: neuron o1",
        "step 2 of 5: neuron o2",
        "step 1 of 5: neuron o1",
        "step 5 of 5: SGD update",
        "forward pass — step 0 of 5",
        "step 1 of 5: neuron o1",
    ]


def test_a_space_tap_steps_but_space_and_drag_pans_without_stepping(backward, trace_window, qtbot):
    activate(trace_window, qtbot)
    view = trace_window.view
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert backward.session.label() == "step 1 of 5: neuron o1"

    centre = view.mapToScene(view.viewport().rect().center())
    qtbot.keyPress(view, Qt.Key.Key_Space)
    start = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), LEFT, pos=start)
    qtbot.mouseMove(view.viewport(), start + start / 4)
    qtbot.mouseRelease(view.viewport(), LEFT, pos=start + start / 4)
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert view.mapToScene(view.viewport().rect().center()) != centre  # it panned
    assert backward.session.label() == "step 1 of 5: neuron o1"  # and did not step


def test_space_in_the_formula_panel_steps(backward, qtbot):
    backward.panel.formula.setFocus()
    qtbot.keyClick(backward.panel.formula.viewport(), Qt.Key.Key_Space)
    assert backward.session.label() == "step 1 of 5: neuron o1"


def test_the_arrows_do_not_step_while_the_dock_is_closed(window, qtbot):
    backward = window.backward
    activate(window, qtbot)
    assert not backward.is_showing()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert backward.session.cursor == 0
    assert not [t for t in tag_texts(window.scene)]  # and the canvas looks as the editor draws it


def test_closing_the_dock_takes_the_overlay_off_the_canvas(backward, trace_window, qtbot):
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert tag_texts(trace_window.scene)
    backward.dock.close()
    qtbot.waitUntil(lambda: not backward.is_showing())
    assert tag_texts(trace_window.scene) == []
    assert all(item.opacity() == 1.0 for item in trace_window.scene.neuron_items.values())
    assert not backward.legend.isVisible()
    backward.open()
    assert backward.session.label() == "step 1 of 5: neuron o1"  # the place is kept
    assert ring_centre(trace_window.scene) == trace_window.scene.neuron_items["o1"].pos()


def test_play_steps_on_by_itself_and_stops_at_the_update(backward, qtbot):
    backward.panel.speed.setValue(1)  # a quarter second a step
    qtbot.mouseClick(backward.panel.play_button, LEFT)
    assert backward.panel.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: backward.session.label() == "step 2 of 5: neuron o2", timeout=5000)
    qtbot.waitUntil(backward.session.at_update, timeout=5000)
    qtbot.waitUntil(lambda: not backward.panel.play_button.isChecked(), timeout=2000)
    assert backward.panel.play_button.text() == "Play"
    assert not backward.session.applied  # playing never changes the network


def test_opening_another_network_stops_play_even_before_the_first_step(
    backward, trace_window, qtbot
):
    from playground.model.examples import example_path

    backward.panel.speed.setValue(backward.panel.speed.maximum())  # slow: no step before the open
    qtbot.mouseClick(backward.panel.play_button, LEFT)
    assert backward.panel.play_button.isChecked()
    trace_window.document.open(example_path("xor"))
    assert not backward.panel.play_button.isChecked()
    assert backward.session.label() == "forward pass — step 0 of 4"  # h1, h2, o1, the update


def test_a_forward_step_sends_dots_back_along_the_glowing_connections(
    backward, trace_window, qtbot
):
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.animation.running
    # Two dots for h1's two outgoing connections, each starting at the far (target) end.
    starts = sorted((dot.pos().x(), dot.pos().y()) for dot, _, _ in backward.animation.dots)
    ends = [end for _, _, end in backward.animation.dots]
    assert len(starts) == 2
    h1 = trace_window.scene.neuron_items["h1"].pos()
    assert all((end - h1).manhattanLength() < 40 for end in ends)
    qtbot.waitUntil(lambda: not backward.animation.running, timeout=3000)
    assert backward.animation.dots == []
