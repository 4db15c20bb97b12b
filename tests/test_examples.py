"""The bundled examples: each loads, learns under its own settings, and 2-2-2 gives the published numbers."""

import math

import numpy as np
import pytest

from playground.engine.backward_stepper import forward_values, trace_sample
from playground.engine.trainer import Trainer
from playground.model.examples import example_names, example_path
from playground.model.network_file import load_network

EXAMPLES = ("circle", "sine", "skip_connection", "spiral", "two_two_two", "xor")

# Epochs enough for each example's train loss to fall clearly, yet a second or less of training.
BRIEF_EPOCHS = {
    "circle": 20,
    "sine": 30,
    "skip_connection": 30,
    "spiral": 150,
    "two_two_two": 20,
    "xor": 300,
}


def test_every_expected_example_is_bundled():
    bundled = set(example_names())
    assert set(EXAMPLES) <= bundled


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_loads_with_data_that_fits_and_a_descriptive_name(name):
    network = load_network(example_path(name))
    assert network.name and len(network.name) > 5
    assert network.output_ids() and network.input_ids()
    data = network.data
    assert data is not None and len(data.train_x) > 0
    assert data.train_x.shape[1] == len(network.input_ids())
    assert data.train_y.shape[1] == len(network.output_ids())


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_is_laid_out_in_columns_without_overlaps(name):
    network = load_network(example_path(name))
    columns = sorted({n.x for n in network.neurons})
    gaps = np.diff(columns)
    assert all(160 <= gap <= 200 for gap in gaps), gaps
    positions = [(n.x, n.y) for n in network.neurons]
    assert len(set(positions)) == len(positions)


def _initial_loss(network) -> float:
    trainer = Trainer(network)
    return trainer.loss("train")


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_learns_under_its_own_settings(name):
    network = load_network(example_path(name))
    before = _initial_loss(network)
    trainer = Trainer(network)
    trainer.run(until_epoch=BRIEF_EPOCHS[name])
    assert trainer.divergence is None
    assert trainer.epoch == BRIEF_EPOCHS[name]
    after = trainer.history.train_loss[-1]
    assert math.isfinite(after)
    assert after < 0.7 * before, (before, after)


def test_xor_example_solves_the_truth_table():
    network = load_network(example_path("xor"))
    x, t = network.data.train_x, network.data.train_y
    assert x.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert t.ravel().tolist() == [0, 1, 1, 0]
    assert [n.activation for n in network.neurons if not n.is_input] == ["sigmoid"] * 3
    trainer = Trainer(network)
    trainer.run(until_epoch=1500)
    trainer.store_parameters(network)
    outputs = [forward_values(network, list(row))["o1"].y for row in x]
    # Each output is on the right side of ½, by a wide margin.
    assert np.all(np.abs(np.array(outputs) - t.ravel()) < 0.1), outputs


def test_spiral_example_separates_its_arms_within_300_epochs():
    network = load_network(example_path("spiral"))
    trainer = Trainer(network)
    trainer.run(until_epoch=300)
    assert trainer.history.train_accuracy[-1] >= 0.9
    assert trainer.history.test_accuracy[-1] >= 0.85


def test_skip_connection_example_has_skips_two_outputs_and_an_output_feeding_another():
    network = load_network(example_path("skip_connection"))
    outputs = network.output_ids()
    assert len(outputs) == 2
    inputs = set(network.input_ids())
    assert any(c.source in inputs and c.target in outputs for c in network.connections)
    assert any(c.source in outputs for c in network.connections)


# ------------------------------------------------------------ the published worked example

# Matt Mazur, "A Step by Step Backpropagation Example" (2015): the 2-2-2 sigmoid network,
# inputs 0.05 and 0.10, targets 0.01 and 0.99, learning rate 0.5. His w1..w8 are, in order:
WEIGHT_NAMES = {
    "w1": ("i1", "h1"),
    "w2": ("i2", "h1"),
    "w3": ("i1", "h2"),
    "w4": ("i2", "h2"),
    "w5": ("h1", "o1"),
    "w6": ("h2", "o1"),
    "w7": ("h1", "o2"),
    "w8": ("h2", "o2"),
}
PUBLISHED_UPDATED_WEIGHTS = {
    "w1": "0.149780716",
    "w2": "0.19956143",
    "w3": "0.24975114",
    "w4": "0.29950229",
    "w5": "0.35891648",
    "w6": "0.408666186",
    "w7": "0.511301270",
    "w8": "0.561370121",
}


def _to_published_digits(value: float, published: str) -> str:
    """`value` rounded to as many decimals as the published figure shows."""
    decimals = len(published.split(".")[1])
    return f"{value:.{decimals}f}"


@pytest.fixture(scope="module")
def mazur_trace():
    network = load_network(example_path("two_two_two"))
    x, t = network.data.train_x[0].tolist(), network.data.train_y[0].tolist()
    assert (x, t) == ([0.05, 0.10], [0.01, 0.99])
    return trace_sample(network, x, t)


def test_two_two_two_total_error_matches_the_published_figure(mazur_trace):
    assert _to_published_digits(mazur_trace.loss, "0.298371109") == "0.298371109"


def test_two_two_two_chain_rule_pieces_match_the_published_figures(mazur_trace):
    steps = {s.neuron: s for s in mazur_trace.steps}
    out_o1 = mazur_trace.forward["o1"].y
    assert _to_published_digits(out_o1, "0.75136507") == "0.75136507"
    assert _to_published_digits(steps["o1"].dL_dy, "0.74136507") == "0.74136507"
    assert _to_published_digits(steps["o1"].dy_dz, "0.186815602") == "0.186815602"
    w5 = next(g for g in steps["o1"].weight_grads if g.source == "h1")
    assert _to_published_digits(w5.dL_dw, "0.082167041") == "0.082167041"
    assert _to_published_digits(steps["h1"].dL_dy, "0.036350306") == "0.036350306"
    assert _to_published_digits(steps["h1"].dy_dz, "0.241300709") == "0.241300709"
    w1 = next(g for g in steps["h1"].weight_grads if g.source == "i1")
    assert _to_published_digits(w1.dL_dw, "0.000438568") == "0.000438568"


@pytest.mark.parametrize("weight", sorted(PUBLISHED_UPDATED_WEIGHTS))
def test_two_two_two_updated_weight_matches_the_published_figure(mazur_trace, weight):
    source, target = WEIGHT_NAMES[weight]
    update = next(w for w in mazur_trace.update.weights if (w.source, w.target) == (source, target))
    published = PUBLISHED_UPDATED_WEIGHTS[weight]
    assert _to_published_digits(update.after, published) == published
