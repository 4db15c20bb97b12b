"""Training speed: this engine against PyTorch and against a hand-written numpy loop.

    python benchmarks/train_speed.py [--quick] [--repeats N]

Each way trains the same layered tanh network (2-8-8-8-8-8-8-1, TensorFlow
Playground's largest, and 2-64-64-1) from the same starting weights on the
same spiral data, with the same minibatches in the same order (one
`default_rng(seed).permutation` per epoch), plain SGD at the same learning rate
and the loss ½·mean over the batch of Σ(y − t)². Like the engine's trainer,
the two others measure the loss and accuracy on the train and test sets after
every epoch, so all three do the same work. Before timing, one epoch of each
is checked to end on the same weights; a timing of different computations
would mean nothing.

Everything runs on one core: the BLAS thread counts are pinned to 1 before
numpy is imported (set them yourself to override) and PyTorch is told
`set_num_threads(1)`. Times are the best of a few runs of the training loop
alone; building the network and the data is not timed.
"""

import os

# Before numpy is imported, or BLAS has already started its threads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

# Run from a clone without installing: the package sits in src/ beside this folder. With
# PYTHONPATH set, it is imported from there instead: how to time another checkout.
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from playground.engine.trainer import Trainer
from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.generators import generate
from playground.model.initialisation import initialise_network
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings

SEED = 7
FLOAT32 = "this engine in float32"
TORCH_VERSION = "2.13.0"

# Weights and biases of a layered network: W[k] is (width k, width k+1), inputs first.
Parameters = tuple[list[np.ndarray], list[np.ndarray]]


@dataclass(frozen=True)
class Case:
    widths: tuple[int, ...]
    train_samples: int
    test_samples: int
    batch_size: int
    learning_rate: float
    epochs: int
    quick_epochs: int

    @property
    def name(self) -> str:
        return "-".join(map(str, self.widths))


CASES = (
    Case((2, 8, 8, 8, 8, 8, 8, 1), 500, 500, 10, 0.03, epochs=300, quick_epochs=30),
    Case((2, 64, 64, 1), 8000, 2000, 32, 0.01, epochs=45, quick_epochs=3),
)


# ------------------------------------------------------------------ the problem


def layer_ids(widths: tuple[int, ...]) -> list[list[str]]:
    """Neuron ids layer by layer: i1.., h1_1.., …, o1.."""
    hidden = [[f"h{k}_{j + 1}" for j in range(w)] for k, w in enumerate(widths[1:-1], start=1)]
    inputs = [f"i{j + 1}" for j in range(widths[0])]
    outputs = [f"o{j + 1}" for j in range(widths[-1])]
    return [inputs, *hidden, outputs]


def build_network(case: Case) -> Network:
    """A fully connected tanh network with seeded Glorot weights and zero biases."""
    network = Network(loss="squared_error")
    layers = layer_ids(case.widths)
    for k, ids in enumerate(layers):
        for neuron_id in ids:
            if k == 0:
                network.add_neuron(Neuron(neuron_id, "input"))
            else:
                role = "output" if k == len(layers) - 1 else "hidden"
                network.add_neuron(Neuron(neuron_id, role, "tanh", 0.0))
    for sources, targets in pairwise(layers):
        for target in targets:
            for source in sources:
                network.connect(source, target, 0.0)
    initialise_network(network, "fan_in", SEED)
    return network


def make_dataset(case: Case) -> Dataset:
    samples = case.train_samples + case.test_samples
    return generate(
        GeneratorSpec(
            "spiral",
            samples=samples,
            noise=0.1,
            train_fraction=case.train_samples / samples,
            seed=SEED,
            labels=(-1.0, 1.0),
        )
    )


def settings_for(case: Case) -> TrainingSettings:
    return TrainingSettings(learning_rate=case.learning_rate, batch_size=case.batch_size, seed=SEED)


