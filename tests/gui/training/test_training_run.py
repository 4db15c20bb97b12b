"""Training from the dock: start, pause, the loss falling, one undo step per run, divergence."""

import math
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.engine.trainer import Trainer
from playground.model.examples import example_path
from playground.model.initialisation import initialise_network
from playground.model.network_file import load_network
from tests.gui.training.helpers import biases, click, shown_epoch, stop_after, train_epochs, weights


def headless(name: str, epochs: int, **settings) -> Trainer:
    """The engine alone, trained from the example file as the command line would."""
    network = load_network(example_path(name))
    network.training = replace(network.training, **settings)
    trainer = Trainer(network)
    trainer.run(until_epoch=epochs)
    return trainer


def test_train_then_pause_with_the_button(open_example, qtbot):
    window = open_example("circle")
    dock = window.training.training_dock
    assert shown_epoch(window) == 0
    click(qtbot, dock.train_button)
    assert window.training.session.running
    assert dock.train_button.text() == "❚❚ Pause"
    assert not dock.step_epoch_button.isEnabled()
    qtbot.waitUntil(lambda: shown_epoch(window) >= 3, timeout=10000)
    click(qtbot, dock.train_button)
    assert not window.training.session.running
    assert dock.train_button.text() == "▶ Train"
    paused_at = shown_epoch(window)
    assert paused_at >= 3
    assert window.document.undo_stack.undoText() in (
        f"Train {paused_at} epochs",
        f"Train {paused_at} epoch",
    )
    assert window.document.undo_stack.count() == 1
    assert f"Paused at epoch {paused_at}" in dock.status.text()


@pytest.mark.parametrize("name, epochs", [("xor", 300), ("circle", 60)])
def test_the_loss_falls(open_example, qtbot, name, epochs):
    window = open_example(name)
    train_epochs(qtbot, window, epochs)
    losses = window.training.session.progress.history.train_loss
    assert len(losses) == epochs
    assert losses[-1] < 0.5 * losses[0]


def test_the_plot_holds_the_history_the_engine_computes(open_example, qtbot):
    window = open_example("circle")
    train_epochs(qtbot, window, 25)
    plot = window.training.training_dock.loss_plot
    engine = headless("circle", 25)
    # Same seed, same minibatches: the app trains exactly as the engine alone does.
    assert plot.curve_values("train_loss").tolist() == engine.history.train_loss
    assert plot.curve_values("test_loss").tolist() == engine.history.test_loss
    assert plot.curve_values("train_accuracy").tolist() == engine.history.train_accuracy
    assert plot.train_curve.getData()[1].tolist() == engine.history.train_loss
    assert plot.train_curve.getData()[0].tolist() == list(range(1, 26))
    assert "epoch 25" in plot.readout.text()


def test_one_undo_restores_the_weights_from_before_the_run(open_example, qtbot):
    window = open_example("circle")
    network = window.document.network
    before_w, before_b = weights(network), biases(network)
    train_epochs(qtbot, window, 12)
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Train 12 epochs"
    engine = headless("circle", 12)
    assert weights(network) == engine.compiled.weights_by_key()
    assert biases(network) == engine.compiled.biases_by_id()

    stack.undo()
    assert weights(network) == before_w and biases(network) == before_b
    assert shown_epoch(window) == 0
    assert window.training.training_dock.loss_plot.curve_values("train_loss").size == 0
    stack.redo()
    assert weights(network) == engine.compiled.weights_by_key()
    assert shown_epoch(window) == 12


def test_runs_continue_and_each_is_its_own_undo_step(open_example, qtbot):
    window = open_example("xor")
    train_epochs(qtbot, window, 5)
    after_first = weights(window.document.network)
    train_epochs(qtbot, window, 7)
    stack = window.document.undo_stack
    assert stack.count() == 2 and stack.undoText() == "Train 7 epochs"
    # Two runs of 5 and 7 epochs train exactly as 12 epochs in one go.
    assert weights(window.document.network) == headless("xor", 12).compiled.weights_by_key()
    stack.undo()
    assert weights(window.document.network) == after_first
    assert shown_epoch(window) == 5


