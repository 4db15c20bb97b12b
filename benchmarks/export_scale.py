"""One epoch of a big network on a big data set: `playground train` against the exported
PyTorch script, in one process and under `torchrun` with two.

    python benchmarks/export_scale.py [--samples 20000,200000] [--batch-size 100]
                                      [--threads 1] [--repeats 2] [--quick]

The network is a layered tanh 2-256-256-1 with seeded fan-in weights, trained with plain
SGD on the `circle` generator's samples (all of them training data); every way runs one
epoch and, as the engine does, measures the loss over the whole training set after it.
Each way is started as users start it, a fresh process from the command line, and timed
twice: the training loop alone (the `seconds` of its `--json` line) and the whole command
from start to exit (imports, reading the file or the script's data, starting the processes).

Every process gets one thread (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, MKL_NUM_THREADS = 1,
as torchrun itself sets for its processes; `--threads N` to change it), so the comparison is
one core against one core against two processes of one core. On a 2-core machine that
others share, two threads in one process were far slower than one (OpenMP's threads wait
on each other), so one thread is also the fair setting for the single process. No time is
asserted; the figures are printed side by side with the break-even point.
"""

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run from a clone without installing: the package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from playground.export.pytorch import pytorch_script
from playground.model.dataset import GeneratorSpec
from playground.model.generators import generate
from playground.model.initialisation import initialise_network
from playground.model.layout import layered_network
from playground.model.network import Network
from playground.model.network_file import save_network
from playground.model.training_settings import TrainingSettings

WIDTHS = (2, 256, 256, 1)
SEED = 7


def build_network(samples: int, batch_size: int) -> Network:
    """The layered tanh network with seeded weights and the circle data set of `samples` rows."""
    network = layered_network(
        list(WIDTHS), "tanh", "tanh", name=f"{'-'.join(map(str, WIDTHS))} on {samples:,} samples"
    )
    initialise_network(network, "fan_in", SEED)
    spec = GeneratorSpec("circle", samples=samples, noise=0.1, train_fraction=1.0, seed=SEED)
    network.data = generate(spec)
    network.training = TrainingSettings(learning_rate=0.01, batch_size=batch_size, seed=SEED)
    return network


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(command: list[str], repeats: int) -> tuple[float, float, float]:
    """(seconds of the training loop, seconds of the whole command, final train loss), each
    time the best of `repeats` runs: on a shared machine the slowest runs measure the others."""
    best_seconds = best_wall = float("inf")
    loss = float("nan")
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(command, check=False, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        report = json.loads(lines[-1])
        best_seconds, best_wall = min(best_seconds, report["seconds"]), min(best_wall, wall)
        loss = report["train_loss"][-1]
    return best_seconds, best_wall, loss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", default="20000,200000", help="comma-separated set sizes")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--threads", type=int, default=1, help="threads per process")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each way; the best counts")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2,000 samples")
    args = parser.parse_args()
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = str(args.threads)
    sizes = [2000] if args.quick else [int(s) for s in args.samples.split(",")]
    if args.quick:
        args.repeats = 1

    python = sys.executable
    print(f"{'-'.join(map(str, WIDTHS))} tanh, batch {args.batch_size}, one epoch")
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"{args.threads} thread(s) a process, load average {os.getloadavg()[0]:.1f} at the start"
    )
    print()
    header = f"{'samples':>9}  {'way':<28}{'training s':>11}{'whole run s':>13}{'final loss':>13}"
    print(header)
    print("-" * len(header))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for samples in sizes:
            network = build_network(samples, args.batch_size)
            file = Path(folder) / "network.json"
            script = Path(folder) / "network.py"
            save_network(network, file)
            start = time.perf_counter()
            script.write_text(pytorch_script(network, file.name), encoding="utf-8")
            export_seconds = time.perf_counter() - start
            ways = {
                "playground train": [python, "-m", "playground", "train", str(file)],
                "exported script, 1 process": [python, str(script)],
                "torchrun, 2 processes": [
                    *(python, "-m", "torch.distributed.run", "--nproc_per_node=2"),
                    f"--master_port={free_port()}",
                    str(script),
                ],
            }
            times = {}
            for way, command in ways.items():
                seconds, wall, loss = timed([*command, "--epochs", "1", "--json"], args.repeats)
                times[way] = (seconds, wall)
                print(f"{samples:>9,}  {way:<28}{seconds:>11.2f}{wall:>13.2f}{loss:>13.6f}")
            size_mb = script.stat().st_size / 1e6
            print(f"{'':>9}  (export took {export_seconds:.2f} s; the script is {size_mb:.1f} MB)")
            rows.append((samples, times))

    print()
    print("break-even, from the figures above (each time taken as fixed + per sample × samples):")
    engine = "playground train"
    for way in ("exported script, 1 process", "torchrun, 2 processes"):
        for column, label in ((0, "training loop"), (1, "whole command")):
            # Fit time = fixed + per_sample · samples through the smallest and largest sizes.
            (n0, t0), (n1, t1) = rows[0], rows[-1]
            if n0 == n1:
                a = b = None
            else:
                a = _line(n0, t0[engine][column], n1, t1[engine][column])
                b = _line(n0, t0[way][column], n1, t1[way][column])
            if a is None or b is None:
                print(f"  {way}, {label}: give two sizes to estimate it")
                continue
            print(f"  {way}, {label}: {_break_even(a, b)}")


def _line(n0: int, t0: float, n1: int, t1: float) -> tuple[float, float]:
    per_sample = (t1 - t0) / (n1 - n0)
    return t0 - per_sample * n0, per_sample


def _break_even(engine: tuple[float, float], other: tuple[float, float]) -> str:
    (fixed_e, slope_e), (fixed_o, slope_o) = engine, other
    if slope_o == slope_e:
        return "as fast per sample" + ("; slower overall" if fixed_o > fixed_e else "")
    # Where the two lines cross; past it, the one with the smaller slope is faster.
    crossing = (fixed_o - fixed_e) / (slope_e - slope_o)
    if slope_o <= 0:
        return "its cost per sample is lost in the noise: measure more sizes"
    ratio = slope_e / slope_o
    if slope_o < slope_e:
        if crossing <= 0:
            return f"faster at every size ({ratio:.2f}× the engine's speed per sample)"
        return f"pays off above about {crossing:,.0f} samples ({ratio:.2f}× per sample)"
    if crossing <= 0:
        return f"never pays off ({ratio:.2f}× the engine's speed per sample)"
    return f"faster only below about {crossing:,.0f} samples ({ratio:.2f}× per sample)"


if __name__ == "__main__":
    main()
