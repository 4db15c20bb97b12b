"""Checking a parsed network document (format version 1) and building its Network.

Every refusal names the place in the document (`connections[4]: ...`). The graph
rules (unique ids, no cycles, nothing into an input) are checked by the Network's
own edit operations while it is built, so a file and the editor can never disagree
about what a valid network is.
"""

import copy
import dataclasses
import itertools
import json
import math
from collections.abc import Iterable
from typing import Any

import numpy as np

from playground.model.connection import Connection
from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.errors import DataError, NetworkEditError, NetworkFileError
from playground.model.features import columns_read
from playground.model.network import AdditionRefused, Network, not_one_of
from playground.model.neuron import Neuron
from playground.model.training_settings import SettingsError, TrainingSettings
from playground.model.vocabulary import ACTIVATIONS, GENERATORS, LOSSES, ROLES
from playground.translation import QT_TRANSLATE_NOOP, translate

FORMAT = "nn-playground"
VERSION = 1
# In the order a save writes them; anything else at the top level is kept in `Network.extra`.
KNOWN_FIELDS = ("format", "version", "name", "neurons", "connections", "loss", "training", "data")
_MISSING = object()
# Counted things, singular and plural, marked for lupdate; `_count` picks and translates one.
_COUNTED = {
    "feature": (
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} feature"),
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} features"),
    ),
    "input neuron": (
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} input neuron"),
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} input neurons"),
    ),
    "output neuron": (
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} output neuron"),
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} output neurons"),
    ),
    "value": (
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} value"),
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} values"),
    ),
    "input": (
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} input"),
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} inputs"),
    ),
    "output": (
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} output"),
        QT_TRANSLATE_NOOP("NetworkDocument", "{n} outputs"),
    ),
}
# The kinds of columns a data row holds, as the row messages name them.
_ROW_ROLES = (
    QT_TRANSLATE_NOOP("NetworkDocument", "input"),
    QT_TRANSLATE_NOOP("NetworkDocument", "raw input"),
    QT_TRANSLATE_NOOP("NetworkDocument", "output"),
)


class _Refusal(Exception):
    """A problem at one place of a document; becomes a NetworkFileError naming the file."""

    def __init__(self, place: str, message: str) -> None:
        super().__init__(place, message)
        self.place, self.message = place, message


def network_from_dict(document: dict, source: str = "<network>") -> Network:
    """Check a parsed network document and build its Network; `source` names it in messages."""
    try:
        return _build(document)
    except _Refusal as refusal:
        raise NetworkFileError(f"{source}: {refusal.place}: {refusal.message}") from None


def _build(document: object) -> Network:
    if not isinstance(document, dict):
        raise _Refusal(
            "top level", _expected(QT_TRANSLATE_NOOP("NetworkDocument", "a JSON object"), document)
        )
    _check_format(document)
    _check_all_finite(document)
    network = Network(
        name=_get(document, "name", "", str, required=False),
        training=_training(document),
        extra={k: copy.deepcopy(v) for k, v in document.items() if k not in KNOWN_FIELDS},
    )
    for k, entry in enumerate(_get(document, "neurons", "", list)):
        _add_neuron(network, entry, f"neurons[{k}]")
    connections = [
        _connection(entry, f"connections[{k}]")
        for k, entry in enumerate(_get(document, "connections", "", list))
    ]
    try:
        # One check of the whole graph: a cycle search per connection made large files slow.
        network.add_connections(connections)
    except AdditionRefused as refusal:
        where = "connections" if refusal.index is None else f"connections[{refusal.index}]"
        raise _Refusal(where, str(refusal)) from None
    try:
        network.set_loss(_choice(document, "loss", "", LOSSES))
    except NetworkEditError as refusal:
        raise _Refusal("loss", str(refusal)) from None
    if "data" in document:
        network.data = _data(_get(document, "data", "", dict), network)
    return network


