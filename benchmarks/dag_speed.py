"""Training speed on graphs that are not layered: this engine, PyTorch and a hand loop.

    python benchmarks/dag_speed.py [--quick] [--rounds N]

Three graphs: a DenseNet-style one (every level reads every earlier level, inputs
included) and random DAGs of 300 neurons where each later neuron reads each
earlier one with probability p = 0.05 and p = 0.3. All tanh, squared error, on
spiral data, plain SGD, batch 32, the same minibatches in the same order (one
`default_rng(seed).permutation` per epoch); every way measures the loss and
accuracy on the train and test sets after each epoch, as the engine's trainer does.

The three ways:
- this engine: `Trainer.run`;
- PyTorch (one thread, float64), written with the same connectivity: per level,
  one masked dense product over the concatenated activations of the earlier
  levels it reads, autograd, `optim.SGD`;
- a hand loop in plain numpy that keeps every neuron's activation in one buffer in
  level order, so a level reads the columns [lowest source, level start) as a
  view and backward adds into one ∂L/∂y buffer with one `+=` per level: the limit.

A fourth, "engine f32", is the engine training in float32 (`train --float32`): its
one-epoch difference from float64 is printed, not checked; f64/f32 is the speed-up.

Before timing, one epoch of each is checked to end on the same weights (to 1e-12).
Then the contenders run in rounds, their order rotating, and the best time of each
counts; ratios are printed side by side. One thread each: the BLAS thread counts
are pinned to 1 before numpy is imported, and PyTorch is told `set_num_threads(1)`.

To time another checkout (the code before a change), set PYTHONPATH to its `src`:
this script then imports `playground` from there instead of from this clone.
"""

import os

# Before numpy is imported, or BLAS has already started its threads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Run from a clone without installing: the package sits in src/ beside this folder.
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from playground.engine.trainer import Trainer
from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.generators import generate
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings

SEED = 7
# Wall-clock time by default; --cpu-time counts only this process's own CPU time, which a
# machine busy with other work disturbs far less (every way here runs on one thread).
CLOCK = time.perf_counter
TRAIN, TEST, BATCH, RATE = 512, 128, 32, 0.01

# The weights a way ends on: by connection (source, target), and biases by neuron.
Result = tuple[dict[tuple[str, str], float], dict[str, float]]


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], Network]
    epochs: int
    quick_epochs: int


# ------------------------------------------------------------------ the graphs


def _network(hidden: int, edges: list[tuple[int, int]], seed: int) -> Network:
    """Neurons 0, 1 are inputs, then `hidden` tanh neurons, then one output; seeded weights."""
    rng = np.random.default_rng(seed)
    network = Network(loss="squared_error")
    ids = ["i1", "i2", *(f"h{k + 1}" for k in range(hidden)), "o1"]
    for k, neuron_id in enumerate(ids):
        if k < 2:
            network.add_neuron(Neuron(neuron_id, "input"))
        else:
            role = "output" if k == len(ids) - 1 else "hidden"
            network.add_neuron(Neuron(neuron_id, role, "tanh", float(rng.uniform(-0.1, 0.1))))
    fan_in: dict[int, int] = {}
    for _, target in edges:
        fan_in[target] = fan_in.get(target, 0) + 1
    for source, target in edges:
        weight = float(rng.normal(0.0, 1.0 / np.sqrt(fan_in[target])))
        network.connect(ids[source], ids[target], weight)
    return network


def densenet(levels: int = 8, growth: int = 12) -> Network:
    """Levels of `growth` neurons, each reading every earlier neuron; the output reads them all."""
    edges, earlier = [], [0, 1]
    for level in range(levels):
        own = list(range(2 + level * growth, 2 + (level + 1) * growth))
        edges += [(s, t) for t in own for s in earlier]
        earlier = earlier + own
    output = 2 + levels * growth
    edges += [(s, output) for s in earlier]
    return _network(levels * growth, edges, SEED)


def random_dag(neurons: int, p: float) -> Network:
    """Each non-input neuron reads each earlier neuron with probability p (file order)."""
    rng = np.random.default_rng(SEED)
    edges = [(s, t) for t in range(2, neurons) for s in range(t) if rng.random() < p]
    return _network(neurons - 3, edges, SEED)


