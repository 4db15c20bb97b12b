"""Compare every analytic gradient of the batched engine with a central finite difference."""

from dataclasses import dataclass

import numpy as np

from playground.engine.compiled_network import CompiledNetwork
from playground.model.dataset import Dataset
from playground.model.network import Network

# Gradients smaller than this are compared absolutely: below it, the round-off of
# the finite difference itself is as large as the quantity.
ERROR_FLOOR = 1e-5


@dataclass
class ParameterCheck:
    name: str  # "w h1 → o1" or "b o1"
    analytic: float
    numeric: float

    @property
    def relative_error(self) -> float:
        scale = max(abs(self.analytic), abs(self.numeric), ERROR_FLOOR)
        return abs(self.analytic - self.numeric) / scale


@dataclass
class GradientCheck:
    parameters: list[ParameterCheck]
    samples: int

    @property
    def worst(self) -> ParameterCheck | None:
        return max(self.parameters, key=lambda p: p.relative_error, default=None)

    @property
    def max_relative_error(self) -> float:
        worst = self.worst
        return worst.relative_error if worst else 0.0


def check_sample(network: Network, samples: int = 8, seed: int = 0) -> Dataset:
    """Seeded random inputs and targets in (0, 1), for a network without data."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, len(network.input_ids())))
    t = rng.uniform(0.05, 0.95, size=(samples, len(network.output_ids())))
    return Dataset(train_x=x, train_y=t)


def check_gradients(
    network: Network, dataset: Dataset | None = None, step: float = 1e-3
) -> GradientCheck:
    """Analytic ∂L/∂w, ∂L/∂b of the mean train loss against the five-point central difference.

    (−L(p+2h) + 8L(p+h) − 8L(p−h) + L(p−2h)) / 12h has an error of order h⁴, so the
    comparison measures the engine, not the finite difference.
    """
    data = dataset if dataset is not None and len(dataset.train_x) else check_sample(network)
    x, t = data.train_x, data.train_y
    compiled = CompiledNetwork(network)
    gradients = compiled.backward(compiled.forward(x), t)

    def numeric(array: np.ndarray, index: tuple) -> float:
        original = array[index]
        losses = []
        for offset in (2 * step, step, -step, -2 * step):
            array[index] = original + offset
            losses.append(compiled.mean_loss(x, t))
        array[index] = original
        return (-losses[0] + 8 * losses[1] - 8 * losses[2] + losses[3]) / (12 * step)

    checks = []
    for k, level in enumerate(compiled.levels[1:], start=1):
        for (source, target), row, col in zip(
            level.connection_keys, level.connection_rows, level.connection_cols
        ):
            checks.append(
                ParameterCheck(
                    f"w {source} → {target}",
                    float(gradients.weights[k][row, col]),
                    numeric(level.weights, (row, col)),
                )
            )
        for col, neuron_id in enumerate(level.ids):
            checks.append(
                ParameterCheck(
                    f"b {neuron_id}",
                    float(gradients.biases[k][col]),
                    numeric(level.biases, (col,)),
                )
            )
    return GradientCheck(checks, len(x))
