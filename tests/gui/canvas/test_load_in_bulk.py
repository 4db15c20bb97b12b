"""A large network's scene is built in bulk (canvas/connection_build.py): each stand-in's line,
the area it covers, whether it is drawn and the layer's bounds come from numpy over arrays.
Here they are checked one by one against each line's own geometry, worked out in Python or by
Qt's rectangles; a part of the layer drawn alone skips the lines outside it by those areas
and shows the same picture as when it draws them all."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from playground.gui.canvas import connection_layer, neuron_shape, style
from playground.gui.canvas.connection_line import LINES_FROM, ConnectionLine
from playground.gui.canvas.connection_look import edges_meet, edges_of
from playground.model.network import Network
from playground.model.neuron import Neuron


def crowded_network() -> Network:
    """60 inputs fully connected to 52 hidden neurons (3,120 lines), wide names among them,
    and a pair of neurons on one spot, whose line is too short to draw."""
    rng = np.random.default_rng(7)
    network = Network(name="crowded")
    for k in range(60):
        network.add_neuron(Neuron(f"i{k}", "input", None, None, 0.0, k * 50.0))
    for k in range(52):
        name = f"h{k}" if k % 5 else f"hidden_{k}"
        network.add_neuron(Neuron(name, "hidden", "tanh", 0.0, 400.0 + 30 * (k % 3), k * 50.0))
    for target in [n.id for n in network.neurons if n.role == "hidden"]:
        for j in range(60):
            network.connect(f"i{j}", target, float(rng.normal()))
    network.add_neuron(Neuron("a", "input", None, None, 200.0, -300.0))
    network.add_neuron(Neuron("b", "hidden", "tanh", 0.0, 200.0, -300.0))
    network.connect("a", "b", 0.5)
    return network


@pytest.fixture
def crowded(window):
    window.document.replace(crowded_network())
    QApplication.processEvents()
    assert len(window.document.network.connections) > LINES_FROM  # opened with stand-ins
    return window


def expected_line(source, target):
    """As ConnectionItem.adjust, in plain Python: from border to border, a pixel outside each."""
    ax, ay, bx, by = source.pos().x(), source.pos().y(), target.pos().x(), target.pos().y()
    length = math.hypot(bx - ax, by - ay)
    if length < 1e-9:
        return ax, ay, bx, by
    ux, uy = (bx - ax) / length, (by - ay) / length
    out = neuron_shape.border_reach(source.role, source.half_width, ux, uy) + 1.0
    back = neuron_shape.border_reach(target.role, target.half_width, -ux, -uy) + 1.0
    return ax + ux * out, ay + uy * out, bx - ux * back, by - uy * back


def test_each_stand_in_has_its_own_line_area_and_drawing(crowded):
    lines = crowded.scene.connection_items.lines
    m = style.CONNECTION_MARGIN
    for look in lines.values():
        assert isinstance(look, ConnectionLine)
        drawn = look.drawn
        x1, y1, x2, y2 = drawn.x1(), drawn.y1(), drawn.x2(), drawn.y2()
        assert (x1, y1, x2, y2) == pytest.approx(expected_line(look.source, look.target), abs=1e-9)
        edges = (min(x1, x2) - m, min(y1, y2) - m, max(x1, x2) + m, max(y1, y2) + m)
        assert look.edges == pytest.approx(edges, abs=1e-9)
        area = look.area()  # Qt's rectangle around the line, grown by the margin
        assert look.edges == pytest.approx(edges_of(area), abs=1e-9)
        assert look.bounds == area
        assert look.drawable == (math.hypot(x2 - x1, y2 - y1) >= 1.0)
    assert not lines["a", "b"].drawable  # on one spot
    assert sum(look.drawable for look in lines.values()) == len(lines) - 1


def test_the_layer_covers_exactly_the_union_of_its_lines_areas(crowded):
    union = QRectF()
    for look in crowded.scene.connection_items.lines.values():
        union = union.united(look.area())
    bounds = crowded.scene.connection_layer.boundingRect()
    assert edges_of(bounds) == pytest.approx(edges_of(union), abs=1e-9)


def test_areas_meet_as_qt_rectangles_intersect():
    rng = np.random.default_rng(8)
    rects = [QRectF(*rng.integers(-20, 20, 2), *rng.integers(1, 15, 2)) for _ in range(300)]
    rects += [QRectF(0, 0, 10, 10), QRectF(10, 0, 5, 5), QRectF(0, 10, 5, 5)]  # touching
    for a in rects:
        for b in rects[:60]:
            assert edges_meet(edges_of(a), edges_of(b)) == a.intersects(b)


def picture_of(layer, part: QRectF) -> QImage:
    """The connection layer's paint of `part` (its exposed rectangle), twice enlarged."""
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.scale(2.0, 2.0)
    painter.translate(-part.topLeft())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = part
    layer.paint(painter, option, None)
    painter.end()
    return image


def test_a_part_of_the_layer_is_drawn_without_the_lines_outside_it_and_looks_the_same(
    crowded, monkeypatch
):
    layer = crowded.scene.connection_layer
    part = QRectF(100.0, 1200.0, 200.0, 150.0)  # among the crowd's lines
    tested = []
    meet = connection_layer.edges_meet

    def counting(a, b):
        tested.append(meet(a, b))
        return tested[-1]

    monkeypatch.setattr(connection_layer, "edges_meet", counting)
    skipping = picture_of(layer, part)
    assert tested.count(False) > 1000 and tested.count(True) > 50  # most lie outside
    monkeypatch.setattr(connection_layer, "edges_meet", lambda a, b: True)  # draw every line
    everything = picture_of(layer, part)
    assert everything == skipping
    assert everything != picture_of(layer, part.translated(0.0, 40.0))  # a picture that shows
