"""Help menu: the user guide opens with its pictures, and About names the version."""

import re

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox

import playground
from playground.gui.dialogs.user_guide import UserGuideWindow, guide_path


def _help_action(window, text):
    actions = {a.text().replace("&", ""): a for a in window.menus["help"].actions()}
    return actions[text]


def test_f1_opens_the_user_guide_with_its_text_and_pictures(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.user_guide
    assert isinstance(guide, UserGuideWindow) and guide.isVisible()
    markdown = guide_path().read_text(encoding="utf-8")
    first_heading = re.search(r"^# (.+)$", markdown, re.MULTILINE).group(1)
    assert first_heading in guide.browser.toPlainText()
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown)
    assert images, "the guide has no pictures"
    document = guide.browser.document()
    base = QUrl.fromLocalFile(str(guide_path()))
    for image in images:
        loaded = document.resource(
            QTextDocument.ResourceType.ImageResource, base.resolved(QUrl(image))
        )
        assert loaded is not None and not loaded.isNull(), f"{image} did not load"


def test_the_menu_item_opens_one_guide_window_and_brings_it_back(qtbot, window):
    action = _help_action(window, "User Guide")
    action.trigger()
    first = window.user_guide
    first.close()
    action.trigger()
    assert window.user_guide is first and first.isVisible()
    first.close()


def test_about_names_the_version_and_what_it_runs_on(qtbot, window):
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append((box.windowTitle(), box.text()))
        box.accept()

    QTimer.singleShot(0, read_and_close)
    _help_action(window, "About").trigger()
    title, text = shown[0]
    assert title == "About NN Playground"
    assert f"NN Playground {playground.__version__}" in text
    assert "Qt " in text and "Python " in text


def test_the_guide_s_pictures_fit_the_window_and_follow_its_width(qtbot, window):
    window.show_user_guide()
    guide = window.user_guide
    qtbot.waitExposed(guide)

    def widest_picture():
        document = guide.browser.document()
        widths, block = [], document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().isImageFormat():
                    widths.append(fragment.charFormat().toImageFormat().width())
                fragments += 1
            block = block.next()
        return max(widths)

    for width in (960, 700):
        guide.resize(width, 700)
        qtbot.waitUntil(lambda: widest_picture() <= guide.browser.viewport().width())
        assert guide.browser.horizontalScrollBar().maximum() == 0
    guide.close()


def _open_sheet(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    sheet = window.shortcut_sheet
    assert sheet is not None and sheet.isVisible()
    return sheet


def test_the_shortcut_sheet_lists_every_action_that_has_a_key(qtbot, window):
    window.document.set_weight("h1", "o1", 0.41)  # the menu now says "Undo Set Weight …"
    sheet = _open_sheet(qtbot, window)
    rows = {(command, keys) for _, command, keys in sheet.rows()}
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(with_keys) > 30
    assert window.action_by_name["undo"].text().startswith("Undo Set Weight")
    assert [keys for _, command, keys in sheet.rows() if command == "Undo"]
    for action in with_keys:
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        if not keys:
            continue  # a standard key this platform does not have (Quit on some desktops)
        words = action.iconText() if action.text().startswith(("Undo", "Redo")) else action.text()
        assert (words.replace("&", "").rstrip("…"), keys) in rows, words
    groups = [group for group, _, _ in sheet.rows()]
    assert groups.index("File") < groups.index("Edit") < groups.index("Backward")
    assert (
        "Open",
        QKeySequence(QKeySequence.StandardKey.Open).toString(
            QKeySequence.SequenceFormat.NativeText
        ),
    ) in rows
    canvas = [(command, keys) for group, command, keys in sheet.rows() if group == "Canvas"]
    assert ("Connect, from any tool", "Shift+drag") in canvas
    sheet.close()


def test_a_new_shortcut_shows_up_in_the_sheet(qtbot, window):
    randomize = window.action_by_name["randomize"]
    assert not randomize.shortcuts()
    sheet = _open_sheet(qtbot, window)
    assert not [row for row in sheet.rows() if row[1] == "Randomize Weights"]
    sheet.close()
    randomize.setShortcut(QKeySequence("Ctrl+Alt+R"))
    sheet = _open_sheet(qtbot, window)
    keys = QKeySequence("Ctrl+Alt+R").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Network", "Randomize Weights", keys) in sheet.rows()
    sheet.close()


def test_the_help_menu_item_opens_the_sheet(qtbot, window):
    _help_action(window, "Keyboard Shortcuts…").trigger()
    assert window.shortcut_sheet.isVisible()
    assert window.shortcut_sheet.table.topLevelItemCount() >= 6
    window.shortcut_sheet.close()
