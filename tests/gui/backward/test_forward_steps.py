"""Issue 13: the forward pass, one neuron at a time, before the backward pass.

Driven through the real dock, keys and menu as the other tests are. The panel's
numbers are checked against `playground trace --json` (z and y of every neuron,
the weights and biases before the update); the products w · y against the
stepper itself, which the backward trace uses too.
"""

import json

import pytest
from PySide6.QtCore import QRegularExpression, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from playground.engine.backward_stepper import forward_order
from playground.engine.formatting import format_number, neuron_names
from playground.gui.backward.forward_html import FORWARD_COLOUR
from playground.gui.backward.frames import FORWARD_STEP, NEURON
from playground.model.examples import example_names, example_path
from playground.model.network_file import load_network
from tests.gui.backward.helpers import (
    cli_trace,
    named_numbers,
    panel_numbers,
    ring_centre,
    tag_on,
    tag_texts,
)

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def forward_steps_off():
    """Overrides the package's autouse fixture: here the setting keeps its default (on)."""


def open_trace(window, qtbot):
    window.backward.open()
    qtbot.waitUntil(window.backward.is_showing)
    return window.backward


def activate(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()


def forward_numbers(network, document: dict) -> dict[str, float]:
    """The JSON's numbers by name, plus each bias b_j and each product w_i,j · y_i."""
    numbers = named_numbers(network, document)
    name = neuron_names(network)
    for b in document["update"]["biases"]:
        numbers[f"b_{name[b['neuron']]}"] = b["before"]
    weights = {(w["source"], w["target"]): w["before"] for w in document["update"]["weights"]}
    for (source, target), weight in weights.items():
        i, j = name[source], name[target]
        numbers[f"w_{i},{j}"] = weight
        numbers[f"w_{i},{j} · y_{i}"] = weight * document["forward"][source]["y"]
    return numbers


# ----------------------------------------------------------------- the default and the order


def test_it_is_on_by_default_and_starts_at_the_first_non_input_neuron(qtbot, window):
    backward = open_trace(window, qtbot)
    assert backward.panel.forward_steps.isChecked()
    assert backward.actions["forward_steps"].isChecked()
    assert backward.actions["forward_steps"] in window.menus["backward"].actions()
    assert backward.session.label() == "step 1 of 9: forward, neuron h1"
    assert backward.panel.step_label.text() == "step 1 of 9: forward, neuron h1"
    assert ring_centre(window.scene) == window.scene.neuron_items["h1"].pos()
    assert not backward.panel.back_button.isEnabled()


def test_the_worked_example_h1_reads_as_on_the_blackboard(qtbot, window):
    """Mazur's 2-2-2 numbers, written out by hand: z_h1 = 0.35 + 0.15·0.05 + 0.2·0.1."""
    backward = open_trace(window, qtbot)
    lines = [line.strip() for line in backward.panel.formula.toPlainText().splitlines()]
    assert "Forward pass: neuron h1 · hidden, sigmoid" in lines
    assert lines.index("bh1 + Σi wi,h1 · yi") < lines.index("0.35 + 0.15 × 0.05 + 0.2 × 0.1")
    # 0.2 × 0.1 is 0.020000000000000004 in floating point: rounded, so its zeros are kept.
    assert lines.index("0.35 + 0.15 × 0.05 + 0.2 × 0.1") < lines.index("0.35 + 0.0075 + 0.02000")
    assert lines.index("0.35 + 0.0075 + 0.02000") < lines.index("0.3775")
    assert lines.index("σ(zh1)") < lines.index("σ(0.3775)") < lines.index("0.5933")
    assert "Next: ▶ Step computes h2." in lines


def test_a_forward_step_sends_dots_from_the_inputs_into_the_neuron(qtbot, window):
    backward = open_trace(window, qtbot)
    qtbot.mouseClick(backward.panel.step_button, LEFT)  # to h2, whose inputs are i1 and i2
    assert backward.animation.running
    scene = window.scene
    h2 = scene.neuron_items["h2"].pos()
    inputs = [scene.neuron_items[n].pos() for n in ("i1", "i2")]
    starts = [start for _, start, _ in backward.animation.dots]
    ends = [end for _, _, end in backward.animation.dots]
    assert len(starts) == 2
    assert all(min((s - i).manhattanLength() for i in inputs) < 40 for s in starts)
    assert all((e - h2).manhattanLength() < 40 for e in ends)


def part_titles(panel):
    """Where the panel shows the titles "1 · …" and "2 · …" of a forward step's two parts."""
    return [panel.cursorRect(panel.document().find(QRegularExpression(f"^{k} · "))) for k in (1, 2)]


def test_a_narrow_panel_puts_the_two_parts_one_under_the_other(qtbot, window):
    backward = open_trace(window, qtbot)
    panel = backward.panel.formula
    window.resize(1400, 900)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, backward.dock)
    qtbot.waitUntil(lambda: panel.width() > 600)
    first, second = part_titles(panel)
    assert second.top() == first.top() and second.left() > first.left() + 200  # side by side
    # Docked beside the canvas and dragged narrow, as a user may.
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, backward.dock)
    window.resizeDocks([backward.dock], [300], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: panel.width() < 400)
    qtbot.waitUntil(lambda: part_titles(panel)[1].top() > part_titles(panel)[0].bottom())
    first, second = part_titles(panel)
    assert abs(second.left() - first.left()) < 5  # one under the other
    assert panel.horizontalScrollBar().maximum() == 0  # nothing runs past the edge
    assert "0.35 + 0.15 × 0.05 + 0.2 × 0.1" in panel.toPlainText()  # the same text
    # Presentation mode's larger text in the same panel stays one under the other.
    backward.presentation.enter()
    try:
        qtbot.waitUntil(lambda: part_titles(panel)[1].top() > part_titles(panel)[0].bottom())
    finally:
        backward.presentation.leave()


