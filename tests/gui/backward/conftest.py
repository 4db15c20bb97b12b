"""Fixtures of the backward step-through tests: the main window with the trace on screen."""

import pytest


@pytest.fixture
def trace_window(window, qtbot):
    """The 2-2-2 example with the Backward Pass dock open, at the forward pass."""
    window.backward.open()
    qtbot.waitUntil(window.backward.is_showing)
    return window


@pytest.fixture
def backward(trace_window):
    """The window's BackwardPanels."""
    return trace_window.backward
