"""How numbers and neuron names are written wherever a trace is shown: text, the app, the export.

Kept beside the stepper so the command line and the app round and name alike:
the same number reads the same on the terminal and in the formula panel.
"""

import math
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from playground.model.network import Network

DEFAULT_DIGITS = 4
MINUS = "−"
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")

Format = Callable[[float], str]


def format_number(value: float, digits: int = DEFAULT_DIGITS) -> str:
    """`value` to `digits` significant digits, with a true minus sign and ×10ⁿ for the very large or small.

    A number that is exactly what it shows (a weight of 0.4, an input of 0.05)
    is written as it is; a rounded one keeps its trailing zeros (0.03810), so
    the reader can tell the two apart.
    """
    if value == 0:
        return "0"
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else MINUS + "∞"
    exact = len(Decimal(repr(value)).normalize().as_tuple().digits) <= digits
    text = f"{value:.{digits}g}" if exact else f"{value:#.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        mantissa = mantissa.rstrip(".")
        text = f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    else:
        text = text.rstrip(".")
    return text.replace("-", MINUS)


def format_count(count: int) -> str:
    """A count of things (samples, weights, epochs) with its thousands grouped: 13,886."""
    return f"{count:,}"


def full_number(value: float) -> str:
    """Every digit a float holds (its shortest exact repr), with a true minus sign."""
    return repr(float(value)).replace("-", MINUS)


def operand_format(fmt: Format) -> Format:
    """Like `fmt`, but a negative number in parentheses, as it must be after ×, + or −."""

    def operand(value: float) -> str:
        text = fmt(value)
        return f"({text})" if text.startswith(MINUS) else text

    return operand


def neuron_names(network: Network) -> dict[str, str]:
    """The name each neuron goes by in subscripts: its label when that is short and unambiguous, else its id."""
    ids = {n.id for n in network.neurons}
    # Counted once: asking a list for each label's count was O(n²) on a labelled network.
    labels = Counter(n.label for n in network.neurons if n.label)
    names: dict[str, str] = {}
    for n in network.neurons:
        label = n.label
        usable = (
            label
            and len(label) <= 12
            and not any(ch.isspace() or ch in ",·()" for ch in label)
            and labels[label] == 1
            and (label == n.id or label not in ids)
        )
        names[n.id] = label if label is not None and usable else n.id
    return names
