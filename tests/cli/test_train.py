"""`playground train`: the JSON summary, --out, overrides, divergence and the progress bar."""

import io
import json
from dataclasses import replace

import pytest

from playground.cli import main
from playground.cli_progress import ProgressBar
from playground.engine.backward_stepper import trace_sample
from playground.model.network_file import load_network


def _summary(capsys, *args) -> tuple[dict, str]:
    assert main(["train", *map(str, args), "--json"]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out.splitlines()[-1]), captured.err


def test_json_summary_has_exactly_the_spec_fields(capsys, example_copy):
    path = example_copy("circle")
    summary, _ = _summary(capsys, path, "--epochs", 12)
    assert set(summary) == {"epochs", "train_loss", "test_loss", "seconds", "out"}
    assert summary["epochs"] == 12
    assert len(summary["train_loss"]) == 12 and len(summary["test_loss"]) == 12
    assert summary["train_loss"][-1] < 0.7 * summary["train_loss"][0]
    assert isinstance(summary["seconds"], float) and summary["seconds"] >= 0
    assert summary["out"] is None


def test_json_is_the_only_line_on_stdout(capsys, example_copy):
    assert main(["train", str(example_copy("xor")), "--epochs", "3", "--json"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1


def test_one_epoch_of_one_sample_is_the_traced_sgd_step(capsys, two_two_two):
    # One sample, batch 1: epoch 1 is exactly one SGD step, so its loss is the
    # spec example's loss_after (0.28047144679143016), computed there by the stepper.
    summary, _ = _summary(capsys, two_two_two, "--epochs", 1)
    assert summary["train_loss"] == [pytest.approx(0.28047144679143016, abs=1e-15)]
    assert summary["test_loss"] == []


def test_learning_rate_override_is_used(capsys, two_two_two):
    network = load_network(two_two_two)
    network.training = replace(network.training, learning_rate=0.25)
    expected = trace_sample(network, [0.05, 0.10], [0.01, 0.99]).loss_after
    summary, _ = _summary(capsys, two_two_two, "--epochs", 1, "--learning-rate", 0.25)
    assert summary["train_loss"][0] == pytest.approx(expected, abs=1e-15)
    assert expected != pytest.approx(0.28047144679143016, abs=1e-6)


def test_batch_size_and_seed_overrides_change_the_run(capsys, example_copy):
    path = example_copy("circle")
    base, _ = _summary(capsys, path, "--epochs", 2)
    again, _ = _summary(capsys, path, "--epochs", 2)
    assert again["train_loss"] == base["train_loss"]  # seeded: the same run twice
    reseeded, _ = _summary(capsys, path, "--epochs", 2, "--seed", 7)
    assert reseeded["train_loss"] != base["train_loss"]
    # One minibatch holding the whole training set per epoch: one step per epoch.
    full_batch, _ = _summary(capsys, path, "--epochs", 2, "--batch-size", 250)
    assert full_batch["train_loss"] != base["train_loss"]


def test_out_writes_the_trained_network_and_leaves_file_alone(capsys, example_copy, tmp_path):
    path = example_copy("xor")
    original = path.read_bytes()
    out = tmp_path / "trained.json"
    summary, _ = _summary(capsys, path, "--epochs", 50, "--learning-rate", 0.5, "--out", out)
    assert summary["out"] == str(out)
    assert path.read_bytes() == original
    trained = load_network(out)
    before = load_network(path)
    assert trained.training.learning_rate == 0.5  # the settings it was trained with
    assert [c.weight for c in trained.connections] != [c.weight for c in before.connections]
    # The saved weights give the loss the summary reported for the last epoch.
    loss = sum(
        trace_sample(trained, list(x), list(t)).loss
        for x, t in zip(trained.data.train_x, trained.data.train_y)
    ) / len(trained.data.train_x)
    assert loss == pytest.approx(summary["train_loss"][-1], rel=1e-12)


def test_out_equal_to_file_overwrites_it(capsys, example_copy):
    path = example_copy("xor")
    before = load_network(path)
    _summary(capsys, path, "--epochs", 20, "--out", path)
    after = load_network(path)
    assert [c.weight for c in after.connections] != [c.weight for c in before.connections]


def test_without_out_nothing_is_written(capsys, example_copy, tmp_path):
    path = example_copy("xor")
    listing = sorted(p.name for p in tmp_path.iterdir())
    original = path.read_bytes()
    assert main(["train", str(path), "--epochs", "5"]) == 0
    out = capsys.readouterr().out
    assert "not saved" in out and "--out" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    assert path.read_bytes() == original


def test_human_summary_names_losses_and_accuracy(capsys, example_copy):
    assert main(["train", str(example_copy("circle")), "--epochs", "5"]) == 0
    out = capsys.readouterr().out
    assert "trained 5 epoch(s)" in out
    assert "train loss" in out and "test loss" in out and "test accuracy" in out


def test_divergence_is_one_line_status_1_and_writes_nothing(capsys, example_copy, tmp_path):
    path = example_copy("sine")
    original = path.read_bytes()
    out, plot = tmp_path / "out.json", tmp_path / "loss.png"
    status = main(
        [
            "train",
            str(path),
            "--epochs",
            "50",
            "--learning-rate",
            "1e6",
            "--out",
            str(out),
            "--plot",
            str(plot),
            "--json",
        ]
    )
    captured = capsys.readouterr()
    assert status == 1
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    assert "epoch" in lines[0] and ("NaN" in lines[0] or "infinite" in lines[0])
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert not out.exists() and not plot.exists()
    assert path.read_bytes() == original


def test_a_network_without_data_cannot_train(capsys, tmp_path, two_two_two):
    document = json.loads(two_two_two.read_text(encoding="utf-8"))
    del document["data"]
    path = tmp_path / "no_data.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["train", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "no training data" in lines[0]


def test_out_into_a_missing_folder_is_refused_before_training(capsys, example_copy, tmp_path):
    out = tmp_path / "missing" / "out.json"
    assert main(["train", str(example_copy("xor")), "--out", str(out), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1 and "does not exist" in captured.err


# ------------------------------------------------------------ the progress bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_redraws_in_place_on_a_terminal():
    stream = _Terminal()
    bar = ProgressBar(10, stream)
    bar.update(3, 0.5)
    bar.finish(10, 0.125)
    text = stream.getvalue()
    assert text.startswith("\r") and text.count("\r") == 2
    assert text.endswith("\n") and text.count("\n") == 1
    assert "epoch 10/10" in text and "0.125" in text


def test_progress_bar_writes_no_carriage_returns_to_a_file():
    stream = io.StringIO()
    bar = ProgressBar(10, stream)
    bar.update(3, 0.5)  # too soon after the start for a log line
    bar.finish(10, 0.125)
    assert stream.getvalue() == ""
    bar._last_drawn = float("-inf")  # as if a long time had passed
    bar.update(4, 0.25)
    assert stream.getvalue() == "epoch 4/10  train loss 0.25\n"
