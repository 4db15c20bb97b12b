"""The main window's layout holds still: the tool bar, the docks after a shrink, the Inspector's tab."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar

from tests.gui.helpers import click, drag


def tool_button(window, name):
    bar = window.findChild(QToolBar, "toolbar:tools")
    return bar.widgetForAction(window.action_by_name[name])


def test_the_undo_text_does_not_move_the_tool_bar_s_buttons(qtbot, window):
    fit = tool_button(window, "fit")
    undo = tool_button(window, "undo")
    before = fit.mapTo(window, fit.rect().topLeft()).x()
    assert undo.text() == "Undo" and not undo.isEnabled()

    window.document.remove_items([], [("h2", "o1")])
    window.document.connect_neurons("h2", "o1", 0.45)  # "Undo Add Connection h2 → o1"
    qtbot.wait(10)
    assert window.action_by_name["undo"].text().startswith("Undo Add Connection")
    assert undo.isEnabled() and undo.text() == "Undo"
    assert undo.toolTip() == window.action_by_name["undo"].text()
    assert fit.mapTo(window, fit.rect().topLeft()).x() == before

    window.document.undo_stack.undo()  # "Redo Add Connection h2 → o1"
    qtbot.wait(10)
    assert tool_button(window, "redo").text() == "Redo"
    assert fit.mapTo(window, fit.rect().topLeft()).x() == before


def shown_docks(window):
    return [
        dock
        for dock in window.findChildren(QDockWidget)
        if dock.isVisible() and not dock.visibleRegion().isEmpty()
    ]


def cut_labels(dock):
    """Plain one-line labels of `dock` whose text is wider than the label."""
    cut = []
    for label in dock.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or "<" in label.text():
            continue  # wrapped or rich text: its width is not one line's
        wanted = label.fontMetrics().size(0, label.text()).width()
        # One pixel of slack: whole-pixel metrics round fractional glyph widths up.
        if label.text() and wanted > label.contentsRect().width() + 1:
            cut.append(label.text())
    return cut


def test_the_docks_get_their_width_back_after_the_window_was_at_its_minimum(qtbot, window):
    qtbot.wait(50)
    widths = {dock.objectName(): dock.width() for dock in shown_docks(window)}
    assert all(not cut_labels(dock) for dock in shown_docks(window))
    window.resize(window.minimumSizeHint())
    qtbot.wait(50)
    assert any(dock.width() < widths[dock.objectName()] for dock in shown_docks(window))

    window.resize(1400, 900)
    qtbot.waitUntil(
        lambda: all(dock.width() == widths[dock.objectName()] for dock in shown_docks(window))
    )
    for dock in shown_docks(window):
        assert dock.width() >= dock.minimumSizeHint().width(), dock.objectName()
        assert not cut_labels(dock), dock.objectName()


def test_widening_step_by_step_gives_the_docks_their_share(qtbot, window):
    qtbot.wait(50)
    training = window.training.training_dock_widget
    wide = training.width()
    window.resize(window.minimumSizeHint())
    qtbot.wait(50)
    narrow = training.width()
    assert narrow < wide
    for width in range(window.width() + 150, 1401, 150):
        window.resize(width, 900)
        qtbot.wait(20)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: training.width() == wide)


def test_a_separator_moved_by_the_user_is_the_width_given_back(qtbot, window):
    qtbot.wait(50)
    training = window.training.training_dock_widget
    window.resizeDocks([training], [420], Qt.Orientation.Horizontal)  # as a separator drag does
    qtbot.waitUntil(lambda: training.width() == 420)
    window.resize(window.minimumSizeHint())
    qtbot.wait(50)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: training.width() == 420)


def test_selecting_a_neuron_behind_the_data_tab_brings_the_inspector_forward(qtbot, window):
    data = window.training.data_dock_widget
    assert data in window.tabifiedDockWidgets(window.inspector_dock)
    data.raise_()
    qtbot.waitUntil(lambda: window.inspector_dock.visibleRegion().isEmpty())
    click(qtbot, window.view, 200, 0)  # h1
    assert window.scene.selected_neuron_ids() == ["h1"]
    qtbot.waitUntil(lambda: not window.inspector_dock.visibleRegion().isEmpty())
    assert data.visibleRegion().isEmpty()
    assert window.inspector.id_label.text() == "h1"


def test_a_drag_on_empty_canvas_selecting_nothing_leaves_the_data_tab(qtbot, window):
    data = window.training.data_dock_widget
    data.raise_()
    qtbot.waitUntil(lambda: window.inspector_dock.visibleRegion().isEmpty())
    drag(qtbot, window.view, (600, 400), (640, 420))  # a box around nothing
    assert window.scene.selected_neuron_ids() == []
    assert not data.visibleRegion().isEmpty()
