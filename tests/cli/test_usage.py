"""Bad usage exits with status 2; --help works for every command and shows examples."""

import pytest

from playground.cli import main
from tests.cli.helpers import example_path, run_playground

EXAMPLE = str(example_path("two_two_two"))


@pytest.mark.parametrize(
    "argv",
    [
        ["train"],  # no FILE
        ["trace"],
        ["check"],
        ["train", EXAMPLE, "--epochs", "0"],
        ["train", EXAMPLE, "--epochs", "ten"],
        ["train", EXAMPLE, "--learning-rate", "-0.1"],
        ["train", EXAMPLE, "--learning-rate", "nan"],
        ["train", EXAMPLE, "--batch-size", "0"],
        ["train", EXAMPLE, "--seed", "-1"],
        ["train", EXAMPLE, "--unknown"],
        ["trace", EXAMPLE, "--split", "validation"],
        ["trace", EXAMPLE, "--sample", "-1"],
        ["trace", EXAMPLE, "--x", "1,,2"],
        ["trace", EXAMPLE, "--x", "1,two"],
        ["trace", EXAMPLE, "--digits", "2"],
        ["trace", EXAMPLE, "--digits", "9"],
        ["check", EXAMPLE, "--epochs", "3"],
        ["check", EXAMPLE, EXAMPLE],
        ["trian", EXAMPLE],  # a misspelt command is a FILE plus an argument too many
        ["--no-such-option"],
    ],
)
def test_bad_usage_exits_with_status_2(capsys, argv):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "usage:" in captured.err
    assert "Traceback" not in captured.err


def test_plot_over_the_network_file_is_bad_usage(capsys, two_two_two):
    original = two_two_two.read_bytes()
    assert main(["train", str(two_two_two), "--plot", str(two_two_two)]) == 2
    assert "--plot" in capsys.readouterr().err
    assert two_two_two.read_bytes() == original


@pytest.mark.parametrize("command", [[], ["train"], ["trace"], ["check"]])
def test_help_for_every_command_has_examples(capsys, command):
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "usage: playground" in out
    assert "example" in out and "playground " + (command[0] if command else "train") in out


def test_top_level_help_lists_the_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("train FILE", "trace FILE", "check FILE"):
        assert command in out


def test_usage_error_in_a_fresh_interpreter():
    result = run_playground("train", EXAMPLE, "--epochs", "-5")
    assert result.returncode == 2
    assert "--epochs" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("option", "value", "rule"),
    [
        ("--learning-rate", "0", "must be a number above 0"),
        ("--batch-size", "0", "must be a whole number from 1 to 2,147,483,647"),
        ("--batch-size", "2147483648", "must be a whole number from 1 to 2,147,483,647"),
        ("--seed", "2147483648", "must be a whole number from 0 to 2,147,483,647"),
    ],
)
def test_train_options_are_judged_by_the_model_s_rules(capsys, option, value, rule):
    # The same rule, in the same words, as a file's training block and the app's dock.
    assert main(["train", str(example_path("xor")), option, value]) == 2
    assert f"{value} {rule}" in capsys.readouterr().err
