"""The output view's one colour scale per neuron, its axes in the data's units, and its toggles."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from playground.model.dataset import Dataset
from tests.gui.helpers import click as click_canvas
from tests.gui.training.helpers import click


def hover(qtbot, window, neuron_id: str) -> None:
    """Move the mouse over a neuron on the canvas, as a user does."""
    view = window.training.output_view
    canvas = window.view
    neuron = window.document.network.neuron(neuron_id)
    qtbot.mouseMove(canvas.viewport(), canvas.mapFromScene(neuron.x, neuron.y))
    qtbot.waitUntil(lambda: view.hovered == neuron_id)


def set_activation(qtbot, window, neuron_id: str, activation: str) -> None:
    """Click the neuron on the canvas, then choose the activation in the inspector."""
    neuron = window.document.network.neuron(neuron_id)
    click_canvas(qtbot, window.view, neuron.x, neuron.y)
    combo = window.inspector.activation_combo
    index = combo.findText(activation)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert window.document.network.neuron(neuron_id).activation == activation
    qtbot.wait(1)


def test_a_neuron_has_one_colour_scale_hovered_or_not(open_example, qtbot):
    window = open_example("circle")
    view = window.training.output_view
    # The tanh output, drawn as the output: tanh's range.
    assert tuple(view.image.levels) == (-1.0, 1.0)
    assert "orange −1 → blue 1" in view.caption.text()
    hover(qtbot, window, "o1")
    assert tuple(view.image.levels) == (-1.0, 1.0)
    assert "orange −1 → blue 1" in view.caption.text()
    # A hidden tanh neuron: the same range, not one from its values.
    hover(qtbot, window, "h2")
    assert tuple(view.image.levels) == (-1.0, 1.0)


def test_a_sigmoid_output_is_coloured_from_0_to_1(open_example, qtbot):
    window = open_example("circle")
    view = window.training.output_view
    set_activation(qtbot, window, "o1", "sigmoid")
    assert tuple(view.image.levels) == (0.0, 1.0)
    assert "orange 0 → blue 1" in view.caption.text()
    hover(qtbot, window, "o1")
    assert tuple(view.image.levels) == (0.0, 1.0)


def test_an_unbounded_neuron_takes_its_scale_from_the_values(open_example, qtbot):
    window = open_example("circle")
    view = window.training.output_view
    set_activation(qtbot, window, "h2", "relu")
    hover(qtbot, window, "h2")
    values = view.image.image
    # relu is never below 0; its top is the largest value shown.
    assert tuple(view.image.levels) == pytest.approx((0.0, values.max()))
    # A linear output with data: the span of its targets, hovered or not.
    set_activation(qtbot, window, "o1", "linear")
    view.set_hovered(None)
    labels = window.document.network.data.train_y
    assert tuple(view.image.levels) == (labels.min(), labels.max())
    hover(qtbot, window, "o1")
    assert tuple(view.image.levels) == (labels.min(), labels.max())


def test_the_axes_show_the_data_in_its_own_units(window, qtbot):
    network = window.document.network.copy()
    rng = np.random.default_rng(0)
    x = rng.uniform(0.1, 0.3, size=(40, 2))
    t = rng.uniform(0.0, 1.0, size=(40, 2))
    network.data = Dataset(train_x=x[:30], train_y=t[:30], test_x=x[30:], test_y=t[30:])
    window.document.replace(network)
    view = window.training.output_view
    qtbot.wait(1)
    view.grab()
    for side in ("bottom", "left"):
        axis = view.plot.getAxis(side)
        low, high = axis.range
        major = axis.tickValues(low, high, 300)[0][1]
        strings = axis.tickStrings(
            major, axis.autoSIPrefixScale, axis.tickSpacing(low, high, 300)[0][0]
        )
        numbers = [float(text.replace("−", "-")) for text in strings]
        assert numbers and min(numbers) >= 0.05 and max(numbers) <= 0.35
        assert "x0.001" not in axis.labelString() and "(" not in axis.label.toPlainText()


def test_the_output_picker_is_as_wide_as_its_names(window, qtbot):
    network = window.document.network.copy()
    network.set_label("o1", "sum")
    network.set_label("o2", "difference of the two")
    window.document.replace(network)
    view = window.training.output_view
    qtbot.wait(1)
    picker = view.output_picker
    assert picker.isVisible()
    text_width = picker.fontMetrics().horizontalAdvance("difference of the two")
    qtbot.waitUntil(lambda: picker.width() > text_width)
    picker.setCurrentIndex(0)
    assert picker.currentText() == "sum" and picker.width() > text_width


def test_discretize_colours_two_classes(open_example, qtbot):
    window = open_example("circle")
    view = window.training.output_view
    smooth = view.image.image.copy()
    assert len(np.unique(smooth)) > 100
    click(qtbot, view.discretize)
    assert view.discretize.isChecked()
    two = view.image.image
    # Each place is the class the output gives it: above the middle of tanh's −1..1, or below.
    assert set(np.unique(two)) <= {-1.0, 1.0}
    assert np.array_equal(two == 1.0, smooth >= 0.0)
    assert "orange below 0, blue from 0" in view.caption.text()
    assert QSettings().value("output/discretize") in (True, "true")
    click(qtbot, view.discretize)
    assert np.array_equal(view.image.image, smooth)


def test_show_test_data_draws_or_hides_the_test_points(open_example, qtbot):
    window = open_example("circle")
    view = window.training.output_view
    assert view.show_test.isChecked() and view.test_points.isVisible()
    click(qtbot, view.show_test)
    assert not view.test_points.isVisible()
    assert view.train_points.isVisible()
    assert "○ test" not in view.caption.text()
    assert QSettings().value("output/show_test") in (False, "false")
    # Remembered: a new network (and the next start) draws the training points only.
    window.document.open(window.document.path or example_path_of("xor"), remember_path=False)
    qtbot.wait(1)
    assert not view.test_points.isVisible()
    click(qtbot, view.show_test)
    assert view.test_points.isVisible() and "○ test" in view.caption.text()


def example_path_of(name: str):
    from playground.model.examples import example_path

    return example_path(name)


def test_the_toggles_are_read_back_at_the_next_start(qtbot, window):
    from playground.gui.training.output_view import OutputView

    QSettings().setValue("output/discretize", True)
    QSettings().setValue("output/show_test", False)
    view = OutputView(window.document)
    qtbot.addWidget(view)
    assert view.discretize.isChecked() and not view.show_test.isChecked()


def test_hovering_an_input_shows_the_input_itself(open_example, qtbot):
    window = open_example("circle")
    view = window.training.output_view
    hover(qtbot, window, "i1")
    grid = view.grid[:, 0]
    assert np.allclose(view.image.image.ravel(), grid)
    reach = np.abs(grid).max()
    assert tuple(view.image.levels) == pytest.approx((-reach, reach))
    assert "Neuron" in view.caption.text()
