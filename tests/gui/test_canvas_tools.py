"""The canvas tools through the real view: add, connect, move, delete, double-click edits."""

import pytest
from PySide6.QtCore import QRectF, Qt

from playground.gui.canvas import style
from tests.gui.helpers import (
    SHIFT,
    assert_scene_matches,
    at,
    click,
    double_click,
    drag,
    press_and_move,
    release,
)

# Positions of the 2-2-2 example: inputs at x 0, hidden at 200, outputs at 400; rows y 0 and 120.
POS = {
    "i1": (0, 0),
    "i2": (0, 120),
    "h1": (200, 0),
    "h2": (200, 120),
    "o1": (400, 0),
    "o2": (400, 120),
}


def status(window) -> str:
    return window.statusBar().currentMessage()


@pytest.mark.parametrize("role, first_id", [("input", "i3"), ("hidden", "h3"), ("output", "o3")])
def test_a_click_with_the_add_tool_places_a_neuron_of_the_picked_role(
    qtbot, window, role, first_id
):
    window.action_by_name["tool_add_neuron"].trigger()
    window.role_picker.setCurrentIndex(window.role_picker.findData(role))
    click(qtbot, window.view, 100, 260)
    neuron = window.document.network.neuron(first_id)
    assert neuron.role == role
    assert abs(neuron.x - 100) < 2 and abs(neuron.y - 260) < 2
    assert (neuron.activation is None) == (role == "input")
    assert first_id in window.scene.neuron_items
    assert window.document.undo_stack.undoText() == f"Add Neuron {first_id}"
    assert_scene_matches(window.scene, window.document.network)


def test_the_add_tool_does_not_place_a_neuron_on_top_of_another(qtbot, window):
    window.action_by_name["tool_add_neuron"].trigger()
    click(qtbot, window.view, *POS["h1"])
    assert len(window.document.network.neurons) == 6


def test_dragging_from_a_neuron_with_the_connect_tool_connects_it(qtbot, window):
    window.action_by_name["tool_connect"].trigger()
    press_and_move(qtbot, window.view, POS["i1"], POS["o2"])
    assert window.scene.neuron_items["o2"]._connect_state == "allowed"
    assert "Release to connect i1 → o2" in status(window)
    release(qtbot, window.view, POS["o2"])
    connection = window.document.network.connection("i1", "o2")
    assert ("i1", "o2") in window.scene.connection_items
    assert window.scene.neuron_items["o2"]._connect_state is None
    # Fan-in initialisation: |w| ≤ sqrt(6 / (fan_in + fan_out)) with o2's fan-in now 3, i1's fan-out 3.
    assert abs(connection.weight) <= (6 / (3 + 3)) ** 0.5
    assert window.document.undo_stack.undoText() == "Add Connection i1 → o2"
    assert_scene_matches(window.scene, window.document.network)


def test_shift_drag_connects_from_the_select_tool(qtbot, window):
    assert window.view.tool == "select"
    drag(qtbot, window.view, POS["i2"], POS["o1"], SHIFT)
    assert window.document.network.has_connection("i2", "o1")
    assert window.document.network.neuron("i2").x == 0  # connected, not moved


@pytest.mark.parametrize(
    "source, target, reason",
    [
        ("o1", "h1", "would make a cycle: h1 → o1 → h1"),
        ("h1", "i2", "i2 is an input neuron"),
        ("i1", "h1", "the connection i1 → h1 exists already"),
    ],
)
def test_a_refused_connection_lights_red_says_why_and_creates_nothing(
    qtbot, window, source, target, reason
):
    before = window.document.network.copy()
    window.action_by_name["tool_connect"].trigger()
    press_and_move(qtbot, window.view, POS[source], POS[target])
    assert window.scene.neuron_items[target]._connect_state == "refused"
    assert reason in status(window)
    release(qtbot, window.view, POS[target])
    assert window.document.network == before
    assert window.document.undo_stack.count() == 0
    assert reason in status(window)
    assert window.scene.neuron_items[target]._connect_state is None
    assert_scene_matches(window.scene, window.document.network)


