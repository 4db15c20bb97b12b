"""Where file dialogs start, the file names they suggest, Open Recent's dead entries, a PNG opened."""

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from playground.gui.file_dialogs import safe_file_stem
from tests.gui.helpers import assert_scene_matches

Button = QMessageBox.StandardButton
# The characters Windows refuses in a file name, besides control characters.
WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """The user's documents folder, somewhere other than the working directory."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def location(kind):
        if kind == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(folder)
        return real(kind)

    monkeypatch.setattr(QStandardPaths, "writableLocation", location)
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.fixture
def dialogs(monkeypatch):
    """Answer every file dialog with the next path in `answers`; records where each started."""
    started: list[str] = []
    answers: list[str] = []

    def dialog(parent, caption, directory, *rest, **kwargs):
        started.append(directory)
        return (str(answers.pop(0)) if answers else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    return started, answers


@pytest.mark.parametrize(
    "name, stem",
    [
        ("XOR: 2-2-1", "XOR 2-2-1"),
        ('a<b>c"d/e\\f|g?h*i', "a b c d e f g h i"),
        ("two\tlines\nhere", "two lines here"),
        ("  ..hidden and trailing..  ", "hidden and trailing"),
        ("café · ünïcode ✓", "café · ünïcode ✓"),
        ("", "network"),
        (":/?*", "network"),
        ("CON", "CON_"),
        ("nul.backup", "nul_.backup"),
    ],
)
def test_a_network_name_becomes_a_file_name_every_os_accepts(name, stem):
    safe = safe_file_stem(name)
    assert safe == stem
    assert not WINDOWS_FORBIDDEN & set(safe)
    assert all(ord(c) >= 32 for c in safe)
    assert safe == safe.strip(" .") and safe


def test_save_as_suggests_the_safe_name_in_the_documents_folder(window, documents, dialogs):
    started, _ = dialogs
    window.document.set_properties("XOR: 2-2-1", "")
    window.action_by_name["save_as"].trigger()
    suggested = Path(started[0])
    assert suggested.name == "XOR 2-2-1.json"
    assert suggested.parent == documents
    assert suggested.parent != Path.cwd()


def test_dialogs_start_in_the_files_own_folder_else_the_last_folder_used(
    window, documents, dialogs, tmp_path, monkeypatch
):
    started, answers = dialogs
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    # Saved in `first`: exports suggest the file's own folder and name.
    answers.append(first / "mine.json")
    window.action_by_name["save_as"].trigger()
    assert (first / "mine.json").is_file()
    for name, suffix in (
        ("export_png", "png"),
        ("export_svg", "svg"),
        ("export_pytorch", "py"),
    ):
        window.action_by_name[name].trigger()
        assert Path(started[-1]) == first / f"mine.{suffix}"
    # A copy saved elsewhere, then a new network: Open starts where a file was last chosen.
    answers.append(second / "copy.json")
    window.action_by_name["save_as"].trigger()
    window.action_by_name["new"].trigger()
    window.action_by_name["open"].trigger()
    assert Path(started[-1]) == second
    window.files.import_onnx()
    assert Path(started[-1]) == second
    window.training.import_csv.trigger()  # Training ▸ Import CSV…, cancelled
    assert Path(started[-1]) == second
    # Opening a file makes its folder the start, whatever was used last.
    answers.append(first / "mine.json")
    window.action_by_name["open"].trigger()
    assert window.document.path == first / "mine.json"
    window.action_by_name["save_as"].trigger()
    assert Path(started[-1]) == first / "mine.json"


def test_the_last_folder_is_remembered_across_starts(window, documents, dialogs, tmp_path):
    from playground.gui.main_window import MainWindow

    started, answers = dialogs
    folder = tmp_path / "kept"
    folder.mkdir()
    answers.append(folder / "kept.json")
    window.action_by_name["save_as"].trigger()
    again = MainWindow()
    try:
        again.action_by_name["open"].trigger()
        assert Path(started[-1]) == folder
    finally:
        again.close()
        again.deleteLater()


def test_a_deleted_recent_file_leaves_open_recent_with_the_reason(
    window, errors, tmp_path, monkeypatch
):
    gone, broken = tmp_path / "gone.json", tmp_path / "broken.json"
    window.document.save(gone)
    broken.write_text("{ not json")
    window.files.add_recent(str(broken))
    window.files.add_recent(str(gone))
    gone.unlink()
    menu = window.menus["recent"]
    menu.aboutToShow.emit()
    before = window.document.network.copy()
    [entry] = [a for a in menu.actions() if a.text() == str(gone)]
    entry.trigger()
    assert len(errors) == 1
    assert "gone.json" in errors[0] and "no such file" in errors[0]
    assert "removed from Open Recent" in errors[0]
    assert window.document.network == before
    assert window.files.recent_files() == [str(broken)]
    menu.aboutToShow.emit()
    assert str(gone) not in [a.text() for a in menu.actions()]
    # A file that is there but broken stays listed: it may be fixed and opened again.
    [entry] = [a for a in menu.actions() if a.text() == str(broken)]
    entry.trigger()
    assert len(errors) == 2 and "removed" not in errors[1]
    assert window.files.recent_files() == [str(broken)]


def test_opening_a_png_says_it_is_not_a_network_file(
    qtbot, window, errors, dialogs, tmp_path, monkeypatch
):
    _, answers = dialogs
    picture = tmp_path / "picture.png"
    answers.append(picture)
    window.action_by_name["export_png"].trigger()
    assert picture.read_bytes().startswith(b"\x89PNG")
    before = window.document.network.copy()
    answers.append(picture)
    window.action_by_name["open"].trigger()
    assert len(errors) == 1
    assert "picture.png" in errors[0] and "a PNG image, not a network file" in errors[0]
    assert "0x89" not in errors[0] and "UTF-8" not in errors[0]
    assert window.document.network == before
    assert_scene_matches(window.scene, window.document.network)
