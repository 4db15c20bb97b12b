"""The formula panel at 10k connections: each frame's page written once, only what it shows described.

A page is kept per trace and written again when the digits, the notation, a
label or the network change; a neuron with a thousand inputs is described in the
part the page writes; many weights' gradients go one to a line; a long table
lists its first rows and a link lists more. Every number is checked against the
chain rule done here, not against the code that wrote it.
"""

import re

import pytest
from PySide6.QtCore import Qt

from playground.engine.backward_stepper import trace_sample
from playground.engine.trace_description import TraceDescriber
from playground.gui.backward import frame_texts
from playground.gui.backward.formula_html import TERMS_WRITTEN
from playground.gui.backward.frames import FORWARD_STEP, NEURON, Frame
from playground.gui.backward.summary_html import MORE_ROWS, UPDATE_ROWS_FIRST, UPDATE_ROWS_SHOWN
from playground.model.network import Network
from playground.model.neuron import Neuron
from tests.gui.backward.helpers import click_link, panel_numbers
from tests.gui.backward.test_large_networks import fan_in_network, layered_network
from tests.gui.backward.test_minibatch_trace import choose_minibatch, open_example, step_to_mean
from tests.gui.backward.test_notation import notation_action
from tests.gui.backward.test_panel_and_sample import point_of

LEFT = Qt.MouseButton.LeftButton
# Mazur's worked 2-2-2 example, by hand: ∂L/∂z_h1 = σ′(z_h1) · (0.4 · δ_o1 + 0.5 · δ_o2).
DL_DZ_H1 = 0.00877135468948693


def pages_written(monkeypatch) -> list[Frame]:
    """The frames whose page `FrameTexts` writes from now on, in order."""
    written: list[Frame] = []
    write = frame_texts.frame_html

    def recording(*args, **kwargs):
        written.append(args[2])
        return write(*args, **kwargs)

    monkeypatch.setattr(frame_texts, "frame_html", recording)
    return written


def shown(panel) -> dict[str, tuple[float, str]]:
    """Each number on the panel by its name: (its full value, its text)."""
    return {name: (value, text) for name, value, text in panel_numbers(panel)}