def _check_format(document: dict) -> None:
    if document.get("format") != FORMAT:
        found = (
            _kind(document["format"])
            if "format" in document
            else translate("NetworkDocument", "no format field")
        )
        raise _Refusal(
            "format",
            translate(
                "NetworkDocument",
                "expected {format!r}, found {found}; this is not an NN Playground network file",
            ).format(format=FORMAT, found=found),
        )
    version = document.get("version", _MISSING)
    if version is _MISSING:
        raise _Refusal("version", _missing())
    if not _is_whole(version):
        raise _Refusal("version", _expected(_WHOLE, version))
    if version != VERSION:
        newer = (
            translate("NetworkDocument", "; it was written by a newer NN Playground")
            if version > VERSION
            else ""
        )
        said = translate(
            "NetworkDocument", "the file is format version {found}; this app reads version {read}"
        ).format(found=int(version), read=VERSION)
        raise _Refusal("version", said + newer)


def _check_all_finite(document: dict) -> None:
    """Refuse NaN and infinities wherever they are, even in fields this version does not know."""
    # Iterative, and places are built only for the culprit: data tables hold millions of numbers.
    stack: list[tuple[object, tuple | None]] = [(document, None)]
    while stack:
        value, trail = stack.pop()
        if isinstance(value, list) and _sum_is_finite(value):
            continue
        if isinstance(value, dict):
            items: Iterable[tuple[object, object]] = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            continue
        for key, item in items:
            if isinstance(item, float) and not math.isfinite(item):
                shown = "NaN" if math.isnan(item) else ("Infinity" if item > 0 else "-Infinity")
                raise _Refusal(
                    _trail_place((trail, key)),
                    translate(
                        "NetworkDocument",
                        "{value} is not a finite number; a network file holds only finite numbers",
                    ).format(value=shown),
                )
            if isinstance(item, (dict, list)):
                stack.append((item, (trail, key)))


_SCALARS = {str, int, float, bool, type(None)}


def _sum_is_finite(values: list) -> bool:
    """True for finite numbers, or rows of them (a quick yes for data tables); False: look closer."""
    # A NaN or an infinity makes the sum NaN or infinite, so a finite sum cannot hide one.
    try:
        return math.isfinite(sum(values))
    except (TypeError, OverflowError):
        pass
    kinds = set(map(type, values))
    if kinds == {dict}:
        # Flat objects such as neurons and connections: a quick yes when their numbers sum finite.
        fields = list(itertools.chain.from_iterable(map(dict.values, values)))
        if not set(map(type, fields)) <= _SCALARS:
            return False
        try:
            return math.isfinite(sum(v for v in fields if type(v) is float))
        except OverflowError:
            return False
    if not kinds <= {list}:
        return False
    try:
        return math.isfinite(sum(map(sum, values)))
    except (TypeError, OverflowError):
        return False


def _trail_place(trail: tuple | None) -> str:
    keys = []
    while trail is not None:
        trail, key = trail
        keys.append(key)
    place = ""
    for key in reversed(keys):
        place = _join(place, key)
    return place


def _add_neuron(network: Network, entry: object, place: str) -> None:
    if not isinstance(entry, dict):
        raise _Refusal(place, _expected(_OBJECT, entry))
    role = _choice(entry, "role", place, ROLES)
    neuron = Neuron(
        id=_get(entry, "id", place, str),
        role=role,
        x=_number(entry, "x", place),
        y=_number(entry, "y", place),
        label=_get(entry, "label", place, str, required=False) or None,
    )
    if role == "input":
        # Handed on as found, so the network's own rule refuses an input with either.
        neuron.activation, neuron.bias = entry.get("activation"), entry.get("bias")
    else:
        neuron.activation = _choice(entry, "activation", place, ACTIVATIONS)
        neuron.bias = _number(entry, "bias", place)
    try:
        network.add_neuron(neuron)
    except NetworkEditError as refusal:
        raise _Refusal(place, str(refusal)) from None


def _connection(entry: object, place: str) -> Connection:
    if not isinstance(entry, dict):
        raise _Refusal(place, _expected(_OBJECT, entry))
    return Connection(
        _get(entry, "source", place, str),
        _get(entry, "target", place, str),
        _number(entry, "weight", place),
    )


