"""`playground trace`: the JSON of the spec's example, the worked text, and choosing the sample."""

import json
import math

import pytest

from playground.cli import main
from tests.cli.helpers import example_path, run_playground


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _trace_json(capsys, *args) -> dict:
    assert main(["trace", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# ------------------------------------------------------------ --json, the spec's example


def test_trace_json_equals_the_spec_example_exactly(capsys, two_two_two):
    trace = _trace_json(capsys, two_two_two)
    # Every number below is copied from the example in spec/command-line.md.
    assert trace["sample"] == {"x": [0.05, 0.10], "y": [0.01, 0.99]}
    assert trace["forward"]["h1"] == {"z": 0.3775, "y": 0.5932699921071872}
    assert trace["loss"] == 0.2983711087600027
    first = trace["steps"][0]
    assert first["neuron"] == "o1"
    assert first["dL_dy"] == 0.7413650695523157
    assert first["terms"] == []
    assert first["dy_dz"] == 0.18681560180895948
    assert first["dL_dz"] == 0.13849856162855698
    assert first["dL_db"] == 0.13849856162855698
    assert first["weight_grads"][0] == {
        "source": "h1",
        "target": "o1",
        "y_source": 0.5932699921071872,
        "dL_dw": 0.08216704056423078,
    }
    update = trace["update"]
    assert update["learning_rate"] == 0.5
    assert {"source": "h1", "target": "o1", "before": 0.4, "after": 0.35891647971788465} in update[
        "weights"
    ]
    assert {"neuron": "o1", "before": 0.6, "after": 0.5307507191857215} in update["biases"]
    assert trace["loss_after"] == 0.28047144679143016


def test_trace_json_forward_values_agree_with_the_sigmoid_by_hand(capsys, two_two_two):
    forward = _trace_json(capsys, two_two_two)["forward"]
    z_h1 = 0.35 + 0.15 * 0.05 + 0.20 * 0.10
    assert forward["h1"]["z"] == pytest.approx(z_h1, abs=1e-15)
    assert forward["h1"]["y"] == pytest.approx(_sigmoid(z_h1), abs=1e-15)
    assert forward["i1"] == {"y": 0.05}


def test_trace_json_steps_run_backwards_with_terms_summing_to_dL_dy(capsys, two_two_two):
    steps = _trace_json(capsys, two_two_two)["steps"]
    assert [s["neuron"] for s in steps] == ["o1", "o2", "h1", "h2"]
    h1 = steps[2]
    assert [t["target"] for t in h1["terms"]] == ["o1", "o2"]
    assert h1["dL_dy"] == pytest.approx(
        sum(t["weight"] * t["dL_dz"] for t in h1["terms"]), abs=1e-16
    )
    assert h1["dL_dz"] == pytest.approx(h1["dy_dz"] * h1["dL_dy"], abs=1e-16)
    for grad in h1["weight_grads"]:
        assert grad["dL_dw"] == pytest.approx(grad["y_source"] * h1["dL_dz"], abs=1e-16)


def test_trace_json_update_lists_every_weight_and_bias(capsys, two_two_two):
    update = _trace_json(capsys, two_two_two)["update"]
    assert len(update["weights"]) == 8
    assert [b["neuron"] for b in update["biases"]] == ["h1", "h2", "o1", "o2"]


# ------------------------------------------------------------ the text


def test_trace_text_writes_the_chain_rule_with_numbers_for_h1(capsys, two_two_two):
    assert main(["trace", str(two_two_two)]) == 0
    text = capsys.readouterr().out
    # Hand-worked: ∂L/∂y_h1 = 0.4 × 0.13850 + 0.5 × (−0.03810) = 0.03635,
    # σ'(z_h1) = 0.5933 × (1 − 0.5933) = 0.2413, ∂L/∂z_h1 = 0.2413 × 0.03635 = 0.008771.
    assert "∂L/∂y_h1 = Σ_k w_h1,k · ∂L/∂z_k = 0.4 × 0.1385 + 0.5 × (−0.03810) = 0.03635" in text
    assert "∂y_h1/∂z_h1 = σ(z)(1 − σ(z)) = 0.5933 × (1 − 0.5933) = 0.2413" in text
    assert "∂L/∂z_h1 = ∂y_h1/∂z_h1 · ∂L/∂y_h1 = 0.2413 × 0.03635 = 0.008771" in text
    assert "∂L/∂b_h1 = ∂L/∂z_h1 = 0.008771" in text
    assert "∂L/∂w_i1,h1 = y_i1 · ∂L/∂z_h1 = 0.05 × 0.008771 = 0.0004386" in text
    assert "∂L/∂y_o1 = y − t = 0.7514 − 0.01 = 0.7414" in text


def test_trace_text_shows_forward_pass_loss_update_and_loss_after(capsys, two_two_two):
    assert main(["trace", str(two_two_two)]) == 0
    text = capsys.readouterr().out
    assert "z_h1 = 0.35 + 0.15 × 0.05 + 0.2 × 0.1 = 0.3775" in text
    assert "y_h1 = σ(z_h1) = σ(0.3775) = 0.5933" in text
    assert "L = 0.2748 + 0.02356 = 0.2984" in text
    assert "η = 0.5" in text
    # w5 of the published example: 0.4 − 0.5 × 0.082167 = 0.358916
    assert "w_h1,o1 = 0.4 − 0.5 × 0.08217" in text and "= 0.3589" in text
    assert "L = 0.2805" in text
    # The backward pass comes after the forward pass and before the update.
    assert text.index("FORWARD") < text.index("BACKWARD") < text.index("SGD UPDATE")
    assert "-0." not in text  # a true minus sign throughout


def test_trace_digits_option_changes_the_precision(capsys, two_two_two):
    assert main(["trace", str(two_two_two), "--digits", "7"]) == 0
    text = capsys.readouterr().out
    assert "= 0.03635031" in text  # ∂L/∂y_h1 = 0.0363503064 to 7 significant digits
    assert "0.5932700" in text


# ------------------------------------------------------------ choosing the sample


def test_sample_and_split_choose_the_row(capsys, example_copy):
    import numpy as np

    from playground.model.network_file import load_network

    path = example_copy("circle")
    data = load_network(path).data
    trace = _trace_json(capsys, path, "--split", "test", "--sample", 5)
    assert trace["sample"]["x"] == data.test_x[5].tolist()
    assert trace["sample"]["y"] == data.test_y[5].tolist()
    trace = _trace_json(capsys, path, "--sample", 3)
    assert trace["sample"]["x"] == data.train_x[3].tolist()
    assert not np.array_equal(data.train_x[3], data.test_x[5])


def test_x_and_y_by_hand(capsys, two_two_two):
    trace = _trace_json(capsys, two_two_two, "--x", "1,0", "--y", "0.5,0.25")
    assert trace["sample"] == {"x": [1.0, 0.0], "y": [0.5, 0.25]}
    # z_h1 = b + w_i1,h1 · 1 + w_i2,h1 · 0 = 0.35 + 0.15
    assert trace["forward"]["h1"]["z"] == pytest.approx(0.5, abs=1e-15)


def test_negative_values_by_hand_with_the_equals_form(capsys, two_two_two):
    trace = _trace_json(capsys, two_two_two, "--x=-1,0.5", "--y=0,1")
    assert trace["sample"]["x"] == [-1.0, 0.5]
    assert trace["forward"]["h1"]["z"] == pytest.approx(0.35 - 0.15 + 0.2 * 0.5, abs=1e-15)


def test_x_alone_keeps_the_sample_targets(capsys, two_two_two):
    trace = _trace_json(capsys, two_two_two, "--x", "0,0")
    assert trace["sample"] == {"x": [0.0, 0.0], "y": [0.01, 0.99]}


@pytest.mark.parametrize(
    "args, words",
    [
        (["--sample", "1"], "no train sample 1"),
        (["--split", "test"], "test data is empty"),
    ],
)
def test_a_sample_that_does_not_exist_or_fit_is_one_line_and_status_1(
    capsys, two_two_two, args, words
):
    assert main(["trace", str(two_two_two), *args]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and words in lines[0]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--x", "1,2,3"], "3 input value"),
        (["--x", "1,2", "--y", "1"], "1 target value"),
    ],
)
def test_values_typed_by_hand_that_do_not_fit_are_a_usage_error(capsys, two_two_two, args, words):
    # What the user typed is wrong, not the file: status 2, as for any other bad option.
    assert main(["trace", str(two_two_two), *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and words in lines[0]


def test_a_network_without_data_needs_x_and_y(capsys, tmp_path):
    document = json.loads(example_path("two_two_two").read_text(encoding="utf-8"))
    del document["data"]
    path = tmp_path / "no_data.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["trace", str(path)]) == 1
    assert "--x and --y" in capsys.readouterr().err
    trace = _trace_json(capsys, path, "--x", "0.05,0.1", "--y", "0.01,0.99")
    assert trace["loss"] == 0.2983711087600027


# ------------------------------------------------------------ for real


def test_python_m_playground_trace_json_in_a_fresh_interpreter():
    result = run_playground("trace", str(example_path("two_two_two")), "--json")
    assert result.returncode == 0, result.stderr
    trace = json.loads(result.stdout)
    assert trace["loss_after"] == 0.28047144679143016
    assert result.stderr == ""


def test_python_m_playground_trace_text_in_a_fresh_interpreter():
    result = run_playground("trace", str(example_path("xor")), "--sample", "2")
    assert result.returncode == 0, result.stderr
    assert "train sample 3 of 4 (--sample 2)" in result.stdout  # counted from 1, as in the app
    assert "BACKWARD PASS" in result.stdout
