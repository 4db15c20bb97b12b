"""Work survives a crash: unsaved changes are copied aside a few seconds after they happen,
and offered back when the app next starts.

A recovery file is an ordinary network file, written by `save_network` (so atomically),
named `<pid>-<document id>.json` in the app-data folder's `recovery` subfolder, with one
extra top-level field saying what the work was. The pid in the name tells the files of a
session that died from those of an app still running, which are left alone.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QStandardPaths,
    QTimer,
    Signal,
)
from shiboken6 import Shiboken

from playground import __version__
from playground.gui.dialogs.recovery_dialog import DISCARD, RESTORE, RecoveryDialog
from playground.gui.document import Document
from playground.model.errors import PlaygroundError
from playground.model.network import Network
from playground.model.network_file import load_network, save_network

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow

# The extra top-level field of a recovery file (the format keeps fields it does not know).
RECOVERY_FIELD = "nn_playground_recovery"
# Written this long after the last change, so a burst of edits is one write...
QUIET_MS = 2000
# ...but never later than this after the first change not yet written (the promise is 5 s;
# the rest is for the write itself and a busy event loop).
DEADLINE_MS = 4000

_FILE_NAME = re.compile(r"^(\d+)-([0-9a-f]{32})\.json$")
# save_network's temporary file, left behind when a crash came in the middle of a write.
_TEMPORARY_NAME = re.compile(r"^\.(\d+)-[0-9a-f]{32}\.json\..*\.tmp$")
# Windows opened for restored work beyond the first, kept alive here.
_restored_windows: list[MainWindow] = []


def recovery_folder() -> Path:
    """Where recovery files live: `recovery` in the platform's folder for this app's data."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def process_running(pid: int) -> bool:
    """Whether a process with this id exists (ours counts), without disturbing it."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":
        # os.kill(pid, 0) would terminate the process on Windows.
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and (
                code.value == 259  # STILL_ACTIVE
            )
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True


# ----------------------------------------------------------------- the files


@dataclass
class Recovery:
    """One recovery file left by a session that ended without closing its window."""

    path: Path
    written_at: datetime
    display_name: str
    original_path: Path | None
    network: Network | None
    problem: str | None = None

    @property
    def restorable(self) -> bool:
        return self.network is not None


def write_recovery(
    network: Network, path: Path, display_name: str, original_path: Path | None
) -> None:
    """Write `network` with what it was to `path` atomically; raises NetworkFileError or OSError."""
    snapshot = copy.copy(network)  # shallow: only the extra fields differ, and saving only reads
    snapshot.extra = {
        **network.extra,
        RECOVERY_FIELD: {
            "display_name": display_name,
            "original_path": str(original_path) if original_path is not None else None,
            "written_at": datetime.now(UTC).isoformat(),
            "pid": os.getpid(),
            "app_version": __version__,
        },
    }
    if not path.is_absolute():
        raise OSError(
            QCoreApplication.translate(
                "Recovery", "there is no folder for the app's data on this system"
            )
        )
    try:
        # Only the user may look at their unsaved work.
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise OSError(
            QCoreApplication.translate(
                "Recovery", "cannot make the folder {folder} ({reason})"
            ).format(folder=path.parent, reason=reason)
        ) from None
    save_network(snapshot, path)


def read_recovery(path: Path) -> Recovery:
    """What a recovery file holds; a file that cannot be read says why instead of raising."""
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        modified = datetime.now(UTC)
    try:
        network = load_network(path)
    except (PlaygroundError, OSError) as problem:
        about = _metadata_of_broken_file(path)
        return Recovery(
            path,
            _time(about.get("written_at"), modified),
            str(about.get("display_name") or ""),
            None,
            None,
            _without_file_name(str(problem), path),
        )
    about = network.extra.pop(RECOVERY_FIELD, None)
    about = about if isinstance(about, dict) else {}
    original = about.get("original_path")
    return Recovery(
        path,
        _time(about.get("written_at"), modified),
        str(
            about.get("display_name")
            or network.name
            or QCoreApplication.translate("Recovery", "Untitled")
        ),
        Path(original) if isinstance(original, str) and original else None,
        network,
    )


def _metadata_of_broken_file(path: Path) -> dict:
    """The name and time of a file whose network is refused, when its JSON still reads."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        about = document.get(RECOVERY_FIELD)
    except (OSError, ValueError, AttributeError, RecursionError):
        return {}
    return about if isinstance(about, dict) else {}


def _time(text: object, fallback: datetime) -> datetime:
    try:
        moment = datetime.fromisoformat(text) if isinstance(text, str) else fallback
    except ValueError:
        return fallback
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _without_file_name(message: str, path: Path) -> str:
    """The loader names the file; the user never chose that file, so say only what is wrong."""
    prefix = f"{path}: "
    return message.removeprefix(prefix)


