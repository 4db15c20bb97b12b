"""The formula panel's numbers (hover, precision) and the choice of sample."""

from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from playground.engine.backward_stepper import trace_sample
from playground.model.examples import example_path
from tests.gui.backward.helpers import panel_numbers

LEFT = Qt.MouseButton.LeftButton


def point_of(panel, text: str) -> QPoint:
    """The viewport point in the middle of the first occurrence of `text` in the panel."""
    cursor = panel.document().find(text)
    assert not cursor.isNull(), text
    middle = QTextCursor(panel.document())
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    return panel.cursorRect(middle).center()


def test_hovering_a_number_shows_all_its_digits(backward, qtbot):
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    panel = backward.panel.formula
    point = point_of(panel, "0.008771")
    name, _, full = panel.tooltip_at(point).partition(" = ")
    assert name == "∂L/∂z_h1"
    # By hand: σ′(z_h1) · (0.4 · δ_o1 + 0.5 · δ_o2) = 0.00877135468948693…, every digit shown.
    assert len(full) >= 17 and abs(float(full) - 0.00877135468948693) < 1e-16
    event = QHelpEvent(QEvent.Type.ToolTip, point, panel.viewport().mapToGlobal(point))
    QApplication.sendEvent(panel.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == f"∂L/∂z_h1 = {full}"
    assert panel.tooltip_at(point_of(panel, "Gather")) == ""  # words have no tooltip


def test_negative_numbers_carry_a_true_minus_sign(backward, qtbot):
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    shown = {name: text for name, _, text in panel_numbers(backward.panel.formula)}
    assert shown["∂L/∂z_o2"] == "−0.03810"
    assert "-" not in backward.panel.formula.toPlainText()


def test_the_precision_setting_changes_every_number_and_is_remembered(
    backward, trace_window, qtbot
):
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    backward.panel.digits.setValue(7)
    shown = {name: text for name, _, text in panel_numbers(backward.panel.formula)}
    assert shown["∂L/∂z_h1"] == "0.008771355"
    assert shown["∂L/∂y_h1"] == "0.03635031"  # 0.0363503064 (by hand) to 7 significant digits
    assert "∂L/∂z_h1 0.008771355" in [t.text for t in backward.overlay.items if hasattr(t, "text")]
    assert QSettings().value("backward/digits") in (7, "7")
    backward.panel.digits.setValue(3)
    assert {name: text for name, _, text in panel_numbers(backward.panel.formula)}[
        "∂L/∂z_h1"
    ] == "0.00877"
    backward.panel.digits.setValue(2)  # below the range: the spin box keeps 3
    assert backward.session.digits == 3


def test_a_new_window_takes_the_remembered_precision(qtbot, two_two_two):
    QSettings().setValue("backward/digits", 6)
    from playground.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.backward.session.digits == 6
    assert window.backward.panel.digits.value() == 6


def test_a_test_sample_picked_from_the_list(backward, trace_window, qtbot):
    trace_window.document.open(example_path("circle"))
    backward.open()
    backward.panel.sample_toggle.click()
    picker = backward.panel.picker
    assert picker.isVisible()
    picker.source.setCurrentIndex(1)  # Test data
    assert backward.session.sample.split == "test"
    picker.table.scrollTo(picker.table_model.index(5, 0))
    rect = picker.table.visualRect(picker.table_model.index(5, 0))
    qtbot.mouseClick(picker.table.viewport(), LEFT, pos=rect.center())
    assert backward.session.sample.index == 5
    assert picker.index.value() == 6
    data = trace_window.document.network.data
    expected = trace_sample(
        trace_window.document.network, list(data.test_x[5]), list(data.test_y[5])
    )
    assert backward.session.trace == expected
    assert "test sample 6 of 250" in backward.panel.sample_summary.text()


def test_a_sample_typed_by_hand(backward, trace_window, qtbot):
    backward.panel.sample_toggle.click()
    picker = backward.panel.picker
    picker.source.setCurrentIndex(2)  # Typed by hand, starting from the sample shown
    assert backward.session.sample.split == "hand"
    assert set(picker.input_fields) == {"i1", "i2"} and set(picker.target_fields) == {"o1", "o2"}
    assert picker.input_fields["i1"].text() == "0.05"
    field = picker.input_fields["i2"]
    field.setText("−0.5")  # the minus sign the app writes is accepted as typed
    qtbot.keyClick(field, Qt.Key.Key_Return)
    target = picker.target_fields["o1"]
    assert target is picker.target_fields["o1"]  # the fields stay while the neurons do
    target.selectAll()
    qtbot.keyClicks(target, "1")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert backward.session.trace.x == [0.05, -0.5]
    assert backward.session.trace.targets == [1.0, 0.99]
    expected = trace_sample(trace_window.document.network, [0.05, -0.5], [1.0, 0.99])
    assert backward.session.trace == expected
    assert not backward.panel.next_button.isEnabled()
    # Something that is not a number is refused, and the trace keeps the last sample.
    target.selectAll()
    qtbot.keyClicks(target, "one")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert backward.session.trace.targets == [1.0, 0.99]
    assert "not a number" in target.toolTip()


def test_a_field_typed_in_but_refused_shows_the_sample_again_at_the_next_step(
    backward, trace_window, qtbot
):
    """A step writes the typed fields only when something changed them: a refused text is one."""
    backward.panel.sample_toggle.click()
    picker = backward.panel.picker
    picker.source.setCurrentIndex(2)  # Typed by hand
    target = picker.target_fields["o1"]
    shown = target.text()
    target.setFocus()
    target.selectAll()
    qtbot.keyClicks(target, "one")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert target.text() == "one"  # refused, left for the user to mend
    target.clearFocus()
    backward.actions["step"].trigger()
    assert target.text() == shown
    # Steps that change nothing leave the fields as they are, typed or not.
    backward.actions["step"].trigger()
    assert target.text() == shown


def test_a_target_typed_too_large_to_square_gives_an_infinite_loss(backward, trace_window, qtbot):
    backward.panel.sample_toggle.click()
    picker = backward.panel.picker
    picker.source.setCurrentIndex(2)  # Typed by hand
    target = picker.target_fields["o1"]
    target.selectAll()
    qtbot.keyClicks(target, "1e200")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    trace = backward.session.trace
    assert trace.targets == [1e200, 0.99]
    # (y − 10²⁰⁰)² is past the largest float, 1.8 × 10³⁰⁸.
    assert trace.loss == float("inf")
    assert "∞" in backward.panel.formula.toPlainText()
    backward.actions["to_end"].trigger()
    assert backward.session.at_update()
