"""The `playground` command: open the app, or train, trace and check a network without a display.

Exit status: 0 done, 1 the network or data is wrong (one line on stderr, never
a traceback), 2 bad usage. Qt is imported only to open the app and to draw
`train --plot`; everything else runs on numpy alone.
"""

import argparse
import json
import math
import os
import sys
import warnings
from collections.abc import Mapping

import numpy as np

from playground import __version__
from playground.cli_check import run_check
from playground.cli_export import run_export, run_import
from playground.cli_language import users_language
from playground.cli_trace_text import DEFAULT_DIGITS, minibatch_text, trace_text
from playground.cli_train import UsageError, run_train
from playground.engine.backward_stepper import (
    SgdUpdate,
    backward_steps,
    forward_values,
    sample_pass,
    sgd_update,
    trace_sample,
)
from playground.engine.gradient_check import (
    CHECK_LIMIT,
    CHECK_PARAMETER_LIMIT,
    CHECK_SAMPLES,
    CHECK_SEED,
)
from playground.engine.minibatch import mean_gradients, minibatch_update, trace_minibatch
from playground.export import FORMATS
from playground.model import training_settings
from playground.model.dataset import Dataset
from playground.model.errors import DataError, NetworkEditError, PlaygroundError
from playground.model.network import Network
from playground.model.network_file import load_network
from playground.system_libraries import check_platform_libraries
from playground.translation import (
    LANGUAGES,
    current_language,
    language_from_environment,
    set_language,
    translate,
)

COMMANDS = ("train", "trace", "check", "export", "import")
DEFAULT_EPOCHS = 100

APP_EPILOG = """\
commands (each has its own --help):
  train FILE    train the network on its data with SGD
  trace FILE    one sample's forward pass, backward pass neuron by neuron, and SGD step
  check FILE    compare every gradient with a central finite difference
  export FILE   write the network as a PyTorch script or an ONNX model
  import MODEL  write an ONNX model as a network file

examples:
  playground                       open the app on a built-in example
  playground my_network.json       open a network file in the app
  playground train xor.json --epochs 2000 --out xor_trained.json --plot xor_loss.png
  playground trace xor.json --sample 3
  playground check xor.json
  playground export xor.json --format pytorch --out xor.py
"""

EXPORT_EPILOG = """\
The PyTorch script needs only torch; run it with `python OUT`, or with
`torchrun --nproc_per_node=K OUT` to train on K processes. The ONNX model needs
the onnx package to write: pip install "nn-playground[onnx]".

examples:
  playground export xor.json --format pytorch --out xor.py
  playground export spiral.json --format onnx --out spiral.onnx
  playground import spiral.onnx --out spiral_again.json
"""

TRAIN_EPILOG = """\
Options override the file's training settings; the file written with --out
records the settings used. FILE itself is only written when OUT is FILE.

examples:
  playground train xor.json --epochs 2000 --out xor_trained.json
  playground train spiral.json --epochs 300 --learning-rate 0.03 --plot loss.png
  playground train circle.json --json | tail -n 1
"""

TRACE_EPILOG = """\
The text shows every formula of the chain rule twice: as symbols, then with
the sample's numbers filled in. --json gives the same numbers at full precision.

examples:
  playground trace two_two_two.json
  playground trace xor.json --sample 2
  playground trace circle.json --split test --sample 5 --digits 6
  playground trace xor.json --x 1,0 --y 1
  playground trace sine.json --x=-1.5 --y=-0.997     (a leading minus needs the = form)
  playground trace two_two_two.json --json
  playground trace xor.json --samples 0,3,5   (one minibatch: each sample, the means, one step)
  playground trace xor.json --samples 0:4 --json
"""

CHECK_EPILOG = f"""\
Uses up to {CHECK_SAMPLES} samples of the network's training data, or random
samples when it has none. Above {CHECK_PARAMETER_LIMIT:,} weights and biases it
checks that many, chosen at random with seed {CHECK_SEED}, and says so. Exits with
status 1 when the largest relative error is above {CHECK_LIMIT:g}, or when any
gradient or difference is NaN or infinite.

example:
  playground check skip_connection.json
"""


# ----------------------------------------------------------------- argument types


def _whole_number(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                translate("CommandLine", "{text} is not a whole number").format(text=repr(text))
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                translate(
                    "CommandLine", "{text} is too small: it must be at least {minimum}"
                ).format(text=text, minimum=minimum)
            )
        return value

    return parse


