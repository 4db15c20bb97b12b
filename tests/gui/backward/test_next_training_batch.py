"""The sample picker's "Next training batch": the rows the next SGD step of training will take.

The expected rows are worked out here from the rule itself (a fresh
`default_rng(seed).permutation` of the training rows each epoch, sliced by the
batch size), and checked the strong way too: the Training dock's Step Batch,
pressed next, moves the weights exactly as one SGD step on those rows does.
"""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.engine.minibatch import trace_minibatch
from playground.model.examples import example_path
from tests.gui.backward.helpers import cli_trace

LEFT = Qt.MouseButton.LeftButton


def open_with_trace(window, qtbot, name: str):
    window.document.open(example_path(name), remember_path=False)
    window.document.undo_stack.setClean()
    backward = window.backward
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    if not backward.panel.picker.isVisible():
        backward.panel.sample_toggle.click()
    return backward


def click_next_batch(backward, qtbot) -> list[int]:
    """Press "Next training batch"; the rows the field then shows, counted from 1."""
    button = backward.panel.picker.next_batch_button
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, LEFT)
    text = backward.panel.picker.batch.text()
    return [int(part) for part in text.split(",")]


def permutations(seed: int, rows: int, count: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.permutation(rows) for _ in range(count)]


def weights(network) -> dict:
    return {c.key: c.weight for c in network.connections}


def test_before_training_it_is_the_first_batch_of_a_fresh_run(window, qtbot):
    backward = open_with_trace(window, qtbot, "circle")
    network = window.document.network
    settings = network.training
    rows = len(network.data.train_x)
    shown = click_next_batch(backward, qtbot)
    first = permutations(settings.seed, rows, 1)[0][: settings.batch_size]
    assert shown == sorted(int(k) + 1 for k in first)
    session = backward.session
    assert session.sample.batch == tuple(k - 1 for k in shown)
    assert len(session.traces) == settings.batch_size == 10
    assert f"minibatch of {settings.batch_size} train samples" in session.sample.describe(network)
    assert "sample 1 of 10 · " in session.label()


def test_after_training_steps_it_is_the_batch_the_next_step_takes(window, qtbot):
    backward = open_with_trace(window, qtbot, "circle")
    network = window.document.network
    dock = window.training.training_dock
    batch_size, seed = network.training.batch_size, network.training.seed
    order = permutations(seed, len(network.data.train_x), 2)
    for _ in range(3):
        qtbot.mouseClick(dock.step_batch_button, LEFT)
    shown = click_next_batch(backward, qtbot)
    assert shown == sorted(int(k) + 1 for k in order[0][3 * batch_size : 4 * batch_size])

    # Step Batch now moves the weights as one SGD step on exactly those rows.
    x, y = network.data.split("train")
    rows = [k - 1 for k in shown]
    step = trace_minibatch(network, [list(x[k]) for k in rows], [list(y[k]) for k in rows])
    qtbot.mouseClick(dock.step_batch_button, LEFT)
    after = weights(network)
    for w in step.update.weights:
        assert after[(w.source, w.target)] == pytest.approx(w.after, rel=1e-11, abs=1e-14)
    # Another batch (the one before) would have moved them otherwise: the check can fail.
    other = [int(k) for k in order[0][2 * batch_size : 3 * batch_size]]
    wrong = trace_minibatch(network, [list(x[k]) for k in other], [list(y[k]) for k in other])
    assert any(w.after != pytest.approx(after[(w.source, w.target)]) for w in wrong.update.weights)

    # A whole epoch on, the next batch opens the generator's second shuffle.
    qtbot.mouseClick(dock.step_epoch_button, LEFT)
    qtbot.waitUntil(lambda: not window.training.session.running)
    shown = click_next_batch(backward, qtbot)
    assert shown == sorted(int(k) + 1 for k in order[1][:batch_size])


def test_a_batch_size_as_large_as_the_data_takes_every_row(window, qtbot, capsys):
    backward = open_with_trace(window, qtbot, "xor")
    batch = window.training.training_dock.batch_size
    batch.setFocus()
    batch.selectAll()
    qtbot.keyClicks(batch, "8")
    qtbot.keyClick(batch, Qt.Key.Key_Return)
    assert window.document.network.training.batch_size == 8
    assert click_next_batch(backward, qtbot) == [1, 2, 3, 4]
    session = backward.session
    assert len(session.traces) == 4
    # The same mean as `playground trace --samples 0:4`, the whole training set.
    document = cli_trace(capsys, example_path("xor"), "--samples", "0:4")
    assert session.minibatch.loss == document["loss"]


def test_from_a_test_sample_it_goes_over_to_the_training_data(window, qtbot):
    backward = open_with_trace(window, qtbot, "circle")
    picker = backward.panel.picker
    picker.source.setCurrentIndex(1)  # Test data
    assert backward.session.sample.split == "test"
    network = window.document.network
    shown = click_next_batch(backward, qtbot)
    assert backward.session.sample.split == "train"
    assert picker.source.currentIndex() == 0
    first = permutations(network.training.seed, len(network.data.train_x), 1)[0][:10]
    assert shown == sorted(int(k) + 1 for k in first)
