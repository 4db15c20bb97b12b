"""Every word the training, data and output panels show goes through Qt's translation.

A pseudo-translator wraps each string it is asked for in ⟦…⟧. With it installed, the
panels are driven as a user drives them (train, pick data, open the CSV dialog); any
word left outside the brackets was never handed to the translator. Names from the
file (neuron ids, column names), symbols and numbers are the only words allowed there.
"""

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from playground.gui.training.csv_import_dialog import CsvImportDialog
from playground.gui.training.live_label import LiveLabel
from playground.gui.training.sentences import join_sentences
from playground.model.examples import example_path
from tests.gui.training.helpers import click

# The contexts of the training, data and output panels' own strings.
CONTEXTS = {
    "CsvImportDialog",
    "DataDock",
    "DataImport",
    "FeaturePicker",
    "LearningRateControl",
    "LossPlot",
    "OutputToggles",
    "OutputView",
    "PresetNumberBox",
    "RunLimits",
    "TrainingActions",
    "TrainingDock",
    "TrainingPanels",
    "TrainingSession",
}
# Names that come from the file or the field, never translated: ids, features, column names.
ALLOWED = re.compile(
    r"\b([hoi]\d+|X\d|X[₁₂]|sin|SGD|CSV|XOR|sigmoid|L[12]|hours|studied|slept|passed)\b"
)
CSV_TEXT = "hours studied,hours slept,passed\n1,8,0\n2,6.5,0\n4.5,7.5,1\n5,4.5,0\n6,7,1\n"


class PseudoTranslator(QTranslator):
    """Wraps the panels' strings in ⟦…⟧; other contexts are left to the next translator."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if context not in CONTEXTS:
            return ""  # untranslated here: Qt goes on to the source text
        self.asked.add((context, source_text))
        return f"⟦{source_text}⟧"


def untranslated(text: str) -> str:
    """The words of `text` left outside ⟦…⟧ and outside the allow-list ("" if none)."""
    while True:
        inner = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
        if inner == text:
            break
        text = inner
    text = ALLOWED.sub(" ", text)
    return " ".join(re.findall(r"[A-Za-z]{2,}", text))


def plain(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def visible_texts(widget: QWidget) -> list[str]:
    """What a user can read in a widget and its children: texts, titles, tips, items, suffixes."""
    texts = [widget.toolTip(), widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        texts.append(child.toolTip())
        if isinstance(child, QLabel):
            texts.append(plain(child.text()))
        elif isinstance(child, (LiveLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QComboBox):
            texts.append(child.placeholderText())
            for k in range(child.count()):
                texts += [child.itemText(k), child.itemData(k, Qt.ItemDataRole.ToolTipRole) or ""]
        if isinstance(child, QSpinBox):
            texts.append(child.suffix())
        if isinstance(child, QAbstractSpinBox):
            texts.append(child.specialValueText())
    return [text for text in texts if text]


@pytest.fixture
def pseudo_window(qtbot, monkeypatch):
    """The main window built with the pseudo-translator installed, showing the spiral example."""
    from playground.gui.main_window import MainWindow

    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    main = MainWindow()
    main.document.open(example_path("spiral"), remember_path=False)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    main.document.undo_stack.setClean()
    yield main, translator
    main.training.session.pause()
    main.document.undo_stack.setClean()
    main.close()
    main.deleteLater()
    QCoreApplication.removeTranslator(translator)


def test_the_panels_show_only_translated_words_while_training(pseudo_window, qtbot):
    window, translator = pseudo_window
    training = window.training
    dock = training.training_dock
    dock.stop_epochs.setValue(2)
    dock.stop_after.setChecked(True)
    click(qtbot, dock.train_button)
    qtbot.waitUntil(lambda: not training.session.running, timeout=20000)
    assert "Stopped after" in dock.status.text()  # the run ended by its stop condition

    texts = []
    for panel in (training.training_dock, training.data_dock, training.output_view):
        texts += visible_texts(panel)
    for dock_widget in (
        training.training_dock_widget,
        training.data_dock_widget,
        training.output_dock_widget,
    ):
        texts.append(dock_widget.windowTitle())
    texts.append(window.menus["training"].title())
    for action in window.menus["training"].actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
    for side in ("left", "bottom", "right"):
        texts.append(plain(dock.loss_plot.plot.getAxis(side).labelText))
    texts.append(window.document.undo_stack.undoText())  # the run's undo step
    texts.append(window.statusBar().currentMessage())

    left = {text: untranslated(text) for text in texts if untranslated(text)}
    assert left == {}
    # The words came from the panels' own contexts, including the run's end and the plot's key.
    asked = {source for _, source in translator.asked}
    assert {"Stopped after {run} epochs, at epoch {epoch}.", "train loss", "Epoch {n}"} <= asked


def test_the_csv_dialog_shows_only_translated_words(pseudo_window, qtbot, tmp_path, monkeypatch):
    window, _ = pseudo_window
    path = tmp_path / "exam.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    seen = {}

    def answer(dialog):
        texts = visible_texts(dialog)
        model = dialog.preview.model()
        texts += [model.headerData(0, Qt.Orientation.Vertical), model.data(model.index(0, 0))]
        texts += [model.headerData(k, Qt.Orientation.Horizontal) for k in range(3)]
        texts.append(plain(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)))
        seen["texts"] = texts
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(CsvImportDialog, "exec", answer)
    assert window.training.data_dock.import_csv(str(path)) is False  # cancelled: nothing changed

    left = {text: untranslated(text) for text in seen["texts"] if untranslated(text)}
    assert left == {}
    # The file's own column names are shown as they are, not sent for translation.
    assert any("hours studied" in text for text in seen["texts"])


def test_an_untranslated_word_is_caught():
    """The check itself: English left outside the brackets is reported, names are not."""
    assert untranslated("⟦Epoch {n}⟧ h3 X₁") == ""
    assert untranslated("⟦Output {name}⟧ · colour: orange") == "colour orange"


def test_sentences_join_with_a_space_only_after_latin_text():
    assert join_sentences("12 rows.", "Choose.") == "12 rows. Choose."
    assert join_sentences("12 列。", "選擇。") == "12 列。選擇。"
    assert join_sentences("", "Only.") == "Only."
