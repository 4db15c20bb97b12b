"""Compare the analytic gradients of the batched engine with finite differences.

A finite difference is only valid where the loss is smooth along the step:
a relu, leaky_relu or elu neuron whose z crosses its kink between the
evaluations makes it meaningless (a bias of 0.0005 before a relu, input 0,
gives a relative error of 0.2 on a correct network). Every evaluation
therefore checks that no kinked neuron changed side; a step that crosses is
replaced by a one-sided difference on the side that does not, and a
parameter with kinks on both sides is skipped and counted.

A parameter's step moves only its own level and what reads from it, so each
evaluation starts from the unperturbed forward pass and redoes only the
columns that changed. Big networks are checked on a seeded random sample of
their parameters.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from playground.engine.activations import kinks
from playground.engine.compiled_network import CompiledNetwork, ForwardPass
from playground.engine.trainer import check_data_fits
from playground.model.dataset import Dataset
from playground.model.network import Network

# Gradients smaller than this are compared absolutely: below it, the round-off of
# the finite difference itself is as large as the quantity.
ERROR_FLOOR = 1e-5
STEP = 1e-3

# What `playground check` and Network ▸ Check Gradients… compare, so both say the same.
# Above this relative error a gradient fails: float64 gradients that are right agree far closer.
CHECK_LIMIT = 1e-6
# Enough samples to exercise every gradient; more would only make the check slow.
CHECK_SAMPLES = 32
# Above this many weights and biases, a seeded random sample of this many is compared:
# each costs four forward passes, so 100,000 of them would take over an hour.
CHECK_PARAMETER_LIMIT = 2000
CHECK_SEED = 0

# Each formula as (offsets in steps, coefficients, divisor): f' ≈ Σ c·L(p + o·h) / (divisor·h).
# Central, error O(h⁴): (−L(p+2h) + 8L(p+h) − 8L(p−h) + L(p−2h)) / 12h.
CENTRAL = ((2, 1, -1, -2), (-1, 8, -8, 1), 12)
# One-sided, also O(h⁴), for a kink on the other side: (−25L(p) + 48L(p+h) − 36L(p+2h)
# + 16L(p+3h) − 3L(p+4h)) / 12h, and its mirror image.
FORWARD = ((0, 1, 2, 3, 4), (-25, 48, -36, 16, -3), 12)
BACKWARD = ((0, -1, -2, -3, -4), (25, -48, 36, -16, 3), 12)


@dataclass
class ParameterCheck:
    name: str  # "w h1 → o1" or "b o1"
    analytic: float
    numeric: float
    # The connection's (source, target), or the neuron's id.
    key: tuple[str, str] | str | None = None

    @property
    def finite(self) -> bool:
        return bool(np.isfinite(self.analytic) and np.isfinite(self.numeric))

    @property
    def relative_error(self) -> float:
        """|analytic − numeric| over the larger of them (or the floor); ∞ unless both are finite."""
        if not self.finite:
            return float("inf")
        scale = max(abs(self.analytic), abs(self.numeric), ERROR_FLOOR)
        error = abs(self.analytic - self.numeric) / scale
        return error if np.isfinite(error) else float("inf")


@dataclass
class GradientCheck:
    parameters: list[ParameterCheck]  # the parameters compared
    samples: int
    total: int = 0  # parameters in the network; more than were compared when sampled
    chosen_at_random: bool = False
    seed: int = 0
    skipped: int = 0  # parameters whose every step crossed a kink
    skipped_names: list[str] = field(default_factory=list)
    # The skipped ones with their analytic gradient; `numeric` is NaN, as it was never taken.
    skipped_parameters: list[ParameterCheck] = field(default_factory=list)

    @property
    def nonfinite(self) -> list[ParameterCheck]:
        """The parameters whose analytic gradient or finite difference is NaN or infinite."""
        return [p for p in self.parameters if not p.finite]

    @property
    def worst(self) -> ParameterCheck | None:
        return max(self.parameters, key=lambda p: p.relative_error, default=None)

    @property
    def max_relative_error(self) -> float:
        worst = self.worst
        return worst.relative_error if worst else 0.0


def check_data(network: Network) -> Dataset | None:
    """The data a check compares on: the first CHECK_SAMPLES training rows, or None without any
    (then `check_gradients` draws seeded random inputs). Raises DataError if the data does not fit."""
    data = network.data
    if data is None or not len(data.train_x):
        return None
    check_data_fits(network, data)
    return Dataset(
        train_x=data.train_x[:CHECK_SAMPLES],
        train_y=data.train_y[:CHECK_SAMPLES],
        features=data.features,
    )


def check_sample(network: Network, samples: int = 8, seed: int = 0) -> Dataset:
    """Seeded random inputs and targets in (0, 1), for a network without data."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, len(network.input_ids())))
    t = rng.uniform(0.05, 0.95, size=(samples, len(network.output_ids())))
    return Dataset(train_x=x, train_y=t)


