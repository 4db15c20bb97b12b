"""`playground check` speed on a network of 5,000 neurons and 100,000 connections.

    python benchmarks/check_speed.py [--quick]

The network: 40 inputs, four hidden tanh/relu layers of 1,230 neurons and 40
outputs, each neuron reading 20 random neurons of the layer before (105,000
weights and biases), 32 training samples as `check` uses.

"before" is the old check's cost: four full forward passes for every
parameter, measured on a few and multiplied out (running it takes over an
hour). "after" is `check_gradients` as the command runs it: a seeded sample of
2,000 parameters, each step redoing only the columns it changes. Both also
print the time per parameter, so the speed-up of the incremental pass alone
is shown apart from the sampling. Asserts nothing.
"""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from playground.cli import CHECK_PARAMETER_LIMIT, CHECK_SAMPLES, CHECK_SEED
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.gradient_check import check_gradients
from playground.model.dataset import Dataset
from playground.model.network import Network
from playground.model.neuron import Neuron

INPUTS, HIDDEN, LAYERS, OUTPUTS, FAN_IN = 40, 1230, 4, 40, 20


def big_network(seed: int = 0) -> tuple[Network, Dataset]:
    rng = np.random.default_rng(seed)
    network = Network(name="big", loss="squared_error")
    layers = [[f"i{k}" for k in range(INPUTS)]]
    for k in layers[0]:
        network.add_neuron(Neuron(k, "input", x=0.0, y=0.0))
    widths = [HIDDEN] * LAYERS + [OUTPUTS]
    for depth, width in enumerate(widths, start=1):
        role = "output" if depth == len(widths) else "hidden"
        activation = "tanh" if role == "output" or depth % 2 else "relu"
        ids = [f"n{depth}_{k}" for k in range(width)]
        for neuron_id in ids:
            bias = float(rng.normal(scale=0.1))
            network.add_neuron(Neuron(neuron_id, role, activation, bias, 200.0 * depth, 0.0))
        for neuron_id in ids:
            for source in rng.choice(layers[-1], size=FAN_IN, replace=False):
                network.connect(str(source), neuron_id, float(rng.normal(scale=0.3)))
        layers.append(ids)
    x = rng.normal(size=(CHECK_SAMPLES, INPUTS))
    t = rng.uniform(-0.5, 0.5, size=(CHECK_SAMPLES, OUTPUTS))
    return network, Dataset(train_x=x, train_y=t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller sample: a smoke run")
    args = parser.parse_args()
    limit = 100 if args.quick else CHECK_PARAMETER_LIMIT

    network, dataset = big_network()
    parameters = len(network.connections) + sum(not n.is_input for n in network.neurons)
    print(
        f"{len(network.neurons):,} neurons, {len(network.connections):,} connections, "
        f"{parameters:,} weights and biases, {CHECK_SAMPLES} samples"
    )

    compiled = CompiledNetwork(network)
    passes = 20
    start = time.perf_counter()
    for _ in range(passes):
        compiled.mean_loss(dataset.train_x, dataset.train_y)
    full_pass = (time.perf_counter() - start) / passes
    before = 4 * full_pass * parameters
    print(
        f"before: 4 full forward passes per parameter, {4 * full_pass * 1e3:.1f} ms each; "
        f"every parameter: {before:,.0f} s ({before / 60:.0f} min), no progress shown"
    )

    start = time.perf_counter()
    check = check_gradients(network, dataset, limit=limit, seed=CHECK_SEED)
    after = time.perf_counter() - start
    per_parameter = after / limit
    print(
        f"after: {limit:,} of {check.total:,} chosen at random: {after:.1f} s "
        f"({per_parameter * 1e3:.1f} ms per parameter, "
        f"{4 * full_pass / per_parameter:.1f}× faster per parameter than before; "
        f"{before / after:,.0f}× faster overall); largest relative error "
        f"{check.max_relative_error:.2g}, {check.skipped} skipped at kinks"
    )
    print(f"after, had every parameter been checked: about {per_parameter * parameters:,.0f} s")


if __name__ == "__main__":
    main()
