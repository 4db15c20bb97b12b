"""`playground trace --samples`: a minibatch traced the way SGD uses it, and its refusals."""

import json

import numpy as np
import pytest

from playground.cli import main
from playground.engine.formatting import format_number, operand_format
from playground.model.network_file import load_network


def _json(capsys, *args) -> dict:
    capsys.readouterr()
    assert main(["trace", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _text(capsys, *args) -> str:
    capsys.readouterr()
    assert main(["trace", *map(str, args)]) == 0
    return capsys.readouterr().out


@pytest.fixture
def xor(example_copy):
    return example_copy("xor")


# ------------------------------------------------------------ --json


def test_json_has_exactly_the_spec_fields(capsys, xor):
    batch = _json(capsys, xor, "--samples", "0,2,3")
    assert list(batch) == ["samples", "mean", "loss", "update", "loss_after"]
    assert [list(one) for one in batch["samples"]] == [["sample", "forward", "loss", "steps"]] * 3
    assert list(batch["mean"]) == ["weights", "biases"]
    assert all(list(w) == ["source", "target", "dL_dw"] for w in batch["mean"]["weights"])
    assert all(list(b) == ["neuron", "dL_db"] for b in batch["mean"]["biases"])
    assert {"learning_rate", "weights", "biases"} <= set(batch["update"])


def test_each_sample_is_its_own_trace_and_the_means_are_their_means(capsys, xor):
    batch = _json(capsys, xor, "--samples", "0,2,3")
    singles = [_json(capsys, xor, "--sample", k) for k in (0, 2, 3)]
    for one, single in zip(batch["samples"], singles):
        assert one == {key: single[key] for key in ("sample", "forward", "loss", "steps")}
    assert batch["loss"] == pytest.approx(np.mean([s["loss"] for s in singles]), abs=1e-15)
    for w in batch["mean"]["weights"]:
        each = [
            g["dL_dw"]
            for single in singles
            for step in single["steps"]
            for g in step["weight_grads"]
            if (g["source"], g["target"]) == (w["source"], w["target"])
        ]
        assert len(each) == 3
        assert w["dL_dw"] == pytest.approx(np.mean(each), abs=1e-15)
    for b in batch["mean"]["biases"]:
        each = [
            s["dL_db"] for single in singles for s in single["steps"] if s["neuron"] == b["neuron"]
        ]
        assert b["dL_db"] == pytest.approx(np.mean(each), abs=1e-15)


def test_the_update_uses_the_mean_gradients(capsys, xor):
    batch = _json(capsys, xor, "--samples", "1:4")
    rate = batch["update"]["learning_rate"]
    means = {(w["source"], w["target"]): w["dL_dw"] for w in batch["mean"]["weights"]}
    for w in batch["update"]["weights"]:
        assert w["after"] == pytest.approx(
            w["before"] - rate * means[(w["source"], w["target"])], abs=1e-15
        )
    bias_means = {b["neuron"]: b["dL_db"] for b in batch["mean"]["biases"]}
    for b in batch["update"]["biases"]:
        assert b["after"] == pytest.approx(b["before"] - rate * bias_means[b["neuron"]], abs=1e-15)
    assert batch["loss_after"] < batch["loss"]


def test_a_range_is_the_list_it_holds(capsys, xor):
    assert _json(capsys, xor, "--samples", "1:4") == _json(capsys, xor, "--samples", "1,2,3")


def test_the_split_chooses_the_rows(capsys, example_copy):
    path = example_copy("circle")
    data = load_network(path).data
    batch = _json(capsys, path, "--samples", "2,5", "--split", "test")
    assert [one["sample"]["x"] for one in batch["samples"]] == data.test_x[[2, 5]].tolist()


def test_fixed_biases_stay_fixed_in_the_minibatch_update(capsys, example_copy, tmp_path):
    document = json.loads(example_copy("xor").read_text(encoding="utf-8"))
    document["training"]["update_biases"] = False
    path = tmp_path / "fixed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    batch = _json(capsys, path, "--samples", "0:4")
    assert batch["update"]["update_biases"] is False
    assert all(b["before"] == b["after"] for b in batch["update"]["biases"])
    assert any(b["dL_db"] != 0 for b in batch["mean"]["biases"])  # a gradient, left unused


# ------------------------------------------------------------ the text


def test_text_shows_each_sample_then_the_means_as_sums_then_the_update(capsys, xor):
    text = _text(capsys, xor, "--samples", "0,2,3")
    batch = _json(capsys, xor, "--samples", "0,2,3")
    heads = [text.index(f"SAMPLE {k} OF 3: train sample") for k in (1, 2, 3)]
    assert heads == sorted(heads)
    assert "SAMPLE 2 OF 3: train sample 3 of 4 (--sample 2)" in text
    assert text.count("BACKWARD PASS") == 3
    assert heads[2] < text.index("MEAN GRADIENTS") < text.index("SGD UPDATE")
    assert text.index("SGD UPDATE") < text.index("LOSS AFTER THE UPDATE")
    fmt = format_number
    op = operand_format(fmt)
    # The first weight's mean, written out as the sum of the three samples' gradients.
    w = batch["mean"]["weights"][0]
    each = [
        g["dL_dw"]
        for one in batch["samples"]
        for step in one["steps"]
        for g in step["weight_grads"]
        if (g["source"], g["target"]) == (w["source"], w["target"])
    ]
    written = f"({fmt(each[0])} + {op(each[1])} + {op(each[2])}) / 3"
    line = next(line for line in text.splitlines() if written in line)
    assert line.strip().startswith("∂L/∂w_") and line.endswith(f"= {fmt(w['dL_dw'])}")
    losses = [one["loss"] for one in batch["samples"]]
    assert f"({fmt(losses[0])} + {op(losses[1])} + {op(losses[2])}) / 3" in text
    assert f"L = {fmt(batch['loss_after'])}" in text
    assert "-0." not in text


def test_text_of_fixed_biases_says_they_stay_and_why(capsys, example_copy, tmp_path):
    document = json.loads(example_copy("two_two_two").read_text(encoding="utf-8"))
    document["training"]["update_biases"] = False
    path = tmp_path / "mazur.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    for text in (_text(capsys, path), _text(capsys, path, "--samples", "0:1")):
        assert "b unchanged" in text
        assert "update_biases is false" in text
        assert "b_o1    = 0.6    (unchanged; its ∂L/∂b = 0.1385 is not used)" in text
        assert "L = 0.2910" in text  # Mazur's 0.291027… after one step with fixed biases


# ------------------------------------------------------------ refusals


def _refused(capsys, path, *args) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["trace", str(path), *args])
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    return status, captured.err


def test_samples_with_sample_is_bad_usage(capsys, xor):
    status, err = _refused(capsys, xor, "--samples", "0,1", "--sample", "2")
    assert status == 2
    assert "not allowed with argument" in err
    status, _ = _refused(capsys, xor, "--sample", "0", "--samples", "0,1")
    assert status == 2


@pytest.mark.parametrize("option", [["--x", "1,0"], ["--y", "1"], ["--x", "1,0", "--y", "1"]])
def test_samples_with_values_by_hand_is_bad_usage(capsys, xor, option):
    status, err = _refused(capsys, xor, "--samples", "0,1", *option)
    assert status == 2
    assert len(err.splitlines()) == 1 and "--samples" in err


@pytest.mark.parametrize(
    ("listed", "words"),
    [
        ("", "is not a list of sample numbers"),
        ("0,,1", "is not a list of sample numbers"),
        ("a,b", "'a' in 'a,b' is not a sample number"),
        ("1.5", "is not a sample number"),
        ("-1", "samples count from 0"),
        ("3:1", "the range 3:1 holds no sample"),
        ("2:2", "the range 2:2 holds no sample"),
        ("1:", "is not a range A:B"),
        ("1:2:3", "is not a range A:B"),
        ("x:3", "is not a sample number"),
    ],
)
def test_a_malformed_list_is_bad_usage_on_one_line(capsys, xor, listed, words):
    status, err = _refused(capsys, xor, f"--samples={listed}")
    assert status == 2
    assert words in err
    assert len([line for line in err.splitlines() if "error" in line]) == 1


@pytest.mark.parametrize("listed", ["0,4", "2:5", "7"])
def test_a_sample_beyond_the_split_is_a_data_error_naming_its_size(capsys, xor, listed):
    status, err = _refused(capsys, xor, "--samples", listed)
    assert status == 1
    lines = err.splitlines()
    assert len(lines) == 1
    assert "the train data has 4 samples, numbered 0 to 3" in lines[0]


def test_an_empty_split_is_a_data_error(capsys, example_copy):
    status, err = _refused(capsys, example_copy("two_two_two"), "--samples", "0", "--split", "test")
    assert status == 1
    assert "test data is empty" in err


def test_a_huge_range_is_refused_by_the_size_at_once(capsys, xor):
    status, err = _refused(capsys, xor, "--samples", f"0:{10**12}")
    assert status == 1
    assert "numbered 0 to 3" in err


def test_help_shows_the_samples_option(capsys):
    assert main(["trace", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--samples LIST" in out and "--samples 0,3,5" in out
