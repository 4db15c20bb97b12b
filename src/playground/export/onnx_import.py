"""An ONNX model as a network: a feed-forward graph of dense layers and activations.

The graph is read symbolically, node by node. Every tensor it computes is a batch of
rows, and each of its columns is one of: the output y of a neuron (`_Units`), a
pre-activation z = b + Σ w·y over earlier neurons (`_Affine`), or such a z with an
element-wise activation applied but not yet made into neurons (`_Activated`, so that
x·sigmoid(x) and max(z, 0.01·z) can still be recognised as swish and leaky_relu).
MatMul, Gemm, Add, Mul by a constant, Concat, Slice and Gather move columns and weights
around; whatever consumes an activated tensor turns its columns into neurons.

A model this app exported carries its neurons' ids, roles, positions and connection set
in its metadata; any other model gets generated ids (i1…, h1…, o1…), a layered layout,
a connection for every nonzero weight, the squared-error loss and default training.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.export import onnx_export
from playground.model.connection import Connection
from playground.model.errors import ExportError, NetworkEditError
from playground.model.layout import auto_arrange, column_positions, topological_levels
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings
from playground.model.vocabulary import ACTIVATIONS, LOSSES
from playground.translation import QT_TRANSLATE_NOOP, translate

MAX_MODEL_BYTES = 1 << 30  # past this, a model is no network a person built by hand
MAX_INPUTS = 100_000
# Auto-arrange orders rows against crossings in seconds past this (14 s for a 784-128-10 MLP).
ARRANGE_CONNECTIONS = 5_000

# Element-wise operators with a network-file activation; LeakyRelu and Elu check their alpha.
ACTIVATION_OPERATORS = {
    "Sigmoid": "sigmoid",
    "Tanh": "tanh",
    "Relu": "relu",
    "LeakyRelu": "leaky_relu",
    "Elu": "elu",
    "Softplus": "softplus",
    "Sin": "sin",
}
ALPHAS = {
    "LeakyRelu": (0.01, QT_TRANSLATE_NOOP("ImportOnnx", "leaky_relu has slope 0.01")),
    "Elu": (1.0, QT_TRANSLATE_NOOP("ImportOnnx", "elu has alpha 1")),
}


class _MetadataMismatch(Exception):
    """The metadata does not describe this graph (edited since export): read it as foreign."""


@dataclass(eq=False)
class _Unit:
    """One neuron being built: an input column of x, or a neuron with its incoming weights."""

    activation: str | None = None  # None for an input
    bias: float = 0.0
    sources: list[tuple[_Unit, float]] = field(default_factory=list)
    id: str | None = None  # from the metadata, or given at the end


@dataclass
class _Units:
    units: list[_Unit]

    @property
    def width(self) -> int:
        return len(self.units)

    def columns(self, index: np.ndarray) -> _Units:
        return _Units([self.units[k] for k in index])


@dataclass
class _Affine:
    """Columns z = b + sources' y · weights; `scaled` = (tensor, factor) when it is factor·tensor."""

    sources: list[_Unit]
    weights: np.ndarray  # (sources, columns)
    biases: np.ndarray  # (columns,)
    scaled: tuple[str, float] | None = None

    @property
    def width(self) -> int:
        return len(self.biases)

    def columns(self, index: np.ndarray) -> _Affine:
        return _Affine(self.sources, self.weights[:, index], self.biases[index])

    @staticmethod
    def of_units(units: list[_Unit], matrix: np.ndarray) -> _Affine:
        """y_units · matrix, a unit read twice (Concat(x, x)) given one row, the sum of both."""
        rows: dict[int, int] = {}
        sources: list[_Unit] = []
        for unit in units:
            if id(unit) not in rows:
                rows[id(unit)] = len(sources)
                sources.append(unit)
        weights = np.zeros((len(sources), matrix.shape[1]))
        for k, unit in enumerate(units):
            weights[rows[id(unit)]] += matrix[k]
        return _Affine(sources, weights, np.zeros(matrix.shape[1]))

    @staticmethod
    def joined(parts: list[_Affine], side_by_side: bool) -> _Affine:
        """Columns side by side (Concat), or the sum of equally wide parts (Add)."""
        rows: dict[int, int] = {}
        sources: list[_Unit] = []
        for part in parts:
            for unit in part.sources:
                if id(unit) not in rows:
                    rows[id(unit)] = len(sources)
                    sources.append(unit)
        width = sum(p.width for p in parts) if side_by_side else parts[0].width
        weights, biases, start = np.zeros((len(sources), width)), np.zeros(width), 0
        for part in parts:
            columns = slice(start, start + part.width) if side_by_side else slice(0, width)
            for unit, row in zip(part.sources, part.weights):
                weights[rows[id(unit)], columns] += row
            biases[columns] += part.biases
            start += part.width if side_by_side else 0
        return _Affine(sources, weights, biases)