@dataclass(frozen=True)
class _Parameter:
    level: int
    row: int  # the weight's row, or -1 for a bias
    col: int
    key: tuple[str, str] | str  # the connection's (source, target), or the neuron's id

    @property
    def name(self) -> str:
        if isinstance(self.key, tuple):
            return f"w {self.key[0]} → {self.key[1]}"
        return f"b {self.key}"


def _parameters(compiled: CompiledNetwork) -> list[_Parameter]:
    found: list[_Parameter] = []
    for k, level in enumerate(compiled.levels[1:], start=1):
        rows, cols = level.connection_rows.tolist(), level.connection_cols.tolist()
        found += map(_Parameter, [k] * len(rows), rows, cols, level.connection_keys)
        found += map(
            _Parameter,
            [k] * len(level.ids),
            [-1] * len(level.ids),
            range(len(level.ids)),
            level.ids,
        )
    return found


class _Perturbation:
    """The mean loss with one parameter moved, redoing only what depends on it."""

    def __init__(self, compiled: CompiledNetwork, x: np.ndarray, t: np.ndarray) -> None:
        self.compiled, self.t = compiled, t
        self.base = compiled.forward(x)
        # Per level: (columns, kink, side of the kink each sample's z is on, unperturbed).
        self.kinked: list[list[tuple[np.ndarray, float, np.ndarray]]] = [[]]
        for k, level in enumerate(compiled.levels[1:], start=1):
            pieces = []
            for columns, activation in level.groups:
                cols = np.arange(columns.start, columns.stop)
                for kink in kinks(activation.name):
                    pieces.append((cols, kink, self.base.z[k][:, cols] > kink))
            self.kinked.append(pieces)
        self.connected = [
            None if level.mask is None else level.mask != 0 for level in compiled.levels
        ]
        self.every_column = [np.arange(size) for size in compiled.level_sizes]
        # Which rows of each level's weights come from each (level, column).
        self.readers: list[list[tuple[int, int, np.ndarray | None]]] = []
        for level in compiled.levels:
            offset = 0
            pieces_at: list[tuple[int, int, np.ndarray | None]] = []
            for source_level, read in level.sources:
                width = compiled.level_sizes[source_level] if read is None else len(read)
                pieces_at.append((source_level, offset, read))
                offset += width
            self.readers.append(pieces_at)

    def loss(self, parameter: _Parameter, offset: float) -> tuple[float, bool]:
        """The mean loss with the parameter moved by `offset`, and whether a kink was crossed."""
        k, base = parameter.level, self.base
        levels = self.compiled.levels
        zs, ys = list(base.z), list(base.y)
        change = offset if parameter.row < 0 else offset * self._source(k, parameter.row)
        z = base.z[k].copy()
        z[:, parameter.col] += change
        zs[k], ys[k] = z, levels[k].f(z)
        changed: dict[int, np.ndarray] = {k: np.array([parameter.col])}
        crossed = self._crossed(k, z)
        for j in range(k + 1, len(levels)):
            rows, new, old = self._changed_sources(j, changed, ys)
            if not rows.size:
                continue
            level = levels[j]
            if 3 * len(rows) > len(level.weights):
                # Most sources moved: one product of the whole level beats gathering rows.
                z = self.compiled.sources_by_level(ys, level) @ level.weights
                z += level.biases
            else:
                z = base.z[j] + (new - old) @ level.weights[rows]
            zs[j], ys[j] = z, level.f(z)
            connected = self.connected[j]
            changed[j] = (
                self.every_column[j]
                if connected is None or len(rows) == len(level.weights)
                else np.flatnonzero(connected[rows].any(axis=0))
            )
            crossed = crossed or self._crossed(j, z)
        losses = self.compiled.sample_losses(ForwardPass(zs, ys), self.t)
        return float(losses.mean()), crossed

    def _source(self, k: int, row: int) -> np.ndarray:
        for source_level, offset, cols in self.readers[k]:
            width = self.compiled.level_sizes[source_level] if cols is None else len(cols)
            if offset <= row < offset + width:
                column = row - offset if cols is None else int(cols[row - offset])
                return self.base.y[source_level][:, column]
        raise IndexError(row)

    def _changed_sources(
        self, j: int, changed: dict[int, np.ndarray], ys: list[np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The rows of level j's weights whose source changed, with their new and old values."""
        rows, columns_of = [], []
        for source_level, offset, cols in self.readers[j]:
            if source_level not in changed:
                continue
            moved = changed[source_level]
            if cols is None:
                positions, columns = moved, moved
            else:
                positions = np.flatnonzero(np.isin(cols, moved))
                columns = cols[positions]
            rows.append(offset + positions)
            columns_of.append((source_level, columns))
        if not rows:
            return np.zeros(0, int), np.zeros(0), np.zeros(0)
        new = np.concatenate([ys[s][:, c] for s, c in columns_of], axis=1)
        old = np.concatenate([self.base.y[s][:, c] for s, c in columns_of], axis=1)
        return np.concatenate(rows), new, old

    def _crossed(self, k: int, z: np.ndarray) -> bool:
        return any(
            not np.array_equal(z[:, cols] > kink, side) for cols, kink, side in self.kinked[k]
        )


def _finite_difference(perturbation: _Perturbation, parameter: _Parameter) -> float | None:
    """The central difference, or a one-sided one away from a kink; None when both sides cross."""
    cache: dict[int, tuple[float, bool]] = {}

    def at(steps: int) -> tuple[float, bool]:
        if steps not in cache:
            cache[steps] = perturbation.loss(parameter, steps * STEP)
        return cache[steps]

    def difference(offsets: tuple, coefficients: tuple, divisor: int, scale: float) -> float:
        # The coefficients sum to 0, so each loss counts as its change from the first: a loss
        # the parameter does not move then gives exactly 0 rather than a bit of rounding.
        reference = at(offsets[0] * scale)[0]
        total = sum(c * (at(o * scale)[0] - reference) for o, c in zip(offsets, coefficients))
        return total / (divisor * STEP * scale)

    for offsets, coefficients, divisor in (CENTRAL, FORWARD, BACKWARD):
        # Nearest evaluations first, so that a crossing stops the formula early.
        if any(at(o)[1] for o in sorted(offsets, key=abs)):
            continue
        whole = difference(offsets, coefficients, divisor, 1.0)
        if offsets is CENTRAL[0]:
            return whole
        # A one-sided formula's error is six times the central one's; next to a kink, where
        # curvature is large, it reached 3.5e-11 on a gradient of 0 (a correct network failed).
        # Richardson's step: with half the step the h⁴ error is a sixteenth, so this removes it.
        half = difference(offsets, coefficients, divisor, 0.5)
        return (16 * half - whole) / 15
    return None


def check_gradients(
    network: Network,
    dataset: Dataset | None = None,
    limit: int | None = None,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> GradientCheck:
    """Analytic ∂L/∂w, ∂L/∂b of the mean train loss against finite differences of order h⁴.

    With more than `limit` parameters, `limit` of them chosen at random with `seed`.
    `progress(done, total)` is called as parameters are compared. NaN and infinity never
    warn: they are reported as such (`GradientCheck.nonfinite`).
    """
    data = dataset if dataset is not None and len(dataset.train_x) else check_sample(network)
    x, t = data.split("train")  # what the input neurons take: derived columns with features
    x = np.asarray(x, dtype=float)
    compiled = CompiledNetwork(network)
    every = _parameters(compiled)
    chosen = every
    sampled = limit is not None and len(every) > limit
    if sampled:
        picks = np.random.default_rng(seed).choice(len(every), size=limit, replace=False)
        chosen = [every[i] for i in np.sort(picks)]
    checks, skipped = [], []
    with np.errstate(all="ignore"):
        perturbation = _Perturbation(compiled, x, t)
        gradients = compiled.backward(perturbation.base, t)
        for done, parameter in enumerate(chosen, start=1):
            numeric = _finite_difference(perturbation, parameter)
            k, row, col = parameter.level, parameter.row, parameter.col
            analytic = gradients.biases[k][col] if row < 0 else gradients.weights[k][row, col]
            key = parameter.key
            if numeric is None:
                skipped.append(ParameterCheck(parameter.name, float(analytic), float("nan"), key))
            else:
                checks.append(ParameterCheck(parameter.name, float(analytic), float(numeric), key))
            if progress is not None:
                progress(done, len(chosen))
    return GradientCheck(
        checks,
        len(x),
        total=len(every),
        chosen_at_random=sampled,
        seed=seed,
        skipped=len(skipped),
        skipped_names=[p.name for p in skipped],
        skipped_parameters=skipped,
    )
