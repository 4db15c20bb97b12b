"""In 繁體中文, no text a user can see is still its English source.

The window is built with the app's zh_TW translation and Qt's own installed, then
walked in the states a lesson goes through: an example open, the backward pass at
a neuron, a training run, the CSV import dialog. Every menu, action (text, tool tip,
status tip), dock title, label, button, box, tab, combo item, tool tip and the
formula panel's text is read; a word of three or more Latin letters that is not a
name, symbol, unit or file format (the allow-list) is English left untranslated.
"""

from __future__ import annotations

import re
from importlib import resources

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTextBrowser,
    QWidget,
)

from playground.model.examples import example_names
from playground.model.vocabulary import ACTIVATIONS

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")
# Names, symbols, units and formats that read the same in every language.
ALLOWED = (
    {
        # activations by their usual capitals (their ids are added below)
        "ReLU",
        "ELU",
        # file formats, libraries and the app's own name
        "CSV",
        "PNG",
        "SVG",
        "ONNX",
        "PyTorch",
        "JSON",
        "HTML",
        "NumPy",
        "Python",
        "PySide",
        "PySide6",
        "pyqtgraph",
        "Playground",
        "TensorFlow",
        "onnx",
        "pip",
        "install",
        "torch",
        "json",
        "csv",
        "png",
        "svg",
        "html",
        "playground",
        "nn",
        # number formats, as in float32 and float64 (the digits are not part of a word)
        "float",
        # key names as Qt writes them
        "Ctrl",
        "Shift",
        "Alt",
        "Esc",
        "Del",
        "Delete",
        "Backspace",
        "Home",
        "End",
        "Enter",
        "Return",
        "Space",
        "Tab",
        "PgUp",
        "PgDown",
        "Left",
        "Right",
        "Up",
        "Down",
        "Meta",
        "Ins",
        "Insert",
        "Page",
        # the optimiser by its usual abbreviation, a math function, a runtime
        "SGD",
        "sign",
        "onnxruntime",
        # a language's own name in the Language menu, people's names
        "English",
        "Glorot",
        "Matt",
        "Mazur",
        # generator and example names are ids
        "xor",
        "circle",
        "gauss",
        "spiral",
        "plane",
        "multi_gauss",
        "sine",
    }
    | {word for name in example_names() for word in name.split("_")}
    | set(ACTIVATIONS)
)


# A path or a file name is the user's, not the app's words.
PATH = re.compile(r"\S*[/\\]\S*|\S+\.(?:csv|json|png|svg|onnx|py|html)\b|playground \w+")


