"""Loading a large network file, and checking an edit on a large network, against a target.

    python benchmarks/load_speed.py                 # this checkout
    python benchmarks/load_speed.py --against REV   # ... side by side with git revision REV

A file of 5,000 neurons and 100,000 connections (a random DAG) is written three ways,
its connections listed in topological order, shuffled, and reversed, and each is read
with `load_network`; the target is under 1 s in any order. Then, on a network of 500
neurons and 10,000 connections, the app's Document checks one new connection (it used
to deep-copy the network to do so). With --against, the same measurements run on a
git worktree of REV in a second interpreter, and the ratios are printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEURONS, CONNECTIONS = 5_000, 100_000
EDIT_NEURONS, EDIT_CONNECTIONS = 500, 10_000
TARGET_SECONDS = 1.0
REPEATS = 3


def random_dag(neurons: int, connections: int, seed: int) -> dict:
    """A network document: 2 inputs, one output, hidden neurons between, edges only forward."""
    rng = random.Random(seed)
    ids = ["i1", "i2"] + [f"h{k}" for k in range(1, neurons - 2)] + ["o1"]
    entries = []
    for k, neuron_id in enumerate(ids):
        role = "input" if k < 2 else ("output" if k == len(ids) - 1 else "hidden")
        entry = {"id": neuron_id, "role": role, "x": float(k), "y": 0.0}
        if role != "input":
            entry.update(activation="tanh", bias=0.0)
        entries.append(entry)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < connections:
        a, b = sorted(rng.sample(range(len(ids)), 2))
        if b >= 2:  # nothing into an input
            pairs.add((a, b))
    edges = [
        {"source": ids[a], "target": ids[b], "weight": round(rng.uniform(-1, 1), 3)}
        for a, b in sorted(pairs)
    ]
    return {
        "format": "nn-playground",
        "version": 1,
        "neurons": entries,
        "connections": edges,
        "loss": "squared_error",
    }


def best_of(action, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure() -> dict[str, float]:
    """The figures of the package this interpreter imports."""
    from playground.model.connection import Connection
    from playground.model.network_file import load_network, network_from_dict

    figures: dict[str, float] = {}
    document = random_dag(NEURONS, CONNECTIONS, seed=1)
    orders = {
        "listed in order": document["connections"],
        "shuffled": random.Random(2).sample(document["connections"], CONNECTIONS),
        "reversed": document["connections"][::-1],
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, edges in orders.items():
            path = Path(folder) / "big.json"
            path.write_text(json.dumps({**document, "connections": edges}), encoding="utf-8")
            figures[f"load 5,000 / 100,000, {name}"] = best_of(
                lambda path=path: load_network(path), 1
            )

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from playground.gui.document import Document

    _app = QApplication.instance() or QApplication([])
    network = network_from_dict(random_dag(EDIT_NEURONS, EDIT_CONNECTIONS, seed=3))
    edit = Document(network)
    free = next(
        (f"h{a}", f"h{b}")
        for a in range(1, 50)
        for b in range(a + 1, 400)
        if not network.has_connection(f"h{a}", f"h{b}")
    )

    def check_one_connection() -> None:
        # What the canvas's connect tool asks before pushing the edit.
        edit.add_items([], [Connection(*free, 0.5)], "Add")
        edit.undo_stack.undo()

    figures["check one new connection, 500 / 10,000"] = statistics.median(
        best_of(check_one_connection, 1) for _ in range(5)
    )
    return figures


def figures_of(revision: str) -> dict[str, float]:
    """Run `measure` on a worktree of `revision`, in another interpreter."""
    repository = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        subprocess.run(
            ["git", "-C", str(repository), "worktree", "add", "--detach", str(tree), revision],
            check=True,
            capture_output=True,
        )
        try:
            environment = dict(os.environ, PYTHONPATH=str(tree / "src"))
            result = subprocess.run(
                [sys.executable, __file__, "--json"],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            subprocess.run(
                ["git", "-C", str(repository), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )
    return json.loads(result.stdout.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="also measure git revision REV")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = measure()
    if args.json:
        print(json.dumps(figures))
        return 0
    baseline = figures_of(args.against) if args.against else {}
    print(
        f"{'what':44} {'this tree':>10}" + (f" {args.against:>12} {'ratio':>7}" if baseline else "")
    )
    for name, seconds in figures.items():
        row = f"{name:44} {seconds * 1000:8.0f} ms"
        if name in baseline:
            row += f" {baseline[name] * 1000:9.0f} ms {baseline[name] / seconds:6.1f}×"
        print(row)
    slowest = max(v for k, v in figures.items() if k.startswith("load"))
    print(f"slowest load {slowest:.2f} s; target under {TARGET_SECONDS:g} s in any order")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
