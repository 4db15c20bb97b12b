"""What the practice-mode tests share: Mazur's 2-2-2 numbers by hand, and doing what a student does."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QApplication


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def hand_dL_dz() -> dict[str, tuple[float, float, float]]:
    """∂L/∂z of h1 and h2 in the 2-2-2 example by hand (sigmoid, L = ½ Σ (y − t)²).

    Each as (∂L/∂z, the slope y(1 − y), ∂L/∂y), the factors the hint must show.
    """
    x1, x2 = 0.05, 0.1
    y_h1 = sigmoid(0.35 + 0.15 * x1 + 0.2 * x2)
    y_h2 = sigmoid(0.35 + 0.25 * x1 + 0.3 * x2)
    y_o1 = sigmoid(0.6 + 0.4 * y_h1 + 0.45 * y_h2)
    y_o2 = sigmoid(0.6 + 0.5 * y_h1 + 0.55 * y_h2)
    dL_dz_o1 = (y_o1 - 0.01) * y_o1 * (1 - y_o1)
    dL_dz_o2 = (y_o2 - 0.99) * y_o2 * (1 - y_o2)
    found = {}
    for name, y, w_o1, w_o2 in (("h1", y_h1, 0.4, 0.5), ("h2", y_h2, 0.45, 0.55)):
        dL_dy = w_o1 * dL_dz_o1 + w_o2 * dL_dz_o2
        slope = y * (1 - y)
        found[name] = (slope * dL_dy, slope, dL_dy)
    return found


def hand_dL_dz_h1() -> tuple[float, float, float]:
    return hand_dL_dz()["h1"]


def step_to_neuron(backward, qtbot, name: str) -> None:
    """Press Right on the canvas, as a teacher does, until the step label names `name`."""
    for _ in range(10):
        if f"neuron {name}" in backward.panel.step_label.text():
            return
        qtbot.keyClick(backward.window.view, Qt.Key.Key_Right)
    raise AssertionError(f"never reached neuron {name}")


def seen(label) -> str:
    """A rich-text label's words as on screen (a subscript runs on: ∂L/∂zh1)."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` key by key; a character off the ASCII keyboard (−, ×, ⁻) as an input method sends it."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def answer(box, qtbot, text: str) -> None:
    """Type into the question box and press Enter."""
    box.answer_edit.clear()
    type_text(qtbot, box.answer_edit, text)
    assert box.answer_edit.text() == text
    qtbot.keyClick(box.answer_edit, Qt.Key.Key_Return)


def turn_on_practice(backward):
    """Practice turned on through its menu action, as a teacher does; the panels' practice mode."""
    action = backward.practice.action
    assert action in backward.window.menus["backward"].actions()
    action.trigger()
    assert action.isChecked()
    return backward.practice


def past_first(practice, qtbot, value: float | None = None) -> None:
    """A step asking two values (∂L/∂y then ∂L/∂z): answer the first right, to reach the second.

    `value` is the first answer worked out by hand; without it the question's own, for a
    test about the second question only.
    """
    assert seen(practice.box.question).startswith("1 of 2: ")
    typed = repr(practice.question.answer.value if value is None else value)
    answer(practice.box, qtbot, typed)
    assert seen(practice.box.earlier).startswith("Right")
    assert seen(practice.box.question).startswith("2 of 2: ")