CASES = (
    Case("DenseNet-style, 8 levels of 12", densenet, epochs=20, quick_epochs=2),
    Case("random DAG, 300 neurons, p = 0.05", lambda: random_dag(300, 0.05), 6, 1),
    Case("random DAG, 300 neurons, p = 0.3", lambda: random_dag(300, 0.3), 3, 1),
)


def dataset() -> Dataset:
    fraction = TRAIN / (TRAIN + TEST)
    spec = GeneratorSpec("spiral", TRAIN + TEST, 0.1, fraction, SEED, labels=(-1.0, 1.0))
    return generate(spec)


def settings() -> TrainingSettings:
    return TrainingSettings(learning_rate=RATE, batch_size=BATCH, seed=SEED)


@dataclass
class Layout:
    """The graph in level order, worked out here independently of the engine."""

    ids: list[str]  # buffer columns
    levels: list[tuple[int, int, int]]  # (start, stop, lowest source column) per level ≥ 1
    weights: list[np.ndarray]  # (stop_k... rows [low, start), neurons)
    masks: list[np.ndarray]
    biases: list[np.ndarray]
    output: int  # the output's column
    feeds: list[bool]  # whether the level reaches the output

    @staticmethod
    def of(network: Network) -> "Layout":
        sources: dict[str, list[str]] = {n.id: [] for n in network.neurons}
        for c in network.connections:
            sources[c.target].append(c.source)
        level: dict[str, int] = {}
        for n in network.neurons:  # file order is topological in these graphs
            level[n.id] = 0 if n.is_input else 1 + max((level[s] for s in sources[n.id]), default=0)
        ids = sorted(level, key=lambda i: level[i])  # stable: file order within a level
        column = {i: k for k, i in enumerate(ids)}
        depth = max(level.values())
        bounds = [0] * (depth + 2)
        for i in ids:
            bounds[level[i] + 1] = column[i] + 1
        layout = Layout(ids, [], [], [], [], column["o1"], [])
        for k in range(1, depth + 1):
            start, stop = bounds[k], bounds[k + 1]
            own = ids[start:stop]
            low = min((column[s] for i in own for s in sources[i]), default=start)
            w, m = np.zeros((start - low, stop - start)), np.zeros((start - low, stop - start))
            for j, target in enumerate(own):
                for s in sources[target]:
                    w[column[s] - low, j] = network.connection(s, target).weight
                    m[column[s] - low, j] = 1.0
            layout.levels.append((start, stop, low))
            layout.weights.append(w)
            layout.masks.append(m)
            layout.biases.append(np.array([network.neuron(i).bias for i in own]))
        reached = {layout.output}
        for k in range(depth - 1, -1, -1):
            start, stop, low = layout.levels[k]
            feeds = any(start <= c < stop for c in reached)
            layout.feeds.insert(0, feeds)
            if feeds:
                reached |= set(range(low, start))
        return layout

    def result(self, weights: list[np.ndarray], biases: list[np.ndarray]) -> Result:
        by_key, by_id = {}, {}
        for (start, stop, low), w, m, b in zip(self.levels, weights, self.masks, biases):
            for row, col in zip(*np.nonzero(m)):
                by_key[self.ids[low + row], self.ids[start + col]] = float(w[row, col])
            by_id.update(zip(self.ids[start:stop], map(float, b)))
        return by_key, by_id


# ------------------------------------------------------------------ the three ways


def train_engine(
    network: Network, data: Dataset, epochs: int, dtype: type = np.float64
) -> tuple[float, Result]:
    trainer = Trainer(network, data, settings(), dtype)
    start = CLOCK()
    trainer.run(until_epoch=epochs)
    seconds = CLOCK() - start
    return seconds, (trainer.compiled.weights_by_key(), trainer.compiled.biases_by_id())


def train_engine_float32(network: Network, data: Dataset, epochs: int) -> tuple[float, Result]:
    """The engine training in float32 (`Trainer(..., dtype=np.float32)`)."""
    return train_engine(network, data, epochs, np.float32)