def _training(document: dict) -> TrainingSettings:
    if "training" not in document:
        return TrainingSettings()
    block = _get(document, "training", "", dict)
    defaults = TrainingSettings()
    values: dict[str, Any] = {
        "learning_rate": _number(block, "learning_rate", "training", defaults.learning_rate),
        "batch_size": _whole(block, "batch_size", "training", defaults.batch_size),
        "momentum": _number(block, "momentum", "training", defaults.momentum),
        "l2": _number(block, "l2", "training", defaults.l2),
        "l1": _number(block, "l1", "training", defaults.l1),
        "seed": _whole(block, "seed", "training", defaults.seed),
        "update_biases": block.get("update_biases", defaults.update_biases),
    }
    if not isinstance(values["update_biases"], bool):
        found = _kind(values["update_biases"])
        raise _Refusal(
            "training.update_biases",
            translate("NetworkDocument", "expected true or false, found {found}").format(
                found=found
            ),
        )
    try:
        return TrainingSettings(**values)
    except SettingsError as refusal:
        found = _kind(block[refusal.field])
        said = translate("NetworkDocument", "{rule}; found {found}")
        raise _Refusal(
            f"training.{refusal.field}", said.format(rule=refusal.rule, found=found)
        ) from None


def _data(block: dict, network: Network) -> Dataset:
    inputs, outputs = network.input_ids(), network.output_ids()
    features = _get(block, "features", "data", list, required=False)
    if "generator" in block:
        if "train" in block or "test" in block:
            raise _Refusal(
                "data",
                translate(
                    "NetworkDocument", "give either a generator or train/test tables, not both"
                ),
            )
        return _with_features(_generated(block, inputs, outputs, features), features, inputs)
    if "train" not in block:
        raise _Refusal(
            "data",
            translate(
                "NetworkDocument", "needs either 'train' (and optionally 'test') or 'generator'"
            ),
        )
    raw = inputs if features is None else _raw_columns(block)
    role = "input" if features is None else "raw input"
    train_x, train_y = _table(_get(block, "train", "data", dict), "data.train", raw, outputs, role)
    if "test" in block:
        test_x, test_y = _table(_get(block, "test", "data", dict), "data.test", raw, outputs, role)
    else:
        test_x, test_y = np.zeros((0, len(raw))), np.zeros((0, len(outputs)))
    return _with_features(Dataset(train_x, train_y, test_x, test_y), features, inputs)


def _raw_columns(block: dict) -> list[str]:
    """With features, the raw x rows need not match the input neurons: the first row sets the width."""
    for split in ("train", "test"):
        table = block.get(split)
        rows = table.get("x") if isinstance(table, dict) else None
        if isinstance(rows, list) and rows and isinstance(rows[0], list):
            return [f"x{k + 1}" for k in range(len(rows[0]))]
    # No rows at all: as many raw columns as the features read (the model checks the names).
    return [f"x{k + 1}" for k in range(columns_read(block["features"]))]


def _with_features(data: Dataset, features: list | None, inputs: list[str]) -> Dataset:
    """The data feeding `features` (checked by the model), one per input neuron in file order."""
    if features is None:
        return data
    try:
        data = dataclasses.replace(data, features=tuple(features))
    except DataError as refusal:
        raise _Refusal("data.features", str(refusal)) from None
    if len(features) != len(inputs):
        raise _Refusal(
            "data.features",
            translate(
                "NetworkDocument",
                "lists {features} but the network has {inputs}: "
                "one feature per input neuron, in file order",
            ).format(
                features=_count(len(features), "feature"),
                inputs=_count(len(inputs), "input neuron"),
            ),
        )
    return data


def _table(
    table: dict, place: str, inputs: list[str], outputs: list[str], role: str = "input"
) -> tuple:
    x = _rows(_get(table, "x", place, list), f"{place}.x", inputs, role)
    y = _rows(_get(table, "y", place, list), f"{place}.y", outputs, "output")
    if len(x) != len(y):
        raise _Refusal(
            place,
            translate(
                "NetworkDocument",
                "x has {x} rows but y has {y}; each sample needs one row of each",
            ).format(x=len(x), y=len(y)),
        )
    return x, y


