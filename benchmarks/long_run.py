"""Long runs in the app: the loss plot's cost per frame and the history's memory, before and after.

    python benchmarks/long_run.py [--epochs 1000 100000 1000000 3000000] [--frames 30]
    python benchmarks/long_run.py --train [--seconds 3]

Plot mode. For each run length, a synthetic history (a falling, noisy loss
with a few spikes; train and test loss and accuracy) is fed to the real loss
plot widget (offscreen, 420 × 360 as in the training dock), then frames are
timed: 1,000 new epochs (a frame's worth of XOR) followed by the plot's
update and a repaint of the plot. Two ways side by side:

- before: the history as four lists of floats, and every frame each curve's
  whole series given to `setData` (what the plot did before MergedHistory;
  rebuilt here on a plain PlotWidget with the same settings);
- after: the app's MergedHistory and the LossPlot widget itself.

Memory is what the history holds: tracemalloc's count for the lists (with the
plot's numpy copies), `nbytes` of the merged arrays. Times are CPU time of this
process (the machine may be shared; wall time is printed beside it).

Train mode. The real main window trains the XOR example with the Train button
for a few seconds from epoch 0, then again from a history prefilled with
1,000,000 epochs, and prints the epochs per second of both: a history that
grows with the run would make the second slower.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Self

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np

# Run from a clone without installing: the package lives in src/ beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

NEW_PER_FRAME = 1000
PLOT_SIZE = (420, 360)


def synthetic(epochs: int, seed: int = 0) -> dict[str, np.ndarray]:
    """A falling loss with noise and three spikes, its test twin, and rising accuracies."""
    rng = np.random.default_rng(seed)
    k = np.arange(epochs, dtype=float)
    train = 0.3 / np.sqrt(1 + k / 100) * (1 + 0.05 * rng.standard_normal(epochs))
    train[(np.array([0.3, 0.6, 0.85]) * epochs).astype(int)] *= 40
    accuracy = np.minimum(1.0, 0.5 + k / 2000)
    return {
        "train_loss": train,
        "test_loss": train * 1.1,
        "train_accuracy": accuracy,
        "test_accuracy": accuracy * 0.95,
    }


class Clock:
    """CPU and wall seconds of a stretch of code."""

    def __enter__(self) -> Self:
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *_) -> None:
        self.cpu = time.process_time() - self.cpu
        self.wall = time.perf_counter() - self.wall


class ListPlot:
    """The plot before: lists of floats, and the whole series given to setData every frame."""

    def __init__(self) -> None:
        import pyqtgraph as pg

        self.widget = pg.PlotWidget(background="w")
        self.widget.resize(*PLOT_SIZE)
        self.widget.show()
        plot = self.widget.getPlotItem()
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        plot.disableAutoRange()
        self.curves = {
            name: plot.plot(pen=pg.mkPen("#1d5f99", width=1))
            for name in ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
        }
        self.copies: dict[str, np.ndarray] = {}

    def update(self, history: dict[str, list[float]]) -> None:
        for name, values in history.items():
            # The old _Series kept a numpy copy, grown at the end; then setData of all of it.
            copy = self.copies.get(name)
            if copy is None or len(copy) < len(values):
                copy = np.zeros(2 * len(values))
                copy[: len(values)] = values
                self.copies[name] = copy
            else:
                copy[len(values) - NEW_PER_FRAME : len(values)] = values[-NEW_PER_FRAME:]
            y = copy[: len(values)]
            self.curves[name].setData(np.arange(1, len(values) + 1, dtype=float), y)
        self.widget.getPlotItem().setXRange(0, len(history["train_loss"]), padding=0.02)

    def repaint(self) -> None:
        self.widget.viewport().repaint()


def time_frames(update, repaint, grow, frames: int) -> dict[str, float]:
    """Median CPU and wall milliseconds of the update and of the repaint, over `frames` frames."""
    update_cpu, update_wall, paint_cpu = [], [], []
    for _ in range(frames):
        grow()
        with Clock() as clock:
            update()
        update_cpu.append(clock.cpu)
        update_wall.append(clock.wall)
        with Clock() as clock:
            repaint()
        paint_cpu.append(clock.cpu)
    return {
        "update": 1e3 * float(np.median(update_cpu)),
        "update_wall": 1e3 * float(np.median(update_wall)),
        "paint": 1e3 * float(np.median(paint_cpu)),
    }


def before(epochs: int, frames: int, app) -> dict[str, float]:
    data = synthetic(epochs + NEW_PER_FRAME * frames)
    tracemalloc.start()
    history = {name: values[:epochs].tolist() for name, values in data.items()}
    lists = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    plot = ListPlot()
    plot.update(history)
    app.processEvents()
    memory = lists + sum(copy.nbytes for copy in plot.copies.values())
    position = [epochs]

    def grow() -> None:
        start, end = position[0], position[0] + NEW_PER_FRAME
        for name, values in history.items():
            values.extend(data[name][start:end].tolist())
        position[0] = end

    result = time_frames(lambda: plot.update(history), plot.repaint, grow, frames)
    plot.widget.close()
    return {**result, "memory": memory}


def after(epochs: int, frames: int, app) -> dict[str, float]:
    from playground.engine.merged_history import MergedHistory
    from playground.gui.training.loss_plot import LossPlot

    data = synthetic(epochs + NEW_PER_FRAME * frames)
    history = MergedHistory()
    series = [(getattr(history, name), data[name].tolist()) for name in data]
    with Clock() as filling:
        for record, values in series:
            append = record.append
            for value in values[:epochs]:
                append(value)
    plot = LossPlot()
    plot.resize(*PLOT_SIZE)
    plot.show()
    plot.set_history(history)
    app.processEvents()
    position = [epochs]

    def grow() -> None:
        start, end = position[0], position[0] + NEW_PER_FRAME
        for record, values in series:
            for value in values[start:end]:
                record.append(value)
        position[0] = end

    result = time_frames(
        lambda: plot.set_history(history), plot.plot_widget.viewport().repaint, grow, frames
    )
    note = plot.plot_widget.toolTip().split("\n\n")[-1] if history.train_loss.shows_merged else ""
    plot.close()
    return {
        **result,
        "memory": history.nbytes(),
        "append_us": 1e6 * filling.cpu / (4 * max(epochs, 1)),
        "note": note,
    }


def plot_mode(lengths: list[int], frames: int) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(
        f"Loss plot, {PLOT_SIZE[0]}×{PLOT_SIZE[1]} offscreen; each frame adds {NEW_PER_FRAME:,} "
        f"epochs; median of {frames} frames; CPU ms (wall ms)"
    )
    print(
        f"{'at start':>10} | {'before: update':>16} {'paint':>7} {'memory':>10} | "
        f"{'after: update':>16} {'paint':>7} {'memory':>10} {'append µs':>9}"
    )
    notes = []
    for epochs in lengths:
        old = before(epochs, frames, app)
        new = after(epochs, frames, app)
        print(
            f"{epochs:>10,} | {old['update']:>7.2f} ({old['update_wall']:>6.1f}) "
            f"{old['paint']:>7.2f} {old['memory'] / 1e6:>8.1f}MB | "
            f"{new['update']:>7.2f} ({new['update_wall']:>6.1f}) {new['paint']:>7.2f} "
            f"{new['memory'] / 1e6:>8.2f}MB {new['append_us']:>9.2f}"
        )
        if new["note"]:
            notes.append(f"{epochs:>10,}: {new['note']}")
    print("\nThe plot's tooltip at the end of each run:")
    print("\n".join(notes) or "  (nothing merged)")


# ------------------------------------------------------------------ training in the app


def app_epochs_per_second(prefilled: int, seconds: float) -> float:
    """Train XOR in the main window for `seconds` after a history of `prefilled` epochs."""
    from PySide6.QtCore import QEventLoop, QTimer

    from playground.gui.main_window import MainWindow
    from playground.gui.training.run_command import Progress
    from playground.model.examples import example_path

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.document.open(example_path("xor"))
    session = window.training.session
    if prefilled:
        # As if the session had trained so far: the next trainer takes this progress.
        session._saved = Progress(prefilled, prefilled_history(prefilled))
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)  # the first layout and paint
    loop.exec()
    start_epoch = session.progress.epoch
    window.training.actions.train.trigger()
    with Clock() as clock:
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        done = session.progress.epoch - start_epoch
    session.pause()
    window.document.undo_stack.setClean()
    window.close()
    return done / clock.wall, done / clock.cpu


def loop_epochs_per_cpu_second(history, epochs: int) -> float:
    """The app's training loop alone (Trainer.run, as each slice calls it) recording into
    `history`: XOR epochs per CPU second, free of the frames' painting and of other programs."""
    from playground.engine.trainer import Trainer
    from playground.model.examples import example_path
    from playground.model.network_file import load_network

    trainer = Trainer(load_network(example_path("xor")))
    trainer.epoch, trainer.history = len(history.train_loss), history
    start = trainer.epoch
    with Clock() as clock:
        while trainer.epoch < start + epochs:
            trainer.run(max_seconds=0.008, until_epoch=start + epochs)  # one app slice
    return epochs / clock.cpu