@dataclass
class _Activated:
    """f(z) of an affine tensor, not yet neurons; `tensor` names it, `base` names z's tensor."""

    affine: _Affine
    activation: str
    tensor: str
    base: str
    made: _Units | None = None

    @property
    def width(self) -> int:
        return self.affine.width


Value = np.ndarray | _Units | _Affine | _Activated


def network_from_onnx(path: str | os.PathLike) -> Network:
    """The network an ONNX model describes, laid out; ExportError says what it cannot hold."""
    problem = onnx_export.onnx_missing()
    if problem:
        raise ExportError(problem)
    import onnx
    from google.protobuf.message import DecodeError

    shown = os.fspath(path)
    try:
        size = os.path.getsize(shown)
        if size > MAX_MODEL_BYTES:
            raise ExportError(
                f"{shown}: "
                + translate("Export", "the model is {size} MiB; the limit is 1 GiB").format(
                    size=size >> 20
                )
            )
        model = onnx.load(shown)
    except ExportError:
        raise
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise ExportError(
            f"{shown}: " + translate("Export", "cannot read the model ({why})").format(why=reason)
        ) from None
    except (DecodeError, ValueError, RuntimeError):
        # protobuf says only that the bytes do not decode, in words for a programmer.
        raise ExportError(
            f"{shown}: " + translate("Export", "this is not an ONNX model (it does not decode)")
        ) from None
    if not model.HasField("graph") or not model.graph.node:
        raise ExportError(
            f"{shown}: " + translate("Export", "this is not an ONNX model (it holds no graph)")
        )
    stem = os.path.splitext(os.path.basename(shown))[0]
    metadata = _metadata(model)
    if metadata is not None:
        try:
            return _Reader(model, shown, metadata).network(stem)
        except (_MetadataMismatch, KeyError, TypeError, ValueError, AttributeError):
            pass  # edited since this app wrote it, or not by this app: read the graph alone
    return _Reader(model, shown, None).network(stem)


def _metadata(model: Any) -> dict | None:
    for prop in model.metadata_props:
        if prop.key == onnx_export.METADATA_KEY:
            try:
                document = json.loads(prop.value)
            except (ValueError, RecursionError):
                return None
            if (
                isinstance(document, dict)
                and document.get("format") == onnx_export.METADATA_FORMAT
                and document.get("version") == onnx_export.METADATA_VERSION
            ):
                return document
    return None


