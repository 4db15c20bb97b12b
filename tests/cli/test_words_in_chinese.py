"""`playground check` and `train` speak the locale's language; their numbers never change."""

import re

import pytest

from playground.cli import main
from tests.cli.helpers import example_path
from tests.zh_tw_catalogue import speak_zh_tw

ENTRIES = [
    (
        "CliCheck",
        "passed: every gradient compared agrees to within {limit}",
        "通過：比較過的每個梯度都在 {limit} 以內相符",
    ),
    (
        "CliCheck",
        (
            "largest relative error {error} at {name} "
            "(analytic {analytic}, finite difference {numeric})"
        ),
        "最大相對誤差 {error} 出現在 {name}（解析 {analytic}，有限差分 {numeric}）",
    ),
    ("CliTrain", "trained {n} epoch(s) in {seconds} s", "訓練了 {n} 個世代，費時 {seconds} 秒"),
    ("CliTrain", "train loss", "訓練損失"),
    ("CliTrain", "train accuracy", "訓練準確率"),
    ("NetworkFile", "there is no such file", "沒有這個檔案"),
    (
        "TraceCommand",
        (
            "{file}: --samples {listed} includes train sample {outside}, "
            "but the train data has {count} samples, numbered 0 to {last}"
        ),
        "{file}：--samples {listed} 包含訓練樣本 {outside}，但訓練資料只有 {count} 個樣本，編號 0 到 {last}",
    ),
    ("CommandLine", "{text} is too large: digits go from 3 to 8", "{text} 太大：位數只能是 3 到 8"),
]
NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e[−+-]?\d+)?")


@pytest.fixture
def zh_tw_catalogue(monkeypatch, tmp_path):
    speak_zh_tw(monkeypatch, tmp_path, ENTRIES)


def _run(capsys, monkeypatch, locale: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("LANG", locale)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_check_gives_its_verdict_in_the_locales_language(capsys, monkeypatch, zh_tw_catalogue):
    file = str(example_path("two_two_two"))
    status, english, _ = _run(capsys, monkeypatch, "C.UTF-8", "check", file)
    assert status == 0 and "passed: every gradient compared agrees to within 1e-06" in english
    status, chinese, _ = _run(capsys, monkeypatch, "zh_TW.UTF-8", "check", file)
    assert status == 0
    assert "通過：比較過的每個梯度都在 1e-06 以內相符" in chinese
    largest = next(line for line in chinese.splitlines() if line.startswith("最大相對誤差"))
    english_largest = next(line for line in english.splitlines() if line.startswith("largest"))
    # The same parameter and the same numbers, only the words differ.
    assert re.search(r"w \w+ → \w+|b \w+", largest).group() in english_largest
    assert NUMBER.findall(largest) == NUMBER.findall(english_largest)


def test_train_summary_in_chinese_has_the_english_numbers(capsys, monkeypatch, zh_tw_catalogue):
    file = str(example_path("xor"))
    _, english, _ = _run(capsys, monkeypatch, "C", "train", file, "--epochs", "5")
    _, chinese, _ = _run(capsys, monkeypatch, "zh_TW.UTF-8", "train", file, "--epochs", "5")
    assert chinese.splitlines()[0].startswith("訓練了 5 個世代，費時 ")
    english_loss = next(line for line in english.splitlines() if line.startswith("train loss"))
    chinese_loss = next(line for line in chinese.splitlines() if line.startswith("訓練損失"))
    assert chinese_loss.removeprefix("訓練損失") == english_loss.removeprefix("train loss")
    assert any(line.startswith("訓練準確率 ") for line in chinese.splitlines())


def test_a_refusal_on_stderr_is_in_the_locales_language(capsys, monkeypatch, zh_tw_catalogue):
    status, _, err = _run(capsys, monkeypatch, "zh_TW.UTF-8", "check", "missing.json")
    assert status == 1
    assert err == "playground check: missing.json: 沒有這個檔案\n"


def test_a_command_puts_the_language_back(capsys, monkeypatch, zh_tw_catalogue):
    from playground import translation

    translation.set_language(translation.ENGLISH)
    _run(capsys, monkeypatch, "zh_TW.UTF-8", "check", str(example_path("xor")))
    assert translation.current_language() == translation.ENGLISH


def test_trace_refuses_a_sample_outside_the_data_in_the_locales_language(
    capsys, monkeypatch, zh_tw_catalogue
):
    file = str(example_path("xor"))
    status, _, english = _run(capsys, monkeypatch, "C.UTF-8", "trace", file, "--samples", "0,99")
    assert status == 1 and "includes train sample 99, but the train data has" in english
    status, _, chinese = _run(
        capsys, monkeypatch, "zh_TW.UTF-8", "trace", file, "--samples", "0,99"
    )
    assert status == 1
    assert "：--samples 0,99 包含訓練樣本 99，但訓練資料只有 " in chinese
    # The same count of samples in both languages.
    assert re.findall(r"\d+", english.split("has")[1]) == re.findall(
        r"\d+", chinese.split("只有")[1]
    )


def test_an_option_refused_while_parsing_speaks_the_locales_language(
    capsys, monkeypatch, zh_tw_catalogue
):
    file = str(example_path("xor"))
    status, _, chinese = _run(capsys, monkeypatch, "zh_TW.UTF-8", "trace", file, "--digits", "9")
    assert status == 2
    assert "9 太大：位數只能是 3 到 8" in chinese
