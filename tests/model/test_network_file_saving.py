"""Writing network files: exact round trips, atomic saves, generator blocks, and the JSON Schema."""

import json
import os
import re
import stat
import struct
import tempfile

import jsonschema
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.model import network_file
from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.errors import NetworkFileError
from playground.model.examples import resources_folder, schema_path
from playground.model.network import Network
from playground.model.network_file import (
    load_network,
    network_from_dict,
    network_to_dict,
    save_network,
)
from playground.model.neuron import Neuron
from playground.model.training_settings import MAX_WHOLE, TrainingSettings
from playground.model.vocabulary import ACTIVATIONS, GENERATORS, LOSSES, ROLES

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = str(resources_folder() / "examples")
EXAMPLE = os.path.join(EXAMPLES, "two_two_two.json")
with open(schema_path(), encoding="utf-8") as f:
    SCHEMA = json.load(f)
KNOWN = ("format", "version", "name", "neurons", "connections", "loss", "training", "data")


def bits(value):
    """A JSON-like value with every float replaced by its exact bits, and types kept."""
    if isinstance(value, float):
        return ("float", struct.pack("<d", value))
    if isinstance(value, dict):
        return {k: bits(v) for k, v in value.items()}
    if isinstance(value, list):
        return [bits(v) for v in value]
    return (type(value).__name__, value)


def assert_identical(loaded: Network, original: Network) -> None:
    assert loaded == original
    assert bits(network_to_dict(loaded)) == bits(network_to_dict(original))
    for a, b in zip(loaded.connections, original.connections):
        assert a.weight.hex() == b.weight.hex()
    if original.data is not None:
        for a, b in zip(
            loaded.data.split("train") + loaded.data.split("test"),
            original.data.split("train") + original.data.split("test"),
        ):
            assert a.dtype == np.float64 and a.shape == b.shape and a.tobytes() == b.tobytes()


# ----------------------------------------------------------------- round trips


def test_load_save_load_is_identical_and_a_second_save_writes_the_same_bytes(tmp_path):
    original = load_network(EXAMPLE)
    save_network(original, tmp_path / "a.json")
    loaded = load_network(tmp_path / "a.json")
    assert_identical(loaded, original)
    save_network(loaded, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_fields_are_written_in_the_format_order_then_unknown_ones(tmp_path):
    network = load_network(EXAMPLE)
    network.extra = {"zebra": [1], "notes": {"é": "ü"}}
    network.neuron("h1").label = "hidden one"
    save_network(network, tmp_path / "net.json")
    text = (tmp_path / "net.json").read_text(encoding="utf-8")
    document = json.loads(text)
    assert list(document) == [*KNOWN, "zebra", "notes"]
    assert [list(n) for n in document["neurons"][:3]] == [
        ["id", "role", "x", "y"],
        ["id", "role", "x", "y"],
        ["id", "role", "label", "activation", "bias", "x", "y"],
    ]
    assert list(document["training"]) == ["learning_rate", "batch_size", "momentum", "l2", "seed"]
    assert '"é": "ü"' in text  # UTF-8, not \u escapes
    assert '    {"source": "i1", "target": "h1", "weight": 0.15},\n' in text  # one per line
    assert load_network(tmp_path / "net.json").extra == {"zebra": [1], "notes": {"é": "ü"}}


@pytest.mark.parametrize(
    "weight",
    [
        0.1,
        1 / 3,
        -0.0,
        5e-324,
        2.2250738585072014e-308,
        1.7976931348623157e308,
        -1e-300,
        123456789.12345679,
        float(2**53 + 1),
        np.float64(0.7),
    ],
)
def test_floats_read_back_to_the_same_bits(tmp_path, weight):
    network = load_network(EXAMPLE)
    network.set_weight("i1", "h1", weight)
    network.set_bias("o1", weight)
    network.data.train_x[0, 1] = weight
    save_network(network, tmp_path / "net.json")
    loaded = load_network(tmp_path / "net.json")
    expected = struct.pack("<d", float(weight))
    assert struct.pack("<d", loaded.connection("i1", "h1").weight) == expected
    assert struct.pack("<d", loaded.neuron("o1").bias) == expected
    assert struct.pack("<d", loaded.data.train_x[0, 1]) == expected
    assert type(loaded.connection("i1", "h1").weight) is float


finite = st.floats(allow_nan=False, allow_infinity=False)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | finite | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)


