"""A network as one standalone PyTorch script: its weights, its data, and SGD with its settings.

The script needs only `torch`. The network becomes the engine's topological levels
(`CompiledNetwork`), each one `nn.Linear` over the levels it reads: a layered network is
plain `nn.Linear` layers, any other DAG one masked `nn.Linear` per level, never an op per
connection. Every float is written with `repr`, so the script holds the file's exact bits.
"""

import json
from dataclasses import dataclass
from string import Template

from playground.engine.activations import ELU_ALPHA, LEAKY_RELU_SLOPE
from playground.engine.compiled_network import CompiledNetwork
from playground.model.dataset import widths_refusal
from playground.model.errors import ExportError
from playground.model.network import Network
from playground.translation import translate

# `playground train`'s default, so `python script.py` trains as long as the app's command would.
DEFAULT_EPOCHS = 100
# How many neuron ids a comment lists before it says how many more there are.
IDS_IN_COMMENT = 12
LINE_WIDTH = 96


@dataclass
class _Level:
    """One level as the script builds it: an nn.Linear from the levels it reads to its neurons."""

    number: int
    ids: list[str]
    groups: list[tuple[str, int, int]]  # (activation, first column, column after the last)
    reads: list[int]  # levels whose y it reads, whole and in order (0 is x)
    weight: list[list[float]]  # (neurons of the level, columns of what it reads), as nn.Linear
    mask: list[list[int]] | None  # 1 where a connection exists; None when every pair is connected
    bias: list[float]


def pytorch_script(network: Network, source_name: str) -> str:
    """The network as a standalone PyTorch script; ExportError when it has no output to return."""
    if not network.output_ids():
        raise ExportError(
            translate(
                "Export",
                "the network has no output neuron, so the PyTorch model would return nothing "
                "and have no loss to train on; give one neuron the output role first",
            )
        )
    compiled = CompiledNetwork(network)
    levels = _levels(network, compiled)
    sections = [
        _header(network, source_name, levels),
        _IMPORTS,
        _settings(network, compiled, levels),
        _activations(levels),
        _LOSSES[network.loss],
        _MASKED_LINEAR if any(level.mask is not None for level in levels) else "",
        _network_class(compiled, levels),
        _data(network, compiled),
        _TRAINING,
    ]
    # Two blank lines between sections, as between top-level definitions.
    return "\n\n\n".join(section.strip("\n") for section in sections if section) + "\n"


# ------------------------------------------------------------------ the levels


def _levels(network: Network, compiled: CompiledNetwork) -> list[_Level]:
    sources_of: dict[str, list[tuple[str, float]]] = {}
    for connection in network.connections:
        sources_of.setdefault(connection.target, []).append((connection.source, connection.weight))
    sizes = compiled.level_sizes
    levels = []
    for number, level in enumerate(compiled.levels[1:], start=1):
        read = {compiled.location[s][0] for i in level.ids for s, _ in sources_of.get(i, ())}
        # A level none of whose neurons has an incoming connection still reads x, all masked.
        reads = sorted(read) or [0]
        offset, position = 0, {}
        for k in reads:
            position[k] = offset
            offset += sizes[k]
        weight = [[0.0] * offset for _ in level.ids]
        mask = [[0] * offset for _ in level.ids]
        for row, neuron_id in enumerate(level.ids):
            for source, value in sources_of.get(neuron_id, ()):
                source_level, column = compiled.location[source]
                weight[row][position[source_level] + column] = value
                mask[row][position[source_level] + column] = 1
        groups = [
            (activation.name, columns.start, columns.stop) for columns, activation in level.groups
        ]
        levels.append(
            _Level(
                number,
                list(level.ids),
                groups,
                reads,
                weight,
                None if all(all(row) for row in mask) else mask,
                [network.neuron(i).bias_value for i in level.ids],
            )
        )
    return levels


def _pieces(compiled: CompiledNetwork, ids: list[str]) -> list[tuple[int, list[int]]]:
    """The neurons `ids` as runs of columns of one level each, in the order given."""
    pieces: list[tuple[int, list[int]]] = []
    for neuron_id in ids:
        level, column = compiled.location[neuron_id]
        if pieces and pieces[-1][0] == level:
            pieces[-1][1].append(column)
        else:
            pieces.append((level, [column]))
    return pieces


# ------------------------------------------------------------------ writing


