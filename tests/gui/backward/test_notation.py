"""Backward ▸ Notation: the formulas name neurons by their names or, as the lecture does, j−1, j, j+1."""

from PySide6.QtCore import QSettings, Qt

from playground.gui.backward.trace_session import TraceSession
from tests.gui.backward.helpers import panel_numbers

LEFT = Qt.MouseButton.LeftButton
AT_H1 = "step 3 of 5: neuron h1"


def notation_action(window, text: str):
    """The item `text` of the Backward menu's Notation submenu, as the user finds it."""
    menu_items = {a.text(): a for a in window.menus["backward"].actions()}
    submenu = menu_items["N&otation"].menu()
    return next(a for a in submenu.actions() if a.text() == text)


def step_to_h1(backward, qtbot) -> None:
    backward.restart()
    while backward.session.label() != AT_H1:
        qtbot.mouseClick(backward.panel.step_button, LEFT)


def gradient_numbers(panel) -> dict[str, float]:
    return {name: value for name, value, _ in panel_numbers(panel) if name.startswith("∂L/∂w_")}


def test_layer_relative_names_h1s_weights_w_j_minus_1_j_and_names_come_back(
    backward, trace_window, qtbot
):
    step_to_h1(backward, qtbot)
    panel = backward.panel.formula
    by_name = gradient_numbers(panel)
    assert set(by_name) == {"∂L/∂w_i1,h1", "∂L/∂w_i2,h1"}

    notation_action(trace_window, "&Layer-Relative (j−1, j, j+1)").trigger()
    assert backward.session.label() == AT_H1  # the same step, only written differently
    text = panel.toPlainText()
    assert "∂L/∂w(j−1)₁,j" in text and "∂L/∂w(j−1)₂,j" in text  # <sub> is lost in plain text
    assert "i1,h1" not in text and "w_i1" not in text
    assert "Neuron j “h1”" in text  # still says which neuron j is
    hovers = {name for name, _, _ in panel_numbers(panel)}
    assert "w_j,(j+1)₁" in hovers and "w_j,(j+1)₂" in hovers  # h1 feeds o1 and o2
    # The numbers do not change with their names.
    relative = gradient_numbers(panel)
    assert relative == {
        "∂L/∂w_(j−1)₁,j": by_name["∂L/∂w_i1,h1"],
        "∂L/∂w_(j−1)₂,j": by_name["∂L/∂w_i2,h1"],
    }
    assert QSettings().value("backward/notation") == "layer"

    notation_action(trace_window, "&Neuron Names").trigger()
    assert gradient_numbers(panel) == by_name
    assert "(j−1)" not in panel.toPlainText()
    assert QSettings().value("backward/notation") == "names"


def test_the_menu_items_are_exclusive_and_the_choice_is_remembered(trace_window, qtbot):
    names = notation_action(trace_window, "&Neuron Names")
    layer = notation_action(trace_window, "&Layer-Relative (j−1, j, j+1)")
    assert names.isChecked() and not layer.isChecked()  # by default, as before
    layer.trigger()
    assert layer.isChecked() and not names.isChecked()

    from playground.gui.main_window import MainWindow

    again = MainWindow()
    try:
        assert again.backward.session.notation == "layer"
        assert notation_action(again, "&Layer-Relative (j−1, j, j+1)").isChecked()
        assert not notation_action(again, "&Neuron Names").isChecked()
    finally:
        again.document.undo_stack.setClean()
        again.close()
        again.deleteLater()


def test_a_start_that_only_reads_the_settings_writes_none(trace_window):
    assert QSettings().value("backward/notation") is None


def test_the_html_export_writes_the_chosen_notation(backward, trace_window, tmp_path):
    notation_action(trace_window, "&Layer-Relative (j−1, j, j+1)").trigger()
    path = tmp_path / "trace.html"
    assert backward.export_html(str(path))
    page = path.read_text(encoding="utf-8")
    assert "<sub>(j−1)₁,j</sub>" in page  # a neuron's step: relative to that neuron
    assert "<sub>i1,h1</sub>" in page  # the update's table of every weight keeps the names


def test_an_unknown_saved_notation_leaves_the_names(qtbot, isolated_settings):
    QSettings().setValue("backward/notation", "hieroglyphs")
    from playground.gui.main_window import MainWindow

    window = MainWindow()
    try:
        assert window.backward.session.notation == "names"
        assert notation_action(window, "&Neuron Names").isChecked()
    finally:
        window.close()
        window.deleteLater()


def test_the_session_ignores_a_notation_it_does_not_know(window):
    session: TraceSession = window.backward.session
    session.set_notation("hieroglyphs")
    assert session.notation == "names"