def test_the_canvas_lights_the_incoming_products_and_fades_what_is_not_reached(qtbot, window):
    backward = open_trace(window, qtbot)
    scene = window.scene
    assert tag_on(window, "i1", "h1").text == "w · y_i1\n0.15 × 0.05\n= 0.0075"
    assert tag_on(window, "i2", "h1").text == "w · y_i2\n0.2 × 0.1\n= 0.02000"
    for key in (("i1", "h1"), ("i2", "h1")):
        item = scene.connection_items[key]
        assert item.flow_colour() == QColor(FORWARD_COLOUR)
        assert item.opacity() == 1.0
    assert scene.connection_items[("h1", "o1")].opacity() < 1.0
    dimmed = {n for n, item in scene.neuron_items.items() if item.opacity() < 1.0}
    assert dimmed == {"h2", "o1", "o2"}
    texts = tag_texts(scene)
    assert "z 0.3775   y 0.5933" in texts  # h1, computed at this step
    assert "y 0.05" in texts and "y 0.1" in texts  # the inputs hold the sample
    assert not any(t.startswith("z 1.106") for t in texts)  # o1 is not computed yet
    assert "loss\nL = ? (after the outputs)" in texts
    assert "Forward" in backward.legend.text()

    qtbot.mouseClick(backward.panel.step_button, LEFT)
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == "step 3 of 9: forward, neuron o1"
    assert tag_on(window, "h1", "o1").text == "w · y_h1\n0.4 × 0.5933\n= 0.2373"
    assert "z 0.3775   y 0.5933" in tag_texts(scene)  # h1 keeps its value once computed
    assert scene.connection_items[("i1", "h1")].opacity() == pytest.approx(0.5)
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert "loss\nL = 0.2984" in tag_texts(scene)  # the last forward step: every output known


def test_forward_then_backward_back_across_the_boundary_restart_and_keys(qtbot, window):
    backward = open_trace(window, qtbot)
    panel = backward.panel
    labels = [backward.session.label()]
    for _ in range(5):
        qtbot.mouseClick(panel.step_button, LEFT)
        labels.append(backward.session.label())
    assert labels == [
        "step 1 of 9: forward, neuron h1",
        "step 2 of 9: forward, neuron h2",
        "step 3 of 9: forward, neuron o1",
        "step 4 of 9: forward, neuron o2",
        "step 5 of 9: backward, neuron o1",
        "step 6 of 9: backward, neuron o2",
    ]
    kinds = [frame.kind for frame in backward.session.frames]
    assert kinds == [FORWARD_STEP] * 4 + [NEURON] * 4 + ["update"]
    qtbot.mouseClick(panel.back_button, LEFT)
    assert backward.session.label() == "step 5 of 9: backward, neuron o1"
    qtbot.mouseClick(
        panel.back_button, LEFT
    )  # from the first backward step to the last forward one
    assert backward.session.label() == "step 4 of 9: forward, neuron o2"
    assert "Forward pass: neuron o2" in panel.formula.toPlainText()
    assert ring_centre(window.scene) == window.scene.neuron_items["o2"].pos()
    qtbot.mouseClick(panel.end_button, LEFT)
    assert backward.session.label() == "step 9 of 9: SGD update"
    qtbot.mouseClick(panel.restart_button, LEFT)
    assert backward.session.label() == "step 1 of 9: forward, neuron h1"

    activate(window, qtbot)
    seen = []
    for key in [Qt.Key.Key_Right] * 4 + [Qt.Key.Key_Left, Qt.Key.Key_Space, Qt.Key.Key_Home]:
        qtbot.keyClick(window.view, key)
        seen.append(backward.session.label())
    assert seen == [
        "step 2 of 9: forward, neuron h2",
        "step 3 of 9: forward, neuron o1",
        "step 4 of 9: forward, neuron o2",
        "step 5 of 9: backward, neuron o1",
        "step 4 of 9: forward, neuron o2",
        "step 5 of 9: backward, neuron o1",
        "step 1 of 9: forward, neuron h1",
    ]


