"""Words from a file are shown as written: never as rich text that bolds, hides or links them.

Also: File ▸ Open on a named pipe or on a hostile file gives a message at once, never a
hang and never nothing at all.
"""

import json
import os
import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import Qt, QTextDocument  # QtGui.Qt also has mightBeRichText
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from playground.gui.backward.sample import BY_HAND, TRAIN, SampleChoice
from playground.gui.backward.sample_picker import SamplePicker
from playground.model.examples import example_path
from playground.model.network_file import load_network

# Taken before the autouse fixture replaces it, to show one real box.
REAL_CRITICAL = QMessageBox.critical

BOLD = "<b>x</b>"
LINK = "<a href='file:///etc'>link</a>"


def shown_as(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> tuple[str, bool]:
    """What a label or message box displays for `text`, and whether any of it is a link."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    document = QTextDocument()
    if rich:
        document.setHtml(text)
    else:
        document.setPlainText(text)
    links = False
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            links = links or fragments.fragment().charFormat().isAnchor()
            fragments += 1
        block = block.next()
    return document.toPlainText(), links


def hostile_document() -> dict:
    """The 2-2-2 example with an input called <b>x</b>, an output that is a link, and both as name."""
    document = json.loads(example_path("two_two_two").read_text(encoding="utf-8"))
    renamed = {"i1": BOLD, "o1": LINK}
    for neuron in document["neurons"]:
        neuron["id"] = renamed.get(neuron["id"], neuron["id"])
    for connection in document["connections"]:
        for end in ("source", "target"):
            connection[end] = renamed.get(connection[end], connection[end])
    document["name"] = f"{BOLD} {LINK}"
    return document


def record_boxes(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *rest: shown.append((title, text))
    )
    return shown


# ----------------------------------------------------------------- not a regular file, deep JSON


def test_open_on_a_named_pipe_says_so_at_once(qtbot, window, monkeypatch, tmp_path):
    shown = record_boxes(monkeypatch)
    pipe = tmp_path / "net.json"
    os.mkfifo(pipe)
    before = window.document.network.copy()
    # Should Open wait for a writer, this one comes after 5 s and lets it go (with nothing).
    release = threading.Timer(5, lambda: os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)))
    release.start()
    start = time.monotonic()
    try:
        assert not window.files.open_path(pipe, ask=False)
    finally:
        release.cancel()
    assert time.monotonic() - start < 4, "Open waited on the named pipe"
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Cannot open network"
    assert shown_as(text)[0] == f"{pipe}: this is a named pipe (FIFO), not a network file"
    assert window.document.network == before


def test_open_on_deeply_nested_json_gives_a_message_not_nothing(
    qtbot, window, monkeypatch, tmp_path
):
    shown = record_boxes(monkeypatch)
    document = json.loads(example_path("two_two_two").read_text(encoding="utf-8"))
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps(document)[:-1] + ', "notes": ' + "[" * 500 + "]" * 500 + "}")
    before = window.document.network.copy()
    assert not window.files.open_path(deep, ask=False)
    assert len(shown) == 1 and "nested too deeply" in shown_as(shown[0][1])[0]
    assert window.document.network == before


# ----------------------------------------------------------------- message boxes


def test_the_error_box_shows_the_files_words_literally(qtbot, window, monkeypatch, tmp_path):
    document = hostile_document()
    document["connections"].append({"source": "i2", "target": f"{BOLD}{LINK}", "weight": 1})
    broken = tmp_path / "<b>net<u>.json"  # a file name is text from the user too
    broken.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "critical", REAL_CRITICAL)
    seen: list[tuple[str, str, bool, Qt.TextFormat]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_and_close)
            return
        try:
            label = box.findChild(QLabel, "qt_msgbox_label")
            text, links = shown_as(label.text(), label.textFormat())
            seen.append((box.windowTitle(), text, links, label.textFormat()))
        finally:
            box.done(0)

    QTimer.singleShot(0, read_and_close)
    assert not window.files.open_path(broken, ask=False)
    assert len(seen) == 1
    title, text, links, _ = seen[0]
    assert title == "Cannot open network"
    assert text.startswith(f"{broken}: connections[")
    assert f"{BOLD}{LINK}" in text
    assert not links


def test_the_unsaved_changes_question_shows_the_name_literally(qtbot, window, monkeypatch):
    asked: list[str] = []

    def question(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    window.document.network.name = f"{BOLD} {LINK}"
    window.document.set_bias("h1", 1.0)
    assert not window.files.new()
    text, links = shown_as(asked[0])
    assert text.startswith(f"“{BOLD} {LINK}” has unsaved changes.\nSave them before")
    assert not links


# ----------------------------------------------------------------- the sample picker


def test_the_sample_picker_shows_neuron_ids_literally(qtbot, tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_document()), encoding="utf-8")
    network = load_network(path)
    picker = SamplePicker()
    qtbot.addWidget(picker)

    picker.show_choice(network, SampleChoice(BY_HAND, 0, {BOLD: 0.5, "i2": 1}, {LINK: 1, "o2": 0}))
    labels = {
        shown_as(label.text(), label.textFormat())
        for label in picker.typed_page.findChildren(QLabel)
    }
    assert (f"y{BOLD}", False) in labels
    assert (f"t{LINK}", False) in labels
    assert ("inputs", False) in labels and ("targets", False) in labels

    picker.show_choice(network, SampleChoice(TRAIN, 0))
    headers = [picker.table_model.headerData(k, Qt.Orientation.Horizontal) for k in range(4)]
    assert headers == [f"x {BOLD}", "x i2", f"t {LINK}", "t o2"]  # a header is plain text
    assert picker.count.textFormat() == Qt.TextFormat.PlainText
