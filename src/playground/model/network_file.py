"""Network files, format version 1: load one from disk, save one atomically.

Every refusal is a `NetworkFileError` whose message names the file and the place
in it (`net.json: connections[4]: ...`); the checking itself is `network_from_dict`.
"""

import copy
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from typing import cast

import numpy as np

from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.errors import NetworkFileError
from playground.model.network import Network
from playground.model.network_document import FORMAT, KNOWN_FIELDS, VERSION, network_from_dict
from playground.model.neuron import Neuron

__all__ = ["load_network", "network_from_dict", "network_to_dict", "save_network"]

MAX_FILE_BYTES = 64 * 1024 * 1024


# ----------------------------------------------------------------- reading a file


def load_network(path: str | os.PathLike) -> Network:
    """Read, check and build the network in a file; raises NetworkFileError saying what is wrong."""
    source = os.fspath(path)
    text = _decode(source, _read_bytes(source))
    if not text.strip():
        raise NetworkFileError(f"{source}: the file is empty; a network file is a JSON object")
    try:
        # NaN and Infinity become floats here so that the check below can say where they are.
        document = json.loads(text, parse_constant=float)
    except json.JSONDecodeError as error:
        raise NetworkFileError(
            f"{source}: line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise NetworkFileError(
            f"{source}: the JSON is nested too deeply for a network file"
        ) from None
    except ValueError:
        # Python refuses to read integers of thousands of digits.
        raise NetworkFileError(f"{source}: a number in the file has too many digits") from None
    return network_from_dict(document, source)


def _read_bytes(source: str) -> bytes:
    try:
        status = os.stat(source)
        if stat.S_ISDIR(status.st_mode):
            raise NetworkFileError(f"{source}: this is a folder, not a network file")
        if status.st_size > MAX_FILE_BYTES:
            raise NetworkFileError(
                f"{source}: the file is {status.st_size / 2**20:.1f} MiB; "
                f"a network file may be at most {MAX_FILE_BYTES // 2**20} MiB"
            )
        with open(source, "rb") as handle:
            # Read one byte past the limit in case the file grew since the size was checked.
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise NetworkFileError(f"{source}: there is no such file") from None
    except IsADirectoryError:
        raise NetworkFileError(f"{source}: this is a folder, not a network file") from None
    except OSError as error:
        raise NetworkFileError(f"{source}: cannot read the file ({_reason(error)})") from None
    if len(data) > MAX_FILE_BYTES:
        raise NetworkFileError(
            f"{source}: the file is over {MAX_FILE_BYTES // 2**20} MiB, the most a network file may be"
        )
    return data


def _decode(source: str, data: bytes) -> str:
    # A byte order mark is allowed (some editors add one) and skipped.
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start + skip
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        raise NetworkFileError(
            f"{source}: line {line}, column {column}: the file is not UTF-8 text "
            f"(byte 0x{data[start]:02x} cannot start or continue a UTF-8 character)"
        ) from None


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error) or type(error).__name__).lower()


# ----------------------------------------------------------------- writing


def network_to_dict(network: Network) -> dict:
    """The network as a format-1 document, keys in the order a file shows them."""
    document: dict = {"format": FORMAT, "version": VERSION}
    if network.name is not None:
        document["name"] = network.name
    document["neurons"] = [_neuron_to_dict(n) for n in network.neurons]
    document["connections"] = [
        {"source": c.source, "target": c.target, "weight": float(c.weight)}
        for c in network.connections
    ]
    document["loss"] = network.loss
    t = network.training
    document["training"] = {
        "learning_rate": float(t.learning_rate),
        "batch_size": int(t.batch_size),
        "momentum": float(t.momentum),
        "l2": float(t.l2),
        "seed": int(t.seed),
    }
    if network.data is not None:
        document["data"] = _data_to_dict(network.data)
    for key, value in network.extra.items():
        if key not in KNOWN_FIELDS:
            document[key] = copy.deepcopy(value)
    return document