def _rows(rows: list, place: str, ids: list[str], role: str) -> np.ndarray:
    width = len(ids)
    plain = (  # checked a whole table at a time, with no Python loop per value
        set(map(type, rows)) <= {list}
        and set(map(len, rows)) <= {width}
        and set(map(type, itertools.chain.from_iterable(rows))) <= {float, int}
    )
    for r, row in enumerate([] if plain else rows):
        if not isinstance(row, list):
            raise _Refusal(
                f"{place}[{r}]",
                _expected(QT_TRANSLATE_NOOP("NetworkDocument", "a row (a list of numbers)"), row),
            )
        if len(row) != width and role == "raw input":
            raise _Refusal(
                f"{place}[{r}]",
                translate(
                    "NetworkDocument",
                    "has {values}, but the first row of data has {width}: with "
                    "features, every row holds the same raw input columns",
                ).format(values=_count(len(row), "value"), width=width),
            )
        if len(row) != width:
            before = (
                translate("NetworkDocument", "the rows before it have {width}")
                if r
                else translate("NetworkDocument", "the network has {width}")
            ).format(width=width)
            shown_role = translate("NetworkDocument", role)
            neurons = ", ".join(ids) or translate(
                "NetworkDocument", "there are no {role} neurons"
            ).format(role=shown_role)
            raise _Refusal(
                f"{place}[{r}]",
                translate(
                    "NetworkDocument",
                    "has {values}, but {before}: one per {role} neuron ({neurons}), in file order",
                ).format(
                    values=_count(len(row), "value"),
                    before=before,
                    role=shown_role,
                    neurons=neurons,
                ),
            )
        for c, value in enumerate(row):
            if not _is_number(value):
                raise _Refusal(f"{place}[{r}][{c}]", _expected(_NUMBER, value))
    try:
        return np.array(rows, dtype=np.float64).reshape(len(rows), width)
    except OverflowError:
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                _as_float(value, f"{place}[{r}][{c}]")
        raise


def _generated(
    block: dict, inputs: list[str], outputs: list[str], features: list | None = None
) -> Dataset:
    # Imported here: the generators draw on numpy's random module, needed only by such files.
    from playground.model.generators import generate, generator_shape

    name = _choice(block, "generator", "data", GENERATORS)
    shape = generator_shape(name)
    # With features, the input neurons take the features (checked after), not the raw columns.
    expected = (shape[0] if features is not None else len(inputs), len(outputs))
    if shape != expected:
        raise _Refusal(
            "data.generator",
            translate(
                "NetworkDocument",
                "{name} makes rows of {inputs} and {outputs}, "
                "but the network has {input_neurons} and {output_neurons}",
            ).format(
                name=name,
                inputs=_count(shape[0], "input"),
                outputs=_count(shape[1], "output"),
                input_neurons=_count(len(inputs), "input neuron"),
                output_neurons=_count(len(outputs), "output neuron"),
            ),
        )
    defaults = GeneratorSpec(name)
    labels = _get(block, "labels", "data", list, required=False)
    if labels is not None:
        for k, value in enumerate(labels):
            if not _is_number(value):
                raise _Refusal(f"data.labels[{k}]", _expected(_NUMBER, value))
        labels = tuple(_as_float(v, "data.labels") for v in labels)
    try:
        # The spec judges its own ranges (samples, noise, ...), so a file and the data dock agree.
        spec = GeneratorSpec(
            name,
            samples=_whole(block, "samples", "data", defaults.samples),
            noise=_number(block, "noise", "data", defaults.noise),
            train_fraction=_number(block, "train_fraction", "data", defaults.train_fraction),
            seed=_whole(block, "seed", "data", defaults.seed),
            labels=defaults.labels if labels is None else labels,
        )
        dataset = generate(spec)
    except DataError as refusal:
        raise _Refusal("data", str(refusal)) from None
    return dataclasses.replace(dataset, generator=spec)


