"""Reading network files: the example's numbers, and every refusal naming the file and the place."""

import copy
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.model import network_file
from playground.model.errors import NetworkFileError
from playground.model.examples import example_path
from playground.model.network_file import load_network, network_from_dict

EXAMPLE = str(example_path("two_two_two"))


def document() -> dict:
    """A valid 2-2-2 network: i1 i2 → h1 h2 → o1 o2, fully connected layer to layer."""
    ids = ("i1", "i2", "h1", "h2", "o1", "o2")
    neurons = [{"id": i, "role": "input", "x": 0, "y": 100 * k} for k, i in enumerate(ids[:2])]
    neurons += [
        {"id": i, "role": role, "activation": "sigmoid", "bias": 0.5, "x": 200, "y": 0}
        for i, role in zip(ids[2:], ("hidden", "hidden", "output", "output"))
    ]
    pairs = [(s, t) for s in ("i1", "i2") for t in ("h1", "h2")]
    pairs += [(s, t) for s in ("h1", "h2") for t in ("o1", "o2")]
    return {
        "format": "nn-playground",
        "version": 1,
        "name": "test",
        "neurons": neurons,
        "connections": [{"source": s, "target": t, "weight": 0.25} for s, t in pairs],
        "loss": "squared_error",
        "training": {"learning_rate": 0.5, "batch_size": 1, "momentum": 0.0, "l2": 0.0, "seed": 0},
        "data": {"train": {"x": [[0.05, 0.1]], "y": [[0.01, 0.99]]}, "test": {"x": [], "y": []}},
    }


def refusal(tmp_path, content: dict | str | bytes) -> str:
    """Load `content` from broken.json; return the message, checked to name the file, one line."""
    path = tmp_path / "broken.json"
    if isinstance(content, dict):
        content = json.dumps(content)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    with pytest.raises(NetworkFileError) as caught:
        load_network(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for traceback_text in ("Traceback", "Error", "Exception", 'File "', "\n"):
        assert traceback_text not in message
    return message[len(f"{path}: ") :]


def changed(edit) -> dict:
    doc = document()
    edit(doc)
    return doc


# ----------------------------------------------------------------- the example


def test_the_example_loads_with_its_numbers():
    network = load_network(EXAMPLE)
    assert network.name == "2-2-2 sigmoid example"
    assert [n.id for n in network.neurons] == ["i1", "i2", "h1", "h2", "o1", "o2"]
    assert network.input_ids() == ["i1", "i2"] and network.output_ids() == ["o1", "o2"]
    assert [network.neuron(i).bias for i in ("h1", "h2", "o1", "o2")] == [0.35, 0.35, 0.6, 0.6]
    assert network.neuron("i1").activation is None and network.neuron("i1").bias is None
    assert [(c.source, c.target, c.weight) for c in network.connections] == [
        ("i1", "h1", 0.15),
        ("i2", "h1", 0.20),
        ("i1", "h2", 0.25),
        ("i2", "h2", 0.30),
        ("h1", "o1", 0.40),
        ("h2", "o1", 0.45),
        ("h1", "o2", 0.50),
        ("h2", "o2", 0.55),
    ]
    assert network.loss == "squared_error"
    t = network.training
    assert (t.learning_rate, t.batch_size, t.momentum, t.l2, t.seed) == (0.5, 1, 0.0, 0.0, 0)
    assert network.data.train_x.tolist() == [[0.05, 0.10]]
    assert network.data.train_y.tolist() == [[0.01, 0.99]]
    assert network.data.train_x.dtype == np.float64
    assert network.data.test_x.shape == (0, 2) and network.data.test_y.shape == (0, 2)
    assert network.extra == {}


def test_integers_become_floats_and_absent_blocks_take_defaults():
    doc = document()
    del doc["training"], doc["data"], doc["name"]
    network = network_from_dict(doc)
    assert all(type(v) is float for n in network.neurons for v in (n.x, n.y))
    assert type(network.neuron("h1").bias) is float
    assert network.data is None and network.name is None
    t = network.training
    assert (t.learning_rate, t.batch_size, t.momentum, t.l2, t.seed) == (0.1, 10, 0.0, 0.0, 0)
    network = network_from_dict(
        changed(lambda d: d.update(training={"momentum": 0.9, "seed": 3.0}))
    )
    t = network.training
    assert (t.learning_rate, t.batch_size, t.momentum, t.l2, t.seed) == (0.1, 10, 0.9, 0.0, 3)
    assert type(t.seed) is int


def test_missing_or_empty_tables_have_the_network_width():
    doc = changed(lambda d: d["data"].pop("test"))
    doc["data"]["train"] = {"x": [], "y": []}
    data = network_from_dict(doc).data
    assert [a.shape for a in (data.train_x, data.train_y, data.test_x, data.test_y)] == [
        (0, 2),
        (0, 2),
        (0, 2),
        (0, 2),
    ]


def test_columns_feed_inputs_and_outputs_in_file_order_not_by_id():
    doc = document()
    # o2 and i2 listed first: column 0 of x now feeds i2, column 0 of y is o2's target.
    doc["neurons"].insert(0, doc["neurons"].pop(1))
    doc["neurons"].insert(0, doc["neurons"].pop(5))
    network = network_from_dict(doc)
    assert network.input_ids() == ["i2", "i1"] and network.output_ids() == ["o2", "o1"]
    assert network.data.train_x.tolist() == [[0.05, 0.1]]


def test_unknown_top_level_fields_are_kept_and_not_shared_with_the_document():
    doc = changed(lambda d: d.update(notes={"author": "Ada", "tags": ["xor", 1, 2.5]}, z=None))
    network = network_from_dict(doc)
    assert network.extra == {"notes": {"author": "Ada", "tags": ["xor", 1, 2.5]}, "z": None}
    before = copy.deepcopy(doc)
    doc["notes"]["tags"].append("later")
    assert network.extra["notes"]["tags"] == ["xor", 1, 2.5]
    network.extra["notes"]["author"] = "Grace"
    assert doc["notes"]["author"] == "Ada"
    network_from_dict(before)
    assert before == changed(
        lambda d: d.update(notes={"author": "Ada", "tags": ["xor", 1, 2.5]}, z=None)
    )


def test_finite_numbers_whose_sum_would_overflow_are_fine():
    doc = changed(_set("data.train", {"x": [[1.7e308, 1.7e308]], "y": [[-1.7e308, 1]]}))
    doc["extra"] = [[1e308, 1e308], 1e308]
    data = network_from_dict(doc).data
    assert data.train_x.tolist() == [[1.7e308, 1.7e308]]
    assert data.train_y.tolist() == [[-1.7e308, 1.0]]


def test_a_byte_order_mark_is_allowed(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document()).encode())
    assert load_network(path).name == "test"