def _number(text: str) -> float:
    try:
        value = float(text.replace("−", "-"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("CommandLine", "{text} is not a number").format(text=repr(text))
        ) from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(
            translate("CommandLine", "{text} is not a finite number").format(text=repr(text))
        )
    return value


def _training_setting(field: str):
    """An option that overrides a training setting: parsed here, judged by the model's rule."""

    def parse(text: str) -> float | int:
        value: float | int = _number(text) if field == "learning_rate" else _whole_number(0)(text)
        rule = training_settings.refusal(field, value)
        if rule:
            raise argparse.ArgumentTypeError(f"{text} {rule}")
        return value

    return parse


def _numbers(text: str) -> list[float]:
    parts = [part.strip() for part in text.split(",")]
    if not all(parts):
        raise argparse.ArgumentTypeError(
            translate("CommandLine", "{text} is not a list of numbers such as 0.5,1").format(
                text=repr(text)
            )
        )
    return [_number(part) for part in parts]


def _sample_number(part: str, text: str) -> int:
    try:
        value = int(part)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate(
                "CommandLine",
                "{part} in {text} is not a sample number (a whole number, counting from 0)",
            ).format(part=repr(part), text=repr(text))
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            translate(
                "CommandLine", "{part} in {text} is not a sample number: samples count from 0"
            ).format(part=part, text=repr(text))
        )
    return value


def _sample_list(text: str) -> list[int] | range:
    """`K,K,...` or `A:B` (B excluded): the samples of a minibatch, counting from 0."""
    if ":" in text:
        ends = [end.strip() for end in text.split(":")]
        if len(ends) != 2 or not all(ends):
            raise argparse.ArgumentTypeError(
                translate(
                    "CommandLine",
                    "{text} is not a range A:B of sample numbers, such as 0:4 (4 excluded)",
                ).format(text=repr(text))
            )
        start, stop = (_sample_number(end, text) for end in ends)
        if start >= stop:
            raise argparse.ArgumentTypeError(
                translate(
                    "CommandLine",
                    "the range {text} holds no sample: A:B runs from A up to B, B excluded, "
                    "so B must be larger than A",
                ).format(text=text)
            )
        # A range stays a range: 0:10**9 is refused by the data's size, not by the memory.
        return range(start, stop)
    parts = [part.strip() for part in text.split(",")]
    if not all(parts):
        raise argparse.ArgumentTypeError(
            translate(
                "CommandLine",
                "{text} is not a list of sample numbers, such as 0,3,5 or the range 0:4",
            ).format(text=repr(text))
        )
    return [_sample_number(part, text) for part in parts]


def _digits(text: str) -> int:
    value = _whole_number(3)(text)
    if value > 8:
        raise argparse.ArgumentTypeError(
            translate("CommandLine", "{text} is too large: digits go from 3 to 8").format(text=text)
        )
    return value


# ----------------------------------------------------------------- parsers


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=28)


