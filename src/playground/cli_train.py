"""`playground train`: SGD on the network's own data, with progress, a summary, and optional files."""

import argparse
import json
import math
import os
import sys
import time
from dataclasses import replace

from playground.cli_language import users_language
from playground.cli_plot import CANNOT_WRITE_PLOT
from playground.cli_progress import ProgressBar
from playground.engine.trainer import Trainer, training_dtype
from playground.model.errors import DataError, PlaygroundError, TrainingDiverged
from playground.model.network import Network
from playground.model.network_file import (
    StagedFile,
    load_network,
    output_problem,
    save_network,
    stage_bytes,
)
from playground.translation import QT_TRANSLATE_NOOP, translate

# How long one slice of training runs before the progress bar is redrawn.
SLICE_SECONDS = 0.05
# The summary's words for each split, marked for lupdate; translated when printed.
TRAIN_LOSS = QT_TRANSLATE_NOOP("CliTrain", "train loss")
TEST_LOSS = QT_TRANSLATE_NOOP("CliTrain", "test loss")
TRAIN_ACCURACY = QT_TRANSLATE_NOOP("CliTrain", "train accuracy")
TEST_ACCURACY = QT_TRANSLATE_NOOP("CliTrain", "test accuracy")


class UsageError(Exception):
    """Options that contradict each other; the command line reports it as bad usage (exit 2)."""


class OutputError(PlaygroundError):
    """A file the command was asked to write cannot be written."""


def _same_path(a: str, b: str) -> bool:
    """The same name for the same place (`./net.json` and `net.json`), not just the same file."""
    return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def _same_file(a: str, b: str) -> bool:
    """The same file on disk, under whatever name (a symlink, a hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def _check_paths(args: argparse.Namespace) -> None:
    """Refuse, before any training, an output that could not be written or would hit FILE."""
    outputs = (("--out", args.out), ("--plot", args.plot))
    for option, path in outputs:
        if path == "":
            raise UsageError(
                translate("CliTrain", "{option} needs a file name").format(option=option)
            )
    # Found out before training rather than after a long run that then cannot be kept.
    for option, path in outputs:
        if path is not None:
            problem = output_problem(path)
            if problem is not None:
                raise OutputError(f"{option} {path}: {problem}")
    if args.plot is not None:
        for other, what in (
            (args.file, translate("CliTrain", "the network FILE")),
            (args.out, "--out"),
        ):
            if other is not None and (_same_path(args.plot, other) or _same_file(args.plot, other)):
                raise UsageError(
                    translate(
                        "CliTrain", "--plot {path} would write the picture over {what}"
                    ).format(path=args.plot, what=what)
                )
    # The spec lets OUT be FILE, to train a file in place; another name for the same file is
    # far more likely a slip than a wish, and would overwrite the input unasked.
    if (
        args.out is not None
        and not _same_path(args.out, args.file)
        and _same_file(args.out, args.file)
    ):
        raise UsageError(
            translate(
                "CliTrain",
                "--out {out} is the network FILE {file} under another name; "
                "to train FILE in place, give --out {file}",
            ).format(out=args.out, file=args.file)
        )


def _settings(network: Network, args: argparse.Namespace):
    overrides = {
        name: value
        for name, value in (
            ("learning_rate", args.learning_rate),
            ("batch_size", args.batch_size),
            ("seed", args.seed),
        )
        if value is not None
    }
    return replace(network.training, **overrides)


def _train(trainer: Trainer, epochs: int, bar: ProgressBar) -> float:
    """Run the trainer to `epochs` in short slices; the seconds spent in training alone."""
    seconds = 0.0
    while trainer.epoch < epochs and trainer.divergence is None:
        start = time.perf_counter()
        trainer.run(until_epoch=epochs, max_seconds=SLICE_SECONDS)
        seconds += time.perf_counter() - start
        losses = trainer.history.train_loss
        bar.update(trainer.epoch, losses[-1] if losses else None)
    return seconds


def _summary_lines(trainer: Trainer, seconds: float, args: argparse.Namespace) -> list[str]:
    history = trainer.history
    lines = [
        translate("CliTrain", "trained {n} epoch(s) in {seconds} s").format(
            n=trainer.epoch, seconds=f"{seconds:.3g}"
        )
    ]
    losses = [
        f"{translate('CliTrain', split)} {values[0]:.4g} → {values[-1]:.4g}"
        for split, values in ((TRAIN_LOSS, history.train_loss), (TEST_LOSS, history.test_loss))
        if values
    ]
    if losses:
        lines.append("    ".join(losses))
    accuracies = [
        f"{translate('CliTrain', split)} {100 * values[-1]:.1f} %"
        for split, values in (
            (TRAIN_ACCURACY, history.train_accuracy),
            (TEST_ACCURACY, history.test_accuracy),
        )
        if values
    ]
    if accuracies:
        lines.append("    ".join(accuracies))
    if args.out is not None:
        lines.append(
            translate("CliTrain", "saved the trained network to {path}").format(path=args.out)
        )
    else:
        lines.append(
            translate("CliTrain", "the trained network was not saved: give --out FILE to keep it")
        )
    if args.plot is not None:
        lines.append(translate("CliTrain", "drew the loss curve to {path}").format(path=args.plot))
    return lines


def _write_outputs(network: Network, trainer: Trainer, args: argparse.Namespace) -> None:
    """Write the PNG and OUT both or neither, each atomically.

    The picture is drawn and written beside its target first, and renamed into place only
    once OUT is saved: a plot that cannot be written leaves no half of the result behind.
    """
    staged: StagedFile | None = None
    if args.plot is not None:
        from playground.cli_plot import render_loss_plot

        name = network.name or os.path.basename(args.file)
        image = render_loss_plot(
            trainer.history.train_loss,
            trainer.history.test_loss,
            translate("CliTrain", "{name}: loss per epoch").format(name=name),
        )
        staged = stage_bytes(args.plot, image, CANNOT_WRITE_PLOT)
    try:
        if args.out is not None:
            save_network(network, args.out)
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    if staged is not None:
        staged.commit()


def _json_numbers(values: list[float]) -> list[float | None]:
    """JSON has no infinity or NaN: such a value is written as null, and the line stays JSON."""
    return [value if math.isfinite(value) else None for value in values]


def run_train(args: argparse.Namespace) -> int:
    """Train FILE's network for --epochs epochs; write OUT and PNG only when training stays finite."""
    with users_language():
        return _run_train(args)


