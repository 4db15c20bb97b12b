"""`playground check`: every gradient against a finite difference, with its verdict in words.

The words go through `translate`, so the verdict reads in the user's language; the numbers,
the parameter names (w h1 → o1) and the limit are never translated.
"""

import argparse
import math
import sys
import warnings

from playground.cli_language import users_language
from playground.engine.gradient_check import (
    CHECK_LIMIT,
    CHECK_PARAMETER_LIMIT,
    CHECK_SEED,
    GradientCheck,
    ParameterCheck,
    check_data,
    check_gradients,
)
from playground.model.errors import DataError
from playground.model.network_file import load_network
from playground.translation import QT_TRANSLATE_NOOP, translate

# The part of a check that was not finite, marked for lupdate; translated when said.
ANALYTIC = QT_TRANSLATE_NOOP("CliCheck", "analytic gradient")
FINITE_DIFFERENCE = QT_TRANSLATE_NOOP("CliCheck", "finite difference")


def run_check(args: argparse.Namespace) -> int:
    """Print the largest relative gradient error; status 1 above the limit or when not finite."""
    with users_language():
        return _run_check(args)


def _run_check(args: argparse.Namespace) -> int:
    network = load_network(args.file)
    if not network.output_ids():
        raise DataError(
            f"{args.file}: "
            + translate(
                "CliCheck", "the network has no output neuron, so there is no loss to check"
            )
        )
    # The same data and settings as Network > Check Gradients in the app.
    data = check_data(network)
    progress = _check_progress_bar()
    try:
        # NaN and infinity are reported below in our own words, never as numpy's warnings.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            result = check_gradients(
                network,
                data,
                limit=CHECK_PARAMETER_LIMIT,
                seed=CHECK_SEED,
                progress=progress.count,
            )
    except BaseException:
        progress.abandon()
        raise
    progress.finish(len(result.parameters) + result.skipped, None)
    print(_counted(result, data is not None and len(data.train_x) > 0))
    if result.skipped:
        print(_skipped_note(result.skipped, result.skipped_names))
    nonfinite = result.nonfinite
    if nonfinite:
        _report(_nonfinite_message(nonfinite, len(result.parameters)))
        return 1
    worst = result.worst
    if worst is None:
        if result.skipped:
            print(
                translate("CliCheck", "no gradient could be compared, so there is nothing to fail")
            )
        else:
            print(translate("CliCheck", "the network has no weights or biases to check"))
        return 0
    error = result.max_relative_error
    print(
        translate(
            "CliCheck",
            "largest relative error {error} at {name} "
            "(analytic {analytic}, finite difference {numeric})",
        ).format(
            error=f"{error:.3g}",
            name=worst.name,
            analytic=f"{worst.analytic:.12g}",
            numeric=f"{worst.numeric:.12g}",
        )
    )
    if error > CHECK_LIMIT:
        _report(
            translate(
                "CliCheck",
                "gradient check failed: relative error {error} at {name} is above the limit {limit}",
            ).format(error=f"{error:.3g}", name=worst.name, limit=f"{CHECK_LIMIT:g}")
        )
        return 1
    print(
        translate("CliCheck", "passed: every gradient compared agrees to within {limit}").format(
            limit=f"{CHECK_LIMIT:g}"
        )
    )
    return 0


def _counted(result: GradientCheck, from_training: bool) -> str:
    """The first line: how many gradients were compared, on which samples."""
    checked = len(result.parameters) + result.skipped
    if result.chosen_at_random:
        counted = translate(
            "CliCheck", "checked {checked} of {total} gradients, chosen at random with seed {seed},"
        ).format(checked=f"{checked:,}", total=f"{result.total:,}", seed=result.seed)
    else:
        counted = translate("CliCheck", "checked {checked} gradient(s)").format(checked=checked)
    on = (
        translate("CliCheck", "{counted} on {n} training sample(s) against finite differences")
        if from_training
        else translate("CliCheck", "{counted} on {n} random sample(s) against finite differences")
    )
    return on.format(counted=counted, n=result.samples)


def _check_progress_bar():
    """`train`'s progress bar, counting gradients instead of epochs."""
    from playground.cli_progress import BAR_WIDTH, ProgressBar

    class CheckProgress(ProgressBar):
        def __init__(self) -> None:
            super().__init__(0)

        def count(self, done: int, total: int) -> None:
            self.total = total
            self.update(done, None)

        def _text(self, epoch: int, loss: float | None) -> str:
            word = translate("CliCheck", "gradient")
            if not self.interactive or not self.total:
                return f"{word} {epoch:,}/{self.total:,}"
            filled = round(BAR_WIDTH * epoch / self.total)
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            return f"{word} {epoch:>{len(f'{self.total:,}')},}/{self.total:,} {bar}"

    return CheckProgress()


def _skipped_note(count: int, names: list[str]) -> str:
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return translate(
        "CliCheck",
        "note: {n} gradient(s) not compared ({names}): every finite-difference step "
        "would move a relu, leaky_relu or elu neuron across its kink at z = 0, "
        "where f' jumps and a finite difference means nothing",
    ).format(n=count, names=shown)


def _nonfinite_message(nonfinite: list[ParameterCheck], compared: int) -> str:
    first = nonfinite[0]
    part, value = (
        (ANALYTIC, first.analytic)
        if not math.isfinite(first.analytic)
        else (FINITE_DIFFERENCE, first.numeric)
    )
    written = (
        translate("CliCheck", "NaN") if math.isnan(value) else translate("CliCheck", "infinite")
    )
    others = (
        translate("CliCheck", "; {n} of the {compared} gradients compared are not finite").format(
            n=len(nonfinite), compared=compared
        )
        if len(nonfinite) > 1
        else ""
    )
    return translate(
        "CliCheck",
        "gradient check failed: the {part} at {name} is {written}, not a finite number "
        "(a value overflows with these weights and data){others}",
    ).format(part=translate("CliCheck", part), name=first.name, written=written, others=others)


def _report(message: str) -> None:
    """One line on stderr, as the command line's edge writes every failure."""
    print("playground check: " + " ".join(message.split()), file=sys.stderr)