def app_parser() -> argparse.ArgumentParser:
    """`playground [FILE]`: the parser used when no command is given."""
    parser = argparse.ArgumentParser(
        prog="playground",
        description="NN Playground: build a neural network by hand, step its backward pass "
        "one neuron at a time, and train it with SGD.",
        epilog=APP_EPILOG,
        formatter_class=_formatter,
    )
    parser.add_argument(
        "file", metavar="FILE", nargs="?", help="network file to open (default: a built-in example)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # For CI and packagers: open the window, wait for its first paint, quit with status 0.
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(run=run_app)
    return parser


def command_parser() -> argparse.ArgumentParser:
    """`playground train|trace|check ...`."""
    parser = argparse.ArgumentParser(prog="playground", formatter_class=_formatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    train = commands.add_parser(
        "train",
        help="train the network on its data with SGD",
        description="Train the network in FILE on its data with SGD. Progress goes to stderr.",
        epilog=TRAIN_EPILOG,
        formatter_class=_formatter,
    )
    train.add_argument("file", metavar="FILE", help="network file (with data) to train")
    train.add_argument(
        "--epochs",
        metavar="N",
        type=_whole_number(1),
        default=DEFAULT_EPOCHS,
        help=f"passes over the training set (default {DEFAULT_EPOCHS})",
    )
    train.add_argument(
        "--learning-rate",
        metavar="X",
        type=_training_setting("learning_rate"),
        help="SGD step size η",
    )
    train.add_argument(
        "--batch-size",
        metavar="B",
        type=_training_setting("batch_size"),
        help="samples per minibatch",
    )
    train.add_argument(
        "--seed", metavar="S", type=_training_setting("seed"), help="seed of the shuffling"
    )
    train.add_argument(
        "--out", metavar="OUT", help="write the trained network here (default: not written)"
    )
    train.add_argument("--plot", metavar="PNG", help="draw the loss curves to this PNG image")
    train.add_argument(
        "--json", action="store_true", help="print a JSON summary as the last line of stdout"
    )
    train.add_argument(
        "--float32",
        action="store_true",
        help="train in float32: faster on wide networks, about 7 significant digits",
    )
    train.set_defaults(run=run_train)

    trace = commands.add_parser(
        "trace",
        help="one sample's forward pass, backward pass and SGD step",
        description="One sample's forward pass, then the backward pass one neuron at a time, "
        "then the SGD update: the same steps the app shows. With --samples, a minibatch: "
        "each sample's passes, the mean gradients, and the one SGD step they make.",
        epilog=TRACE_EPILOG,
        formatter_class=_formatter,
    )
    trace.add_argument("file", metavar="FILE", help="network file")
    which = trace.add_mutually_exclusive_group()
    which.add_argument(
        "--sample",
        metavar="K",
        type=_whole_number(0),
        default=None,  # 0, but given or not: --samples refuses it when given
        help="which sample of the split, counting from 0 (default 0)",
    )
    which.add_argument(
        "--samples",
        metavar="LIST",
        type=_sample_list,
        help="trace these samples of the split as one minibatch: K,K,... or a range A:B "
        "(B excluded)",
    )
    trace.add_argument(
        "--split",
        choices=("train", "test"),
        default="train",
        help="take the sample from the train or the test data (default train)",
    )
    trace.add_argument(
        "--x", metavar="V,V,...", type=_numbers, help="input values by hand, one per input neuron"
    )
    trace.add_argument(
        "--y", metavar="V,V,...", type=_numbers, help="target values by hand, one per output neuron"
    )
    trace.add_argument(
        "--digits",
        metavar="D",
        type=_digits,
        default=DEFAULT_DIGITS,
        help=f"significant digits in the text, 3 to 8 (default {DEFAULT_DIGITS})",
    )
    trace.add_argument(
        "--json", action="store_true", help="print the trace as JSON at full precision"
    )
    trace.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="the language of the text (default: zh_TW when LC_ALL, LC_MESSAGES or LANG "
        "starts with zh_TW, else en); --json is the same in every language",
    )
    trace.set_defaults(run=run_trace)

    check = commands.add_parser(
        "check",
        help="compare every gradient with a central finite difference",
        description="Validate FILE and compare every analytic gradient with a central "
        "finite difference; print the largest relative error.",
        epilog=CHECK_EPILOG,
        formatter_class=_formatter,
    )
    check.add_argument("file", metavar="FILE", help="network file")
    check.set_defaults(run=run_check)

    export = commands.add_parser(
        "export",
        help="write the network as a PyTorch script or an ONNX model",
        description="Write the network in FILE as a standalone PyTorch script (its weights, "
        "data and training settings) or as an ONNX model.",
        epilog=EXPORT_EPILOG,
        formatter_class=_formatter,
    )
    export.add_argument("file", metavar="FILE", help="network file")
    export.add_argument("--format", choices=FORMATS, required=True, help="pytorch or onnx")
    export.add_argument("--out", metavar="PATH", required=True, help="the file to write")
    export.set_defaults(run=run_export)

    import_ = commands.add_parser(
        "import",
        help="write an ONNX model as a network file",
        description="Read a feed-forward ONNX model (MatMul/Gemm, Add and activations) and "
        "write it as a laid-out network file.",
        epilog=EXPORT_EPILOG,
        formatter_class=_formatter,
    )
    import_.add_argument("file", metavar="MODEL", help="ONNX model (.onnx)")
    import_.add_argument("--out", metavar="FILE", required=True, help="the network file to write")
    import_.set_defaults(run=run_import)
    return parser


# ----------------------------------------------------------------- commands


def run_app(args: argparse.Namespace) -> int:
    """Open the desktop app, on FILE or on a built-in example."""
    if args.file is not None:
        # A broken file is reported here, in the terminal it was named in, before any window opens.
        load_network(args.file)
    if not has_display(os.environ, sys.platform):
        raise PlaygroundError(
            translate(
                "CommandLine",
                "there is no display to open the app on (DISPLAY is not set); "
                "train, trace and check run without one",
            )
        )
    check_platform_libraries(os.environ, sys.platform)
    from playground.gui.app import run_app as open_app

    return open_app(args.file, smoke=args.smoke)


def has_display(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt can open a window: always off Linux; on Linux, with X11, Wayland or a chosen platform."""
    if not platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _chosen_sample(
    args: argparse.Namespace, data: Dataset | None
) -> tuple[list[float], list[float], str]:
    if args.x is not None and args.y is not None:
        return args.x, args.y, translate("TraceCommand", "the sample given by --x and --y")
    if data is None:
        raise DataError(
            translate(
                "TraceCommand", "{file}: the network has no data; give a sample with --x and --y"
            ).format(file=args.file)
        )
    xs, ys = data.split(args.split)
    if len(xs) == 0:
        if args.split == "test":
            text = translate(
                "TraceCommand",
                "{file}: the test data is empty; choose the other --split or give --x and --y",
            )
        else:
            text = translate(
                "TraceCommand",
                "{file}: the train data is empty; choose the other --split or give --x and --y",
            )
        raise DataError(text.format(file=args.file))
    sample = 0 if args.sample is None else args.sample
    if sample >= len(xs):
        if args.split == "test":
            text = translate(
                "TraceCommand",
                "{file}: there is no test sample {sample}; the test data has {count}, numbered 0 to {last}",
            )
        else:
            text = translate(
                "TraceCommand",
                "{file}: there is no train sample {sample}; the train data has {count}, numbered 0 to {last}",
            )
        raise DataError(text.format(file=args.file, sample=sample, count=len(xs), last=len(xs) - 1))
    x = args.x if args.x is not None else xs[sample].tolist()
    y = args.y if args.y is not None else ys[sample].tolist()
    described = _sample_described(args.split, sample, len(xs))
    overridden = [f"--{option}" for option in ("x", "y") if getattr(args, option) is not None]
    if overridden:
        described = translate("TraceCommand", "{sample} with {options}").format(
            sample=described, options=" and ".join(overridden)
        )
    return x, y, described


def _sample_described(split: str, sample: int, count: int) -> str:
    # Counted from 1 as the app counts them, with the --sample value that picks it again.
    if split == "test":
        text = translate("TraceCommand", "test sample {number} of {count} (--sample {index})")
    else:
        text = translate("TraceCommand", "train sample {number} of {count} (--sample {index})")
    return text.format(number=sample + 1, count=count, index=sample)


def _chosen_samples(
    args: argparse.Namespace, data: Dataset | None
) -> tuple[list[list[float]], list[list[float]], list[str], str]:
    """The rows --samples names: inputs, targets, each one described, and the whole described."""
    indices = args.samples
    if data is None:
        raise DataError(
            translate(
                "TraceCommand", "{file}: the network has no data to take --samples from"
            ).format(file=args.file)
        )
    xs, ys = data.split(args.split)
    if len(xs) == 0:
        if args.split == "test":
            text = translate(
                "TraceCommand", "{file}: the test data is empty; choose the other --split"
            )
        else:
            text = translate(
                "TraceCommand", "{file}: the train data is empty; choose the other --split"
            )
        raise DataError(text.format(file=args.file))
    if isinstance(indices, range):
        listed = f"{indices.start}:{indices.stop}"
        outside = indices.stop - 1 if indices.stop > len(xs) else None
    else:
        listed = ",".join(str(k) for k in indices)
        outside = next((k for k in indices if k >= len(xs)), None)
    if outside is not None:
        if args.split == "test":
            text = translate(
                "TraceCommand",
                "{file}: --samples {listed} includes test sample {outside}, "
                "but the test data has {count} samples, numbered 0 to {last}",
            )
        else:
            text = translate(
                "TraceCommand",
                "{file}: --samples {listed} includes train sample {outside}, "
                "but the train data has {count} samples, numbered 0 to {last}",
            )
        raise DataError(
            text.format(
                file=args.file, listed=listed, outside=outside, count=len(xs), last=len(xs) - 1
            )
        )
    which = [_sample_described(args.split, k, len(xs)) for k in indices]
    if args.split == "test":
        text = translate(
            "TraceCommand", "{count} test samples (--samples {listed}) as one minibatch"
        )
    else:
        text = translate(
            "TraceCommand", "{count} train samples (--samples {listed}) as one minibatch"
        )
    described = text.format(count=len(indices), listed=listed)
    return xs[list(indices)].tolist(), ys[list(indices)].tolist(), which, described


def _check_sample_widths(args: argparse.Namespace, network: Network) -> None:
    """--x and --y must give one value per input and output neuron: bad usage otherwise."""
    for option, values, ids, what, role in (
        ("--x", args.x, network.input_ids(), "input", "input"),
        ("--y", args.y, network.output_ids(), "target", "output"),
    ):
        if values is not None and len(values) != len(ids):
            shown = ", ".join(ids[:6]) + (", …" if len(ids) > 6 else "")
            if what == "input":
                text = translate(
                    "TraceCommand",
                    "{option} gives {given} input value(s), but the network in {file} has "
                    "{count} input neuron(s)",
                )
            else:
                text = translate(
                    "TraceCommand",
                    "{option} gives {given} target value(s), but the network in {file} has "
                    "{count} output neuron(s)",
                )
            text = text.format(option=option, given=len(values), file=args.file, count=len(ids))
            if ids:
                text += translate("TraceCommand", " ({shown}): give one value for each").format(
                    shown=shown
                )
            raise UsageError(text)


def _update_overflow(file: str, network: Network, x: list[float], y: list[float]) -> str | None:
    """Name the SGD step that overflows, when one does; None when none does."""
    values = forward_values(network, x)
    steps = backward_steps(network, values, y)
    update = sgd_update(network, steps)
    dL_dw = {(g.source, g.target): g.dL_dw for step in steps for g in step.weight_grads}
    dL_db = {step.neuron: step.dL_db for step in steps}
    return _overflow_in(file, update, dL_dw, dL_db)


def _minibatch_overflow(
    file: str, network: Network, xs: list[list[float]], ys: list[list[float]]
) -> str | None:
    """Name the minibatch's SGD step that overflows, when one does; None when none does."""
    mean = mean_gradients(network, [sample_pass(network, x, y) for x, y in zip(xs, ys)])
    dL_dw = {(w.source, w.target): w.dL_dw for w in mean.weights}
    dL_db = {b.neuron: b.dL_db for b in mean.biases}
    return _overflow_in(file, minibatch_update(network, mean), dL_dw, dL_db)


def _overflow_in(
    file: str,
    update: SgdUpdate,
    dL_dw: dict[tuple[str, str], float],
    dL_db: dict[str, float],
) -> str | None:
    changes = [
        (f"w_{w.source},{w.target}", "∂L/∂w", w.before, dL_dw[(w.source, w.target)], w.after)
        for w in update.weights
    ] + [(f"b_{b.neuron}", "∂L/∂b", b.before, dL_db[b.neuron], b.after) for b in update.biases]
    for name, gradient_symbol, before, gradient, after in changes:
        if math.isfinite(after):
            continue
        if not math.isfinite(gradient):
            return translate(
                "TraceCommand",
                "{file}: the SGD update of {name} cannot be taken: its gradient {gradient} "
                "is {value}, because the values overflow with this sample and these weights",
            ).format(file=file, name=name, gradient=gradient_symbol, value=_written(gradient))
        return translate(
            "TraceCommand",
            "{file}: the SGD update of {name} overflows: {step} is {value}; "
            "the step is too large (lower the learning rate)",
        ).format(
            file=file,
            name=name,
            step=f"{before:.6g} − {update.learning_rate:g} × ({gradient:.6g})",
            value=_written(after),
        )
    return None


def _written(value: float) -> str:
    if math.isnan(value):
        return translate("TraceCommand", "not a number (NaN)")
    return "−∞" if value < 0 else "+∞"


def run_trace(args: argparse.Namespace) -> int:
    """Print one sample's trace as text or JSON (or a minibatch's, with --samples)."""
    # The language is the process's; put it back, for callers that run several commands.
    previous = current_language()
    set_language(args.lang or language_from_environment())
    try:
        return _run_trace(args)
    finally:
        set_language(previous)


def _run_trace(args: argparse.Namespace) -> int:
    network = load_network(args.file)
    if args.samples is not None:
        return _run_minibatch_trace(args, network)
    _check_sample_widths(args, network)
    x, y, which = _chosen_sample(args, network.data)
    try:
        trace = trace_sample(network, x, y)
    except NetworkEditError as error:
        # The updated weights are written into a copy of the network, which refuses infinities.
        raise DataError(
            _update_overflow(args.file, network, x, y) or f"{args.file}: {error}"
        ) from None
    if args.json:
        _print_json(args.file, trace.to_json())
        return 0
    name = network.name or os.path.basename(args.file)
    heading = translate("TraceCommand", "Trace of {sample} through “{network}”")
    sys.stdout.write(
        trace_text(network, trace, heading.format(sample=which, network=name), args.digits)
    )
    return 0


def _run_minibatch_trace(args: argparse.Namespace, network: Network) -> int:
    """`trace --samples`: each sample's passes, the mean gradients, the one SGD step."""
    given = [option for option in ("x", "y") if getattr(args, option) is not None]
    if given:
        if len(given) > 1:
            text = translate(
                "TraceCommand",
                "--samples takes its samples from the file's data, while --x and --y "
                "give one sample by hand: use one or the other",
            )
        else:
            text = translate(
                "TraceCommand",
                "--samples takes its samples from the file's data, while {option} "
                "gives one sample by hand: use one or the other",
            ).format(option="--" + given[0])
        raise UsageError(text)
    xs, ys, which, described = _chosen_samples(args, network.data)
    try:
        batch = trace_minibatch(network, xs, ys)
    except NetworkEditError as error:
        # As for one sample: the updated copy of the network refuses infinities.
        raise DataError(
            _minibatch_overflow(args.file, network, xs, ys) or f"{args.file}: {error}"
        ) from None
    if args.json:
        _print_json(args.file, batch.to_json())
        return 0
    name = network.name or os.path.basename(args.file)
    heading = translate("TraceCommand", "Trace of {sample} through “{network}”").format(
        sample=described, network=name
    )
    sys.stdout.write(minibatch_text(network, batch, heading, which, args.digits))
    return 0


def _print_json(file: str, document: dict) -> None:
    try:
        text = json.dumps(document, indent=2, allow_nan=False)
    except ValueError:
        raise DataError(
            translate(
                "TraceCommand",
                "{file}: the trace holds an infinite or NaN number, which JSON cannot carry; "
                "the text form shows where",
            ).format(file=file)
        ) from None
    print(text)


# ----------------------------------------------------------------- the edge


def _report(message: str, command: str | None = None) -> None:
    """One line on stderr, however the message was wrapped."""
    prefix = f"playground {command}" if command else "playground"
    print(f"{prefix}: " + " ".join(str(message).split()), file=sys.stderr)


def _os_message(error: OSError) -> str:
    if error.filename and error.strerror:
        return f"{error.filename}: {error.strerror.lower()}"
    return str(error) or type(error).__name__


def _parse(argv: list[str]) -> argparse.Namespace:
    if argv and argv[0] in COMMANDS:
        return command_parser().parse_args(argv)
    return app_parser().parse_args(argv)


def _run(args: argparse.Namespace) -> int:
    """Run the command, keeping numpy's RuntimeWarnings (overflow in exp, ...) off stderr.

    Each command says in its own words what a NaN or an infinity means; stderr holds that
    one line (and `train`'s progress), never a warning the user cannot act on.
    """
    if args.run is run_app:
        return args.run(args)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return args.run(args)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # The locale's language from the first word: the options' own refusals are parsed in it.
    with users_language():
        return _main(argv)


def _main(argv: list[str]) -> int:
    try:
        args = _parse(argv)
    except SystemExit as exit_:  # argparse's usage errors (2) and --help (0)
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        return _run(args)
    except UsageError as error:
        print(f"playground {args.command}: error: {error}", file=sys.stderr)
        return 2
    except PlaygroundError as error:
        _report(str(error), getattr(args, "command", None))
        return 1
    except BrokenPipeError:
        # The reader (such as `head`) has gone; keep Python from complaining again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        _report(_os_message(error), getattr(args, "command", None))
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
