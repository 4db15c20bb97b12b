"""A step on a large network redraws only what it lights (issue 14, second round).

Above a few thousand connections a lit connection is drawn by the LitLayer on top of the
ConnectionLayer's unchanged picture; the thresholds are lowered here so a small network
behaves as a large one. Opening the panel draws its first frame once, and a long text in
the formula panel is laid out with its scroll bar already shown.
"""

from PySide6.QtCore import Qt

from playground.gui.backward import canvas_overlay
from playground.gui.backward.canvas_overlay import CanvasOverlay
from playground.gui.backward.forward_html import FORWARD_COLOUR
from playground.gui.backward.frames import GRADIENTS
from playground.gui.backward.lit_lines import MANY_LIT, LitLines
from playground.gui.backward.math_html import sign_colour
from playground.gui.canvas import connection_layer
from playground.gui.canvas.connection_item import ConnectionItem
from playground.gui.canvas.connection_line import stands_in
from tests.gui.backward.practice_helpers import turn_on_practice
from tests.gui.backward.test_interaction_at_scale import fan_out_network, step
from tests.gui.backward.test_large_networks import layered_network
from tests.gui.backward.test_minibatch_trace import choose_minibatch, step_to_mean


def at_neuron(backward, neuron_id: str) -> None:
    session = backward.session
    while (
        session.frame.kind != "neuron"
        or session.trace.steps[session.frame.step].neuron != neuron_id
    ):
        step(backward)


def ends(line) -> tuple[float, float, float, float]:
    return line.x1(), line.y1(), line.x2(), line.y2()


def stand_in_network(window):
    """A network just past the stand-ins' threshold, in the window; and its scene."""
    network = layered_network([2, 60, 50, 1])  # 3,170 connections
    window.document.replace(network)
    assert stands_in(len(window.scene.connection_items))
    return network, window.scene


def lit_by_one_item(scene) -> dict:
    """The lines the one shown LitLines draws, each connection's key with its colour."""
    key_of = {ends(line.drawn): key for key, line in scene.connection_items.lines.items()}
    drawn = [item for item in scene.items() if isinstance(item, LitLines) and item.isVisible()]
    assert len(drawn) == 1
    return {key_of[ends(line)]: colour for line, colour, _ in drawn[0].lines}


def no_item_made(scene) -> bool:
    return not any(
        isinstance(line, ConnectionItem) for line in scene.connection_items.lines.values()
    )


def lit_by_the_overlay(scene) -> set:
    return {key for key, item in scene.connection_items.items() if item.flow_colour() is not None}


def test_a_step_on_a_large_network_lights_lines_on_top_and_leaves_the_base_picture_alone(
    backward, trace_window, monkeypatch
):
    # 21 connections count as "large": lit lines go on top, and none is faded.
    monkeypatch.setattr(connection_layer, "LIGHT_ON_TOP_FROM", 10)
    monkeypatch.setattr(canvas_overlay, "MAX_FADED_CONNECTIONS", 10)
    trace_window.document.replace(fan_out_network(20))
    backward.open()
    scene = trace_window.scene
    layer = scene.connection_layer
    at_neuron(backward, "o1")
    repainted = []
    # Record the base layer's repaints (its own calls go through this attribute).
    monkeypatch.setattr(layer, "update", lambda *area: repainted.append(area))
    step(backward)  # o2: h1 → o1 goes out, h1 → o2 lights up
    lit = lit_by_the_overlay(scene)
    assert ("h1", "o2") in lit and ("h1", "o1") not in lit
    assert {item.key for item in layer.lit_layer.lit} == lit
    assert repainted == []  # the base picture still holds: only the lit layer redrew
    at_neuron(backward, "h1")  # twenty outgoing lines light up at once
    assert {item.key for item in layer.lit_layer.lit} == lit_by_the_overlay(scene)
    assert len(layer.lit_layer.lit) == 21  # its 20 outgoing and its incoming i1 → h1
    assert repainted == []
    # Closing the panel puts every line out; the base picture never changed.
    backward.dock.hide()
    assert not layer.lit_layer.lit
    assert all(item.flow is None for item in scene.connection_items.values())


