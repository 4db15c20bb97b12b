"""Network ▸ Check Gradients…: the command line's check in a window, the canvas coloured by error.

The expected numbers come from the stepper (one sample, neuron by neuron) and from
finite differences taken here, never from the window's own code; a test double of
the engine's backward pass shows that a wrong gradient fails the check.
"""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from playground.engine import gradient_check
from playground.engine.backward_stepper import trace_sample
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.formatting import format_number
from playground.gui.backward.sample import TRAIN, SampleChoice
from playground.gui.panels.gradient_check_dialog import (
    ABOVE_LIMIT_BACKGROUND,
    ANALYTIC,
    ERROR,
    GREEN,
    GREY,
    NOTE,
    NUMERIC,
    PARAMETER,
    RED,
    SORT_ROLE,
    GradientCheckWindow,
)
from playground.model.dataset import Dataset
from playground.model.examples import example_path
from playground.model.network import Network
from playground.model.neuron import Neuron

WRONG = ("h1", "o1")  # the connection whose gradient the test double gets 10% wrong


def open_check(window) -> GradientCheckWindow:
    """Network ▸ Check Gradients…, through the menu's own action."""
    action = window.action_by_name["check_gradients"]
    assert action in window.menus["network"].actions()
    action.trigger()
    dialog = window.gradient_check_window
    assert isinstance(dialog, GradientCheckWindow) and dialog.isVisible()
    return dialog


def table_rows(dialog) -> dict[str, dict]:
    """Each row as the table shows it (through the sorting proxy), by the name `playground check`
    gives it: the neurons' ids, which the first column's tooltip holds where the canvas's names
    (`neuron_names`: a short label) differ."""
    view = dialog.table.model()
    rows = {}
    for r in range(view.rowCount()):

        def cell(column, role=Qt.ItemDataRole.DisplayRole, r=r):
            return view.data(view.index(r, column), role)

        rows[cell(PARAMETER, Qt.ItemDataRole.ToolTipRole) or cell(PARAMETER)] = {
            "shown": cell(PARAMETER),
            "analytic": cell(ANALYTIC, SORT_ROLE),
            "numeric": cell(NUMERIC, SORT_ROLE),
            "error": cell(ERROR, SORT_ROLE),
            "analytic text": cell(ANALYTIC),
            "error text": cell(ERROR),
            "note": cell(NOTE),
            "background": cell(PARAMETER, Qt.ItemDataRole.BackgroundRole),
        }
    return rows


def name_of(key) -> str:
    return f"w {key[0]} → {key[1]}" if isinstance(key, tuple) else f"b {key}"


def stepper_gradients(network: Network, xs, ts) -> dict[str, float]:
    """∂L/∂w and ∂L/∂b of the mean loss, as the mean of the stepper's one-sample traces."""
    total: dict[str, float] = {}
    for x, t in zip(xs, ts):
        trace = trace_sample(network, [float(v) for v in x], [float(v) for v in t])
        for step in trace.steps:
            total[name_of(step.neuron)] = total.get(name_of(step.neuron), 0.0) + step.dL_db
            for g in step.weight_grads:
                key = name_of((g.source, g.target))
                total[key] = total.get(key, 0.0) + g.dL_dw
    return {name: value / len(xs) for name, value in total.items()}


def central_difference(network: Network, xs, ts, key, h=1e-5) -> float:
    """The slope of the mean loss along one weight, by nudging a copy of the network."""
    losses = []
    for sign in (1, -1):
        nudged = network.copy()
        if isinstance(key, tuple):
            nudged.set_weight(*key, network.connection(*key).weight + sign * h)
        else:
            nudged.set_bias(key, network.neuron(key).bias + sign * h)
        losses.append(CompiledNetwork(nudged).mean_loss(np.asarray(xs), np.asarray(ts)))
    return (losses[0] - losses[1]) / (2 * h)


def connection_colours(window) -> dict[tuple[str, str], str | None]:
    return {
        key: (None if item.flow is None else item.flow_colour().name())
        for key, item in window.scene.connection_items.items()
    }


def connection_looks(window) -> dict[tuple[str, str], tuple[str | None, float]]:
    """Each connection's overlay colour and opacity (the trace fades what it has not reached)."""
    return {
        key: (colour, window.scene.connection_items[key].opacity())
        for key, colour in connection_colours(window).items()
    }