# ----------------------------------------------------------------- refusals of the file itself


def test_not_json_gives_line_and_column(tmp_path):
    text = '{\n  "format": "nn-playground",\n  "version": 1\n  "neurons": []\n}'
    assert refusal(tmp_path, text) == "line 4, column 3: not valid JSON (Expecting ',' delimiter)"


def test_not_utf8_gives_line_and_column(tmp_path):
    text = b'{"format": "nn-playground",\n "name": "caf\xe9"}'
    message = refusal(tmp_path, text)
    assert message.startswith("line 2, column 14: the file is not UTF-8 text (byte 0xe9")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the file is empty; a network file is a JSON object"),
        ("[1, 2]", "top level: expected a JSON object, found a list"),
        ("[" * 100_000 + "]" * 100_000, "the JSON is nested too deeply for a network file"),
        ('{"x": ' + "9" * 5000 + "}", "a number in the file has too many digits"),
    ],
)
def test_files_that_are_no_network_at_all(tmp_path, content, expected):
    assert refusal(tmp_path, content) == expected


def test_a_missing_file_or_a_folder(tmp_path):
    with pytest.raises(NetworkFileError, match=r"missing\.json: there is no such file$"):
        load_network(tmp_path / "missing.json")
    with pytest.raises(NetworkFileError, match=r": this is a folder, not a network file$"):
        load_network(tmp_path)


def test_an_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.json"
    path.write_text(json.dumps(document()))

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, who can read anything; the refusal is what matters here.
    monkeypatch.setattr(network_file, "open", denied, raising=False)
    with pytest.raises(NetworkFileError) as caught:
        load_network(path)
    assert str(caught.value) == f"{path}: cannot read the file (permission denied)"