def test_a_pass_through_a_network_of_stand_ins_lights_them_without_making_their_items(
    backward, trace_window
):
    """Lighting a stand-in by its item made the item: one pass of backward steps made all
    10,000 of the 500-neuron test network's (see `lit_here`). A LitLines draws them instead,
    even where a neuron has fewer than MANY_LIT."""
    network, scene = stand_in_network(trace_window)
    backward.set_forward_steps(True)
    backward.open()
    session = backward.session
    for _ in range(3):  # forward steps at h1_1, h1_2, h1_3: their two inputs lit
        step(backward)
        assert session.frame.kind == "forward_step"
        now = session.forward_order[session.frame.step]
        assert lit_by_one_item(scene) == {
            (c.source, now): FORWARD_COLOUR for c in network.incoming(now)
        }
    for neuron in [s.neuron for s in session.trace.steps][:4]:  # o1, then three of h2
        at_neuron(backward, neuron)
        now = session.trace.steps[session.frame.step]
        wanted = {(now.neuron, t.target): t.product for t in now.terms}
        if session.frame.shows(GRADIENTS):
            wanted |= {(g.source, g.target): g.dL_dw for g in now.weight_grads}
        assert 0 < len(wanted) <= MANY_LIT
        assert lit_by_one_item(scene) == {key: sign_colour(value) for key, value in wanted.items()}
    assert no_item_made(scene)


def test_a_selected_or_small_networks_lit_line_stays_in_the_base_picture(
    backward, trace_window, monkeypatch
):
    trace_window.document.replace(fan_out_network(3))
    backward.open()
    scene = trace_window.scene
    layer = scene.connection_layer
    at_neuron(backward, "o1")
    # Few connections: drawn as always, in file order with their own pens.
    assert scene.connection_items[("h1", "o1")].flow_colour() is not None
    assert not layer.lit_layer.lit
    backward.dock.hide()
    monkeypatch.setattr(connection_layer, "LIGHT_ON_TOP_FROM", 1)
    backward.open()
    at_neuron(backward, "o1")
    item = scene.connection_items[("h1", "o1")]
    assert item in layer.lit_layer.lit
    # Selected, it needs its halo beneath: the base picture draws it again.
    scene.select(connection_keys=[("h1", "o1")])
    trace_window.view.viewport().repaint()  # the layer reads the selection as it paints
    assert item not in layer.lit_layer.lit
    assert item.selected_in_layer


def test_opening_the_panel_draws_its_first_frame_once(backward, trace_window, monkeypatch):
    backward.dock.hide()
    trace_window.document.replace(fan_out_network(3))  # traced when the panel opens
    drawn = []
    show = CanvasOverlay.show
    monkeypatch.setattr(
        CanvasOverlay, "show", lambda self, *args: (drawn.append(args[2]), show(self, *args))
    )
    backward.actions["open"].trigger()  # Backward ▸ Step Through…
    assert backward.is_showing()
    assert len(drawn) == 1
    assert backward.overlay.items  # and it is on the canvas


def test_a_long_table_is_laid_out_with_its_scroll_bar_shown(backward, trace_window):
    trace_window.document.replace(layered_network([2, 20, 20, 1]))
    backward.open()
    formula = backward.panel.formula
    backward.actions["to_end"].trigger()  # the update's long table
    assert formula.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert formula.verticalScrollBar().maximum() > 0  # it does scroll
    # A text that fits gives the bar's room back (tests/gui/backward/test_formula_pages.py).


def test_a_minibatch_mean_over_a_network_of_stand_ins_lights_every_line_without_items(
    backward, trace_window, qtbot
):
    """The mean frame lights every connection in its mean's colour: by restyling their items
    it made all of them (see `lit_here`)."""
    _, scene = stand_in_network(trace_window)
    backward.open()
    choose_minibatch(backward, qtbot, "1")
    step_to_mean(backward, qtbot)
    means = {
        (g.source, g.target): g.dL_dw for s in backward.overlay.trace.steps for g in s.weight_grads
    }
    assert len(means) == len(scene.connection_items)
    assert lit_by_one_item(scene) == {key: sign_colour(mean) for key, mean in means.items()}
    assert no_item_made(scene)


def test_a_practice_question_over_a_network_of_stand_ins_lights_its_lines_without_items(
    backward, trace_window
):
    """A waiting forward-step question lights the neuron's inputs alike (see `lit_here`)."""
    network, scene = stand_in_network(trace_window)
    backward.open()
    turn_on_practice(backward)
    backward.panel.forward_steps.click()  # the panel's Forward box: step the forward pass
    session = backward.session
    while session.frame.kind != "forward_step":
        step(backward)
    assert backward.practice.box.question.isVisible()  # waiting: no number on the canvas
    now = session.forward_order[session.frame.step]
    assert lit_by_one_item(scene) == {
        (c.source, now): FORWARD_COLOUR for c in network.incoming(now)
    }
    assert no_item_made(scene)
