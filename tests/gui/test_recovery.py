"""Unsaved work is copied aside within seconds, removed when it is safe, and offered back
after a crash."""

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from playground.gui import recovery
from playground.gui.dialogs.recovery_dialog import RecoveryDialog
from playground.gui.recovery import (
    offer_leftovers,
    recovery_folder,
    write_recovery,
)
from playground.model.examples import example_path
from playground.model.network_file import load_network
from tests.gui.helpers import assert_scene_matches

Button = QMessageBox.StandardButton


def recovery_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def dead_pid() -> int:
    """The id of a process that has ended (and been waited for)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def pretend_restarted(folder: Path) -> Path:
    """Give the copies this session claimed back to a session that has ended."""
    for path in recovery_files(folder):
        pid, rest = path.name.split("-", 1)
        if int(pid) == os.getpid():
            path.rename(folder / f"{dead_pid()}-{rest}")
    return folder


def leftover(folder: Path, network, name="Lost work", original=None, pid=None) -> Path:
    """A recovery file as a crashed session leaves it."""
    path = folder / f"{pid or dead_pid()}-{uuid.uuid4().hex}.json"
    write_recovery(network, path, name, original)
    return path


def answer_dialog(qtbot, button_names, seen):
    """Click the named button of each recovery dialog in turn as it shows, recording its texts."""
    names = [button_names] if isinstance(button_names, str) else list(button_names)

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog) or not dialog.isVisible():
            QTimer.singleShot(10, answer)  # the next dialog is not up yet
            return
        button_name = names.pop(0)
        seen.append(
            {
                "text": "\n".join(
                    label.text() for label in (dialog.heading, dialog.detail, dialog.file_line)
                ),
                "restore_enabled": dialog.restore_button.isEnabled(),
            }
        )
        try:
            qtbot.mouseClick(getattr(dialog, button_name), Qt.MouseButton.LeftButton)
        finally:
            # A failed check must not leave a modal dialog waiting forever.
            if dialog.isVisible():
                dialog.reject()
        if names:
            QTimer.singleShot(0, answer)

    QTimer.singleShot(0, answer)


@pytest.fixture
def folder():
    return recovery_folder()


# ----------------------------------------------------------------- writing


def test_tests_never_see_the_users_app_data_folder(folder, isolated_app_data):
    assert folder.is_relative_to(isolated_app_data)


def test_an_edit_is_copied_within_five_seconds_holding_exactly_the_edited_network(
    qtbot, window, folder
):
    assert recovery_files(folder) == []
    window.document.set_weight("i1", "h1", -1.75)
    window.document.set_label("h2", "middle")
    qtbot.waitUntil(lambda: len(recovery_files(folder)) == 1, timeout=5000)
    [path] = recovery_files(folder)
    assert path.name.startswith(f"{os.getpid()}-")
    copy = load_network(path)
    about = copy.extra.pop(recovery.RECOVERY_FIELD)
    assert copy == window.document.network
    assert copy.connection("i1", "h1").weight == -1.75
    assert copy.neuron("h2").label == "middle"
    assert about["display_name"] == "2-2-2 sigmoid example"
    assert about["original_path"] is None
    assert about["pid"] == os.getpid()


def test_edits_that_never_pause_are_still_copied_within_five_seconds(qtbot, window, folder):
    biases = iter(range(1, 1000))
    ticker = QTimer()
    ticker.timeout.connect(lambda: window.document.set_bias("h1", float(next(biases))))
    ticker.start(300)  # always sooner than the quiet time the writer waits for
    window.document.set_bias("h1", 0.5)
    try:
        qtbot.waitUntil(lambda: len(recovery_files(folder)) == 1, timeout=5000)
    finally:
        ticker.stop()


def test_nothing_is_written_while_nothing_changed(qtbot, window, folder):
    # Selecting and looking around are not changes.
    window.scene.select(["h1"], [("i1", "h1")])
    window.action_by_name["select_all"].trigger()
    window.view.fit()
    assert not window.recovery.pending
    qtbot.wait(100)
    assert recovery_files(folder) == []
    # An edit undone before the copy is due leaves nothing to copy, and nothing is.
    window.document.set_bias("h1", 2.0)
    assert window.recovery.pending
    window.action_by_name["undo"].trigger()
    assert not window.recovery.pending
    assert recovery_files(folder) == []


def test_an_edit_merged_into_the_last_undo_step_is_copied_too(qtbot, window, folder):
    seed = window.training.training_dock.seed
    start = seed.value()
    qtbot.keyClick(seed, Qt.Key.Key_Up)
    assert window.recovery.write_now()
    qtbot.keyClick(seed, Qt.Key.Key_Up)  # nudging one setting again merges: no new undo step
    assert window.document.undo_stack.count() == 1
    assert window.recovery.pending
    qtbot.waitUntil(lambda: not window.recovery.pending, timeout=5000)
    [path] = recovery_files(folder)
    assert load_network(path).training.seed == start + 2


def test_saving_removes_the_copy_and_the_next_edit_makes_a_new_one(
    qtbot, window, folder, tmp_path, monkeypatch
):
    window.document.set_bias("h1", 2.0)
    assert window.recovery.write_now()
    assert len(recovery_files(folder)) == 1
    path = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.action_by_name["save"].trigger()
    assert path.is_file()
    assert recovery_files(folder) == []
    window.document.set_bias("h1", 3.0)
    qtbot.waitUntil(lambda: len(recovery_files(folder)) == 1, timeout=5000)
    about = json.loads(recovery_files(folder)[0].read_text())[recovery.RECOVERY_FIELD]
    assert about["original_path"] == str(path)


def test_undoing_back_to_the_saved_state_removes_the_copy(qtbot, window, folder):
    window.document.set_bias("h1", 2.0)
    assert window.recovery.write_now()
    window.action_by_name["undo"].trigger()
    assert recovery_files(folder) == []


@pytest.mark.parametrize("button", [Button.Discard, Button.Save])
def test_closing_the_window_removes_the_copy_whatever_the_answer(
    qtbot, window, folder, tmp_path, monkeypatch, button
):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: button)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "kept.json"), "")
    )
    window.document.set_bias("h1", 2.0)
    assert window.recovery.write_now()
    window.action_by_name["quit"].trigger()
    assert not window.isVisible()
    assert recovery_files(folder) == []


def test_cancelling_the_close_keeps_the_copy(qtbot, window, folder, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: Button.Cancel)
    window.document.set_bias("h1", 2.0)
    assert window.recovery.write_now()
    window.action_by_name["quit"].trigger()
    assert window.isVisible()
    assert len(recovery_files(folder)) == 1


def test_a_folder_that_cannot_be_written_says_so_once_in_the_status_bar(qtbot, window, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    window.recovery.folder = blocked / "recovery"
    messages = []
    window.statusBar().messageChanged.connect(lambda text: text and messages.append(text))
    window.document.set_bias("h1", 2.0)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "cannot be kept safe" in messages[0]
    window.document.set_bias("h1", 3.0)
    assert not window.recovery.write_now()
    assert len([m for m in messages if "cannot be kept safe" in m]) == 1
    assert window.document.network.neuron("h1").bias == 3.0  # editing goes on regardless


# ----------------------------------------------------------------- offering it back


def test_restore_opens_the_copy_unsaved_and_save_writes_to_its_original_file(
    qtbot, window, folder, two_two_two, tmp_path
):
    original = tmp_path / "mine.json"
    shutil.copy(example_path("two_two_two"), original)
    lost = load_network(original)
    lost.set_weight("h1", "o2", 0.875)
    path = leftover(folder, lost, "My 2-2-2", original)
    seen = []
    answer_dialog(qtbot, "restore_button", seen)
    offer_leftovers(window)
    assert "“My 2-2-2”" in seen[0]["text"] and "today at" in seen[0]["text"]
    assert str(original) in seen[0]["text"]
    assert not path.exists()
    document = window.document
    assert document.network.connection("h1", "o2").weight == 0.875
    assert document.network == lost
    assert document.is_dirty and window.isWindowModified()
    assert document.path == original
    assert_scene_matches(window.scene, document.network)
    # The work is this session's own copy now.
    assert [p.name.split("-")[0] for p in recovery_files(folder)] == [str(os.getpid())]

    window.action_by_name["save"].trigger()  # no dialog: it has a file
    assert load_network(original).connection("h1", "o2").weight == 0.875
    assert recovery_files(folder) == []


def test_restore_beside_an_open_file_gets_a_window_of_its_own(
    qtbot, window, folder, two_two_two, tmp_path
):
    mine = tmp_path / "mine.json"
    window.document.save(mine)
    lost = two_two_two.copy()
    lost.set_bias("h1", -4.5)
    leftover(folder, lost)
    answer_dialog(qtbot, "restore_button", [])
    offer_leftovers(window)
    other = recovery._restored_windows.pop()
    try:
        assert window.document.path == mine and not window.document.is_dirty
        assert other.document.network.neuron("h1").bias == -4.5
        assert other.document.is_dirty and other.document.path is None
    finally:
        other.document.undo_stack.setClean()
        other.close()
        other.deleteLater()


def test_discard_deletes_the_copy_and_leaves_the_window_alone(qtbot, window, folder, two_two_two):
    lost = two_two_two.copy()
    lost.set_bias("h1", -4.5)
    leftover(folder, lost)
    answer_dialog(qtbot, "discard_button", [])
    offer_leftovers(window)
    assert recovery_files(folder) == []
    assert window.document.network == two_two_two
    assert not window.document.is_dirty


def test_later_keeps_the_copy_for_the_next_start(qtbot, window, folder, two_two_two, tmp_path):
    path = leftover(folder, two_two_two)
    before = path.read_bytes()
    answer_dialog(qtbot, "later_button", [])
    offer_leftovers(window)
    [kept] = recovery_files(folder)
    assert kept.read_bytes() == before
    assert not window.document.is_dirty
    # Claimed while this session runs (another app starting now leaves it alone)...
    assert kept.name.startswith(f"{os.getpid()}-")
    assert kept.name.endswith(path.name.split("-", 1)[1])
    seen = []
    answer_dialog(qtbot, "later_button", seen)
    offer_leftovers(window)
    assert seen == []
    # ...and offered again at the next start, once this session has ended too.
    shutil.move(kept, folder / f"{dead_pid()}-{path.name.split('-', 1)[1]}")
    answer_dialog(qtbot, "later_button", seen)
    offer_leftovers(window)
    assert len(seen) == 1


def test_each_copy_is_offered_and_a_running_apps_copies_are_left_alone(
    qtbot, window, folder, two_two_two
):
    first, second = two_two_two.copy(), two_two_two.copy()
    first.name, second.name = "First", "Second"
    leftover(folder, first, "First")
    leftover(folder, second, "Second")
    running = leftover(folder, two_two_two, "Still open elsewhere", pid=os.getppid())
    seen = []
    answer_dialog(qtbot, ["later_button", "later_button"], seen)
    offer_leftovers(window)
    assert [("“First”" in s["text"], "“Second”" in s["text"]) for s in seen] == [
        (True, False),
        (False, True),
    ]
    assert running.exists()


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{ this is not JSON", "not valid JSON"),
        ("", "empty"),
        (
            (
                '{"format": "nn-playground", "version": 1, "neurons": [{"id": "h", '
                '"role": "hidden", "activation": "sigmod", "bias": 0, "x": 0, "y": 0}], '
                '"connections": [], "loss": "squared_error", '
                '"nn_playground_recovery": {"display_name": "Broken one"}}'
            ),
            "sigmod",
        ),
    ],
)
def test_a_corrupt_copy_is_offered_as_not_restorable_with_the_reason_and_can_be_discarded(
    qtbot, window, folder, two_two_two, content, reason
):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{dead_pid()}-{uuid.uuid4().hex}.json"
    path.write_text(content)
    seen = []
    answer_dialog(qtbot, "restore_button", seen)  # disabled: a click does nothing
    offer_leftovers(window)
    assert not seen[0]["restore_enabled"]
    assert reason in seen[0]["text"] and "cannot be read" in seen[0]["text"]
    assert str(path) not in seen[0]["text"]
    if "Broken one" in content:
        assert "“Broken one”" in seen[0]["text"]
    assert len(recovery_files(folder)) == 1 and window.document.network == two_two_two

    answer_dialog(qtbot, "discard_button", [])
    offer_leftovers(window, pretend_restarted(folder))
    assert recovery_files(folder) == []


def test_enter_or_escape_never_deletes_a_copy(qtbot, window, folder):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{dead_pid()}-{uuid.uuid4().hex}.json"
    path.write_text("{ broken")

    def press(key):
        def answer():
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, RecoveryDialog)
            assert dialog.focusWidget() is dialog.later_button
            qtbot.keyClick(dialog.focusWidget(), key)
            if dialog.isVisible():
                dialog.reject()

        QTimer.singleShot(0, answer)

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Escape):
        press(key)
        offer_leftovers(window, pretend_restarted(folder))
        assert len(recovery_files(folder)) == 1


def test_the_half_written_temporary_file_of_a_crash_is_cleaned_up(qtbot, window, folder):
    folder.mkdir(parents=True, exist_ok=True)
    half = folder / f".{dead_pid()}-{uuid.uuid4().hex}.json.x1y2.tmp"
    half.write_text('{"format": "nn-pl')
    offer_leftovers(window)  # nothing to ask about
    assert not half.exists()


# ----------------------------------------------------------------- after a real crash

DRIVER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from playground.gui.app import application, run_app
from playground.gui.main_window import MainWindow

application()

def edit():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.document.set_weight("i1", "h1", -2.5)
    window.document.set_bias("o2", 0.625)
    window.document.move_neurons({"h2": (123.0, 45.5)})

    def wait():
        if window.recovery.written_path is not None:
            print("ready", window.recovery.written_path, flush=True)
        else:
            QTimer.singleShot(50, wait)

    wait()

QTimer.singleShot(0, edit)
sys.exit(run_app(sys.argv[1]))
"""


