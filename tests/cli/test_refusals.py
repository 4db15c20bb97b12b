"""Every refusal of the file spec, through the command line: status 1, one line, nothing written."""

import copy
import json
from pathlib import Path

import pytest

from playground.cli import main
from tests.cli.helpers import example_document, example_path, run_playground
from tests.model.test_network_name import png_bytes

BASE = example_document("two_two_two")


def _edited(change) -> bytes:
    document = copy.deepcopy(BASE)
    change(document)
    return json.dumps(document).encode("utf-8")


def _set(path: tuple, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(key: str):
    return lambda document: document.pop(key)


def _append_connection(source: str, target: str, weight: float = 0.1):
    return lambda document: document["connections"].append(
        {"source": source, "target": target, "weight": weight}
    )


def _with_nan(document_text: str) -> bytes:
    return document_text.replace('"bias": 0.35', '"bias": NaN', 1).encode("utf-8")


BASE_TEXT = example_path("two_two_two").read_text(encoding="utf-8")

# (name, the file's bytes, words the message must contain)
REFUSALS = [
    ("not JSON", b'{"format": "nn-playground", "version": 1,', "not valid JSON"),
    ("not UTF-8", BASE_TEXT.replace("2-2-2", "2\xe9").encode("latin-1"), "UTF-8"),
    ("a PNG", png_bytes(), "this is a PNG image, not a network file"),
    ("binary bytes", bytes(range(256)), "this is a binary file, not a network file"),
    ("wrong format", _edited(_set(("format",), "tensorflow")), "format"),
    ("larger version", _edited(_set(("version",), 2)), "version 2"),
    ("unknown version", _edited(_set(("version",), 0)), "version"),
    ("missing neurons", _edited(_delete("neurons")), "neurons"),
    ("neurons wrongly typed", _edited(_set(("neurons",), {"i1": "input"})), "neurons"),
    ("weight wrongly typed", _edited(_set(("connections", 0, "weight"), "0.15")), "connections[0]"),
    ("duplicate id", _edited(_set(("neurons", 1, "id"), "i1")), "i1"),
    ("empty id", _edited(_set(("neurons", 1, "id"), "")), "neurons[1]"),
    ("connection to an unknown id", _edited(_set(("connections", 0, "target"), "h9")), "h9"),
    ("duplicate connection", _edited(_append_connection("i1", "h1")), "connections[8]"),
    ("self-connection", _edited(_append_connection("h1", "h1")), "h1"),
    ("connection into an input", _edited(_append_connection("h1", "i2")), "i2"),
    ("cycle", _edited(_append_connection("o1", "h2")), "h2"),
    ("NaN", _with_nan(BASE_TEXT), "neurons[2]"),
    (
        "Infinity",
        BASE_TEXT.replace('"weight": 0.15', '"weight": Infinity', 1).encode(),
        "connections[0]",
    ),
    ("input row too wide", _edited(_set(("data", "train", "x"), [[0.05, 0.1, 0.2]])), "data"),
    ("target row too narrow", _edited(_set(("data", "train", "y"), [[0.01]])), "data"),
    ("unknown activation", _edited(_set(("neurons", 2, "activation"), "sigmod")), "sigmod"),
    ("unknown loss", _edited(_set(("loss",), "hinge")), "hinge"),
    ("unknown generator", _edited(_set(("data",), {"generator": "moons", "samples": 10})), "moons"),
]

COMMANDS = (
    ["trace"],
    ["trace", "--json"],
    ["check"],
    ["train", "--json"],
)


def _write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    return path


def _assert_refused(status: int, out: str, err: str) -> str:
    assert status == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name, content, words", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusal_through_the_command_line(capsys, tmp_path, command, name, content, words):
    path = _write(tmp_path, content)
    out_path, plot_path = tmp_path / "out.json", tmp_path / "loss.png"
    extra = ["--out", str(out_path), "--plot", str(plot_path)] if command[0] == "train" else []
    status = main([command[0], str(path), *command[1:], *extra])
    captured = capsys.readouterr()
    line = _assert_refused(status, captured.out, captured.err)
    assert str(path) in line  # the message names the file
    assert words in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]  # nothing written
    assert path.read_bytes() == content


def test_larger_version_names_both_versions(capsys, tmp_path):
    path = _write(tmp_path, _edited(_set(("version",), 7)))
    line = _assert_refused(main(["check", str(path)]), *capsys.readouterr())
    assert "version 7" in line and "version 1" in line


def test_cycle_message_names_the_neurons_on_it(capsys, tmp_path):
    path = _write(tmp_path, _edited(_append_connection("o1", "h2")))
    line = _assert_refused(main(["trace", str(path)]), *capsys.readouterr())
    assert "o1" in line and "h2" in line


def test_a_file_over_64_mib_is_refused(capsys, tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:  # sparse: no 64 MiB actually written
        handle.truncate(64 * 1024 * 1024 + 1)
    line = _assert_refused(main(["check", str(path)]), *capsys.readouterr())
    assert "MiB" in line


def test_a_missing_file_is_one_line(capsys, tmp_path):
    line = _assert_refused(main(["trace", str(tmp_path / "nowhere.json")]), *capsys.readouterr())
    assert "nowhere.json" in line


def test_a_folder_is_one_line(capsys, tmp_path):
    _assert_refused(main(["train", str(tmp_path)]), *capsys.readouterr())


@pytest.mark.parametrize("command", (["train", "--json"], ["trace"], ["check"]))
def test_refusal_in_a_fresh_interpreter(tmp_path, command):
    path = _write(tmp_path, _edited(_set(("neurons", 2, "activation"), "sigmod")))
    result = run_playground(command[0], str(path), *command[1:])
    line = _assert_refused(result.returncode, result.stdout, result.stderr)
    assert "neurons[2].activation" in line and "sigmod" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]


def test_a_png_given_to_playground_is_not_a_network_file(tmp_path):
    picture = tmp_path / "picture.png"
    picture.write_bytes(png_bytes())
    result = run_playground("check", str(picture))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().endswith(
        "picture.png: this is a PNG image, not a network file (a network file is JSON text)"
    )
    assert "UTF-8" not in result.stderr and "Traceback" not in result.stderr
