"""BLAS threads: one, two, or the engine's rule (playground.engine.blas_threads), side by side.

    python benchmarks/threads.py [--quick] [--repeats N] [--widths 16 64 256 1024]

Trains 2-W-W-1 tanh networks (batch 32, 256 training rows, no test rows) with
`Trainer.run`, the loop the app and `playground train` use, for W = 16, 64,
256 and 1024, three ways: BLAS held at one thread, at two, and the rule the
trainer applies by itself. Each is timed on the machine as it is, then again
with a busy background: one spinning Python process per core, as when other
programs (or other students' notebooks) share the machine. Times are the best
of a few runs, in milliseconds per minibatch (epoch-end measuring included).
The rule must never be slower than one thread; nothing here asserts a time.

Run it without OPENBLAS_NUM_THREADS set: a cap from the environment is
respected by the rule, and then there is only one thread to choose.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import numpy as np

# Run from a clone without installing: the package lives in src/ beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from playground.engine import blas_threads
from playground.engine.trainer import Trainer
from playground.model.connection import Connection
from playground.model.dataset import Dataset
from playground.model.initialisation import initialise_network
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings

BATCH = 32
ROWS = 256
SEED = 3
RULE = blas_threads.threads_for_work
# One count forced in place of the rule, or the rule itself.
MODES = {"1 thread": lambda *_: 1, "2 threads": lambda *_: 2, "rule": RULE}


def layered_network(width: int) -> Network:
    """2-W-W-1, tanh hidden and output neurons, seeded weights."""
    network = Network(loss="squared_error")
    layers = [
        [f"i{j}" for j in range(2)],
        [f"a{j}" for j in range(width)],
        [f"b{j}" for j in range(width)],
        ["o0"],
    ]
    for k, ids in enumerate(layers):
        for neuron_id in ids:
            if k == 0:
                network.add_neuron(Neuron(neuron_id, "input"))
            else:
                role = "output" if k == len(layers) - 1 else "hidden"
                network.add_neuron(Neuron(neuron_id, role, "tanh", 0.0))
    network.add_connections(
        [
            Connection(source, target, 0.0)
            for sources, targets in pairwise(layers)
            for target in targets
            for source in sources
        ]
    )
    initialise_network(network, "fan_in", SEED)
    return network


def dataset() -> Dataset:
    rng = np.random.default_rng(SEED)
    x = rng.uniform(-1, 1, (ROWS, 2))
    y = np.sign(x[:, :1] * x[:, 1:])
    return Dataset(x, y)


def batches_for(width: int, quick: bool) -> int:
    """About a second of work at one thread (a tenth with --quick)."""
    batches = {16: 4000, 64: 2000, 256: 300, 1024: 32}.get(width, max(16, 2_000_000 // width**2))
    return max(8, batches // 10) if quick else batches


def time_once(network: Network, data: Dataset, rule, batches: int) -> tuple[float, int]:
    """Seconds per minibatch of one run with this rule, and the threads it chose."""
    settings = TrainingSettings(learning_rate=0.01, batch_size=BATCH, seed=SEED)
    blas_threads.threads_for_work = rule
    try:
        trainer = Trainer(network, data, settings)
        trainer.run(max_batches=2)  # warm the caches and the thread pool
        start = time.perf_counter()
        trainer.run(max_batches=batches)
        return (time.perf_counter() - start) / batches, blas_threads._last_threads
    finally:
        blas_threads.threads_for_work = RULE


@contextmanager
def busy_background(processes: int):
    """One spinning Python process per core for the duration of the block."""
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(processes)
    ]
    try:
        time.sleep(0.5)  # let the scheduler see them
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait()


def measure(widths: list[int], quick: bool, repeats: int) -> dict[int, dict[str, tuple]]:
    data = dataset()
    results: dict[int, dict[str, tuple]] = {}
    for width in widths:
        network = layered_network(width)
        batches = batches_for(width, quick)
        runs: dict[str, list[tuple[float, int]]] = {mode: [] for mode in MODES}
        for _ in range(repeats):  # the modes take turns, so a busy moment hits all of them
            for mode, rule in MODES.items():
                runs[mode].append(time_once(network, data, rule, batches))
        results[width] = {
            mode: (
                min(seconds for seconds, _ in done),
                "/".join(map(str, sorted({threads for _, threads in done}))),
            )
            for mode, done in runs.items()
        }
    return results


def print_table(title: str, results: dict[int, dict[str, tuple]]) -> None:
    print(f"\n{title}; load average {os.getloadavg()[0]:.1f}")
    print(
        f"ms per minibatch of {BATCH} (best of runs); the threads the rule chose; rule ÷ 1 thread"
    )
    print(
        f"{'W':>6} {'work':>12} {'1 thread':>10} {'2 threads':>10} {'rule':>10} "
        f"{'chose':>6} {'rule/1':>7}"
    )
    for width, times in results.items():
        work = blas_threads.largest_product(BATCH, [np.zeros((width, width))])
        (one, _), (two, _), (rule, chosen) = times["1 thread"], times["2 threads"], times["rule"]
        print(
            f"{width:>6} {work:>12,} {one * 1e3:>10.3f} {two * 1e3:>10.3f} {rule * 1e3:>10.3f} "
            f"{chosen:>6} {rule / one:>7.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the work")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--widths", type=int, nargs="+", default=[16, 64, 256, 1024])
    parser.add_argument("--busy-only", action="store_true", help="skip the idle measurement")
    args = parser.parse_args()

    cores = os.cpu_count() or 1
    print(
        f"{cores} cores; BLAS starts {blas_threads.available_threads()} threads by itself; "
        f"two threads from {blas_threads.TWO_THREADS_FROM:,} multiply-adds a product"
    )
    if os.getloadavg()[0] > 0.5:
        print(f"(load average {os.getloadavg()[0]:.1f}: the machine is not idle to begin with)")
    if not args.busy_only:
        print_table("As the machine is", measure(args.widths, args.quick, args.repeats))
    with busy_background(cores):
        busy = measure(args.widths, args.quick, args.repeats)
    print_table(f"Busy: {cores} spinning processes in the background", busy)


if __name__ == "__main__":
    main()