def test_a_diverging_learning_rate_is_caught(open_example, qtbot):
    window = open_example("sine")
    dock = window.training.training_dock
    box = dock.learning_rate.box
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), "10")
    qtbot.keyClick(box.lineEdit(), "\r")
    assert window.document.network.training.learning_rate == 10
    click(qtbot, dock.train_button)
    qtbot.waitUntil(lambda: not window.training.session.running, timeout=10000)

    engine = headless("sine", 200, learning_rate=10.0)
    assert engine.divergence is not None
    message = dock.status.text()
    assert engine.divergence.message in message
    assert "The learning rate 10 is probably too high." in message
    assert dock.status.isVisible()
    network = window.document.network
    assert all(math.isfinite(w) for w in weights(network).values())
    assert all(math.isfinite(b) for b in biases(network).values())
    # The last finite weights, as the engine keeps them.
    assert weights(network) == engine.compiled.weights_by_key()
    assert shown_epoch(window) == engine.epoch


def test_step_epoch_and_step_batch(open_example, qtbot):
    window = open_example("circle")
    dock = window.training.training_dock
    stack = window.document.undo_stack
    click(qtbot, dock.step_batch_button)
    assert stack.undoText() == "Train 1 batch"
    assert "1 of 25 in epoch 1" in dock.status.text()
    assert "batch 1 / 25" in dock.epoch_label.text()
    click(qtbot, dock.step_epoch_button)
    qtbot.waitUntil(lambda: not window.training.session.running and shown_epoch(window) == 1)
    # The step finished the epoch the single batch had begun.
    assert stack.undoText() == "Train 1 epoch"
    assert weights(window.document.network) == headless("circle", 1).compiled.weights_by_key()
    click(qtbot, dock.step_epoch_button)
    qtbot.waitUntil(lambda: not window.training.session.running and shown_epoch(window) == 2)
    assert stack.count() == 3


def test_reset_weights_uses_the_seed_and_is_one_undo_step(open_example, qtbot):
    window = open_example("circle")
    train_epochs(qtbot, window, 4)
    network = window.document.network
    trained = weights(network)
    click(qtbot, window.training.training_dock.reset_button)
    expected = load_network(example_path("circle"))
    initialise_network(expected, window.document.initialisation, expected.training.seed)
    assert weights(network) == weights(expected)
    assert set(biases(network).values()) == {0.0}
    assert shown_epoch(window) == 0
    assert window.document.undo_stack.undoText() == "Reset Weights"
    window.document.undo_stack.undo()
    assert weights(network) == trained
    assert shown_epoch(window) == 4


def test_reset_weights_twice_adds_no_second_undo_step(open_example, qtbot):
    window = open_example("circle")
    stack = window.document.undo_stack
    click(qtbot, window.training.training_dock.reset_button)
    count, clean = stack.count(), stack.isClean()
    click(qtbot, window.training.training_dock.reset_button)
    assert stack.count() == count and stack.isClean() == clean


def test_stop_when_the_train_loss_falls_below_a_value(open_example, qtbot):
    window = open_example("circle")
    dock = window.training.training_dock
    dock.stop_below.setChecked(True)
    box = dock.stop_loss
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), "0.2")
    qtbot.keyClick(box.lineEdit(), "\r")
    click(qtbot, dock.train_button)
    qtbot.waitUntil(lambda: not window.training.session.running, timeout=20000)
    losses = window.training.session.progress.history.train_loss
    assert losses[-1] < 0.2
    # Every earlier epoch, or the smallest of each bucket of merged ones, is still above it.
    assert (losses.points().lows[:-1] >= 0.2).all()
    assert "below 0.2" in dock.status.text()