def matrices(widths: tuple[int, ...], weight: Callable, bias: Callable) -> Parameters:
    """W and b per layer, read through weight(source, target) and bias(neuron)."""
    layers = layer_ids(widths)
    weights = [
        np.array([[weight(s, t) for t in targets] for s in sources], dtype=float)
        for sources, targets in pairwise(layers)
    ]
    biases = [np.array([bias(t) for t in targets], dtype=float) for targets in layers[1:]]
    return weights, biases


def initial_parameters(case: Case) -> Parameters:
    network = build_network(case)
    return matrices(
        case.widths, lambda s, t: network.connection(s, t).weight, lambda t: network.neuron(t).bias
    )


# ------------------------------------------------------------------ the three ways


def train_engine(case: Case, epochs: int, dtype: type = np.float64) -> tuple[float, Parameters]:
    """Seconds for `Trainer.run(until_epoch=epochs)`, and the weights it ends on."""
    trainer = Trainer(build_network(case), make_dataset(case), settings_for(case), dtype)
    start = time.perf_counter()
    trainer.run(until_epoch=epochs)
    seconds = time.perf_counter() - start
    weights, biases = trainer.compiled.weights_by_key(), trainer.compiled.biases_by_id()
    return seconds, matrices(case.widths, lambda s, t: weights[s, t], biases.__getitem__)


def train_engine_float32(case: Case, epochs: int) -> tuple[float, Parameters]:
    """The engine training in float32 (`Trainer(..., dtype=np.float32)`)."""
    return train_engine(case, epochs, np.float32)


def train_by_hand(case: Case, epochs: int) -> tuple[float, Parameters]:
    """The same training as a plain numpy loop written for this one shape."""
    data = make_dataset(case)
    x, y, test_x, test_y = data.train_x, data.train_y, data.test_x, data.test_y
    W, b = initial_parameters(case)
    rate, size, layers = case.learning_rate, case.batch_size, len(W)
    rng = np.random.default_rng(SEED)
    history = []

    def forward(a: np.ndarray) -> list[np.ndarray]:
        ys = [a]
        for k in range(layers):
            a = np.tanh(a @ W[k] + b[k])
            ys.append(a)
        return ys

    def measure(inputs: np.ndarray, targets: np.ndarray) -> tuple[float, float]:
        out = forward(inputs)[-1]
        loss = 0.5 * ((out - targets) ** 2).sum(axis=1).mean()
        return loss, (np.where(out > 0.0, 1.0, -1.0) == targets).mean()

    start = time.perf_counter()
    for _ in range(epochs):
        order = rng.permutation(len(x))
        for first in range(0, len(x), size):
            batch = order[first : first + size]
            ys = forward(x[batch])
            dL_dz = (ys[-1] - y[batch]) * (1.0 - ys[-1] ** 2) / len(batch)
            for k in range(layers - 1, -1, -1):
                dW, db = ys[k].T @ dL_dz, dL_dz.sum(axis=0)
                if k:
                    dL_dz = (dL_dz @ W[k].T) * (1.0 - ys[k] ** 2)
                W[k] -= rate * dW
                b[k] -= rate * db
        history.append((measure(x, y), measure(test_x, test_y)))
    return time.perf_counter() - start, (W, b)


def train_torch(case: Case, epochs: int) -> tuple[float, Parameters]:
    """The same training with PyTorch on the CPU in float64: nn.Sequential, optim.SGD."""
    import torch

    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    data = make_dataset(case)
    x, y = torch.from_numpy(data.train_x), torch.from_numpy(data.train_y)
    test_x, test_y = torch.from_numpy(data.test_x), torch.from_numpy(data.test_y)
    W, b = initial_parameters(case)
    linears = [torch.nn.Linear(*w.shape) for w in W]
    with torch.no_grad():
        for linear, w, bias in zip(linears, W, b):
            linear.weight.copy_(torch.from_numpy(w.T))
            linear.bias.copy_(torch.from_numpy(bias))
    model = torch.nn.Sequential(*[m for linear in linears for m in (linear, torch.nn.Tanh())])
    optimiser = torch.optim.SGD(model.parameters(), lr=case.learning_rate)
    rng = np.random.default_rng(SEED)
    history = []

    def loss_of(out: "torch.Tensor", targets: "torch.Tensor") -> "torch.Tensor":
        return 0.5 * ((out - targets) ** 2).sum(dim=1).mean()

    def measure(inputs: "torch.Tensor", targets: "torch.Tensor") -> tuple[float, float]:
        with torch.no_grad():
            out = model(inputs)
            right = (torch.where(out > 0.0, 1.0, -1.0) == targets).double().mean()
            return float(loss_of(out, targets)), float(right)

    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(x)))
        for first in range(0, len(x), case.batch_size):
            batch = order[first : first + case.batch_size]
            optimiser.zero_grad()
            loss_of(model(x[batch]), y[batch]).backward()
            optimiser.step()
        history.append((measure(x, y), measure(test_x, test_y)))
    seconds = time.perf_counter() - start
    return seconds, (
        [linear.weight.detach().numpy().T.copy() for linear in linears],
        [linear.bias.detach().numpy().copy() for linear in linears],
    )


