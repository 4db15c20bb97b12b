"""The Backward panel's update writes the l1 term, w ← w − η·(∂L/∂w + λ₁·sign(w)), with its numbers."""

import json

from PySide6.QtCore import Qt

from playground.model.examples import example_path
from tests.gui.backward.helpers import panel_numbers
from tests.gui.backward.test_consistency_with_cli import walk_and_compare

LEFT = Qt.MouseButton.LeftButton

# Matt Mazur's worked 2-2-2 example: ∂E/∂w5 (h1 → o1) as printed in his post, w5 = 0.4, η = 0.5.
MAZUR_DE_DW5 = 0.082167041


def step_to_update(qtbot, window) -> None:
    backward = window.backward
    while backward.session.frame.kind != "update":
        qtbot.mouseClick(backward.panel.step_button, LEFT)


def test_l1_typed_in_the_training_dock_shows_in_the_update_table(trace_window, qtbot):
    window = trace_window
    box = window.training.training_dock.l1
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), "0.01")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert window.document.network.training.l1 == 0.01
    qtbot.waitUntil(window.backward.is_showing)
    step_to_update(qtbot, window)
    panel = window.backward.panel.formula
    text = panel.toPlainText()
    assert "w ← w − η · (∂L/∂w + λ₁ · sign(w))" in text
    assert "λ₁ = 0.01" in text
    assert "(0.08217 + 0.01 × sign(0.4))" in text
    shown = {name: value for name, value, _ in panel_numbers(panel)}
    assert shown["λ₁"] == 0.01
    after = 0.4 - 0.5 * (MAZUR_DE_DW5 + 0.01 * 1.0)
    assert abs(shown["w_h1,o1 after"] - after) < 1e-9


def test_without_l1_the_table_has_no_l1_term(trace_window, qtbot):
    step_to_update(qtbot, trace_window)
    text = trace_window.backward.panel.formula.toPlainText()
    assert "sign" not in text and "λ₁" not in text


def test_with_l1_and_l2_every_number_equals_the_command_lines(qtbot, window, capsys, tmp_path):
    document = json.loads(example_path("two_two_two").read_text(encoding="utf-8"))
    document["training"].update({"l1": 0.02, "l2": 0.001})
    document["connections"][0]["weight"] = 0.0  # sign(0) = 0: no pull on this one
    path = tmp_path / "l1.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    walk_and_compare(qtbot, window, path, capsys)
    text = window.backward.panel.formula.toPlainText()
    assert "w ← w − η · (∂L/∂w + λ · w + λ₁ · sign(w))" in text
    assert "λ₁ × sign(0)" not in text and "0.02 × sign(0)" in text