def _comment_text(text: str) -> str:
    """Text safe inside a one-line comment: no line breaks, nothing unprintable."""
    return " ".join("".join(c if c.isprintable() else "?" for c in text).split())


def _ids(ids: list[str]) -> str:
    shown = ", ".join(_comment_text(i) for i in ids[:IDS_IN_COMMENT])
    more = len(ids) - IDS_IN_COMMENT
    return shown + (f" and {more} more" if more > 0 else "")


def _number_list(values: list, indent: int) -> str:
    """A Python list of numbers written with repr (exact), wrapped to lines of LINE_WIDTH."""
    words = [repr(float(v)) if isinstance(v, float) else repr(v) for v in values]
    lines, line = [], ""
    for word in words:
        if line and indent + len(line) + len(word) + 2 > LINE_WIDTH:
            lines.append(line + ",")
            line = ""
        line = f"{line}, {word}" if line else word
    lines.append(line)
    if len(lines) == 1:
        return f"[{lines[0]}]"
    pad = " " * (indent + 4)
    return "[\n" + "".join(f"{pad}{text}\n" for text in lines) + " " * indent + "]"


def _matrix(name: str, rows: list[list], ids: list[str]) -> str:
    text = [f"{name} = ["]
    for neuron_id, row in zip(ids, rows):
        text.append(f"    {_number_list(row, 4)},  # {_comment_text(neuron_id)}")
    text.append("]")
    return "\n".join(text)


def _level_name(level: int) -> str:
    return "x" if level == 0 else f"y{level}"


def _header(network: Network, source_name: str, levels: list[_Level]) -> str:
    name = _comment_text(network.name or source_name)
    shape = (
        "A layered network, so its levels are plain nn.Linear layers"
        if all(level.mask is None and level.reads == [level.number - 1] for level in levels)
        else "Not a plain layered network, so each level is one nn.Linear over the levels it "
        "reads,\n# masked where neurons are not connected"
    )
    return _fill(
        _HEADER,
        name=name,
        source=_comment_text(source_name),
        shape=shape,
        levels=len(levels),
        neurons=sum(len(level.ids) for level in levels),
        connections=len(network.connections),
    )


def _settings(network: Network, compiled: CompiledNetwork, levels: list[_Level]) -> str:
    settings = network.training
    unused = len(levels) - len(_levels_reaching_outputs(compiled, levels))
    return _fill(
        _SETTINGS,
        # JSON's string escapes are Python's, and its quotes the ones ruff would choose.
        inputs=json.dumps(compiled.input_ids),
        outputs=json.dumps(compiled.output_ids),
        loss=json.dumps(network.loss),
        learning_rate=repr(float(settings.learning_rate)),
        batch_size=repr(int(settings.batch_size)),
        momentum=repr(float(settings.momentum)),
        l2=repr(float(settings.l2)),
        l1=repr(float(settings.l1)),
        seed=repr(int(settings.seed)),
        # Read as an option: files and settings from before it was added train every bias.
        update_biases=repr(bool(getattr(settings, "update_biases", True))),
        epochs=DEFAULT_EPOCHS,
        unused=repr(unused > 0),
    )


def _levels_reaching_outputs(compiled: CompiledNetwork, levels: list[_Level]) -> set[int]:
    """Levels whose nn.Linear the loss depends on through the script's forward pass."""
    reached = {compiled.location[i][0] for i in compiled.output_ids}
    for level in reversed(levels):
        if level.number in reached:
            reached.update(level.reads)
    reached.discard(0)
    return reached


def _activations(levels: list[_Level]) -> str:
    used = {name for level in levels for name, _, _ in level.groups}
    text = [_ACTIVATIONS_INTRO]
    for name, source in _ACTIVATIONS.items():
        if name in used:
            text.append(_fill(source, slope=repr(LEAKY_RELU_SLOPE), alpha=repr(ELU_ALPHA)))
    return "\n\n\n".join(part.strip("\n") for part in text)


