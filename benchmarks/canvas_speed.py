"""Canvas speed with 500 neurons and 10,000 connections, on the offscreen platform.

Measures building the scene from the model, one full repaint of a 1400×900 view
fitted to the network, moving one neuron (its connections follow), and restyling
every connection after all the weights change. Prints each time and its ratio to
the target; asserts nothing.

The repaint is the view's own paint event (`viewport().repaint()` on a shown
window), which is what a user waits for. `render` is the view drawn into an
image, as exports draw: QGraphicsView.render clips the painter, and the raster
engine draws translucent thin lines ten times faster under a clip, so it once
hid most of the repaint's cost. `drift` restyles after a training-sized change
of every weight (most keep their pen).

    python benchmarks/canvas_speed.py
    python benchmarks/canvas_speed.py --more   # also zoomed in, a training frame, a selection, the spiral
"""

import itertools
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from playground.gui.canvas.scene import NetworkScene
from playground.gui.canvas.view import NetworkView
from playground.gui.document import Document
from playground.model.examples import example_path
from playground.model.network import Network
from playground.model.network_file import load_network
from playground.model.neuron import Neuron

COLUMNS, PER_COLUMN, FAN_IN = 5, 100, 25
TARGETS = {
    "build": 0.5,
    "repaint": 0.050,
    "render": 0.050,
    "move": 0.010,
    "restyle": 0.030,
    "drift": 0.030,
}


def big_network(seed: int = 0) -> Network:
    """5 columns of 100 neurons; each non-input neuron has 25 inputs from the column before."""
    rng = np.random.default_rng(seed)
    network = Network(name="benchmark")
    columns = []
    for k in range(COLUMNS):
        role = "input" if k == 0 else "output" if k == COLUMNS - 1 else "hidden"
        ids = []
        for row in range(PER_COLUMN):
            neuron_id = f"{role[0]}{k}_{row}"
            activation, bias = (None, None) if role == "input" else ("tanh", 0.0)
            network.add_neuron(Neuron(neuron_id, role, activation, bias, k * 300.0, row * 60.0))
            ids.append(neuron_id)
        columns.append(ids)
    for left, right in itertools.pairwise(columns):
        for target in right:
            for source in rng.choice(left, FAN_IN, replace=False):
                network.connect(str(source), target, float(rng.normal()))
    return network


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    app = QApplication.instance() or QApplication([])
    network = big_network()
    print(f"{len(network.neurons)} neurons, {len(network.connections)} connections")
    document = Document(network)
    results = {}

    scenes = []
    results["build"] = best_of(3, lambda: scenes.append(NetworkScene(document)))
    scene = scenes[-1]
    view = NetworkView(scene)
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    view.fit()
    app.processEvents()  # the first paint fills the item caches
    results["repaint"] = best_of(5, view.viewport().repaint)

    image = QImage(1400, 900, QImage.Format.Format_ARGB32_Premultiplied)

    def render() -> None:
        painter = QPainter(image)
        view.render(painter)
        painter.end()

    render()
    results["render"] = best_of(5, render)
    view.hide()  # moves and restyles are timed without painting, as before
    app.processEvents()

    item = scene.neuron_items["h2_50"]
    offsets = iter(range(1, 1000))

    def move() -> None:
        step = next(offsets)
        item.move_to(600.0 + step, 3000.0 + step)
        app.processEvents()

    results["move"] = best_of(5, move)

    rng = np.random.default_rng(1)

    def restyle(drift: float | None) -> float:
        noise = rng.normal(size=len(network.connections))
        for c, w in zip(network.connections, noise, strict=True):
            # The model's change is not timed.
            network.set_weight(*c.key, float(w) if drift is None else c.weight + drift * float(w))
        start = time.perf_counter()
        scene.restyle_all()
        return time.perf_counter() - start

    results["restyle"] = min(restyle(None) for _ in range(5))
    results["drift"] = min(restyle(0.01) for _ in range(5))

    for name, seconds in results.items():
        target = TARGETS[name]
        print(
            f"{name:8s} {seconds * 1000:8.1f} ms   target {target * 1000:6.0f} ms   "
            f"ratio {seconds / target:5.2f}"
        )
    if "--more" in sys.argv:
        for name, seconds in more(app, network, scene, view).items():
            print(f"{name:48s} {seconds * 1000:8.1f} ms")
    return 0


def more(app: QApplication, network: Network, scene: NetworkScene, view: NetworkView) -> dict:
    """Figures without targets: repaints zoomed in, a training frame, a selection, a small network."""
    results = {}
    view.show()
    rng = np.random.default_rng(2)

    def training_frame() -> float:
        noise = rng.normal(size=len(network.connections))
        for c, w in zip(network.connections, noise, strict=True):
            network.set_weight(*c.key, c.weight + 0.01 * float(w))
        start = time.perf_counter()
        scene.restyle_all()
        app.processEvents()  # the repaint it asks for
        return time.perf_counter() - start

    view.fit()
    app.processEvents()
    results["training frame: drift, restyle and repaint"] = min(training_frame() for _ in range(5))
    for scale in (0.3, 0.6, 1.2):
        view.resetTransform()
        view.scale(scale, scale)
        view.centerOn(600.0, 3000.0)
        app.processEvents()
        results[f"repaint zoomed to {scale}"] = best_of(3, view.viewport().repaint)
    view.fit()
    app.processEvents()
    start = time.perf_counter()
    scene.select([], list(scene.connection_items)[:2000])
    app.processEvents()
    results["select 2,000 connections and paint"] = time.perf_counter() - start
    view.hide()

    spiral = NetworkScene(Document(load_network(example_path("spiral"))))
    small = NetworkView(spiral)
    small.resize(1400, 900)
    small.show()
    app.processEvents()
    small.fit()
    app.processEvents()
    results["repaint of the spiral example (152 connections)"] = best_of(
        7, small.viewport().repaint
    )
    return results


if __name__ == "__main__":
    raise SystemExit(main())
