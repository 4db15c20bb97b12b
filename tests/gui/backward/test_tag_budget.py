"""A frame of a large network tags only the neurons it is about (issue 14, `tag_budget`).

Past MAX_NEURON_TAGS tags of one kind, a frame tags the current neuron and the far ends of
its labelled connections; where no neuron is current, the largest values. Below it, every
neuron keeps its tags. Checked through Backward ▸ Step on the real window, against values
the test picks from the trace itself (the 24 largest products, the 60 largest moves).
"""

import re
from functools import partial

import numpy as np
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from playground.engine.formatting import format_number
from playground.gui.backward.forward_html import FORWARD_COLOUR
from playground.gui.backward.frames import GRADIENTS
from playground.gui.backward.lit_lines import MANY_LIT, LitLines
from playground.gui.backward.overlay_items import Glows, Links, glow_bounds, lines_bounds
from playground.gui.backward.tag_budget import MAX_LABELLED, MAX_NEURON_TAGS
from playground.model.dataset import Dataset
from playground.model.network import Network
from playground.model.neuron import Neuron
from tests.gui.backward.helpers import overlay_tags, zoom_in_to_read
from tests.gui.backward.test_interaction_at_scale import fan_out_network
from tests.gui.backward.test_large_networks import fan_in_network


def step_to(backward, kind: str, neuron: str | None = None) -> None:
    """Press Step until the frame is of `kind` (at `neuron`, if given)."""
    session = backward.session
    for _ in range(len(session.frames) + 1):
        frame = session.frame
        if frame.kind == kind:
            if neuron is None:
                return
            order = (
                [s.neuron for s in session.trace.steps]
                if kind == "neuron"
                else session.forward_order
            )
            if order[frame.step] == neuron:
                return
        backward.actions["step"].trigger()
    raise AssertionError(f"no {kind} frame at {neuron}")


def in_sight_whole(window) -> None:
    """A window so tall that, zoomed in to read, a hundred outputs are all in sight: zoomed in
    on a large network the overlay tags only what is in and around the view (`_sight`)."""
    window.resize(1400, 2000)


def pill_neurons(scene) -> set[str]:
    """The neurons whose ∂L/∂z pill is on the canvas, read off the pills' own text."""
    found = set()
    for tag in overlay_tags(scene):
        match = re.match(r"∂L/∂z_(\S+) ", tag.text)
        if match:
            found.add(match.group(1))
    return found


def largest(values: dict[str, float], count: int) -> set[str]:
    return set(sorted(values, key=lambda k: -abs(values[k]))[:count])


def test_a_hundred_done_outputs_show_only_the_pills_the_current_sum_labels(
    backward, trace_window, qtbot
):
    in_sight_whole(trace_window)
    trace_window.document.replace(fan_out_network(100))
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    assert backward.overlay.sight.contains(trace_window.scene.network_rect())
    step_to(backward, "neuron", "h1")  # every output done: 101 pills would be drawn
    h1 = next(s for s in backward.session.trace.steps if s.neuron == "h1")
    # The 24 largest of the frame's values: its terms, and its weight's gradient if shown.
    values = {t.target: t.product for t in h1.terms}
    if backward.session.frame.shows(GRADIENTS):
        values |= {g.source: g.dL_dw for g in h1.weight_grads}
    labelled = largest(values, MAX_LABELLED) - {"i1"}
    assert len(labelled) >= MAX_LABELLED - 1
    scene = trace_window.scene
    assert pill_neurons(scene) == labelled | {"h1"}
    # Their targets likewise; every output still has its dashed link to the loss.
    targets = [t for t in overlay_tags(scene) if t.text.startswith("t ")]
    assert len(targets) == len(labelled)
    links = [i for i in scene.items() if isinstance(i, Links)]
    assert len(links) == 1 and len(links[0].links) == 100


def test_below_the_budget_every_done_neuron_keeps_its_pill(backward, trace_window, qtbot):
    trace_window.document.replace(fan_out_network(MAX_NEURON_TAGS - 1))
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    step_to(backward, "neuron", "h1")
    outputs = {f"o{k + 1}" for k in range(MAX_NEURON_TAGS - 1)}
    assert pill_neurons(trace_window.scene) == outputs | {"h1"}


def test_a_forward_step_with_a_hundred_inputs_tags_the_sources_of_its_labels(
    backward, trace_window, qtbot
):
    trace_window.document.replace(fan_in_network(100))
    backward.set_forward_steps(True)
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    step_to(backward, "forward_step", "o1")
    digits = backward.session.digits
    texts = {t.text for t in overlay_tags(trace_window.scene)}
    inputs = {t for t in texts if t.startswith("y ")}
    # Input k carries (k + 1) / 10 and every weight is 0.01: the largest products are the last.
    expected = {f"y {format_number((k + 1) / 10, digits)}" for k in range(100 - MAX_LABELLED, 100)}
    assert inputs == expected
    assert len([t for t in texts if t.startswith("z ")]) == 1  # the current neuron's own