def prefilled_history(epochs: int):
    from playground.engine.merged_history import MergedHistory

    data = synthetic(max(epochs, 1))
    history = MergedHistory()
    for name in ("train_loss", "train_accuracy"):  # what XOR records: no test rows
        record = getattr(history, name)
        for value in data[name][:epochs].tolist():
            record.append(value)
    return history


def train_mode(seconds: float, repeats: int) -> None:
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    folder = tempfile.mkdtemp(prefix="long-run-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    os.environ["XDG_DATA_HOME"] = folder  # recovery copies go there, not to the user's data
    app = QApplication.instance() or QApplication(sys.argv[:1])
    fresh, late = [], []
    for _ in range(repeats):  # taking turns, so a busy moment of the machine hits both
        fresh.append(app_epochs_per_second(0, seconds))
        late.append(app_epochs_per_second(1_000_000, seconds))
    app.processEvents()
    long = prefilled_history(1_000_000)
    first, later = [], []
    for _ in range(repeats):
        first.append(loop_epochs_per_cpu_second(prefilled_history(0), 1000))
        later.append(loop_epochs_per_cpu_second(long.copy(), 1000))
    print(
        f"The app's training loop alone (8 ms slices), XOR, 1,000 epochs, best of {repeats}:\n"
        f"  epochs 1–1,000:                  {max(first):>9,.0f} epochs per CPU second\n"
        f"  epochs 1,000,001–1,001,000:      {max(later):>9,.0f} epochs per CPU second  "
        f"({100 * max(later) / max(first):.1f} % of the first thousand)"
    )
    best_fresh = max(fresh, key=lambda r: r[1])
    best_late = max(late, key=lambda r: r[1])
    print(f"XOR in the app, Train button, {seconds:g} s a run, best of {repeats}:")
    print(
        f"  from epoch 0:          {best_fresh[0]:>9,.0f} epochs/s wall, "
        f"{best_fresh[1]:>9,.0f} per CPU second"
    )
    print(
        f"  from epoch 1,000,000:  {best_late[0]:>9,.0f} epochs/s wall, "
        f"{best_late[1]:>9,.0f} per CPU second  "
        f"({100 * best_late[1] / best_fresh[1]:.0f} % of the first, per CPU second)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--epochs", type=int, nargs="+", default=[1_000, 100_000, 1_000_000, 3_000_000]
    )
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--train", action="store_true", help="time training in the app instead")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.train:
        train_mode(args.seconds, args.repeats)
    else:
        plot_mode(args.epochs, args.frames)


if __name__ == "__main__":
    main()