def _network_class(compiled: CompiledNetwork, levels: list[_Level]) -> str:
    parameters, creation, forward = [], [], []
    for level in levels:
        k = level.number
        activations = ", ".join(sorted({name for name, _, _ in level.groups}))
        reads = " and ".join(
            f"{_level_name(r)} ({_ids(compiled.levels[r].ids)})" for r in level.reads
        )
        missing = ";\n# 0 where there is none" if level.mask is not None else ""
        parameters.append(
            f"# Level {k}: {_ids(level.ids)} ({activations}), reading {reads}.\n"
            "# weight[j][i] is the connection from column i of what the level reads to its "
            f"neuron j{missing}.\n"
            + _matrix(f"LEVEL_{k}_WEIGHT", level.weight, level.ids)
            + "\n"
            + f"LEVEL_{k}_BIAS = {_number_list(level.bias, len(f'LEVEL_{k}_BIAS = '))}"
        )
        if level.mask is not None:
            parameters.append(
                f"# 1 where a connection exists: the only weights of level {k} that take part.\n"
                + _matrix(f"LEVEL_{k}_MASK", level.mask, level.ids)
            )
        width = len(level.weight[0])
        if level.mask is None:
            layer = f"nn.Linear({width}, {len(level.ids)}, dtype=DTYPE)"
        else:
            layer = f"MaskedLinear({width}, {len(level.ids)}, LEVEL_{k}_MASK)"
        creation.append(
            f"        # Level {k}: {_ids(level.ids)}\n"
            f"        self.level_{k} = {layer}\n"
            f"        set_parameters(self.level_{k}, LEVEL_{k}_WEIGHT, LEVEL_{k}_BIAS)"
        )
        if len(level.reads) == 1:
            source = _level_name(level.reads[0])
        else:
            source = f"torch.cat([{', '.join(_level_name(r) for r in level.reads)}], dim=1)"
        forward.append(f"        z{k} = self.level_{k}({source})")
        if len(level.groups) == 1:
            y = f"{level.groups[0][0]}(z{k})"
        else:
            y = (
                "torch.cat(\n            [\n"
                + "".join(
                    f"                {name}(z{k}[:, {start}:{stop}]),\n"
                    for name, start, stop in level.groups
                )
                + "            ],\n            dim=1,\n        )"
            )
        forward.append(f"        y{k} = {y}  # {_ids(level.ids)}")
    outputs = _pieces(compiled, compiled.output_ids)
    z_out, y_out = (_gather(letter, outputs, compiled) for letter in ("z", "y"))
    return _fill(
        _NETWORK,
        parameters="\n\n".join(parameters),
        level_list=", ".join(f"self.level_{level.number}" for level in levels),
        creation="\n".join(creation),
        forward="\n".join(forward),
        z_out=z_out,
        y_out=y_out,
        n_inputs=len(compiled.input_ids),
        n_outputs=len(compiled.output_ids),
        levels=len(levels),
    )


def _gather(letter: str, pieces: list[tuple[int, list[int]]], compiled: CompiledNetwork) -> str:
    """The expression that picks the output neurons' columns, in file order, from each level."""
    parts = []
    for level, columns in pieces:
        name = f"{letter}{level}"
        if columns == list(range(compiled.level_sizes[level])):
            parts.append(name)
        elif columns == list(range(columns[0], columns[-1] + 1)):
            parts.append(f"{name}[:, {columns[0]}:{columns[-1] + 1}]")
        else:
            parts.append(f"{name}[:, {columns}]")
    return parts[0] if len(parts) == 1 else f"torch.cat([{', '.join(parts)}], dim=1)"


def _data(network: Network, compiled: CompiledNetwork) -> str:
    data = network.data
    inputs, outputs = len(compiled.input_ids), len(compiled.output_ids)
    width = inputs + outputs
    tables = {}
    problem = None if data is None else widths_refusal(data, inputs, outputs)
    if problem is not None:
        raise ExportError(problem)
    for split in ("train", "test"):
        if data is None:
            tables[split] = ""
            continue
        x, y = data.split(split)
        tables[split] = "".join(" ".join(map(repr, map(float, row))) + "\n" for row in _rows(x, y))
    if data is None:
        origin = "The file had no data when it was exported, so main() has nothing to train on."
    elif data.generator is not None:
        g = data.generator
        origin = (
            f"Made by the app's {_comment_text(g.name)!r} generator ({g.samples} samples, noise "
            f"{g.noise!r}, train fraction {g.train_fraction!r}, seed {g.seed}, labels "
            f"{tuple(float(v) for v in g.labels)!r}) and written out here."
        )
    else:
        origin = "The file's own tables."
    return _fill(
        _DATA,
        origin=origin,
        inputs=_ids(compiled.input_ids),
        outputs=_ids(compiled.output_ids),
        width=width,
        train=tables["train"],
        test=tables["test"],
    )


