"""The trainer's refusals and its divergence report in 繁體中文, with the numbers it reports in English."""

import pytest

from playground.engine.trainer import Trainer, check_data_fits
from playground.model.dataset import Dataset
from playground.model.errors import DataError
from tests.engine.test_trainer import XOR_X, XOR_Y, xor_network
from tests.zh_tw_catalogue import speak_zh_tw

ENTRIES = [
    ("Trainer", "infinite", "無限大"),
    ("Trainer", "{became} {cause}", "{became}{cause}"),
    ("Trainer", "not a number (NaN)", "非數字（NaN）"),
    ("Trainer", "The learning rate {rate} is probably too high.", "學習率 {rate} 大概太高了。"),
    ("Trainer", "The loss became {what} at epoch {epoch}.", "損失在第 {epoch} 個世代變成{what}。"),
    (
        "Trainer",
        (
            "the test data has {columns} input and {targets} target column(s); "
            "the network has {inputs} input and {outputs} output neuron(s)"
        ),
        (
            "測試資料有 {columns} 個輸入欄與 {targets} 個目標值欄；"
            "網路有 {inputs} 個輸入神經元與 {outputs} 個輸出神經元"
        ),
    ),
]


@pytest.fixture
def zh_tw(monkeypatch, tmp_path):
    speak_zh_tw(monkeypatch, tmp_path, ENTRIES)


def _diverged() -> Trainer:
    network = xor_network(learning_rate=1e6, batch_size=1)
    network.set_activation("o1", "linear")
    trainer = Trainer(network)
    trainer.run(until_epoch=1000)
    assert trainer.divergence is not None
    return trainer


def test_divergence_is_reported_in_chinese_at_the_same_epoch(zh_tw):
    trainer = _diverged()
    epoch = trainer.divergence.epoch
    assert trainer.divergence.message in (
        f"損失在第 {epoch} 個世代變成無限大。學習率 1e+06 大概太高了。",
        f"損失在第 {epoch} 個世代變成非數字（NaN）。學習率 1e+06 大概太高了。",
    )


def test_data_of_the_wrong_width_is_refused_in_chinese(zh_tw):
    network = xor_network()
    wide = Dataset(XOR_X, XOR_Y, test_x=XOR_X[:, :1], test_y=XOR_Y)
    with pytest.raises(DataError) as refused:
        check_data_fits(network, wide)
    assert (
        str(refused.value)
        == "測試資料有 1 個輸入欄與 1 個目標值欄；網路有 2 個輸入神經元與 1 個輸出神經元"
    )