def test_a_drag_back_onto_its_own_neuron_is_refused_as_a_self_connection(qtbot, window):
    window.action_by_name["tool_connect"].trigger()
    press_and_move(qtbot, window.view, POS["h1"], (300, 60))
    qtbot.mouseMove(window.view.viewport(), at(window.view, *POS["h1"]))
    assert window.scene.neuron_items["h1"]._connect_state == "refused"
    assert "cannot connect to itself" in status(window)
    release(qtbot, window.view, POS["h1"])
    assert len(window.document.network.connections) == 8
    assert "cannot connect to itself" in status(window)


def test_a_connection_drag_ending_on_empty_canvas_creates_nothing(qtbot, window):
    window.action_by_name["tool_connect"].trigger()
    drag(qtbot, window.view, POS["h1"], (300, 300))
    assert len(window.document.network.connections) == 8
    assert window.document.undo_stack.count() == 0


def test_dragging_selected_neurons_moves_them_in_one_undo_step(qtbot, window):
    view, scene = window.view, window.scene
    click(qtbot, view, *POS["h1"])
    click(qtbot, view, *POS["h2"], Qt.KeyboardModifier.ControlModifier)
    assert scene.selected_neuron_ids() == ["h1", "h2"]
    line_before = scene.connection_items[("h1", "o1")].line()
    drag(qtbot, view, POS["h1"], (260, 40))
    network = window.document.network
    dx, dy = network.neuron("h1").x - 200, network.neuron("h1").y
    assert abs(dx - 60) < 2 and abs(dy - 40) < 2
    assert (network.neuron("h2").x, network.neuron("h2").y) == (200 + dx, 120 + dy)
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText() == "Move 2 Neurons"
    # The connection followed its source neuron.
    assert scene.connection_items[("h1", "o1")].line().p1() != line_before.p1()
    assert_scene_matches(scene, network)
    window.action_by_name["undo"].trigger()
    assert (network.neuron("h1").x, network.neuron("h1").y) == (200, 0)
    assert scene.connection_items[("h1", "o1")].line() == line_before
    assert_scene_matches(scene, network)


def test_rubber_band_selects_what_it_encloses(qtbot, window):
    drag(qtbot, window.view, (-40, -40), (240, 40))
    assert window.scene.selected_neuron_ids() == ["i1", "h1"]
    assert window.scene.selected_connection_keys() == [("i1", "h1")]


def test_delete_removes_the_selection_with_its_connections_and_undo_restores_it(qtbot, window):
    before = window.document.network.copy()
    click(qtbot, window.view, *POS["h1"])
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    network = window.document.network
    assert not network.has_neuron("h1")
    assert [c.key for c in network.connections] == [
        ("i1", "h2"),
        ("i2", "h2"),
        ("h2", "o1"),
        ("h2", "o2"),
    ]
    assert_scene_matches(window.scene, network)
    assert window.action_by_name["undo"].text() == "Undo Delete Neuron h1"
    window.action_by_name["undo"].trigger()
    assert window.document.network == before
    assert_scene_matches(window.scene, window.document.network)
    window.action_by_name["redo"].trigger()
    assert not window.document.network.has_neuron("h1")


def test_backspace_deletes_a_selected_connection(qtbot, window):
    # The middle of h2 → o2, a horizontal line at y = 120.
    click(qtbot, window.view, 300, 120)
    assert window.scene.selected_connection_keys() == [("h2", "o2")]
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert not window.document.network.has_connection("h2", "o2")
    assert len(window.scene.connection_items) == 7