def torch_available() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


# ------------------------------------------------------------------ comparing


def largest_difference(a: Parameters, b: Parameters) -> float:
    return max(float(np.abs(p - q).max()) for p, q in zip(a[0] + a[1], b[0] + b[1]))


def best_time(train: Callable, case: Case, epochs: int, repeats: int) -> float:
    return min(train(case, epochs)[0] for _ in range(repeats))


def machine() -> str:
    model = next(
        (line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")),
        platform.processor() or "unknown CPU",
    )
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}"


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return []


def main(argv: list[str] | None = None) -> int:
    """Print the comparison; exit status 1 when the three ways do not compute the same weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few epochs, one run: a smoke test")
    parser.add_argument("--repeats", type=int, default=None, help="runs per way; the best counts")
    args = parser.parse_args(argv)
    repeats = args.repeats or (1 if args.quick else 3)
    ways: list[tuple[str, Callable]] = [
        ("this engine", train_engine),
        ("hand-written numpy", train_by_hand),
    ]
    if torch_available():
        import torch

        ways.append((f"PyTorch {torch.__version__} (CPU, float64)", train_torch))
    ways.append((FLOAT32, train_engine_float32))
    print(f"Machine: {machine()}")
    threads = ", ".join(
        f"{v}={os.environ.get(v, 'unset')}"
        for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE")
    )
    print(f"Threads: {threads}; best of {repeats} run(s)")
    if not torch_available():
        print(f"PyTorch is not installed; pip install torch=={TORCH_VERSION} to compare")

    agree = True
    for case in CASES:
        epochs = case.quick_epochs if args.quick else case.epochs
        print(
            f"\n{case.name}: {case.train_samples} samples (test {case.test_samples}), "
            f"batch {case.batch_size}, {epochs} epochs"
        )
        engine_weights = train_engine(case, 1)[1]
        for label, train in ways[1:]:
            difference = largest_difference(engine_weights, train(case, 1)[1])
            if label == FLOAT32:  # its own rounding: reported, not a disagreement
                print(f"  after one epoch, float32 vs float64 engine: {difference:.1e}")
                continue
            agree = agree and difference < 1e-10
            verdict = (
                "agree"
                if difference < 1e-10
                else "DISAGREE: the times below compare different things"
            )
            print(
                f"  after one epoch, largest weight difference engine vs {label}: "
                f"{difference:.1e} ({verdict})"
            )
        seconds = {label: best_time(train, case, epochs, repeats) for label, train in ways}
        print(f"  {'':<36}{'seconds':>9}{'epochs/s':>10}")
        for label, s in seconds.items():
            print(f"  {label:<36}{s:>9.3f}{epochs / s:>10.1f}")
        engine = seconds["this engine"]
        print(
            f"  engine time / hand-written loop time: {engine / seconds['hand-written numpy']:.2f}×"
        )
        if len(ways) > 3:
            print(f"  engine vs PyTorch: {seconds[ways[2][0]] / engine:.2f}× faster")
        print(f"  float64 engine time / float32 engine time: {engine / seconds[FLOAT32]:.2f}×")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
