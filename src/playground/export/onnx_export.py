"""A network as an ONNX model: input `x` (batch, inputs), output `y` (batch, outputs).

The graph follows the engine's compiled levels: each topological level gathers the
columns it reads from earlier levels, multiplies them by one dense weight matrix (zero
where there is no connection), adds its biases, and applies each activation to the run
of columns that shares it. `y` gathers the output neurons' columns in file order.

The model is float64 when onnxruntime runs every operator it needs in double, so its
outputs equal the engine's to round-off; ELU and softplus run only in float32 there,
so a network with either is written in float32. Neuron ids, roles, activations, labels,
positions and the connection set travel in the model's metadata (`METADATA_KEY`), so an
import gives back the same network; `onnx` itself is imported only when used.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from typing import TYPE_CHECKING, Any

import numpy as np

import playground
from playground.engine.compiled_network import CompiledNetwork, Piece
from playground.model.errors import ExportError
from playground.model.network import Network
from playground.translation import translate

if TYPE_CHECKING:
    import onnx

METADATA_KEY = "nn-playground"
METADATA_FORMAT = "nn-playground-onnx"
METADATA_VERSION = 1
OPSET = 17
IR_VERSION = 8  # what opset 17 needs; newer IR versions shut out older onnxruntimes
INSTALL = 'pip install "nn-playground[onnx]"'

# Activations onnxruntime computes only in float32: a network with one is written in float32.
FLOAT32_ONLY = frozenset({"elu", "softplus"})
LEAKY_RELU_SLOPE = 0.01


def onnx_missing() -> str | None:
    """None when the `onnx` package is installed; else what to install, in one sentence.

    Looked up without importing it: the menus ask at start, and importing onnx takes a third
    of a second. A package that is there but broken is reported when it is first used."""
    if "onnx" in sys.modules:  # imported already, or marked missing with None
        installed = sys.modules["onnx"] is not None
    else:
        try:
            installed = importlib.util.find_spec("onnx") is not None
        except (ImportError, ValueError):
            installed = False
    if not installed:
        return translate(
            "Export", "ONNX models need the onnx package, which is not installed: {install}"
        ).format(install=INSTALL)
    return None


def needs_float32(network: Network) -> bool:
    """True when an activation of the network has no double kernel in onnxruntime."""
    return any(n.activation in FLOAT32_ONLY for n in network.neurons if not n.is_input)


def onnx_model_bytes(network: Network, source_name: str) -> bytes:
    """The network as a serialized ONNX ModelProto; ExportError says why it cannot be."""
    problem = onnx_missing()
    if problem:
        raise ExportError(problem)
    return _GraphWriter(network, source_name).model().SerializeToString()


class _GraphWriter:
    """Builds the nodes and initializers of one network's graph."""

    def __init__(self, network: Network, source_name: str) -> None:
        import onnx

        self.onnx = onnx
        self.network = network
        self.source_name = source_name
        if not network.input_ids():
            raise ExportError(
                translate(
                    "Export", "the network has no input neurons; an ONNX model needs an input x"
                )
            )
        if not network.output_ids():
            raise ExportError(
                translate(
                    "Export", "the network has no output neurons; an ONNX model needs an output y"
                )
            )
        self.float32 = needs_float32(network)
        self.dtype = np.float32 if self.float32 else np.float64
        self.element_type = onnx.TensorProto.FLOAT if self.float32 else onnx.TensorProto.DOUBLE
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        # Tensor name → the neuron ids of its columns, for each tensor of neuron outputs.
        self.tensors: dict[str, list[str]] = {}

    # ------------------------------------------------------------ building blocks

    def constant(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(self.onnx.numpy_helper.from_array(value, name))
        return name

    def node(self, op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        self.nodes.append(
            self.onnx.helper.make_node(op, inputs, [output], name=output, **attributes)
        )
        return output

    def gather(self, level_outputs: list[str], pieces: list[Piece], name: str) -> str:
        """One tensor of the columns the pieces name, in their order."""
        parts = []
        for k, (level, columns) in enumerate(pieces):
            if columns is None:
                parts.append(level_outputs[level])
            else:
                indices = self.constant(f"{name}_columns{k}", np.asarray(columns, dtype=np.int64))
                parts.append(
                    self.node("Gather", [level_outputs[level], indices], f"{name}_part{k}", axis=1)
                )
        if len(parts) == 1:
            return parts[0]
        return self.node("Concat", parts, name, axis=1)

    def activation(self, name: str, z: str, output: str) -> str:
        """y = f(z) for one activation, matching engine/activations.py."""
        if name == "linear":
            return self.node("Identity", [z], output)
        if name == "swish":
            sigmoid = self.node("Sigmoid", [z], f"{output}_sigmoid")
            return self.node("Mul", [z, sigmoid], output)
        if name == "leaky_relu" and not self.float32:
            # LeakyRelu's alpha is a float32 attribute, 0.01 only to 2e-10: in double the
            # formula max(z, 0.01·z) (equal to the engine's where(z > 0, z, 0.01·z)) is exact.
            slope = self.constant(f"{output}_slope", np.array(LEAKY_RELU_SLOPE, np.float64))
            scaled = self.node("Mul", [z, slope], f"{output}_scaled")
            return self.node("Max", [z, scaled], output)
        if name == "leaky_relu":
            return self.node("LeakyRelu", [z], output, alpha=LEAKY_RELU_SLOPE)
        if name == "elu":
            return self.node("Elu", [z], output, alpha=1.0)
        operators = {
            "sigmoid": "Sigmoid",
            "tanh": "Tanh",
            "relu": "Relu",
            "softplus": "Softplus",
            "sin": "Sin",
        }
        return self.node(operators[name], [z], output)

    # ------------------------------------------------------------ the graph

    def model(self) -> onnx.ModelProto:
        helper = self.onnx.helper
        compiled = CompiledNetwork(self.network)
        outputs = ["x"]
        self.tensors["x"] = list(compiled.levels[0].ids)
        for k, level in enumerate(compiled.levels[1:], start=1):
            if level.sources:
                source = self.gather(outputs, level.sources, f"level{k}_sources")
                weights = level.weights
            else:
                # Neurons without incoming connections: z = b, written as x times zeros
                # so that z keeps the batch dimension.
                source = "x"
                weights = np.zeros((len(compiled.input_ids), len(level.ids)))
            w = self.constant(f"level{k}_weights", weights.astype(self.dtype))
            b = self.constant(f"level{k}_biases", level.biases.astype(self.dtype))
            product = self.node("MatMul", [source, w], f"level{k}_product")
            z = self.node("Add", [product, b], f"z{k}")
            if len(level.groups) == 1:
                name = level.groups[0][1].name
                outputs.append(self.activation(name, z, f"y{k}"))
                self.tensors[f"y{k}"] = list(level.ids)
                continue
            parts = []
            for columns, act in level.groups:
                bounds = [
                    self.constant(f"z{k}_{act.name}_{end}", np.array([value], np.int64))
                    for end, value in (("start", columns.start), ("stop", columns.stop))
                ]
                axis = self.constant(f"z{k}_{act.name}_axis", np.array([1], np.int64))
                part = self.node("Slice", [z, *bounds, axis], f"z{k}_{act.name}")
                parts.append(self.activation(act.name, part, f"y{k}_{act.name}"))
                self.tensors[parts[-1]] = list(level.ids[columns])
            outputs.append(self.node("Concat", parts, f"y{k}", axis=1))
        y = self.gather(outputs, compiled.output_pieces, "outputs")
        self.node("Identity", [y], "y")

        graph = helper.make_graph(
            self.nodes,
            self.network.name or "network",
            [
                helper.make_tensor_value_info(
                    "x", self.element_type, ["batch", len(compiled.input_ids)]
                )
            ],
            [
                helper.make_tensor_value_info(
                    "y", self.element_type, ["batch", len(compiled.output_ids)]
                )
            ],
            self.initializers,
        )
        model = helper.make_model(
            graph,
            producer_name="nn-playground",
            producer_version=playground.__version__,
            doc_string=f"Exported by NN Playground from {self.source_name}",
            opset_imports=[helper.make_opsetid("", OPSET)],
        )
        model.ir_version = IR_VERSION
        helper.set_model_props(model, {METADATA_KEY: json.dumps(self.metadata())})
        return model

    def metadata(self) -> dict:
        """What the tensors cannot say: ids, roles, activations, labels, positions, connections."""
        network = self.network
        neurons = []
        for n in network.neurons:
            entry: dict[str, Any] = {"id": n.id, "role": n.role}
            if n.label:
                entry["label"] = n.label
            if not n.is_input:
                entry["activation"] = n.activation
            entry["x"], entry["y"] = float(n.x), float(n.y)
            neurons.append(entry)
        return {
            "format": METADATA_FORMAT,
            "version": METADATA_VERSION,
            "name": network.name,
            "source": self.source_name,
            "dtype": "float32" if self.float32 else "float64",
            "loss": network.loss,
            "training": dataclasses.asdict(network.training),
            "neurons": neurons,
            "connections": [[c.source, c.target] for c in network.connections],
            "tensors": self.tensors,
        }