# ----------------------------------------------------------------- the numbers


@pytest.mark.parametrize("name", example_names())
def test_every_forward_number_equals_the_command_line_json(qtbot, window, capsys, name):
    path = example_path(name)
    window.document.open(path)
    backward = open_trace(window, qtbot)
    network = window.document.network
    document = cli_trace(capsys, path)
    numbers = forward_numbers(network, document)
    names = neuron_names(network)
    digits = backward.session.digits
    order = forward_order(network)
    assert len(order) == len(document["steps"])  # every non-input neuron, once each way
    for k, neuron_id in enumerate(order):
        frame = backward.session.frame
        assert frame.kind == FORWARD_STEP and frame.step == k
        assert backward.session.label().endswith(f": forward, neuron {names[neuron_id]}")
        shown = panel_numbers(backward.panel.formula)
        for number_name, value, text in shown:
            assert number_name in numbers, (
                f"{number_name} is shown but the trace has no such number"
            )
            assert value == numbers[number_name], number_name
            assert text == format_number(numbers[number_name], digits), number_name
        j = names[neuron_id]
        seen = {number_name for number_name, _, _ in shown}
        sources = [c.source for c in network.incoming(neuron_id)]
        wanted = {f"z_{j}", f"y_{j}", f"b_{j}"}
        wanted |= {f"w_{names[i]},{j} · y_{names[i]}" for i in sources}
        wanted |= {f"y_{names[i]}" for i in sources}
        assert wanted <= seen, f"{neuron_id}: {wanted - seen} not shown"
        assert {n: v for n, v, _ in shown if n in (f"z_{j}", f"y_{j}")} == {
            f"z_{j}": document["forward"][neuron_id]["z"],
            f"y_{j}": document["forward"][neuron_id]["y"],
        }
        current = f"z {format_number(document['forward'][neuron_id]['z'], digits)}"
        assert any(t.startswith(current) for t in tag_texts(window.scene))
        if k == len(order) - 1:
            assert "L" in seen and numbers["L"] == document["loss"]
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    frame = backward.session.frame
    assert frame.kind == NEURON and frame.step == 0
    assert backward.session.trace.steps[0].neuron == document["steps"][0]["neuron"]


def test_the_products_add_up_to_z_exactly_as_the_engine_computed_it(qtbot, window):
    """b + Σ w·y, summed in order from the products shown, is the trace's z to the last bit."""
    from playground.engine.backward_stepper import forward_step

    backward = open_trace(window, qtbot)
    network, trace = window.document.network, backward.session.trace
    for neuron_id in forward_order(network):
        step = forward_step(network, trace.forward, neuron_id)
        z = step.bias
        for term in step.terms:
            z += term.product
        assert z == trace.forward[neuron_id].z == step.z


# ----------------------------------------------------------------- the setting


def test_with_the_setting_off_stepping_starts_at_the_backward_pass_as_before(qtbot, window):
    backward = open_trace(window, qtbot)
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    backward.actions["forward_steps"].trigger()  # Backward ▸ Step the Forward Pass, off
    assert not backward.panel.forward_steps.isChecked()
    assert QSettings().value("backward/forward_steps") in (False, "false")
    assert "Forward" not in backward.legend.text()  # no forward colour to explain
    assert backward.session.label() == "forward pass — step 0 of 5"
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == "step 1 of 5: neuron o1"
    qtbot.mouseClick(backward.panel.restart_button, LEFT)
    assert backward.session.label() == "forward pass — step 0 of 5"
    assert "Forward pass" in backward.panel.formula.toPlainText()

    # The check box turns it on again at the same backward neuron.
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    backward.panel.forward_steps.click()
    assert backward.actions["forward_steps"].isChecked()
    assert backward.session.label() == "step 5 of 9: backward, neuron o1"


