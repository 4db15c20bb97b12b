"""Which training rows each SGD step takes: the rule the Trainer draws by, written once.

Each epoch starts with a fresh shuffle of the training rows by the seed's generator
(`np.random.default_rng(seed).permutation`, one draw per epoch); the epoch's minibatches
are then consecutive slices of `batch_size` rows of that order, the last one smaller
when the rows do not divide evenly. A batch size of at least the number of rows takes
the whole training set at once.

`upcoming` says which rows the next step will take without drawing them, so the app
can show "the next batch as training would draw it" and the trainer still draws
exactly those rows when it takes the step.
"""

import copy

import numpy as np


class BatchOrder:
    """The shuffled order of the training rows and the position of the next minibatch in it."""

    def __init__(self, rows: int, seed: int) -> None:
        self.rows = rows
        self.rng = np.random.default_rng(seed)
        self.order = np.zeros(0, dtype=int)  # this epoch's shuffle of the rows
        self.position = 0  # where in `order` the next minibatch starts; 0: a new epoch's shuffle

    @property
    def starts_epoch(self) -> bool:
        """Whether the next minibatch is the first of an epoch (so a new shuffle comes first)."""
        return self.position == 0

    @property
    def epoch_done(self) -> bool:
        """Whether the minibatches taken have gone through every row of the epoch's order."""
        return self.position >= len(self.order) > 0

    def shuffle(self) -> np.ndarray:
        """Draw the order of the epoch that starts (the generator moves on by one permutation)."""
        self.order = self.rng.permutation(self.rows)
        return self.order

    def take(self, batch_size: int) -> slice:
        """The next minibatch's positions in `order`, which then counts as taken.

        The caller shuffles first at the start of an epoch (see `starts_epoch`): it keeps
        copies of the rows in that order, and a slice of them is a view, not a copy.
        """
        positions = slice(self.position, self.position + batch_size)
        self.position += batch_size
        return positions

    def end_epoch(self) -> None:
        """The next minibatch starts a new epoch, with a new shuffle."""
        self.position = 0

    def upcoming(self, batch_size: int) -> np.ndarray:
        """The rows (counted from 0) the next minibatch will take, in the order it takes them.

        Nothing is drawn: at the start of an epoch the shuffle comes from a copy of the
        generator, so the trainer's own draw later gives the same order.
        """
        if self.starts_epoch:
            order = copy.deepcopy(self.rng).permutation(self.rows)
        else:
            order = self.order
        return order[self.position : self.position + batch_size].copy()


def first_batch(rows: int, seed: int, batch_size: int) -> np.ndarray:
    """The rows the first SGD step of a fresh training run takes."""
    return BatchOrder(rows, seed).upcoming(batch_size)
