"""The frames around the neurons as rich text: the forward pass with the loss, and the SGD update.

The loss and the update's rows are `engine.trace_description`'s, as on the terminal.
"""

import dataclasses
import html
import itertools

from PySide6.QtCore import QCoreApplication

from playground.engine.backward_stepper import Trace
from playground.engine.formatting import format_count
from playground.engine.trace_description import TraceDescriber
from playground.engine.update_description import UpdateDescription, UpdateRow
from playground.gui.backward.formula_html import aligned, derivation, side_by_side
from playground.gui.backward.math_html import (
    GRADIENT_NEGATIVE,
    MUTED,
    Numbers,
    expr_html,
    loss_name,
    role_name,
    sub,
    var,
)
from playground.model.network import Network

# Past this many outputs the loss is written symbolically only; the table has every y and t.
LOSS_TERMS_WRITTEN = 3
# The panel lists this many parameters of the update at most (a long table takes seconds to lay out).
UPDATE_ROWS_SHOWN = 250
# ...and at first only this many, with a link to the rest up to UPDATE_ROWS_SHOWN: a table of 250
# rows took 40-50 ms to parse and lay out, 20 rows about 4 (a frame has 10 ms for its text).
UPDATE_ROWS_FIRST = 20
MORE_ROWS = "more-rows"  # the link's target: the panel shows the frame again with more rows
TABLE = 'cellspacing="0" cellpadding="3" style="margin-top:4px"'


def rows_table(header: str, rows: list[str], columns: bool) -> str:
    """One table of rows under `header`, or, with `columns`, two side by side when long."""
    if columns and len(rows) > 4:
        half = (len(rows) + 1) // 2
        return side_by_side(
            [
                f"<table {TABLE}>{header}{''.join(part)}</table>"
                for part in (rows[:half], rows[half:])
            ]
        )
    return f"<table {TABLE}>{header}{''.join(rows)}</table>"


def rows_shown(total: int, all_rows: bool, more_rows: bool, most: int = UPDATE_ROWS_SHOWN) -> int:
    """How many of a table's `total` rows the panel lists: all (the export), `most`, or the first ones."""
    if all_rows:
        return total
    return min(total, most if more_rows else UPDATE_ROWS_FIRST)


def more_rows_link(shown: int, total: int, most: int = UPDATE_ROWS_SHOWN) -> str:
    """The link under a table cut to its first rows, to list the rest (up to `most`)."""
    more = min(total, most) - shown
    if more <= 0:
        return ""
    words = QCoreApplication.translate("SummaryFormulas", "Show {count} more rows").format(
        count=format_count(more)
    )
    return f'<p style="margin:4px 0 0 0"><a href="#{MORE_ROWS}">{words}</a></p>'


def _title(text: str, note: str = "") -> str:
    words = f'<p style="margin:2px 0 6px 0; color:{MUTED}">{note}</p>' if note else ""
    return f'<p style="font-size:large; margin:0"><b>{text}</b></p>{words}'


def _row(cells: list[str], header: bool = False) -> str:
    tag = "th" if header else "td"
    return (
        "<tr>"
        + "".join(
            f'<{tag} align="{"left" if k == 0 else "right"}" style="white-space:nowrap">{c}</{tag}>'
            for k, c in enumerate(cells)
        )
        + "</tr>"
    )