def test_the_setting_is_remembered_by_the_next_window(qtbot, window):
    from playground.gui.main_window import MainWindow

    backward = open_trace(window, qtbot)
    backward.panel.forward_steps.click()
    assert not backward.session.forward_steps
    second = MainWindow()
    try:
        second.document.replace(load_network(example_path("two_two_two")))
        second.backward.session.refresh()
        assert not second.backward.session.forward_steps
        assert not second.backward.panel.forward_steps.isChecked()
        assert not second.backward.actions["forward_steps"].isChecked()
        assert second.backward.session.frames[0].kind == "forward"
    finally:
        second.document.undo_stack.setClean()
        second.close()
        second.deleteLater()


# ----------------------------------------------------------------- export and names


def test_the_html_export_has_the_forward_steps_before_the_backward_ones(qtbot, window, tmp_path):
    backward = open_trace(window, qtbot)
    path = tmp_path / "trace.html"
    assert backward.export_html(str(path))
    page = path.read_text(encoding="utf-8")
    assert page.count("<section") == 9
    first_forward = page.index("step 1 of 9: forward, neuron h1")
    last_forward = page.index("step 4 of 9: forward, neuron o2")
    first_backward = page.index("step 5 of 9: backward, neuron o1")
    assert first_forward < last_forward < first_backward
    assert "Forward pass: neuron h1" in page and "1 · Weighted sum" in page
    assert 'title="w_i1,h1 · y_i1 = 0.0075"' in page
    assert 'title="z_h1 = 0.37750000000000006"' in page or 'title="z_h1 = 0.3775"' in page
    assert backward.session.label() == "step 1 of 9: forward, neuron h1"  # left where it was


def test_a_neuron_named_with_markup_is_shown_as_written(qtbot, window, tmp_path):
    document = json.loads(example_path("two_two_two").read_text(encoding="utf-8"))
    for neuron in document["neurons"]:
        if neuron["id"] == "h1":
            neuron["id"] = "<b>x</b>"
    for connection in document["connections"]:
        for end in ("source", "target"):
            if connection[end] == "h1":
                connection[end] = "<b>x</b>"
    path = tmp_path / "marked.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    window.document.open(path)
    backward = open_trace(window, qtbot)
    label = backward.panel.step_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "step 1 of 9: forward, neuron <b>x</b>"
    assert "Forward pass: neuron <b>x</b>" in backward.panel.formula.toPlainText()


# ----------------------------------------------------------------- other settings and sizes


def test_the_detailed_toggle_and_presentation_mode_keep_the_forward_step(qtbot, window):
    backward = open_trace(window, qtbot)
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    backward.panel.detailed.click()
    assert backward.session.label() == "step 2 of 9: forward, neuron h2"
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == (
        "step 5 of 9: backward, neuron o1 — part 1 of 3: gather ∂L/∂y"
    )
    qtbot.mouseClick(backward.panel.back_button, LEFT)
    assert backward.session.label() == "step 4 of 9: forward, neuron o2"
    backward.presentation.enter()
    try:
        text = backward.panel.formula.toPlainText()
        assert "1 · Weighted sum" in text and "Loss" in text
        assert "Each incoming connection" not in text  # the teacher says the sentences
    finally:
        backward.presentation.leave()


def test_a_neuron_with_forty_inputs_writes_part_of_the_sum_and_labels_the_largest(qtbot, window):
    from tests.gui.backward.test_large_networks import fan_in_network

    network = fan_in_network(40)
    window.document.replace(network)
    backward = open_trace(window, qtbot)
    assert backward.session.label() == "step 1 of 3: forward, neuron o1"
    labelled = {key for key in backward.overlay.labels if key != "loss"}
    # w · y = 0.01 · (k + 1)/10 grows with k: the last 24 inputs have the largest products.
    assert labelled == {(f"i{k}", "o1") for k in range(17, 41)}
    text = backward.panel.formula.toPlainText()
    assert "… (28 more terms: the canvas shows the largest)" in text
    z = backward.session.trace.forward["o1"].z
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    assert shown["z_o1"] == z


def test_turning_it_on_after_an_edit_behind_the_hidden_panel_traces_the_new_weights(qtbot, window):
    backward = open_trace(window, qtbot)
    backward.panel.forward_steps.click()  # off
    backward.dock.hide()
    qtbot.waitUntil(lambda: not backward.is_showing())
    window.document.push_parameter_change("weight", {("i1", "h1"): 0.5}, {})
    backward.actions["forward_steps"].trigger()  # on again, while hidden
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    assert backward.session.label() == "step 1 of 9: forward, neuron h1"
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    assert shown["w_i1,h1"] == 0.5
    assert shown["z_h1"] == 0.35 + 0.5 * 0.05 + 0.2 * 0.1
