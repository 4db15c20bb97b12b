"""The ONNX export runs in onnxruntime with the engine's numbers, and the import reads it back."""

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.engine.backward_stepper import forward_values
from playground.engine.compiled_network import CompiledNetwork
from playground.export import onnx_export
from playground.export.onnx_export import METADATA_KEY, onnx_missing, onnx_model_bytes
from playground.export.onnx_import import network_from_onnx
from playground.model.errors import ExportError
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings
from tests.engine.random_networks import random_networks

CI = bool(os.environ.get("CI"))
MISSING: str | None = None
if CI:
    # CI must run these tests: there a missing package fails `test_ci_runs_the_onnx_tests`.
    try:
        import onnx
        import onnxruntime as ort
    except ImportError as error:
        MISSING = str(error)
else:
    onnx = pytest.importorskip("onnx")
    ort = pytest.importorskip("onnxruntime")

FLOAT64_TOLERANCE = 1e-12
FLOAT32_TOLERANCE = 1e-6
EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_ci_runs_the_onnx_tests_rather_than_skipping_them():
    assert MISSING is None, f"CI must test the ONNX export and import, but {MISSING}"


@pytest.fixture(autouse=True)
def _onnx_installed(request):
    if MISSING and request.node.name != "test_ci_runs_the_onnx_tests_rather_than_skipping_them":
        pytest.skip(MISSING)


# ------------------------------------------------------------ helpers


