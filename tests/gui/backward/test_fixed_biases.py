"""The update frame with "Update biases" off: the panel and the canvas say the biases stay, and why."""

import math
from dataclasses import replace

from PySide6.QtCore import Qt

from tests.gui.backward.helpers import tag_texts

LEFT = Qt.MouseButton.LeftButton


def keep_biases_fixed(window) -> None:
    document = window.document
    document.set_training(replace(document.network.training, update_biases=False))


def test_the_update_frame_says_the_biases_stay_fixed_and_why(backward, trace_window, qtbot):
    keep_biases_fixed(trace_window)
    backward.to_end()
    text = backward.panel.formula.toPlainText()
    assert "b unchanged" in text
    assert "Update biases is off" in text and "Mazur" in text
    assert "kept fixed" in text
    assert "b ← b − η" not in text
    tags = tag_texts(trace_window.scene)
    assert "b 0.6 (fixed)" in tags and "b 0.35 (fixed)" in tags
    assert not any(t.startswith("b 0.6 →") for t in tags)


def test_applying_it_moves_the_weights_alone_to_mazurs_loss(backward, trace_window, qtbot):
    keep_biases_fixed(trace_window)
    network = trace_window.document.network
    biases = {n.id: n.bias for n in network.neurons}
    backward.to_end()
    qtbot.mouseClick(backward.panel.apply_button, LEFT)
    assert {n.id: n.bias for n in network.neurons} == biases
    assert math.isclose(network.connection("h1", "o1").weight, 0.35891648, abs_tol=5e-9)
    text = backward.panel.formula.toPlainText()
    assert "0.2984 → 0.2910" in text
    assert "its biases stayed fixed" in text


def test_with_biases_updated_the_update_frame_is_as_before(backward, trace_window):
    backward.to_end()
    text = backward.panel.formula.toPlainText()
    assert "b unchanged" not in text and "kept fixed" not in text
    assert any(t.startswith("b 0.6 → 0.5308") for t in tag_texts(trace_window.scene))
