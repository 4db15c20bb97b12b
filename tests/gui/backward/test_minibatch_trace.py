"""A minibatch in the dock: each sample's passes in turn, the mean gradients, one update.

The picker's Minibatch field counts samples from 1, as its spin box does; the
command line's `--samples` counts from 0, so the app's "1,2,4" is the CLI's
"0,1,3" and the app's "1:4" (4 left out) is the CLI's "0:3".
"""

import math

import pytest
from PySide6.QtCore import Qt

from playground.engine.backward_stepper import trace_sample
from playground.engine.formatting import format_number, neuron_names
from playground.engine.minibatch import trace_minibatch
from playground.gui.backward.frames import MEAN, UPDATE
from playground.gui.backward.sample import parse_batch
from playground.model.examples import example_path
from tests.gui.backward.helpers import cli_trace, panel_numbers

LEFT = Qt.MouseButton.LeftButton


def choose_minibatch(backward, qtbot, text: str) -> None:
    """Type `text` into the picker's Minibatch field and press Return, as a user does."""
    if not backward.panel.picker.isVisible():
        backward.panel.sample_toggle.click()
    field = backward.panel.picker.batch
    assert field.isVisible()
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def step_to_mean(backward, qtbot) -> None:
    while backward.session.frame.kind != MEAN:
        assert backward.session.can_step_forward()
        qtbot.mouseClick(backward.panel.step_button, LEFT)


def open_example(window, qtbot, name: str):
    window.document.open(example_path(name))
    window.backward.open()
    qtbot.waitUntil(window.backward.is_showing)
    return window.backward


def independent_means(network, rows: list[int]) -> dict[str, float]:
    """Each gradient's mean over single-sample traces, computed here without the minibatch code."""
    x, y = network.data.split("train")
    traces = [trace_sample(network, list(x[k]), list(y[k])) for k in rows]
    name = neuron_names(network)
    sums: dict[str, float] = {}
    for trace in traces:
        for step in trace.steps:
            key = f"∂L/∂b_{name[step.neuron]}"
            sums[key] = sums.get(key, 0.0) + step.dL_db
            for g in step.weight_grads:
                key = f"∂L/∂w_{name[g.source]},{name[g.target]}"
                sums[key] = sums.get(key, 0.0) + g.dL_dw
    return {key: total / len(traces) for key, total in sums.items()}


def json_means(network, document: dict) -> dict[str, float]:
    name = neuron_names(network)
    means = {
        f"∂L/∂w_{name[w['source']]},{name[w['target']]}": w["dL_dw"]
        for w in document["mean"]["weights"]
    }
    means.update({f"∂L/∂b_{name[b['neuron']]}": b["dL_db"] for b in document["mean"]["biases"]})
    return means


@pytest.mark.parametrize(
    ("typed", "cli", "rows"), [("1,2,4", "0,1,3", [0, 1, 3]), ("1:4", "0:3", [0, 1, 2])]
)
def test_the_mean_step_shows_the_mean_of_the_single_sample_traces_and_the_cli_mean(
    trace_window, qtbot, capsys, typed, cli, rows
):
    backward = open_example(trace_window, qtbot, "xor")
    network = trace_window.document.network
    choose_minibatch(backward, qtbot, typed)
    session = backward.session
    assert session.sample.batch == tuple(rows)
    assert session.label().startswith("step 1 of ")
    assert "sample 1 of 3 · " in session.label()

    step_to_mean(backward, qtbot)
    assert "minibatch of 3 · mean gradients" in session.label()
    shown = panel_numbers(backward.panel.formula)
    means = {
        name: value for name, value, _ in shown if ", sample " not in name and name != "L mean"
    }
    per_sample = [(name, value) for name, value, _ in shown if ", sample " in name]

    expected = independent_means(network, rows)
    document = cli_trace(capsys, example_path("xor"), "--samples", cli)
    from_cli = json_means(network, document)
    assert set(means) == set(expected) == set(from_cli)
    for name, value in means.items():
        assert math.isclose(value, expected[name], rel_tol=1e-12, abs_tol=1e-15), name
        assert value == from_cli[name], name
    # Each sum is written out: the three samples' values, then the mean, all through the formatter.
    assert len(per_sample) == 3 * len(means)
    text = backward.panel.formula.toPlainText()
    digits = session.digits
    for name, value in means.items():
        assert format_number(value, digits) in text
    assert ") / 3" in text
    loss = [value for name, value, _ in shown if name == "L mean"]
    assert loss == [document["loss"]]

    # The next step is the update from the means; applying it gives the JSON's after-values.
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert session.frame.kind == UPDATE
    assert "minibatch of 3 · SGD update" in session.label()
    stack = trace_window.document.undo_stack
    undo_steps = stack.count()
    qtbot.mouseClick(backward.panel.apply_button, LEFT)
    assert session.applied
    assert stack.count() == undo_steps + 1  # one undo step
    for w in document["update"]["weights"]:
        assert network.connection(w["source"], w["target"]).weight == w["after"]
    for b in document["update"]["biases"]:
        assert network.neuron(b["neuron"]).bias == b["after"]
    stack.undo()
    for w in document["update"]["weights"]:
        assert network.connection(w["source"], w["target"]).weight == w["before"]