def test_double_click_on_a_connection_edits_its_weight_in_place(qtbot, window):
    double_click(qtbot, window.view, 300, 120)
    editor = window.view.editor
    assert editor is not None and editor.text() == "0.55"
    editor.selectAll()
    qtbot.keyClicks(editor, "-1.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.network.connection("h2", "o2").weight == -1.5
    assert window.scene.connection_items[("h2", "o2")].weight == -1.5
    assert window.action_by_name["undo"].text() == "Undo Set Weight h2 → o2 to -1.5"


def test_a_weight_that_is_not_a_number_changes_nothing(qtbot, window):
    double_click(qtbot, window.view, 300, 120)
    editor = window.view.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.network.connection("h2", "o2").weight == 0.55
    assert "not a number" in status(window)
    assert window.document.undo_stack.count() == 0


def test_escape_cancels_an_in_place_edit(qtbot, window):
    double_click(qtbot, window.view, 300, 120)
    editor = window.view.editor
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.document.network.connection("h2", "o2").weight == 0.55
    assert window.document.undo_stack.count() == 0


def test_double_click_on_a_neuron_edits_its_label(qtbot, window):
    double_click(qtbot, window.view, *POS["o1"])
    editor = window.view.editor
    qtbot.keyClicks(editor, "class A")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.network.neuron("o1").label == "class A"
    assert window.scene.neuron_items["o1"].name == "class A"
    window.action_by_name["undo"].trigger()
    assert window.document.network.neuron("o1").label is None
    assert window.scene.neuron_items["o1"].name == "o1"


def test_zoom_keys_and_fit(qtbot, window):
    view = window.view
    scale = view.transform().m11()
    window.action_by_name["zoom_in"].trigger()
    assert view.transform().m11() == pytest.approx(scale * 1.25)
    window.action_by_name["zoom_out"].trigger()
    window.action_by_name["zoom_out"].trigger()
    assert view.transform().m11() == pytest.approx(scale * 0.8)
    window.action_by_name["fit"].trigger()
    rect = view.mapToScene(view.viewport().rect()).boundingRect()
    assert rect.contains(window.scene.network_rect())


def test_space_drag_pans_without_editing(qtbot, window):
    view = window.view
    centre = view.mapToScene(view.viewport().rect().center())
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(qtbot, view, (300, 300), (250, 300))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    moved = view.mapToScene(view.viewport().rect().center())
    assert moved.x() == pytest.approx(centre.x() + 50, abs=2)
    assert window.document.undo_stack.count() == 0


# ----------------------------------------------------------------- the reason beside the cursor


def tip_beside_cursor(window, scene_pos) -> bool:
    """The refusal label is shown within a few pixels right-below or left-above the cursor."""
    tip = window.view.refusal_tip
    cursor = at(window.view, *scene_pos)
    box = tip.geometry()
    near_x = abs(box.left() - cursor.x()) < 40 or abs(box.right() - cursor.x()) < 40
    near_y = abs(box.top() - cursor.y()) < 40 or abs(box.bottom() - cursor.y()) < 40
    return tip.isVisible() and near_x and near_y


@pytest.mark.parametrize("shift", [False, True], ids=["connect tool", "shift-drag"])
def test_a_refused_target_shows_the_models_reason_beside_the_cursor_until_release(
    qtbot, window, shift
):
    view, tip = window.view, window.view.refusal_tip
    if not shift:
        window.action_by_name["tool_connect"].trigger()
    modifiers = SHIFT if shift else Qt.KeyboardModifier.NoModifier
    assert not tip.isVisible()
    press_and_move(qtbot, view, POS["o1"], POS["h1"], modifiers)
    reason = window.document.network.connection_refusal("o1", "h1")
    assert reason is not None and "cycle" in reason
    assert reason in tip.text()
    assert tip_beside_cursor(window, POS["h1"])
    assert window.view._drag.line.pen().color() == style.REFUSED
    release(qtbot, view, POS["h1"], modifiers)
    assert not tip.isVisible()
    assert window.document.undo_stack.count() == 0


def test_the_reason_changes_with_the_target_and_goes_when_the_target_is_allowed(qtbot, window):
    view, tip = window.view, window.view.refusal_tip
    window.action_by_name["tool_connect"].trigger()
    press_and_move(qtbot, view, POS["h1"], POS["i2"])
    assert "i2 is an input neuron" in tip.text() and tip.isVisible()
    qtbot.mouseMove(view.viewport(), at(view, *POS["o1"]))  # h1 → o1 exists already
    assert "exists already" in tip.text() and tip_beside_cursor(window, POS["o1"])
    qtbot.mouseMove(view.viewport(), at(view, 300, 260))  # empty canvas: nothing to refuse
    assert not tip.isVisible()
    qtbot.mouseMove(view.viewport(), at(view, *POS["h2"]))  # h1 → h2 is allowed
    assert not tip.isVisible()
    assert window.scene.neuron_items["h2"]._connect_state == "allowed"
    release(qtbot, view, POS["h2"])
    assert window.document.network.has_connection("h1", "h2")


def test_escape_during_a_refused_drag_hides_the_reason(qtbot, window):
    window.action_by_name["tool_connect"].trigger()
    press_and_move(qtbot, window.view, POS["o1"], POS["h2"])
    assert window.view.refusal_tip.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.view.refusal_tip.isVisible()
    release(qtbot, window.view, POS["h2"])
    assert window.document.undo_stack.count() == 0


def test_near_the_right_edge_the_reason_flips_left_of_the_cursor_and_stays_on_the_canvas(
    qtbot, window
):
    view, tip = window.view, window.view.refusal_tip
    # o1 near the canvas's right edge: the label would run off it on the cursor's right.
    # Room to scroll o1 near the right edge, whatever margin the scene keeps around the network,
    # then scrolled there in pixels, whatever the zoom.
    view.setSceneRect(QRectF(-3000, -3000, 6000, 6000))
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + at(view, *POS["o1"]).x() - (view.viewport().width() - 30))
    window.action_by_name["tool_connect"].trigger()
    press_and_move(qtbot, view, POS["i1"], POS["o1"])  # i1 → o1 is allowed: made here
    release(qtbot, view, POS["o1"])
    assert view.viewport().rect().contains(at(view, *POS["o1"]))
    press_and_move(qtbot, view, POS["i1"], POS["o1"])  # now it exists: refused
    assert tip.isVisible()
    assert view.viewport().rect().contains(tip.geometry())
    assert tip.geometry().right() < at(view, *POS["o1"]).x()
    release(qtbot, view, POS["o1"])


