"""Neurons on the canvas: labels sized to their text, bias labels clear of lines, neurons kept
apart, the activation's curve under each neuron, and each neuron's output picture."""

import itertools
import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from playground.gui.canvas import neuron_shape
from playground.gui.canvas.activation_glyph import glyph_path
from playground.gui.canvas.neuron_pictures import REFRESH_PERIOD
from playground.model.examples import example_names, example_path
from playground.model.layout import NEURON_CLEARANCE
from playground.model.network_file import load_network
from tests.gui.helpers import click, double_click, drag
from tests.gui.test_inspector import choose

POS = {"i1": (0, 0), "i2": (0, 120), "h1": (200, 0), "h2": (200, 120), "o1": (400, 0)}


def settle(qtbot) -> None:
    """Let the scene choose its labels' sides (it does so once an edit's events are done)."""
    qtbot.wait(20)


def rename(qtbot, window, neuron_id, label):
    double_click(qtbot, window.view, *POS[neuron_id])
    qtbot.keyClicks(window.view.editor, label)
    qtbot.keyClick(window.view.editor, Qt.Key.Key_Return)


def crossed_by(rect: QRectF, line) -> bool:
    """By hand: does any of many points along the line fall inside the rectangle?"""
    for t in np.linspace(0.0, 1.0, 600):
        if rect.contains(line.pointAt(float(t))):
            return True
    return False


def bias_crossings(scene) -> list[tuple[str, tuple[str, str]]]:
    found = []
    for neuron_id, item in scene.neuron_items.items():
        rect = item.bias_rect()
        if rect is None:
            continue
        rect = rect.translated(item.pos())
        for key, connection in scene.connection_items.items():
            if crossed_by(rect, connection.line()):
                found.append((neuron_id, key))
    return found


def bodies_apart(a, b) -> bool:
    """By hand: the two bodies' rectangles, each grown by half the clearance, do not meet."""
    ra = neuron_shape.body_rect(a.role, a.half_width).translated(a.pos())
    rb = neuron_shape.body_rect(b.role, b.half_width).translated(b.pos())
    m = NEURON_CLEARANCE / 2 - 0.01
    return not ra.adjusted(-m, -m, m, m).intersects(rb.adjusted(-m, -m, m, m))


# ----------------------------------------------------------------- labels


@pytest.mark.parametrize("label", ["sum", "hidden_1", "output of the net"])
def test_a_long_label_is_drawn_whole_inside_a_wider_neuron(qtbot, window, label):
    rename(qtbot, window, "o1", label)
    item = window.scene.neuron_items["o1"]
    assert item.shown_name == label
    width = QFontMetricsF(neuron_shape.font_for(label)).horizontalAdvance(label)
    name_rect = item.name_rect()
    assert width <= name_rect.width()
    body = neuron_shape.body_rect(item.role, item.half_width)
    assert body.contains(name_rect)
    # The connection into it now ends at the wider body's left side (h1 → o1 is horizontal).
    end = window.scene.connection_items[("h1", "o1")].line().p2()
    assert end.x() == pytest.approx(POS["o1"][0] - item.half_width - 1.0, abs=0.01)


def test_a_label_too_long_for_any_neuron_is_elided_and_whole_in_the_tooltip(qtbot, window):
    label = "the output that says whether the point is inside"
    rename(qtbot, window, "o1", label)
    item = window.scene.neuron_items["o1"]
    assert item.shown_name.endswith("…") and item.shown_name != label
    assert item.half_width == neuron_shape.MAX_HALF_WIDTH
    assert label in item.toolTip()


# ----------------------------------------------------------------- bias labels


@pytest.mark.parametrize("name", example_names())
def test_no_connection_crosses_a_bias_label_in_any_example(qtbot, window, name):
    window.document.replace(load_network(example_path(name)))
    settle(qtbot)
    assert bias_crossings(window.scene) == []


def test_a_bias_label_moves_off_a_line_that_a_moved_neuron_brings_across_it(qtbot, window):
    scene = window.scene
    settle(qtbot)
    assert scene.neuron_items["h1"].bias_side == "below"
    # i1 straight under h1: the line i1 → h1 now runs up through where the label was.
    drag(qtbot, window.view, POS["i1"], (200, 60))
    settle(qtbot)
    moved = scene.neuron_items["i1"].pos()
    assert abs(moved.x() - 200) < 1 and abs(moved.y() - 60) < 1
    assert scene.neuron_items["h1"].bias_side != "below"
    assert bias_crossings(scene) == []


# ----------------------------------------------------------------- keeping neurons apart


def test_a_neuron_dropped_on_another_is_nudged_apart_in_the_same_undo_step(qtbot, window):
    stack = window.document.undo_stack
    count = stack.count()
    drag(qtbot, window.view, POS["h2"], (205, 8))
    items = window.scene.neuron_items
    assert bodies_apart(items["h2"], items["h1"])
    h2 = window.document.network.neuron("h2")
    assert (items["h2"].pos().x(), items["h2"].pos().y()) == (h2.x, h2.y)
    assert stack.count() == count + 1
    window.action_by_name["undo"].trigger()
    assert (h2.x, h2.y) == POS["h2"]
    assert items["h2"].pos() == QPointF(*POS["h2"])


