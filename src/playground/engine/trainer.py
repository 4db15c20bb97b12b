"""SGD training in bounded slices, so that the app can paint between them.

An epoch is one pass over the training set in minibatches of `batch_size`
(the last may be smaller), shuffled with the seed's generator each epoch; each
minibatch's gradient is the mean over its samples. The update, with momentum m,
weight decay l2 and the l1 penalty (both on weights, not biases), is

    v ← m·v − η·(∂L/∂w + l2·w + l1·sign(w)),   w ← w + v

(sign(0) = 0: the gradient of l1·|w| is taken as 0 at w = 0), and the same for
each bias (without l2 or l1), unless `update_biases` is off: then the
biases stay as they are, and gather no velocity either.

After each epoch the trainer records the mean loss over the whole train and
test sets (and the accuracy, when the targets are two class labels). A NaN or
infinite loss stops training and puts back the weights of the last finite epoch.

Training may run in float32 (`dtype`): the trainer's own copy of the weights, the
minibatches and the passes are then float32, about 7 significant digits, which wide
networks train faster with. The network's stored weights stay float64 (written back
as Python floats), the losses are summed in float64, and a float32 overflow (past
~3.4 × 10³⁸) is an infinite loss like any other. The stepper, the trace, the gradient
check and the exports compile their own float64 copy and never see this one.
"""

import math
import time
from dataclasses import dataclass, field, replace

import numpy as np

from playground.engine.batch_order import BatchOrder
from playground.engine.blas_threads import largest_product, threads_for
from playground.engine.compiled_network import CompiledNetwork
from playground.model.dataset import Dataset, widths_refusal
from playground.model.errors import DataError
from playground.model.network import Network
from playground.model.training_settings import TrainingSettings
from playground.translation import translate

# A whole split is measured in chunks of rows holding about this many values per level:
# a pass over 8,000 rows at once makes arrays of megabytes, each fresh one costing page
# faults and cache misses, and runs at a third of the speed.
VALUES_PER_CHUNK = 8192
# ... but never fewer rows than this: at width 1024 that rule gave chunks of 8 rows, whose
# products run far below BLAS speed (measuring 2-1024-1024-1's 512 rows took 61 ms in
# chunks of 8, 22 ms in chunks of 128). A higher floor would make fresh arrays past 128 KB
# at small widths, slower again (2-64-64-1: 0.31 ms in chunks of 128, 0.54 ms of 256).
MIN_CHUNK_ROWS = 128
# ... and, for wide levels, at least as many rows as the widest level has neurons: a chunk
# reads every weight matrix once, and at W = 1024 that is 8 MB, past the caches, each time.
# Measuring 2-W-W-1's 512 + 128 rows (best of 20, one thread): W = 1024 took 27.3 ms in
# chunks of 128 rows, 23.7 ms in one; W = 768 15.7 ms and 14.1; W = 512 7.6 and 7.3.
# Never past this many values in one level's array, though, so a very wide level keeps
# its chunks to megabytes.
MAX_CHUNK_VALUES = 2**20


