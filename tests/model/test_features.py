"""Derived input features: the names, their values against hand math, the data and the file."""

import json
import math

import jsonschema
import numpy as np
import pytest

from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.errors import DataError, NetworkFileError
from playground.model.examples import schema_path
from playground.model.feature_inputs import (
    drop_feature,
    feature_choice_refusal,
    features_in_use,
    keep_features,
    use_feature,
)
from playground.model.features import (
    available_features,
    check_features,
    feature_columns,
    feature_label,
)
from playground.model.generators import generate
from playground.model.network_file import (
    load_network,
    network_from_dict,
    network_to_dict,
    save_network,
)

RAW = np.array([[0.5, -2.0], [3.0, 0.25], [-1.5, 1.0]])


def network_document(inputs: int, data: dict) -> dict:
    """Inputs i1..iN feeding one sigmoid output o1, with the given data block."""
    neurons = [{"id": f"i{k + 1}", "role": "input", "x": 0, "y": 100 * k} for k in range(inputs)]
    neurons.append(
        {"id": "o1", "role": "output", "activation": "sigmoid", "bias": 0.0, "x": 200, "y": 0}
    )
    return {
        "format": "nn-playground",
        "version": 1,
        "neurons": neurons,
        "connections": [
            {"source": f"i{k + 1}", "target": "o1", "weight": 0.5 - 0.25 * k} for k in range(inputs)
        ],
        "loss": "squared_error",
        "data": data,
    }


# ----------------------------------------------------------------- the names


def test_the_features_of_two_raw_columns_are_tf_playgrounds_seven():
    assert available_features(2) == (
        "x1",
        "x2",
        "x1^2",
        "x2^2",
        "x1*x2",
        "sin(x1)",
        "sin(x2)",
    )
    assert available_features(1) == ("x1", "x1^2", "sin(x1)")
    assert "x2*x3" in available_features(3) and "x3^2" in available_features(3)


@pytest.mark.parametrize(
    ("names", "reason"),
    [
        ([], "features is empty"),
        (["x1", "x3"], "reads raw column x3, but the data has 2 raw input columns"),
        (["x1^2", "x1^2"], "'x1^2' is listed twice"),
        (["cos(x1)"], "'cos(x1)' is not a feature"),
        (["X1"], "'X1' is not a feature"),
        (["x0"], "'x0' is not a feature"),
        (["x2*x1"], "write the feature 'x2*x1' as 'x1*x2'"),
        (["x1*x1"], "write the feature 'x1*x1' as 'x1^2'"),
        ([1], "a feature is a name such as 'x1^2', not 1"),
        (["x" + "9" * 5000], "'x" + "9" * 36 + "...' is not a feature"),
        ("x1", "features must be a list"),
    ],
)
def test_a_bad_feature_list_is_refused_with_the_reason(names, reason):
    with pytest.raises(DataError) as refusal:
        check_features(names, 2)
    assert reason in str(refusal.value)


def test_a_good_list_keeps_its_order():
    assert check_features(["sin(x2)", "x1", "x1*x2"], 2) == ("sin(x2)", "x1", "x1*x2")


def test_labels_are_the_symbols_the_app_shows():
    labels = [feature_label(name) for name in available_features(2)]
    assert labels == ["X₁", "X₂", "X₁²", "X₂²", "X₁X₂", "sin X₁", "sin X₂"]
    assert feature_label("x12^2") == "X₁₂²"


# ----------------------------------------------------------------- the values


def test_derived_columns_against_hand_math():
    names = ["x1^2", "x1*x2", "sin(x1)", "x2", "sin(x2)", "x2^2", "x1"]
    columns = feature_columns(names, RAW)
    for row, (a, b) in enumerate(RAW.tolist()):
        expected = [a * a, a * b, math.sin(a), b, math.sin(b), b * b, a]
        assert columns[row].tolist() == pytest.approx(expected, rel=1e-15, abs=0)


