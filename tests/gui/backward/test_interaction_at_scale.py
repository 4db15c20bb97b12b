"""Stepping a big network stays quick because each frame does only what it must (issue 14).

A thousand equal values get 24 labels, not a thousand; a long sum is written in part in the
panel (its value still the whole sum's) and in full in the export; a step restyles only the
connections whose look changes; a neuron with many connections sends a bounded number of dots.
"""

import re

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor

from playground.engine.formatting import format_number
from playground.gui.backward.flow_animation import MAX_DOTS
from playground.gui.backward.formula_panel import frame_html
from playground.gui.backward.label_placement import LabelPlacer
from playground.gui.backward.overlay_items import Tag
from playground.gui.backward.tag_budget import MAX_LABELLED
from playground.model.dataset import Dataset
from playground.model.network import Network
from playground.model.neuron import Neuron
from tests.gui.backward.helpers import panel_numbers, zoom_in_to_read
from tests.gui.backward.test_large_networks import fan_in_network


def fan_out_network(outputs: int) -> Network:
    """i1 → h1 → o1 … o`outputs`, each output linear with target 0: h1 gathers `outputs` terms."""
    network = Network(name="fan out")
    network.add_neuron(Neuron("i1", "input", x=0.0, y=0.0))
    network.add_neuron(Neuron("h1", "hidden", "tanh", 0.1, 300.0, 0.0))
    network.connect("i1", "h1", 0.8)
    for k in range(outputs):
        network.add_neuron(Neuron(f"o{k + 1}", "output", "linear", 0.0, 600.0, 50.0 * k))
        network.connect("h1", f"o{k + 1}", 0.05 * (k + 1))
    network.data = Dataset(
        np.array([[0.5]]), np.zeros((1, outputs)), np.zeros((0, 1)), np.zeros((0, outputs))
    )
    return network


def step(backward) -> None:
    backward.actions["step"].trigger()  # Backward ▸ Step, as the Right key does


def test_a_hundred_equal_gradients_get_only_the_first_twenty_four_labels(
    backward, trace_window, qtbot
):
    network = fan_in_network(100)
    network.data = Dataset(
        np.zeros((1, 100)), np.array([[1.0]]), np.zeros((0, 100)), np.zeros((0, 1))
    )
    trace_window.document.replace(network)
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    step(backward)  # the output o1: every ∂L/∂w = 0 × ∂L/∂z = 0
    labelled = {key for key in backward.overlay.labels if key != "loss"}
    assert labelled == {(f"i{k + 1}", "o1") for k in range(MAX_LABELLED)}


def test_a_long_sum_is_written_in_part_with_the_whole_sums_value(backward, trace_window):
    trace_window.document.replace(fan_out_network(20))
    backward.open()
    session = backward.session
    while session.frame.kind != "neuron" or session.trace.steps[session.frame.step].neuron != "h1":
        step(backward)
    h1 = session.trace.steps[session.frame.step]
    text = backward.panel.formula.toPlainText()
    assert "… 8 more terms …" in text
    # Twelve products are written, and ∂L/∂y_h1 is the sum of all twenty.
    assert abs(h1.dL_dy - sum(t.product for t in h1.terms)) < 1e-15
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    assert shown["∂L/∂y_h1"] == h1.dL_dy
    assert format_number(h1.dL_dy, session.digits) in text
    # The HTML export writes every term.
    full = frame_html(
        session.network, session.trace, session.frame, session.digits, "", every_term=True
    )
    assert "more terms" not in full
    products = re.findall(r'title="w_h1,(o\d+) · ∂L/∂z_o\d+ = ([^"]+)"', full)
    assert {target for target, _ in products} == {t.target for t in h1.terms}
    for target, value in products:
        term = next(t for t in h1.terms if t.target == target)
        assert float(value.replace("−", "-")) == term.product