def step(backward, qtbot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.mouseClick(backward.panel.step_button, LEFT)


def test_back_and_step_to_a_frame_seen_write_no_page_again(backward, qtbot, monkeypatch):
    written = pages_written(monkeypatch)
    step(backward, qtbot, 3)
    assert backward.session.label() == "step 3 of 5: neuron h1"
    assert [f.kind for f in written] == [NEURON, NEURON, NEURON]
    panel = backward.panel.formula
    first_time = panel.toPlainText()
    assert abs(shown(panel)["∂L/∂z_h1"][0] - DL_DZ_H1) < 1e-16
    for _ in range(2):
        qtbot.mouseClick(backward.panel.back_button, LEFT)
    step(backward, qtbot, 2)
    assert len(written) == 3  # o2 and h1 again: their pages were kept
    assert panel.toPlainText() == first_time


def test_a_page_is_written_again_for_new_digits_notation_labels_and_weights(
    backward, trace_window, qtbot, monkeypatch
):
    step(backward, qtbot, 3)
    written = pages_written(monkeypatch)
    panel = backward.panel.formula

    backward.panel.digits.setValue(6)
    assert len(written) == 1
    assert shown(panel)["∂L/∂z_h1"][1] == "0.00877135"  # 0.00877135468… to 6 digits
    backward.panel.digits.setValue(4)
    assert len(written) == 1  # the page of 4 digits was kept
    assert shown(panel)["∂L/∂z_h1"][1] == "0.008771"

    notation_action(trace_window, "&Layer-Relative (j−1, j, j+1)").trigger()
    assert len(written) == 2
    assert "∂L/∂w(j−1)₁,j" in panel.toPlainText()
    notation_action(trace_window, "&Neuron Names").trigger()
    assert len(written) == 2
    assert "∂L/∂wi1,h1" in panel.toPlainText()

    # A new label keeps the trace and the place, and renames the neuron on the page.
    trace_window.document.set_label("h1", "hid")
    assert backward.session.label() == "step 3 of 5: neuron hid"
    assert len(written) == 3
    assert "∂L/∂z_hid" in shown(panel) and "∂L/∂z_h1" not in shown(panel)

    # A new weight traces the sample again: h1's page has the new weight's numbers.
    trace_window.document.set_weight("h1", "o1", 0.9)
    while backward.session.label() != "step 3 of 5: neuron hid":
        step(backward, qtbot)
    numbers = shown(panel)
    assert numbers["w_hid,o1"][0] == 0.9
    gathered = (
        0.9 * numbers["∂L/∂z_o1"][0] + numbers["w_hid,o2"][0] * numbers["∂L/∂z_o2"][0]
    )  # the chain rule's sum, done here
    assert numbers["∂L/∂y_hid"][0] == pytest.approx(gathered, rel=1e-15)


def test_a_redraw_of_the_frame_shown_lays_out_no_text(backward, qtbot, monkeypatch):
    step(backward, qtbot, 3)
    panel = backward.panel.formula
    texts = []
    set_html = panel.setHtml
    monkeypatch.setattr(panel, "setHtml", lambda body: (texts.append(body), set_html(body)))
    backward.show_formula()
    backward.show_formula()
    assert texts == []
    step(backward, qtbot)
    assert len(texts) == 1


def test_a_neuron_with_a_thousand_inputs_is_described_only_where_the_page_writes(monkeypatch):
    """o1 = Σ w_k · x_k with w_k = 0.01 and x_k = k/10 (k = 1…1000), linear, target 0."""
    network = fan_in_network(1000)
    trace = trace_sample(network, [(k + 1) / 10 for k in range(1000)], [0.0])
    described: list[int] = []
    neuron, forward = TraceDescriber.neuron, TraceDescriber.forward
    monkeypatch.setattr(
        TraceDescriber,
        "neuron",
        lambda self, s: (described.append(len(s.weight_grads)), neuron(self, s))[1],
    )
    monkeypatch.setattr(
        TraceDescriber,
        "forward",
        lambda self, s: (described.append(len(s.terms)), forward(self, s))[1],
    )
    backward_page = frame_texts.frame_html(network, trace, Frame(NEURON, 0), 4, "")
    forward_page = frame_texts.frame_html(network, trace, Frame(FORWARD_STEP, 0), 4, "")
    assert described and max(described) <= TERMS_WRITTEN

    titles = dict(re.findall(r'title="([^"]*) = ([^"]*)"', backward_page + forward_page))
    value = {name: float(full.replace("−", "-")) for name, full in titles.items()}
    z = 0.01 * sum(k / 10 for k in range(1, 1001))  # 500.5, the whole sum's
    assert value["z_o1"] == pytest.approx(z, rel=1e-12)
    dL_dz = value["∂L/∂z_o1"]
    assert dL_dz == pytest.approx(z, rel=1e-12)  # squared error: y − t, and f′ = 1
    gradients = [name for name in value if name.startswith("∂L/∂w_")]
    assert len(gradients) == TERMS_WRITTEN
    for k in range(1, TERMS_WRITTEN + 1):
        assert value[f"∂L/∂w_i{k},o1"] == pytest.approx(k / 10 * dL_dz, rel=1e-12)
    assert f"… and {1000 - TERMS_WRITTEN} more weights’ gradients" in backward_page
    assert f"… ({1000 - TERMS_WRITTEN} more terms: the canvas shows the largest)" in forward_page


def test_many_weights_are_written_one_to_a_line_and_their_numbers_still_hover(
    backward, trace_window, qtbot
):
    """Eight inputs x_k = k/10, weights 0.01, linear output, target 0: ∂L/∂w_k = x_k · z."""
    trace_window.document.replace(fan_in_network(8))
    backward.open()
    step(backward, qtbot)  # the output neuron o1
    panel = backward.panel.formula
    z = 0.01 * sum(k / 10 for k in range(1, 9))  # 0.036
    lines = [line.strip() for line in panel.toPlainText().splitlines()]
    third = next(line for line in lines if line.startswith("∂L/∂wi3,o1"))
    # Symbol, rule, numbers and value on one line.
    assert third.count(" = ") == 3 and "yi3 · ∂L/∂zo1" in third
    name, _, full = panel.tooltip_at(point_of(panel, third.rsplit(" = ", 1)[1])).partition(" = ")
    assert name == "∂L/∂w_i3,o1"
    assert float(full) == pytest.approx(0.3 * z, rel=1e-12)


def update_rows(panel) -> list[tuple[float, float, float, float]]:
    """(before, η, gradient, after) of each weight row of the update table on the panel."""
    numbers = shown(panel)
    rows = []
    for name, (after, _) in numbers.items():
        if name.startswith("w_") and name.endswith(" after"):
            weight = name.removesuffix(" after")
            rows.append(
                (
                    numbers[f"{weight} before"][0],
                    numbers["η"][0],
                    numbers[f"∂L/∂{weight}"][0],
                    after,
                )
            )
    return rows


def test_a_long_update_lists_its_first_rows_and_its_link_lists_more(backward, trace_window, qtbot):
    network = layered_network([2, 20, 20, 1])
    parameters = len(network.connections) + 41
    trace_window.document.replace(network)
    backward.open()
    backward.to_end()
    panel = backward.panel.formula
    rows = update_rows(panel)
    assert len(rows) == UPDATE_ROWS_FIRST
    assert f"Show {UPDATE_ROWS_SHOWN - UPDATE_ROWS_FIRST} more rows" in panel.toPlainText()
    assert click_link(qtbot, panel, MORE_ROWS)
    rows = update_rows(panel)
    assert len(rows) == UPDATE_ROWS_SHOWN
    for before, rate, gradient, after in rows:
        assert after == pytest.approx(before - rate * gradient, rel=1e-15, abs=1e-17)
    assert "more rows" not in panel.toPlainText()
    assert f"… and {parameters - UPDATE_ROWS_SHOWN} more weights and biases" in panel.toPlainText()
    step(backward, qtbot)  # applied: the same trace keeps its rows
    assert backward.session.applied and len(update_rows(panel)) == UPDATE_ROWS_SHOWN
    backward.restart()  # traced again with the new weights: first rows only
    backward.to_end()
    assert len(update_rows(panel)) == UPDATE_ROWS_FIRST


def test_a_text_that_fits_shows_no_scroll_bar_and_a_long_one_keeps_it(
    backward, trace_window, qtbot
):
    dock, panel = backward.dock, backward.panel.formula
    dock.setFloating(True)
    dock.resize(900, 1500)
    qtbot.waitUntil(lambda: panel.height() > 900)
    backward.restart()  # the 2-2-2 forward pass: a short page
    assert panel.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    assert not panel.verticalScrollBar().isVisible()
    trace_window.document.replace(layered_network([2, 20, 20, 1]))
    backward.open()
    backward.to_end()
    assert click_link(qtbot, panel, MORE_ROWS)  # 250 rows: taller than any screen
    assert panel.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert panel.verticalScrollBar().maximum() > 0


def mean_rows(panel) -> dict[str, tuple[float, list[float]]]:
    """Each gradient of the means table: (its mean, its per-sample values), by name."""
    rows: dict[str, tuple[float, list[float]]] = {}
    per_sample: dict[str, list[float]] = {}
    for name, value, _ in panel_numbers(panel):
        gradient, _, sample = name.partition(", sample ")
        if sample:
            per_sample.setdefault(gradient, []).append(value)
        elif name.startswith("∂L/∂") and name in per_sample:
            rows[name] = (value, per_sample[name])
    return rows


def test_the_means_of_a_big_minibatch_list_their_first_rows_and_the_link_the_rest(window, qtbot):
    open_example(window, qtbot, "spiral")
    backward = window.backward
    network = window.document.network
    total = len(network.connections) + len(network.neurons) - len(network.input_ids())
    assert total > UPDATE_ROWS_FIRST
    choose_minibatch(backward, qtbot, "1,2")
    step_to_mean(backward, qtbot)
    panel = backward.panel.formula
    assert len(mean_rows(panel)) == UPDATE_ROWS_FIRST
    assert click_link(qtbot, panel, MORE_ROWS)
    rows = mean_rows(panel)
    assert len(rows) == min(total, UPDATE_ROWS_SHOWN)
    for mean, values in rows.values():
        assert len(values) == 2
        assert mean == pytest.approx((values[0] + values[1]) / 2, rel=1e-12, abs=1e-18)


def test_the_pages_kept_are_bounded_however_many_frames_are_shown(monkeypatch):
    """Pages of the frames shown longest ago are written again; the latest are kept."""
    network = fan_in_network(3)
    trace = trace_sample(network, [0.1, 0.2, 0.3], [0.0])
    texts = frame_texts.FrameTexts()
    written = pages_written(monkeypatch)
    frame = Frame(NEURON, 0)
    for k in range(frame_texts.PAGES_KEPT + 1):
        texts.html(network, trace, frame, 4, f"sample {k}")  # the sample's words make a new page
    assert len(written) == frame_texts.PAGES_KEPT + 1
    texts.html(network, trace, frame, 4, f"sample {frame_texts.PAGES_KEPT}")  # kept
    assert len(written) == frame_texts.PAGES_KEPT + 1
    texts.html(network, trace, frame, 4, "sample 0")  # the oldest: forgotten, written again
    assert len(written) == frame_texts.PAGES_KEPT + 2


def test_the_loss_of_many_outputs_is_written_whole_from_one_output_described(monkeypatch):
    """Thirty linear outputs y_k = 0.1 · k (k = 1…30) of x = 1, targets 0: L = Σ ½ y_k²."""
    network = Network(name="many outputs")
    network.add_neuron(Neuron("i1", "input", x=0.0, y=0.0))
    for k in range(1, 31):
        network.add_neuron(Neuron(f"o{k}", "output", "linear", 0.0, 300.0, 40.0 * k))
        network.connect("i1", f"o{k}", 0.1 * k)
    trace = trace_sample(network, [1.0], [0.0] * 30)
    outputs: list[int] = []
    loss = TraceDescriber.loss
    monkeypatch.setattr(
        TraceDescriber,
        "loss",
        lambda self, one: (outputs.append(len(one.targets)), loss(self, one))[1],
    )
    last = Frame(FORWARD_STEP, 29)  # the last forward step also writes the loss
    page = frame_texts.frame_html(network, trace, last, 4, "")
    assert outputs == [1]
    titles = dict(re.findall(r'title="([^"]*) = ([^"]*)"', page))
    assert float(titles["L"]) == pytest.approx(sum(0.5 * (0.1 * k) ** 2 for k in range(1, 31)))
    assert "L_o1" not in titles  # the outputs' shares are not written past three
