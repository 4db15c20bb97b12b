"""A large network opens with stand-ins for its connection items (connection_line.py): the
lines are drawn the same, and a click, a hover, a selection box, a drag or a delete works
as with items, each item made the first time it is needed.

The network: a crowd of 60 inputs fully connected to 52 hidden neurons (3,120 lines, more
than LINES_FROM), and far above it a lone pair a → b, where a click can only mean one line.
"""

import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from playground.gui.canvas.connection_item import ConnectionItem
from playground.gui.canvas.connection_line import LINES_FROM, ConnectionLine
from playground.model.network import Network
from playground.model.neuron import Neuron
from tests.gui.helpers import at, click, drag

A, B = (0.0, -600.0), (400.0, -600.0)
MIDDLE = (200.0, -600.0)  # of the lone line a → b


def crowded_network() -> Network:
    rng = np.random.default_rng(3)
    network = Network(name="crowded")
    for k in range(60):
        network.add_neuron(Neuron(f"i{k}", "input", None, None, 0.0, k * 50.0))
    for k in range(52):
        network.add_neuron(Neuron(f"h{k}", "hidden", "tanh", 0.0, 400.0, k * 50.0))
    for k in range(52):
        for j in range(60):
            network.connect(f"i{j}", f"h{k}", float(rng.normal()))
    network.add_neuron(Neuron("a", "input", None, None, *A))
    network.add_neuron(Neuron("b", "hidden", "tanh", 0.0, *B))
    network.connect("a", "b", 1.5)
    return network


@pytest.fixture
def crowded(window, qtbot):
    """The window showing the crowded network at 100 %, centred on the lone line."""
    window.document.replace(crowded_network())
    window.view.resetTransform()
    window.view.centerOn(QPointF(*MIDDLE))
    qtbot.wait(10)
    return window


def made_items(scene) -> list[ConnectionItem]:
    return [i for i in scene.items() if isinstance(i, ConnectionItem)]


def colour_at(window, x: float, y: float) -> QColor:
    image = window.view.viewport().grab().toImage()
    return image.pixelColor(window.view.mapFromScene(QPointF(x, y)))


def fresh_picture(window):
    """The viewport painted from scratch (the connection layer's cached picture thrown away)."""
    window.scene.connection_layer.update()
    QApplication.processEvents()
    return window.view.viewport().grab().toImage()


def test_the_network_is_large_enough_to_open_with_stand_ins(crowded):
    assert len(crowded.document.network.connections) > LINES_FROM
    lines = crowded.scene.connection_items.lines
    assert all(isinstance(line, ConnectionLine) for line in lines.values())
    assert made_items(crowded.scene) == []


def test_items_made_for_every_connection_draw_the_same_picture(crowded):
    crowded.view.fit()
    before = fresh_picture(crowded)
    items = list(crowded.scene.connection_items.values())  # asks for every item
    assert len(items) == len(crowded.document.network.connections)
    assert all(isinstance(i, ConnectionItem) and i.scene() is crowded.scene for i in items)
    assert sorted(i.key for i in made_items(crowded.scene)) == sorted(
        c.key for c in crowded.document.network.connections
    )
    after = fresh_picture(crowded)
    assert after == before
    assert crowded.scene.connection_items[("a", "b")] is crowded.scene.connection_items[("a", "b")]


def test_the_mapping_answers_like_a_dictionary_without_making_items(crowded):
    items = crowded.scene.connection_items
    network = crowded.document.network
    assert len(items) == len(network.connections)
    assert list(items) == [c.key for c in network.connections]
    assert ("a", "b") in items and ("b", "a") not in items
    assert items.get(("b", "a")) is None
    assert made_items(crowded.scene) == []


def test_a_click_on_a_line_selects_its_connection(crowded, qtbot):
    click(qtbot, crowded.view, *MIDDLE)
    assert crowded.scene.selected_connection_keys() == [("a", "b")]
    # Only the line under the mouse was given its item.
    assert [i.key for i in made_items(crowded.scene)] == [("a", "b")]
    click(qtbot, crowded.view, 200.0, -700.0)  # empty canvas
    assert crowded.scene.selected_connection_keys() == []


