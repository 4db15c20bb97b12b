"""Predict, then reveal: which value a frame asks the student for, its hint and its answer.

Every number comes from the engine's one description of a trace
(`TraceDescriber`), named in the notation the formula panel uses: the answer
is a derivation's result, the hint the row before it (the formula with the
numbers in), so the question says what the panel would have shown and writes
its names the same way. Questions are tokens (`engine.written`), written as
rich text by `math_html.expr_html`, as the panel writes its formulas.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.engine.backward_stepper import Trace, forward_order, forward_step
from playground.engine.derivation import Derivation
from playground.engine.minibatch import MinibatchTrace
from playground.engine.notation import NEURON_NAMES, names_in
from playground.engine.trace_description import TraceDescriber
from playground.engine.update_description import MeanRow, UpdateRow
from playground.engine.written import Expr, Num, Text, joined
from playground.gui.backward.formula_html import written_in_part
from playground.gui.backward.frames import (
    DERIVATIVE,
    FORWARD_STEP,
    GATHER,
    GRADIENTS,
    MEAN,
    NEURON,
    UPDATE,
    WHOLE,
    Frame,
)
from playground.model.network import Network

# What the question asks: a value of the passes, a parameter after the update, a minibatch's mean.
VALUE, AFTER, MEAN_OF = "value", "after", "mean"


@dataclass(frozen=True)
class Question:
    """What is `symbol`? `hint` is the formula with its numbers, `answer` the value.

    `ident` names the value the same whatever the notation ("dL_dz h1", by neuron
    id), so a change of notation or digits is the same question still; `kind` is VALUE,
    AFTER (a parameter after the update) or MEAN_OF (a minibatch's mean).
    """

    ident: str
    symbol: Expr
    hint: Expr
    answer: Num
    kind: str = VALUE


ASKED = (Text(" = ?"),)


def _from_derivation(
    ident: str, derivation: Derivation, digits: int, lead: Expr = (), detail: bool = True
) -> Question:
    """Ask for a derivation's result; hint with the row before it (the numbers, not the value).

    Without `detail` the hint is the worked row rather than the products (z's b + w × y).
    A long sum is cut as the formula panel cuts it: a thousand inputs' terms buried the box.
    """
    rows = written_in_part(derivation).shown(digits, detail)
    worked: Expr = (Text(" = "), *rows[-2].expr) if len(rows) > 1 else ()
    hint = (*lead, *derivation.left, *worked, *ASKED)
    return Question(ident, derivation.left, hint, derivation.result)


def turn_of(rows: int, turn: int) -> int:
    """Which of `rows` parameters the `turn`-th trace asks about: each in turn, then round again."""
    return turn % rows if rows else 0


def _update_question(rows: list[UpdateRow], turn: int) -> Question | None:
    """One parameter after the step: a weight, a different one each time round (`turn`)."""
    weights = [r for r in rows if r.parameter.letter == "w"]
    pool = weights or rows  # a network without connections still has biases to move
    if not pool:
        return None
    row = pool[turn_of(len(pool), turn)]
    symbol = (row.parameter,)
    worked = (row.before, Text(" − "), row.rate, Text(" × "), *row.step_gradient)
    hint = (*symbol, Text(" ← "), *worked, *ASKED)
    ident = f"after {row.before.name}"
    return Question(ident, symbol, hint, row.after, AFTER)


def _mean_question(rows: list[MeanRow], turn: int) -> Question | None:
    """One weight's mean gradient over the minibatch: the sum written out, divided, not done."""
    weights = [r for r in rows if r.name.startswith("∂L/∂w")]
    pool = weights or rows
    if not pool:
        return None
    row = pool[turn_of(len(pool), turn)]
    terms: list[Expr] = [
        (Num(value, f"{row.name}, {k + 1}", operand=k > 0),) for k, value in enumerate(row.values)
    ]
    summed = (Text("("), *joined(terms), Text(f") / {len(row.values)}"))
    hint = (*row.symbol, Text(" = "), *summed, *ASKED)
    return Question(f"mean {row.name}", row.symbol, hint, row.mean, MEAN_OF)


def questions_for(
    network: Network,
    trace: Trace | None,
    frame: Frame | None,
    digits: int,
    notation: str = NEURON_NAMES,
    minibatch: MinibatchTrace | None = None,
    turn: int = 0,
) -> list[Question]:
    """The values `frame` reveals, as questions asked in turn; none for a frame with none to predict.

    A forward step asks z, then y = f(z); a whole neuron step ∂L/∂y, then ∂L/∂z: each
    answer is a number the next is worked from. `notation` names the neurons as the
    formula panel does; `turn` picks which weight the update, the minibatch's mean and a
    neuron's gradients ask about (`turn_of`), so each time round a class meets another one.
    """
    if trace is None or frame is None:
        return []
    if frame.kind == FORWARD_STEP:
        neuron = forward_order(network)[frame.step]
        describer = TraceDescriber(network, names_in(network, notation, neuron))
        described = describer.forward(forward_step(network, trace.forward, neuron))
        # z: b + Σ w × y with the numbers; then y = f(z), from z's value just judged.
        z = described.weighted_sum
        lead = (*z.left, Text(" = "), z.result, Text("; "))
        return [
            _from_derivation(f"z {neuron}", z, digits, detail=False),
            _from_derivation(f"y {neuron}", described.activation, digits, lead),
        ]
    if frame.kind == NEURON:
        step = trace.steps[frame.step]
        describer = TraceDescriber(network, names_in(network, notation, step.neuron))
        neuron = describer.neuron(step)
        gather = _from_derivation(f"dL_dy {step.neuron}", neuron.gather, digits)
        chain = _from_derivation(f"dL_dz {step.neuron}", neuron.chain, digits)
        if frame.phase == WHOLE:
            return [gather, chain]
        if frame.phase == GATHER:
            return [gather]
        if frame.phase == DERIVATIVE:
            return [chain]
        if frame.phase == GRADIENTS and neuron.weights:
            k = turn_of(len(neuron.weights), turn)  # another incoming weight each time round
            source = step.weight_grads[k].source
            return [_from_derivation(f"dL_dw {source} {step.neuron}", neuron.weights[k], digits)]
        return []
    # The update and the means are tables of every weight: no neuron to be relative to.
    describer = TraceDescriber(network, names_in(network, notation, None))
    question = None
    if frame.kind == MEAN and minibatch is not None:
        question = _mean_question(describer.means(minibatch), turn)
    if frame.kind == UPDATE:
        rows = [r for r in describer.sample_update(trace, trace.update).rows if not r.fixed]
        question = _update_question(rows, turn)
    return [] if question is None else [question]
