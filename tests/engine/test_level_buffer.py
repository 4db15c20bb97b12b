"""The engine's one-buffer layout on DAGs that are far from layered, and on every example.

The batched engine is checked against two references that know nothing of buffers
or levels: finite differences of the loss computed neuron by neuron, and the
one-sample backward stepper."""

import numpy as np
import pytest

from playground.engine import compiled_level
from playground.engine.backward_stepper import forward_values, sample_loss, trace_sample
from playground.engine.compiled_level import Read
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.gradient_check import check_sample
from playground.model.examples import example_names, example_path
from playground.model.network import Network
from playground.model.network_file import load_network
from playground.model.neuron import Neuron

SMOOTH = ["tanh", "sigmoid", "sin", "softplus", "swish", "linear"]
CHAIN = 10  # hidden neurons in a chain: the network is at least this many levels deep


def skip_dag(seed: int) -> Network:
    """A chain of hidden neurons with random extra connections, an output fed by an input
    straight across the whole chain, and an output reading scattered earlier neurons."""
    rng = np.random.default_rng(seed)
    cross_entropy = seed % 2 == 1
    network = Network(name="dag", loss="binary_cross_entropy" if cross_entropy else "squared_error")
    for k in range(3):
        network.add_neuron(Neuron(f"i{k + 1}", "input"))
    hidden = [f"h{k + 1}" for k in range(CHAIN)]
    for neuron_id in hidden:
        activation = str(rng.choice(SMOOTH))
        network.add_neuron(Neuron(neuron_id, "hidden", activation, float(rng.uniform(-1, 1))))
    for k in (1, 2):
        activation = "sigmoid" if cross_entropy else str(rng.choice(SMOOTH))
        network.add_neuron(Neuron(f"o{k}", "output", activation, float(rng.uniform(-1, 1))))

    def connect(source: str, target: str) -> None:
        if not network.has_connection(source, target):
            network.connect(source, target, float(rng.uniform(-1.2, 1.2)))

    earlier = ["i1", "i2", "i3"]
    for k, neuron_id in enumerate(hidden):
        connect(earlier[-1] if k else "i2", neuron_id)  # the chain
        for source in earlier[:-1]:
            if rng.random() < 0.25:
                connect(source, neuron_id)
        earlier.append(neuron_id)
    connect(hidden[-1], "o1")
    connect("i1", "o1")  # across every level
    for source in ("i3", "h2", "h5", hidden[-2]):  # runs with gaps between them
        connect(source, "o2")
    return network


