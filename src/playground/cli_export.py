"""`playground export` and `playground import`: a network file to a PyTorch script or an ONNX
model, and an ONNX model to a network file. OUT is judged before any work and replaced only
atomically; FILE itself is never the OUT."""

from __future__ import annotations

import argparse
import os
import sys

from playground.cli_language import users_language
from playground.cli_train import UsageError
from playground.export import exported_bytes, imported_network
from playground.model.errors import ExportError
from playground.model.network_file import (
    load_network,
    output_problem,
    save_network,
    write_bytes_atomically,
)
from playground.translation import QT_TRANSLATE_NOOP, translate

# What a failed export says before its reason; the file writer translates it in its context.
CANNOT_WRITE_EXPORT = QT_TRANSLATE_NOOP("NetworkFile", "cannot write the export")


def _check_out(args: argparse.Namespace) -> None:
    if not args.out:
        raise UsageError(translate("CliTrain", "{option} needs a file name").format(option="--out"))
    both_exist = os.path.exists(args.out) and os.path.exists(args.file)
    if both_exist and os.path.samefile(args.out, args.file):
        raise UsageError(
            translate("CliExport", "--out {out} is FILE itself; name another file").format(
                out=args.out
            )
        )
    problem = output_problem(args.out)
    if problem:
        raise ExportError(f"{args.out}: {problem}")


def run_export(args: argparse.Namespace) -> int:
    """Write FILE's network as a PyTorch script or an ONNX model to OUT."""
    with users_language():
        return _run_export(args)


def _run_export(args: argparse.Namespace) -> int:
    _check_out(args)
    network = load_network(args.file)
    data = exported_bytes(network, args.format, os.path.basename(args.file))
    write_bytes_atomically(args.out, data, CANNOT_WRITE_EXPORT)
    wrote = (
        translate("CliExport", "wrote the PyTorch script of “{name}” to {out}")
        if args.format == "pytorch"
        else translate("CliExport", "wrote the ONNX model of “{name}” to {out}")
    )
    print(wrote.format(name=network.name or os.path.basename(args.file), out=args.out))
    if args.format == "pytorch":
        print(
            translate("CliExport", "run it with: {command}").format(
                command=f"python {args.out} --epochs 100"
            ),
            file=sys.stdout,
        )
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Read an ONNX model and write it as a network file to OUT."""
    with users_language():
        return _run_import(args)


def _run_import(args: argparse.Namespace) -> int:
    _check_out(args)
    network = imported_network(args.file)
    save_network(network, args.out)
    print(
        translate(
            "CliExport", "wrote {out}: {neurons} neurons and {connections} connections from {file}"
        ).format(
            out=args.out,
            neurons=len(network.neurons),
            connections=len(network.connections),
            file=os.path.basename(args.file),
        )
    )
    return 0
