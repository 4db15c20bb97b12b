"""Formulas as data: symbols and numbers in a row, which each renderer writes in its own way.

A trace is written on the terminal, in the formula panel, in the HTML export
and on the canvas. So that all four say the same thing, formulas are built once
as tuples of tokens (a variable with its subscript, a number with its name, a
piece of text such as " × ") and only then written: `plain` writes them for
the terminal and the canvas; the app's `math_html` writes the same tokens as
rich text. Numbers are never pre-rendered: the renderer formats them, always
through `formatting.format_number`.

The activations and losses write their formulas as short templates such as
"{(y)} × (1 − {(y)})": `{y}` stands for y (a number, or the variable y_j),
`{(y)}` the same in parentheses when it is a negative number (after an
operator); `template` turns them into tokens.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from playground.engine.formatting import Format, format_number, operand_format


@dataclass(frozen=True)
class Text:
    """Operators, function names and words of a formula: " × ", "σ(", "ln"."""

    text: str


@dataclass(frozen=True)
class Var:
    """A variable with an optional subscript: y_h1, w_i1,h1, L.

    `bare` marks a variable inside a written formula (f′(z), the loss's ∂L/∂y):
    the terminal writes it without its subscript, since the line's left side
    says whose it is ("∂y_h1/∂z_h1 = σ(z)(1 − σ(z))"); the panel subscripts it.
    """

    letter: str
    subscript: str = ""
    bare: bool = False


@dataclass(frozen=True)
class Partial:
    """A partial derivative, ∂of/∂by: ∂L/∂z_h1, ∂y_h1/∂z_h1."""

    of: Var
    by: Var


@dataclass(frozen=True)
class Sum:
    """The summation sign over an index: Σ_k."""

    index: str


@dataclass(frozen=True)
class Num:
    """A number of the trace with the name of what it is ("z_h1"), which the app shows on hover.

    `operand`: it follows an operator, so a negative value is put in parentheses.
    """

    value: float
    name: str
    operand: bool = False


Token = Text | Var | Partial | Sum | Num
Expr = tuple[Token, ...]


def partial(of: str, by: str, subscript: str = "") -> Partial:
    """∂of/∂by_subscript, e.g. partial("L", "z", "h1") is ∂L/∂z_h1."""
    return Partial(Var(of), Var(by, subscript))


def joined(parts: Iterable[Expr], separator: str = " + ") -> Expr:
    """Expressions one after the other with `separator` between them."""
    tokens: list[Token] = []
    for k, part in enumerate(parts):
        if k:
            tokens.append(Text(separator))
        tokens.extend(part)
    return tuple(tokens)


def in_parentheses(expr: Expr) -> Expr:
    return (Text("("), *expr, Text(")"))


# ----------------------------------------------------------------- templates

_PLACEHOLDER = re.compile(r"\{(\(?)([a-z])\)?\}")


def template(written: str, fill: Callable[[str, bool], Token]) -> Expr:
    """A written form's tokens: each {x} or {(x)} replaced by `fill(letter, operand)`."""
    tokens: list[Token] = []
    position = 0
    for match in _PLACEHOLDER.finditer(written):
        if match.start() > position:
            tokens.append(Text(written[position : match.start()]))
        tokens.append(fill(match[2], bool(match[1])))
        position = match.end()
    if position < len(written):
        tokens.append(Text(written[position:]))
    return tuple(tokens)


def symbolic(written: str, subscript: str = "", bare: bool = True) -> Expr:
    """A written form with its variables (y_j, z_j, t_j), as it reads before the numbers go in."""
    return template(written, lambda letter, _: Var(letter, subscript, bare))


def applied(written: str, values: dict[str, float], subscript: str) -> Expr:
    """A written form with the numbers of `values` (by letter) in place of its variables."""
    return template(
        written,
        lambda letter, operand: Num(values[letter], f"{letter}_{subscript}", operand),
    )


def plain_form(written: str) -> str:
    """A written form as plain text with bare variables: "σ(z)(1 − σ(z))"."""
    return _PLACEHOLDER.sub(lambda m: m[2], written)


def has_variables(written: str) -> bool:
    return bool(_PLACEHOLDER.search(written))


# ----------------------------------------------------------------- plain text


def plain_token(token: Token, fmt: Format, operand: Format) -> str:
    """One token as plain text (the terminal's and the canvas's way)."""
    if isinstance(token, Num):
        return (operand if token.operand else fmt)(token.value)
    if isinstance(token, Var):
        if token.subscript and not token.bare:
            return f"{token.letter}_{token.subscript}"
        return token.letter
    if isinstance(token, Partial):
        return f"∂{plain_token(token.of, fmt, operand)}/∂{plain_token(token.by, fmt, operand)}"
    if isinstance(token, Sum):
        return f"Σ_{token.index}"
    return token.text


def plain(expr: Expr, digits: int) -> str:
    """An expression as plain text, every number through `format_number` to `digits` digits."""
    fmt: Format = lambda value: format_number(value, digits)
    operand = operand_format(fmt)
    return "".join(plain_token(token, fmt, operand) for token in expr)