def _neuron_to_dict(neuron: Neuron) -> dict:
    entry: dict = {"id": neuron.id, "role": neuron.role}
    if neuron.label:
        entry["label"] = neuron.label
    if not neuron.is_input:
        entry["activation"] = neuron.activation_name
        entry["bias"] = float(neuron.bias_value)
    entry["x"], entry["y"] = float(neuron.x), float(neuron.y)
    return entry


def _data_to_dict(data: Dataset) -> dict:
    spec = data.generator
    if spec is None:
        # tolist() gives Python floats, whose repr reads back to the same bits.
        return {
            split: {
                "x": np.asarray(x, dtype=np.float64).tolist(),
                "y": np.asarray(y, dtype=np.float64).tolist(),
            }
            for split, (x, y) in (("train", data.split("train")), ("test", data.split("test")))
        }
    block = {
        "generator": spec.name,
        "samples": int(spec.samples),
        "noise": float(spec.noise),
        "train_fraction": float(spec.train_fraction),
        "seed": int(spec.seed),
    }
    labels = [float(v) for v in spec.labels]
    if labels != [float(v) for v in GeneratorSpec(spec.name).labels]:
        block["labels"] = labels
    return block


def save_network(network: Network, path: str | os.PathLike) -> None:
    """Write the network to `path` atomically: a crash mid-save leaves the old file whole."""
    shown = os.fspath(path)
    document = network_to_dict(network)
    # A file the reader would refuse is not written: it could never be opened again.
    network_from_dict(document, f"{shown}: cannot save")
    target = os.path.realpath(shown)  # through a symlink, so the link survives
    folder = os.path.dirname(target)
    if os.path.isdir(target):
        raise NetworkFileError(f"{shown}: cannot save: this is a folder")
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
        )
    except OSError as error:
        why = (
            f"the folder {folder} does not exist"
            if isinstance(error, FileNotFoundError)
            else (f"cannot write in the folder {folder} ({_reason(error)})")
        )
        raise NetworkFileError(f"{shown}: cannot save: {why}") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(_json_pieces(document, ""))
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _file_mode(target))
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.remove(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise NetworkFileError(f"{shown}: cannot save: {_reason(error)}") from None
        if isinstance(error, (ValueError, TypeError)):
            # Values JSON cannot hold, such as an object a script put into `extra`.
            raise NetworkFileError(f"{shown}: cannot save: {error}") from None
        if isinstance(error, RecursionError):
            raise NetworkFileError(f"{shown}: cannot save: the data is nested too deeply") from None
        raise


# One encoder for every piece: building one per call would cost more than the encoding.
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode


def _json_pieces(value: object, indent: str) -> Iterator[str]:
    """`value` as JSON indented by 2, but a list or object holding no others on one line.

    So a neuron, a connection or a data row reads as one line, as in the format's examples.
    """
    if not _holds_containers(value):
        yield _encode(value)
        return
    inner = indent + "  "
    is_object = isinstance(value, dict)
    yield "{" if is_object else "["
    pairs: Iterable[tuple[object, object]] = (
        value.items() if isinstance(value, dict) else ((None, entry) for entry in cast(list, value))
    )
    for k, (key, entry) in enumerate(pairs):
        yield f",\n{inner}" if k else f"\n{inner}"
        if is_object:
            if not isinstance(key, str):
                raise TypeError(f"a field name must be text, not {key!r}")
            yield _encode(key) + ": "
        if _holds_containers(entry):
            yield from _json_pieces(entry, inner)
        else:
            yield _encode(entry)
    yield f"\n{indent}" + ("}" if is_object else "]")


def _holds_containers(value: object) -> bool:
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, list):
        return False
    return any(isinstance(item, (dict, list)) for item in value)


def _file_mode(target: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        # Setting the umask is the only portable way to read it; it is put straight back.
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
