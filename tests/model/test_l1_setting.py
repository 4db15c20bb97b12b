"""`training.l1`: a number ≥ 0, 0 by default, read, written only when not 0, in the schema."""

import json
import math
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from playground.cli import main
from playground.model.errors import NetworkFileError
from playground.model.examples import example_path, resources_folder, schema_path
from playground.model.network_file import (
    load_network,
    network_from_dict,
    network_to_dict,
    save_network,
)
from playground.model.training_settings import RULES, SettingsError, TrainingSettings, refusal

REPOSITORY = Path(__file__).resolve().parents[2]
with open(schema_path(), encoding="utf-8") as f:
    VALIDATOR = jsonschema.Draft202012Validator(json.load(f))


def with_training(**fields) -> dict:
    document = json.loads(example_path("xor").read_text(encoding="utf-8"))
    document["training"].update(fields)
    return document


# ----------------------------------------------------------------- the setting


def test_l1_is_off_by_default():
    assert TrainingSettings().l1 == 0.0
    assert TrainingSettings(l1=0.003).l1 == 0.003
    assert "l1" in RULES and refusal("l1", 0) is None and refusal("l1", 10.0) is None


@pytest.mark.parametrize("value", [-0.001, -1, math.inf, math.nan, True, "0.1", None])
def test_a_negative_or_non_number_is_refused_with_its_rule(value):
    with pytest.raises(SettingsError) as caught:
        TrainingSettings(l1=value)
    assert caught.value.field == "l1"
    assert str(caught.value) == "l1 must be a number of 0 or more"
    assert refusal("l1", value) == "must be a number of 0 or more"


# ----------------------------------------------------------------- reading


def test_a_missing_l1_is_0_and_a_given_one_is_read():
    assert network_from_dict(with_training()).training.l1 == 0.0
    assert network_from_dict(with_training(l1=0.01)).training.l1 == 0.01
    assert network_from_dict(with_training(l1=2)).training.l1 == 2.0


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (-0.5, "must be a number of 0 or more; found the number -0.5"),
        ("0.1", "expected a number, found the text '0.1'"),
        (None, "expected a number, found null"),
        (True, "expected a number, found true"),
    ],
)
def test_a_wrong_l1_is_refused_naming_the_place_by_the_reader_and_the_cli(
    tmp_path, capsys, value, reason
):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(with_training(l1=value)), encoding="utf-8")
    with pytest.raises(NetworkFileError) as caught:
        load_network(path)
    assert str(caught.value) == f"{path}: training.l1: {reason}"
    assert main(["train", str(path), "--epochs", "1"]) == 1
    error = capsys.readouterr().err
    assert f"training.l1: {reason}" in error and "Traceback" not in error


# ----------------------------------------------------------------- writing


def test_0_is_not_written_so_older_files_save_byte_for_byte(tmp_path):
    for path in sorted((resources_folder() / "examples").glob("*.json")):
        network = load_network(path)
        assert "l1" not in network_to_dict(network)["training"]
        save_network(network, tmp_path / "saved.json")
        again = load_network(tmp_path / "saved.json")
        save_network(again, tmp_path / "again.json")
        assert (tmp_path / "saved.json").read_bytes() == (tmp_path / "again.json").read_bytes()


def test_a_non_zero_l1_is_written_and_read_back(tmp_path):
    network = load_network(example_path("xor"))
    network.training = replace(network.training, l1=0.0003, update_biases=False)
    document = network_to_dict(network)
    assert document["training"]["l1"] == 0.0003
    VALIDATOR.validate(document)
    save_network(network, tmp_path / "l1.json")
    assert '"l1": 0.0003' in (tmp_path / "l1.json").read_text(encoding="utf-8")
    loaded = load_network(tmp_path / "l1.json")
    assert loaded.training == network.training
    save_network(loaded, tmp_path / "again.json")
    assert (tmp_path / "l1.json").read_bytes() == (tmp_path / "again.json").read_bytes()


def test_cli_train_keeps_l1_in_the_trained_file(tmp_path, capsys):
    path, out = tmp_path / "xor.json", tmp_path / "trained.json"
    path.write_text(json.dumps(with_training(l1=0.01)), encoding="utf-8")
    assert main(["train", str(path), "--epochs", "2", "--out", str(out)]) == 0
    capsys.readouterr()
    assert load_network(out).training.l1 == 0.01


# ----------------------------------------------------------------- the schema and the docs


def test_the_schema_takes_a_number_of_0_or_more_and_refuses_anything_else():
    for value in (0, 0.0, 0.5, 3):
        VALIDATOR.validate(with_training(l1=value))
    for value in (-0.1, "0.1", None, True):
        assert not VALIDATOR.is_valid(with_training(l1=value))


def test_the_schema_and_the_docs_give_the_default():
    with open(schema_path(), encoding="utf-8") as handle:
        schema = json.load(handle)
    assert schema["$defs"]["training"]["properties"]["l1"]["default"] == 0
    docs = (REPOSITORY / "docs" / "file-format.md").read_text(encoding="utf-8")
    assert "| `l1` | 0 |" in docs