class SummaryFormulas:
    """Writes the forward, update and applied frames of a trace."""

    def __init__(
        self,
        network: Network,
        trace: Trace,
        digits: int,
        all_rows: bool = False,
        batch_size: int = 0,
        more_rows: bool = False,
    ) -> None:
        self.batch_size = batch_size  # a minibatch's: the trace holds its mean gradients and loss
        self.all_rows = all_rows  # every weight and bias in the update table (the HTML export)
        self.more_rows = more_rows  # up to UPDATE_ROWS_SHOWN rows, not the first ones only
        self.network = network
        self.trace = trace
        self.numbers = Numbers(digits)
        self.describer = TraceDescriber(network)
        self.names = self.describer.names

    def name(self, neuron_id: str) -> str:
        return self.names.get(neuron_id, neuron_id)

    # ----------------------------------------------------------------- forward

    def forward(self, sample: str, first_neuron: str | None, columns: bool = False) -> str:
        show = self.numbers.show
        targets = dict(zip(self.network.output_ids(), self.trace.targets))
        rule = (
            f"{var('z', 'j')} = {var('b', 'j')} + Σ{sub('i')} {var('w', 'i,j')} · {var('y', 'i')}"
            f", &nbsp; {var('y', 'j')} = <i>f</i>({var('z', 'j')})"
        )
        rows = [
            _row(
                [
                    QCoreApplication.translate("SummaryFormulas", "neuron"),
                    "z",
                    "y",
                    QCoreApplication.translate("SummaryFormulas", "target t"),
                ],
                header=True,
            )
        ]
        # Every neuron once more rows are asked for: no other page lists their values.
        forward = self.trace.forward
        listed = rows_shown(len(forward), self.all_rows, self.more_rows, most=len(forward))
        for neuron_id, values in itertools.islice(forward.items(), listed):
            j = self.name(neuron_id)
            neuron = self.network.neuron(neuron_id)
            kind = role_name("input") if neuron.is_input else neuron.activation.replace("_", " ")
            z = "" if values.z is None else show(values.z, f"z_{j}")
            t = show(targets[neuron_id], f"t_{j}") if neuron_id in targets else ""
            rows.append(
                _row(
                    [
                        f"<b>{html.escape(j)}</b> <span style='color:{MUTED}'>{kind}</span>",
                        z,
                        show(values.y, f"y_{j}"),
                        t,
                    ]
                )
            )
        next_step = QCoreApplication.translate(
            "SummaryFormulas",
            "Next: ▶ Step (→ or Space) starts the backward pass at <b>{neuron}</b>.",
        )
        after = (
            "<p style='margin-top:10px'>"
            + next_step.format(neuron=html.escape(self.name(first_neuron or "")))
            + "</p>"
            if first_neuron
            else ""
        )
        table = f"<p style='margin:0'>{rule}</p><table {TABLE}>{''.join(rows)}</table>" + (
            "" if self.all_rows else more_rows_link(listed, len(forward), most=len(forward))
        )
        if columns:
            return _title(
                QCoreApplication.translate("SummaryFormulas", "Forward pass"), html.escape(sample)
            ) + side_by_side([table, self._loss() + after])
        return (
            _title(
                QCoreApplication.translate("SummaryFormulas", "Forward pass"), html.escape(sample)
            )
            + table
            + self._loss()
            + after
        )

    def loss(self) -> str:
        """The loss of the sample, symbolically and with its numbers (also the last forward step's)."""
        return self._loss()

    def _loss(self) -> str:
        written = len(self.trace.targets) <= LOSS_TERMS_WRITTEN
        # Past LOSS_TERMS_WRITTEN outputs the page writes only the rule and the total (the
        # trace's own loss): the description is made from the first output alone, as every
        # output's share (100 at 10k connections) took most of the last forward step.
        one = (
            self.trace
            if written
            else dataclasses.replace(self.trace, targets=self.trace.targets[:1])
        )
        described = self.describer.loss(one)
        rows = [expr_html(described.formula, self.numbers)]
        if written:
            rows.append(expr_html(described.together, self.numbers))
        rows.append(self.numbers.show(described.total.value, described.total.name, bold=True))
        name = loss_name(self.network.loss)
        title = QCoreApplication.translate("SummaryFormulas", "Loss")
        return (
            f"<p style='margin:10px 0 0 0'><b>{title}</b> <span style='color:{MUTED}'>({name})</span></p>"
            + aligned(derivation(var("L"), rows))
        )

    # ----------------------------------------------------------------- update

    def update(self, applied: bool, loss_after: bool = False, columns: bool = False) -> str:
        """The update as a table of before → after; once applied (or asked for), the loss it brings."""
        update = self.trace.update
        show = self.numbers.show
        described = self._described_update()
        eta = show(update.learning_rate, "η")
        rule = expr_html(described.weight_rule, self.numbers)
        if described.l2 is not None:
            rates = f"η = {eta}, λ = {show(described.l2.value, described.l2.name)}"
        else:
            rates = f"η = {eta}"
        if described.l1 is not None:
            # Non-breaking: a wrapped line never parts λ₁ from its value.
            rates += f", λ₁&nbsp;=&nbsp;{show(described.l1.value, described.l1.name)}"
        if update.update_biases:
            rule += f", &nbsp; <i>b</i> ← <i>b</i> − η · ∂<i>L</i>/∂<i>b</i>, &nbsp; {rates}"
        else:
            unchanged = QCoreApplication.translate("SummaryFormulas", "unchanged")
            rule += f", &nbsp; <i>b</i> {unchanged}, &nbsp; {rates}"
        parts = []
        if applied:
            now = (
                QCoreApplication.translate(
                    "SummaryFormulas",
                    "The network now has the new weights and biases. ◀ Back or Edit ▸ Undo takes them back.",
                )
                if update.update_biases
                else QCoreApplication.translate(
                    "SummaryFormulas",
                    "The network now has the new weights; its biases stayed fixed. "
                    "◀ Back or Edit ▸ Undo takes them back.",
                )
            )
            parts.append(
                _title(QCoreApplication.translate("SummaryFormulas", "SGD update applied"), now)
            )
            parts.append(self._loss_change())
        else:
            moves = (
                (
                    QCoreApplication.translate(
                        "SummaryFormulas",
                        "One step of gradient descent from the minibatch: each weight and bias "
                        "moves against its mean gradient over the {count} samples.",
                    )
                    if update.update_biases
                    else QCoreApplication.translate(
                        "SummaryFormulas",
                        "One step of gradient descent from the minibatch: each weight moves "
                        "against its mean gradient over the {count} samples; the biases stay fixed.",
                    )
                ).format(count=self.batch_size)
                if self.batch_size
                else QCoreApplication.translate(
                    "SummaryFormulas",
                    "One step of gradient descent from this sample alone: each weight and bias moves "
                    "against its gradient.",
                )
                if update.update_biases
                else QCoreApplication.translate(
                    "SummaryFormulas",
                    "One step of gradient descent from this sample alone: each weight moves "
                    "against its gradient; the biases stay fixed.",
                )
            )
            parts.append(_title(QCoreApplication.translate("SummaryFormulas", "SGD update"), moves))
        parts.append(f"<p style='margin:6px 0 0 0'>{rule}</p>")
        if not update.update_biases and update.biases:
            parts.append(
                f"<p style='margin:2px 0; color:{MUTED}'>"
                + QCoreApplication.translate(
                    "SummaryFormulas",
                    "The biases stay as they are: <b>Update biases</b> is off in the training "
                    "settings (the file’s <tt>update_biases: false</tt>), as in Matt Mazur’s "
                    "worked 2-2-2 example, so only the weights move.",
                )
                + "</p>"
            )
        if update.momentum:
            parts.append(
                f"<p style='margin:2px 0; color:{MUTED}'>"
                + QCoreApplication.translate(
                    "SummaryFormulas",
                    "Momentum {momentum} adds nothing to a first step: the velocity starts at 0.",
                ).format(momentum=show(update.momentum, "momentum"))
                + "</p>"
            )
        parts.append(self._update_table(columns, described))
        if loss_after and not applied:
            parts.append(self._loss_change())
        elif not applied:
            parts.append(
                "<p style='margin-top:8px'>"
                + QCoreApplication.translate(
                    "SummaryFormulas",
                    "▶ Step or <b>Apply update</b> writes these values into "
                    "the network (one undo step) and shows the sample’s new loss.",
                )
                + "</p>"
            )
        return "".join(parts)

    def _described_update(self) -> UpdateDescription:
        """The update's description: of the rows the table shows only, unless it shows them all."""
        update = self.trace.update
        if self.all_rows:
            return self.describer.sample_update(self.trace, update)
        # Describing ten thousand rows to show 250 took most of a step at 10k connections,
        # and so did gathering all their gradients: only the rows listed are looked up.
        total = len(update.weights) + len(update.biases)
        keep = rows_shown(total, self.all_rows, self.more_rows)
        weights = update.weights[:keep]
        biases = update.biases[: max(0, keep - len(weights))]
        update = dataclasses.replace(update, weights=weights, biases=biases)
        steps = {step.neuron: step for step in self.trace.steps}
        incoming = {
            target: {g.source: g.dL_dw for g in steps[target].weight_grads}
            for target in {w.target for w in weights}
        }
        dL_dw = {(w.source, w.target): incoming[w.target][w.source] for w in weights}
        dL_db = {b.neuron: steps[b.neuron].dL_db for b in biases}
        return self.describer.update(update, dL_dw, dL_db)

    def _update_table(
        self, columns: bool = False, described: UpdateDescription | None = None
    ) -> str:
        described = described or self._described_update()
        update = self.trace.update
        header = _row(
            [
                "",
                QCoreApplication.translate("SummaryFormulas", "before"),
                QCoreApplication.translate("SummaryFormulas", "− η × gradient"),
                QCoreApplication.translate("SummaryFormulas", "after"),
            ],
            header=True,
        )
        total = len(update.weights) + len(update.biases)
        hidden = total - UPDATE_ROWS_SHOWN if not self.all_rows else 0
        shown = described.rows[: rows_shown(total, self.all_rows, self.more_rows)]
        rows = [self._update_row(row) for row in shown]
        note = more_rows_link(len(shown), total) if not self.all_rows else ""
        if hidden > 0:
            more = QCoreApplication.translate(
                "SummaryFormulas",
                "… and {count} more weights and biases: the HTML export "
                "(Backward ▸ Export Trace as HTML…) and <tt>playground trace</tt> list them all.",
            ).format(count=format_count(hidden))
            note += f"<p style='color:{MUTED}'>{more}</p>"
        return rows_table(header, rows, columns) + note

    def _update_row(self, row: UpdateRow) -> str:
        """One parameter: its symbol, before, − η × gradient (with regularisation), after."""
        show = self.numbers.show
        if row.fixed:
            change = QCoreApplication.translate("SummaryFormulas", "kept fixed")
        else:
            change = f"− {expr_html((row.rate,), self.numbers)} × {expr_html(row.step_gradient, self.numbers)}"
        return _row(
            [
                expr_html((row.parameter,), self.numbers),
                show(row.before.value, row.before.name),
                change,
                "→ " + show(row.after.value, row.after.name, bold=True),
            ]
        )

    def _loss_change(self) -> str:
        show = self.numbers.show
        before, after = self.trace.loss, self.trace.loss_after
        change = after - before
        colour = GRADIENT_NEGATIVE if change < 0 else "#b8336a" if change > 0 else MUTED
        if change < 0:
            verdict = QCoreApplication.translate("SummaryFormulas", "lower")
        elif change > 0:
            verdict = QCoreApplication.translate("SummaryFormulas", "higher")
        else:
            verdict = QCoreApplication.translate("SummaryFormulas", "unchanged")
        whose = (
            QCoreApplication.translate("SummaryFormulas", "The minibatch’s mean loss:")
            if self.batch_size
            else QCoreApplication.translate("SummaryFormulas", "This sample’s loss:")
        )
        # The numbers' hover names, in the user's words.
        l_before = QCoreApplication.translate("SummaryFormulas", "L before")
        l_after = QCoreApplication.translate("SummaryFormulas", "L after")
        return (
            f"<p style='font-size:large; margin:6px 0'>{whose} {var('L')} = "
            f"{show(before, l_before)} → {show(after, l_after, bold=True)}"
            f" &nbsp;<span style='color:{colour}'>(Δ{var('L')} = {show(change, 'ΔL')}, {verdict})</span></p>"
        )
