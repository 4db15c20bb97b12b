"""File menu behaviour: New, Open, examples, recent files, Save, Save As, Export Image.

Anything that would throw away unsaved changes asks Save / Discard / Cancel
first; a file that cannot be opened gives the loader's message and leaves the
open network as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from playground.export import exported_bytes, imported_network
from playground.gui.canvas.scene import NetworkScene
from playground.gui.dialogs.prompts import CANCEL, SAVE, ask_unsaved_changes, show_error
from playground.gui.document import Document
from playground.gui.file_dialogs import remember_folder, start_folder, start_path
from playground.model.errors import PlaygroundError
from playground.model.examples import DEFAULT_EXAMPLE, example_names, example_path
from playground.model.network import UNTITLED, Network
from playground.model.network_file import write_bytes_atomically

RECENT_KEY = "recent_files"
MAX_RECENT = 8


def default_example_path() -> Path | None:
    """The bundled example the app starts with (spiral, else the first there is)."""
    names = example_names()
    if not names:
        return None
    return example_path(DEFAULT_EXAMPLE if DEFAULT_EXAMPLE in names else names[0])


class FileActions(QObject):
    """Carries out the File menu for one window and its document."""

    # What was opened, saved or exported, for the window's status bar.
    status_message = Signal(str)

    recent_changed = Signal()

    def __init__(self, window: QWidget, document: Document, scene: NetworkScene) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.scene = scene

    # ----------------------------------------------------------------- asking

    def confirm_discard(self, doing: str) -> bool:
        """True when it is fine to drop the open network (saved, discarded or never changed)."""
        if not self.document.is_dirty:
            return True
        answer = ask_unsaved_changes(self.window, self.document.display_name, doing)
        if answer == CANCEL:
            return False
        if answer == SAVE:
            return self.save()
        return True

    # ----------------------------------------------------------------- opening

    def new(self) -> bool:
        """An empty network with one input and one output, so the canvas is never blank."""
        if not self.confirm_discard(self.tr("starting a new network")):
            return False
        network = Network(name=UNTITLED)
        self.document.replace(network)
        self.document.add_neuron("input", 0.0, 0.0)
        self.document.add_neuron("output", 200.0, 0.0)
        self.document.undo_stack.clear()
        return True

    def replace_with(self, network: Network, doing: str) -> bool:
        """Show a network built in the app (New layered network), after asking about changes."""
        if not self.confirm_discard(doing):
            return False
        self.document.replace(network)
        return True

    def open_dialog(self) -> bool:
        if not self.confirm_discard(self.tr("opening another network")):
            return False
        path = self._ask_open(self.tr("Open Network"), self.tr("Networks (*.json);;All files (*)"))
        if not path:
            return False
        return self.open_path(path, ask=False)

    def open_recent(self, path: str) -> bool:
        """Open a file from Open Recent; one that is gone or unreadable leaves the list."""
        return self.open_path(path, recent=True)

    def open_path(self, path: str | Path, ask: bool = True, recent: bool = False) -> bool:
        """Open a file; on failure show the loader's message and keep the open network.

        A named pipe, a device or a folder is refused by the loader without reading it, so
        Open never waits on one.
        """
        if ask and not self.confirm_discard(self.tr("opening another network")):
            return False
        try:
            self.document.open(path)
        except Exception as problem:  # noqa: BLE001 - a file must never make Open do nothing
            message = self._open_problem(path, problem)
            if recent and not _readable(Path(path)):
                self.remove_recent(str(path))
                message += "\n\n" + self.tr("It was removed from Open Recent.")
            show_error(self.window, self.tr("Cannot open network"), message)
            return False
        self.add_recent(str(Path(path).resolve()))
        self.status_message.emit(self.tr("Opened {path}").format(path=path))
        return True

    def _open_problem(self, path: str | Path, problem: Exception) -> str:
        """What went wrong opening `path`, in the user's words (the loader's own where it has them)."""
        if isinstance(problem, PlaygroundError):
            return str(problem)
        if isinstance(problem, OSError):
            return f"{path}: {problem.strerror or problem}"
        return self.tr("{path}: cannot open the file ({problem})").format(
            path=path, problem=problem
        )

    def _ask_open(self, title: str, kinds: str) -> str:
        """A file to read, from a dialog starting where `start_folder` says; "" if cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            self.window, title, str(start_folder(self.document.path)), kinds
        )
        if path:
            remember_folder(path)
        return path

    def _ask_save(self, title: str, suffix: str, kinds: str) -> str:
        """A file to write, suggested from the network's file or safe name; "" if cancelled."""
        start = start_path(self.document.path, self.document.display_name, suffix)
        path, _ = QFileDialog.getSaveFileName(self.window, title, start, kinds)
        if path:
            remember_folder(path)
        return path

    def import_onnx(self, path: str | None = None) -> bool:
        """Read an ONNX model as a new, unsaved network (Save then asks where)."""
        if not self.confirm_discard(self.tr("importing a model")):
            return False
        if path is None:
            path = self._ask_open(
                self.tr("Import ONNX Model"), self.tr("ONNX models (*.onnx);;All files (*)")
            )
            if not path:
                return False
        try:
            network = imported_network(path)
        except PlaygroundError as problem:
            show_error(self.window, self.tr("Cannot import the model"), str(problem))
            return False
        self.document.replace(network)
        self.document.undo_stack.resetClean()  # nothing of it is saved yet
        self.status_message.emit(
            self.tr("Imported {path}: save it to keep it as a network file.").format(path=path)
        )
        return True

    def export_network(self, form: str) -> bool:
        """Ask for a file and write the network as a PyTorch script ("pytorch") or ONNX model."""
        suffix, kind = (
            ("py", self.tr("PyTorch scripts (*.py)"))
            if form == "pytorch"
            else ("onnx", self.tr("ONNX models (*.onnx)"))
        )
        title = (
            self.tr("Export PyTorch Script") if form == "pytorch" else self.tr("Export ONNX Model")
        )
        path = self._ask_save(title, suffix, kind)
        if not path:
            return False
        if not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        try:
            data = exported_bytes(self.document.network, form, self.document.display_name)
            write_bytes_atomically(path, data, self.tr("cannot write the export"))
        except PlaygroundError as problem:
            show_error(self.window, self.tr("Cannot export"), str(problem))
            return False
        self.status_message.emit(self.tr("Exported {path}").format(path=path))
        return True

    def open_example(self, name: str) -> bool:
        """Open a bundled example; Save then asks where, so the example itself stays intact."""
        if not self.confirm_discard(self.tr("opening an example")):
            return False
        try:
            self.document.open(example_path(name), remember_path=False)
        except (PlaygroundError, FileNotFoundError) as problem:
            show_error(self.window, self.tr("Cannot open example"), str(problem))
            return False
        self.status_message.emit(self.tr("Opened the example {name}").format(name=name))
        return True

    # ----------------------------------------------------------------- saving

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        path = self._ask_save(
            self.tr("Save Network"), "json", self.tr("Networks (*.json);;All files (*)")
        )
        if not path:
            return False
        if not Path(path).suffix:
            path += ".json"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        title = self.tr("Cannot save network")
        try:
            self.document.save(path)
        except (PlaygroundError, OSError) as problem:
            show_error(self.window, title, str(problem))
            return False
        except Exception as problem:  # noqa: BLE001 - a failed save must never pass unnoticed
            show_error(
                self.window,
                title,
                self.tr("{path}: cannot save ({problem})").format(path=path, problem=problem),
            )
            return False
        self.add_recent(str(path.resolve()))
        self.status_message.emit(self.tr("Saved {path}").format(path=path))
        return True

    # ----------------------------------------------------------------- recent files

    def recent_files(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files() if p != path]
        QSettings().setValue(RECENT_KEY, files[:MAX_RECENT])
        self.recent_changed.emit()

    def remove_recent(self, path: str) -> None:
        QSettings().setValue(RECENT_KEY, [p for p in self.recent_files() if p != path])
        self.recent_changed.emit()

    def clear_recent(self) -> None:
        QSettings().setValue(RECENT_KEY, [])
        self.recent_changed.emit()

    # ----------------------------------------------------------------- export

    def export_image(self, kind: str) -> bool:
        """Ask for a file and write the canvas as PNG or SVG."""
        suffix = kind.lower()
        filters = self.tr("PNG image (*.png)") if suffix == "png" else self.tr("SVG image (*.svg)")
        path = self._ask_save(self.tr("Export {kind}").format(kind=kind), suffix, filters)
        if not path:
            return False
        if not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        ok = export_png(self.scene, path) if suffix == "png" else export_svg(self.scene, path)
        if ok:
            self.status_message.emit(self.tr("Exported {path}").format(path=path))
        else:
            show_error(
                self.window,
                self.tr("Cannot export image"),
                self.tr("{path} could not be written.").format(path=path),
            )
        return ok