def rows(draw, count: int, width: int) -> np.ndarray:
    values = draw(st.lists(finite, min_size=count * width, max_size=count * width))
    return np.array(values, dtype=np.float64).reshape(count, width)


@st.composite
def networks(draw) -> Network:
    """A valid network: random roles, ids, numbers and labels; edges only forward in a random order."""
    loss = draw(st.sampled_from(LOSSES))
    network = Network(
        name=draw(st.none() | st.text(max_size=8)),
        loss=loss,
        training=TrainingSettings(
            learning_rate=draw(st.floats(min_value=0, exclude_min=True, allow_infinity=False)),
            batch_size=draw(st.integers(1, MAX_WHOLE)),
            momentum=draw(st.floats(min_value=0, max_value=1, exclude_max=True)),
            l2=draw(st.floats(min_value=0, allow_infinity=False)),
            seed=draw(st.integers(0, MAX_WHOLE)),
        ),
        extra=draw(
            st.dictionaries(
                st.text(max_size=6).filter(lambda k: k not in KNOWN), json_values, max_size=3
            )
        ),
    )
    roles = draw(st.lists(st.sampled_from(ROLES), max_size=7))
    ids = draw(
        st.lists(
            st.text(min_size=1, max_size=5), min_size=len(roles), max_size=len(roles), unique=True
        )
    )
    for neuron_id, role in zip(ids, roles):
        activation = bias = None
        if role != "input":
            sigmoid_only = role == "output" and loss == "binary_cross_entropy"
            activation = "sigmoid" if sigmoid_only else draw(st.sampled_from(ACTIVATIONS))
            bias = draw(finite)
        label = draw(st.none() | st.text(min_size=1, max_size=6))
        network.add_neuron(
            Neuron(neuron_id, role, activation, bias, draw(finite), draw(finite), label)
        )
    order = draw(st.permutations(ids))
    forward = [
        (s, t)
        for k, s in enumerate(order)
        for t in order[k + 1 :]
        if network.neuron(t).role != "input"
    ]
    if forward:
        for source, target in draw(st.lists(st.sampled_from(forward), unique=True, max_size=10)):
            network.connect(source, target, draw(finite))
    if draw(st.booleans()):
        n_in, n_out = len(network.input_ids()), len(network.output_ids())
        n_train, n_test = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        network.data = Dataset(
            rows(draw, n_train, n_in),
            rows(draw, n_train, n_out),
            rows(draw, n_test, n_in),
            rows(draw, n_test, n_out),
        )
    return network


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks())
def test_random_valid_networks_come_back_identical_to_the_bit(network):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "net.json")
        save_network(network, path)
        loaded = load_network(path)
        assert_identical(loaded, network)
        with open(path, encoding="utf-8") as handle:
            jsonschema.validate(json.load(handle), SCHEMA)


# ----------------------------------------------------------------- atomic saves


def _old_file(tmp_path):
    path = tmp_path / "net.json"
    path.write_text("the old contents", encoding="utf-8")
    return path


def test_a_failing_rename_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = _old_file(tmp_path)

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(NetworkFileError) as caught:
        save_network(load_network(EXAMPLE), path)
    assert str(caught.value) == f"{path}: cannot save: no space left on device"
    assert path.read_text(encoding="utf-8") == "the old contents"
    assert os.listdir(tmp_path) == ["net.json"]


@pytest.mark.parametrize("failure", [ValueError("broken"), KeyboardInterrupt()])
def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path, monkeypatch, failure
):
    path = _old_file(tmp_path)
    original, calls = network_file._encode, []

    def encode_then_fail(value):
        calls.append(1)
        if len(calls) > 5:  # some pieces are already in the temporary file
            raise failure
        return original(value)

    monkeypatch.setattr(network_file, "_encode", encode_then_fail)
    expected = KeyboardInterrupt if isinstance(failure, KeyboardInterrupt) else NetworkFileError
    with pytest.raises(expected):
        save_network(load_network(EXAMPLE), path)
    assert path.read_text(encoding="utf-8") == "the old contents"
    assert os.listdir(tmp_path) == ["net.json"]


def test_values_json_cannot_hold_are_refused_and_leave_the_old_file(tmp_path):
    path = _old_file(tmp_path)
    network = load_network(EXAMPLE)
    network.extra["tags"] = {"a", "b"}
    with pytest.raises(NetworkFileError, match=r"cannot save: Object of type set is not JSON"):
        save_network(network, path)
    assert path.read_text(encoding="utf-8") == "the old contents"
    assert os.listdir(tmp_path) == ["net.json"]


