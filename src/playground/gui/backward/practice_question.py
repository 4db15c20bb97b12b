"""Predict, then reveal: which value a frame asks the student for, its hint and its answer.

Every number comes from the engine's one description of a trace
(`TraceDescriber`): the answer is a derivation's result, the hint the row
before it (the formula with the numbers in), so the question says what the
panel would have shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.engine.backward_stepper import Trace, forward_order, forward_step
from playground.engine.derivation import Derivation
from playground.engine.trace_description import TraceDescriber
from playground.engine.written import Num, Text, plain
from playground.gui.backward.frames import (
    DERIVATIVE,
    FORWARD_STEP,
    GATHER,
    GRADIENTS,
    NEURON,
    UPDATE,
    WHOLE,
    Frame,
)
from playground.model.network import Network


@dataclass(frozen=True)
class Question:
    """What is `symbol`? `hint` is the formula with its numbers, `answer` the value."""

    symbol: str
    hint: str
    answer: Num

    def digits_text(self, digits: int) -> str:
        """The answer as the panel writes it."""
        return plain((self.answer,), digits)


def _from_derivation(derivation: Derivation, digits: int, lead: str = "") -> Question:
    """Ask for a derivation's result; hint with the row before it (the numbers, not the value)."""
    symbol = plain(derivation.left, digits)
    rows = derivation.shown(digits)
    worked = plain(rows[-2].expr, digits) if len(rows) > 1 else ""
    hint = f"{lead}{symbol} = {worked} = ?" if worked else f"{lead}{symbol} = ?"
    return Question(symbol, hint, derivation.result)


def question_for(
    network: Network, trace: Trace | None, frame: Frame | None, digits: int
) -> Question | None:
    """The value `frame` reveals, as a question; None for a frame that reveals none to predict."""
    if trace is None or frame is None:
        return None
    describer = TraceDescriber(network)
    if frame.kind == FORWARD_STEP:
        order = forward_order(network)
        described = describer.forward(forward_step(network, trace.forward, order[frame.step]))
        # y = f(z): z is the hint's first half, so the student works from its value.
        z = described.weighted_sum
        lead = f"{plain(z.left, digits)} = {plain((z.result,), digits)};  "
        return _from_derivation(described.activation, digits, lead)
    if frame.kind == NEURON:
        neuron = describer.neuron(trace.steps[frame.step])
        if frame.phase == GATHER:
            return _from_derivation(neuron.gather, digits)
        if frame.phase in (WHOLE, DERIVATIVE):
            return _from_derivation(neuron.chain, digits)
        if frame.phase == GRADIENTS and neuron.weights:
            return _from_derivation(neuron.weights[0], digits)
        return None
    if frame.kind == UPDATE:
        rows = [r for r in describer.sample_update(trace, trace.update).rows if not r.fixed]
        if not rows:
            return None
        row = rows[0]
        symbol = plain((row.parameter,), digits)
        worked = (row.before, Text(" − "), row.rate, Text(" × "), *row.step_gradient)
        return Question(symbol, f"{symbol} ← {plain(worked, digits)} = ?", row.after)
    return None
