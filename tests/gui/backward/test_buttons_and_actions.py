"""The panel's buttons and the Backward menu share one state; ◀ Backward Pass opens and closes."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from playground.gui.backward.sample import split_size

LEFT = Qt.MouseButton.LeftButton


def assert_buttons_match_actions(backward):
    for name, button in backward.panel.buttons_by_action().items():
        action = backward.actions[name]
        assert button.isEnabled() == action.isEnabled(), name
        assert button.defaultAction() is action, name


def test_next_sample_is_greyed_out_in_the_menu_and_the_panel_with_one_sample(backward):
    assert split_size(backward.window.document.network, "train") == 1
    menu_items = {a.text(): a for a in backward.window.menus["backward"].actions()}
    assert not menu_items["&Next Sample"].isEnabled()
    assert not backward.panel.next_button.isEnabled()


def test_each_button_is_enabled_exactly_when_its_action_is(backward, qtbot):
    assert_buttons_match_actions(backward)
    assert not backward.actions["back"].isEnabled()  # at the forward pass
    assert backward.actions["step"].isEnabled()
    while not backward.session.at_update():
        qtbot.mouseClick(backward.panel.step_button, LEFT)
        assert_buttons_match_actions(backward)
        assert backward.actions["back"].isEnabled()
    assert not backward.actions["to_end"].isEnabled() and not backward.panel.end_button.isEnabled()
    assert backward.panel.step_button.text() == "Apply update"
    qtbot.mouseClick(backward.panel.step_button, LEFT)  # applies the update
    assert backward.session.applied
    assert_buttons_match_actions(backward)
    assert not backward.actions["apply"].isEnabled() and not backward.panel.apply_button.isEnabled()
    backward.dock.hide()
    assert_buttons_match_actions(backward)
    assert not backward.actions["back"].isEnabled()  # the arrows are the editor's again


def test_a_key_greys_out_the_button_as_the_menu_item(backward, trace_window, qtbot):
    trace_window.view.setFocus()
    qtbot.keyClick(trace_window.view, Qt.Key.Key_End)
    assert backward.session.at_update()
    assert not backward.panel.end_button.isEnabled() and not backward.actions["to_end"].isEnabled()
    qtbot.keyClick(trace_window.view, Qt.Key.Key_Home)
    assert backward.panel.end_button.isEnabled() and backward.actions["to_end"].isEnabled()


def test_the_backward_pass_tool_button_opens_the_panel_and_closes_it(window, qtbot):
    backward = window.backward
    bar = window.findChild(QToolBar, "toolbar:backward")
    button = bar.widgetForAction(backward.actions["panel"])
    assert button.text() == "◀ Backward Pass"
    assert backward.dock.isHidden() and not button.isChecked()

    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(backward.is_showing)
    assert button.isChecked()

    qtbot.mouseClick(button, LEFT)
    assert backward.dock.isHidden() and not backward.is_showing()
    assert not button.isChecked()

    # The menu's Ctrl+B opens it too, and the button follows
    menu_items = {a.text(): a for a in window.menus["backward"].actions()}
    menu_items["Step &Through One Sample"].trigger()
    qtbot.waitUntil(backward.is_showing)
    assert button.isChecked()
    backward.dock.close()  # the dock's own close button
    assert not button.isChecked()
