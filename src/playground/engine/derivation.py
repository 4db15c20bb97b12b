"""A derivation as data: "left = row = row = value", each row a sum of terms of written tokens.

The records `engine.trace_description` and `engine.update_description` make
and every renderer of a trace reads (the terminal, the panel, the canvas).
"""

from dataclasses import dataclass

from playground.engine.written import Expr, Num, Token, Var, joined, plain


@dataclass(frozen=True)
class Row:
    """One row of a derivation: its terms, added.

    `detail` marks a row the terse terminal leaves out (the products of a sum,
    or the symbolic sum its heading already states); the panel shows it.
    """

    terms: tuple[Expr, ...]
    detail: bool = False

    @property
    def expr(self) -> Expr:
        return joined(self.terms)


@dataclass(frozen=True)
class KinkSide:
    """Where z fell for a piecewise f': above the kink or at or below it."""

    variable: Var  # z_j
    z: Num
    kink: float
    above: bool


@dataclass(frozen=True)
class Derivation:
    """left = rows[0] = rows[1] = …; the last row is the result, one number."""

    left: Expr
    rows: tuple[Row, ...]
    kink: KinkSide | None = None

    @property
    def result(self) -> Num:
        (number,) = self.rows[-1].terms[0]
        assert isinstance(number, Num)
        return number

    def shown(self, digits: int, detail: bool = True) -> list[Row]:
        """The rows to write: without `detail` rows unless asked, and without a row that reads as the next."""
        rows = [row for row in self.rows if detail or not row.detail]
        return [
            row
            for k, row in enumerate(rows)
            if k + 1 == len(rows) or plain(row.expr, digits) != plain(rows[k + 1].expr, digits)
        ]


def single(*tokens: Token) -> Row:
    """A row of one term."""
    return Row((tuple(tokens),))