# ----------------------------------------------------------------- opening and numbers


def test_the_menu_action_opens_a_window_that_explains_and_passes(qtbot, window):
    dialog = open_check(window)
    assert not dialog.isModal()
    assert "nudging" in dialog.explanation.text() and "chain rule" in dialog.explanation.text()
    assert dialog.pages.currentWidget() is dialog.table
    network = window.document.network
    rows = table_rows(dialog)
    assert set(rows) == {name_of(c.key) for c in network.connections} | {
        name_of(n.id) for n in network.neurons if not n.is_input
    }
    assert dialog.verdict.text().startswith("Passed")
    assert format_number(gradient_check.CHECK_LIMIT) in dialog.verdict.text()
    assert "samples used: 1 of 1" in dialog.checked_on.text()
    assert all(row["background"] is None for row in rows.values())
    assert set(connection_colours(window).values()) == {QColor(GREEN).name()}


def test_the_table_shows_the_stepper_s_gradients_and_close_finite_differences(qtbot, window):
    window.document.open(example_path("spiral"))
    dialog = open_check(window)
    network = window.document.network
    # `playground check`'s data: the first 32 training samples.
    xs, ts = network.data.train_x[:32], network.data.train_y[:32]
    expected = stepper_gradients(network, xs, ts)
    rows = table_rows(dialog)
    assert "samples used: 32 of 250" in dialog.checked_on.text()
    # The spiral's inputs are labelled X₁ and X₂: the table names them as the canvas does.
    assert rows["w i1 → h1"]["shown"] == "w X₁ → h1"
    assert rows["b h1"]["shown"] == "b h1"
    assert len(rows) == len(expected) == 177
    for name, value in expected.items():
        assert rows[name]["analytic"] == pytest.approx(value, rel=1e-9, abs=1e-14), name
        assert rows[name]["analytic text"] == format_number(rows[name]["analytic"], 8)
    for key in [("h1", "h9"), ("h20", "o1"), "h13"]:
        row = rows[name_of(key)]
        assert row["numeric"] == pytest.approx(central_difference(network, xs, ts, key), rel=1e-6)
        assert row["error"] < gradient_check.CHECK_LIMIT
    assert dialog.verdict.text().startswith("Passed")


def test_with_the_backward_pass_open_it_checks_the_traced_sample(qtbot, window):
    window.document.open(example_path("spiral"))
    backward = window.backward
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    backward.session.set_sample(SampleChoice(TRAIN, 4))
    for _ in range(3):  # to a hidden neuron: its connections glow with their gradients
        backward.step()
    trace_looks = connection_looks(window)
    assert {colour for colour, _ in trace_looks.values()} - {None}
    dialog = open_check(window)
    # The check's colours cover the trace's, at full strength, while the window is open.
    assert set(connection_looks(window).values()) == {(QColor(GREEN).name(), 1.0)}
    assert "train sample 5 of 250" in dialog.checked_on.text()
    assert "Backward Pass" in dialog.checked_on.text()
    network = window.document.network
    x, t = network.data.train_x[4:5], network.data.train_y[4:5]
    expected = stepper_gradients(network, x, t)
    trace = backward.session.trace
    assert trace is not None and list(trace.x) == list(x[0])
    rows = table_rows(dialog)
    for name, value in expected.items():
        assert rows[name]["analytic"] == pytest.approx(value, rel=1e-9, abs=1e-14), name
    # The trace's overlay comes back once the window's colours are gone.
    dialog.close()
    assert backward.overlay.items
    assert connection_looks(window) == trace_looks


# ----------------------------------------------------------------- a wrong gradient fails


class WrongGradient(CompiledNetwork):
    """The engine with one weight's ∂L/∂w off by 10%: a bug the check must catch."""

    def backward(self, run, targets):
        gradients = super().backward(run, targets)
        for k, level in enumerate(self.levels):
            if k and WRONG in level.connection_keys:
                i = level.connection_keys.index(WRONG)
                row, col = level.connection_rows[i], level.connection_cols[i]
                gradients.weights[k][row, col] *= 1.1
        return gradients