def _rows(x, y):
    """Each sample's inputs then targets, as Python floats (whose repr is exact)."""
    for inputs, targets in zip(x.tolist(), y.tolist()):
        yield inputs + targets


def _fill(template: str, **values: object) -> str:
    """The template with its $names filled in; generated code has braces, never dollars."""
    return Template(template).substitute({k: str(v) for k, v in values.items()})


# ------------------------------------------------------------------ the script's text
# Filled with string.Template: `$name` is a value the network gives; everything else is the
# script as its reader sees it.

_HEADER = """
# $name
# The network of $source, exported by NN Playground as a PyTorch script.
#
#     python THIS_FILE [--epochs N] [--json] [--out trained.pt]
#     torchrun --nproc_per_node=K THIS_FILE [--epochs N] [--json] [--out trained.pt]
#
# It needs only torch (the CPU build is enough). Everything the app knew is below: the weights
# and biases, the training settings, the data. Every number is written so that it reads back
# as the very float64 the app held, and the model computes in float64, so its outputs and
# losses are the app's numbers (to round-off).
#
# $shape.
# $levels level(s) after the inputs, $neurons neurons, $connections connections.
# The levels are the app's: level 0 holds the input neurons, and a neuron's level is one more
# than the highest level it reads from. A level needs only earlier ones, so each level is one
# matrix product for the whole batch, however its neurons are wired.
#
# Started by torchrun, the same file trains with DistributedDataParallel (gloo, on CPU): each
# process takes its share of every minibatch and the gradients are averaged, so the processes
# together take the same steps as one process.
"""

_IMPORTS = """
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel

DTYPE = torch.float64  # the app computes in float64, and so does this file
"""

_SETTINGS = """
# ------------------------------------------------------------------ the file's settings

INPUT_NEURONS = $inputs  # the columns of x, in the file's order
OUTPUT_NEURONS = $outputs  # the columns forward() returns, in the file's order
LOSS = $loss
LEARNING_RATE = $learning_rate  # η
BATCH_SIZE = $batch_size  # samples per minibatch; the last of an epoch may be smaller
MOMENTUM = $momentum
L2 = $l2  # adds L2/2·Σw² to the loss, on weights only: SGD's weight_decay, weights' group only
L1 = $l1  # adds L1·Σ|w| to the loss, on weights only; its gradient L1·sign(w) is 0 at w = 0
SEED = $seed  # of the shuffling
UPDATE_BIASES = $update_biases  # False keeps every bias as the file has it
DEFAULT_EPOCHS = $epochs
# True when some level feeds no output neuron: the loss gives its parameters no gradient at
# all, which DistributedDataParallel has to be told.
LEVELS_WITHOUT_OUTPUT = $unused
"""

_ACTIVATIONS_INTRO = """
# ------------------------------------------------------------------ activations
# Each y = f(z) as the app defines it. The app showed f'(z) beside each; here autograd finds it.
"""

_ACTIVATIONS = {
    "linear": '''
def linear(z):
    """y = z; f'(z) = 1."""
    return z
''',
    "sigmoid": '''
def sigmoid(z):
    """σ(z) = 1 / (1 + e^−z); f'(z) = σ(z)(1 − σ(z)). Like the app's, it never overflows."""
    return torch.sigmoid(z)
''',
    "tanh": '''
def tanh(z):
    """tanh(z); f'(z) = 1 − tanh²(z)."""
    return torch.tanh(z)
''',
    "relu": '''
def relu(z):
    """max(0, z); f'(z) = 1 if z > 0, else 0 (0 at z = 0 too, as in the app)."""
    return torch.relu(z)
''',
    "leaky_relu": '''
def leaky_relu(z):
    """z if z > 0, else $slope·z; f'(z) = 1 if z > 0, else $slope."""
    return torch.where(z > 0, z, $slope * z)
''',
    "elu": '''
def elu(z):
    """z if z > 0, else $alpha·(e^z − 1); f'(z) = 1 if z > 0, else $alpha·e^z."""
    # e^z − 1 of min(z, 0): the branch not taken never overflows, so no inf · 0 in its gradient.
    return torch.where(z > 0, z, $alpha * torch.expm1(torch.clamp(z, max=0.0)))
''',
    "softplus": '''
def softplus(z):
    """ln(1 + e^z); f'(z) = σ(z). Not nn.functional.softplus, which returns z itself above 20."""
    return torch.logaddexp(z, torch.zeros_like(z))
''',
    "swish": '''
def swish(z):
    """z·σ(z); f'(z) = σ(z)(1 + z(1 − σ(z)))."""
    return z * torch.sigmoid(z)
''',
    "sin": '''
def sin(z):
    """sin(z); f'(z) = cos(z)."""
    return torch.sin(z)
''',
}