def test_the_dataset_feeds_the_network_the_derived_columns_and_keeps_the_raw_ones():
    data = Dataset(RAW, np.ones((3, 1)), RAW[:1], np.zeros((1, 1)), features=("x1*x2", "x2"))
    x, y = data.split("train")
    assert x.tolist() == [[a * b, b] for a, b in RAW.tolist()]
    assert np.array_equal(data.raw_split("train")[0], RAW)
    assert data.split("test")[0].tolist() == [[0.5 * -2.0, -2.0]]
    assert (data.raw_width, data.input_width) == (2, 2)
    assert np.array_equal(y, np.ones((3, 1)))


def test_a_dataset_refuses_features_its_raw_columns_cannot_give():
    with pytest.raises(DataError, match="reads raw column x2"):
        Dataset(RAW[:, :1], np.ones((3, 1)), features=("x2",))


def test_the_raw_columns_in_order_are_no_features_at_all():
    data = Dataset(RAW, np.ones((3, 1)))
    assert data.with_features(["x1", "x2"]).features is None
    assert data.with_features(["x2", "x1"]).features == ("x2", "x1")


# ----------------------------------------------------------------- the file


@pytest.mark.parametrize(
    "data",
    [
        {
            "generator": "circle",
            "samples": 60,
            "noise": 0.0,
            "train_fraction": 0.5,
            "seed": 3,
            "features": ["x1^2", "x2^2", "x1*x2"],
        },
        {
            "train": {"x": RAW.tolist(), "y": [[0.0], [1.0], [0.0]]},
            "test": {"x": [[0.1, 0.2]], "y": [[1.0]]},
            "features": ["sin(x1)", "x2", "x1*x2"],
        },
    ],
    ids=["generator", "table"],
)
def test_features_round_trip_through_a_file(tmp_path, data):
    network = network_from_dict(network_document(3, data))
    assert network.data.features == tuple(data["features"])
    path = tmp_path / "net.json"
    save_network(network, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["data"] == data
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.validate(written, schema)
    written["data"]["features"][0] = "cos(x1)"  # the reader refuses it, and so does the schema
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(written, schema)
    again = load_network(path)
    assert again.data.same_as(network.data)
    raw = again.data.raw_split("train")[0]
    assert raw.shape[1] == 2
    assert np.array_equal(again.data.split("train")[0], feature_columns(data["features"], raw))


def test_a_file_without_features_saves_without_them():
    data = {"train": {"x": RAW.tolist(), "y": [[0.0], [1.0], [0.0]]}}
    written = network_to_dict(network_from_dict(network_document(2, data)))
    assert "features" not in written["data"]


@pytest.mark.parametrize(
    ("inputs", "data", "message"),
    [
        (
            2,
            {"generator": "xor", "features": ["x1", "x2", "x1^2"]},
            "data.features: lists 3 features but the network has 2 input neurons",
        ),
        (
            1,
            {"generator": "xor", "features": ["x3"]},
            "data.features: the feature 'x3' reads raw column x3, but the data has 2 raw input",
        ),
        (
            2,
            {"train": {"x": [[1.0]], "y": [[0.0]]}, "features": ["x1", "x1^2", "tan(x1)"]},
            "data.features: 'tan(x1)' is not a feature",
        ),
        (
            1,
            {"train": {"x": [[1.0]], "y": [[0.0]]}, "features": "x1"},
            "data.features: expected a list, found the text 'x1'",
        ),
        (
            2,
            {"train": {"x": [[1.0, 2.0], [1.0]], "y": [[0.0], [1.0]]}, "features": ["x1", "x2"]},
            "data.train.x[1]: has 1 value, but the first row of data has 2: with features",
        ),
        (
            2,
            {
                "train": {"x": [[1.0, 2.0]], "y": [[0.0]]},
                "test": {"x": [[1.0, 2.0, 3.0]], "y": [[0.0]]},
                "features": ["x1", "x2"],
            },
            "data.test.x[0]: has 3 values, but the first row of data has 2",
        ),
    ],
)
def test_the_reader_refuses_bad_features_naming_the_place(inputs, data, message):
    with pytest.raises(NetworkFileError) as refusal:
        network_from_dict(network_document(inputs, data), "net.json")
    assert f"net.json: {message}" in str(refusal.value)


def test_a_generator_with_features_may_feed_more_inputs_than_it_makes():
    data = {"generator": "sine", "samples": 20, "features": ["x1", "x1^2", "sin(x1)"]}
    network = network_from_dict(network_document(3, data))
    raw = network.data.train_x
    assert raw.shape == (10, 1)
    assert np.allclose(network.data.split("train")[0], np.column_stack([raw, raw**2, np.sin(raw)]))


# ----------------------------------------------------------------- choosing features in a network


def circle_network(inputs: int = 2, features=None):
    data = {"generator": "circle", "samples": 40, "seed": 1}
    if features:
        data["features"] = features
    document = network_document(inputs, data)
    document["neurons"].insert(
        inputs, {"id": "h1", "role": "hidden", "activation": "tanh", "bias": 0.0, "x": 100, "y": 0}
    )
    document["connections"] += [
        {"source": f"i{k + 1}", "target": "h1", "weight": 0.1} for k in range(inputs)
    ]
    document["connections"].append({"source": "h1", "target": "o1", "weight": 0.3})
    return network_from_dict(document)


def test_using_a_feature_plans_an_input_below_the_others_wired_like_them():
    network = circle_network()
    plan = use_feature(network, "x1*x2", "fan_in", np.random.default_rng(0))
    assert plan.neuron.role == "input" and plan.neuron.label == "X₁X₂"
    assert (plan.neuron.x, plan.neuron.y) == (0.0, 200.0)  # the inputs are 100 apart
    assert [c.target for c in plan.connections] == ["o1", "h1"]
    assert all(c.source == plan.neuron.id for c in plan.connections)
    assert plan.data.features == ("x1", "x2", "x1*x2")
    assert network.data.features is None  # a plan changes nothing
    sine = use_feature(network, "sin(x2)", "fan_in", np.random.default_rng(0))
    assert sine.neuron.label == "sinX₂"  # no space: formulas take it as a subscript


def test_dropping_a_feature_names_the_input_neuron_it_fed():
    network = circle_network(3, ["x1", "x2", "x1^2"])
    drop = drop_feature(network, "x2")
    assert drop.neuron_id == "i2"
    assert drop.data.features == ("x1", "x1^2")
    # Back to the raw columns in order: no features at all.
    assert drop_feature(network, "x1^2").data.features is None


def test_choices_the_model_refuses():
    network = circle_network()
    rng = np.random.default_rng(0)
    with pytest.raises(DataError, match="already feeds"):
        use_feature(network, "x1", "fan_in", rng)
    with pytest.raises(DataError, match="not a feature of 2 raw"):
        use_feature(network, "x3", "fan_in", rng)
    with pytest.raises(DataError, match="feeds no input neuron"):
        drop_feature(network, "sin(x1)")
    alone = circle_network(1, ["x1^2"])
    with pytest.raises(DataError, match="at least one input"):
        drop_feature(alone, "x1^2")
    unfit = circle_network()
    unfit.remove_neuron("i2")  # circle's 2 columns for 1 input neuron
    assert "make them match" in feature_choice_refusal(unfit)
    with pytest.raises(DataError, match="make them match"):
        use_feature(unfit, "x1^2", "fan_in", rng)
    network.data = None
    assert features_in_use(network) == ()
    assert "no data yet" in feature_choice_refusal(network)


def test_new_data_keeps_the_features_it_can_feed():
    before = generate(GeneratorSpec("circle", samples=20)).with_features(["x1^2", "x2^2"])
    xor = keep_features(before, generate(GeneratorSpec("xor", samples=20)))
    assert xor.features == ("x1^2", "x2^2")
    sine = keep_features(before, generate(GeneratorSpec("sine", samples=20)))
    assert sine.features is None
