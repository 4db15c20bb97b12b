"""Training ▸ Fast Training (float32): through the real menu, the real Train button, remembered."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from playground.engine.trainer import Trainer
from playground.model.examples import example_path
from playground.model.network_file import load_network
from tests.gui.training.helpers import click, stop_after, train_epochs

EPOCHS = 5


def fast_training_action(window):
    """The action as the Training menu holds it, found by what the user reads."""
    menu = window.menus["training"]
    found = [a for a in menu.actions() if a.text() == "Fast Training (float32)"]
    assert len(found) == 1
    return found[0]


def headless_losses(name: str, dtype) -> list[float]:
    trainer = Trainer(load_network(example_path(name)), dtype=dtype)
    trainer.run(until_epoch=EPOCHS)
    return trainer.history.train_loss


def test_the_menu_offers_it_off_with_a_tooltip_that_says_what_it_costs(window):
    action = fast_training_action(window)
    assert action.isCheckable() and not action.isChecked()
    assert "7 significant digits" in action.toolTip()
    assert "float64" in action.toolTip()
    assert action.statusTip() == action.toolTip()


@pytest.mark.parametrize("name", ["xor", "spiral"])
def test_training_with_it_on_reaches_the_float64_losses_in_float32(open_example, qtbot, name):
    window = open_example(name)
    fast_training_action(window).trigger()
    train_epochs(qtbot, window, EPOCHS)
    session = window.training.session
    assert session.trainer.compiled.dtype == np.float32
    shown = list(session.progress.history.train_loss)
    assert shown == pytest.approx(headless_losses(name, np.float64), rel=1e-4)
    assert shown == pytest.approx(headless_losses(name, np.float32), rel=1e-12)
    assert shown != headless_losses(name, np.float64)  # not float64 under another name
    # The model keeps float64 numbers: Python floats, the float32 values exactly.
    weights = [c.weight for c in window.document.network.connections]
    assert all(type(w) is float and w == float(np.float32(w)) for w in weights)


def test_off_it_trains_in_float64_exactly_as_before(open_example, qtbot):
    window = open_example("xor")
    train_epochs(qtbot, window, EPOCHS)
    session = window.training.session
    assert session.trainer.compiled.dtype == np.float64
    assert list(session.progress.history.train_loss) == headless_losses("xor", np.float64)


def test_it_is_remembered_and_cannot_change_during_a_run(open_example, qtbot):
    window = open_example("circle")
    action = fast_training_action(window)
    action.trigger()
    assert QSettings().value("training/float32") in (True, "true")
    stop_after(window, None)
    click(qtbot, window.training.training_dock.train_button)
    assert window.training.session.running
    assert not action.isEnabled()  # a run keeps the precision it started in
    click(qtbot, window.training.training_dock.train_button)
    assert action.isEnabled()
    action.trigger()  # off again: the next run's trainer is float64, from the same weights
    assert QSettings().value("training/float32") in (False, "false")
    epoch = window.training.session.progress.epoch
    train_epochs(qtbot, window, 1)
    assert window.training.session.trainer.compiled.dtype == np.float64
    assert window.training.session.progress.epoch == epoch + 1


def test_a_new_window_starts_with_the_remembered_choice(window, qtbot):
    from playground.gui.main_window import MainWindow

    fast_training_action(window).trigger()
    second = MainWindow()
    try:
        assert fast_training_action(second).isChecked()
        assert second.training.session.float32
    finally:
        second.document.undo_stack.setClean()
        second.close()
        second.deleteLater()
