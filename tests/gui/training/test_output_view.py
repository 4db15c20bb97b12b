"""The output view: a heatmap for two inputs, a fitted curve for one, computed over a whole grid."""

import numpy as np
from PySide6.QtCore import Qt

from tests.gui.training.helpers import train_epochs

ACTIVATION = {
    "tanh": np.tanh,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "linear": lambda z: z,
}


def by_hand(network, x: np.ndarray) -> dict[str, np.ndarray]:
    """Every neuron's output for rows of inputs, neuron by neuron from the model's own numbers."""
    values = {i: x[:, k] for k, i in enumerate(network.input_ids())}
    for neuron_id in network.topological_order():
        if neuron_id in values:
            continue
        neuron = network.neuron(neuron_id)
        z = neuron.bias + sum(c.weight * values[c.source] for c in network.incoming(neuron_id))
        values[neuron_id] = ACTIVATION[neuron.activation](z)
    return values


def heatmap_inputs(view) -> np.ndarray:
    """The inputs of each image cell, from the grid's placement on the axes."""
    rect = view.image.mapRectToParent(view.image.boundingRect())
    image = view.image.image
    n, m = image.shape
    xs = rect.left() + (np.arange(n) + 0.5) * rect.width() / n
    ys = rect.top() + (np.arange(m) + 0.5) * rect.height() / m
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    return np.column_stack([gx.ravel(), gy.ravel()])


def test_the_heatmap_is_the_network_output_over_the_data_range(open_example):
    window = open_example("circle")
    view = window.training.output_view
    assert view.mode == "heatmap"
    image = view.image.image
    assert image.shape[0] >= 100 and image.shape[1] >= 100
    network = window.document.network
    expected = by_hand(network, heatmap_inputs(view))["o1"].reshape(image.shape)
    assert np.allclose(image, expected, rtol=1e-9, atol=1e-12)
    # The grid covers every data point, and the colours span the class labels.
    rect = view.image.mapRectToParent(view.image.boundingRect())
    x = np.concatenate([network.data.train_x, network.data.test_x])
    assert rect.left() < x[:, 0].min() and rect.right() > x[:, 0].max()
    assert rect.top() < x[:, 1].min() and rect.bottom() > x[:, 1].max()
    assert tuple(view.image.levels) == (-1.0, 1.0)


def test_training_points_filled_and_test_points_hollow(open_example):
    window = open_example("circle")
    view = window.training.output_view
    data = window.document.network.data
    train = view.train_points.data
    test = view.test_points.data
    assert len(train) == len(data.train_x) and len(test) == len(data.test_x)
    assert all(spot["brush"].style() == Qt.BrushStyle.SolidPattern for spot in train)
    assert all(spot["brush"] is None for spot in test)
    assert view.test_points.opts["brush"].style() == Qt.BrushStyle.NoBrush
    assert np.array_equal(np.column_stack([train["x"], train["y"]]), data.train_x)


def test_the_heatmap_changes_as_training_proceeds(open_example, qtbot):
    window = open_example("circle")
    view = window.training.output_view
    before = view.image.image.copy()
    train_epochs(qtbot, window, 5)
    qtbot.wait(1)
    after = view.image.image
    assert not np.allclose(before, after)
    expected = by_hand(window.document.network, heatmap_inputs(view))["o1"].reshape(after.shape)
    assert np.allclose(after, expected, rtol=1e-9, atol=1e-12)


def test_one_input_draws_the_fitted_curve_over_the_points(open_example):
    window = open_example("sine")
    view = window.training.output_view
    assert view.mode == "curve"
    x, y = view.curve.getData()
    network = window.document.network
    assert np.allclose(y, by_hand(network, x.reshape(-1, 1))["o1"], rtol=1e-9, atol=1e-12)
    data = network.data
    assert x.min() < data.train_x.min() and x.max() > data.train_x.max()
    assert len(view.train_points.data) == len(data.train_x)


def test_hovering_a_neuron_shows_its_own_output(open_example, qtbot):
    window = open_example("circle")
    view = window.training.output_view
    canvas = window.view
    neuron = window.document.network.neuron("h2")
    qtbot.mouseMove(canvas.viewport(), canvas.mapFromScene(neuron.x, neuron.y))
    qtbot.waitUntil(lambda: view.hovered == "h2")
    expected = by_hand(window.document.network, heatmap_inputs(view))["h2"]
    assert np.allclose(view.image.image.ravel(), expected, rtol=1e-9, atol=1e-12)
    assert "h2" in view.caption.text()
    view.set_hovered(None)
    assert "o1" in view.caption.text()


def test_a_network_of_three_inputs_gets_a_message(open_example, qtbot):
    window = open_example("circle")
    window.document.add_neuron("input", -100, 0)
    view = window.training.output_view
    qtbot.waitUntil(lambda: view.mode == "")
    assert "one or two input neurons; this one has 3" in view.message.text()