def _readable(path: Path) -> bool:
    """True while `path` is a file this user may read (a broken one stays in Open Recent)."""
    return path.is_file() and os.access(path, os.R_OK)


def _export_rect(scene: NetworkScene) -> QRectF:
    rect = scene.network_rect()
    return rect.adjusted(-20, -20, 20, 20) if not rect.isNull() else QRectF(0, 0, 100, 100)


def export_png(scene: NetworkScene, path: str, scale: float = 2.0) -> bool:
    """The network at twice its size (crisp on slides), on a white background."""
    rect = _export_rect(scene)
    image = QImage(
        QSize(int(rect.width() * scale), int(rect.height() * scale)), QImage.Format.Format_ARGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    selected = scene.selectedItems()
    scene.clearSelection()
    scene.render(painter, QRectF(image.rect()), rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    for item in selected:
        item.setSelected(True)
    return image.save(path)


def export_svg(scene: NetworkScene, path: str) -> bool:
    """The network as SVG, for slides that scale."""
    from PySide6.QtSvg import QSvgGenerator

    rect = _export_rect(scene)
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(scene.document.display_name)
    painter = QPainter()
    if not painter.begin(generator):
        return False
    selected = scene.selectedItems()
    scene.clearSelection()
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    for item in selected:
        item.setSelected(True)
    return Path(path).is_file()