def test_each_sample_is_stepped_in_turn_with_its_own_trace(trace_window, qtbot):
    backward = open_example(trace_window, qtbot, "xor")
    network = trace_window.document.network
    choose_minibatch(backward, qtbot, "2,3")
    session = backward.session
    x, y = network.data.split("train")
    seen = []
    while session.frame.kind != MEAN:
        frame = session.frame
        row = [1, 2][frame.sample]
        assert session.trace_for(frame) == trace_sample(network, list(x[row]), list(y[row]))
        seen.append(session.label())
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert any("sample 2 of 2 · backward, neuron " in label for label in seen)
    assert any("sample 1 of 2 · forward pass" in label for label in seen)
    assert len(session.frames) == len(seen) + 2  # then the mean and the update
    minibatch = trace_minibatch(network, [list(x[1]), list(x[2])], [list(y[1]), list(y[2])])
    assert session.trace.update == minibatch.update


def test_the_2_2_2_example_minibatch_of_its_one_sample_means_that_sample(
    trace_window, qtbot, capsys
):
    backward = trace_window.backward
    network = trace_window.document.network
    choose_minibatch(backward, qtbot, "1")
    step_to_mean(backward, qtbot)
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    document = cli_trace(capsys, example_path("two_two_two"), "--samples", "0")
    for name, value in json_means(network, document).items():
        assert shown[name] == value
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    qtbot.mouseClick(backward.panel.apply_button, LEFT)
    for w in document["update"]["weights"]:
        assert network.connection(w["source"], w["target"]).weight == w["after"]


def test_clearing_the_field_goes_back_to_one_sample_traced_as_before(trace_window, qtbot):
    backward = trace_window.backward
    before_label = backward.session.label()
    before_trace = backward.session.trace
    choose_minibatch(backward, qtbot, "1")
    assert backward.session.minibatch is not None
    choose_minibatch(backward, qtbot, "")
    assert backward.session.minibatch is None
    assert backward.session.sample.batch == ()
    assert backward.session.label() == before_label
    assert backward.session.trace == before_trace


def test_a_minibatch_that_cannot_be_read_is_marked_and_changes_nothing(trace_window, qtbot):
    backward = open_example(trace_window, qtbot, "xor")
    choose_minibatch(backward, qtbot, "1,9")
    field = backward.panel.picker.batch
    assert "there is no sample 9" in field.toolTip()
    assert "d12c2c" in field.styleSheet()
    assert backward.session.minibatch is None
    choose_minibatch(backward, qtbot, "1,x")
    assert "is not a list" in field.toolTip()
    choose_minibatch(backward, qtbot, "1,2")
    assert field.styleSheet() == ""
    assert backward.session.sample.batch == (0, 1)


def test_parse_batch_counts_from_one_and_leaves_the_end_of_a_range_out():
    assert parse_batch("1,3,5", 5) == (0, 2, 4)
    assert parse_batch("1:4", 5) == (0, 1, 2)
    assert parse_batch(" 2 , 2 ", 5) == (1, 1)
    for bad in ("0", "6", "3:3", "", "a"):
        with pytest.raises(ValueError):
            parse_batch(bad, 5)


def test_grab_the_dock_at_the_mean_step(trace_window, qtbot):
    backward = open_example(trace_window, qtbot, "xor")
    choose_minibatch(backward, qtbot, "1:4")
    step_to_mean(backward, qtbot)
    backward.panel.sample_toggle.click()  # fold the picker away, as after choosing
    trace_window.resize(1200, 900)
    trace_window.resizeDocks([backward.dock], [520], Qt.Orientation.Vertical)
    qtbot.wait(50)
    assert trace_window.grab().save("/tmp/minibatch.png")
    assert backward.panel.formula.grab().save("/tmp/minibatch_panel.png")
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert trace_window.grab().save("/tmp/minibatch_update.png")


def test_forward_steps_detail_and_export_follow_the_minibatch(trace_window, qtbot, tmp_path):
    backward = open_example(trace_window, qtbot, "xor")
    choose_minibatch(backward, qtbot, "1,2")
    session = backward.session
    backward.panel.forward_steps.click()
    assert session.forward_steps
    assert " · sample 1 of 2 · forward, neuron " in session.label()
    while "sample 2 of 2 · backward" not in session.label():
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    frame = session.frame
    backward.panel.detailed.click()  # the same neuron of the same sample, in three parts
    assert session.frame.sample == frame.sample == 1
    assert session.frame.step == frame.step
    assert "sample 2 of 2 · backward, neuron " in session.label()
    assert " — part 1 of 3: " in session.label()
    path = tmp_path / "minibatch.html"
    assert backward.export_html(str(path))
    page = path.read_text(encoding="utf-8")
    assert "Mean gradients of the minibatch" in page
    assert "minibatch of 2 · SGD update" in page
    assert page.count("<section") == len(session.frames)