def test_a_neuron_added_right_next_to_another_is_placed_clear_of_it(qtbot, window):
    window.action_by_name["tool_add_neuron"].trigger()
    click(qtbot, window.view, 228, 26)
    items = window.scene.neuron_items
    assert "h3" in items
    for other_id, other in items.items():
        if other_id != "h3":
            assert bodies_apart(items["h3"], other), other_id
    assert window.document.undo_stack.count() == 1


# ----------------------------------------------------------------- activation glyph


def glyph_heights(activation: str) -> list[float]:
    path = glyph_path(activation)
    return [path.elementAt(k).y for k in range(path.elementCount())]


def render(scene, rect: QRectF) -> QImage:
    image = QImage(int(rect.width()) * 2, int(rect.height()) * 2, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def test_the_activation_curve_under_a_neuron_follows_the_inspector(qtbot, window):
    scene = window.scene
    item = scene.neuron_items["h1"]
    badge = item.glyph_rect().translated(item.pos())
    assert item.activation == "sigmoid"
    click(qtbot, window.view, *POS["h1"])
    before = render(scene, badge)
    choose(qtbot, window.inspector.activation_combo, "relu")
    assert item.activation == "relu"
    heights = glyph_heights("relu")
    # relu by hand: flat (zero) for the left half of z in [−4, 4], rising on the right.
    left, right = heights[: len(heights) // 2], heights[len(heights) // 2 + 1 :]
    assert max(left) == min(left) == max(heights)  # y grows downwards: flat at the bottom
    assert all(a > b for a, b in itertools.pairwise(right))
    assert render(scene, badge) != before
    window.action_by_name["undo"].trigger()
    assert item.activation == "sigmoid"
    assert render(scene, badge) == before


def test_an_input_has_no_activation_curve(window):
    assert window.scene.neuron_items["i1"].glyph_rect() is None


# ----------------------------------------------------------------- output pictures


def blueness(image: QImage, x: int, y: int) -> int:
    colour = image.pixelColor(x, y)
    return colour.blue() - colour.red()


def test_the_view_action_shows_each_neurons_output_picture_and_remembers_it(qtbot, window):
    action = window.action_by_name["neuron_pictures"]
    items = window.scene.neuron_items
    assert not action.isChecked() and all(i.picture is None for i in items.values())
    assert action.statusTip()
    assert action in window.menus["view"].actions()
    action.trigger()
    assert all((i.picture is None) == (i.role == "input") for i in items.values())
    settle(qtbot)
    assert bias_crossings(window.scene) == []

    from playground.gui.main_window import MainWindow

    second = MainWindow()
    try:
        assert second.action_by_name["neuron_pictures"].isChecked()
    finally:
        second.document.undo_stack.setClean()
        second.close()
        second.deleteLater()
    action.trigger()
    assert all(i.picture is None for i in items.values())


def test_a_pictures_colours_follow_the_neurons_output(qtbot, window):
    document = window.document
    document.set_weight("i1", "h1", 3.0)
    document.set_weight("i2", "h1", 0.0)
    document.set_bias("h1", 0.0)
    window.action_by_name["neuron_pictures"].trigger()
    item = window.scene.neuron_items["h1"]
    picture = item.picture
    last = picture.width() - 1
    # h1 = sigmoid(3·x1): low (orange) at the left of the plane, high (blue) at the right,
    # and the same all the way up, since x2 has weight 0.
    assert blueness(picture, 0, 12) < 0 < blueness(picture, last, 12)
    assert picture.pixelColor(0, 0) == picture.pixelColor(0, last)
    assert picture.pixelColor(last, 0) == picture.pixelColor(last, last)
    document.set_weight("i1", "h1", -3.0)
    qtbot.waitUntil(lambda: blueness(item.picture, 0, 12) > 0, timeout=2000)
    assert blueness(item.picture, last, 12) < 0


def test_pictures_follow_many_quick_edits_a_few_times_a_second(qtbot, window):
    window.action_by_name["neuron_pictures"].trigger()
    pictures = window.scene.pictures
    qtbot.wait(300)
    before = pictures.refreshes
    start = time.perf_counter()
    for k in range(30):
        window.document.set_bias("h1", k / 10)
        qtbot.wait(10)
    seconds = time.perf_counter() - start
    # At most one refresh per REFRESH_PERIOD (and the one at the start), far fewer than edits.
    assert 1 <= pictures.refreshes - before <= seconds / REFRESH_PERIOD + 1 < 30
    qtbot.waitUntil(lambda: not pictures._timer.isActive(), timeout=2000)
    # The last edit is drawn: h1's bias 2.9 makes it high (blue) everywhere.
    picture = window.scene.neuron_items["h1"].picture
    assert blueness(picture, 0, 0) > 0 and blueness(picture, 23, 23) > 0


def test_a_network_without_two_inputs_says_why_it_has_no_pictures(qtbot, window):
    window.document.replace(load_network(example_path("sine")))
    window.action_by_name["neuron_pictures"].trigger()
    for item in window.scene.neuron_items.values():
        assert item.picture is None
        if item.role != "input":
            assert "exactly two inputs" in item.toolTip()