def train_by_hand(network: Network, data: Dataset, epochs: int) -> tuple[float, Result]:
    """One activation buffer in level order; each level reads [lowest source, start) as a view."""
    layout = Layout.of(network)
    levels, out = layout.levels, layout.output
    W = [w.copy() for w in layout.weights]
    b = [bias.copy() for bias in layout.biases]
    M, feeds = layout.masks, layout.feeds
    width, inputs = len(layout.ids), levels[0][0]
    x, t = data.train_x, data.train_y
    rng = np.random.default_rng(SEED)
    history = []

    def forward(rows: np.ndarray) -> np.ndarray:
        Y = np.empty((len(rows), width))
        Y[:, :inputs] = rows
        for (start, stop, low), w, bias in zip(levels, W, b):
            Y[:, start:stop] = np.tanh(Y[:, low:start] @ w + bias)
        return Y

    def measure(rows: np.ndarray, targets: np.ndarray) -> tuple[float, float]:
        y = forward(rows)[:, out : out + 1]
        loss = 0.5 * ((y - targets) ** 2).sum(axis=1).mean()
        return loss, (np.where(y > 0.0, 1.0, -1.0) == targets).mean()

    start_time = CLOCK()
    for _ in range(epochs):
        order = rng.permutation(len(x))
        xs, ts = x[order], t[order]
        for first in range(0, len(x), BATCH):
            Y = forward(xs[first : first + BATCH])
            dY = np.zeros_like(Y)
            dY[:, out : out + 1] = (Y[:, out : out + 1] - ts[first : first + BATCH]) / len(Y)
            for k in range(len(levels) - 1, -1, -1):
                if not feeds[k]:
                    continue
                start, stop, low = levels[k]
                y = Y[:, start:stop]
                dZ = dY[:, start:stop] * (1.0 - y * y)
                dW = (Y[:, low:start].T @ dZ) * M[k]
                if start > inputs:
                    dY[:, low:start] += dZ @ W[k].T
                W[k] -= RATE * dW
                b[k] -= RATE * dZ.sum(axis=0)
        history.append((measure(x, t), measure(data.test_x, data.test_y)))
    return CLOCK() - start_time, layout.result(W, b)


def train_torch(network: Network, data: Dataset, epochs: int) -> tuple[float, Result]:
    """Per level, one masked dense product over the concatenated earlier levels it reads."""
    import torch

    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    layout = Layout.of(network)
    starts = [0] + [start for start, _, _ in layout.levels]
    # Each level reads whole earlier levels from the one holding its lowest source.
    first_level = [max(j for j, s in enumerate(starts) if s <= low) for _, _, low in layout.levels]
    weights, masks, biases = [], [], []
    for (start, _, low), w, m, b, first in zip(
        layout.levels, layout.weights, layout.masks, layout.biases, first_level
    ):
        pad = low - starts[first]  # columns of the first level read below the lowest source
        weights.append(torch.nn.Parameter(torch.from_numpy(np.pad(w, ((pad, 0), (0, 0))))))
        masks.append(torch.from_numpy(np.pad(m, ((pad, 0), (0, 0)))))
        biases.append(torch.nn.Parameter(torch.from_numpy(b.copy())))
    out_level = next(k for k, (s, e, _) in enumerate(layout.levels) if s <= layout.output < e)
    out_column = layout.output - layout.levels[out_level][0]
    optimiser = torch.optim.SGD([*weights, *biases], lr=RATE)
    x, t = torch.from_numpy(data.train_x), torch.from_numpy(data.train_y)
    test_x, test_y = torch.from_numpy(data.test_x), torch.from_numpy(data.test_y)
    rng = np.random.default_rng(SEED)
    history = []

    def model(rows: "torch.Tensor") -> "torch.Tensor":
        ys = [rows]
        for k in range(out_level + 1):  # levels past the output's do not change the loss
            earlier = torch.cat(ys[first_level[k] :], dim=1)
            ys.append(torch.tanh(earlier @ (weights[k] * masks[k]) + biases[k]))
        return ys[-1][:, out_column : out_column + 1]

    def loss_of(y: "torch.Tensor", targets: "torch.Tensor") -> "torch.Tensor":
        return 0.5 * ((y - targets) ** 2).sum(dim=1).mean()

    def measure(rows: "torch.Tensor", targets: "torch.Tensor") -> tuple[float, float]:
        with torch.no_grad():
            y = model(rows)
            right = (torch.where(y > 0.0, 1.0, -1.0) == targets).double().mean()
            return float(loss_of(y, targets)), float(right)

    start_time = CLOCK()
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(x)))
        for first in range(0, len(x), BATCH):
            batch = order[first : first + BATCH]
            optimiser.zero_grad()
            loss_of(model(x[batch]), t[batch]).backward()
            optimiser.step()
        history.append((measure(x, t), measure(test_x, test_y)))
    seconds = CLOCK() - start_time
    trimmed = [
        w.detach().numpy()[low - starts[first] :]
        for w, (_, _, low), first in zip(weights, layout.levels, first_level)
    ]
    return seconds, layout.result(trimmed, [b.detach().numpy() for b in biases])