def test_a_missing_or_unwritable_folder_or_a_folder_as_target(tmp_path, monkeypatch):
    network = load_network(EXAMPLE)
    missing = tmp_path / "nowhere" / "net.json"
    with pytest.raises(NetworkFileError) as caught:
        save_network(network, missing)
    assert (
        str(caught.value) == f"{missing}: cannot save: the folder {missing.parent} does not exist"
    )
    with pytest.raises(NetworkFileError, match=r": cannot save: this is a folder$"):
        save_network(network, tmp_path)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, for whom chmod does not stop writing.
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(NetworkFileError) as caught:
        save_network(network, tmp_path / "net.json")
    assert str(caught.value) == (
        f"{tmp_path / 'net.json'}: cannot save: cannot write in the folder {tmp_path} "
        f"(permission denied)"
    )
    assert os.listdir(tmp_path) == []


def test_a_network_the_reader_would_refuse_is_not_written(tmp_path):
    network = load_network(EXAMPLE)
    network.add_neuron(Neuron("i3", "input"))  # the data rows still have two columns
    with pytest.raises(NetworkFileError) as caught:
        save_network(network, tmp_path / "net.json")
    assert str(caught.value).startswith(
        f"{tmp_path / 'net.json'}: cannot save: data.train.x[0]: has 2 values, but the network has 3"
    )
    assert os.listdir(tmp_path) == []


def test_saving_keeps_the_permissions_and_a_symlink(tmp_path):
    real = tmp_path / "real.json"
    save_network(load_network(EXAMPLE), real)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o666 & ~umask
    os.chmod(real, 0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    network = load_network(link)
    network.name = "renamed"
    save_network(network, link)
    assert link.is_symlink() and load_network(real).name == "renamed"
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o600


# ----------------------------------------------------------------- generator blocks


def two_one(data: dict) -> dict:
    """A 2-input, 1-output network document with this data block."""
    return {
        "format": "nn-playground",
        "version": 1,
        "neurons": [
            {"id": "a", "role": "input", "x": 0, "y": 0},
            {"id": "b", "role": "input", "x": 0, "y": 1},
            {"id": "out", "role": "output", "activation": "sigmoid", "bias": 0, "x": 1, "y": 0},
        ],
        "connections": [{"source": "a", "target": "out", "weight": 1}],
        "loss": "squared_error",
        "data": data,
    }


def test_a_generator_block_makes_the_generator_data_and_is_saved_as_a_block(tmp_path):
    generators = pytest.importorskip("playground.model.generators")
    block = {
        "generator": "xor",
        "samples": 40,
        "noise": 0.1,
        "train_fraction": 0.75,
        "seed": 3,
        "labels": [-1, 1],
    }
    network = network_from_dict(two_one(block))
    spec = GeneratorSpec("xor", 40, 0.1, 0.75, 3, (-1.0, 1.0))
    expected = generators.generate(spec)
    data = network.data
    assert data.generator == spec
    assert data.train_x.shape == (30, 2) and data.test_y.shape == (10, 1)
    assert set(data.train_y.ravel()) | set(data.test_y.ravel()) == {-1.0, 1.0}
    assert data.same_as(expected)
    save_network(network, tmp_path / "net.json")
    saved = json.loads((tmp_path / "net.json").read_text(encoding="utf-8"))
    assert saved["data"] == {
        "generator": "xor",
        "samples": 40,
        "noise": 0.1,
        "train_fraction": 0.75,
        "seed": 3,
        "labels": [-1.0, 1.0],
    }
    assert_identical(load_network(tmp_path / "net.json"), network)


def test_a_generator_block_takes_defaults_and_sine_fits_one_input():
    pytest.importorskip("playground.model.generators")
    document = two_one({"generator": "sine"})
    del document["neurons"][1]
    data = network_from_dict(document).data
    assert data.generator == GeneratorSpec("sine")
    assert data.train_x.shape == (200, 1) and data.test_x.shape == (200, 1)
    assert "labels" not in network_to_dict(network_from_dict(document))["data"]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ({"generator": "moons"}, f"data.generator: 'moons' is not one of {', '.join(GENERATORS)}"),
        (
            {"generator": "sine"},
            (
                "data.generator: sine makes rows of 1 input and 1 output, "
                "but the network has 2 input neurons and 1 output neuron"
            ),
        ),
        (
            {"generator": "xor", "train": {"x": [], "y": []}},
            "data: give either a generator or train/test tables, not both",
        ),
        ({"generator": "xor", "samples": 0}, "data: samples must be a whole number from 1 to"),
        (
            {"generator": "xor", "samples": 2.5},
            "data.samples: expected a whole number, found the number",
        ),
        (
            {"generator": "xor", "noise": "low"},
            "data.noise: expected a number, found the text 'low'",
        ),
        (
            {"generator": "xor", "labels": [0, "1"]},
            "data.labels[1]: expected a number, found the text",
        ),
        (
            {"generator": "xor", "labels": [1, 1]},
            "data: labels must be a pair of two different numbers",
        ),
    ],
)
def test_broken_generator_blocks_are_refused(block, expected):
    pytest.importorskip("playground.model.generators")
    with pytest.raises(NetworkFileError) as caught:
        network_from_dict(two_one(block), "gen.json")
    assert str(caught.value).startswith(f"gen.json: {expected}")


