"""Re-make the user guide's pictures from the real app, and its copy for GitHub readers in docs/.

    python tools/make_pictures.py

starts NN Playground on Qt's offscreen platform (no display needed), puts it into
each state the guide shows (an example opened, a network drawn, training run,
the backward pass stepped, a dialog or menu open) and saves a picture of the
window, or a close-up, as PNG into src/playground/resources/guide/images/. Then
it writes docs/user-guide.md from src/playground/resources/guide/user-guide.md
(see `docs_copy`). It takes about ten seconds.

Every state is deterministic (fixed window size, seeds and epoch counts), and the
app's settings live in a temporary folder for the run, so the user's own saved
layout is neither read nor written. Re-running on the same machine gives the same
pictures; edit the guide, not docs/user-guide.md.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
GUIDE = REPOSITORY / "src" / "playground" / "resources" / "guide"
IMAGES = GUIDE / "images"
GUIDE_TEXT = GUIDE / "user-guide.md"
DOCS_COPY = REPOSITORY / "docs" / "user-guide.md"
DOCS_HEADER = (
    "<!-- Made by tools/make_pictures.py from src/playground/resources/guide/user-guide.md: "
    "edit that file and re-run the script. -->"
)
WINDOW_SIZE = (1400, 900)
MAX_BYTES = 300_000  # a picture larger than this is written with fewer colours
TRAINING_EPOCHS = 168  # well on the way: train loss 0.48 at epoch 1, 0.029 here
BACKWARD_DOCK_HEIGHT = 440  # room for the formulas of a whole neuron under the canvas


def docs_copy(text: str) -> str:
    """The guide as docs/user-guide.md holds it: a header saying where it comes from, and every
    `images/X.png` link pointing into the package, so the pictures show on GitHub."""
    body = re.sub(r"(!\[[^\]]*\]\()images/", r"\1../src/playground/resources/guide/images/", text)
    return f"{DOCS_HEADER}\n{body}"


# ----------------------------------------------------------------- driving the app


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's notes that it cannot raise windows or propagate size
    hints; pass every other Qt message on to stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind, context, message: str) -> None:
        if not message.startswith("This plugin does not support"):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def wait(milliseconds: int) -> None:
    """Let the event loop run for a while (timers, repaints, deferred fits)."""
    from PySide6.QtTest import QTest

    QTest.qWait(milliseconds)


def wait_until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    from PySide6.QtTest import QTest

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the app did not reach the state a picture needs")
        QTest.qWait(10)


def new_window():
    """A fresh main window at the fixed size, shown, in the layout a first start has."""
    from PySide6.QtTest import QTest

    from playground.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    return window


def close(window) -> None:
    """Close without the unsaved-changes question, and without saving the layout."""
    window.training.session.pause()
    window.document.undo_stack.setClean()
    window.hide()
    window.deleteLater()
    wait(50)


def open_example(window, name: str) -> None:
    """File ▸ Open Example ▸ `name`."""
    menu = window.menus["examples"]
    action = next(a for a in menu.actions() if a.text() == name.replace("_", " "))
    action.trigger()
    wait(150)


def at(view, x: float, y: float):
    """The canvas's viewport pixel of a scene position."""
    from PySide6.QtCore import QPointF

    return view.mapFromScene(QPointF(x, y))


def click(view, x: float, y: float, modifiers=None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    keys = modifiers or Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, keys, at(view, x, y))
    wait(20)