def test_a_neuron_with_forty_inputs_writes_twelve_weight_gradients_in_the_panel(
    backward, trace_window
):
    trace_window.document.replace(fan_in_network(40))
    backward.open()
    step(backward)
    names = [name for name, _, _ in panel_numbers(backward.panel.formula)]
    gradients = {name for name in names if name.startswith("∂L/∂w_")}
    assert gradients == {f"∂L/∂w_i{k + 1},o1" for k in range(12)}
    assert "… and 28 more weights’ gradients" in backward.panel.formula.toPlainText()


def test_a_step_restyles_the_connections_it_changes_and_gives_the_others_their_look_back(
    backward, trace_window
):
    trace_window.document.replace(fan_out_network(3))
    backward.open()
    scene = trace_window.scene
    step(backward)  # o1: its incoming h1 → o1 carries ∂L/∂w
    assert scene.connection_items[("h1", "o1")].flow is not None
    step(backward)  # o2
    assert scene.connection_items[("h1", "o1")].flow is None
    assert scene.connection_items[("h1", "o2")].flow is not None
    assert scene.neuron_items["o2"].overlay_look()[1]  # highlighted
    assert not scene.neuron_items["o1"].overlay_look()[1]
    backward.actions["back"].trigger()
    assert scene.connection_items[("h1", "o1")].flow is not None
    assert scene.connection_items[("h1", "o2")].flow is None
    # Closing the panel gives every item its own look back.
    backward.dock.hide()
    assert all(item.flow is None for item in scene.connection_items.values())
    assert all(item.overlay_look() == (False, False) for item in scene.neuron_items.values())


def test_a_neuron_with_a_hundred_connections_sends_a_bounded_number_of_dots(backward, trace_window):
    trace_window.document.replace(fan_out_network(100))
    backward.open()
    session = backward.session
    while session.frame.kind != "neuron" or session.trace.steps[session.frame.step].neuron != "h1":
        step(backward)
    assert len(backward.overlay.paths) == 100
    assert 0 < len(backward.animation.dots) <= MAX_DOTS


def test_a_long_steep_line_keeps_boxes_off_its_middle():
    # Indexed by the cells it passes through: far from its ends it must still count.
    line = QLineF(0, 0, 100, 10000)
    placer = LabelPlacer(lines=[line])
    size = QRectF(-20, -8, 40, 16)
    middle = line.pointAt(0.5)
    beside = QPointF(middle.x() + 200, middle.y())
    assert placer.place(size, [middle, beside]) == beside


def test_tags_a_step_leaves_over_are_hidden_and_shown_again_with_the_next_steps_words(
    backward, trace_window, qtbot
):
    """The overlay hides the tags a frame no longer needs and writes the next frame's into
    them: each tag shown says what a tag made anew would, its tooltip and size included."""
    trace_window.document.replace(fan_in_network(40))
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    overlay = backward.overlay
    step(backward)
    said = {id(item): item.text for item in overlay.items if isinstance(item, Tag)}
    made_again = 0
    for _ in range(4):
        step(backward)
        tags = [item for item in overlay.items if isinstance(item, Tag)]
        for tag in tags:
            assert tag.isVisible() and tag.scene() is trace_window.scene
            fresh = Tag(
                tag.lines,
                tag.background.name(QColor.NameFormat.HexArgb),
                tag.border.name(QColor.NameFormat.HexArgb) if tag.border else None,
                tag.toolTip(),
            )
            assert tag.size() == fresh.size() and tag.text == fresh.text
        # The same tag saying something else: one left over, made again.
        made_again += sum(said.get(id(tag), tag.text) != tag.text for tag in tags)
        said |= {id(tag): tag.text for tag in tags}
        hidden = [
            item
            for item in trace_window.scene.items()
            if isinstance(item, Tag) and item not in tags
        ]
        assert not any(item.isVisible() for item in hidden)
    assert made_again > 0
    backward.dock.hide()  # the overlay's tags leave the canvas with it, hidden ones too
    assert not any(isinstance(item, Tag) for item in trace_window.scene.items())
