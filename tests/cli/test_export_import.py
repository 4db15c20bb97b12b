"""`playground export` and `playground import`: what they write, and what they refuse."""

import ast
import os

import pytest

from playground.cli import main
from playground.export import onnx_missing
from playground.model.network_file import load_network
from tests.cli.helpers import example_path


def test_export_writes_a_pytorch_script_that_needs_only_torch(tmp_path, capsys):
    out = tmp_path / "xor.py"
    assert main(["export", str(example_path("xor")), "--format", "pytorch", "--out", str(out)]) == 0
    tree = ast.parse(out.read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    }
    assert "playground" not in imported and "torch" in imported
    assert "xor.py" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--format", "pytorch"], "--out"),
        (["--out", "x.py"], "--format"),
        (["--format", "keras", "--out", "x.py"], "invalid choice"),
    ],
)
def test_export_without_its_options_is_bad_usage(arguments, words, capsys):
    assert main(["export", str(example_path("xor")), *arguments]) == 2
    assert words in capsys.readouterr().err


def test_export_never_replaces_the_file_it_reads(tmp_path, capsys):
    network = tmp_path / "mine.json"
    network.write_bytes(example_path("xor").read_bytes())
    before = network.read_bytes()
    assert main(["export", str(network), "--format", "pytorch", "--out", str(network)]) == 2
    assert "is FILE itself" in capsys.readouterr().err
    assert network.read_bytes() == before


def test_export_into_a_folder_is_refused_before_any_work(tmp_path, capsys):
    assert (
        main(["export", str(example_path("xor")), "--format", "pytorch", "--out", str(tmp_path)])
        == 1
    )
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "this is a folder" in lines[0]


def test_without_the_onnx_extra_both_commands_say_what_to_install(tmp_path, capsys, monkeypatch):
    message = 'writing ONNX models needs the onnx package: pip install "nn-playground[onnx]"'
    monkeypatch.setattr("playground.export.onnx_export.onnx_missing", lambda: message)
    out = tmp_path / "x.onnx"
    assert main(["export", str(example_path("xor")), "--format", "onnx", "--out", str(out)]) == 1
    assert 'pip install "nn-playground[onnx]"' in capsys.readouterr().err
    assert not out.exists()
    model = tmp_path / "m.onnx"
    model.write_bytes(b"not a model")
    assert main(["import", str(model), "--out", str(tmp_path / "m.json")]) == 1
    assert 'pip install "nn-playground[onnx]"' in capsys.readouterr().err


@pytest.fixture
def needs_onnx():
    if onnx_missing():
        if os.environ.get("CI"):
            pytest.fail("CI must test the ONNX export and import: " + onnx_missing())
        pytest.skip(onnx_missing())


def test_export_then_import_gives_back_the_same_network(needs_onnx, tmp_path):
    model, again = tmp_path / "two.onnx", tmp_path / "two_again.json"
    source = example_path("two_two_two")
    assert main(["export", str(source), "--format", "onnx", "--out", str(model)]) == 0
    assert main(["import", str(model), "--out", str(again)]) == 0
    original, imported = load_network(source), load_network(again)
    assert [(n.id, n.role, n.activation, n.x, n.y) for n in imported.neurons] == [
        (n.id, n.role, n.activation, n.x, n.y) for n in original.neurons
    ]
    assert [(c.source, c.target) for c in imported.connections] == [
        (c.source, c.target) for c in original.connections
    ]
    for mine, theirs in zip(imported.connections, original.connections):
        assert mine.weight == pytest.approx(theirs.weight, rel=1e-6)


def test_import_of_something_that_is_not_onnx_is_one_line(needs_onnx, tmp_path, capsys):
    model = tmp_path / "m.onnx"
    model.write_bytes(b"\x00garbage")
    assert main(["import", str(model), "--out", str(tmp_path / "m.json")]) == 1
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert not (tmp_path / "m.json").exists()