# ----------------------------------------------------------------- the JSON Schema

VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def example_files() -> list[str]:
    return sorted(name for name in os.listdir(EXAMPLES) if name.endswith(".json"))


def test_the_schema_is_a_valid_2020_12_schema_and_knows_the_same_words():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    neuron = SCHEMA["$defs"]["neuron"]
    assert tuple(neuron["properties"]["role"]["enum"]) == ROLES
    assert tuple(neuron["else"]["properties"]["activation"]["enum"]) == ACTIVATIONS
    assert tuple(SCHEMA["properties"]["loss"]["enum"]) == LOSSES
    assert tuple(SCHEMA["$defs"]["generator"]["properties"]["generator"]["enum"]) == GENERATORS


@pytest.mark.parametrize("name", example_files())
def test_every_example_validates_against_the_schema_and_loads(name):
    path = os.path.join(EXAMPLES, name)
    with open(path, encoding="utf-8") as handle:
        VALIDATOR.validate(json.load(handle))
    load_network(path)


def test_the_docs_example_validates_and_loads():
    with open(os.path.join(REPOSITORY, "docs", "file-format.md"), encoding="utf-8") as handle:
        example = re.search(r"```json\n(\{.*?\})\n```", handle.read(), re.DOTALL).group(1)
    VALIDATOR.validate(json.loads(example))
    network = network_from_dict(json.loads(example), "docs")
    assert network.connection("i1", "o1").weight == 0.05


def _example() -> dict:
    with open(EXAMPLE, encoding="utf-8") as handle:
        return json.load(handle)


def _broken(edit) -> dict:
    document = _example()
    edit(document)
    return document


@pytest.mark.parametrize(
    "document",
    [
        _broken(lambda d: d.pop("neurons")),
        _broken(lambda d: d.update(version=2)),
        _broken(lambda d: d.update(format="other")),
        _broken(lambda d: d["neurons"][0].update(bias=0.0)),
        _broken(lambda d: d["neurons"][2].pop("activation")),
        _broken(lambda d: d["neurons"][2].update(activation="sigmod")),
        _broken(lambda d: d["neurons"][3].update(id="")),
        _broken(lambda d: d["connections"][0].update(weight="0.1")),
        _broken(lambda d: d["connections"][0].update(weight=True)),
        _broken(lambda d: d["training"].update(batch_size=0)),
        _broken(lambda d: d["training"].update(momentum=1)),
        _broken(lambda d: d["data"]["train"].update(x=[[0.1, "a"]])),
        _broken(lambda d: d["data"].update(generator="xor")),
        _broken(lambda d: d.update(data={"generator": "moons"})),
    ],
    ids=lambda d: "broken",
)
def test_broken_documents_do_not_validate(document):
    assert not VALIDATOR.is_valid(document)


def test_a_generator_block_validates():
    VALIDATOR.validate(_broken(lambda d: d.update(data={"generator": "xor", "samples": 10})))


def test_null_activation_and_bias_on_an_input_count_as_absent_for_schema_and_reader():
    document = _broken(lambda d: d["neurons"][0].update(activation=None, bias=None))
    VALIDATOR.validate(document)
    assert network_from_dict(document).neuron("i1").bias is None