class _Reader:
    """Reads one graph, with or without the metadata of this app's export."""

    def __init__(self, model: Any, shown: str, metadata: dict | None) -> None:
        import onnx

        self.onnx = onnx
        self.model = model
        self.graph = model.graph
        self.shown = shown
        self.metadata = metadata
        self.values: dict[str, Value] = {}
        self.inputs: list[_Unit] = []
        self.made: list[_Unit] = []  # neurons in the order they were made
        self.tensors: dict[str, list[str]] = dict(metadata["tensors"]) if metadata else {}

    def refuse(self, message: str) -> ExportError:
        return ExportError(f"{self.shown}: {message}")

    # ------------------------------------------------------------ reading

    def network(self, stem: str) -> Network:
        graph = self.graph
        for tensor in graph.initializer:
            self.values[tensor.name] = self._array(tensor)
        constants = {t.name for t in graph.initializer}
        inputs = [i for i in graph.input if i.name not in constants]
        if len(inputs) != 1:
            names = ", ".join(repr(i.name) for i in inputs)
            raise self.refuse(
                translate(
                    "ImportOnnx",
                    "the model has {count_inputs} inputs ({names}); a network reads one input tensor of shape (batch, inputs)",
                ).format(count_inputs=len(inputs), names=names)
            )
        if len(graph.output) != 1:
            raise self.refuse(
                translate(
                    "ImportOnnx",
                    "the model has {count_output} outputs; a network gives one output tensor of shape (batch, outputs)",
                ).format(count_output=len(graph.output))
            )
        width = self._input_width(inputs[0])
        self.inputs = [_Unit() for _ in range(width)]
        self.values[inputs[0].name] = _Units(list(self.inputs))
        self._name_units(inputs[0].name, self.inputs)
        for k, node in enumerate(graph.node):
            self._read_node(k, node)
        name = graph.output[0].name
        if name not in self.values:
            raise self.refuse(
                translate("ImportOnnx", "the output {name!r} is not computed by any node").format(
                    name=name
                )
            )
        outputs = self._output_units(self.values[name])
        if self.metadata is not None:
            # Neurons nothing reads still come back, as the metadata lists them.
            for value in list(self.values.values()):
                if isinstance(value, _Activated) and value.tensor in self.tensors:
                    self._made(value)
        return self._build(outputs, stem)

    def _input_width(self, tensor: Any) -> int:
        kind = tensor.type.tensor_type
        floats = (self.onnx.TensorProto.FLOAT, self.onnx.TensorProto.DOUBLE)
        if not tensor.type.HasField("tensor_type") or kind.elem_type not in floats:
            raise self.refuse(
                translate(
                    "ImportOnnx", "the input {name!r} is not a tensor of float or double numbers"
                ).format(name=tensor.name)
            )
        dims = kind.shape.dim
        if len(dims) != 2 or not 1 <= dims[1].dim_value <= MAX_INPUTS:
            raise self.refuse(
                translate(
                    "ImportOnnx",
                    "the input {name!r} is not of shape (batch, inputs) with a fixed number of inputs from 1 to {MAX_INPUTS:,}",
                ).format(name=tensor.name, MAX_INPUTS=MAX_INPUTS)
            )
        return int(dims[1].dim_value)

    def _array(self, tensor: Any) -> np.ndarray:
        try:
            array = self.onnx.numpy_helper.to_array(tensor)
        except (ValueError, TypeError, RuntimeError, OSError):
            raise self.refuse(
                translate("ImportOnnx", "the constant {name!r} cannot be read").format(
                    name=tensor.name
                )
            ) from None
        if array.dtype.kind == "f":
            array = array.astype(np.float64)
            if not np.isfinite(array).all():
                raise self.refuse(
                    translate("ImportOnnx", "the constant {name!r} holds NaN or infinity").format(
                        name=tensor.name
                    )
                )
        return array

    def _read_node(self, k: int, node: Any) -> None:
        output = node.output[0] if node.output else ""
        where = (
            translate("ImportOnnx", "node {name!r}").format(name=node.name)
            if node.name
            else translate("ImportOnnx", "node {number} (output {output!r})").format(
                number=k + 1, output=output
            )
        )
        if node.domain not in ("", "ai.onnx"):
            raise self.refuse(
                translate(
                    "ImportOnnx",
                    "{where} is a {op_type} of the domain {domain!r}, which a network file cannot hold",
                ).format(where=where, op_type=node.op_type, domain=node.domain)
            )
        reader = _OPERATORS.get(node.op_type)
        if reader is None:
            raise self.refuse(
                translate(
                    "ImportOnnx", "{where} is a {op_type}, which a network file cannot hold"
                ).format(where=where, op_type=node.op_type)
            )
        if len(node.output) != 1:
            raise self.refuse(
                translate("ImportOnnx", "{where} ({op_type}) has {count_output} outputs").format(
                    where=where, op_type=node.op_type, count_output=len(node.output)
                )
            )
        operands: list[Value | None] = []
        for name in node.input:
            if name == "":
                operands.append(None)
            elif name not in self.values:
                raise self.refuse(
                    translate(
                        "ImportOnnx", "{where} reads {name!r}, which nothing before it computes"
                    ).format(where=where, name=name)
                )
            else:
                operands.append(self.values[name])
        attributes = {a.name: self.onnx.helper.get_attribute_value(a) for a in node.attribute}
        about = _Node(where, node.op_type, output, list(node.input))
        try:
            self.values[output] = reader(self, about, operands, attributes)
        except (ValueError, TypeError, IndexError):
            # A malformed node: inputs of the wrong number, shape or kind.
            raise self.refuse(
                translate(
                    "ImportOnnx",
                    "{where} ({op_type}) has inputs of a number or shape it cannot take",
                ).format(where=where, op_type=node.op_type)
            ) from None

    # ------------------------------------------------------------ turning values into neurons

    def _name_units(self, tensor: str, units: list[_Unit]) -> None:
        if self.metadata is None:
            return
        ids = self.tensors.pop(tensor, None)
        if ids is None or len(ids) != len(units):
            raise _MetadataMismatch(f"the metadata does not name the columns of {tensor!r}")
        for unit, neuron_id in zip(units, ids):
            unit.id = neuron_id

    def _made(self, value: _Activated) -> _Units:
        if value.made is None:
            affine = value.affine
            units = [
                _Unit(value.activation, float(affine.biases[c]), self._incoming(affine, c))
                for c in range(affine.width)
            ]
            self._name_units(value.tensor, units)
            self.made.extend(units)
            value.made = _Units(units)
        return value.made

    def _incoming(self, affine: _Affine, column: int) -> list[tuple[_Unit, float]]:
        """The connections of one column: every nonzero weight (and, in this app's export,
        a zero weight the metadata says is a connection, checked in `_build`)."""
        return [
            (unit, float(w))
            for unit, w in zip(affine.sources, affine.weights[:, column])
            if w != 0.0 or self.metadata is not None
        ]

    def units(self, value: Value, where: str) -> _Units:
        """The value as neurons' outputs: an affine tensor becomes linear neurons."""
        if isinstance(value, _Units):
            return value
        if isinstance(value, _Activated):
            return self._made(value)
        if isinstance(value, _Affine):
            return self._made(_Activated(value, "linear", f"{where} (linear)", ""))
        raise self.refuse(
            translate(
                "ImportOnnx", "{where} reads a constant where it needs the network's values"
            ).format(where=where)
        )

    def affine(self, value: Value, where: str) -> _Affine:
        if isinstance(value, _Affine):
            return value
        units = self.units(value, where).units
        return _Affine.of_units(units, np.eye(len(units)))

    def _output_units(self, value: Value) -> list[_Unit]:
        units = list(self.units(value, "the output").units)
        if self.metadata is not None:
            return units
        # An input, or a neuron given twice, as an output column: a linear neuron passes it on.
        seen: set[int] = set()
        for k, unit in enumerate(units):
            if unit.activation is None or id(unit) in seen:
                units[k] = _Unit("linear", 0.0, [(unit, 1.0)])
                self.made.append(units[k])
            seen.add(id(units[k]))
        return units

    # ------------------------------------------------------------ the network

    def _build(self, outputs: list[_Unit], stem: str) -> Network:
        if self.metadata is not None:
            return self._build_from_metadata(outputs, stem)
        output_ids = {id(u) for u in outputs}
        for k, unit in enumerate(self.inputs, start=1):
            unit.id = f"i{k}"
        hidden = [u for u in self.made if id(u) not in output_ids]
        for k, unit in enumerate(hidden, start=1):
            unit.id = f"h{k}"
        for k, unit in enumerate(outputs, start=1):
            unit.id = f"o{k}"
        network = Network(name=stem)
        neurons = [Neuron(u.id or "", "input") for u in self.inputs]
        neurons += [Neuron(u.id or "", "hidden", u.activation, u.bias) for u in hidden]
        neurons += [Neuron(u.id or "", "output", u.activation, u.bias) for u in outputs]
        connections = [
            Connection(source.id or "", unit.id or "", weight)
            for unit in hidden + outputs
            for source, weight in unit.sources
        ]
        try:
            for neuron in neurons:
                network.add_neuron(neuron)
            network.add_connections(connections)
        except NetworkEditError as error:
            raise self.refuse(
                translate("ImportOnnx", "the model does not make a network: {error}").format(
                    error=error
                )
            ) from None
        for neuron_id, (x, y) in _layout(network).items():
            network.set_position(neuron_id, x, y)
        return network

    def _build_from_metadata(self, outputs: list[_Unit], stem: str) -> Network:
        metadata = self.metadata or {}
        try:
            return _network_from_metadata(metadata, self.inputs + self.made, outputs, stem)
        except (KeyError, TypeError, ValueError, NetworkEditError) as error:
            raise _MetadataMismatch(str(error)) from None


