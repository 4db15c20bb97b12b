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

Fourth round of issue 14 ("any width"), `--cpu-time`, ms per epoch, before → after, on the
shared 2-core machine (other work on the second core moves a single epoch by 10-30 %):

    W        engine           hand loop        torch            torch/engine
    4        0.77 → 0.83      0.68 → 0.83      6.31 → 6.20      8.19× → 7.47×
    8        0.98 → 0.85      0.87 → 0.95      6.27 → 8.91      6.40× → 10.48×
    16       0.88 → 1.06      0.84 → 0.87      7.06 → 7.81      8.02× → 7.37×
    32       1.08 → 1.21      1.64 → 1.74      7.95 → 10.18     7.36× → 8.41×
    64       2.37 → 2.09      2.34 → 2.06      8.29 → 11.31     3.50× → 5.41×
    128      4.73 → 4.24      4.59 → 4.93      13.14 → 14.19    2.78× → 3.35×
    256      10.95 → 15.04    11.66 → 15.51    20.06 → 26.45    1.83× → 1.76×
    512      38.31 → 44.13    37.57 → 49.39    39.18 → 41.52    1.02× → 0.94×
    768      78.75 → 65.50    100.18 → 96.67   81.78 → 120.80   1.04× → 1.84×
    1024     148.89 → 124.99  170.81 → 148.16  121.13 → 158.08  0.81× → 1.26×

The after run met a busier machine (the hand loop and PyTorch too took up to a third longer at
W = 256-768); float32 engine then 1.5× float64's speed at W = 1024, 2.6× at 512; all three
ways on the same weights to 1e-12 at every width.

A single epoch a round is too noisy to tell 5 %; one trainer's epochs, best of 25, the engine
and PyTorch taking turns in one process (the same steps and measuring as here, other
weights), say more. W = 1024, torch/engine: before 0.87×, 0.89× (quiet), 0.91×, 0.97×
(loaded); after 1.10×, 1.11× (loaded). The engine before and after in turns, best of 6-8
processes: W = 4 to 32 the same within the noise (a step alone, best of 30 × 2,000: 2-8-8-1
62 µs both, 2-32-32-1 84-89 → 82-84 µs, 2-8-8-8-8-8-8-1 80-86 → 81-82 µs), W = 64, 256,
512, 768 1.03×, 1.07×, 1.11×, 1.28× faster.

What changed, at W = 1024 a step: a level of at least 2¹⁶ weights takes a plain SGD step
inside its ∂L/∂w product, one BLAS call C ← Aᵀ·B + C instead of a product into a gradient
array and a pass adding it (blas_update: 2.2-3.4 → 1.6-2.1 ms, bitwise the same weights);
backward hands the trainer −η·∂L/∂w (one scaling of the loss's ∂L/∂y), so any other update
is one pass over the parameters, not two (0.45 ms); the product of ∂L/∂y and f' is taken in
place; a one-neuron level's ∂L/∂y is a broadcast, not a BLAS outer product (27 against
53 µs). An epoch: a wide network is measured in chunks of at least its width in rows (640
rows at once, 23.7 ms against 27.3 in chunks of 128). What is left: the three GEMMs, 4.4 ms
in OpenBLAS (forward 1.44, ∂L/∂w 1.44, ∂L/∂y 1.46) against 3.7 in PyTorch's MKL (1.42, 0.97,
1.27); tanh, f', the bias add and sums (0.4 ms). Looked at and not the cause: page faults
(none in an epoch after the first), copies before products (every operand is C- or
F-contiguous; every layout of the three products times the same), other OpenBLAS core
types (slower), ∂L/∂w and the update in row blocks that stay in cache (2 %).
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
