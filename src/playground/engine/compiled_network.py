"""A network compiled into arrays, for forward and backward passes over a whole minibatch.

Neurons are grouped into topological levels: level 0 holds the inputs, and a
neuron's level is one more than the highest level it reads from, so a level
depends only on earlier ones. Each level keeps its own activation matrix
(batch × neurons of the level), one dense weight matrix from the neurons it
reads to its own neurons (zero, and masked, where there is no connection), and
its biases. A pass is then a few numpy calls per level, whatever the shape of
the DAG; for a plain layered network the sources of a level are the whole
previous level, read without any copy.

Compile once per structural change (`Network.structure_version`); weights and
biases can be reloaded without recompiling.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from playground.engine.activations import ACTIVATION_FUNCTIONS, Activation
from playground.engine.losses import LOSS_FUNCTIONS, Loss
from playground.model.network import Network

# A run of columns of one level: (level index, column indices, or None for the whole level).
Piece = tuple[int, np.ndarray | None]


@dataclass
class Level:
    ids: list[str]
    groups: list[tuple[slice, Activation]]  # neurons of one activation are contiguous
    sources: list[Piece]  # what this level reads, in the row order of `weights`
    reads_only_inputs: bool
    weights: np.ndarray  # (sources, neurons)
    mask: np.ndarray | None  # 1.0 where a connection exists; None when all do
    biases: np.ndarray  # (neurons,)
    connection_rows: np.ndarray  # for each connection into this level (file order): its row
    connection_cols: np.ndarray  # ... and its column
    connection_keys: list[tuple[str, str]]
    # The one level this level reads, whole and in column order, or None when it must gather:
    # the case of every layered network, read without building anything.
    reads_level: int | None = None
    # y = f(z) and f'(z) given (z, y), column by column with each neuron's own activation:
    # the activation's own functions when the whole level shares one.
    f: Callable = field(init=False)
    df: Callable = field(init=False)

    def __post_init__(self) -> None:
        if len(self.groups) == 1:
            self.f, self.df = self.groups[0][1].f, self.groups[0][1].df
        else:
            self.f, self.df = self._f_by_group, self._df_by_group
        if len(self.sources) == 1 and self.sources[0][1] is None:
            self.reads_level = self.sources[0][0]

    def _f_by_group(self, z: np.ndarray) -> np.ndarray:
        y = np.empty_like(z)
        for columns, activation in self.groups:
            y[:, columns] = activation.f(z[:, columns])
        return y

    def _df_by_group(self, z: np.ndarray, y: np.ndarray) -> np.ndarray:
        df = np.empty_like(z)
        for columns, activation in self.groups:
            df[:, columns] = activation.df(z[:, columns], y[:, columns])
        return df


@dataclass
class ForwardPass:
    """Every z and y of a batch, level by level (level 0: the inputs, z unused)."""

    z: list[np.ndarray]
    y: list[np.ndarray]


@dataclass
class Gradients:
    """∂L/∂w and ∂L/∂b of the mean loss over a batch, level by level (level 0 has none)."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]


def _pieces(locations: list[tuple[int, int]], level_sizes: list[int]) -> list[Piece]:
    """Group (level, column) locations into runs per level; a whole level in order reads as a view."""
    pieces: list[tuple[int, list[int]]] = []
    for level, column in locations:
        if pieces and pieces[-1][0] == level:
            pieces[-1][1].append(column)
        else:
            pieces.append((level, [column]))
    return [
        (level, None if columns == list(range(level_sizes[level])) else np.array(columns))
        for level, columns in pieces
    ]


