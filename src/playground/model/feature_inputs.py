"""Using a derived feature or dropping one: the input neuron it feeds, and the data's new list.

The k-th feature feeds the k-th input neuron in file order. Using a feature appends both
(a neuron goes to the end of the file order), so the pairing holds; dropping one removes the
neuron at that feature's place. The app turns each plan into one undoable edit.
"""

import itertools
import statistics
from dataclasses import dataclass

import numpy as np

from playground.model.connection import Connection
from playground.model.dataset import Dataset
from playground.model.errors import DataError
from playground.model.features import available_features, feature_label, identity_features
from playground.model.initialisation import initial_weight
from playground.model.layout import ROW_GAP
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.translation import translate


@dataclass(frozen=True)
class FeatureInput:
    """What using a feature adds: an input neuron, its connections, and the data naming it."""

    neuron: Neuron
    connections: list[Connection]
    data: Dataset


@dataclass(frozen=True)
class FeatureDrop:
    """What dropping a feature takes away: the input neuron it fed, and the data without it."""

    neuron_id: str
    data: Dataset


def features_in_use(network: Network) -> tuple[str, ...]:
    """The features the input neurons take now: the data's list, else its raw columns; () without data."""
    data = network.data
    if data is None:
        return ()
    return data.features if data.features is not None else identity_features(data.raw_width)


def keep_features(previous: Dataset | None, data: Dataset) -> Dataset:
    """New data (another generator, new points) feeding the features in use, where it can."""
    if previous is None or previous.features is None or data.features is not None:
        return data
    try:
        return data.with_features(previous.features)
    except DataError:  # the features read columns the new data lacks: its raw columns it is
        return data


def input_width_for(network: Network, raw_columns: int) -> int:
    """How many input neurons data of `raw_columns` raw columns would feed, keeping the features."""
    shaped = Dataset(np.zeros((0, raw_columns)), np.zeros((0, 0)))
    return keep_features(network.data, shaped).input_width


def feature_choice_refusal(network: Network) -> str | None:
    """Why features cannot be chosen for this network now, or None when they can."""
    data = network.data
    if data is None:
        return translate(
            "FeatureInputs",
            "the network has no data yet; choose a generator or import a CSV file first",
        )
    inputs = len(network.input_ids())
    if data.input_width != inputs:
        return translate(
            "FeatureInputs",
            "the data feeds {columns} input column(s) but the network has {inputs} "
            "input neuron(s); make them match before choosing features",
        ).format(columns=data.input_width, inputs=inputs)
    return None


def use_feature(
    network: Network, feature: str, scheme: str, rng: np.random.Generator
) -> FeatureInput:
    """A new input neuron for `feature`, below the other inputs and wired to what they feed."""
    used = _checked(network, feature)
    if feature in used:
        raise DataError(
            translate("FeatureInputs", "the feature {name} already feeds an input neuron").format(
                name=feature
            )
        )
    inputs = [network.neuron(i) for i in network.input_ids()]
    x, y = _below(inputs)
    # No space (sinX₁): formulas write a neuron's label as a subscript only when it has none,
    # and it fits inside the input square on the canvas.
    label = feature_label(feature).replace(" ", "")
    neuron = Neuron(network.fresh_id("input"), "input", x=x, y=y, label=label)
    # The same neurons the other inputs feed, in the order they first appear.
    targets = list(dict.fromkeys(c.target for i in inputs for c in network.outgoing(i.id)))
    connections = [
        Connection(
            neuron.id,
            target,
            # Drawn as for a new connection: the fans count it as already added.
            initial_weight(
                rng,
                len(network.incoming(target)) + 1,
                k + 1,
                network.neuron(target).activation_name,
                scheme,
            ),
        )
        for k, target in enumerate(targets)
    ]
    data = network.data
    assert data is not None  # _checked refused a network without data
    return FeatureInput(neuron, connections, data.with_features([*used, feature]))


def drop_feature(network: Network, feature: str) -> FeatureDrop:
    """The input neuron `feature` feeds, to remove, and the data without the feature."""
    used = _checked(network, feature)
    if feature not in used:
        raise DataError(
            translate("FeatureInputs", "the feature {name} feeds no input neuron").format(
                name=feature
            )
        )
    if len(used) == 1:
        raise DataError(
            translate(
                "FeatureInputs",
                "the network needs at least one input; choose another feature first",
            )
        )
    place = used.index(feature)
    data = network.data
    assert data is not None
    remaining = [name for name in used if name != feature]
    return FeatureDrop(network.input_ids()[place], data.with_features(remaining))


def _checked(network: Network, feature: str) -> tuple[str, ...]:
    refusal = feature_choice_refusal(network)
    if refusal:
        raise DataError(refusal)
    data = network.data
    assert data is not None
    if feature not in available_features(data.raw_width):
        raise DataError(
            translate(
                "FeatureInputs",
                "{name!r} is not a feature of {n} raw input column(s); choose one of {choices}",
            ).format(
                name=feature,
                n=data.raw_width,
                choices=", ".join(available_features(data.raw_width)),
            )
        )
    return features_in_use(network)


def _below(inputs: list[Neuron]) -> tuple[float, float]:
    """A place in the input column, one row below its lowest neuron."""
    if not inputs:
        return 0.0, 0.0
    rows = sorted(n.y for n in inputs)
    gaps = [b - a for a, b in itertools.pairwise(rows) if b > a]
    lowest = max(inputs, key=lambda n: n.y)
    return lowest.x, lowest.y + (statistics.median(gaps) if gaps else ROW_GAP)


# ----------------------------------------------------------------- plotting over the raw inputs


def _feeds_features(network: Network) -> bool:
    data = network.data
    return (
        data is not None
        and data.features is not None
        and data.input_width == len(network.input_ids())
    )


def plotted_inputs(network: Network) -> int:
    """How many raw inputs a plot of the output spans: the data's raw columns when features
    feed the input neurons, else one per input neuron."""
    data = network.data
    if data is not None and _feeds_features(network):
        return data.raw_width
    return len(network.input_ids())


def network_inputs(network: Network, raw_x: np.ndarray) -> np.ndarray:
    """What the input neurons take for rows of raw inputs (such as a plot's grid)."""
    data = network.data
    if data is not None and _feeds_features(network):
        return data.network_inputs(raw_x)
    return raw_x


def axis_names(network: Network) -> list[str]:
    """The name of each raw input a plot spans: X₁, X₂ with features, else the input neurons'."""
    if _feeds_features(network):
        return [feature_label(f"x{k + 1}") for k in range(plotted_inputs(network))]
    return [network.neuron(i).display_name for i in network.input_ids()]
