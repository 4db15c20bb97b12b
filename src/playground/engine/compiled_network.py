"""A network compiled into arrays, for forward and backward passes over a whole minibatch.

Neurons are grouped into topological levels: level 0 holds the inputs, and a
neuron's level is one more than the highest level it reads from, so a level
depends only on earlier ones. Each level multiplies what it reads by one dense
weight matrix (zero, and masked, where there is no connection), adds its biases
and applies its activations: a few numpy calls per level, whatever the shape of
the DAG. What it reads is a few contiguous runs of earlier neurons in level
order (see `compiled_level`): a run inside one level is that level's own y, or a
view of it, as in every layered network; a run across levels is a view of one
buffer that holds every such level's y side by side (batch × all neurons), so
nothing is gathered. Backward adds ∂L/∂y the same way, one `+=` per run, and
reuses the views forward read.

Compile once per structural change (`Network.structure_version`); weights and
biases can be reloaded without recompiling.
Arrays are float64 unless a `dtype` is given (training may ask for float32; see trainer).
"""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from playground.engine.activations import ACTIVATION_FUNCTIONS, Activation
from playground.engine.blas_update import add_product
from playground.engine.compiled_level import (
    Level,
    Piece,
    Read,
    buffer_columns,
    level_pieces,
    past_inputs,
    pieces_of,
    read_of,
    runs,
)
from playground.engine.losses import LOSS_FUNCTIONS, Loss
from playground.model.connection import Connection
from playground.model.network import Network

__all__ = ["CompiledNetwork", "ForwardPass", "Gradients", "Level", "Piece", "Read"]


@dataclass
class ForwardPass:
    """Every z and y of a batch, level by level (level 0: the inputs, z unused).

    `y_all` holds the same y side by side, (batch × all neurons) in level order: what later
    levels read. Each level's own z and y stay contiguous arrays, which the elementwise
    work of backward runs on at full speed."""

    z: list[np.ndarray]
    y: list[np.ndarray]
    y_all: np.ndarray | None = None


