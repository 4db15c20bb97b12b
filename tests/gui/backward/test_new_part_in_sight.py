"""Each step shows its new part in the formula panel without the reader scrolling."""

import pytest
from PySide6.QtCore import QRegularExpression, Qt

from playground.gui.backward.frames import DERIVATIVE, GATHER, GRADIENTS, NEURON, WHOLE

LEFT = Qt.MouseButton.LeftButton
TITLES = {GATHER: "^1 · Gather", DERIVATIVE: "^2 · Through", GRADIENTS: "^3 · Weight"}


def rect_of(panel, pattern):
    """Where the text matching `pattern` is, in the panel's viewport."""
    cursor = panel.document().find(QRegularExpression(pattern))
    assert not cursor.isNull(), f"{pattern} is not in the panel"
    return panel.cursorRect(cursor)


def in_sight(panel, pattern) -> bool:
    rect = rect_of(panel, pattern)
    return rect.top() >= 0 and rect.bottom() <= panel.viewport().height()


@pytest.mark.parametrize("detailed", [False, True])
def test_every_step_of_the_2_2_2_trace_shows_its_new_part(backward, qtbot, detailed):
    if detailed:
        qtbot.mouseClick(backward.panel.detailed, LEFT)
    assert backward.session.detailed == detailed
    panel = backward.panel.formula
    scrolled = False
    while not backward.session.at_update():
        # A reader who has read down to the end of the step before.
        panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum())
        qtbot.mouseClick(backward.panel.step_button, LEFT)
        frame = backward.session.frame
        if frame.kind != NEURON:
            assert panel.verticalScrollBar().value() == 0
            continue
        new_parts = [GATHER] if frame.phase == WHOLE else [frame.phase]
        if frame.phase in (WHOLE, GATHER):
            assert in_sight(panel, "^Neuron "), backward.session.label()
        for phase in new_parts:
            assert in_sight(panel, TITLES[phase]), backward.session.label()
        scrolled |= panel.verticalScrollBar().value() > 0
    # The panel is low enough that some part needed scrolling to, so the test tells something.
    assert scrolled or not detailed


def test_a_redraw_of_the_same_step_keeps_the_reader_s_place(backward, qtbot):
    qtbot.mouseClick(backward.panel.detailed, LEFT)
    for _ in range(3):  # o1, part 3
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    panel = backward.panel.formula
    bar = panel.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    backward.panel.digits.stepUp()  # more digits: the same frame, drawn again
    assert bar.value() == place
