"""Help menu: the user guide opens with its pictures, and About names the version."""

import re

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QTextDocument
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