def run(model_bytes: bytes, x: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    (given,), (taken,) = session.get_inputs(), session.get_outputs()
    dtype = np.float32 if given.type == "tensor(float)" else np.float64
    return session.run([taken.name], {given.name: x.astype(dtype)})[0]


def engine_outputs(network: Network, x: np.ndarray) -> np.ndarray:
    compiled = CompiledNetwork(network)
    return compiled.outputs(compiled.forward(x))


def largest_error(got: np.ndarray, expected: np.ndarray) -> float:
    """The largest difference, relative where a value is above 1 (float32 keeps 7 digits)."""
    return float(np.max(np.abs(got - expected) / np.maximum(1.0, np.abs(expected)), initial=0.0))


def is_float32(model_bytes: bytes) -> bool:
    model = onnx.load_from_string(model_bytes)
    return model.graph.input[0].type.tensor_type.elem_type == onnx.TensorProto.FLOAT


def write(tmp_path, model_bytes: bytes, name: str = "model.onnx"):
    path = tmp_path / name
    path.write_bytes(model_bytes)
    return path


def batch(network: Network, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-1.0, 1.0, (16, len(network.input_ids())))


def mlp_model(
    w1: np.ndarray,
    b1: np.ndarray,
    w2: np.ndarray,
    b2: np.ndarray,
    hidden_node=None,
    constants: tuple = (),
) -> bytes:
    """A plain 2-layer MLP as other tools write it: MatMul → Add → Relu → Gemm → Sigmoid."""
    h = onnx.helper
    f = onnx.numpy_helper.from_array
    nodes = [
        h.make_node("MatMul", ["input", "W1"], ["mm"], name="fc1"),
        h.make_node("Add", ["mm", "B1"], ["pre1"], name="fc1_bias"),
        hidden_node or h.make_node("Relu", ["pre1"], ["act1"], name="relu1"),
        h.make_node("Gemm", ["act1", "W2", "B2"], ["pre2"], name="fc2", transB=1),
        h.make_node("Sigmoid", ["pre2"], ["probability"], name="out"),
    ]
    graph = h.make_graph(
        nodes,
        "mlp",
        [h.make_tensor_value_info("input", onnx.TensorProto.FLOAT, ["N", w1.shape[0]])],
        [h.make_tensor_value_info("probability", onnx.TensorProto.FLOAT, ["N", w2.shape[0]])],
        [
            f(w1.astype(np.float32), "W1"),
            f(b1.astype(np.float32), "B1"),
            f(w2.astype(np.float32), "W2"),  # (outputs, hidden): Gemm transposes it
            f(b2.astype(np.float32), "B2"),
            *constants,
        ],
    )
    model = h.make_model(graph, opset_imports=[h.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model.SerializeToString()


def small_mlp(rng: np.random.Generator, hidden_node=None, constants: tuple = ()) -> bytes:
    """A 2-3-1 MLP, its hidden activation node replaceable."""
    w1, b1 = rng.normal(size=(2, 3)), rng.normal(size=3)
    w2, b2 = rng.normal(size=(1, 3)), rng.normal(size=1)
    return mlp_model(w1, b1, w2, b2, hidden_node, constants)


# ------------------------------------------------------------ export


def test_importing_the_modules_does_not_import_onnx_until_used():
    script = textwrap.dedent(
        """
        import sys
        import playground.export.onnx_export as export
        import playground.export.onnx_import
        assert "onnx" not in sys.modules and "onnxruntime" not in sys.modules
        assert export.onnx_missing() is None  # asked without importing it (a third of a second)
        assert "onnx" not in sys.modules
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_without_onnx_both_directions_say_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # what a missing package looks like
    message = onnx_missing()
    assert message is not None and 'pip install "nn-playground[onnx]"' in message
    network = two_two_two()
    with pytest.raises(ExportError, match="nn-playground\\[onnx\\]"):
        onnx_model_bytes(network, "two.json")
    with pytest.raises(ExportError, match="nn-playground\\[onnx\\]"):
        network_from_onnx(write(tmp_path, b"whatever"))


@given(random_networks(), st.integers(0, 2**16))
@EXAMPLES
def test_onnxruntime_gives_the_engines_outputs(network, seed):
    model_bytes = onnx_model_bytes(network, "random.json")
    onnx.checker.check_model(onnx.load_from_string(model_bytes), full_check=True)
    float32 = is_float32(model_bytes)
    activations = {n.activation for n in network.neurons}
    assert float32 == bool(activations & {"elu", "softplus"})
    x = batch(network, seed)
    got = run(model_bytes, x)
    assert got.shape == (len(x), len(network.output_ids()))
    error = largest_error(got, engine_outputs(network, x))
    assert error <= (FLOAT32_TOLERANCE if float32 else FLOAT64_TOLERANCE)
    # The one-sample forward pass the app shows, for the first row.
    values = forward_values(network, list(x[0]))
    first = np.array([values[i].y for i in network.output_ids()])
    assert largest_error(got[0], first) <= (FLOAT32_TOLERANCE if float32 else FLOAT64_TOLERANCE)


def two_two_two() -> Network:
    network = Network(name="2-2-2", training=TrainingSettings(learning_rate=0.5, batch_size=1))
    for k, (role, activation, bias) in enumerate(
        [("input", None, None)] * 2
        + [("hidden", "sigmoid", 0.35)] * 2
        + [("output", "sigmoid", 0.6)] * 2
    ):
        ids = ["i1", "i2", "h1", "h2", "o1", "o2"]
        network.add_neuron(
            Neuron(ids[k], role, activation, bias, 200.0 * (k // 2), 120.0 * (k % 2))
        )
    for source, target, weight in [
        ("i1", "h1", 0.15), ("i2", "h1", 0.20), ("i1", "h2", 0.25), ("i2", "h2", 0.30),
        ("h1", "o1", 0.40), ("h2", "o1", 0.45), ("h1", "o2", 0.50), ("h2", "o2", 0.55),
    ]:  # fmt: skip
        network.connect(source, target, weight)
    return network


def test_the_model_says_what_it_is():
    model = onnx.load_from_string(onnx_model_bytes(two_two_two(), "two.json"))
    assert [i.name for i in model.graph.input] == ["x"]
    assert [o.name for o in model.graph.output] == ["y"]
    assert model.graph.input[0].type.tensor_type.elem_type == onnx.TensorProto.DOUBLE
    assert "two.json" in model.doc_string
    assert METADATA_KEY in {p.key for p in model.metadata_props}
    x = np.array([[0.05, 0.10]])
    assert run(model.SerializeToString(), x)[0] == pytest.approx([0.75136507, 0.77292847], abs=1e-8)


# ------------------------------------------------------------ export, then import


def same_network(imported: Network, original: Network, float32: bool) -> None:
    def rounded(value):
        return float(np.float32(value)) if float32 and value is not None else value

    assert [
        (n.id, n.role, n.activation, rounded(n.bias), n.x, n.y, n.label) for n in original.neurons
    ] == [(n.id, n.role, n.activation, n.bias, n.x, n.y, n.label) for n in imported.neurons]
    assert [(c.source, c.target, rounded(c.weight)) for c in original.connections] == [
        (c.source, c.target, c.weight) for c in imported.connections
    ]
    assert (imported.name, imported.loss, imported.training) == (
        original.name,
        original.loss,
        original.training,
    )


@given(random_networks(), st.data())
@EXAMPLES
def test_export_then_import_gives_back_the_same_network(tmp_path_factory, network, data):
    # Labels and positions that only the metadata can carry, and a weight of exactly 0.
    for k, neuron in enumerate(network.neurons):
        network.set_position(neuron.id, data.draw(st.floats(-500, 500)), 7.5 * k)
        if data.draw(st.booleans()):
            network.set_label(neuron.id, data.draw(st.text(max_size=5)))
    if network.connections and data.draw(st.booleans()):
        first = network.connections[0]
        network.set_weight(first.source, first.target, 0.0)
    model_bytes = onnx_model_bytes(network, "random.json")
    path = write(tmp_path_factory.mktemp("round_trip"), model_bytes)
    imported = network_from_onnx(path)
    float32 = is_float32(model_bytes)
    same_network(imported, network, float32)
    if not float32:
        assert imported.parameters_equal(network)


@given(random_networks(), st.integers(0, 2**16))
@EXAMPLES
def test_an_export_without_its_metadata_still_imports_as_the_same_function(
    tmp_path_factory, network, seed
):
    model = onnx.load_from_string(onnx_model_bytes(network, "random.json"))
    del model.metadata_props[:]
    model_bytes = model.SerializeToString()
    imported = network_from_onnx(write(tmp_path_factory.mktemp("bare"), model_bytes))
    x = batch(network, seed)
    tolerance = FLOAT32_TOLERANCE if is_float32(model_bytes) else FLOAT64_TOLERANCE
    assert largest_error(engine_outputs(imported, x), run(model_bytes, x)) <= tolerance
    assert imported.input_ids() == [f"i{k + 1}" for k in range(len(network.input_ids()))]
    assert imported.output_ids() == [f"o{k + 1}" for k in range(len(network.output_ids()))]
    assert all(c.weight != 0.0 for c in imported.connections)


def test_a_weight_of_zero_stays_a_connection_only_where_the_file_has_one(tmp_path):
    network = two_two_two()
    network.set_weight("i1", "h1", 0.0)
    network.disconnect("i2", "h2")
    imported = network_from_onnx(write(tmp_path, onnx_model_bytes(network, "two.json")))
    assert imported.has_connection("i1", "h1") and imported.connection("i1", "h1").weight == 0.0
    assert not imported.has_connection("i2", "h2")


def test_a_float32_model_round_trips_to_float32_precision(tmp_path):
    network = two_two_two()
    network.set_activation("h1", "elu")
    network.set_activation("h2", "softplus")
    model_bytes = onnx_model_bytes(network, "two.json")
    assert is_float32(model_bytes)
    imported = network_from_onnx(write(tmp_path, model_bytes))
    same_network(imported, network, float32=True)


def test_an_edited_model_whose_metadata_no_longer_fits_is_read_from_its_graph(tmp_path):
    model = onnx.load_from_string(onnx_model_bytes(two_two_two(), "two.json"))
    for node in model.graph.node:
        if node.op_type == "Sigmoid" and node.output[0] == "y1":
            node.op_type = "Tanh"
    imported = network_from_onnx(write(tmp_path, model.SerializeToString()))
    assert [n.activation for n in imported.neurons if n.role == "hidden"] == ["tanh", "tanh"]
    assert imported.name == "model"  # the file's name: the metadata no longer describes it


# ------------------------------------------------------------ a model from elsewhere


def test_a_plain_mlp_from_elsewhere_imports_with_its_weights(tmp_path):
    rng = np.random.default_rng(3)
    w1, b1 = rng.normal(size=(3, 4)), rng.normal(size=4)
    w1[1, 2] = 0.0  # no connection
    w2, b2 = rng.normal(size=(2, 4)), rng.normal(size=2)
    model_bytes = mlp_model(w1, b1, w2, b2)
    network = network_from_onnx(write(tmp_path, model_bytes, "iris_mlp.onnx"))

    assert network.name == "iris_mlp"
    assert network.input_ids() == ["i1", "i2", "i3"]
    assert network.ids_with_role("hidden") == ["h1", "h2", "h3", "h4"]
    assert network.output_ids() == ["o1", "o2"]
    assert [network.neuron(i).activation for i in ("h1", "o1")] == ["relu", "sigmoid"]
    assert network.loss == "squared_error" and network.training == TrainingSettings()
    assert len(network.connections) == 3 * 4 - 1 + 4 * 2
    assert not network.has_connection("i2", "h3")
    assert network.connection("i3", "h4").weight == float(np.float32(w1[2, 3]))
    assert network.connection("h2", "o1").weight == float(np.float32(w2[0, 1]))
    assert network.neuron("h3").bias == float(np.float32(b1[2]))
    # Laid out in layers: inputs, hidden, outputs in three columns.
    columns = {
        role: {network.neuron(i).x for i in network.ids_with_role(role)}
        for role in ("input", "hidden", "output")
    }
    assert all(len(xs) == 1 for xs in columns.values())
    assert min(columns["output"]) > min(columns["hidden"]) > min(columns["input"])

    x = rng.uniform(-2, 2, (20, 3))
    expected = run(model_bytes, x)
    assert largest_error(engine_outputs(network, x), expected) <= FLOAT32_TOLERANCE


def test_swish_and_leaky_relu_written_as_formulas_are_recognised(tmp_path):
    h = onnx.helper
    rng = np.random.default_rng(5)
    for hidden_nodes, activation in [
        (
            [
                h.make_node("Sigmoid", ["pre1"], ["gate"], name="gate"),
                h.make_node("Mul", ["gate", "pre1"], ["act1"], name="swish"),
            ],
            "swish",
        ),
        (
            [
                h.make_node("Mul", ["pre1", "slope"], ["scaled"], name="scale"),
                h.make_node("Max", ["scaled", "pre1"], ["act1"], name="leaky"),
            ],
            "leaky_relu",
        ),
    ]:
        model = onnx.load_from_string(small_mlp(rng))
        graph = model.graph
        graph.node.remove(graph.node[2])
        for k, node in enumerate(hidden_nodes):
            graph.node.insert(2 + k, node)
        graph.initializer.append(onnx.numpy_helper.from_array(np.array(0.01, np.float32), "slope"))
        model_bytes = model.SerializeToString()
        network = network_from_onnx(write(tmp_path, model_bytes))
        assert {network.neuron(i).activation for i in network.ids_with_role("hidden")} == {
            activation
        }
        x = rng.uniform(-2, 2, (10, 2))
        assert largest_error(engine_outputs(network, x), run(model_bytes, x)) <= FLOAT32_TOLERANCE


# ------------------------------------------------------------ refusals


def test_a_convolution_is_refused_naming_the_node_and_operator(tmp_path):
    h = onnx.helper
    conv = h.make_node("Conv", ["pre1", "kernel"], ["act1"], name="n7")
    kernel = onnx.numpy_helper.from_array(np.ones((1, 1, 1), np.float32), "kernel")
    model_bytes = small_mlp(np.random.default_rng(0), conv, (kernel,))
    with pytest.raises(ExportError, match="node 'n7' is a Conv, which a network file cannot hold"):
        network_from_onnx(write(tmp_path, model_bytes))


def test_a_refusal_speaks_the_users_language(tmp_path):
    """The same Conv, refused in 繁體中文 when that is the language, naming node and operator."""
    from playground import translation

    h = onnx.helper
    conv = h.make_node("Conv", ["pre1", "kernel"], ["act1"], name="n7")
    kernel = onnx.numpy_helper.from_array(np.ones((1, 1, 1), np.float32), "kernel")
    model_bytes = small_mlp(np.random.default_rng(0), conv, (kernel,))
    translation.set_language("zh_TW")
    try:
        with pytest.raises(ExportError, match="節點 'n7' 是 Conv，網路檔案無法表示"):
            network_from_onnx(write(tmp_path, model_bytes))
    finally:
        translation.set_language("en")


def test_a_leaky_relu_of_another_slope_is_refused_with_the_reason(tmp_path):
    h = onnx.helper
    leaky = h.make_node("LeakyRelu", ["pre1"], ["act1"], name="leaky", alpha=0.2)
    model_bytes = small_mlp(np.random.default_rng(0), leaky)
    with pytest.raises(ExportError) as refused:
        network_from_onnx(write(tmp_path, model_bytes))
    message = str(refused.value)
    assert "'leaky'" in message and "LeakyRelu" in message and "alpha 0.2" in message
    assert "slope 0.01" in message


@pytest.mark.parametrize("garbage", [b"\x00garbage", b"not a model", b"", b"\x08\x07"])
def test_a_file_that_is_not_onnx_is_refused(tmp_path, garbage):
    with pytest.raises(ExportError, match="not an ONNX model"):
        network_from_onnx(write(tmp_path, garbage))


def test_a_missing_file_is_refused_with_the_reason(tmp_path):
    with pytest.raises(ExportError, match="cannot read the model"):
        network_from_onnx(tmp_path / "nowhere.onnx")


def test_a_model_with_two_inputs_is_refused(tmp_path):
    h = onnx.helper
    inputs = [h.make_tensor_value_info(n, onnx.TensorProto.FLOAT, ["N", 2]) for n in "ab"]
    graph = h.make_graph(
        [h.make_node("Add", ["a", "b"], ["y"], name="sum")],
        "two",
        inputs,
        [h.make_tensor_value_info("y", onnx.TensorProto.FLOAT, ["N", 2])],
    )
    model = h.make_model(graph, opset_imports=[h.make_opsetid("", 17)])
    with pytest.raises(ExportError, match="2 inputs \\('a', 'b'\\)"):
        network_from_onnx(write(tmp_path, model.SerializeToString()))


def test_a_network_without_inputs_or_outputs_cannot_be_exported():
    network = Network(name="lonely")
    network.add_neuron(Neuron("o1", "output", "sigmoid", 0.0))
    with pytest.raises(ExportError, match="no input neurons"):
        onnx_model_bytes(network, "lonely.json")
    network = Network(name="deaf")
    network.add_neuron(Neuron("i1", "input"))
    with pytest.raises(ExportError, match="no output neurons"):
        onnx_model_bytes(network, "deaf.json")


def test_every_message_is_one_line_for_the_user():
    assert "\n" not in (onnx_export.onnx_missing() or "")


def test_a_last_layer_without_activation_becomes_linear_output_neurons(tmp_path):
    model = onnx.load_from_string(small_mlp(np.random.default_rng(2)))
    graph = model.graph
    graph.node.remove(graph.node[-1])  # the Sigmoid
    graph.output[0].name = "pre2"
    model_bytes = model.SerializeToString()
    network = network_from_onnx(write(tmp_path, model_bytes))
    assert [network.neuron(i).activation for i in network.output_ids()] == ["linear"]
    x = np.random.default_rng(3).uniform(-2, 2, (10, 2))
    assert largest_error(engine_outputs(network, x), run(model_bytes, x)) <= FLOAT32_TOLERANCE


def test_a_malformed_node_is_refused_not_a_traceback(tmp_path):
    model = onnx.load_from_string(small_mlp(np.random.default_rng(2)))
    del model.graph.node[0].input[1]  # a MatMul of one operand
    with pytest.raises(ExportError, match="node 'fc1' \\(MatMul\\)"):
        network_from_onnx(write(tmp_path, model.SerializeToString()))


def test_l1_travels_in_the_metadata_and_an_older_model_without_it_imports_with_0(tmp_path):
    network = two_two_two()
    network.training = replace(network.training, l1=0.004, l2=0.01)
    model = onnx.load_from_string(onnx_model_bytes(network, "two.json"))
    imported = network_from_onnx(write(tmp_path, model.SerializeToString(), "l1.onnx"))
    assert imported.training == network.training and imported.training.l1 == 0.004

    # A model exported before l1 existed has no "l1" in its training settings.
    (entry,) = [p for p in model.metadata_props if p.key == METADATA_KEY]
    metadata = json.loads(entry.value)
    del metadata["training"]["l1"]
    entry.value = json.dumps(metadata)
    older = network_from_onnx(write(tmp_path, model.SerializeToString(), "older.onnx"))
    assert older.training == replace(network.training, l1=0.0)
