"""Fixtures of the backward step-through tests: the main window with the trace on screen."""

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def forward_steps_off(qapp, isolated_settings):
    """These tests start at the forward pass's summary, as before issue 13: the forward steps are off.

    Tests of the forward steps override this fixture (tests/gui/backward/test_forward_steps.py).
    """
    QSettings().setValue("backward/forward_steps", False)


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
