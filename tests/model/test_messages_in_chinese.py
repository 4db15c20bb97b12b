"""The model's refusals in 繁體中文: each built from its translated template, numbers and ids kept."""

import json

import pytest

from playground import translation
from playground.model.csv_import import read_csv_table
from playground.model.errors import DataError, NetworkEditError, NetworkFileError
from playground.model.network import Network
from playground.model.network_file import load_network
from playground.model.neuron import Neuron
from playground.model.training_settings import SettingsError, TrainingSettings, refusal
from tests.zh_tw_catalogue import speak_zh_tw

ENTRIES = [
    ("TrainingSettings", "{setting} {rule}", "{setting}{rule}"),
    ("TrainingSettings", "learning rate", "學習率"),
    ("TrainingSettings", "must be a number above 0", "必須是大於 0 的數字"),
    ("TrainingSettings", "must be a whole number from 1 to {most}", "必須是 1 到 {most} 的整數"),
    (
        "Network",
        "{id} is an input neuron; nothing can connect into an input",
        "{id} 是輸入神經元；任何連接都不能連入輸入",
    ),
    ("Network", "a weight", "權重"),
    (
        "Network",
        "{what} must be a finite number, not {value!r}",
        "{what}必須是有限的數字，而不是 {value!r}",
    ),
    ("NetworkFile", "this is {kind}, not a network file", "這是{kind}，不是網路檔案"),
    ("NetworkFile", "a folder", "資料夾"),
    ("NetworkDocument", "a number", "數字"),
    ("NetworkDocument", "the text {text!r}", "文字 {text!r}"),
    ("NetworkDocument", "expected {wanted}, found {found}", "應為{wanted}，卻是{found}"),
    (
        "CsvImport",
        "row {row} has {cells}; the header has {n}",
        "第 {row} 列有 {cells}；標題列有 {n} 個",
    ),
    ("CsvImport", "{n} cells", "{n} 個儲存格"),
]


@pytest.fixture
def zh_tw(monkeypatch, tmp_path):
    speak_zh_tw(monkeypatch, tmp_path, ENTRIES)


def _two_neurons() -> Network:
    network = Network()
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", "sigmoid", 0.0))
    return network


def test_a_training_setting_names_itself_and_its_rule_in_chinese(zh_tw):
    with pytest.raises(SettingsError) as refused:
        TrainingSettings(learning_rate=0)
    assert str(refused.value) == "學習率必須是大於 0 的數字"
    # The field stays the file's name, so the file reader can still say where.
    assert refused.value.field == "learning_rate"


def test_a_rule_keeps_its_number_written_out(zh_tw):
    assert refusal("batch_size", 0) == "必須是 1 到 2,147,483,647 的整數"


def test_a_network_edit_refused_in_chinese_keeps_the_neuron_id(zh_tw):
    network = _two_neurons()
    with pytest.raises(NetworkEditError, match="^i1 是輸入神經元；任何連接都不能連入輸入$"):
        network.connect("o1", "i1", 0.5)
    with pytest.raises(NetworkEditError, match=r"^權重必須是有限的數字，而不是 nan$"):
        network.connect("i1", "o1", float("nan"))
    assert network.connections == ()


def test_a_file_refusal_keeps_the_file_name_and_the_place(zh_tw, tmp_path):
    with pytest.raises(NetworkFileError) as refused:
        load_network(tmp_path)
    assert str(refused.value) == f"{tmp_path}: 這是資料夾，不是網路檔案"
    document = {
        "format": "nn-playground",
        "version": 1,
        "neurons": [{"id": "i1", "role": "input", "x": "left", "y": 0}],
        "connections": [],
    }
    path = tmp_path / "net.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(NetworkFileError) as refused:
        load_network(path)
    assert str(refused.value) == f"{path}: neurons[0].x: 應為數字，卻是文字 'left'"


def test_a_csv_refusal_counts_in_chinese(zh_tw, tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("x1,x2,t\n1,2,3\n4,5\n", encoding="utf-8")
    with pytest.raises(DataError) as refused:
        read_csv_table(path)
    assert str(refused.value) == f"{path}: 第 3 列有 2 個儲存格；標題列有 3 個"


def test_a_message_without_a_translation_stays_english(zh_tw):
    with pytest.raises(NetworkEditError, match="^there is no neuron 'h9'$"):
        _two_neurons().neuron("h9")


def test_english_is_the_source_text(monkeypatch, tmp_path):
    speak_zh_tw(monkeypatch, tmp_path, ENTRIES)
    translation.set_language(translation.ENGLISH)
    with pytest.raises(SettingsError, match="^learning rate must be a number above 0$"):
        TrainingSettings(learning_rate=0)