# ----------------------------------------------------------------- stale refusals


def test_a_refusal_in_the_status_bar_goes_after_a_later_good_edit(qtbot, window):
    window.action_by_name["tool_connect"].trigger()
    drag(qtbot, window.view, POS["o1"], POS["h1"])
    assert "Not connected" in status(window)
    # Refused in the inspector too: a hidden neuron with incoming connections cannot be an input.
    window.action_by_name["tool_select"].trigger()
    click(qtbot, window.view, *POS["h1"])
    inspector = window.inspector
    inspector.role_combo.setCurrentIndex(inspector.role_combo.findText("input"))
    inspector.role_combo.activated.emit(inspector.role_combo.currentIndex())
    assert status(window).startswith("Not changed:")
    inspector.bias_edit.selectAll()
    qtbot.keyClicks(inspector.bias_edit, "0.5")
    qtbot.keyClick(inspector.bias_edit, Qt.Key.Key_Return)
    assert window.document.network.neuron("h1").bias == 0.5
    assert status(window) == ""


def test_a_good_edit_keeps_its_own_message(qtbot, window):
    window.action_by_name["tool_connect"].trigger()
    drag(qtbot, window.view, POS["o1"], POS["h1"])
    assert "Not connected" in status(window)
    drag(qtbot, window.view, POS["i1"], POS["o1"])
    assert status(window).startswith("Connected i1 → o1")