def chunk_rows(widest: int) -> int:
    """How many rows a split is measured in at once, for a network whose widest level is this."""
    wide = min(widest, MAX_CHUNK_VALUES // max(widest, 1))
    return max(MIN_CHUNK_ROWS, VALUES_PER_CHUNK // max(widest, 1), wide)


# A level's weights take the plain SGD step inside the ∂L/∂w product (blas_update) from this
# many weights; below, the call costs more than the passes it saves. Product and update of
# batch 32, one thread: 64 × 64 weights 12 µs the numpy way, 26 in one call; 128 × 128 39
# and 27, yet an epoch of 2-128-128-1 took 10 % longer with it (best of 8 processes each);
# 256 × 256 104 and 76 (2-256-256-1's epoch 1.07× faster than before, 1.02× without it);
# 512 × 512 578 and 319.
STEP_IN_PRODUCT_FROM = 2**16


def training_dtype(fast: bool) -> type[np.floating]:
    """What training computes in: float32 when fast training is asked for, else float64."""
    return np.float32 if fast else np.float64


@dataclass
class Divergence:
    epoch: int
    message: str


@dataclass
class History:
    """Per-epoch measurements; index k is the end of epoch k + 1."""

    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)


def check_data_fits(network: Network, dataset: Dataset | None) -> Dataset:
    """The dataset, if its widths match the network's input and output neurons; else a DataError."""
    if dataset is None or len(dataset.train_x) == 0:
        raise DataError(translate("Trainer", "the network has no training data"))
    inputs, outputs = len(network.input_ids()), len(network.output_ids())
    if outputs == 0:
        raise DataError(
            translate(
                "Trainer", "the network has no output neuron, so there is no loss to train on"
            )
        )
    problem = widths_refusal(dataset, inputs, outputs)
    if problem is not None:
        raise DataError(problem)
    return dataset


class Trainer:
    """Trains a compiled copy of a network's parameters; `store_parameters` writes them back."""

    def __init__(
        self,
        network: Network,
        dataset: Dataset | None = None,
        settings: TrainingSettings | None = None,
        dtype: type[np.floating] = np.float64,
    ) -> None:
        self.dataset = check_data_fits(network, dataset if dataset is not None else network.data)
        self.settings = replace(settings or network.training)
        self.compiled = CompiledNetwork(network, dtype)
        # Which rows each step takes: the one rule the app's "next training batch" asks too.
        self._batches = BatchOrder(len(self.dataset.train_x), self.settings.seed)
        self.epoch = 0
        self.history = History()
        self.divergence: Divergence | None = None
        self._x_shuffled = self._y_shuffled = np.zeros((0, 0))  # the training set, shuffled
        # One flat velocity laid out like the compiled parameters, with per-level views of it.
        self._velocity_flat = np.zeros_like(self.compiled.parameters)
        self._velocity = self.compiled.level_views(self._velocity_flat)
        self._gradients = self.compiled.new_gradients()
        self._last_finite = self._parameters()
        self._labels = self._class_labels()
        self._chunk_rows = chunk_rows(max(self.compiled.level_sizes))
        # The big unmasked levels, whose weights take a plain SGD step inside the product,
        # and the runs of the flat parameters the step is left to add (with and without biases).
        levels = self.compiled.levels
        self._stepped = {
            k
            for k in range(1, len(levels))
            if levels[k].mask is None and levels[k].weights.size >= STEP_IN_PRODUCT_FROM
        }
        self._rest = {moves: self._runs_besides_stepped(moves) for moves in (True, False)}

    # ------------------------------------------------------------ state

    @property
    def batches_per_epoch(self) -> int:
        return math.ceil(len(self.dataset.train_x) / self.settings.batch_size)

    @property
    def batch_in_epoch(self) -> int:
        """How many minibatches of the current epoch are done."""
        batches = self._batches
        return math.ceil(batches.position / self.settings.batch_size) if len(batches.order) else 0

    def upcoming_batch(self) -> np.ndarray:
        """The training rows (counted from 0) the next minibatch step will take."""
        return self._batches.upcoming(self.settings.batch_size)

    def store_parameters(self, network: Network) -> None:
        """Write the trained weights and biases into the network."""
        self.compiled.store_parameters(network)

    def _parameters(self) -> np.ndarray:
        return self.compiled.parameters.copy()

    def _restore(self, parameters: np.ndarray) -> None:
        self.compiled.parameters[...] = parameters

    def _runs_besides_stepped(self, with_biases: bool) -> list[slice]:
        """The runs of the flat parameters outside the stepped levels' weights."""
        compiled, runs, start, offset = self.compiled, [], 0, 0
        for k, level in enumerate(compiled.levels[1:], start=1):
            if k in self._stepped:
                if offset > start:
                    runs.append(slice(start, offset))
                start = offset + level.weights.size
            offset += level.weights.size
        end = len(compiled.parameters) if with_biases else compiled.weight_count
        if end > start:
            runs.append(slice(start, end))
        return runs

    def _class_labels(self) -> tuple[float, float] | None:
        targets = np.concatenate([self.dataset.train_y.ravel(), self.dataset.test_y.ravel()])
        labels = np.unique(targets)
        return (float(labels[0]), float(labels[1])) if labels.size == 2 else None

    # ------------------------------------------------------------ measuring

    def loss(self, split: str = "train") -> float:
        """The mean loss over a whole split with the current weights (NaN when the split is empty)."""
        return self._measure(split, accuracy=False)[0]

    def accuracy(self, split: str = "train") -> float | None:
        """The share of samples whose output is nearer the right class label, or None for regression."""
        return self._measure(split, accuracy=True)[1]

    def _measure(self, split: str, accuracy: bool = True) -> tuple[float, float | None]:
        """The loss and accuracy over a split, from one forward pass over it, chunk by chunk."""
        x, y = self.dataset.split(split)
        if len(x) == 0:
            return math.nan, None
        labels = self._labels if accuracy else None
        loss_sum, right = 0.0, 0
        with np.errstate(all="ignore"):
            for start in range(0, len(x), self._chunk_rows):
                rows = slice(start, start + self._chunk_rows)
                run = self.compiled.forward(x[rows])
                loss_sum += self.compiled.sample_losses(run, y[rows]).sum()
                if labels is not None:
                    low, high = labels
                    predicted = np.where(self.compiled.outputs(run) > (low + high) / 2, high, low)
                    right += int(np.count_nonzero(predicted == y[rows]))
        return float(loss_sum / len(x)), right / y.size if labels is not None else None

    # ------------------------------------------------------------ training

    def run(
        self,
        max_batches: int | None = None,
        max_seconds: float | None = None,
        until_epoch: int | None = None,
    ) -> int:
        """Train until a limit is reached: a number of minibatches, a time, or an epoch count.

        Returns the number of minibatches done. Stops early, with `divergence`
        set, when the loss becomes NaN or infinite.
        """
        start = time.perf_counter()
        done = 0
        size = self.settings.batch_size
        # One BLAS thread unless the products are big enough for two (see blas_threads).
        batch_rows = min(size, len(self.dataset.train_x))
        work = largest_product(batch_rows, (level.weights for level in self.compiled.levels))
        with np.errstate(all="ignore"), threads_for(work):
            while self.divergence is None:
                if until_epoch is not None and self.epoch >= until_epoch:
                    break
                if max_batches is not None and done >= max_batches:
                    break
                if max_seconds is not None and time.perf_counter() - start >= max_seconds:
                    break
                if self._batches.starts_epoch:
                    self._shuffle()
                # Slices of the shuffled copy: views, where indexing by the order would copy.
                rows = self._batches.take(size)
                self._step(self._x_shuffled[rows], self._y_shuffled[rows])
                done += 1
                if self._batches.epoch_done:
                    self._end_epoch()
        if self.divergence is None and not self.compiled.all_finite():
            self._diverge(math.nan)
        return done

    def _shuffle(self) -> None:
        """A fresh order of the training samples for the epoch that starts."""
        x, y = self.dataset.split("train")  # the network's inputs: derived columns with features
        order = self._batches.shuffle()
        # In the compiled network's dtype once an epoch rather than once a minibatch.
        dtype = self.compiled.dtype
        self._x_shuffled = x[order].astype(dtype, copy=False)
        self._y_shuffled = y[order].astype(dtype, copy=False)

    def _step(self, x: np.ndarray, targets: np.ndarray) -> None:
        compiled = self.compiled
        rate, momentum, l2 = self.settings.learning_rate, self.settings.momentum, self.settings.l2
        l1 = self.settings.l1
        # Every level's parameters and gradients are views of one flat array each (weights
        # first, then biases): the update is a few numpy calls, however many levels there are.
        # Backward hands over −η·∂L/∂w rather than ∂L/∂w (free: see its `scale`), so the step
        # is added as it is: one pass over the parameters where η·g, then w − η·g, took two.
        parameters, velocity = compiled.parameters, self._velocity_flat
        run = compiled.forward(x)
        if not (momentum or l1 or l2) and self._stepped:
            # Plain SGD: the big levels' weights take their step inside backward's product.
            step = compiled.backward(
                run, targets, into=self._gradients, scale=-rate, stepped=self._stepped
            ).flat
            for rest in self._rest[self.settings.update_biases]:
                parameters[rest] += step[rest]
            return
        step = compiled.backward(run, targets, into=self._gradients, scale=-rate).flat
        weights = slice(0, compiled.weight_count)
        if l1:
            # np.sign is 0 at 0: a weight at exactly 0 (or a masked pair) gets no pull.
            pull = np.sign(parameters[weights])
            pull *= rate * l1  # in place: one array the size of all the weights, not two
            step[weights] -= pull
        if l2:
            step[weights] -= (rate * l2) * parameters[weights]
        # A fixed bias neither moves nor gathers velocity: turned on again mid-run, it
        # starts from rest.
        moving = slice(None) if self.settings.update_biases else weights
        if momentum:
            if moving is weights:
                velocity[compiled.weight_count :] = 0.0
            v = velocity[moving]
            v *= momentum
            v += step[moving]
            parameters[moving] += v
        else:
            parameters[moving] += step[moving]

    def _end_epoch(self) -> None:
        self._batches.end_epoch()
        self.epoch += 1
        train_loss, train_accuracy = self._measure("train")
        if not math.isfinite(train_loss):
            self._diverge(train_loss)
            return
        self._last_finite = self._parameters()
        test_loss, test_accuracy = self._measure("test")
        self.history.train_loss.append(train_loss)
        if len(self.dataset.test_x):
            self.history.test_loss.append(test_loss)
        for accuracy, record in (
            (train_accuracy, self.history.train_accuracy),
            (test_accuracy, self.history.test_accuracy),
        ):
            if accuracy is not None:
                record.append(accuracy)

    def _diverge(self, loss: float) -> None:
        epoch = self.epoch if self._batches.starts_epoch else self.epoch + 1
        what = (
            translate("Trainer", "infinite")
            if math.isinf(loss)
            else translate("Trainer", "not a number (NaN)")
        )
        self._restore(self._last_finite)
        before, _ = self._measure("train")
        if math.isfinite(before):
            # The weights it started the epoch from were fine: the steps were too long.
            momentum = self.settings.momentum
            cause = (
                translate(
                    "Trainer",
                    "The learning rate {rate} (with momentum {momentum}) is probably too high.",
                )
                if momentum
                else translate("Trainer", "The learning rate {rate} is probably too high.")
            ).format(rate=f"{self.settings.learning_rate:g}", momentum=f"{momentum:g}")
        else:
            # Not the step size: the loss cannot be computed even before this epoch's steps.
            cause = translate(
                "Trainer",
                "It is {what} even at the weights the epoch started from, so the learning rate "
                "is not to blame: the data or the weights hold numbers too large to compute with.",
            ).format(what=what)
        became = translate("Trainer", "The loss became {what} at epoch {epoch}.")
        # Chinese sentences follow one another without the space English puts between them.
        sentences = translate("Trainer", "{became} {cause}")
        message = sentences.format(became=became.format(what=what, epoch=epoch), cause=cause)
        self.divergence = Divergence(epoch, message)
        for velocities in self._velocity:
            for v in velocities:
                v[...] = 0.0
        # The unfinished epoch is abandoned; training can start a fresh one from the kept weights.
        self._batches.end_epoch()
        self.epoch = len(self.history.train_loss)
