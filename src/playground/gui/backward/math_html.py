"""Small pieces of rich text for formulas: variables with subscripts, numbers with their full value.

Every number the formula panel shows goes through `Numbers.show`, which writes
it rounded and puts the quantity's name and every digit in the span's title,
so hovering a number reads e.g. "∂L/∂z_h1 = 0.008771354689780156".
"""

import html
import re

from PySide6.QtCore import QCoreApplication

from playground.engine.formatting import MINUS, format_number, full_number
from playground.engine.written import Expr, Num, Partial, Sum, Text, Token, Var

# Gradient colours on the canvas and in the panel: by sign, distinct from the weights' blue/orange.
GRADIENT_POSITIVE = "#b8336a"
GRADIENT_NEGATIVE = "#1f8a70"
MUTED = "#8a8a8a"

_EXPONENT = re.compile(r"e\^(\(?−?(?:<i>z</i><sub>[^<]*</sub>|<span[^>]*>[^<]*</span>|[\w.]+)\)?)")


def role_name(role: str) -> str:
    """A neuron's role ("input", "hidden", "output") in the user's language."""
    names = {
        "input": QCoreApplication.translate("NeuronRole", "input"),
        "hidden": QCoreApplication.translate("NeuronRole", "hidden"),
        "output": QCoreApplication.translate("NeuronRole", "output"),
    }
    return names.get(role, role)


def loss_name(loss: str) -> str:
    """A loss function's name ("squared_error") in the user's words."""
    names = {
        "squared_error": QCoreApplication.translate("LossName", "squared error"),
        "binary_cross_entropy": QCoreApplication.translate("LossName", "binary cross entropy"),
    }
    return names.get(loss, loss.replace("_", " "))


def sign_colour(value: float) -> str:
    """The colour of a gradient: which way it pushes."""
    return GRADIENT_POSITIVE if value > 0 else GRADIENT_NEGATIVE if value < 0 else MUTED


def sub(name: str) -> str:
    """A subscript, escaped."""
    return f"<sub>{html.escape(name)}</sub>"


def var(letter: str, subscript: str | None = None) -> str:
    """An italic variable with an optional subscript: y_h1."""
    return f"<i>{letter}</i>" + (sub(subscript) if subscript is not None else "")


def partial(of: str, by: str, subscript: str) -> str:
    """∂of/∂by_subscript, e.g. ∂L/∂z_h1 (the numerator without subscript)."""
    return f"∂{var(of)}/∂{var(by, subscript)}"


def raise_exponents(text: str) -> str:
    """e^x written as e with x raised."""
    return _EXPONENT.sub(lambda m: f"e<sup>{m[1]}</sup>", text)


class Numbers:
    """Writes numbers to `digits` significant digits, each carrying its name and full value on hover."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def text(self, value: float) -> str:
        return format_number(value, self.digits)

    def show(
        self,
        value: float,
        name: str,
        operand: bool = False,
        bold: bool = False,
        colour: str | None = None,
    ) -> str:
        """The number as a span titled "name = full value"; `operand` wraps a negative in parentheses."""
        title = html.escape(f"{name} = {full_number(value)}")
        style = f' style="color:{colour}"' if colour else ""
        inner = html.escape(self.text(value))
        if bold:
            inner = f"<b>{inner}</b>"
        span = f'<span title="{title}"{style}>{inner}</span>'
        if operand and self.text(value).startswith(MINUS):
            return f"({span})"
        return span


def token_html(token: Token, numbers: Numbers, colour: str | None = None) -> str:
    """One token of an engine formula as rich text; a variable always with its subscript."""
    if isinstance(token, Num):
        return numbers.show(token.value, token.name, operand=token.operand, colour=colour)
    if isinstance(token, Var):
        return var(token.letter, token.subscript or None)
    if isinstance(token, Partial):
        return f"∂{token_html(token.of, numbers)}/∂{token_html(token.by, numbers)}"
    if isinstance(token, Sum):
        return f"Σ{sub(token.index)}"
    assert isinstance(token, Text)
    return html.escape(token.text, quote=False)


def expr_html(expr: Expr, numbers: Numbers, nowrap: bool = False, colour: str | None = None) -> str:
    """An engine formula (`engine.written` tokens) as rich text, exponents raised.

    `nowrap` keeps it on one line (its spaces unbreakable); `colour` colours its numbers.
    """
    parts = []
    for token in expr:
        text = token_html(token, numbers, colour)
        if nowrap and isinstance(token, Text):
            text = text.replace(" ", "&nbsp;")
        parts.append(text)
    return raise_exponents("".join(parts))


def result_html(number: Num, numbers: Numbers, colour: str | None = None) -> str:
    """A derivation's result: bold, in `colour` when given."""
    return numbers.show(number.value, number.name, bold=True, colour=colour)
