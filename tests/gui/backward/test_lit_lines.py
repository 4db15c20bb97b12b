"""A neuron's many lit lines, drawn by the overlay in groups of one colour and width.

The shafts and arrowheads of a group are made at once (`arrows_of`); each must be the one
`arrow_geometry` makes for its line alone, and the picture the one those lines give when
drawn one by one.
"""

import random

import numpy as np
import pytest
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from playground.gui.backward.lit_lines import LitLines, arrows_of, draw_lines, drawn_over, ends_of
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


AREA = QRectF(-100, -100, 200, 200)


def hidden(rows, widths, zoom=1.0, area=AREA):
    ends = np.array(rows, dtype=float).reshape(-1, 4)
    return drawn_over(ends, np.array(widths, dtype=float), QTransform.fromScale(zoom, zoom), area)


def test_a_line_drawn_over_by_a_later_one_as_wide_is_left_out():
    line = (-150.0, 3.0, 150.0, 40.0)
    assert hidden([line, line], [2.0, 2.0]).tolist() == [True, False]
    assert hidden([line, line], [2.0, 3.5]).tolist() == [True, False]
    # A wider line drawn first shows at the edges of the narrower one over it.
    assert hidden([line, line], [3.5, 2.0]).tolist() == [False, False]
    # Three alike: only the last, unless an earlier one is wider than all after it.
    assert hidden([line] * 3, [1.0, 4.0, 2.0]).tolist() == [True, False, False]


def test_lines_apart_on_the_screen_are_both_drawn_and_the_zoom_tells():
    a, b = (-150.0, 0.0, 150.0, 0.0), (-150.0, 0.1, 150.0, 0.1)
    assert hidden([a, b], [2.0, 2.0]).tolist() == [True, False]  # a tenth of a pixel apart
    assert hidden([a, b], [2.0, 2.0], zoom=20.0, area=QRectF(-5, -5, 10, 10)).tolist() == [
        False,
        False,
    ]  # two pixels apart
    assert hidden([a, (-150.0, 1.0, 150.0, 1.0)], [2.0, 2.0]).tolist() == [False, False]


def test_only_the_part_of_a_line_within_the_area_counts():
    # The same within the area, apart outside it (they meet at (0, 0), inside).
    fan = [(-100.0, -100.0, 0.0, 0.0), (-3000.0, -3000.0, 0.0, 0.0), (-3000.0, 3000.0, 0.0, 0.0)]
    assert hidden(fan, [1.0, 1.0, 1.0]).tolist() == [True, False, False]
    # Missing the area: left out; a line along an edge of it: drawn.
    assert hidden(
        [(150.0, 150.0, 300.0, 300.0), (-100.0, -100.0, 100.0, -100.0)], [1, 1]
    ).tolist() == [
        True,
        False,
    ]


def test_a_fan_of_a_thousand_lines_looks_as_drawn_one_by_one(qapp):
    # A neuron's thousand inputs from a tall column, as zoomed in on 1000-10-1: most of the
    # lines run within a fraction of a pixel of others near the neuron.
    rng = random.Random(3)
    lit = [
        (
            QLineF(-280.0, 60.0 * k - 30_000, 250.0, 0.0),
            rng.choice(["#c23b6b", "#1f8a70"]),
            rng.random(),
        )
        for k in range(1000)
    ]
    item = LitLines(lit)
    item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    scene = QGraphicsScene()
    scene.addItem(item)
    drawn = picture(
        lambda p: scene.render(p, QRectF(-300, -300, 600, 600), QRectF(-300, -300, 600, 600))
    )

    def every_line(painter: QPainter) -> None:
        painter.setClipRect(QRectF(-300, -300, 600, 600))
        for (colour, width), group in item._groups.items():
            for k in group:
                pen = flat_pen(QColor(colour), width)
                draw_line(painter, pen, lit[k][0], arrow_geometry(lit[k][0], width))

    expected = picture(every_line)
    lit_pixels = np.count_nonzero(expected != 0xFFFFFFFF)
    assert lit_pixels > 20_000
    channels = [(a.view(np.uint8).reshape(-1, 4)).astype(int) for a in (drawn, expected)]
    difference = np.abs(channels[0] - channels[1]).max(axis=1)
    # Only antialiased edges where lines lie within a pixel of each other may differ: here
    # pink and green alternate at random, so such an edge may be either colour.
    assert np.count_nonzero(difference) < 0.02 * lit_pixels
    assert difference.max() <= 128
    left_out = drawn_over(
        item._ends[item._order],
        item._widths[item._order],
        QTransform(),
        QRectF(-300, -300, 600, 600),
    )
    assert left_out.sum() > 300  # and fewer lines drawn


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
