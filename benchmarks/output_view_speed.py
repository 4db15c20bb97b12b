"""Opening a generator file of many samples in the app, on the offscreen platform.

    python benchmarks/output_view_speed.py                       # 1,000,000 samples
    python benchmarks/output_view_speed.py --samples 20000 100000

For each size: the circle example with that many samples is written to a
temporary file and opened in a shown 1400×900 main window; the time is from
`document.open` until the events it queued have run and the window has been
painted once (`grab`), which is when a user can work. "output view" is the
view's own part: one rebuild (points and heatmap) plus painting it. Compare
with the code before the change by running this script against it
(`PYTHONPATH=old_src python benchmarks/output_view_speed.py --samples ...`).
Asserts nothing.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "PYTHONPATH" not in os.environ:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtWidgets import QApplication

from playground.gui.main_window import MainWindow
from playground.model.examples import example_path


def open_time(window: MainWindow, app: QApplication, samples: int, folder: Path) -> tuple:
    document = json.loads(example_path("circle").read_text(encoding="utf-8"))
    document["data"]["samples"] = samples
    path = folder / f"circle_{samples}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    start = time.perf_counter()
    window.document.open(path, remember_path=False)
    app.processEvents()
    window.grab()
    opened = time.perf_counter() - start
    view = window.training.output_view
    start = time.perf_counter()
    view.refresh(rebuild=True)
    view.grab()
    rebuilt = time.perf_counter() - start
    drawn = len(view.train_points.getData()[0]) + len(view.test_points.getData()[0])
    window.document.undo_stack.setClean()
    return opened, rebuilt, drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, nargs="+", default=[1_000_000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    with tempfile.TemporaryDirectory() as folder:
        for samples in args.samples:
            opened, rebuilt, drawn = open_time(window, app, samples, Path(folder))
            print(
                f"{samples:>9,} samples: window usable after {opened:7.2f} s "
                f"(output view alone: {rebuilt:6.2f} s, {drawn:,} points drawn)"
            )
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
