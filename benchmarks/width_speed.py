"""Training speed by width: 2-W-W-1 for W = 4 … 1024, batch 32, engine vs hand loop vs PyTorch.

    python benchmarks/width_speed.py [--quick] [--rounds N] [--widths 256,1024]

The three ways are those of `train_speed.py` (the same tanh network, spiral data,
minibatches in the same order, plain SGD, the loss and accuracy of the train and
test sets measured after every epoch), run here over a range of widths. Before
timing, one epoch of each is checked to end on the same weights; then the ways run
in rounds, their order rotating, and the best time of each counts. One thread
each (see train_speed.py). With PYTHONPATH set, `playground` is imported from
there: how to time another checkout against this one.

A fourth way, "engine f32", is the engine training in float32 (`Trainer(dtype=np.float32)`,
what `train --float32` and Training ▸ Fast Training run); its one-epoch difference from
float64 is printed, not checked, and f64/f32 is float64's time over float32's.
"""

import os

# Before numpy is imported, or BLAS has already started its threads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))  # train_speed, beside this file

import train_speed
from train_speed import Case, largest_difference, torch_available

WIDTHS = (4, 8, 16, 32, 64, 128, 256, 512, 768, 1024)
TRAIN, TEST = 512, 128


def case_for(width: int, quick: bool) -> Case:
    # About the same work for every width, at least one epoch: an epoch at W = 1024 is ~1 s.
    epochs = max(1, min(100, 2**16 // width**2))
    return Case((2, width, width, 1), TRAIN, TEST, 32, 0.01, epochs, quick_epochs=1)


def main(argv: list[str] | None = None) -> int:
    """Print the comparison; exit status 1 when the ways do not end on the same weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one epoch, one round: a smoke test")
    parser.add_argument("--rounds", type=int, default=None, help="rounds; the best time counts")
    parser.add_argument("--widths", default=None, help="comma-separated widths to run")
    parser.add_argument("--cpu-time", action="store_true", help="time by process CPU time")
    parser.add_argument(
        "--no-float32", dest="float32", action="store_false", help="leave out the float32 engine"
    )
    args = parser.parse_args(argv)
    rounds = args.rounds or (1 if args.quick else 3)
    if args.cpu_time:
        # Only this process's CPU time, which other work on a busy machine disturbs far less:
        # train_speed's ways read their clock as time.perf_counter.
        train_speed.time = SimpleNamespace(perf_counter=time.process_time)  # type: ignore[assignment]
    widths = [int(w) for w in args.widths.split(",")] if args.widths else list(WIDTHS)
    ways: dict[str, Callable] = {
        "engine": train_speed.train_engine,
        "hand loop": train_speed.train_by_hand,
    }
    if torch_available():
        ways["torch"] = train_speed.train_torch
    if args.float32:
        ways["engine f32"] = train_speed.train_engine_float32
    import playground

    clock = "process CPU time" if args.cpu_time else "wall-clock time"
    print(f"playground from {Path(playground.__file__).parent}; best of {rounds} round(s), {clock}")
    print(f"2-W-W-1 tanh, {TRAIN} + {TEST} spiral samples, batch 32, one thread each")
    agree = True
    cases = {width: case_for(width, args.quick) for width in widths}
    for width, case in cases.items():
        engine = ways["engine"](case, 1)[1]
        for label in list(ways)[1:]:
            difference = largest_difference(engine, ways[label](case, 1)[1])
            if label == "engine f32":  # its own rounding: reported, not a disagreement
                print(f"W = {width}: float32 vs float64 engine after one epoch: {difference:.1e}")
                continue
            agree = agree and difference < 1e-12
            if difference >= 1e-12:
                print(f"W = {width}: engine and {label} DISAGREE after one epoch: {difference:.1e}")
    best: dict[tuple[int, str], float] = {}
    for round_number in range(rounds):
        for width, case in cases.items():
            epochs = case.quick_epochs if args.quick else case.epochs
            labels = list(ways)
            labels = labels[round_number % len(labels) :] + labels[: round_number % len(labels)]
            for label in labels:
                seconds = ways[label](case, epochs)[0] / epochs
                best[width, label] = min(best.get((width, label), float("inf")), seconds)
    print(f"\n{'W':>6}" + "".join(f"{label + ' ms':>15}" for label in ways), end="")
    print(f"{'engine/hand':>13}{'torch/engine':>14}{'f64/f32':>9}")
    for width in widths:
        times = {label: best[width, label] for label in ways}
        print(f"{width:>6}" + "".join(f"{1000 * s:>15.2f}" for s in times.values()), end="")
        engine = times["engine"]
        torch_ratio = f"{times['torch'] / engine:.2f}×" if "torch" in times else "-"
        f32_ratio = f"{engine / times['engine f32']:.2f}×" if "engine f32" in times else "-"
        print(f"{engine / times['hand loop']:>12.2f}×{torch_ratio:>14}{f32_ratio:>9}")
    if agree:
        print("All ways ended one epoch on the same weights (to 1e-12) at every width.")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