_LOSSES = {
    "squared_error": '''
# ------------------------------------------------------------------ the loss


def loss_per_sample(z, y, t):
    """L = ½ Σ (y − t)² over the output neurons, one value per sample; ∂L/∂y = y − t.

    A minibatch's loss is the mean of its samples' losses. (z, the outputs before their
    activation, is not needed here; binary cross-entropy uses it.)
    """
    return (0.5 * torch.square(y - t)).sum(dim=1)
''',
    "binary_cross_entropy": '''
# ------------------------------------------------------------------ the loss


def loss_per_sample(z, y, t):
    """L = −Σ [t·ln y + (1 − t)·ln(1 − y)] over the (sigmoid) output neurons, one value a sample.

    Computed from z as the app does, with ln y = −ln(1 + e^−z) and ln(1 − y) = −ln(1 + e^z),
    so a saturated sigmoid never takes ln(0); its gradient is ∂L/∂z = y − t. A minibatch's
    loss is the mean of its samples' losses.
    """
    zero = torch.zeros_like(z)
    return (t * torch.logaddexp(zero, -z) + (1.0 - t) * torch.logaddexp(zero, z)).sum(dim=1)
''',
}

_MASKED_LINEAR = '''
class MaskedLinear(nn.Linear):
    """nn.Linear over one or more earlier levels, where only some pairs of neurons are connected.

    The mask (1 where a connection exists) multiplies the weight in every forward pass, so a
    missing connection adds nothing, its weight's gradient is 0 and it stays 0 however long
    SGD runs (weight decay of 0 is 0 too): still one matrix product for the whole level.
    """

    def __init__(self, in_features, out_features, mask):
        super().__init__(in_features, out_features, dtype=DTYPE)
        self.register_buffer("mask", torch.tensor(mask, dtype=DTYPE))

    def forward(self, inputs):
        return nn.functional.linear(inputs, self.weight * self.mask, self.bias)
'''

_NETWORK = '''
# ------------------------------------------------------------------ the network
# The weights and biases as the file holds them, level by level. In a level's matrix, row j
# is its j-th neuron (named in the comment) and column i the i-th neuron it reads, in the
# order the level's comment lists them.

$parameters


def set_parameters(layer, weight, bias):
    """Copy a level's weights and biases from the file into its nn.Linear."""
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(weight, dtype=DTYPE))
        layer.bias.copy_(torch.tensor(bias, dtype=DTYPE))


class Network(nn.Module):
    """The network with the file's weights, in float64.

    forward(x): x is (batch, $n_inputs), columns in the order of INPUT_NEURONS; it returns
    (batch, $n_outputs), columns in the order of OUTPUT_NEURONS.
    """

    def __init__(self):
        super().__init__()
$creation

    def levels(self):
        """The nn.Linear of each of the $levels level(s), first to last."""
        return [$level_list]

    def forward(self, x):
        return self.outputs_z_and_y(x)[1]

    def outputs_z_and_y(self, x):
        """The output neurons' z and y = f(z), each (batch, outputs): the forward pass.

        Level by level, as the app computes it: z = b + Σ w·y over each neuron's incoming
        connections, for the whole batch in one product, then y = f(z) with each neuron's
        own activation. x is level 0.
        """
$forward
        return $z_out, $y_out
'''

_DATA = '''
# ------------------------------------------------------------------ the data
# $origin
# One sample a line: the inputs $inputs, then the targets of $outputs.

TRAIN = """
$train"""

TEST = """
$test"""


def table(text):
    """A table's (inputs, targets), each a float64 tensor of (samples, columns)."""
    values = torch.tensor([float(v) for v in text.split()], dtype=DTYPE).reshape(-1, $width)
    return values[:, : len(INPUT_NEURONS)], values[:, len(INPUT_NEURONS) :]
'''