def test_an_edit_during_a_run_ends_it_at_numbers_the_undo_stack_knows(open_example, qtbot):
    window = open_example("circle")
    network = window.document.network
    before = weights(network)
    stop_after(window, None)
    click(qtbot, window.training.training_dock.train_button)
    stack = window.document.undo_stack
    qtbot.waitUntil(lambda: stack.count() == 1 and shown_epoch(window) >= 2, timeout=10000)
    window.document.set_weight("i1", "h1", 0.25)
    assert not window.training.session.running
    assert network.connection("i1", "h1").weight == 0.25
    stack.undo()
    assert network.connection("i1", "h1").weight != 0.25
    stack.undo()
    assert weights(network) == before


def test_a_new_learning_rate_applies_without_stopping_the_run(open_example, qtbot):
    window = open_example("circle")
    stop_after(window, None)
    session = window.training.session
    click(qtbot, window.training.training_dock.train_button)
    qtbot.waitUntil(lambda: shown_epoch(window) >= 1, timeout=10000)
    window.training.training_dock.learning_rate.slider.setValue(6)  # the preset 0.1
    assert window.document.network.training.learning_rate == 0.1
    assert session.running
    assert session.trainer.settings.learning_rate == 0.1
    session.pause()
    assert np.isfinite(session.progress.history.train_loss.points().means).all()


def test_without_data_training_says_why_it_cannot_start(window, qtbot):
    from playground.model.network import Network

    window.document.replace(Network(name="Empty"))
    dock = window.training.training_dock
    click(qtbot, dock.train_button)
    assert not window.training.session.running
    assert dock.status.text() == "Cannot train: the network has no training data."
    assert window.document.undo_stack.count() == 0


def test_undo_of_the_last_run_just_after_train_ends_the_new_run(open_example, qtbot):
    window = open_example("xor")
    before = weights(window.document.network)
    train_epochs(qtbot, window, 5)
    stop_after(window, None)
    dock = window.training.training_dock
    # Undo before the new run has written anything: the step undone is the finished run.
    click(qtbot, dock.train_button)
    window.action_by_name["undo"].trigger()
    qtbot.wait(100)
    assert not window.training.session.running
    assert dock.train_button.text() == "▶ Train"
    assert weights(window.document.network) == before
    assert shown_epoch(window) == 0
    assert window.document.undo_stack.count() == 1 and window.document.undo_stack.index() == 0


def test_train_again_after_a_divergence_adds_no_undo_step(open_example, qtbot):
    window = open_example("sine")
    dock = window.training.training_dock
    box = dock.learning_rate.box
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), "10")
    qtbot.keyClick(box.lineEdit(), "\r")
    session = window.training.session
    click(qtbot, dock.train_button)
    qtbot.waitUntil(lambda: not session.running, timeout=10000)
    assert "probably too high" in dock.status.text()
    stack = window.document.undo_stack
    steps, kept, epoch = stack.count(), weights(window.document.network), shown_epoch(window)
    # From the kept weights the same rate diverges again at once: nothing changes.
    click(qtbot, dock.train_button)
    qtbot.waitUntil(lambda: not session.running, timeout=10000)
    assert "probably too high" in dock.status.text()
    assert weights(window.document.network) == kept and shown_epoch(window) == epoch
    assert stack.count() == steps


def test_cannot_train_is_taken_back_when_undo_puts_the_input_back(window, qtbot):
    from tests.gui.helpers import click as click_canvas

    window.document.open(example_path("circle"), remember_path=False)
    qtbot.wait(1)
    dock = window.training.training_dock
    neuron = window.document.network.neuron("i2")
    click_canvas(qtbot, window.view, neuron.x, neuron.y)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.document.network.has_neuron("i2")
    click(qtbot, dock.train_button)
    assert dock.status.isVisible() and dock.status.text().startswith("Cannot train:")
    assert "1 input" in dock.status.text()
    window.action_by_name["undo"].trigger()
    assert window.document.network.has_neuron("i2")
    assert not dock.status.isVisible()