def english_words(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The Latin words of `text` (HTML or plain) that are neither allowed nor the user's `names`."""
    plain = QTextDocument()
    if "<" in text and ">" in text:
        plain.setHtml(text)
    else:
        plain.setPlainText(text)
    words = LATIN_WORD.findall(PATH.sub(" ", plain.toPlainText().replace("&", "")))
    allowed = ALLOWED | names
    return [w for w in words if w not in allowed and w.lower() not in allowed]


def user_names(window) -> frozenset[str]:
    """Words of the network's own name, description and neuron labels: the user's, not ours."""
    network = window.document.network
    texts = [network.name or "", getattr(network, "description", "") or ""]
    texts += [n.label or "" for n in network.neurons]
    return frozenset(word for text in texts for word in LATIN_WORD.findall(text))


def visible_texts(window) -> list[tuple[str, str]]:
    """(where, text) of everything the window shows or would show on hover."""
    found: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        if action.isSeparator():
            continue
        name = action.objectName() or action.text()
        found += [(f"action {name}", action.text()), (f"tip of {name}", action.toolTip())]
        found.append((f"status tip of {name}", action.statusTip()))
    for menu in window.findChildren(QMenu):
        found.append(("menu", menu.title()))
    for dock in window.findChildren(QDockWidget):
        found.append(("dock", dock.windowTitle()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        kind = type(widget).__name__
        found.append((f"tool tip of {kind}", widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((kind, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((kind, widget.title()))
        elif isinstance(widget, QComboBox):
            found += [(kind, widget.itemText(k)) for k in range(widget.count())]
        elif isinstance(widget, QTabBar):
            found += [(kind, widget.tabText(k)) for k in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found.append((kind, widget.placeholderText()))
        elif isinstance(widget, QTextBrowser):
            found.append((kind, widget.toPlainText()))
    return [(where, text) for where, text in found if text]


def untranslated(window) -> list[str]:
    names = user_names(window)
    return sorted(
        {
            f"{where}: {text!r} ({', '.join(words)})"
            for where, text in visible_texts(window)
            if (words := english_words(text, names))
        }
    )


@pytest.fixture
def chinese():
    """The app's zh_TW translation and Qt's own, installed as the app does at start."""
    app = QCoreApplication.instance()
    ours = QTranslator()
    folder = resources.files("playground") / "resources" / "translations"
    assert ours.load(str(folder / "playground_zh_TW.qm")), "the zh_TW .qm is missing"
    qt = QTranslator()
    qt.load("qtbase_zh_TW", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    app.installTranslator(ours)
    app.installTranslator(qt)
    yield
    app.removeTranslator(qt)
    app.removeTranslator(ours)


@pytest.fixture
def zh_window(chinese, window):
    """The shared 2-2-2 window, built after the translators are in (fixtures run in order)."""
    yield window
    window.training.session.pause()


def test_the_window_with_an_example_open_speaks_chinese(zh_window):
    problems = untranslated(zh_window)
    assert not problems, "\n".join(problems)


def test_the_backward_pass_at_a_neuron_speaks_chinese(zh_window, qtbot):
    backward = zh_window.backward
    backward.actions["open"].trigger()
    qtbot.waitUntil(backward.is_showing)
    for _ in range(7):  # through the forward pass into the backward pass, at h1
        backward.actions["step"].trigger()
    assert backward.session.frame.kind == "neuron"
    problems = untranslated(zh_window)
    assert not problems, "\n".join(problems)


def test_a_training_run_speaks_chinese(zh_window, qtbot):
    examples = zh_window.menus["examples"]
    next(a for a in examples.actions() if a.text() == "spiral").trigger()
    dock, session = zh_window.training.training_dock, zh_window.training.session
    dock.stop_epochs.setValue(3)
    dock.stop_after.setChecked(True)
    qtbot.mouseClick(dock.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not session.running and session.progress.epoch == 3, timeout=20000)
    problems = untranslated(zh_window)
    assert not problems, "\n".join(problems)


def test_the_csv_dialog_speaks_chinese(chinese, qtbot, tmp_path, two_two_two):
    from playground.gui.training.csv_import_dialog import CsvImportDialog
    from playground.model import csv_import

    path = tmp_path / "data.csv"
    rows = np.arange(20, dtype=float).reshape(5, 4) / 4
    path.write_text("a,b,s,t\n" + "\n".join(",".join(map(repr, r)) for r in rows.tolist()))
    dialog = CsvImportDialog(str(path), csv_import.read_csv_preview(path, rows=40), two_two_two)
    qtbot.addWidget(dialog)
    dialog.show()
    problems = [
        f"{where}: {text!r}" for where, text in visible_texts(dialog) if english_words(text)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "action", ["new_layered", "network_properties", "check_gradients", "shortcut_sheet"]
)
def test_each_dialog_speaks_chinese(zh_window, qtbot, action):
    """The dialog (modal or not) the menu item opens, walked as it shows, then closed."""
    from PySide6.QtWidgets import QApplication, QDialog

    before = set(QApplication.topLevelWidgets())
    problems: list[str] = []
    walked: list[QWidget] = []

    def walk(widget: QWidget) -> None:
        walked.append(widget)
        names = user_names(zh_window)
        problems.extend(
            f"{where}: {text!r}"
            for where, text in visible_texts(widget)
            if english_words(text, names)
        )
        problems.extend(
            f"title: {widget.windowTitle()!r}"
            for _ in [0]
            if english_words(widget.windowTitle(), names)
        )

    def walk_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            walk(modal)
            modal.reject() if isinstance(modal, QDialog) else modal.close()

    QTimer.singleShot(300, walk_modal)
    zh_window.action_by_name[action].trigger()
    qtbot.wait(400)
    if not walked:
        opened = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
        assert opened, f"{action} opened nothing"
        for widget in opened:
            walk(widget)
            widget.close()
    assert not problems, "\n".join(problems)