def press_and_move(view, start, end, modifiers=None, steps: int = 6) -> None:
    """Press at `start` and move to `end` with the button held (scene coordinates)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    keys = modifiers or Qt.KeyboardModifier.NoModifier
    a, b = at(view, *start), at(view, *end)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, keys, a)
    for k in range(1, steps + 1):
        point = QPoint(a.x() + (b.x() - a.x()) * k // steps, a.y() + (b.y() - a.y()) * k // steps)
        QTest.mouseMove(view.viewport(), point)
    wait(20)


def release(view, end, modifiers=None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    keys = modifiers or Qt.KeyboardModifier.NoModifier
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, keys, at(view, *end))
    wait(20)


def drag(view, start, end, modifiers=None) -> None:
    press_and_move(view, start, end, modifiers)
    release(view, end, modifiers)


def answer_dialog(trigger: Callable[[], object], answer: Callable[[object], object]) -> object:
    """Run `trigger`, which opens a modal dialog; `answer(dialog)` runs inside it (and must
    close it). Returns what `answer` returned."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    result = []

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inside)
            return
        wait(100)
        result.append(answer(dialog))

    QTimer.singleShot(50, inside)
    trigger()
    if not result:
        raise RuntimeError("the dialog a picture needs did not open")
    return result[0]


def framed(pixmap):
    """The picture with a thin grey border: offscreen windows have no frame of their own, and
    without one a screenshot runs into the page around it."""
    from PySide6.QtGui import QColor, QPainter, QPixmap

    framed = QPixmap(pixmap.width() + 2, pixmap.height() + 2)
    framed.fill(QColor("#8c8c8c"))
    painter = QPainter(framed)
    painter.drawPixmap(1, 1, pixmap)
    painter.end()
    return framed


def with_popups(window, popups):
    """The window's picture with menus or lists painted over it where they stand on screen
    (`window.grab()` alone leaves out other top-level windows)."""
    from PySide6.QtGui import QPainter

    picture = window.grab()
    painter = QPainter(picture)
    origin = window.mapToGlobal(window.rect().topLeft())
    for popup in popups:
        painter.drawPixmap(popup.mapToGlobal(popup.rect().topLeft()) - origin, popup.grab())
    painter.end()
    return picture


def save(pixmap, name: str) -> Path:
    """Write the picture, framed, as PNG; one over MAX_BYTES is written again in 32 levels a colour
    channel (as 15-bit colour has), which the eye does not tell apart in a screenshot but
    which shrinks the many shades of antialiased lines by a quarter."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    path = IMAGES / name
    image = framed(pixmap).toImage()
    if not image.save(str(path), "PNG", 0):
        raise OSError(f"could not write {path}")
    if path.stat().st_size > MAX_BYTES:
        fewer_colours(image).save(str(path), "PNG", 0)
    print(f"wrote {path.relative_to(REPOSITORY)} ({path.stat().st_size // 1000} kB)")
    return path


def fewer_colours(image, levels: int = 32):
    """The image with each colour channel rounded to `levels` evenly spaced values."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(height, -1, 4)[:, :width]
    step = 255 / (levels - 1)
    rounded = np.ascontiguousarray(np.round(np.round(pixels / step) * step).astype(np.uint8))
    rounded[..., 3] = 255
    return QImage(
        rounded.data, width, height, rounded.strides[0], QImage.Format.Format_RGB32
    ).copy()


# ----------------------------------------------------------------- the pictures


def start_picture() -> None:
    """The window as it opens: the spiral example, nothing trained yet."""
    from playground.gui.app import open_start

    window = new_window()
    open_start(window, None)
    wait(200)
    save(window.grab(), "window.png")
    close(window)