def _run_train(args: argparse.Namespace) -> int:
    _check_paths(args)
    network = load_network(args.file)
    settings = _settings(network, args)
    try:
        trainer = Trainer(network, settings=settings, dtype=training_dtype(args.float32))
    except DataError as error:
        # The trainer knows the network, not the file it came from.
        raise DataError(f"{args.file}: {error}") from None
    bar = ProgressBar(args.epochs, sys.stderr)
    try:
        seconds = _train(trainer, args.epochs, bar)
    except KeyboardInterrupt:
        bar.abandon()
        print(
            "playground train: "
            + translate("CliTrain", "interrupted at epoch {n}; nothing was written").format(
                n=trainer.epoch
            ),
            file=sys.stderr,
        )
        return 130
    if trainer.divergence is not None:
        bar.abandon()
        raise TrainingDiverged(
            translate("CliTrain", "{message} Nothing was written.").format(
                message=trainer.divergence.message
            )
        )
    losses = trainer.history.train_loss
    bar.finish(trainer.epoch, losses[-1] if losses else None)

    trainer.store_parameters(network)
    # The file records the settings it was trained with, overrides included.
    network.training = settings
    _write_outputs(network, trainer, args)

    if args.json:
        summary = {
            "epochs": trainer.epoch,
            "train_loss": _json_numbers(trainer.history.train_loss),
            # Infinite when the test data overflows a network that trains fine on its own data.
            "test_loss": _json_numbers(trainer.history.test_loss),
            "seconds": seconds,
            "out": args.out,
        }
        print(json.dumps(summary, allow_nan=False))
    else:
        print("\n".join(_summary_lines(trainer, seconds, args)))
    return 0
