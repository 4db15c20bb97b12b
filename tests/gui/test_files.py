"""Save and open through the window, unsaved-changes questions, broken files, settings."""

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from playground.gui.main_window import MainWindow
from playground.model.network_file import load_network
from tests.gui.helpers import assert_scene_matches

Button = QMessageBox.StandardButton


@pytest.fixture
def answer(monkeypatch):
    """Answer the unsaved-changes question with `button`; records every question asked."""
    asked = []

    def set_answer(button):
        def question(parent, title, text, *rest):
            asked.append(text)
            return button

        monkeypatch.setattr(QMessageBox, "question", question)
        return asked

    return set_answer


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    return shown


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_save_through_the_menu_then_open_gives_the_identical_network(
    qtbot, window, tmp_path, monkeypatch
):
    window.document.connect_neurons("i1", "o1", -0.375)
    window.document.set_label("h2", "middle")
    window.document.move_neurons({"o2": (410.25, 133.5)})
    assert window.isWindowModified()
    path = tmp_path / "mine.json"
    choose_file(monkeypatch, path)
    window.action_by_name["save"].trigger()  # no file yet: Save asks where, as Save As
    assert path.is_file()
    assert not window.isWindowModified()
    assert window.document.path == path

    window.document.set_weight("i1", "o1", 5.0)
    window.action_by_name["save"].trigger()  # now straight to the same file
    saved = window.document.network.copy()
    assert load_network(path).connection("i1", "o1").weight == 5.0
    window.action_by_name["undo"].trigger()
    assert window.isWindowModified()  # undoing past the save point is a change again
    window.document.undo_stack.setClean()

    window.action_by_name["new"].trigger()
    assert len(window.document.network.neurons) == 2
    window.action_by_name["open"].trigger()
    assert window.document.network == saved
    assert window.document.undo_stack.count() == 0
    assert_scene_matches(window.scene, window.document.network)
    assert window.files.recent_files()[0] == str(path.resolve())


def test_title_shows_the_name_and_a_star_while_unsaved(window):
    assert window.windowTitle().startswith("2-2-2 sigmoid example")
    assert not window.isWindowModified()
    window.document.set_bias("h1", 1.0)
    assert window.isWindowModified()
    window.action_by_name["undo"].trigger()
    assert not window.isWindowModified()


@pytest.mark.parametrize("action", ["new", "open", "quit"])
def test_cancel_at_the_unsaved_question_keeps_everything(
    qtbot, window, answer, monkeypatch, tmp_path, action
):
    choose_file(monkeypatch, tmp_path / "never.json")
    window.document.set_bias("h1", 1.0)
    before = window.document.network.copy()
    asked = answer(Button.Cancel)
    window.action_by_name[action].trigger()
    assert len(asked) == 1 and "unsaved changes" in asked[0]
    assert window.document.network == before
    assert window.document.is_dirty
    assert window.isVisible()


@pytest.mark.parametrize("action", ["new", "open", "quit"])
def test_discard_at_the_unsaved_question_goes_ahead(
    qtbot, window, answer, monkeypatch, tmp_path, two_two_two, action
):
    other = tmp_path / "other.json"
    other.write_text(
        '{"format": "nn-playground", "version": 1, "neurons": '
        '[{"id": "a", "role": "input", "x": 0, "y": 0}], "connections": [],'
        ' "loss": "squared_error"}'
    )
    choose_file(monkeypatch, other)
    window.document.set_bias("h1", 1.0)
    asked = answer(Button.Discard)
    window.action_by_name[action].trigger()
    assert len(asked) == 1
    if action == "new":
        assert [n.role for n in window.document.network.neurons] == ["input", "output"]
    elif action == "open":
        assert [n.id for n in window.document.network.neurons] == ["a"]
    else:
        assert not window.isVisible()
    assert not window.document.is_dirty or action == "quit"


def test_save_at_the_unsaved_question_saves_then_goes_ahead(
    qtbot, window, answer, monkeypatch, tmp_path
):
    path = tmp_path / "kept.json"
    choose_file(monkeypatch, path)
    window.document.set_bias("h1", 1.0)
    answer(Button.Save)
    window.action_by_name["new"].trigger()
    assert load_network(path).neuron("h1").bias == 1.0
    assert len(window.document.network.neurons) == 2


def test_a_broken_file_gives_the_loaders_message_and_leaves_the_network_alone(
    qtbot, window, errors, monkeypatch, tmp_path
):
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"format": "nn-playground", "version": 1, "neurons": ['
        '{"id": "h", "role": "hidden", "activation": "sigmod", "bias": 0, "x": 0, "y": 0}],'
        ' "connections": [], "loss": "squared_error"}'
    )
    window.document.set_bias("h1", 1.0)
    before = window.document.network.copy()
    choose_file(monkeypatch, broken)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: Button.Discard)
    window.action_by_name["open"].trigger()
    assert len(errors) == 1
    assert "broken.json" in errors[0] and "sigmod" in errors[0]
    assert window.document.network == before
    assert window.document.is_dirty  # the undo history is untouched too
    assert_scene_matches(window.scene, window.document.network)


def test_a_file_that_is_not_json_is_refused_with_a_dialog(qtbot, window, errors, tmp_path):
    junk = tmp_path / "junk.json"
    junk.write_text("this is not JSON")
    before = window.document.network.copy()
    assert not window.files.open_path(junk)
    assert len(errors) == 1 and "junk.json" in errors[0]
    assert window.document.network == before


def test_open_example_lists_the_bundled_examples(qtbot, window):
    titles = [a.text() for a in window.menus["examples"].actions()]
    assert "two two two" in titles
    window.menus["examples"].actions()[titles.index("two two two")].trigger()
    assert window.document.network.name == "2-2-2 sigmoid example"
    assert window.document.path is None  # Save asks where: the example itself stays intact


def test_export_png_and_svg(qtbot, window, monkeypatch, tmp_path):
    choose_file(monkeypatch, tmp_path / "picture")
    window.files.export_image("PNG")
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "picture.png"))
    assert not image.isNull() and image.width() > 400
    choose_file(monkeypatch, tmp_path / "slide.svg")
    window.files.export_image("SVG")
    svg = (tmp_path / "slide.svg").read_text()
    assert "<svg" in svg


def test_window_layout_weight_labels_and_recent_files_survive_a_restart(
    qtbot, window, tmp_path, monkeypatch
):
    window.action_by_name["weight_labels"].setChecked(True)
    window.inspector_dock.hide()
    geometry = window.saveGeometry()
    window.files.add_recent(str(tmp_path / "a.json"))
    window.close()

    # The offscreen screen (800×600) clamps a restored window, so the geometry handed to
    # Qt is what can be compared.
    restored = []
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda self, g: restored.append(g))
    again = MainWindow()
    try:
        assert again.action_by_name["weight_labels"].isChecked()
        assert again.scene.show_weight_labels
        assert restored == [geometry]
        assert again.inspector_dock.isHidden()
        assert again.files.recent_files() == [str(tmp_path / "a.json")]
    finally:
        again.close()
        again.deleteLater()


def test_saved_file_is_the_documented_format(window, tmp_path):
    path = tmp_path / "out.json"
    window.document.save(path)
    document = json.loads(path.read_text())
    assert document["format"] == "nn-playground" and document["version"] == 1
    assert [n["id"] for n in document["neurons"]] == ["i1", "i2", "h1", "h2", "o1", "o2"]
