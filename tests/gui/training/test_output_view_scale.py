"""The output view with more points than can be seen, and with values near the float range."""

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from playground.gui.training.output_scale import NEGATIVE, POSITIVE
from playground.model.dataset import Dataset
from tests.cli.helpers import example_document

SAMPLES = 30_000
MAX_POINTS = 5_000  # the most points the view draws


@pytest.fixture
def big_circle(window, qtbot, tmp_path):
    """The circle example with a generator of SAMPLES points, opened in the window."""
    document = example_document("circle")
    document["data"]["samples"] = SAMPLES
    path = tmp_path / "big_circle.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    window.document.open(path, remember_path=False)
    window.document.undo_stack.setClean()
    qtbot.wait(1)
    return window


def shown(item) -> np.ndarray:
    x, y = item.getData()
    return np.column_stack([x, y])


def rows_of(points: np.ndarray, data: np.ndarray) -> np.ndarray:
    """The row of `data` each point is (−1 where none)."""
    index = {tuple(row): k for k, row in enumerate(data)}
    return np.array([index.get(tuple(p), -1) for p in points])


def test_a_big_data_set_is_thinned_to_a_seeded_sample_said_in_the_caption(big_circle, qtbot):
    view = big_circle.training.output_view
    data = big_circle.document.network.data
    train, test = shown(view.train_points), shown(view.test_points)
    assert len(train) + len(test) == MAX_POINTS
    # In proportion to the splits (half and half here), each point a real sample of its split.
    assert abs(len(train) - len(test)) <= 1
    train_rows, test_rows = rows_of(train, data.train_x), rows_of(test, data.test_x)
    assert (train_rows >= 0).all() and (test_rows >= 0).all()
    assert len(set(train_rows)) == len(train_rows)
    caption = view.caption.text()
    assert f"showing {MAX_POINTS:,} of {SAMPLES:,} points" in caption
    # The same points again after a rebuild: the sample is seeded, not drawn anew each time.
    view.refresh(rebuild=True)
    assert np.array_equal(shown(view.train_points), train)


def test_thinned_points_keep_the_colour_of_their_class(big_circle):
    view = big_circle.training.output_view
    data = big_circle.document.network.data
    rows = rows_of(shown(view.train_points), data.train_x)
    labels = data.train_y[rows, 0]
    colours = [brush.color() for brush in view.train_points.data["brush"]]
    for label, colour in zip(labels, colours):
        expected = QColor(POSITIVE if label > 0 else NEGATIVE)
        assert colour.rgb() == expected.rgb()
    # Hollow test points: their outline carries the class colour, the inside is empty.
    test_rows = rows_of(shown(view.test_points), data.test_x)
    for pen, row in zip(view.test_points.data["pen"], test_rows):
        expected = QColor(POSITIVE if data.test_y[row, 0] > 0 else NEGATIVE)
        assert pen.color().rgb() == expected.rgb()


def test_a_small_data_set_is_drawn_whole_without_a_note(open_example):
    window = open_example("circle")
    view = window.training.output_view
    data = window.document.network.data
    assert len(shown(view.train_points)) == len(data.train_x)
    assert "showing" not in view.caption.text()


@pytest.mark.parametrize("inputs", [1, 2])
def test_values_near_the_float_range_do_not_break_the_view(window, qtbot, inputs):
    network = window.document.network.copy()
    big = np.finfo(float).max
    if inputs == 1:
        network.remove_neuron("i2")
    x = np.array([[big] * inputs, [-big] * inputs, [0.5] * inputs, [1e300] * inputs])
    t = np.array([[big, -big], [-big, big], [0.2, 0.4], [0.1, 0.9]])
    network.data = Dataset(train_x=x[:2], train_y=t[:2], test_x=x[2:], test_y=t[2:])
    window.document.replace(network)
    view = window.training.output_view
    qtbot.wait(1)
    view.grab()  # paint it: pyqtgraph's range errors surface while drawing
    (x0, x1), (y0, y1) = view.plot.viewRange()
    assert all(np.isfinite(v) for v in (x0, x1, y0, y1))
    for item in (view.train_points, view.test_points):
        points = shown(item)
        assert np.isfinite(points).all()


def test_neuron_names_from_the_file_are_shown_as_plain_text(window, qtbot):
    network = window.document.network.copy()
    network.set_label("o1", "<b>bold</b>")
    network.set_label("i1", "<i>x</i>")
    window.document.replace(network)
    view = window.training.output_view
    qtbot.wait(1)
    assert view.caption.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in view.caption.text()
    # pyqtgraph draws axis labels from HTML: the name arrives escaped, so it shows as written.
    assert view.plot.getAxis("bottom").label.toPlainText().strip() == "<i>x</i>"
