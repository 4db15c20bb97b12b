"""`playground export` and `playground import`: a network file to a PyTorch script or an ONNX
model, and an ONNX model to a network file. OUT is judged before any work and replaced only
atomically; FILE itself is never the OUT."""

from __future__ import annotations

import argparse
import os
import sys

from playground.cli_train import UsageError
from playground.export import exported_bytes, imported_network
from playground.model.errors import ExportError
from playground.model.network_file import (
    load_network,
    output_problem,
    save_network,
    write_bytes_atomically,
)


def _check_out(args: argparse.Namespace) -> None:
    if not args.out:
        raise UsageError("--out needs a file name")
    both_exist = os.path.exists(args.out) and os.path.exists(args.file)
    if both_exist and os.path.samefile(args.out, args.file):
        raise UsageError(f"--out {args.out} is FILE itself; name another file")
    problem = output_problem(args.out)
    if problem:
        raise ExportError(f"{args.out}: {problem}")


def run_export(args: argparse.Namespace) -> int:
    """Write FILE's network as a PyTorch script or an ONNX model to OUT."""
    _check_out(args)
    network = load_network(args.file)
    data = exported_bytes(network, args.format, os.path.basename(args.file))
    write_bytes_atomically(args.out, data, "cannot write the export")
    what = "PyTorch script" if args.format == "pytorch" else "ONNX model"
    print(f"wrote the {what} of “{network.name or os.path.basename(args.file)}” to {args.out}")
    if args.format == "pytorch":
        print(f"run it with: python {args.out} --epochs 100", file=sys.stdout)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Read an ONNX model and write it as a network file to OUT."""
    _check_out(args)
    network = imported_network(args.file)
    save_network(network, args.out)
    print(
        f"wrote {args.out}: {len(network.neurons)} neurons and "
        f"{len(network.connections)} connections from {os.path.basename(args.file)}"
    )
    return 0