def batch(network: Network, seed: int, count: int = 4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(100 + seed)
    x = rng.uniform(-1, 1, (count, len(network.input_ids())))
    low = 0.05 if network.loss == "binary_cross_entropy" else -1.0
    return x, rng.uniform(low, 0.95, (count, len(network.output_ids())))


def reference_loss(network: Network, x: np.ndarray, t: np.ndarray) -> float:
    """The mean loss, neuron by neuron in plain Python floats."""
    return sum(
        sample_loss(network, forward_values(network, list(row)), list(target))
        for row, target in zip(x, t)
    ) / len(x)


def assert_matches_the_stepper(network: Network, x: np.ndarray, t: np.ndarray) -> None:
    """Forward values and every gradient of each sample, engine against stepper, to 1e-12."""
    compiled = CompiledNetwork(network)
    for row in range(len(x)):
        run = compiled.forward(x[row : row + 1])
        gradients = compiled.backward(run, t[row : row + 1])
        trace = trace_sample(network, list(x[row]), list(t[row]))
        values = forward_values(network, list(x[row]))
        for neuron_id, (level, column) in compiled.location.items():
            assert run.y[level][0, column] == pytest.approx(
                values[neuron_id].y, rel=1e-12, abs=1e-15
            )
        assert compiled.sample_losses(run, t[row : row + 1])[0] == pytest.approx(
            trace.loss, rel=1e-12, abs=1e-15
        )
        stepper_dw = {(g.source, g.target): g.dL_dw for s in trace.steps for g in s.weight_grads}
        stepper_db = {s.neuron: s.dL_db for s in trace.steps}
        found = 0
        for k, level in enumerate(compiled.levels[1:], start=1):
            for key, r, c in zip(
                level.connection_keys, level.connection_rows, level.connection_cols
            ):
                assert gradients.weights[k][r, c] == pytest.approx(
                    stepper_dw[key], rel=1e-12, abs=1e-15
                )
                found += 1
            for c, neuron_id in enumerate(level.ids):
                assert gradients.biases[k][c] == pytest.approx(
                    stepper_db[neuron_id], rel=1e-12, abs=1e-15
                )
        assert found == len(network.connections)


@pytest.fixture(params=["merged", "separate"])
def runs_layout(request, monkeypatch):
    """Both ways a level may read gappy sources: one run with zero rows, or several runs."""
    if request.param == "separate":
        monkeypatch.setattr(compiled_level, "MERGE_VALUES", 0)
    return request.param


@pytest.mark.parametrize("seed", range(5))
def test_a_deep_dag_with_skips_is_laid_out_as_meant(seed, runs_layout):
    network = skip_dag(seed)
    compiled = CompiledNetwork(network)
    assert len(compiled.levels) >= CHAIN + 2
    o1 = compiled.levels[compiled.location["o1"][0]]
    first = o1.reads[0]  # the skip reaches back to the inputs
    if runs_layout == "merged":  # one run across every level, read from the buffer
        assert first.level is None and first.columns.start == compiled.column["i1"]
    else:  # i1 alone, from the inputs' own array
        assert first == Read(0, slice(0, 1), slice(0, 1), whole=False)
    o2 = compiled.levels[compiled.location["o2"][0]]
    if runs_layout == "separate":
        assert len(o2.reads) >= 3  # i3, h2 and h5 are not neighbours
    else:
        assert len(o2.reads) == 1 and o2.mask is not None and not o2.mask.any(axis=1).all()
    # Runs tile the weight rows, and every connection sits in a row of a run holding its source.
    for level in compiled.levels[1:]:
        rows = [read.rows for read in level.reads]
        assert [r.start for r in rows] == [0, *(r.stop for r in rows[:-1])]
        assert (rows[-1].stop if rows else 0) == len(level.weights)
        for (source, _), row in zip(level.connection_keys, level.connection_rows):
            read = next(read for read in level.reads if read.rows.start <= row < read.rows.stop)
            offset = 0 if read.level is None else compiled.level_starts[read.level]
            assert offset + read.columns.start + row - read.rows.start == compiled.column[source]


@pytest.mark.parametrize("seed", range(5))
def test_a_deep_dag_with_skips_matches_the_stepper(seed, runs_layout):
    network = skip_dag(seed)
    x, t = batch(network, seed)
    assert_matches_the_stepper(network, x, t)


@pytest.mark.parametrize("seed", range(5))
def test_a_deep_dag_with_skips_matches_finite_differences(seed, runs_layout):
    network = skip_dag(seed)
    x, t = batch(network, seed)
    compiled = CompiledNetwork(network)
    gradients = compiled.backward(compiled.forward(x), t)
    assert compiled.mean_loss(x, t) == pytest.approx(reference_loss(network, x, t), rel=1e-12)
    h = 1e-5
    for k, level in enumerate(compiled.levels[1:], start=1):
        for (source, target), r, c in zip(
            level.connection_keys, level.connection_rows, level.connection_cols
        ):
            weight = network.connection(source, target).weight
            losses = []
            for step in (h, -h):
                network.set_weight(source, target, weight + step)
                losses.append(reference_loss(network, x, t))
            network.set_weight(source, target, weight)
            numeric = (losses[0] - losses[1]) / (2 * h)
            assert gradients.weights[k][r, c] == pytest.approx(numeric, rel=1e-6, abs=1e-9)
        for c, neuron_id in enumerate(level.ids):
            bias = network.neuron(neuron_id).bias
            losses = []
            for step in (h, -h):
                network.set_bias(neuron_id, bias + step)
                losses.append(reference_loss(network, x, t))
            network.set_bias(neuron_id, bias)
            numeric = (losses[0] - losses[1]) / (2 * h)
            assert gradients.biases[k][c] == pytest.approx(numeric, rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("name", example_names())
def test_every_example_matches_the_stepper(name):
    network = load_network(example_path(name))
    data = network.data if network.data is not None and len(network.data.train_x) else None
    x, t = (data or check_sample(network)).split("train")
    assert_matches_the_stepper(network, np.asarray(x[:3], float), np.asarray(t[:3], float))


def test_a_layered_network_reads_exactly_the_previous_level():
    network = load_network(example_path("spiral"))
    compiled = CompiledNetwork(network)
    for k, level in enumerate(compiled.levels[1:], start=1):
        size = compiled.level_sizes[k - 1]
        assert level.reads == [Read(k - 1, slice(0, size), slice(0, size), whole=True)]
        assert level.mask is None and not level.in_buffer
    assert compiled.forward(network.data.train_x).y_all is None  # no buffer to fill


def test_the_levels_parameters_are_views_of_one_flat_array_weights_first():
    compiled = CompiledNetwork(skip_dag(0))
    levels = compiled.levels[1:]
    compiled.parameters[:] = np.arange(compiled.parameters.size)
    seen = [level.weights.ravel() for level in levels] + [level.biases for level in levels]
    assert np.array_equal(np.concatenate(seen), np.arange(compiled.parameters.size))
    assert compiled.weight_count == sum(level.weights.size for level in levels)
