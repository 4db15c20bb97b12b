"""`playground train`: SGD on the network's own data, with progress, a summary, and optional files."""

import argparse
import json
import os
import sys
import time
from dataclasses import replace

from playground.cli_progress import ProgressBar
from playground.engine.trainer import Trainer
from playground.model.errors import PlaygroundError, TrainingDiverged
from playground.model.network import Network
from playground.model.network_file import load_network, save_network

# How long one slice of training runs before the progress bar is redrawn.
SLICE_SECONDS = 0.05


class UsageError(Exception):
    """Options that contradict each other; the command line reports it as bad usage (exit 2)."""


class OutputError(PlaygroundError):
    """A file the command was asked to write cannot be written."""


def _same_file(a: str, b: str) -> bool:
    if os.path.exists(a) and os.path.exists(b):
        return os.path.samefile(a, b)
    return os.path.abspath(a) == os.path.abspath(b)


def _check_paths(args: argparse.Namespace) -> None:
    if args.plot is not None:
        for other, what in ((args.file, "the network FILE"), (args.out, "--out")):
            if other is not None and _same_file(args.plot, other):
                raise UsageError(f"--plot {args.plot} would write the picture over {what}")
    # Found out before training rather than after a long run that then cannot be kept.
    for option, path in (("--out", args.out), ("--plot", args.plot)):
        if path is None:
            continue
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise OutputError(f"{option} {path}: the folder {folder} does not exist")
        if os.path.isdir(path):
            raise OutputError(f"{option} {path}: this is a folder, not a file")


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
    lines = [f"trained {trainer.epoch} epoch(s) in {seconds:.3g} s"]
    losses = [
        f"{split} loss {values[0]:.4g} → {values[-1]:.4g}"
        for split, values in (("train", history.train_loss), ("test", history.test_loss))
        if values
    ]
    if losses:
        lines.append("    ".join(losses))
    accuracies = [
        f"{split} accuracy {100 * values[-1]:.1f} %"
        for split, values in (("train", history.train_accuracy), ("test", history.test_accuracy))
        if values
    ]
    if accuracies:
        lines.append("    ".join(accuracies))
    if args.out is not None:
        lines.append(f"saved the trained network to {args.out}")
    else:
        lines.append("the trained network was not saved: give --out FILE to keep it")
    if args.plot is not None:
        lines.append(f"drew the loss curve to {args.plot}")
    return lines


def run_train(args: argparse.Namespace) -> int:
    """Train FILE's network for --epochs epochs; write OUT and PNG only when training stays finite."""
    _check_paths(args)
    network = load_network(args.file)
    settings = _settings(network, args)
    trainer = Trainer(network, settings=settings)
    bar = ProgressBar(args.epochs, sys.stderr)
    try:
        seconds = _train(trainer, args.epochs, bar)
    except KeyboardInterrupt:
        bar.abandon()
        print(
            f"playground train: interrupted at epoch {trainer.epoch}; nothing was written",
            file=sys.stderr,
        )
        return 130
    if trainer.divergence is not None:
        bar.abandon()
        raise TrainingDiverged(f"{trainer.divergence.message} Nothing was written.")
    losses = trainer.history.train_loss
    bar.finish(trainer.epoch, losses[-1] if losses else None)

    trainer.store_parameters(network)
    # The file records the settings it was trained with, overrides included.
    network.training = settings
    if args.out is not None:
        save_network(network, args.out)
    if args.plot is not None:
        from playground.cli_plot import write_loss_plot

        name = network.name or os.path.basename(args.file)
        write_loss_plot(
            args.plot,
            trainer.history.train_loss,
            trainer.history.test_loss,
            f"{name}: loss per epoch",
        )

    if args.json:
        summary = {
            "epochs": trainer.epoch,
            "train_loss": trainer.history.train_loss,
            "test_loss": trainer.history.test_loss,
            "seconds": seconds,
            "out": args.out,
        }
        print(json.dumps(summary))
    else:
        print("\n".join(_summary_lines(trainer, seconds, args)))
    return 0
