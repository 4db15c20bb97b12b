"""Which sample the trace follows: a row of the network's train or test data, or values typed by hand."""

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from playground.engine.formatting import format_count
from playground.model.errors import DataError
from playground.model.network import Network

TRAIN, TEST, BY_HAND = "train", "test", "hand"
SPLITS = (TRAIN, TEST)


@dataclass(frozen=True)
class SampleChoice:
    """A split and a row, or typed values kept by neuron id (so they survive edits elsewhere)."""

    split: str = TRAIN
    index: int = 0
    typed_x: dict[str, float] = field(default_factory=dict, hash=False, compare=True)
    typed_t: dict[str, float] = field(default_factory=dict, hash=False, compare=True)
    # A minibatch: the rows (counted from 0) of `split` traced together; empty for one sample.
    batch: tuple[int, ...] = ()

    def resolve_batch(self, network: Network) -> tuple[list[list[float]], list[list[float]]]:
        """Each row's inputs and targets of the minibatch, in the order chosen."""
        xs, targets = [], []
        for index in self.batch:
            x, t = SampleChoice(self.split, index).resolve(network)
            xs.append(x)
            targets.append(t)
        return xs, targets

    def resolve(self, network: Network) -> tuple[list[float], list[float]]:
        """The sample's inputs (in `input_ids` order) and targets (in `output_ids` order)."""
        if not network.output_ids():
            raise DataError(
                QCoreApplication.translate(
                    "SampleChoice", "the network has no output neuron, so there is no loss to trace"
                )
            )
        if self.split == BY_HAND:
            return self.typed_values(network)
        count = split_size(network, self.split)
        if count == 0:
            no_data = {
                TRAIN: QCoreApplication.translate(
                    "SampleChoice", "the network has no train data; type a sample by hand"
                ),
                TEST: QCoreApplication.translate(
                    "SampleChoice", "the network has no test data; type a sample by hand"
                ),
            }[self.split]
            raise DataError(no_data)
        if not 0 <= self.index < count:
            no_row = {
                TRAIN: QCoreApplication.translate(
                    "SampleChoice", "there is no train sample {number}; the train data has {count}"
                ),
                TEST: QCoreApplication.translate(
                    "SampleChoice", "there is no test sample {number}; the test data has {count}"
                ),
            }[self.split]
            raise DataError(
                no_row.format(number=format_count(self.index + 1), count=format_count(count))
            )
        x, y = network.data.split(self.split)
        if x.shape[1] != len(network.input_ids()) or y.shape[1] != len(network.output_ids()):
            mismatch = QCoreApplication.translate(
                "SampleChoice",
                "the data has {columns} input and {targets} target column(s); the network has "
                "{inputs} input and {outputs} output neuron(s)",
            )
            raise DataError(
                mismatch.format(
                    columns=x.shape[1],
                    targets=y.shape[1],
                    inputs=len(network.input_ids()),
                    outputs=len(network.output_ids()),
                )
            )
        return [float(v) for v in x[self.index]], [float(v) for v in y[self.index]]

    def typed_values(self, network: Network) -> tuple[list[float], list[float]]:
        """The typed inputs and targets for `network`'s neurons, 0 where nothing was typed."""
        return (
            [float(self.typed_x.get(i, 0.0)) for i in network.input_ids()],
            [float(self.typed_t.get(o, 0.0)) for o in network.output_ids()],
        )

    def describe(self, network: Network) -> str:
        """ "train sample 3 of 250", or "a sample typed by hand"."""
        if self.split == BY_HAND:
            return QCoreApplication.translate("SampleChoice", "a sample typed by hand")
        if self.batch:
            rows = ", ".join(format_count(k + 1) for k in self.batch)
            # One sentence per split: a translation may word "train"/"test" differently in each.
            batch = {
                TRAIN: QCoreApplication.translate(
                    "SampleChoice", "a minibatch of {count} train samples ({rows})"
                ),
                TEST: QCoreApplication.translate(
                    "SampleChoice", "a minibatch of {count} test samples ({rows})"
                ),
            }[self.split]
            return batch.format(count=len(self.batch), rows=rows)
        one = {
            TRAIN: QCoreApplication.translate("SampleChoice", "train sample {number} of {count}"),
            TEST: QCoreApplication.translate("SampleChoice", "test sample {number} of {count}"),
        }[self.split]
        return one.format(
            number=format_count(self.index + 1),
            count=format_count(split_size(network, self.split)),
        )

    def following(self, network: Network) -> "SampleChoice":
        """The next row of the same split, back to the first after the last."""
        count = split_size(network, self.split)
        if self.split == BY_HAND or count == 0 or self.batch:
            return self
        return SampleChoice(self.split, (self.index + 1) % count, self.typed_x, self.typed_t)


def split_size(network: Network, split: str) -> int:
    """How many rows the network's data has in `split` (0 without data)."""
    if network.data is None or split not in SPLITS:
        return 0
    return int(network.data.split(split)[0].shape[0])


def first_choice(network: Network) -> SampleChoice:
    """The first training sample, else the first test sample, else zeros typed by hand."""
    for split in SPLITS:
        if split_size(network, split):
            return SampleChoice(split, 0)
    return SampleChoice(BY_HAND)


def parse_batch(text: str, count: int) -> tuple[int, ...]:
    """The rows of a minibatch typed as the app counts samples, from 1: "1,3,5" or "1:4" (4 excluded).

    The same shape as `playground trace --samples`, each number one more (the CLI counts from 0).
    Returns the rows counted from 0; raises ValueError with a message for the user.
    """
    text = text.strip()
    if ":" in text:
        start_text, _, end_text = text.partition(":")
        start, end = int(start_text), int(end_text)
        rows = list(range(start, end))
        if not rows:
            raise ValueError(
                QCoreApplication.translate(
                    "SampleChoice",
                    "{text} is an empty range; its end is left out, so try {start}:{end}",
                ).format(text=text, start=start, end=start + 2)
            )
    else:
        rows = [int(part) for part in text.split(",") if part.strip()]
    if not rows:
        raise ValueError(
            QCoreApplication.translate(
                "SampleChoice", "type sample numbers such as 1,3,5 or a range such as 1:4"
            )
        )
    for row in rows:
        if not 1 <= row <= count:
            raise ValueError(
                QCoreApplication.translate(
                    "SampleChoice", "there is no sample {row}; the data has {count}"
                ).format(row=row, count=count)
            )
    return tuple(row - 1 for row in rows)