def read_line(process, timeout_s):
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    if not selector.select(timeout_s):
        return ""
    return process.stdout.readline()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_work_survives_the_app_being_killed(qtbot, window, tmp_path, isolated_app_data):
    mine = tmp_path / "mine.json"
    shutil.copy(example_path("two_two_two"), mine)
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(isolated_app_data),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    app = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(mine)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = read_line(app, 120)
        assert line.startswith("ready "), (line, app.poll())
    finally:
        os.kill(app.pid, signal.SIGKILL)
        app.wait()
        stderr = app.stderr.read()
        app.stdout.close()
        app.stderr.close()
    assert app.returncode == -signal.SIGKILL, stderr
    copy = Path(line.removeprefix("ready ").strip())
    assert copy.is_file() and copy.is_relative_to(isolated_app_data)

    # The next start, in this process, with the same data folder.
    seen = []
    answer_dialog(qtbot, "restore_button", seen)
    offer_leftovers(window, copy.parent)
    assert len(seen) == 1 and "“2-2-2 sigmoid example”" in seen[0]["text"]
    restored = window.document.network
    assert restored.connection("i1", "h1").weight == -2.5
    assert restored.neuron("o2").bias == 0.625
    assert (restored.neuron("h2").x, restored.neuron("h2").y) == (123.0, 45.5)
    expected = load_network(mine)
    expected.set_weight("i1", "h1", -2.5)
    expected.set_bias("o2", 0.625)
    expected.set_position("h2", 123.0, 45.5)
    assert restored == expected
    assert window.document.is_dirty and window.document.path == mine
    assert not copy.exists()
    # The killed app's copy is gone; this session may already have written its own (named by
    # its process id), how soon depends on the machine's load.
    own = f"{os.getpid()}-"
    assert [f for f in recovery_files(copy.parent) if not f.name.startswith(own)] == []
    # This session keeps its own copy of the restored work from now on.
    assert window.recovery.written_path is not None
    assert load_network(window.recovery.written_path).parameters_equal(expected)


def test_the_time_is_told_in_words():
    from datetime import UTC, datetime, timedelta

    from playground.gui.dialogs.recovery_dialog import describe_time

    now = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
    assert describe_time(now, now).startswith("today at ")
    assert describe_time(now - timedelta(days=1), now).startswith("yesterday at ")
    assert describe_time(now - timedelta(days=30), now).startswith("on ")