def _layout(network: Network) -> dict[str, tuple[float, float]]:
    """Columns by topological level; rows ordered against crossings where that is quick."""
    if len(network.connections) <= ARRANGE_CONNECTIONS:
        return auto_arrange(network)
    level = topological_levels(network)
    columns: dict[int, list[str]] = {}
    for neuron in network.neurons:
        columns.setdefault(level[neuron.id], []).append(neuron.id)
    return {
        neuron_id: xy
        for k, ids in columns.items()
        for neuron_id, xy in zip(ids, column_positions(len(ids), k))
    }


def _network_from_metadata(
    metadata: dict, units: list[_Unit], outputs: list[_Unit], stem: str
) -> Network:
    by_id = {u.id: u for u in units}
    if len(by_id) != len(units) or None in by_id:
        raise ValueError("the metadata names a neuron twice")
    entries = metadata["neurons"]
    if {e["id"] for e in entries} != set(by_id) or len(entries) != len(by_id):
        raise ValueError("the metadata lists other neurons than the graph computes")
    if [u.id for u in outputs] != [e["id"] for e in entries if e["role"] == "output"]:
        raise ValueError("the output columns are not the metadata's output neurons")
    name, loss = metadata.get("name"), metadata["loss"]
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r}")
    training = TrainingSettings(**metadata["training"])
    network = Network(
        name=name if isinstance(name, str) and name else stem,
        loss=loss,
        training=training,
    )
    for e in entries:
        unit = by_id[e["id"]]
        if not isinstance(e.get("label"), str | None):
            raise TypeError(f"{e['id']}'s label is not text")
        if e["role"] == "input":
            if unit.activation is not None:
                raise ValueError(f"{e['id']} is an input in the metadata only")
            neuron = Neuron(e["id"], "input", x=e["x"], y=e["y"], label=e.get("label"))
        else:
            if unit.activation != e["activation"] or e["activation"] not in ACTIVATIONS:
                raise ValueError(f"{e['id']}'s activation differs from the graph's")
            neuron = Neuron(
                e["id"], e["role"], unit.activation, unit.bias, e["x"], e["y"], e.get("label")
            )
        network.add_neuron(neuron)
    weights = {(source.id, unit.id): weight for unit in units for source, weight in unit.sources}
    listed = [(str(s), str(t)) for s, t in metadata["connections"]]
    if any(key not in weights for key in listed):
        raise ValueError("the metadata lists a connection the graph does not have")
    # A nonzero weight the metadata does not list (the model was edited) is kept all the same.
    extra = [key for key, w in weights.items() if w != 0.0 and key not in set(listed)]
    network.add_connections(
        [Connection(s, t, weights[(s, t)]) for s, t in listed + extra]  # type: ignore[arg-type]
    )
    return network


