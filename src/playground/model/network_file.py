"""Network files, format version 1: load one from disk, save one atomically.

Every refusal is a `NetworkFileError` whose message names the file and the place
in it (`net.json: connections[4]: ...`); the checking itself is `network_from_dict`.
"""

import copy
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, cast

import numpy as np

from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.errors import NetworkFileError
from playground.model.network import Network
from playground.model.network_document import FORMAT, KNOWN_FIELDS, VERSION, network_from_dict
from playground.model.neuron import Neuron
from playground.translation import QT_TRANSLATE_NOOP, translate

__all__ = [
    "StagedFile",
    "load_network",
    "network_from_dict",
    "network_to_dict",
    "output_problem",
    "save_network",
    "stage_bytes",
    "write_bytes_atomically",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
# What a failed save says before its reason; other writers pass their own words.
CANNOT_SAVE = QT_TRANSLATE_NOOP("NetworkFile", "cannot save")


# ----------------------------------------------------------------- reading a file

# Deeper than any field this version knows (data rows are 4 levels down); a field this
# version does not know is kept and written back, so it must stay within what can be copied
# and written without running out of stack.
MAX_NESTING = 100
# A surrogate can only come from a \u escape: the UTF-8 decoder refuses encoded ones. So a
# file without such an escape (nearly every file) needs no closer look for lone surrogates.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def load_network(path: str | os.PathLike) -> Network:
    """Read, check and build the network in a file; raises NetworkFileError saying what is wrong."""
    source = os.fspath(path)
    text = _decode(source, _read_bytes(source))
    if not text.strip():
        raise NetworkFileError(
            f"{source}: "
            + translate("NetworkFile", "the file is empty; a network file is a JSON object")
        )
    duplicates: list[tuple[dict, str]] = []

    def build_object(pairs: list[tuple[str, object]]) -> dict:
        result = dict(pairs)
        if len(result) != len(pairs) and not duplicates:
            duplicates.append((result, _first_repeated([key for key, _ in pairs])))
        return result

    try:
        # NaN and Infinity become floats here so that the check below can say where they are.
        document = json.loads(text, parse_constant=float, object_pairs_hook=build_object)
    except json.JSONDecodeError as error:
        raise NetworkFileError(
            f"{source}: "
            + translate(
                "NetworkFile", "line {line}, column {column}: not valid JSON ({why})"
            ).format(line=error.lineno, column=error.colno, why=error.msg)
        ) from None
    except RecursionError:
        raise NetworkFileError(
            f"{source}: "
            + translate("NetworkFile", "the JSON is nested too deeply for a network file")
        ) from None
    except ValueError:
        # Python refuses to read integers of thousands of digits.
        raise NetworkFileError(
            f"{source}: " + translate("NetworkFile", "a number in the file has too many digits")
        ) from None
    if duplicates:
        container, key = duplicates[0]
        raise NetworkFileError(
            f"{source}: {_place_of(document, container)}: "
            + translate(
                "NetworkFile",
                "the field {name} appears more than once; each field may appear only once",
            ).format(name=_quoted(key))
        )
    if _SURROGATE_ESCAPE.search(text):
        _refuse_lone_surrogates(source, document)
    _refuse_deep_nesting(source, document)
    try:
        return network_from_dict(document, source)
    except RecursionError:
        # A last guard: whatever the check above let through, never a traceback.
        raise NetworkFileError(
            f"{source}: "
            + translate("NetworkFile", "the JSON is nested too deeply for a network file")
        ) from None


def _read_bytes(source: str) -> bytes:
    try:
        status = os.stat(source)
        if not stat.S_ISREG(status.st_mode):
            raise NetworkFileError(
                f"{source}: " + _not_a_network_file(_kind_of_file(status.st_mode))
            )
        if status.st_size > MAX_FILE_BYTES:
            raise NetworkFileError(
                f"{source}: "
                + translate(
                    "NetworkFile",
                    "the file is {size} MiB; a network file may be at most {most} MiB",
                ).format(size=f"{status.st_size / 2**20:.1f}", most=MAX_FILE_BYTES // 2**20)
            )
        # Without blocking: a named pipe put in the file's place since the check above would
        # otherwise wait for a writer forever.
        with open(source, "rb", opener=_open_without_blocking) as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise NetworkFileError(f"{source}: " + _not_a_network_file(_kind_of_file(mode)))
            # Read one byte past the limit in case the file grew since the size was checked.
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise NetworkFileError(
            f"{source}: " + translate("NetworkFile", "there is no such file")
        ) from None
    except IsADirectoryError:
        raise NetworkFileError(
            f"{source}: " + translate("NetworkFile", "this is a folder, not a network file")
        ) from None
    except OSError as error:
        raise NetworkFileError(
            f"{source}: "
            + translate("NetworkFile", "cannot read the file ({why})").format(why=_reason(error))
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise NetworkFileError(
            f"{source}: "
            + translate(
                "NetworkFile", "the file is over {most} MiB, the most a network file may be"
            ).format(most=MAX_FILE_BYTES // 2**20)
        )
    return data


def _first_repeated(keys: list[str]) -> str:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            return key
        seen.add(key)
    return keys[0]


def _open_without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _kind_of_file(mode: int) -> str:
    """What a file that is not a regular file is, in the user's words."""
    if stat.S_ISDIR(mode):
        return translate("NetworkFile", "a folder")
    if stat.S_ISFIFO(mode):
        return translate("NetworkFile", "a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return translate("NetworkFile", "a device")
    if stat.S_ISSOCK(mode):
        return translate("NetworkFile", "a socket")
    return translate("NetworkFile", "not a regular file")


def _not_a_network_file(kind: str) -> str:
    return translate("NetworkFile", "this is {kind}, not a network file").format(kind=kind)


# The first bytes of files people pick by mistake, so the message can say what was picked.
_SIGNATURES = {
    b"\x89PNG": QT_TRANSLATE_NOOP("NetworkFile", "a PNG image"),
    b"\xff\xd8\xff": QT_TRANSLATE_NOOP("NetworkFile", "a JPEG image"),
    b"GIF8": QT_TRANSLATE_NOOP("NetworkFile", "a GIF image"),
    b"%PDF": QT_TRANSLATE_NOOP("NetworkFile", "a PDF document"),
    b"PK\x03\x04": QT_TRANSLATE_NOOP("NetworkFile", "a ZIP archive (or a document packed as one)"),
}


def _decode(source: str, data: bytes) -> str:
    # A byte order mark is allowed (some editors add one) and skipped.
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    # No JSON text starts with these signatures or holds a NUL byte: safe to judge up front.
    kind = next((k for s, k in _SIGNATURES.items() if data.startswith(s)), None)
    if kind is None and b"\x00" in data[:4096]:
        kind = QT_TRANSLATE_NOOP("NetworkFile", "a binary file")
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        if kind is None and error.start > 0:
            # Text but for some bytes (another encoding): say where, to fix them in an editor.
            start = error.start + skip
            line_start = data.rfind(b"\n", 0, start) + 1
            line = data.count(b"\n", 0, start) + 1
            column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
            raise NetworkFileError(
                f"{source}: "
                + translate(
                    "NetworkFile",
                    "line {line}, column {column}: the file is not UTF-8 text "
                    "(byte {byte} cannot start or continue a UTF-8 character)",
                ).format(line=line, column=column, byte=f"0x{data[start]:02x}")
            ) from None
        kind = kind or QT_TRANSLATE_NOOP(
            "NetworkFile", "a binary file"
        )  # not even its first character is text
    if kind is not None:
        raise NetworkFileError(
            f"{source}: "
            + translate(
                "NetworkFile", "this is {kind}, not a network file (a network file is JSON text)"
            ).format(kind=translate("NetworkFile", kind))
        )
    return text


def _children(value: object) -> Iterable[tuple[object, object]]:
    if isinstance(value, dict):
        return value.items()
    if isinstance(value, list):
        return enumerate(value)
    return ()


def _place(trail: list[object]) -> str:
    """`neurons[3].id` from the keys and indices leading there."""
    place = ""
    for key in trail:
        if isinstance(key, int):
            place += f"[{key}]"
        else:
            name = str(key) if str(key).isidentifier() else _quoted(str(key))
            place = f"{place}.{name}" if place else name
    return place or "top level"


def _quoted(text: str) -> str:
    # backslashreplace: the text may hold a lone surrogate, which cannot be printed as it is.
    return json.dumps(text, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")


def _place_of(document: object, target: object) -> str:
    """Where in the document the container `target` (found by identity) sits."""
    stack: list[tuple[object, list[object]]] = [(document, [])]
    while stack:
        value, trail = stack.pop()
        if value is target:
            return _place(trail)
        stack.extend(
            (child, [*trail, key])
            for key, child in _children(value)
            if isinstance(child, (dict, list))
        )
    return "top level"


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _refuse_lone_surrogates(source: str, document: object) -> None:
    """Refuse a \\ud800-style escape that is half of a pair: it is no character, and no file can hold it."""
    stack: list[tuple[object, list[object]]] = [(document, [])]
    while stack:
        value, trail = stack.pop()
        for key, child in _children(value):
            if isinstance(key, str) and _has_lone_surrogate(key):
                raise NetworkFileError(
                    f"{source}: {_place(trail)}: "
                    + translate(
                        "NetworkFile",
                        "the field name {name} holds half of a UTF-16 surrogate pair, "
                        "which is not a character",
                    ).format(name=_quoted(key))
                )
            if isinstance(child, str) and _has_lone_surrogate(child):
                raise NetworkFileError(
                    f"{source}: {_place([*trail, key])}: "
                    + translate(
                        "NetworkFile",
                        "the text {text} holds half of a UTF-16 surrogate pair, "
                        "which is not a character",
                    ).format(text=_quoted(child))
                )
            if isinstance(child, (dict, list)):
                stack.append((child, [*trail, key]))


def _refuse_deep_nesting(source: str, document: object) -> None:
    """Refuse fields this version does not know that nest deeper than MAX_NESTING."""
    if not isinstance(document, dict):
        return
    for field, value in document.items():
        if field in KNOWN_FIELDS:
            continue  # checked field by field, with the types each must have
        stack = [(value, 2)]  # the document itself is level 1
        while stack:
            item, level = stack.pop()
            if not isinstance(item, (dict, list)):
                continue
            if level > MAX_NESTING:
                raise NetworkFileError(
                    f"{source}: {_place([field])}: "
                    + translate(
                        "NetworkFile",
                        "nested too deeply (more than {most} levels of lists and objects); "
                        "a network file is never nested that deeply",
                    ).format(most=MAX_NESTING)
                )
            stack.extend((child, level + 1) for _, child in _children(item))


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return translate("NetworkFile", "permission denied")
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
    if not t.update_biases:
        # Written only when it differs from the default, so files that never set it (every
        # file before it existed) save back byte for byte as they were.
        document["training"]["update_biases"] = False
    if t.l1:
        # Likewise written only when set, so files from before l1 existed save back unchanged.
        document["training"]["l1"] = float(t.l1)
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
    block = _data_source_to_dict(data)
    if data.features is not None:
        block["features"] = list(data.features)  # only when named: older files save as they were
    return block


def _data_source_to_dict(data: Dataset) -> dict:
    spec = data.generator
    if spec is None:
        # tolist() gives Python floats, whose repr reads back to the same bits. Raw columns:
        # features are computed from them on load.
        return {
            split: {
                "x": np.asarray(x, dtype=np.float64).tolist(),
                "y": np.asarray(y, dtype=np.float64).tolist(),
            }
            for split, (x, y) in (
                ("train", data.raw_split("train")),
                ("test", data.raw_split("test")),
            )
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
    """Write the network to `path` atomically: a crash mid-save leaves the old file whole.

    Only a regular file (or a new one) is written: never a folder, a named pipe, a device
    or a read-only file, which are refused with a NetworkFileError saying so.
    """
    shown = os.fspath(path)
    document = network_to_dict(network)
    # A file the reader would refuse is not written: it could never be opened again.
    network_from_dict(document, f"{shown}: " + translate("NetworkFile", CANNOT_SAVE))
    staged = _stage(shown, lambda handle: _write_document(handle, document), CANNOT_SAVE)
    staged.commit()


def _write_document(handle: IO[bytes], document: dict) -> None:
    try:
        text = "".join(_json_pieces(document, "")) + "\n"
    except (ValueError, TypeError) as error:
        # Values JSON cannot hold, such as an object a script put into `extra`.
        raise _Unwritable(str(error)) from None
    except RecursionError:
        raise _Unwritable(translate("NetworkFile", "the data is nested too deeply")) from None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise _Unwritable(
            translate(
                "NetworkFile",
                "a text holds half of a UTF-16 surrogate pair, which is not a character",
            )
        ) from None
    handle.write(data)


class _Unwritable(Exception):
    """Content that cannot be written; its message says why."""


def output_problem(path: str | os.PathLike) -> str | None:
    """Why no file could be written at `path`, in the user's words; None when it can be.

    Checked before long work (training) whose result would otherwise be lost, and again by
    every save. Refuses an empty name, a name ending in a slash, a folder, anything that is
    not a regular file (a named pipe, a device), a read-only file, a missing folder.
    """
    shown = os.fspath(path)
    if not shown:
        return translate("NetworkFile", "no file name was given")
    if shown.endswith(os.sep) or (os.altsep is not None and shown.endswith(os.altsep)):
        return translate(
            "NetworkFile", "the name ends in a slash, so it names a folder, not a file"
        )
    target = os.path.realpath(shown)  # through a symlink: its target is what gets written
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        return translate("NetworkFile", "cannot look at the file ({why})").format(
            why=_reason(error)
        )
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            return translate("NetworkFile", "this is a folder")
        if not stat.S_ISREG(status.st_mode):
            return translate(
                "NetworkFile", "this is {kind}, not a file that can be replaced"
            ).format(kind=_kind_of_file(status.st_mode))
        # The mode bits as well as access(): root may write anything, but a file nobody may
        # write was made read-only on purpose.
        if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
            return translate("NetworkFile", "the file is read-only")
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        return _no_folder(folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return _cannot_write_in(folder, translate("NetworkFile", "permission denied"))
    return None


def _no_folder(folder: str) -> str:
    return translate("NetworkFile", "the folder {folder} does not exist").format(folder=folder)


def _cannot_write_in(folder: str, why: str) -> str:
    return translate("NetworkFile", "cannot write in the folder {folder} ({why})").format(
        folder=folder, why=why
    )


class StagedFile:
    """A file written in full beside its target; `commit` puts it in place, `discard` drops it."""

    def __init__(self, temporary: str, target: str, shown: str, failure: str) -> None:
        self.temporary, self.target = temporary, target
        self._shown, self._failure = shown, failure

    def commit(self) -> None:
        """Rename it over the target: readers see the old file or the new one, never a mix."""
        try:
            os.replace(self.temporary, self.target)
        except OSError as error:
            self.discard()
            raise NetworkFileError(
                f"{self._shown}: {translate('NetworkFile', self._failure)}: {_reason(error)}"
            ) from None

    def discard(self) -> None:
        try:
            os.remove(self.temporary)
        except OSError:
            pass


def stage_bytes(path: str | os.PathLike, data: bytes, failure: str = CANNOT_SAVE) -> StagedFile:
    """Write `data` to a temporary file beside `path` (flushed to disk), to be committed later.

    Raises a NetworkFileError, "PATH: FAILURE: why", for a target `output_problem` refuses
    or a write that fails (a full disk); the target is then untouched.
    """
    return _stage(os.fspath(path), lambda handle: handle.write(data), failure)


def write_bytes_atomically(
    path: str | os.PathLike, data: bytes, failure: str = CANNOT_SAVE
) -> None:
    """Replace `path` with `data` in one rename: never a half-written file (such as a truncated PNG)."""
    stage_bytes(path, data, failure).commit()


def _stage(shown: str, write: Callable[[IO[bytes]], object], failure: str) -> StagedFile:
    problem = output_problem(shown)
    failure = translate("NetworkFile", failure)
    if problem is not None:
        raise NetworkFileError(f"{shown}: {failure}: {problem}")
    target = os.path.realpath(shown)  # through a symlink, so the link survives
    folder = os.path.dirname(target)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
        )
    except OSError as error:
        why = (
            _no_folder(folder)
            if isinstance(error, FileNotFoundError)
            else _cannot_write_in(folder, _reason(error))
        )
        raise NetworkFileError(f"{shown}: {failure}: {why}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _file_mode(target))
    except BaseException as error:
        try:
            os.remove(temporary)
        except OSError:
            pass
        if isinstance(error, _Unwritable):
            raise NetworkFileError(f"{shown}: {failure}: {error}") from None
        if isinstance(error, OSError):
            raise NetworkFileError(f"{shown}: {failure}: {_reason(error)}") from None
        raise
    return StagedFile(temporary, target, shown, failure)


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
