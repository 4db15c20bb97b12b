"""The minibatch's mean-gradient frame as rich text: each gradient's per-sample values and their mean.

SGD moves every weight against the mean of the samples' gradients, so the
frame writes each sum out, "(a + b + c) / 3 = m", with every number through
`Numbers.show` (the one formatter; the full value on hover). The rows are
`engine.trace_description`'s, as on the terminal.
"""

import dataclasses

from PySide6.QtCore import QCoreApplication

from playground.engine.formatting import format_count
from playground.engine.minibatch import MeanGradients, MinibatchTrace
from playground.engine.trace_description import TraceDescriber
from playground.engine.update_description import MeanRow
from playground.gui.backward.math_html import MUTED, Numbers, expr_html, sign_colour
from playground.gui.backward.summary_html import (
    UPDATE_ROWS_SHOWN,
    more_rows_link,
    rows_shown,
    rows_table,
)
from playground.model.network import Network


def _row(cells: list[str], header: bool = False) -> str:
    tag = "th" if header else "td"
    # The symbol stays on one line; a long sum may wrap between its terms in a narrow panel.
    symbol, sum_cell = cells
    return (
        f'<tr><{tag} align="left" style="white-space:nowrap; padding-right:10px">{symbol}</{tag}>'
        f'<{tag} align="left">{sum_cell}</{tag}></tr>'
    )


class MeanFormulas:
    """Writes the mean-gradient frame of a minibatch."""

    def __init__(
        self,
        network: Network,
        minibatch: MinibatchTrace,
        digits: int,
        all_rows: bool = False,
        more_rows: bool = False,
    ) -> None:
        self.network = network
        self.minibatch = minibatch
        self.numbers = Numbers(digits)
        self.describer = TraceDescriber(network)
        self.all_rows = all_rows  # every weight and bias (the HTML export)
        self.more_rows = more_rows  # up to UPDATE_ROWS_SHOWN rows, not the first ones only

    def html(self, columns: bool = False) -> str:
        count = len(self.minibatch.samples)
        title = QCoreApplication.translate("MeanFormulas", "Mean gradients of the minibatch")
        note = QCoreApplication.translate(
            "MeanFormulas",
            "SGD averages each gradient over the minibatch’s {count} samples: "
            "∂<i>L</i>/∂<i>w</i> = (∂<i>L</i><sub>1</sub>/∂<i>w</i> + … + "
            "∂<i>L</i><sub>{count}</sub>/∂<i>w</i>) / {count}, and the same for each bias.",
        ).format(count=count)
        loss = self.numbers.show(self.minibatch.loss, "L mean")
        parts = [
            f'<p style="font-size:large; margin:0"><b>{title}</b></p>',
            f'<p style="margin:2px 0 6px 0; color:{MUTED}">{note}</p>',
            "<p style='margin:2px 0'>"
            + QCoreApplication.translate(
                "MeanFormulas", "The minibatch’s loss, the mean of the samples’ losses: {equation}"
            ).format(equation=f'<span style="white-space:nowrap"><i>L</i> = {loss}</span>')
            + "</p>",
            self._table(columns),
            "<p style='margin-top:8px'>"
            + QCoreApplication.translate(
                "MeanFormulas", "▶ Step shows the SGD update from these means."
            )
            + "</p>",
        ]
        return "".join(parts)

    def _table(self, columns: bool) -> str:
        count = len(self.minibatch.samples)
        mean = self.minibatch.mean
        total = len(mean.weights) + len(mean.biases)
        shown = rows_shown(total, self.all_rows, self.more_rows)
        # Only the rows listed are described (as for the update table), from the samples'
        # steps at the neurons those rows belong to: not every gradient of every sample.
        weights = mean.weights[:shown]
        biases = mean.biases[: shown - len(weights)]
        at = {w.target for w in weights} | {b.neuron for b in biases}
        listed = dataclasses.replace(
            self.minibatch,
            samples=[
                dataclasses.replace(one, steps=[s for s in one.steps if s.neuron in at])
                for one in self.minibatch.samples
            ],
            mean=MeanGradients(weights, biases),
        )
        rows = [self._mean_row(row) for row in self.describer.means(listed)]
        header = _row(
            [
                "",
                QCoreApplication.translate("MeanFormulas", "mean over the {count} samples").format(
                    count=count
                ),
            ],
            header=True,
        )
        hidden = total - UPDATE_ROWS_SHOWN if not self.all_rows else 0
        note = more_rows_link(shown, total) if not self.all_rows else ""
        if hidden > 0:
            note += (
                f"<p style='color:{MUTED}'>"
                + QCoreApplication.translate(
                    "MeanFormulas",
                    "… and {hidden} more weights and biases: the HTML export and "
                    "<tt>playground trace --samples</tt> list them all.",
                ).format(hidden=format_count(hidden))
                + "</p>"
            )
        return rows_table(header, rows, columns) + note

    def _mean_row(self, row: MeanRow) -> str:
        show = self.numbers.show
        count = len(row.values)
        # A negative term after the first is wrapped in parentheses: "0.1 + (−0.2)".
        terms = " + ".join(
            show(
                v,
                QCoreApplication.translate("MeanFormulas", "{name}, sample {number}").format(
                    name=row.name, number=k + 1
                ),
                operand=k > 0,
            )
            for k, v in enumerate(row.values)
        )
        result = show(row.mean.value, row.mean.name, bold=True, colour=sign_colour(row.mean.value))
        equals = f'<span style="white-space:nowrap">/ {count} = {result}</span>'
        return _row([expr_html(row.symbol, self.numbers), f"({terms}) {equals}"])