# ------------------------------------------------------------ operators


@dataclass
class _Node:
    where: str
    op: str
    output: str
    inputs: list[str]


Operator = Callable[[_Reader, _Node, list, dict], Value]


def _constant_operand(reader: _Reader, node: _Node, value: Value | None, what: str) -> np.ndarray:
    if not isinstance(value, np.ndarray):
        raise reader.refuse(
            translate("ImportOnnx", "{where} ({op}) needs a constant {what}").format(
                where=node.where, op=node.op, what=what
            )
        )
    return value


def _row(reader: _Reader, node: _Node, array: np.ndarray, width: int) -> np.ndarray:
    """A constant that broadcasts along the batch: a scalar, (width,) or (1, width)."""
    if array.dtype.kind != "f":
        raise reader.refuse(
            translate("ImportOnnx", "{where} ({op}) has a constant that is not a number").format(
                where=node.where, op=node.op
            )
        )
    if array.ndim > 2 or (array.ndim == 2 and array.shape[0] != 1):
        raise reader.refuse(
            translate(
                "ImportOnnx",
                "{where} ({op}) has a constant of shape {shape} that differs from sample to sample",
            ).format(where=node.where, op=node.op, shape=array.shape)
        )
    try:
        return np.broadcast_to(array.reshape(-1), (width,)).astype(np.float64)
    except ValueError:
        raise reader.refuse(
            translate(
                "ImportOnnx", "{where} ({op}) has a constant of {size} values for {width} columns"
            ).format(where=node.where, op=node.op, size=array.size, width=width)
        ) from None