def test_the_update_tags_the_sixty_biases_that_move_most(backward, trace_window, qtbot):
    in_sight_whole(trace_window)
    trace_window.document.replace(fan_out_network(100))
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    assert backward.overlay.sight.contains(trace_window.scene.network_rect())
    backward.actions["to_end"].trigger()
    biases = backward.session.trace.update.biases
    fmt = partial(format_number, digits=backward.session.digits)
    most = sorted(biases, key=lambda b: -abs(b.after - b.before))[:MAX_NEURON_TAGS]
    expected = sorted(f"b {fmt(b.before)} → {fmt(b.after)}" for b in most)
    texts = [t.text for t in overlay_tags(trace_window.scene) if t.text.startswith("b ")]
    assert sorted(texts) == expected


def test_of_a_hundred_lit_lines_only_the_labelled_ones_glow(backward, trace_window, qtbot):
    trace_window.document.replace(fan_in_network(100))
    backward.set_forward_steps(True)
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    step_to(backward, "forward_step", "o1")
    scene = trace_window.scene
    glows = [item for item in scene.items() if isinstance(item, Glows)]
    assert len(glows) == 1
    glowing = {
        next(k for k, c in scene.connection_items.items() if c.line() == line)
        for line, _, _ in glows[0].glows
    }
    labelled = {key for key in backward.overlay.labels if key != "loss"}
    assert len(labelled) == MAX_LABELLED and glowing == labelled
    # Every one of the hundred still lights up in its colour, and sends its dots.
    assert all(scene.connection_items[(f"i{k + 1}", "o1")].flow for k in range(100))
    assert len(backward.overlay.paths) == 100


def wide_fan(count: int) -> Network:
    """i1 → o1 and `count` hidden neurons → o1, hidden k of bias (k + 1) / 10 and no inputs.

    Not `count` inputs: the training dock would offer every product of two data columns.
    """
    network = Network(name="wide fan")
    network.add_neuron(Neuron("i1", "input", x=0.0, y=0.0))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0, 600.0, 20.0 * count))
    network.connect("i1", "o1", 0.01)
    for k in range(count):
        network.add_neuron(Neuron(f"h{k + 1}", "hidden", "linear", (k + 1) / 10, 300.0, 40.0 * k))
        network.connect(f"h{k + 1}", "o1", 0.01)
    network.data = Dataset(np.array([[0.0]]), np.array([[0.0]]), np.zeros((0, 1)), np.zeros((0, 1)))
    return network


def purple_pixels(scene, rect) -> int:
    """How many pixels of the scene's `rect`, rendered, are the forward pass's own colour."""
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 400, 400), rect)
    painter.end()
    colour = QColor(FORWARD_COLOUR).rgb()
    return sum(1 for x in range(0, 400, 2) for y in range(0, 400, 2) if image.pixel(x, y) == colour)


def test_a_neuron_with_hundreds_of_inputs_has_them_drawn_lit_by_the_overlay(backward, trace_window):
    """Past MANY_LIT lit lines the editor's items keep their look; one LitLines draws them."""
    trace_window.document.replace(wide_fan(MANY_LIT + 50))
    backward.set_forward_steps(True)
    backward.open()
    step_to(backward, "forward_step", "o1")
    scene = trace_window.scene
    assert all(line.flow is None for line in scene.connection_items.lines.values())
    lit = [item for item in scene.items() if isinstance(item, LitLines)]
    assert len(lit) == 1 and len(lit[0].lines) == MANY_LIT + 51
    # Hidden k carries (k + 1) / 10 through the same weight: the later, the wider.
    intensities = [intensity for _, _, intensity in lit[0].lines][1:]
    assert intensities == sorted(intensities) and intensities[0] < intensities[-1]
    assert {colour for _, colour, _ in lit[0].lines} == {FORWARD_COLOUR}
    # They are on the canvas: the forward colour itself, only while the item is shown.
    o1 = scene.neuron_items["o1"].pos()
    area = QRectF(o1.x() - 250, o1.y() - 100, 200, 200)  # where the lines come together
    assert purple_pixels(scene, area) > 50
    lit[0].setVisible(False)
    assert purple_pixels(scene, area) == 0


def test_the_bounds_of_many_glows_and_links_are_the_union_of_each_ones_box():
    # Found over arrays (lines_bounds); Qt's own union of each line's glow_bounds is the reference.
    rng = np.random.default_rng(3)
    lines = [QLineF(*row) for row in rng.uniform(-500.0, 500.0, (40, 4)).tolist()]
    lines.append(QLineF(7.0, 7.0, 7.0, 7.0))  # a line of no length still has its margin
    widths = rng.uniform(0.0, 20.0, len(lines)).tolist()
    expected = QRectF()
    for line, width in zip(lines, widths, strict=True):
        expected = expected.united(glow_bounds(line, width))
    found = lines_bounds(lines, widths)
    assert np.allclose(found.getCoords(), expected.getCoords(), rtol=0, atol=1e-9)
    links = Links([(line, 1.0) for line in lines[:5]], "#9a9a9a")
    only_lines = QRectF()
    for line in lines[:5]:
        only_lines = only_lines.united(glow_bounds(line, 0.0))
    assert np.allclose(links.boundingRect().getCoords(), only_lines.getCoords(), atol=1e-9)
    assert lines_bounds([], []).isNull()