_TRAINING = '''
# ------------------------------------------------------------------ training

MEASURE_ROWS = 4096  # rows per forward pass when measuring a whole split
PROGRESS_SECONDS = 0.5  # at most this often a progress line


class Diverged(Exception):
    """The loss became NaN or infinite."""


class SummedLoss(nn.Module):
    """The network followed by its loss: the sum of the per-sample losses of the rows given,
    times `scale`, plus the L1 penalty L1·Σ|w| when L1 is on.

    DistributedDataParallel wraps this module, so every process's backward pass starts
    from the loss and its gradients are averaged across processes.
    """

    def __init__(self, network):
        super().__init__()
        self.network = network

    def forward(self, x, t, scale=1.0):
        z, y = self.network.outputs_z_and_y(x)
        total = loss_per_sample(z, y, t).sum() * scale
        if L1:
            # Autograd's ∂|w|/∂w is sign(w), 0 at w = 0, as in the app. Added in forward, so
            # DistributedDataParallel sees the weights used, and every process adds the same
            # L1·sign(w), which its averaging keeps whole.
            total = total + L1 * sum(level.weight.abs().sum() for level in self.network.levels())
        return total


def start_processes():
    """(this process's rank, number of processes): torchrun sets RANK and WORLD_SIZE."""
    if "RANK" in os.environ and "WORLD_SIZE" in os.environ:
        dist.init_process_group("gloo")  # gloo: the backend for tensors on the CPU
        return dist.get_rank(), dist.get_world_size()
    return 0, 1


def mean_loss(network, x, t, rank, processes):
    """The mean loss over a whole split, as the app measures it after every epoch.

    Each process measures its own run of rows, a few thousand at a time so the activations
    stay small, and the sums are added up across processes.
    """
    if len(x) == 0:
        return math.nan
    total = torch.zeros((), dtype=DTYPE)
    first, last = len(x) * rank // processes, len(x) * (rank + 1) // processes
    with torch.no_grad():
        for start in range(first, last, MEASURE_ROWS):
            end = min(start + MEASURE_ROWS, last)
            z, y = network.outputs_z_and_y(x[start:end])
            total += loss_per_sample(z, y, t[start:end]).sum()
    if processes > 1:
        dist.all_reduce(total)
    return total.item() / len(x)


def train(network, epochs, rank=0, processes=1, progress=None):
    """SGD with the file's settings for `epochs` epochs, measuring the loss after each.

    Returns (train losses, test losses, seconds); raises Diverged when the loss stops
    being finite.
    """
    x, t = table(TRAIN)
    x_test, t_test = table(TEST)
    levels = network.levels()
    # The app's update, with momentum m and l2 on the weights only:
    #     v ← m·v − η·(∂L/∂w + l2·w),   w ← w + v
    # torch's SGD keeps buf = −v/η instead: buf ← m·buf + (∂L/∂w + l2·w), w ← w − η·buf,
    # the same steps. Biases are a group of their own, without weight decay. (L1's
    # L1·sign(w) comes into ∂L/∂w from the loss, as SummedLoss adds it.)
    groups = [{"params": [level.weight for level in levels], "weight_decay": L2}]
    if UPDATE_BIASES:
        groups.append({"params": [level.bias for level in levels], "weight_decay": 0.0})
    else:
        for level in levels:
            level.bias.requires_grad_(False)
    optimizer = torch.optim.SGD(groups, lr=LEARNING_RATE, momentum=MOMENTUM)
    model = SummedLoss(network)
    if processes > 1:
        model = DistributedDataParallel(
            model, find_unused_parameters=LEVELS_WITHOUT_OUTPUT, broadcast_buffers=False
        )
    # Every parameter starts with a zero gradient rather than none: a neuron that reaches no
    # output gets ∂L/∂w = 0 in the app and is still decayed and moved by momentum, while SGD
    # would skip a parameter whose gradient is None.
    for group in groups:
        for parameter in group["params"]:
            parameter.grad = torch.zeros_like(parameter)
    shuffling = torch.Generator().manual_seed(SEED)  # the same order on every process
    train_losses, test_losses = [], []
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        order = torch.randperm(len(x), generator=shuffling)
        for first in range(0, len(x), BATCH_SIZE):
            batch = order[first : first + BATCH_SIZE]
            # This process's share of the minibatch, dealt out as DistributedSampler does.
            mine = batch[rank::processes]
            optimizer.zero_grad(set_to_none=False)
            # The minibatch's mean loss (plus L1·Σ|w|): each process's sum over its share
            # times processes / batch size; DistributedDataParallel averages over the processes.
            loss = model(x[mine], t[mine], processes / len(batch))
            # The backward pass the app steps through one neuron at a time, done by autograd:
            # for each neuron ∂L/∂z = f'(z)·∂L/∂y, where ∂L/∂y = Σ w·∂L/∂z over the neurons
            # it feeds (plus the loss's own ∂L/∂y at an output neuron); then ∂L/∂b = ∂L/∂z,
            # and each incoming connection's ∂L/∂w = y·∂L/∂z, y being its source's output.
            loss.backward()
            optimizer.step()
        train_losses.append(mean_loss(network, x, t, rank, processes))
        if not math.isfinite(train_losses[-1]):
            what = "infinite" if math.isinf(train_losses[-1]) else "not a number (NaN)"
            raise Diverged(
                f"The loss became {what} at epoch {epoch}. "
                f"The learning rate {LEARNING_RATE:g} is probably too high."
            )
        if len(x_test):
            test_losses.append(mean_loss(network, x_test, t_test, rank, processes))
        if progress is not None:
            progress(epoch, epochs, train_losses, test_losses)
    return train_losses, test_losses, time.perf_counter() - start


def positive_whole_number(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Train the exported network on its data with SGD and the file's settings. "
        "Progress goes to stderr. Under torchrun, trains with DistributedDataParallel."
    )
    parser.add_argument(
        "--epochs",
        metavar="N",
        type=positive_whole_number,
        default=DEFAULT_EPOCHS,
        help=f"passes over the training set (default {DEFAULT_EPOCHS})",
    )
    parser.add_argument(
        "--json", action="store_true", help="end with one JSON line, as `playground train --json`"
    )
    parser.add_argument(
        "--out", metavar="PATH", help="save the trained state_dict here (default: not saved)"
    )
    args = parser.parse_args(argv)
    if not TRAIN.split():
        print("the network had no training data when it was exported", file=sys.stderr)
        return 1

    rank, processes = start_processes()
    reporting = rank == 0  # one process speaks for all
    last_print = [0.0]

    def progress(epoch, epochs, train_losses, test_losses):
        now = time.perf_counter()
        if epoch == epochs or now - last_print[0] >= PROGRESS_SECONDS:
            last_print[0] = now
            line = f"epoch {epoch}/{epochs}  train loss {train_losses[-1]:.6g}"
            if test_losses:
                line += f"  test loss {test_losses[-1]:.6g}"
            print(line, file=sys.stderr, flush=True)

    try:
        network = Network()
        if reporting:
            how = "1 process"
            if processes > 1:
                how = f"{processes} processes (DistributedDataParallel, gloo)"
            print(f"training on {how}", file=sys.stderr, flush=True)
        try:
            train_losses, test_losses, seconds = train(
                network, args.epochs, rank, processes, progress if reporting else None
            )
        except Diverged as diverged:
            if reporting:
                print(f"{diverged} Nothing was written.", file=sys.stderr)
            return 1
        if not reporting:
            return 0
        if args.out:
            # Load it back with: network = Network(); network.load_state_dict(torch.load(PATH))
            partial = args.out + ".partial"
            torch.save(network.state_dict(), partial)
            os.replace(partial, args.out)
        if args.json:
            print(
                json.dumps(
                    {
                        "epochs": len(train_losses),
                        "train_loss": train_losses,
                        # JSON has no infinity: a test set that overflows is written as null.
                        "test_loss": [v if math.isfinite(v) else None for v in test_losses],
                        "seconds": seconds,
                        "out": args.out,
                    }
                )
            )
        else:
            print(f"trained {len(train_losses)} epoch(s) in {seconds:.3g} s")
            print(f"train loss {train_losses[0]:.4g} → {train_losses[-1]:.4g}")
            if test_losses:
                print(f"test loss {test_losses[0]:.4g} → {test_losses[-1]:.4g}")
            if args.out:
                print(f"saved the trained weights to {args.out}")
            else:
                print("not saved: give --out PATH to keep the weights")
        return 0
    finally:
        if processes > 1:
            if sys.exc_info()[0] is None:
                # Every process is done with the group before any takes it down: one that
                # did while another still used it aborted now and then ("terminate called
                # without an active exception"). Not after an error: the others may be
                # waiting in another collective, and torchrun stops them.
                dist.barrier()
            dist.destroy_process_group()


if __name__ == "__main__":
    sys.exit(main())
'''