def training_picture(name: str = "training.png") -> None:
    """The spiral example part-way through training, paused by the "after N epochs" condition."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = new_window()
    open_example(window, "spiral")
    dock, session = window.training.training_dock, window.training.session
    dock.stop_epochs.setValue(TRAINING_EPOCHS)
    dock.stop_after.setChecked(True)
    QTest.mouseClick(dock.train_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: not session.running)
    wait(200)
    if session.progress.epoch != TRAINING_EPOCHS:
        raise RuntimeError(f"training stopped at epoch {session.progress.epoch}")
    save(window.grab(), name)
    close(window)


def stepped_picture(name: str, label_end: str, chinese: bool = False) -> None:
    """The 2-2-2 example stepped until the step's label ends with `label_end`, the Training
    panel closed for room."""
    from PySide6.QtCore import Qt

    window = new_window()
    open_example(window, "two_two_two")
    window.training.training_dock_widget.toggleViewAction().trigger()
    backward = window.backward
    backward.actions["open"].trigger()
    wait_until(backward.is_showing)
    window.resizeDocks([backward.dock], [BACKWARD_DOCK_HEIGHT], Qt.Orientation.Vertical)
    wait(100)
    backward.fit_view()
    session = backward.session

    def there() -> bool:
        if not chinese:
            return session.label().endswith(label_end)
        # The label is in Chinese: the backward step of the neuron named last in label_end.
        frame, neuron = session.frame, label_end.split()[-1]
        return frame.kind == "neuron" and session.trace.steps[frame.step].neuron == neuron

    while not there():
        backward.actions["step"].trigger()
    wait(900)  # the dots that carry the gradient have arrived and gone
    save(window.grab(), name)
    close(window)


def forward_picture() -> None:
    """The forward pass at hidden neuron h1: z = b + Σ w·y with the numbers, then y = f(z)."""
    stepped_picture("forward.png", "forward, neuron h1")


def backward_picture() -> None:
    """The backward pass at hidden neuron h1: the gradient flowing back, the chain rule below."""
    stepped_picture("backward.png", "backward, neuron h1")


def drawing_picture() -> None:
    """A 2-3-1 network drawn by hand: neurons placed with Add Neuron, connected by Shift+drag,
    one selected for the Inspector, and the last connection being dragged with Connect."""
    from PySide6.QtCore import Qt

    window = new_window()
    actions, view, picker = window.action_by_name, window.view, window.role_picker
    actions["new"].trigger()  # File ▸ New: input i1 at (0, 0) and output o1 at (200, 0)
    actions["zoom_out"].trigger()
    wait(100)
    inputs, output = [(0, -60), (0, 60)], (400, 0)
    hidden = [(200, -150), (200, 0), (200, 150)]
    drag(view, (0, 0), inputs[0])  # the Select tool moves neurons
    drag(view, (200, 0), output)
    actions["tool_add_neuron"].trigger()
    picker.setCurrentIndex(picker.findData("input"))
    click(view, *inputs[1])
    picker.setCurrentIndex(picker.findData("hidden"))
    for place in hidden:
        click(view, *place)
    actions["tool_select"].trigger()
    shift = Qt.KeyboardModifier.ShiftModifier
    for source in inputs:
        for target in hidden:
            drag(view, source, target, shift)
    for source in hidden[:2]:
        drag(view, source, output, shift)
    actions["weight_labels"].setChecked(True)
    actions["fit"].trigger()
    wait(50)
    click(view, *hidden[1])  # the Inspector shows h2
    actions["tool_connect"].trigger()
    press_and_move(view, hidden[2], output)  # the last connection, not released yet
    wait(100)
    save(window.grab(), "drawing.png")
    release(view, output)
    close(window)


def layered_picture() -> None:
    """Network ▸ New Layered Network…, filled in."""
    window = new_window()

    def answer(dialog):
        dialog.sizes.setText("2-4-4-1")
        wait(50)
        picture = dialog.grab()
        dialog.reject()
        return picture

    save(answer_dialog(window.action_by_name["new_layered"].trigger, answer), "layered.png")
    close(window)


def data_picture() -> None:
    """Close-up of the right-hand column for the circle example: the data over the output,
    and the Data panel with the generator's settings (down to its last line)."""
    from PySide6.QtCore import QRect

    window = new_window()
    open_example(window, "circle")
    window.training.data_dock_widget.raise_()
    wait(200)
    output = window.training.output_dock_widget.geometry()
    summary = window.training.data_dock.feature_picker  # the panel's last part: then empty room
    bottom = summary.mapTo(window, summary.rect().bottomLeft()).y() + 10
    column = QRect(output.left(), output.top(), window.width() - output.left(), 0)
    column.setBottom(bottom)
    save(window.grab(column), "data.png")
    close(window)