@dataclass
class Gradients:
    """∂L/∂w and ∂L/∂b of the mean loss over a batch, level by level (level 0 has none)."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    flat: np.ndarray  # all of them in `CompiledNetwork.parameters` order; the lists are views


class CompiledNetwork:
    """The arrays of one network structure; see the module docstring."""

    def __init__(self, network: Network, dtype: type[np.floating] = np.float64) -> None:
        self.dtype = np.dtype(dtype)
        self.structure_version = network.structure_version
        self.loss: Loss = LOSS_FUNCTIONS[network.loss]
        self.input_ids = network.input_ids()
        self.output_ids = network.output_ids()

        # Grouped once here: the network's own `incoming` searches every connection per call,
        # which adds up to seconds for a network of thousands of connections.
        sources_of: dict[str, list[str]] = defaultdict(list)
        connections = network.connections
        for connection in connections:
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
        # Where each level's columns start in the buffers; the last entry is their width.
        self.level_starts = [0, *np.cumsum(sizes).tolist()]
        self.width = self.level_starts[-1]
        self.column = {
            i: self.level_starts[level] + col for i, (level, col) in self.location.items()
        }
        self.level_columns = [slice(start, stop) for start, stop in pairwise(self.level_starts)]

        self.levels: list[Level] = [
            Level(
                ids=members[0],
                groups=[],
                columns=self.level_columns[0],
                reads=[],
                weights=np.zeros((0, sizes[0]), self.dtype),
                mask=None,
                biases=np.zeros(sizes[0], self.dtype),
                connection_rows=np.zeros(0, int),
                connection_cols=np.zeros(0, int),
                connection_keys=[],
            )
        ]
        into: list[list[Connection]] = [[] for _ in range(depth + 1)]
        for connection in connections:  # file order
            into[level_of[connection.target]].append(connection)
        for level in range(1, depth + 1):
            self.levels.append(self._compile_level(network, level, members[level], into[level]))
        self._gather_parameters()
        self._mark_buffered_levels()
        output_locations = [self.location[i] for i in self.output_ids]
        self.output_pieces = level_pieces(output_locations, sizes)
        self.feeds_loss = self._levels_feeding_the_loss()

    def _compile_level(
        self, network: Network, number: int, ids: list[str], ordered: list[Connection]
    ) -> Level:
        sizes = self.level_sizes
        col_of = {i: k for k, i in enumerate(ids)}
        source_columns = sorted({self.column[c.source] for c in ordered})
        spans = runs(source_columns, len(ids))
        firsts = np.array([start for start, _ in spans], dtype=int)
        row_starts = np.cumsum([0] + [stop - start for start, stop in spans])
        reads = [
            read_of(start, stop, slice(int(row), int(row) + stop - start), self.level_starts)
            for (start, stop), row in zip(spans, row_starts)
        ]
        columns = np.array([self.column[c.source] for c in ordered], dtype=int)
        span = np.searchsorted(firsts, columns, side="right") - 1
        rows = (row_starts[span] + columns - firsts[span]) if len(columns) else np.zeros(0, int)
        cols = np.array([col_of[c.target] for c in ordered], dtype=int)
        mask = np.zeros((int(row_starts[-1]), len(ids)), self.dtype)
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
            columns=self.level_columns[number],
            reads=reads,
            weights=np.zeros(mask.shape, self.dtype),
            mask=None if mask.all() else mask,
            biases=np.zeros(len(ids), self.dtype),
            connection_rows=rows.astype(int),
            connection_cols=cols,
            connection_keys=[c.key for c in ordered],
            sources=pieces_of(spans, self.level_starts),
            reads_past_inputs=[p for read in reads if (p := past_inputs(read, sizes[0]))],
        )
        level.weights[rows, cols] = [c.weight for c in ordered]
        level.biases[:] = [network.neuron(i).bias for i in ids]
        return level

    def _mark_buffered_levels(self) -> None:
        """Every level a read across levels covers goes into the buffer in forward."""
        for level in self.levels[1:]:
            for read in level.reads:
                if read.level is None:
                    for other in self.levels:
                        columns = other.columns
                        if columns.start < read.columns.stop and read.columns.start < columns.stop:
                            other.in_buffer = True
        self.uses_buffer = any(level.in_buffer for level in self.levels)

    def _gather_parameters(self) -> None:
        """Move every level's weights, then every level's biases, into one flat array.

        The levels keep views of it, so that training updates all of them in a few numpy
        calls rather than a few per level (on a DAG of a hundred levels, a fifth of a step)."""
        levels = self.levels[1:]
        self.weight_count = sum(level.weights.size for level in levels)
        self.parameters = np.concatenate(
            [level.weights.ravel() for level in levels] + [level.biases for level in levels]
        )
        for level, (weights, biases) in zip(levels, self.level_views(self.parameters)[1:]):
            level.weights, level.biases = weights, biases

    def level_views(self, flat: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """A flat array laid out like `parameters` as (weights, biases) views per level.

        Level 0, which has no parameters, gets empty weights and zero biases of its own."""
        levels = self.levels
        first = len(levels[0].ids)
        views = [(np.zeros((0, first), self.dtype), np.zeros(first, self.dtype))]
        weight_start, bias_start = 0, self.weight_count
        for level in levels[1:]:
            rows, width = level.weights.shape
            views.append(
                (
                    flat[weight_start : weight_start + rows * width].reshape(rows, width),
                    flat[bias_start : bias_start + width],
                )
            )
            weight_start += rows * width
            bias_start += width
        return views

    def _levels_feeding_the_loss(self) -> list[bool]:
        """For each level, whether an output or a level that feeds the loss reads it."""
        feeds = [False] * len(self.levels)
        output_levels = {self.location[i][0] for i in self.output_ids}
        read_from = np.zeros(self.width, dtype=bool)
        for k in range(len(self.levels) - 1, -1, -1):
            level = self.levels[k]
            feeds[k] = k in output_levels or bool(read_from[level.columns].any())
            if feeds[k]:
                for read in level.reads:
                    read_from[buffer_columns(read, self.level_starts)] = True
        return feeds

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

    def forward(self, x: np.ndarray) -> ForwardPass:
        """z and y of every neuron for a batch of inputs (rows of input values)."""
        x = np.asarray(x, dtype=self.dtype)
        batch = x.shape[0]
        y_all = np.empty((batch, self.width), self.dtype) if self.uses_buffer else None
        if y_all is not None and self.levels[0].in_buffer:
            y_all[:, self.level_columns[0]] = x
        zs, ys = [x], [x]
        for level in self.levels[1:]:
            z = None
            for read in level.reads:
                part = self._source(read, ys, y_all) @ level.weights[read.rows]
                if z is None:
                    z = part
                else:
                    z += part
            if z is None:  # no incoming connection: z = b
                z = np.zeros((batch, len(level.ids)), self.dtype)
            z += level.biases
            y = level.f(z)
            if y.dtype != self.dtype:  # an activation that would promote float32 z to float64
                y = y.astype(self.dtype)
            if level.in_buffer:
                y_all[:, level.columns] = y  # type: ignore[index]
            zs.append(z)
            ys.append(y)
        return ForwardPass(zs, ys, y_all)

    @staticmethod
    def _source(read: Read, ys: list[np.ndarray], y_all: np.ndarray | None) -> np.ndarray:
        """The y a read meets: an earlier level's own, a view of it, or a view of the buffer."""
        if read.level is None:
            return y_all[:, read.columns]  # type: ignore[index]
        return ys[read.level] if read.whole else ys[read.level][:, read.columns]

    def outputs(self, run: ForwardPass) -> np.ndarray:
        """The output neurons' y, columns in file order."""
        return self._gather(run.y, self.output_pieces)

    def sample_losses(self, run: ForwardPass, targets: np.ndarray) -> np.ndarray:
        """The loss of each sample of the batch."""
        z, y = (self._gather(values, self.output_pieces) for values in (run.z, run.y))
        return self.loss.value(z, y, targets).sum(axis=1)

    def mean_loss(self, x: np.ndarray, targets: np.ndarray) -> float:
        """The mean per-sample loss over the rows of x."""
        return float(self.sample_losses(self.forward(x), targets).mean())

    def sources_by_level(self, y: list[np.ndarray], level: Level) -> np.ndarray:
        """The y of what a level reads, one column per row of its weights, from one array per level."""
        if not level.sources:
            return np.zeros((len(y[0]), 0), self.dtype)
        return self._gather(y, level.sources)

    @staticmethod
    def _gather(values: list[np.ndarray], pieces: list[Piece]) -> np.ndarray:
        parts = [values[k] if cols is None else values[k][:, cols] for k, cols in pieces]
        return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=1)

    def new_gradients(self) -> Gradients:
        """Room for one set of gradients (any values): see `backward`'s `into`."""
        flat = np.empty_like(self.parameters)
        weights, biases = (list(part) for part in zip(*self.level_views(flat)))
        return Gradients(weights, biases, flat)

    def backward(
        self,
        run: ForwardPass,
        targets: np.ndarray,
        into: Gradients | None = None,
        scale: float = 1.0,
        stepped: Collection[int] = (),
    ) -> Gradients:
        """∂L/∂w and ∂L/∂b of the batch's mean loss, by the chain rule level by level.

        Written into `into` when given (a trainer reuses one, which saves building a hundred
        views per step on a deep DAG), else into fresh arrays. With `scale`, every gradient
        comes out multiplied by it (see where it is applied). The `stepped` levels (unmasked
        ones: a trainer's plain SGD step with scale −η) add their scaled ∂L/∂w to their weights
        at once, and leave their part of the gradients as it was."""
        ys = run.y
        batch = ys[0].shape[0]
        y_all = run.y_all
        if self.uses_buffer and y_all is None:  # a pass put together by hand, one array per level
            y_all = np.concatenate(ys, axis=1)
        # ∂L/∂y of each level, summed over every connection out of it as later levels are done:
        # into the level's own array from reads of it alone, into the buffer from reads across
        # levels (one `+=` on a view each).
        dL_dy: list[np.ndarray | None] = [None] * len(self.levels)
        dL_dy_all = np.zeros((batch, self.width), self.dtype) if self.uses_buffer else None
        z_out, y_out = (self._gather(values, self.output_pieces) for values in (run.z, ys))
        dL_dy_out = self.loss.dL_dy(z_out, y_out, targets) / batch
        if scale != 1.0:
            # The chain rule is linear in ∂L/∂y: scaling these batch × outputs values scales
            # every gradient below at no cost. A trainer asks for −η·∂L/∂w, so that its update
            # is one pass over the parameters (w += step) rather than two (step = η·g; w −= step):
            # at 2-1024-1024-1 that second pass over a million weights was 0.45 ms a step.
            dL_dy_out *= scale
        self._scatter(dL_dy, self.output_pieces, dL_dy_out.astype(self.dtype, copy=False))

        gradients = into if into is not None else self.new_gradients()
        for k in range(len(self.levels) - 1, 0, -1):
            level = self.levels[k]
            dW, db = gradients.weights[k], gradients.biases[k]
            dL_dy_level = dL_dy[k]
            if level.in_buffer and self.feeds_loss[k]:
                from_buffer = dL_dy_all[:, level.columns]  # type: ignore[index]
                dL_dy_level = from_buffer if dL_dy_level is None else dL_dy_level + from_buffer
            if dL_dy_level is None or not self.feeds_loss[k]:  # it reaches no output
                dW[...] = 0.0
                db[...] = 0.0
                continue
            # f' hands back a fresh array: multiplied in place, the product needs no third one
            # (a fresh 32 × 1024 array is an allocation, and in some heap states 64 page
            # faults: up to 0.1 ms, measured).
            dL_dz = level.df(run.z[k], ys[k])
            dL_dz *= dL_dy_level
            if dL_dz.dtype != self.dtype:  # f' wrote float64 ones (linear, relu's step)
                dL_dz = dL_dz.astype(self.dtype)
            dL_dz.sum(axis=0, out=db)
            # ∂L/∂y_source = Σ over its connections into this level of w · ∂L/∂z (before any
            # step below changes w).
            for read in level.reads_past_inputs:
                weights = level.weights[read.rows].T
                # One neuron (an output, often): the product is an outer one, with nothing to
                # sum, which BLAS does at half the speed of a broadcast multiply (same numbers).
                part = dL_dz * weights if dL_dz.shape[1] == 1 else dL_dz @ weights
                if read.level is None:
                    dL_dy_all[:, read.columns] += part  # type: ignore[index]
                else:
                    self._add(dL_dy, read.level, read, part)
            # ∂L/∂w = y_source · ∂L/∂z, summed over the batch by the matrix product; a stepped
            # level adds it to its weights in the same call (see blas_update).
            for read in level.reads:
                source = self._source(read, ys, y_all)
                if k in stepped:
                    add_product(level.weights[read.rows], source, dL_dz)
                else:
                    np.matmul(source.T, dL_dz, out=dW[read.rows])
            if level.mask is not None:
                dW *= level.mask
        return gradients

    def _add(
        self, dL_dy: list[np.ndarray | None], level: int, read: Read, part: np.ndarray
    ) -> None:
        """Add ∂L/∂y of the columns a read of one level met into that level's accumulator."""
        total = dL_dy[level]
        if total is None:
            if read.whole:  # a fresh product that nothing else holds: take it, no copy
                dL_dy[level] = part
                return
            total = dL_dy[level] = np.zeros((part.shape[0], self.level_sizes[level]), self.dtype)
        if read.whole:
            total += part
        else:
            total[:, read.columns] += part

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
                dL_dy[k] = np.zeros((values.shape[0], self.level_sizes[k]), self.dtype)
            if cols is None:
                dL_dy[k] += part
            else:
                dL_dy[k][:, cols] += part
