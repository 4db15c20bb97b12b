"""Training inside the app: does the window stay responsive, and how much speed does that cost?

    python benchmarks/app_training.py [--epochs N] [--example spiral]

On the offscreen platform, the real main window trains a bundled example
flat-out (its own settings, the Train button, a stop after N epochs) while a
10 ms QTimer probe records how late each of its ticks fires. It reports:

- the p50 / p99 / max lateness of the probe (how long the event loop was held),
- how many times a second the loss plot and the canvas were repainted,
- the app's epochs per second as a share of `playground train`'s, measured
  in-process on a copy of the same network with the same settings, through
  the command line's own training loop (start-up excluded).

Targets: p99 lateness < 50 ms, ≥ 20 repaints a second, ≥ 70 % of the command
line's throughput. Nothing here asserts a time; it prints what it measured.
"""

import os

# Before numpy is imported: one BLAS thread, as in benchmarks/train_speed.py.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

PROBE_MS = 10


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def app_run(example: str, epochs: int, closed_docks: list[str]) -> dict:
    """Train in the main window; the probe's lateness, repaints and epochs per second."""
    from PySide6.QtWidgets import QDockWidget

    from playground.gui.main_window import MainWindow
    from playground.model.examples import example_path

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.document.open(example_path(example))
    for dock in window.findChildren(QDockWidget):
        if dock.windowTitle() in closed_docks:
            dock.close()
    panels = window.training
    dock = panels.training_dock
    dock.stop_epochs.setValue(epochs)
    dock.stop_after.setChecked(True)
    for _ in range(5):  # let the first layout and paint happen before timing
        QApplication.processEvents()

    plot_paints = PaintCounter(dock.loss_plot.plot_widget.viewport())
    canvas_paints = PaintCounter(window.view.viewport())
    ticks: list[float] = []
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))

    loop = QEventLoop()
    panels.session.running_changed.connect(lambda running: None if running else loop.quit())
    frames = [0]
    panels.session.frame.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    probe.start()
    start = time.perf_counter()
    panels.actions.train.trigger()
    loop.exec()
    seconds = time.perf_counter() - start
    probe.stop()

    intervals = np.diff(ticks)
    lateness = np.maximum(intervals - PROBE_MS / 1000, 0.0) * 1000
    trained = panels.session.progress.epoch
    window.document.undo_stack.setClean()
    window.close()
    return {
        "epochs": trained,
        "seconds": seconds,
        "epochs_per_second": trained / seconds,
        "p50": float(np.percentile(lateness, 50)),
        "p99": float(np.percentile(lateness, 99)),
        "max": float(lateness.max()),
        "plot_repaints": plot_paints.count / seconds,
        "canvas_repaints": canvas_paints.count / seconds,
        "frames": frames[0] / seconds,
        "training_share": panels.session.pacer.measured_share,
        "write_period": panels.session.pacer.period,
    }


def cli_run(example: str, epochs: int) -> dict:
    """The command line's training loop on the same network and settings, start-up excluded."""
    from playground.cli_progress import ProgressBar
    from playground.cli_train import _train
    from playground.engine.trainer import Trainer
    from playground.model.examples import example_path
    from playground.model.network_file import load_network

    network = load_network(example_path(example))
    trainer = Trainer(network)
    bar = ProgressBar(epochs, io.StringIO())
    start = time.perf_counter()
    _train(trainer, epochs, bar)
    seconds = time.perf_counter() - start
    return {
        "epochs": trainer.epoch,
        "seconds": seconds,
        "epochs_per_second": trainer.epoch / seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=1000)
    parser.add_argument("--example", default="spiral")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument(
        "--close",
        action="append",
        default=[],
        metavar="DOCK",
        help="close this dock (by its title) before training, to see what it costs",
    )
    args = parser.parse_args()

    settings_folder = tempfile.mkdtemp(prefix="app-training-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)
    # Recovery copies of the window's work go there too, not to the user's app data.
    os.environ["XDG_DATA_HOME"] = settings_folder
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Other programs may share the processor: the command line and the app take turns, and the
    # best run of each is compared, as benchmarks/train_speed.py does.
    cli_runs, app_runs = [], []
    for _ in range(args.repeats):
        cli_runs.append(cli_run(args.example, args.epochs))
        app_runs.append(app_run(args.example, args.epochs, args.close))
    cli_runs.append(cli_run(args.example, args.epochs))
    cli = max(cli_runs, key=lambda r: r["epochs_per_second"])
    inside = max(app_runs, key=lambda r: r["epochs_per_second"])
    share = inside["epochs_per_second"] / cli["epochs_per_second"]

    closed = f", closed: {', '.join(args.close)}" if args.close else ""
    print(
        f"{args.example}: {args.epochs} epochs, offscreen, window 1400×900{closed}; best of {args.repeats}"
    )
    print(
        f"  command line loop  {cli['epochs_per_second']:8.1f} epochs/s  ({cli['seconds']:.2f} s)"
    )
    print(
        f"  app (Train button) {inside['epochs_per_second']:8.1f} epochs/s  ({inside['seconds']:.2f} s)"
        f"   = {100 * share:.0f} % of the command line (target ≥ 70 %)"
    )
    print(
        f"  probe lateness     p50 {inside['p50']:.1f} ms   p99 {inside['p99']:.1f} ms "
        f"(target < 50)   max {inside['max']:.1f} ms;  worst p99 of all runs "
        f"{max(r['p99'] for r in app_runs):.1f} ms"
    )
    print(
        f"  repaints/s         loss plot {inside['plot_repaints']:.1f} (target ≥ 20)   "
        f"canvas {inside['canvas_repaints']:.1f}   frames {inside['frames']:.1f}"
    )
    measured = inside["training_share"]
    print(
        f"  the pacer measured training's share at {'?' if measured is None else f'{100 * measured:.0f} %'}"
        f" and wrote the canvas every {1000 * inside['write_period']:.0f} ms at the end"
    )
    app.processEvents()


if __name__ == "__main__":
    main()
