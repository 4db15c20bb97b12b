"""Zoomed in on a 10,000-connection network: a step that tags only what is in sight, against
one that tags the whole network, side by side in one process.

Opens the main window offscreen at 1400×900, loads canvas_speed.py's columns network (500
neurons, 10,000 connections), opens the Backward Pass panel, zooms the canvas to `--zoom`
and presses Step over the whole backward pass. The overlay's sight (CanvasOverlay._sight:
the view and as much again on every side) is on and off in turns of 20 presses, so both
meet the same machine at the same time. Prints the CPU time per press of each, median and
mean, how many presses took over 50 ms, and the ratio; asserts nothing.

    python benchmarks/tags_in_sight.py              # at zoom 1.0
    python benchmarks/tags_in_sight.py --zoom 0.3   # the farthest out that draws tags
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from interaction_10k import NEURON, Bench, columns_network, open_window, settle

from playground.gui.backward.canvas_overlay import CanvasOverlay

TURN = 20  # presses with the sight on, then as many with it off, and so on


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zoom", type=float, default=1.0)
    args = parser.parse_args()
    app, window = open_window()
    window.document.replace(columns_network())
    settle(app)
    panels = window.backward
    panels.set_forward_steps(True)
    panels.set_detailed(False)
    panels.actions["open"].trigger()
    settle(app)
    settle(app)
    view = window.view
    view.resetTransform()
    view.scale(args.zoom, args.zoom)
    view.centerOn(window.scene.network_rect().center())
    settle(app)
    Bench(app, window, False).jump(NEURON, 0)
    in_sight = CanvasOverlay._sight
    times: dict[bool, list[float]] = {True: [], False: []}
    presses = sum(f.kind == NEURON for f in panels.session.frames) - 1
    for k in range(presses):
        on = (k // TURN) % 2 == 0
        CanvasOverlay._sight = in_sight if on else (lambda self: None)  # type: ignore[method-assign]
        start = time.process_time()
        panels.actions["step"].trigger()
        settle(app)
        panels.animation.stop()
        times[on].append(time.process_time() - start)
    CanvasOverlay._sight = in_sight  # type: ignore[method-assign]
    medians = {}
    print(f"columns, zoom {args.zoom}, CPU ms per backward step")
    for on, label in ((False, "whole network"), (True, "in sight")):
        ms = np.array(times[on][1:]) * 1000  # the first of each kind: the turn's start
        medians[on] = np.median(ms)
        print(
            f"  {label:14s} {len(ms):4d} presses   median {medians[on]:6.1f}   "
            f"mean {ms.mean():6.1f}   over 50 ms {int((ms > 50).sum()):4d}"
        )
    print(f"  ratio in sight / whole network (medians): {medians[True] / medians[False]:.2f}")
    window.backward.dock.hide()
    settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
