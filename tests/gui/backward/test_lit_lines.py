"""A neuron's many lit lines, drawn by the overlay in groups of one colour and width.

The shafts and arrowheads of a group are made at once (`arrows_of`); each must be the one
`arrow_geometry` makes for its line alone, and the picture the one those lines give when
drawn one by one.
"""

import random

import numpy as np
import pytest
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from playground.gui.backward.lit_lines import LitLines, arrows_of, draw_lines, ends_of
from playground.gui.canvas.connection_item import flat_pen
from playground.gui.canvas.connection_look import arrow_geometry
from playground.gui.canvas.connection_pens import draw_line


def random_lines(count: int, seed: int) -> list[QLineF]:
    rng = random.Random(seed)
    return [
        QLineF(
            rng.uniform(-500, 500),
            rng.uniform(-500, 500),
            rng.uniform(-500, 500),
            rng.uniform(-500, 500),
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("width", [1.0, 2.375, 6.0])
def test_each_shaft_and_head_is_the_one_its_line_has_alone(width):
    lines = [line for line in random_lines(200, seed=4) if line.length() >= 1.0]
    shafts, heads = arrows_of(ends_of([(line, "#000000", 0.0) for line in lines]), width)
    polygons = heads.toSubpathPolygons()
    assert len(shafts) == len(polygons) == len(lines)
    for line, shaft, polygon in zip(lines, shafts, polygons, strict=True):
        alone_shaft, alone_head = arrow_geometry(line, width)
        assert list(shaft) == pytest.approx(
            [alone_shaft.x1(), alone_shaft.y1(), alone_shaft.x2(), alone_shaft.y2()], abs=1e-9
        )
        corners = [(p.x(), p.y()) for p in polygon][:3]  # a subpath closes on its first point
        assert np.allclose(corners, [(p.x(), p.y()) for p in alone_head], atol=1e-9)


def picture(draw) -> np.ndarray:
    image = QImage(600, 600, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(300, 300)
    draw(painter)
    painter.end()
    return np.frombuffer(image.constBits(), np.uint32, 600 * 600).copy()


def test_lines_drawn_from_rows_are_the_lines_drawn_from_qlinef(qapp):
    lines = random_lines(300, seed=11)
    rows = np.array([(li.x1(), li.y1(), li.x2(), li.y2()) for li in lines])
    pen = flat_pen(QColor("#c23b6b"), 2.5)

    def from_rows(painter: QPainter) -> None:
        painter.setPen(pen)
        draw_lines(painter, rows)

    def from_qlinef(painter: QPainter) -> None:
        painter.setPen(pen)
        painter.drawLines(lines)

    drawn = picture(from_rows)
    assert np.count_nonzero(drawn != 0xFFFFFFFF) > 10_000  # the lines are there
    assert np.count_nonzero(drawn != picture(from_qlinef)) == 0
    # A view of part of the rows (every other one, not contiguous) draws those lines only.
    drawn = picture(lambda painter: (painter.setPen(pen), draw_lines(painter, rows[::2])))
    assert (
        np.count_nonzero(drawn != picture(lambda p: (p.setPen(pen), p.drawLines(lines[::2])))) == 0
    )


def test_zoomed_in_the_lines_look_as_drawn_one_by_one_in_their_groups(qapp):
    # Fifty lines, each to a target of its own, so no two arrowheads overlap.
    rng = random.Random(7)
    lit = [
        (
            QLineF(-280.0, 11.0 * k - 275, 250.0, 11.0 * k - 272),
            rng.choice(["#c23b6b", "#1f8a70"]),
            rng.random(),
        )
        for k in range(50)
    ]
    item = LitLines(lit)
    item.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # its own drawing, not Qt's copy of it
    scene = QGraphicsScene()
    scene.addItem(item)
    drawn = picture(
        lambda p: scene.render(p, QRectF(-300, -300, 600, 600), QRectF(-300, -300, 600, 600))
    )

    def one_by_one(painter: QPainter) -> None:
        for (colour, width), group in item._groups.items():
            for k in group:
                pen = flat_pen(QColor(colour), width)
                draw_line(painter, pen, lit[k][0], arrow_geometry(lit[k][0], width))

    assert np.count_nonzero(drawn != picture(one_by_one)) == 0


def test_a_small_repaint_over_the_lines_does_not_draw_them_again(qtbot, monkeypatch):
    # A dot of the flow animation moving over a thousand lit lines repaints a few pixels:
    # they come from the item's cached picture, not from drawing the lines again.
    lit = [(QLineF(0.0, 60.0 * k - 30_000, 900.0, 0.0), "#c23b6b", 0.5) for k in range(1000)]
    scene = QGraphicsScene()
    scene.addItem(LitLines(lit))
    paints = []
    original = LitLines.paint
    monkeypatch.setattr(
        LitLines, "paint", lambda self, *args: (paints.append(1), original(self, *args))[1]
    )
    view = QGraphicsView(scene)
    view.resize(600, 400)
    view.centerOn(700, 0)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: len(paints) > 0)  # the first paint, into the cached picture
    qtbot.wait(20)
    before = len(paints)
    for x in range(650, 750, 10):
        scene.update(QRectF(x, -5, 8, 8))
        qtbot.wait(5)
    assert len(paints) == before