class CompiledNetwork:
    """The arrays of one network structure; see the module docstring."""

    def __init__(self, network: Network) -> None:
        self.structure_version = network.structure_version
        self.loss: Loss = LOSS_FUNCTIONS[network.loss]
        self.input_ids = network.input_ids()
        self.output_ids = network.output_ids()

        # Grouped once here: the network's own `incoming` searches every connection per call,
        # which adds up to seconds for a network of thousands of connections.
        sources_of: dict[str, list[str]] = defaultdict(list)
        for connection in network.connections:
            sources_of[connection.target].append(connection.source)
        level_of: dict[str, int] = {i: 0 for i in self.input_ids}
        for neuron_id in network.topological_order():
            if neuron_id not in level_of:
                sources = sources_of[neuron_id]
                level_of[neuron_id] = 1 + max((level_of[s] for s in sources), default=0)
        depth = max(level_of.values(), default=0)
        file_order = {n.id: k for k, n in enumerate(network.neurons)}
        activation_order = {name: k for k, name in enumerate(ACTIVATION_FUNCTIONS)}

        members: list[list[str]] = [[] for _ in range(depth + 1)]
        for neuron_id in sorted(level_of, key=file_order.__getitem__):
            members[level_of[neuron_id]].append(neuron_id)
        for level in range(1, depth + 1):
            members[level].sort(
                key=lambda i: (activation_order[network.neuron(i).activation_name], file_order[i])
            )
        self.location = {
            i: (level, col) for level, ids in enumerate(members) for col, i in enumerate(ids)
        }
        sizes = [len(ids) for ids in members]
        self.level_sizes = sizes

        self.levels: list[Level] = [
            Level(
                members[0],
                [],
                [],
                True,
                np.zeros((0, sizes[0])),
                None,
                np.zeros(sizes[0]),
                np.zeros(0, int),
                np.zeros(0, int),
                [],
            )
        ]
        for level in range(1, depth + 1):
            self.levels.append(self._compile_level(network, members[level], sizes))
        self.output_pieces = _pieces([self.location[i] for i in self.output_ids], sizes)

    def _compile_level(self, network: Network, ids: list[str], sizes: list[int]) -> Level:
        col_of = {i: k for k, i in enumerate(ids)}
        ordered = [c for c in network.connections if c.target in col_of]  # file order
        source_ids = sorted({c.source for c in ordered}, key=self.location.__getitem__)
        row_of = {s: r for r, s in enumerate(source_ids)}
        rows = np.array([row_of[c.source] for c in ordered], dtype=int)
        cols = np.array([col_of[c.target] for c in ordered], dtype=int)
        mask = np.zeros((len(source_ids), len(ids)))
        mask[rows, cols] = 1.0
        groups: list[tuple[slice, Activation]] = []
        for k, neuron_id in enumerate(ids):
            activation = ACTIVATION_FUNCTIONS[network.neuron(neuron_id).activation_name]
            if groups and groups[-1][1] is activation:
                groups[-1] = (slice(groups[-1][0].start, k + 1), activation)
            else:
                groups.append((slice(k, k + 1), activation))
        level = Level(
            ids=ids,
            groups=groups,
            sources=_pieces([self.location[s] for s in source_ids], sizes),
            reads_only_inputs=all(self.location[s][0] == 0 for s in source_ids),
            weights=np.zeros((len(source_ids), len(ids))),
            mask=None if mask.all() else mask,
            biases=np.zeros(len(ids)),
            connection_rows=rows,
            connection_cols=cols,
            connection_keys=[c.key for c in ordered],
        )
        level.weights[rows, cols] = [c.weight for c in ordered]
        level.biases[:] = [network.neuron(i).bias for i in ids]
        return level

    # ------------------------------------------------------------ parameters

    def load_parameters(self, network: Network) -> None:
        """Copy the network's current weights and biases in (same structure only)."""
        for level in self.levels[1:]:
            level.weights[level.connection_rows, level.connection_cols] = [
                network.connection(s, t).weight for s, t in level.connection_keys
            ]
            level.biases[:] = [network.neuron(i).bias for i in level.ids]

    def weights_by_key(self) -> dict[tuple[str, str], float]:
        return {
            key: float(w)
            for level in self.levels[1:]
            for key, w in zip(
                level.connection_keys, level.weights[level.connection_rows, level.connection_cols]
            )
        }

    def biases_by_id(self) -> dict[str, float]:
        return {i: float(b) for level in self.levels[1:] for i, b in zip(level.ids, level.biases)}

    def store_parameters(self, network: Network) -> None:
        """Write the weights and biases back into the network."""
        for (source, target), weight in self.weights_by_key().items():
            network.set_weight(source, target, weight)
        for neuron_id, bias in self.biases_by_id().items():
            network.set_bias(neuron_id, bias)

    def all_finite(self) -> bool:
        return all(
            np.isfinite(level.weights).all() and np.isfinite(level.biases).all()
            for level in self.levels[1:]
        )

    # ------------------------------------------------------------ passes

    @staticmethod
    def _gather(values: list[np.ndarray], pieces: list[Piece], batch: int) -> np.ndarray:
        parts = [values[k] if cols is None else values[k][:, cols] for k, cols in pieces]
        if len(parts) == 1:
            return parts[0]
        return np.concatenate(parts, axis=1) if parts else np.zeros((batch, 0))

    def _sources(self, y: list[np.ndarray], level: Level) -> np.ndarray:
        """The y of the neurons a level reads, one column per row of its weights."""
        if level.reads_level is not None:
            return y[level.reads_level]
        return self._gather(y, level.sources, y[0].shape[0])

    def forward(self, x: np.ndarray) -> ForwardPass:
        """z and y of every neuron for a batch of inputs (rows of input values)."""
        x = np.asarray(x, dtype=float)
        zs, ys = [x], [x]
        for level in self.levels[1:]:
            z = self._sources(ys, level) @ level.weights
            z += level.biases
            zs.append(z)
            ys.append(level.f(z))
        return ForwardPass(zs, ys)

    def outputs(self, run: ForwardPass) -> np.ndarray:
        """The output neurons' y, columns in file order."""
        return self._gather(run.y, self.output_pieces, run.y[0].shape[0])

    def sample_losses(self, run: ForwardPass, targets: np.ndarray) -> np.ndarray:
        """The loss of each sample of the batch."""
        z = self._gather(run.z, self.output_pieces, run.y[0].shape[0])
        y = self._gather(run.y, self.output_pieces, run.y[0].shape[0])
        return self.loss.value(z, y, targets).sum(axis=1)

    def mean_loss(self, x: np.ndarray, targets: np.ndarray) -> float:
        """The mean per-sample loss over the rows of x."""
        return float(self.sample_losses(self.forward(x), targets).mean())

    def backward(self, run: ForwardPass, targets: np.ndarray) -> Gradients:
        """∂L/∂w and ∂L/∂b of the batch's mean loss, by the chain rule level by level."""
        batch = run.y[0].shape[0]
        # ∂L/∂y of each level, summed over every connection out of it as later levels are done.
        dL_dy: list[np.ndarray | None] = [None] * len(self.levels)
        out_z = self._gather(run.z, self.output_pieces, batch)
        out_y = self._gather(run.y, self.output_pieces, batch)
        self._scatter(dL_dy, self.output_pieces, self.loss.dL_dy(out_z, out_y, targets) / batch)

        weight_grads = [np.zeros((0, 0))] * len(self.levels)
        bias_grads = [np.zeros(0)] * len(self.levels)
        for k in range(len(self.levels) - 1, 0, -1):
            level = self.levels[k]
            if dL_dy[k] is None:  # nothing this level feeds reaches an output
                weight_grads[k] = np.zeros_like(level.weights)
                bias_grads[k] = np.zeros_like(level.biases)
                continue
            dL_dz = level.df(run.z[k], run.y[k]) * dL_dy[k]
            # ∂L/∂w = y_source · ∂L/∂z, summed over the batch by the matrix product.
            dW = self._sources(run.y, level).T @ dL_dz
            if level.mask is not None:
                dW *= level.mask
            weight_grads[k] = dW
            bias_grads[k] = dL_dz.sum(axis=0)
            if level.reads_only_inputs:
                continue
            # ∂L/∂y_source = Σ over its connections into this level of w · ∂L/∂z.
            dL_dy_sources = dL_dz @ level.weights.T
            if level.reads_level is None:
                self._scatter(dL_dy, level.sources, dL_dy_sources)
            elif dL_dy[level.reads_level] is None:
                dL_dy[level.reads_level] = dL_dy_sources
            else:
                dL_dy[level.reads_level] += dL_dy_sources
        return Gradients(weight_grads, bias_grads)

    def _scatter(self, dL_dy: list, pieces: list[Piece], values: np.ndarray) -> None:
        """Add the columns of `values` into the per-level ∂L/∂y accumulators the pieces name."""
        offset = 0
        for k, cols in pieces:
            width = self.level_sizes[k] if cols is None else len(cols)
            part = values[:, offset : offset + width]
            offset += width
            if dL_dy[k] is None:
                if cols is None:
                    # A fresh array that nothing else holds: take it rather than copy it.
                    dL_dy[k] = part if len(pieces) == 1 else part.copy()
                    continue
                dL_dy[k] = np.zeros((values.shape[0], self.level_sizes[k]))
            if cols is None:
                dL_dy[k] += part
            else:
                dL_dy[k][:, cols] += part