def features_picture() -> None:
    """The circle example after ticking X₁² and X₂² in the Data panel: the canvas and the
    right-hand column, with the two new input neurons and their ticked boxes."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtTest import QTest

    window = new_window()
    open_example(window, "circle")
    window.training.data_dock_widget.raise_()
    wait(100)
    picker = window.training.data_dock.feature_picker
    for feature in ("x1^2", "x2^2"):
        QTest.mouseClick(picker.check_boxes[feature], Qt.MouseButton.LeftButton)
    wait(200)
    view = window.view
    canvas = QRect(view.mapTo(window, view.rect().topLeft()), view.size())
    bottom = picker.mapTo(window, picker.rect().bottomLeft()).y() + 10
    region = QRect(canvas.left(), canvas.top(), window.width() - canvas.left(), 0)
    region.setBottom(max(bottom, canvas.top() + 560))
    save(window.grab(region), "features.png")
    close(window)


CSV_TEXT = """hours studied,hours slept,passed
1.0,8.0,0
2.0,6.5,0
2.5,7.0,0
3.0,5.0,0
3.5,8.0,1
4.0,6.0,0
4.5,7.5,1
5.0,4.5,0
5.5,7.0,1
6.0,8.0,1
6.5,5.5,1
7.0,6.5,1
"""


def csv_picture(folder: Path) -> None:
    """Training ▸ Import CSV… on a small file, the preview and the columns' roles shown."""
    window = new_window()
    open_example(window, "xor")
    path = folder / "exam.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    dock = window.training.data_dock

    def answer(dialog):
        dialog.resize(620, 480)
        wait(100)
        picture = dialog.grab()
        dialog.reject()
        return picture

    save(answer_dialog(lambda: dock.import_csv(str(path)), answer), "csv-import.png")
    close(window)


def files_picture() -> None:
    """The File menu open at Open Example, over the XOR example."""
    window = new_window()
    open_example(window, "xor")
    file_menu, examples = window.menus["file"], window.menus["examples"]
    window.menuBar().setActiveAction(file_menu.menuAction())
    wait(200)
    file_menu.setActiveAction(examples.menuAction())
    wait_until(examples.isVisible)
    wait(200)
    save(with_popups(window, [file_menu, examples]), "files.png")
    examples.hide()
    file_menu.hide()
    close(window)


def chinese_pictures() -> None:
    """The 2-2-2 backward pass at h1 and the spiral mid-training, in 繁體中文 (the guide's
    Language paragraph); the app speaks English again afterwards."""
    from playground.gui.i18n import install_language

    install_language("zh_TW")
    try:
        stepped_picture("zh-backward.png", "backward, neuron h1", chinese=True)
        training_picture("zh-training.png")
    finally:
        install_language("en")


def main() -> int:
    from PySide6.QtCore import QSettings

    from playground.gui.app import application

    with tempfile.TemporaryDirectory(prefix="playground-pictures-") as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        # Recovery copies of the windows' work go there too, not to the user's app data.
        os.environ["XDG_DATA_HOME"] = folder
        quiet_offscreen_warnings()
        app = application()
        from playground.gui.i18n import install_language

        install_language("en")  # the guide's pictures are in English on any machine
        for make in (
            start_picture,
            drawing_picture,
            layered_picture,
            forward_picture,
            backward_picture,
            training_picture,
            data_picture,
            features_picture,
            lambda: csv_picture(Path(folder)),
            files_picture,
            chinese_pictures,
        ):
            make()
        app.processEvents()
    DOCS_COPY.write_text(docs_copy(GUIDE_TEXT.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOCS_COPY.relative_to(REPOSITORY)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
