"""The output view's ranges: the inputs' span for the axes, and each neuron's one colour scale.

A neuron's colour scale is its activation's range (sigmoid 0 to 1, tanh −1 to
1). An unbounded end (linear, relu's top) is taken from the targets when the
neuron is an output with data, else from the values shown, so the same neuron
gets the same scale whether it is hovered or drawn as the output.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from playground.engine.activations import output_range
from playground.model.dataset import Dataset
from playground.model.network import Network

NEGATIVE, MIDDLE, POSITIVE = "#f59322", "#f2f2ee", "#0877bd"  # TF Playground's orange and blue
COLOUR_MAP = pg.ColorMap([0.0, 0.5, 1.0], [NEGATIVE, MIDDLE, POSITIVE])
# Beyond this a coordinate is not drawn: pyqtgraph's scene arithmetic overflows long before 1e308.
DRAWABLE = 1e12


def drawable(values: np.ndarray) -> np.ndarray:
    """Where values are finite and small enough for the plot's arithmetic."""
    with np.errstate(invalid="ignore"):
        return np.isfinite(values) & (np.abs(values) <= DRAWABLE)


def input_ranges(data: Dataset | None, inputs: int) -> list[tuple[float, float]]:
    """For each input, the span of the data's values with a margin; (-1, 1) without data."""
    if data is None or data.train_x.shape[1] != inputs:
        return [(-1.0, 1.0)] * inputs
    x = np.concatenate(
        [part for part in (data.train_x, data.test_x) if len(part)] or [np.zeros((0, inputs))]
    )
    ranges = []
    for column in x.T:
        column = column[drawable(column)]
        if len(column) == 0:
            ranges.append((-1.0, 1.0))
            continue
        low, high = float(column.min()), float(column.max())
        # A single sample (or one value of an input) has no span: show a unit around it instead.
        margin = 0.08 * (high - low) if high > low else 1.0
        ranges.append((low - margin, high + margin))
    return ranges


def targets_of(data: Dataset | None, output: int) -> np.ndarray:
    """The drawable targets of one output, training and test together (none without data)."""
    if data is None or data.train_y.shape[1] <= output:
        return np.zeros(0)
    y = np.concatenate(
        [part[:, output] for part in (data.train_y, data.test_y) if len(part)] or [np.zeros(0)]
    )
    return y[drawable(y)]


def target_levels(data: Dataset | None, output: int) -> tuple[float, float]:
    """The span of the data's targets for an output, else 0 to 1."""
    y = targets_of(data, output)
    if len(y) == 0:
        return 0.0, 1.0
    low, high = float(y.min()), float(y.max())
    return (low, high) if high > low else (low - 1.0, high + 1.0)


def colour_levels(activation: str, reference: np.ndarray, symmetric: bool) -> tuple[float, float]:
    """A neuron's colour scale: its activation's range, unbounded ends taken from `reference`
    (the targets, or else the values shown); `symmetric` centres an unbounded scale on 0."""
    low, high = output_range(activation)
    if np.isfinite(low) and np.isfinite(high):
        return low, high
    seen = reference[drawable(reference)]
    if seen.size == 0:
        seen = np.array([0.0, 1.0])
    if not np.isfinite(low) and not np.isfinite(high) and symmetric:
        reach = max(float(np.abs(seen).max()), 1e-9)
        return -reach, reach
    if not np.isfinite(low):
        low = min(float(seen.min()), high - 1e-9)
    if not np.isfinite(high):
        high = max(float(seen.max()), low + 1e-9)
    return low, high


def neuron_levels(network: Network, neuron_id: str, values: np.ndarray) -> tuple[float, float]:
    """A neuron's one colour scale, wherever it is drawn (the output view, hovered or not, and
    the canvas's neuron pictures)."""
    outputs = network.output_ids()
    # An input neuron passes its value on unchanged, unbounded like a linear one.
    activation = network.neuron(neuron_id).activation or "linear"
    if neuron_id in outputs:
        targets = targets_of(network.data, outputs.index(neuron_id))
        if len(targets):
            return colour_levels(activation, targets, symmetric=False)
    return colour_levels(activation, values, symmetric=True)
