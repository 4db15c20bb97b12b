"""Canvas speed with 500 neurons and 10,000 connections, on the offscreen platform.

Measures building the scene from the model, one full repaint of a 1400×900 view,
moving one neuron (its connections follow), and restyling every connection after
all the weights change. Prints each time and its ratio to the target; asserts nothing.

    python benchmarks/canvas_speed.py
"""

import itertools
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from playground.gui.canvas.scene import NetworkScene
from playground.gui.canvas.view import NetworkView
from playground.gui.document import Document
from playground.model.network import Network
from playground.model.neuron import Neuron

COLUMNS, PER_COLUMN, FAN_IN = 5, 100, 25
TARGETS = {"build": 0.5, "repaint": 0.050, "move": 0.010, "restyle": 0.030}


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
    view.fit()
    image = QImage(1400, 900, QImage.Format.Format_ARGB32_Premultiplied)

    def repaint() -> None:
        painter = QPainter(image)
        view.render(painter)
        painter.end()

    repaint()  # the first paint fills the item caches
    results["repaint"] = best_of(5, repaint)

    item = scene.neuron_items["h2_50"]
    offsets = iter(range(1, 1000))

    def move() -> None:
        step = next(offsets)
        item.move_to(600.0 + step, 3000.0 + step)
        app.processEvents()

    results["move"] = best_of(5, move)

    rng = np.random.default_rng(1)

    def restyle() -> None:
        weights = {c.key: float(w) for c, w in zip(
            network.connections, rng.normal(size=len(network.connections)), strict=True)}
        for key, weight in weights.items():
            network.set_weight(*key, weight)  # the model's change is not timed
        start = time.perf_counter()
        scene.restyle_all()
        restyle.seconds = time.perf_counter() - start

    times = []
    for _ in range(5):
        restyle()
        times.append(restyle.seconds)
    results["restyle"] = min(times)

    for name, seconds in results.items():
        target = TARGETS[name]
        print(f"{name:8s} {seconds * 1000:8.1f} ms   target {target * 1000:6.0f} ms   "
              f"ratio {seconds / target:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