def test_hovering_a_line_shows_its_tooltip(crowded):
    viewport = crowded.view.viewport()
    pos = at(crowded.view, *MIDDLE)
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    )
    assert QToolTip.text() == "a → b\nweight 1.5"
    QToolTip.hideText()


def test_a_double_click_on_a_line_edits_its_weight(crowded, qtbot):
    qtbot.mouseDClick(
        crowded.view.viewport(), Qt.MouseButton.LeftButton, pos=at(crowded.view, *MIDDLE)
    )
    editor = crowded.view.editor
    assert editor is not None and editor.text() == "1.5"


def test_a_selection_box_selects_the_lines_inside_it(crowded, qtbot):
    drag(qtbot, crowded.view, (-60.0, -680.0), (460.0, -520.0))
    assert crowded.scene.selected_neuron_ids() == ["a", "b"]
    assert crowded.scene.selected_connection_keys() == [("a", "b")]


def test_new_weights_from_training_restyle_the_lines_without_items(crowded):
    assert colour_at(crowded, *MIDDLE).blue() > colour_at(crowded, *MIDDLE).red() + 60
    network = crowded.document.network
    for c in network.connections:
        network.set_weight(c.source, c.target, -c.weight)
    crowded.document.notify_parameters_changed()
    colour = colour_at(crowded, *MIDDLE)
    assert colour.red() > colour.blue() + 60  # −1.5: orange
    assert crowded.scene.connection_items.lines[("a", "b")].weight == -1.5
    assert made_items(crowded.scene) == []


def expected_line(source, target, source_reach):
    """Border to border: 1 px outside each body (an input's square, a hidden neuron's circle)."""
    (ax, ay), (bx, by) = source, target
    length = math.hypot(bx - ax, by - ay)
    ux, uy = (bx - ax) / length, (by - ay) / length
    back = 18.0 + 1.0
    return (ax + ux * source_reach, ay + uy * source_reach, bx - ux * back, by - uy * back)


def test_a_dragged_neuron_takes_its_lines_along(crowded, qtbot):
    drag(qtbot, crowded.view, B, (400.0, -300.0))
    assert crowded.document.network.neuron("b").y == -300.0
    drawn = crowded.scene.connection_items.lines[("a", "b")].drawn
    # From a (a square of half side 16) towards b: through its right side unless steep.
    ux = 400.0 / math.hypot(400.0, 300.0)
    expected = expected_line(A, (400.0, -300.0), 16.0 / ux + 1.0)
    assert (drawn.x1(), drawn.y1(), drawn.x2(), drawn.y2()) == pytest.approx(expected)
    crowded.action_by_name["undo"].trigger()
    drawn = crowded.scene.connection_items.lines[("a", "b")].drawn
    assert (drawn.x1(), drawn.y1(), drawn.x2(), drawn.y2()) == pytest.approx(
        expected_line(A, B, 17.0)
    )


def test_a_neuron_with_sixty_lines_moved_by_an_edit_takes_them_all_along(crowded):
    crowded.document.move_neurons({"h0": (600.0, 0.0)})
    lines = crowded.scene.connection_items.lines
    for j in range(60):
        drawn = lines[(f"i{j}", "h0")].drawn
        assert math.hypot(drawn.x2() - 600.0, drawn.y2()) == pytest.approx(19.0)
    assert made_items(crowded.scene) == []


def test_deleting_a_neuron_takes_its_lines_off_the_canvas(crowded, qtbot):
    background = colour_at(crowded, 200.0, -700.0)
    click(qtbot, crowded.view, *B)
    assert crowded.scene.selected_neuron_ids() == ["b"]
    qtbot.keyClick(crowded.view, Qt.Key.Key_Delete)
    assert ("a", "b") not in crowded.scene.connection_items
    assert colour_at(crowded, *MIDDLE) == background
    crowded.action_by_name["undo"].trigger()
    assert crowded.scene.connection_items[("a", "b")].weight == 1.5
    assert colour_at(crowded, *MIDDLE) != background