def torch_available() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


# ------------------------------------------------------------------ comparing


def largest_difference(a: Result, b: Result) -> float:
    """The largest difference in any weight or bias; infinite when the keys differ."""
    if a[0].keys() != b[0].keys() or a[1].keys() != b[1].keys():
        return float("inf")
    return max(abs(a[d][k] - b[d][k]) for d in (0, 1) for k in a[d])


def main(argv: list[str] | None = None) -> int:
    """Print the comparison; exit status 1 when the ways do not end on the same weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few epochs, one round: a smoke test")
    parser.add_argument("--rounds", type=int, default=None, help="rounds; the best time counts")
    parser.add_argument("--cpu-time", action="store_true", help="time by process CPU time")
    parser.add_argument(
        "--no-float32", dest="float32", action="store_false", help="leave out the float32 engine"
    )
    args = parser.parse_args(argv)
    rounds = args.rounds or (1 if args.quick else 5)
    if args.cpu_time:
        global CLOCK
        CLOCK = time.process_time
    ways: dict[str, Callable] = {"engine": train_engine, "hand loop": train_by_hand}
    if torch_available():
        ways["torch"] = train_torch
    else:
        print("PyTorch is not installed: the torch column is left out")
    if args.float32:
        ways["engine f32"] = train_engine_float32
    import playground

    clock = "process CPU time" if args.cpu_time else "wall-clock time"
    print(f"playground from {Path(playground.__file__).parent}; best of {rounds} round(s), {clock}")
    data = dataset()
    agree = True
    networks = {case.name: case.build() for case in CASES}
    for case in CASES:
        network = networks[case.name]
        engine = train_engine(network, data, 1)[1]
        for label in list(ways)[1:]:
            difference = largest_difference(engine, ways[label](network, data, 1)[1])
            if label != "engine f32":  # float32 has its own rounding: reported, not checked
                agree = agree and difference < 1e-12
            print(f"{case.name}: after one epoch, engine vs {label}: {difference:.1e}")
    best: dict[tuple[str, str], float] = {}
    for round_number in range(rounds):
        for case in CASES:
            epochs = case.quick_epochs if args.quick else case.epochs
            labels = list(ways)
            labels = labels[round_number % len(labels) :] + labels[: round_number % len(labels)]
            for label in labels:
                seconds = ways[label](networks[case.name], data, epochs)[0] / epochs
                best[case.name, label] = min(best.get((case.name, label), np.inf), seconds)
    print(f"\n{'ms per epoch':<36}" + "".join(f"{label:>11}" for label in ways), end="")
    print(f"{'torch/engine':>14}{'engine/hand':>13}{'f64/f32':>9}")
    for case in CASES:
        network = networks[case.name]
        times = {label: best[case.name, label] for label in ways}
        print(f"{case.name:<36}" + "".join(f"{1000 * s:>11.1f}" for s in times.values()), end="")
        engine = times["engine"]
        torch_ratio = f"{times['torch'] / engine:.2f}×" if "torch" in times else "-"
        f32_ratio = f"{engine / times['engine f32']:.2f}×" if "engine f32" in times else "-"
        print(f"{torch_ratio:>14}{engine / times['hand loop']:>12.2f}×{f32_ratio:>9}")
        connections = len(network.connections)
        print(f"  ({len(network.neurons)} neurons, {connections} connections)")
    if not agree:
        print("The ways DISAGREE after one epoch: the times compare different computations")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