# ----------------------------------------------------------------- field helpers


def _join(place: str, key: object) -> str:
    if isinstance(key, int):
        return f"{place}[{key}]"
    text = str(key)
    name = text if text.isidentifier() else json.dumps(text, ensure_ascii=False)
    return f"{place}.{name}" if place else name


def _get(obj: dict, key: str, place: str, kind: type, required: bool = True) -> Any:
    """obj[key], checked to be of `kind`; refuses a missing required field."""
    # The place is written out only for a refusal: files can hold 100,000 connections.
    if key not in obj:
        if required:
            raise _Refusal(_join(place, key), _missing())
        return None
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        wanted = {"str": _STRING, "list": _LIST, "dict": _OBJECT}[kind.__name__]
        raise _Refusal(_join(place, key), _expected(wanted, value))
    return value


def _choice(obj: dict, key: str, place: str, choices: tuple[str, ...]) -> str:
    value = _get(obj, key, place, str)
    if value not in choices:
        raise _Refusal(_join(place, key), not_one_of(value, choices))
    return value


def _number(obj: dict, key: str, place: str, default: float | None = None) -> float:
    if key not in obj and default is not None:
        return default
    if key not in obj:
        raise _Refusal(_join(place, key), _missing())
    value = obj[key]
    if type(value) is float:  # the common case, already a float and finite (checked before)
        return value
    if not _is_number(value):
        raise _Refusal(_join(place, key), _expected(_NUMBER, value))
    try:
        return float(value)
    except OverflowError:
        return _as_float(value, _join(place, key))


def _whole(obj: dict, key: str, place: str, default: int) -> int:
    if key not in obj:
        return default
    if not _is_whole(obj[key]):
        raise _Refusal(_join(place, key), _expected(_WHOLE, obj[key]))
    return int(obj[key])


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_whole(value: object) -> bool:
    # As in JSON Schema, 2.0 is a whole number.
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        or (isinstance(value, float) and value.is_integer())
    )


def _as_float(value: float, place: str) -> float:
    try:
        return float(value)
    except OverflowError:
        raise _Refusal(
            place, translate("NetworkDocument", "this number is too large (beyond ±1.8e308)")
        ) from None


def _count(n: int, noun: str) -> str:
    singular, plural = _COUNTED[noun]
    return translate("NetworkDocument", singular if n == 1 else plural).format(n=n)


# What a field was expected to hold, marked for lupdate; `_expected` translates one.
_OBJECT = QT_TRANSLATE_NOOP("NetworkDocument", "an object")
_STRING = QT_TRANSLATE_NOOP("NetworkDocument", "a string")
_LIST = QT_TRANSLATE_NOOP("NetworkDocument", "a list")
_NUMBER = QT_TRANSLATE_NOOP("NetworkDocument", "a number")
_WHOLE = QT_TRANSLATE_NOOP("NetworkDocument", "a whole number")


def _expected(wanted: str, value: object) -> str:
    """ "expected a number, found the text 'x'" in the user's language."""
    return translate("NetworkDocument", "expected {wanted}, found {found}").format(
        wanted=translate("NetworkDocument", wanted), found=_kind(value)
    )


def _missing() -> str:
    return translate("NetworkDocument", "this required field is missing")


def _kind(value: object) -> str:
    """How a message shows a value the reader did not expect."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        # str() of an integer of thousands of digits is refused by Python, and unreadable anyway.
        return (
            translate("NetworkDocument", "the number {value}").format(value=value)
            if isinstance(value, float) or abs(value) < 10**30
            else translate("NetworkDocument", "a huge whole number")
        )
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return translate("NetworkDocument", "the text {text!r}").format(text=shown)
    if isinstance(value, (list, dict)):
        return translate("NetworkDocument", _LIST if isinstance(value, list) else _OBJECT)
    # Only from a script's document.
    return translate("NetworkDocument", "a value of type {type}").format(type=type(value).__name__)