def test_a_file_over_64_mib_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(64 * 2**20 + 1)  # sparse: no 64 MiB written

    def never(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(network_file, "open", never, raising=False)
    with pytest.raises(NetworkFileError) as caught:
        load_network(path)
    assert str(caught.value) == (
        f"{path}: the file is 64.0 MiB; a network file may be at most 64 MiB"
    )
    monkeypatch.undo()
    path.write_bytes(json.dumps(document()).encode() + b" " * (64 * 2**20 - 2000))
    assert load_network(path).name == "test"  # exactly at the limit is fine


# ----------------------------------------------------------------- refusals of the document


def _set(path: str, value):
    """An edit setting doc[...] at a dotted path such as 'neurons.2.bias'."""

    def edit(doc):
        *parents, last = [int(k) if k.isdigit() else k for k in path.split(".")]
        for key in parents:
            doc = doc[key]
        doc[last] = value

    return edit


def _drop(path: str):
    def edit(doc):
        *parents, last = [int(k) if k.isdigit() else k for k in path.split(".")]
        for key in parents:
            doc = doc[key]
        del doc[last]

    return edit


def _append(key: str, item):
    return lambda doc: doc[key].append(item)


def _connect(*pairs):
    return lambda doc: doc["connections"].extend(
        {"source": s, "target": t, "weight": 1.0} for s, t in pairs
    )


ACTIVATION_LIST = "linear, sigmoid, tanh, relu, leaky_relu, elu, softplus, swish, sin"

REFUSALS = {
    "wrong format": (
        _set("format", "other-app"),
        (
            "format: expected 'nn-playground', found the text 'other-app'; "
            "this is not an NN Playground network file"
        ),
    ),
    "no format": (
        _drop("format"),
        (
            "format: expected 'nn-playground', found no format field; "
            "this is not an NN Playground network file"
        ),
    ),
    "larger version": (
        _set("version", 2),
        (
            "version: the file is format version 2; this app reads version 1; "
            "it was written by a newer NN Playground"
        ),
    ),
    "unknown version": (
        _set("version", 0),
        "version: the file is format version 0; this app reads version 1",
    ),
    "version as text": (
        _set("version", "1"),
        "version: expected a whole number, found the text '1'",
    ),
    "no version": (_drop("version"), "version: this required field is missing"),
    "no neurons": (_drop("neurons"), "neurons: this required field is missing"),
    "neurons not a list": (_set("neurons", {}), "neurons: expected a list, found an object"),
    "neuron not an object": (
        _set("neurons.3", "h2"),
        "neurons[3]: expected an object, found the text 'h2'",
    ),
    "no bias": (_drop("neurons.2.bias"), "neurons[2].bias: this required field is missing"),
    "no x": (_drop("neurons.0.x"), "neurons[0].x: this required field is missing"),
    "bias as text": (
        _set("neurons.2.bias", "0.5"),
        "neurons[2].bias: expected a number, found the text '0.5'",
    ),
    "boolean is no number": (
        _set("neurons.4.y", True),
        "neurons[4].y: expected a number, found true",
    ),
    "id a number": (
        _set("neurons.1.id", 2),
        "neurons[1].id: expected a string, found the number 2",
    ),
    "name a number": (_set("name", 7), "name: expected a string, found the number 7"),
    "label null": (
        _set("neurons.1.label", None),
        "neurons[1].label: expected a string, found null",
    ),
    "duplicate id": (
        _set("neurons.3.id", "h1"),
        "neurons[3]: there is already a neuron with id 'h1'",
    ),
    "empty id": (_set("neurons.3.id", ""), "neurons[3]: a neuron needs a non-empty id"),
    "input with bias": (
        _set("neurons.0.bias", 0.0),
        "neurons[0]: i1 is an input neuron; inputs have no activation or bias",
    ),
    "input with activation": (
        _set("neurons.1.activation", "tanh"),
        "neurons[1]: i2 is an input neuron; inputs have no activation or bias",
    ),
    "unknown role": (
        _set("neurons.2.role", "middle"),
        "neurons[2].role: 'middle' is not one of input, hidden, output",
    ),
    "unknown activation": (
        _set("neurons.3.activation", "sigmod"),
        f"neurons[3].activation: 'sigmod' is not one of {ACTIVATION_LIST}",
    ),
    "no weight": (
        _drop("connections.5.weight"),
        "connections[5].weight: this required field is missing",
    ),
    "connection not an object": (
        _set("connections.0", []),
        "connections[0]: expected an object, found a list",
    ),
    "unknown target": (
        _set("connections.1.target", "h9"),
        "connections[1]: there is no neuron 'h9'",
    ),
    "unknown source": (_set("connections.7.source", "x"), "connections[7]: there is no neuron 'x'"),
    "duplicate connection": (
        _connect(("i1", "h1")),
        "connections[8]: the connection i1 → h1 exists already",
    ),
    "self-connection": (
        _connect(("h2", "h2")),
        "connections[8]: a neuron cannot connect to itself (h2 → h2)",
    ),
    "into an input": (
        _connect(("h1", "i2")),
        "connections[8]: i2 is an input neuron; nothing can connect into an input",
    ),
    "two-neuron cycle": (
        _connect(("h1", "h2"), ("h2", "h1")),
        "connections: the connections make a cycle: h1 → h2 → h1",
    ),
    "output fed back": (
        _connect(("o1", "h2")),
        "connections: the connections make a cycle: h2 → o1 → h2",
    ),
    "three-neuron cycle": (
        lambda d: (
            _append(
                "neurons",
                {"id": "h3", "role": "hidden", "activation": "relu", "bias": 0, "x": 0, "y": 0},
            )(d),
            _connect(("o1", "h3"), ("h3", "h1"))(d),
        ),
        "connections: the connections make a cycle: h1 → o1 → h3 → h1",
    ),
    "no loss": (_drop("loss"), "loss: this required field is missing"),
    "unknown loss": (
        _set("loss", "hinge"),
        "loss: 'hinge' is not one of squared_error, binary_cross_entropy",
    ),
    "cross-entropy with tanh": (
        lambda d: (
            _set("loss", "binary_cross_entropy")(d),
            _set("neurons.5.activation", "tanh")(d),
        ),
        (
            "loss: binary cross-entropy needs sigmoid output neurons "
            "(its ln y and ln(1 − y) exist only for 0 < y < 1), but o2 is tanh"
        ),
    ),
    "training not an object": (
        _set("training", [0.1]),
        "training: expected an object, found a list",
    ),
    "learning rate 0": (
        _set("training.learning_rate", 0),
        "training.learning_rate: must be a number above 0; found the number 0",
    ),
    "batch size 0": (
        _set("training.batch_size", 0),
        "training.batch_size: must be a whole number from 1 to 2,147,483,647; found the number 0",
    ),
    "batch size 1.5": (
        _set("training.batch_size", 1.5),
        "training.batch_size: expected a whole number, found the number 1.5",
    ),
    "batch size true": (
        _set("training.batch_size", True),
        "training.batch_size: expected a whole number, found true",
    ),
    "momentum 1": (
        _set("training.momentum", 1.0),
        "training.momentum: must be at least 0 and less than 1; found the number 1.0",
    ),
    "momentum below 0": (
        _set("training.momentum", -0.1),
        "training.momentum: must be at least 0 and less than 1; found the number -0.1",
    ),
    "l2 below 0": (
        _set("training.l2", -1),
        "training.l2: must be a number of 0 or more; found the number -1",
    ),
    "seed as text": (
        _set("training.seed", "7"),
        "training.seed: expected a whole number, found the text '7'",
    ),
    "negative seed": (
        _set("training.seed", -1),
        "training.seed: must be a whole number from 0 to 2,147,483,647; found the number -1",
    ),
    # The app's spin boxes hold 32-bit whole numbers; the file may hold nothing they cannot show.
    "seed of 2**31": (
        _set("training.seed", 2**31),
        "training.seed: must be a whole number from 0 to 2,147,483,647; found the number 2147483648",
    ),
    "batch size of 2**31": (
        _set("training.batch_size", 2**31),
        (
            "training.batch_size: must be a whole number from 1 to 2,147,483,647; "
            "found the number 2147483648"
        ),
    ),
    "data not an object": (_set("data", []), "data: expected an object, found a list"),
    "data without train": (
        _drop("data.train"),
        "data: needs either 'train' (and optionally 'test') or 'generator'",
    ),
    "table without y": (_drop("data.train.y"), "data.train.y: this required field is missing"),
    "x too wide": (
        _set("data.train.x", [[1.0, 2.0, 3.0]]),
        (
            "data.train.x[0]: has 3 values, but the network has 2: "
            "one per input neuron (i1, i2), in file order"
        ),
    ),
    "y too narrow": (
        _set("data.test", {"x": [[1.0, 2.0]], "y": [[1.0]]}),
        (
            "data.test.y[0]: has 1 value, but the network has 2: "
            "one per output neuron (o1, o2), in file order"
        ),
    ),
    "ragged rows": (
        _set("data.train", {"x": [[1.0, 2.0], [3.0]], "y": [[0.0, 1.0], [1.0, 0.0]]}),
        (
            "data.train.x[1]: has 1 value, but the rows before it have 2: "
            "one per input neuron (i1, i2), in file order"
        ),
    ),
    "row not a list": (
        _set("data.train.x", [5.0]),
        "data.train.x[0]: expected a row (a list of numbers), found the number 5.0",
    ),
    "value as text": (
        _set("data.train.y", [[0.5, "1"]]),
        "data.train.y[0][1]: expected a number, found the text '1'",
    ),
    "value boolean": (
        _set("data.train.x", [[0.5, False]]),
        "data.train.x[0][1]: expected a number, found false",
    ),
    "rows differ in count": (
        _set("data.train.y", [[0.0, 1.0], [1.0, 0.0]]),
        "data.train: x has 1 rows but y has 2; each sample needs one row of each",
    ),
    "huge integer": (
        _set("connections.0.weight", 10**400),
        "connections[0].weight: this number is too large (beyond ±1.8e308)",
    ),
    "huge integer in data": (
        _set("data.train.x", [[0.5, 10**400]]),
        "data.train.x[0][1]: this number is too large (beyond ±1.8e308)",
    ),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_each_broken_document_is_refused_at_its_place(tmp_path, case):
    edit, expected = REFUSALS[case]
    assert refusal(tmp_path, changed(edit)) == expected


@pytest.mark.parametrize(
    ("path", "literal", "place", "shown"),
    [
        ("neurons.2.bias", "NaN", "neurons[2].bias", "NaN"),
        ("connections.0.weight", "Infinity", "connections[0].weight", "Infinity"),
        ("connections.7.weight", "-Infinity", "connections[7].weight", "-Infinity"),
        ("connections.0.weight", "1e999", "connections[0].weight", "Infinity"),
        ("data.train.x", "[[0.05, NaN]]", "data.train.x[0][1]", "NaN"),
        ("training.learning_rate", "-1e400", "training.learning_rate", "-Infinity"),
    ],
)
def test_non_finite_numbers_are_refused_where_they_are(tmp_path, path, literal, place, shown):
    text = json.dumps(changed(_set(path, 123456.789))).replace("123456.789", literal)
    assert refusal(tmp_path, text) == (
        f"{place}: {shown} is not a finite number; a network file holds only finite numbers"
    )


def test_non_finite_numbers_are_refused_even_in_unknown_fields(tmp_path):
    text = json.dumps(document())[:-1] + ', "my notes": {"scores": [1, 2, NaN]}}'
    assert refusal(tmp_path, text).startswith('"my notes".scores[2]: NaN is not a finite number')


def test_network_from_dict_names_its_source():
    with pytest.raises(NetworkFileError, match=r"^clipboard: loss: 'x' is not one of"):
        network_from_dict(changed(_set("loss", "x")), "clipboard")
    with pytest.raises(NetworkFileError, match=r"^<network>: top level: expected a JSON object"):
        network_from_dict([])


def _paths(value, trail=()):
    yield trail
    items = (
        value.items()
        if isinstance(value, dict)
        else (enumerate(value) if isinstance(value, list) else ())
    )
    for key, item in items:
        yield from _paths(item, (*trail, key))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_damage_either_loads_or_is_refused_with_a_network_file_error(data):
    doc = document()
    for _ in range(data.draw(st.integers(1, 3))):
        *parents, last = data.draw(st.sampled_from([p for p in _paths(doc) if p]))
        holder = doc
        for key in parents:
            holder = holder[key]
        if data.draw(st.booleans()):
            del holder[last]
        else:
            holder[last] = data.draw(json_values)
    try:
        network_from_dict(doc, "fuzz.json")
    except NetworkFileError as error:
        assert str(error).startswith("fuzz.json: ") and "\n" not in str(error)