def _matmul(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    left, right = operands
    matrix = _constant_operand(
        reader, node, right, translate("ImportOnnx", "weight matrix on the right")
    )
    units = reader.units(left, node.where).units
    if matrix.ndim != 2 or matrix.shape[0] != len(units):
        raise reader.refuse(
            translate(
                "ImportOnnx",
                "{where} (MatMul) multiplies {count_units} columns by a matrix of shape {shape}",
            ).format(where=node.where, count_units=len(units), shape=matrix.shape)
        )
    return _Affine.of_units(units, matrix)


def _gemm(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    if attributes.get("transA", 0):
        raise reader.refuse(
            translate("ImportOnnx", "{where} is a Gemm with transA, which mixes samples").format(
                where=node.where
            )
        )
    matrix = _constant_operand(
        reader, node, operands[1], translate("ImportOnnx", "weight matrix B")
    )
    if matrix.ndim != 2:
        raise reader.refuse(
            translate("ImportOnnx", "{where} (Gemm) has a B of shape {shape}").format(
                where=node.where, shape=matrix.shape
            )
        )
    if attributes.get("transB", 0):
        matrix = matrix.T
    product = _matmul(
        reader, node, [operands[0], matrix * attributes.get("alpha", 1.0)], attributes
    )
    assert isinstance(product, _Affine)
    if len(operands) > 2 and operands[2] is not None:
        c = _constant_operand(reader, node, operands[2], translate("ImportOnnx", "bias C"))
        product.biases = product.biases + attributes.get("beta", 1.0) * _row(
            reader, node, c, product.width
        )
    return product


def _add(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    constants = [v for v in operands if isinstance(v, np.ndarray)]
    computed = [v for v in operands if not isinstance(v, np.ndarray)]
    if not computed:
        return operands[0] + operands[1]
    parts = [reader.affine(v, node.where) for v in computed]
    if len(parts) == 2 and parts[0].width != parts[1].width:
        raise reader.refuse(
            translate(
                "ImportOnnx", "{where} (Add) adds {width} columns to {width2} columns"
            ).format(where=node.where, width=parts[0].width, width2=parts[1].width)
        )
    total = _Affine.joined(parts, side_by_side=False)
    for constant in constants:
        total.biases = total.biases + _row(reader, node, constant, total.width)
    return total


def _mul(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    left, right = operands
    for z, s in ((left, right), (right, left)):
        # x·sigmoid(x): swish.
        is_sigmoid = isinstance(s, _Activated) and s.activation == "sigmoid"
        if is_sigmoid and s.base and reader.values.get(s.base) is z:
            return _Activated(s.affine, "swish", node.output, s.base)
    for value, constant, base in ((left, right, node.inputs[0]), (right, left, node.inputs[1])):
        if isinstance(constant, np.ndarray) and not isinstance(value, np.ndarray):
            factor = _row(reader, node, constant, value.width)
            affine = reader.affine(value, node.where)
            scaled = _Affine(affine.sources, affine.weights * factor, affine.biases * factor)
            if constant.size == 1:
                scaled.scaled = (base, float(constant.reshape(-1)[0]))
            return scaled
    if isinstance(left, np.ndarray) and isinstance(right, np.ndarray):
        return left * right
    raise reader.refuse(
        translate(
            "ImportOnnx",
            "{where} is a Mul of two computed values that is not x·sigmoid(x), which a network file cannot hold",
        ).format(where=node.where)
    )


def _max(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    if len(operands) == 2:
        for z, scaled in (operands, operands[::-1]):
            if z is None or not isinstance(scaled, _Affine) or scaled.scaled is None:
                continue
            base, factor = scaled.scaled
            if reader.values.get(base) is z:
                if np.float32(factor) != np.float32(0.01):
                    raise reader.refuse(
                        translate(
                            "ImportOnnx",
                            "{where} is max(z, {factor:g}·z), a leaky ReLU of slope {factor:g}; a network file's leaky_relu has slope 0.01",
                        ).format(where=node.where, factor=factor)
                    )
                return _activated(reader, reader.values[base], "leaky_relu", node.output, base)
    raise reader.refuse(
        translate(
            "ImportOnnx",
            "{where} is a Max that is not max(z, 0.01·z), which a network file cannot hold",
        ).format(where=node.where)
    )


def _activated(reader: _Reader, value: Value, activation: str, output: str, base: str) -> Value:
    return _Activated(reader.affine(value, output), activation, output, base)


def _activation(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    (value,) = operands
    if node.op in ALPHAS:
        expected, rule = ALPHAS[node.op]
        alpha = attributes.get("alpha", expected)
        if np.float32(alpha) != np.float32(expected):
            raise reader.refuse(
                translate(
                    "ImportOnnx", "{where} is a {op} with alpha {alpha:g}; a network file's {rule}"
                ).format(
                    where=node.where, op=node.op, alpha=alpha, rule=translate("ImportOnnx", rule)
                )
            )
    return _activated(reader, value, ACTIVATION_OPERATORS[node.op], node.output, node.inputs[0])


def _identity(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    (value,) = operands
    if isinstance(value, _Affine):
        return _activated(reader, value, "linear", node.output, "")
    return value


def _concat(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    if attributes.get("axis") not in (1, -1):
        raise reader.refuse(
            translate(
                "ImportOnnx",
                "{where} is a Concat along axis {value}; a network joins columns only (axis 1)",
            ).format(where=node.where, value=attributes.get("axis"))
        )
    if any(isinstance(v, np.ndarray) for v in operands):
        raise reader.refuse(
            translate(
                "ImportOnnx", "{where} (Concat) joins a constant to the network's values"
            ).format(where=node.where)
        )
    if all(isinstance(v, (_Units, _Activated)) for v in operands):
        return _Units([u for v in operands for u in reader.units(v, node.where).units])
    return _Affine.joined([reader.affine(v, node.where) for v in operands], side_by_side=True)


def _columns(reader: _Reader, node: _Node, value: Value, index: np.ndarray) -> Value:
    if isinstance(value, np.ndarray):
        raise reader.refuse(
            translate("ImportOnnx", "{where} ({op}) picks columns of a constant").format(
                where=node.where, op=node.op
            )
        )
    if isinstance(value, _Activated):
        value = reader.units(value, node.where)
    return value.columns(index)


def _gather(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    value, indices = operands
    index = _constant_operand(reader, node, indices, translate("ImportOnnx", "list of columns"))
    if attributes.get("axis", 0) not in (1, -1) or index.ndim != 1 or index.dtype.kind not in "iu":
        raise reader.refuse(
            translate(
                "ImportOnnx", "{where} is a Gather that does not pick a list of columns (axis 1)"
            ).format(where=node.where)
        )
    if isinstance(value, np.ndarray):
        raise reader.refuse(
            translate("ImportOnnx", "{where} (Gather) picks columns of a constant").format(
                where=node.where
            )
        )
    width = value.width
    if ((index < -width) | (index >= width)).any():
        raise reader.refuse(
            translate(
                "ImportOnnx", "{where} (Gather) picks a column past the {width} there are"
            ).format(where=node.where, width=width)
        )
    return _columns(reader, node, value, np.where(index < 0, index + width, index))


def _slice(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    value = operands[0]
    if "starts" in attributes:  # Slice before opset 10 took its bounds as attributes
        operands = [value] + [
            np.asarray(attributes[k]) if k in attributes else None
            for k in ("starts", "ends", "axes")
        ]
    bounds = [
        None
        if v is None
        else _constant_operand(reader, node, v, translate("ImportOnnx", "bound")).astype(np.int64)
        for v in operands[1:5]
    ] + [None] * (5 - len(operands))
    starts, ends, axes, steps = bounds[:4]
    if starts is None or ends is None or isinstance(value, np.ndarray):
        raise reader.refuse(
            translate("ImportOnnx", "{where} (Slice) needs constant starts and ends").format(
                where=node.where
            )
        )
    axes = np.arange(len(starts)) if axes is None else axes
    steps = np.ones(len(starts), np.int64) if steps is None else steps
    width = value.width
    index = np.arange(width)
    for start, end, axis, step in zip(starts, ends, axes, steps):
        if axis in (1, -1):
            index = index[slice(int(start), int(end), int(step))]
        elif not (axis in (0, -2) and start == 0 and step == 1 and end >= 2**31 - 1):
            raise reader.refuse(
                translate("ImportOnnx", "{where} (Slice) cuts the batch, not columns").format(
                    where=node.where
                )
            )
    return _columns(reader, node, value, index)


def _constant(reader: _Reader, node: _Node, operands: list, attributes: dict) -> Value:
    if "value" not in attributes:
        raise reader.refuse(
            translate("ImportOnnx", "{where} is a Constant without a tensor value").format(
                where=node.where
            )
        )
    return reader._array(attributes["value"])


_OPERATORS: dict[str, Operator] = {
    "MatMul": _matmul,
    "Gemm": _gemm,
    "Add": _add,
    "Mul": _mul,
    "Max": _max,
    "Identity": _identity,
    "Concat": _concat,
    "Gather": _gather,
    "Slice": _slice,
    "Constant": _constant,
    **dict.fromkeys(ACTIVATION_OPERATORS, _activation),
}
