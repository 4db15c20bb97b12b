"""Fixtures of the training tests: the main window showing a bundled example."""

import pytest

from playground.model.examples import example_path


@pytest.fixture
def open_example(window, qtbot):
    """A function that shows a bundled example in the window, with nothing unsaved."""

    def show(name: str):
        window.document.open(example_path(name), remember_path=False)
        window.document.undo_stack.setClean()
        qtbot.wait(1)  # let the output view draw the new network
        return window

    yield show
    # A run still going would outlive the test.
    window.training.session.pause()
