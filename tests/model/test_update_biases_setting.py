"""`training.update_biases`: a bool, true by default, read, written only when false, in the schema."""

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

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


def example() -> dict:
    return json.loads(example_path("two_two_two").read_text(encoding="utf-8"))


def with_training(**fields) -> dict:
    document = example()
    document["training"].update(fields)
    return document


# ----------------------------------------------------------------- the setting


def test_biases_are_updated_by_default():
    assert TrainingSettings().update_biases is True
    assert TrainingSettings(update_biases=False).update_biases is False


@pytest.mark.parametrize("value", [1, 0, "false", None, 0.0])
def test_anything_but_a_bool_is_refused_with_its_rule(value):
    with pytest.raises(SettingsError) as caught:
        TrainingSettings(update_biases=value)
    assert caught.value.field == "update_biases"
    assert str(caught.value) == "update biases must be true or false"
    assert refusal("update_biases", value) == "must be true or false"


def test_the_rules_know_the_setting():
    assert "update_biases" in RULES
    assert refusal("update_biases", False) is None


# ----------------------------------------------------------------- reading


def test_a_missing_update_biases_is_true():
    assert network_from_dict(example()).training.update_biases is True


@pytest.mark.parametrize("value", [True, False])
def test_update_biases_is_read(value):
    assert network_from_dict(with_training(update_biases=value)).training.update_biases is value


@pytest.mark.parametrize(
    ("value", "found"),
    [(1, "the number 1"), ("no", "the text 'no'"), (None, "null"), ([], "a list")],
)
def test_a_wrong_update_biases_is_refused_naming_the_place(tmp_path, value, found):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(with_training(update_biases=value)), encoding="utf-8")
    with pytest.raises(NetworkFileError) as caught:
        load_network(path)
    assert str(caught.value) == (
        f"{path}: training.update_biases: expected true or false, found {found}"
    )


# ----------------------------------------------------------------- writing


def test_true_is_not_written_so_older_files_save_byte_for_byte(tmp_path):
    for path in sorted((resources_folder() / "examples").glob("*.json")):
        network = load_network(path)
        assert "update_biases" not in network_to_dict(network)["training"]
        save_network(network, tmp_path / "saved.json")
        again = load_network(tmp_path / "saved.json")
        save_network(again, tmp_path / "again.json")
        assert (tmp_path / "saved.json").read_bytes() == (tmp_path / "again.json").read_bytes()


def test_false_is_written_last_in_the_training_block_and_read_back(tmp_path):
    network = load_network(example_path("two_two_two"))
    network.training = replace(network.training, update_biases=False)
    document = network_to_dict(network)
    assert list(document["training"]) == [
        "learning_rate",
        "batch_size",
        "momentum",
        "l2",
        "seed",
        "update_biases",
    ]
    assert document["training"]["update_biases"] is False
    save_network(network, tmp_path / "fixed.json")
    assert '"update_biases": false' in (tmp_path / "fixed.json").read_text(encoding="utf-8")
    loaded = load_network(tmp_path / "fixed.json")
    assert loaded.training == network.training
    save_network(loaded, tmp_path / "again.json")
    assert (tmp_path / "fixed.json").read_bytes() == (tmp_path / "again.json").read_bytes()


# ----------------------------------------------------------------- the schema


def test_the_schema_takes_a_bool_and_refuses_anything_else():
    VALIDATOR.validate(with_training(update_biases=False))
    VALIDATOR.validate(with_training(update_biases=True))
    for value in (1, "false", None):
        assert not VALIDATOR.is_valid(with_training(update_biases=value))


def test_the_schema_and_the_docs_give_the_default():
    with open(schema_path(), encoding="utf-8") as handle:
        schema = json.load(handle)
    assert schema["$defs"]["training"]["properties"]["update_biases"]["default"] is True
    docs = (REPOSITORY / "docs" / "file-format.md").read_text(encoding="utf-8")
    assert "| `update_biases` | true |" in docs