def test_a_wrong_gradient_fails_names_its_weight_and_turns_its_connection_red(
    qtbot, window, monkeypatch
):
    monkeypatch.setattr(gradient_check, "CompiledNetwork", WrongGradient)
    dialog = open_check(window)
    verdict = dialog.verdict.text()
    assert verdict.startswith("Failed") and "w h1 → o1" in verdict
    assert dialog.failed()
    rows = table_rows(dialog)
    wrong = rows["w h1 → o1"]
    assert wrong["error"] == pytest.approx(0.1 / 1.1, rel=1e-4)
    assert wrong["background"] == QColor(ABOVE_LIMIT_BACKGROUND)
    assert "above the limit" in wrong["note"]
    assert all(r["background"] is None for name, r in rows.items() if name != "w h1 → o1")
    # Sorted by error, largest first: the wrong weight heads the table.
    first = dialog.table.model().index(0, PARAMETER)
    assert dialog.table.model().data(first) == "w h1 → o1"
    colours = connection_colours(window)
    assert colours.pop(WRONG) == QColor(RED).name()
    assert set(colours.values()) == {QColor(GREEN).name()}


# ----------------------------------------------------------------- the canvas is given back


def test_closing_the_window_clears_the_canvas_colours(qtbot, window):
    dialog = open_check(window)
    assert all(colour is not None for colour in connection_colours(window).values())
    dialog.close()
    assert set(connection_colours(window).values()) == {None}
    # Opened again, it checks again and colours again.
    open_check(window)
    assert None not in connection_colours(window).values()


def test_a_change_to_the_network_clears_the_colours_and_dates_the_numbers(qtbot, window):
    dialog = open_check(window)
    window.document.set_weight("h1", "o1", 0.25)
    assert set(connection_colours(window).values()) == {None}
    assert "changed" in dialog.verdict.text()
    assert not dialog.table.isEnabled()
    dialog.check_again.click()
    assert dialog.verdict.text().startswith("Passed") and dialog.table.isEnabled()
    assert None not in connection_colours(window).values()
    window.document.open(example_path("xor"))
    assert set(connection_colours(window).values()) == {None}


# ----------------------------------------------------------------- nothing to compare


def test_a_network_without_an_output_says_why_instead_of_a_table(qtbot, window):
    window.document.remove_items(["o1", "o2"], [])
    dialog = open_check(window)
    assert dialog.pages.currentWidget() is dialog.why_no_table
    assert "no output neuron" in dialog.why_no_table.text()
    assert dialog.table.model().rowCount() == 0
    assert set(connection_colours(window).values()) == {None}


def test_a_skipped_parameter_is_listed_with_its_reason_and_greyed_on_the_canvas(qtbot, window):
    # z = ±0.0005 for the two samples: nudging the bias either way crosses the relu's kink.
    network = Network(name="kink", loss="squared_error")
    network.add_neuron(Neuron("i1", "input", x=0.0, y=0.0))
    network.add_neuron(Neuron("o1", "output", "relu", 0.0, x=200.0, y=0.0))
    network.connect("i1", "o1", 5e-4)
    network.data = Dataset(
        train_x=np.array([[1.0], [-1.0]]),
        train_y=np.array([[0.3], [0.3]]),
        test_x=np.zeros((0, 1)),  # the output plot reads the test split's columns too
        test_y=np.zeros((0, 1)),
    )
    window.document.replace(network)
    dialog = open_check(window)
    rows = table_rows(dialog)
    assert "kink" in rows["b o1"]["note"] and rows["b o1"]["error text"] == "—"
    assert rows["w i1 → o1"]["error"] < gradient_check.CHECK_LIMIT
    assert dialog.verdict.text().startswith("Passed")
    assert connection_colours(window) == {("i1", "o1"): QColor(GREEN).name()}


def test_a_network_without_data_is_checked_on_seeded_random_inputs(qtbot, window):
    network = window.document.network.copy()
    network.data = None
    window.document.replace(network)
    dialog = open_check(window)
    assert "random" in dialog.checked_on.text()
    assert dialog.verdict.text().startswith("Passed")
    assert GREY not in connection_colours(window).values()


def test_words_from_the_file_are_plain_text(qtbot, window):
    dialog = open_check(window)
    for label in (dialog.verdict, dialog.checked_on, dialog.why_no_table, dialog.explanation):
        assert label.textFormat() == Qt.TextFormat.PlainText