def leftover_recoveries(folder: Path) -> list[Recovery]:
    """The recovery files of sessions no longer running, oldest first, claimed for this one.

    Claiming renames a file to this process's id, so an app started at the same moment
    does not offer the same work twice; if this session ends too, the file is offered again.
    """
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for name in names:
        match = _FILE_NAME.match(name)
        if match and not process_running(int(match[1])):
            path = folder / name
            claimed = folder / f"{os.getpid()}-{match[2]}.json"
            try:
                os.rename(path, claimed)
                path = claimed
            except FileNotFoundError:
                continue  # the other app took it
            except OSError:
                pass  # a folder that cannot be changed: offer it where it is
            found.append(read_recovery(path))
            continue
        match = _TEMPORARY_NAME.match(name)
        if match and not process_running(int(match[1])):
            remove_file(folder / name)  # half a write: the whole file beside it, if any, is kept
    return sorted(found, key=lambda recovery: recovery.written_at)


def remove_file(path: Path) -> None:
    """Delete a recovery file; one that cannot be deleted is offered again next time."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


# ----------------------------------------------------------------- writing while editing


class RecoveryWriter(QObject):
    """Keeps one document's unsaved changes in a recovery file, a few seconds behind."""

    # Why the recovery file cannot be written; sent once until a write succeeds again.
    write_failed = Signal(str)

    def __init__(
        self, document: Document, folder: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        # None: recovery_folder(), asked at each write.
        self.folder = folder
        self.document_id = uuid.uuid4().hex
        self.written_path: Path | None = None
        self._failure_sent = False
        self._quiet = self._single_shot(QUIET_MS)
        self._deadline = self._single_shot(DEADLINE_MS)
        document.undo_stack.indexChanged.connect(self._changed)
        document.undo_stack.cleanChanged.connect(self._changed)
        # An edit merged into the last undo step (a spin box held down) moves no index.
        for changed in (
            document.network_replaced,
            document.structure_changed,
            document.parameters_changed,
            document.neurons_moved,
            document.neuron_changed,
            document.settings_changed,
            document.data_changed,
        ):
            changed.connect(self._changed)

    def _single_shot(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.write_now)
        return timer

    @property
    def pending(self) -> bool:
        """Whether a write is scheduled."""
        return self._quiet.isActive() or self._deadline.isActive()

    def target_path(self) -> Path:
        folder = self.folder if self.folder is not None else recovery_folder()
        return folder / f"{os.getpid()}-{self.document_id}.json"

    def _changed(self, *_: object) -> None:
        if not Shiboken.isValid(self.document.undo_stack):
            return  # the stack clears itself while its window is being destroyed
        if not self.document.is_dirty:
            self.discard()
            return
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def write_now(self) -> bool:
        """Write the unsaved network now; False when there is nothing to keep or it failed."""
        self._quiet.stop()
        self._deadline.stop()
        if not self.document.is_dirty:
            return False
        path = self.target_path()
        try:
            write_recovery(
                self.document.network, path, self.document.display_name, self.document.path
            )
        except (PlaygroundError, OSError) as problem:
            if not self._failure_sent:
                self._failure_sent = True
                reason = _without_file_name(str(problem), path).removeprefix("cannot save: ")
                self.write_failed.emit(
                    self.tr(
                        "Your changes cannot be kept safe against a crash until you save: {reason}"
                    ).format(reason=reason)
                )
            return False
        if self.written_path is not None and self.written_path != path:
            remove_file(self.written_path)  # the app-data folder moved
        self.written_path = path
        self._failure_sent = False
        return True

    def discard(self) -> None:
        """Nothing left to recover (saved, undone to the saved state, or the window closed)."""
        self._quiet.stop()
        self._deadline.stop()
        if self.written_path is not None:
            remove_file(self.written_path)
            self.written_path = None


# ----------------------------------------------------------------- offering it back


def offer_leftovers(window: MainWindow, folder: Path | None = None) -> None:
    """At start: offer each recovery file a crashed session left, one dialog each."""
    for recovery in leftover_recoveries(folder if folder is not None else recovery_folder()):
        dialog = RecoveryDialog(recovery, window)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        if choice == RESTORE and recovery.restorable:
            restore(window, recovery)
        elif choice == DISCARD:
            remove_file(recovery.path)


def restore(window: MainWindow, recovery: Recovery) -> MainWindow:
    """Open recovered work as unsaved changes, in `window` unless it holds work of its own."""
    assert recovery.network is not None
    target = window
    if window.document.is_dirty or window.document.path is not None:
        # Imported here: the main window imports this module for its writer.
        from playground.gui.main_window import MainWindow

        target = MainWindow()
        _restored_windows.append(target)
        target.show()
    document = target.document
    document.replace(recovery.network, recovery.original_path)
    # Unsaved until saved: closing asks, and Save writes to the original file.
    document.undo_stack.resetClean()
    # The copy becomes this session's own before the old one goes.
    target.recovery.write_now()
    remove_file(recovery.path)
    target.show_message(
        QCoreApplication.translate("Recovery", "Restored the unsaved changes to “{name}”.").format(
            name=recovery.display_name
        )
    )
    return target
