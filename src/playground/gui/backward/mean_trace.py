"""A minibatch seen as one trace, for the frames after its samples: the mean and the update."""

from __future__ import annotations

import dataclasses

from playground.engine.backward_stepper import Trace
from playground.engine.minibatch import MinibatchTrace


def mean_trace(minibatch: MinibatchTrace, first: Trace) -> Trace:
    """The minibatch as one Trace for the update frames: its mean gradients, mean loss and update.

    The update table and the canvas read ∂L/∂w and ∂L/∂b from a trace's steps, so the first
    sample's steps carry the minibatch's means there; its other numbers are not shown.
    """
    dL_dw = {(w.source, w.target): w.dL_dw for w in minibatch.mean.weights}
    dL_db = {b.neuron: b.dL_db for b in minibatch.mean.biases}
    steps = [
        dataclasses.replace(
            step,
            dL_db=dL_db[step.neuron],
            weight_grads=[
                dataclasses.replace(g, dL_dw=dL_dw[(g.source, g.target)]) for g in step.weight_grads
            ],
        )
        for step in first.steps
    ]
    return Trace(
        first.x,
        first.targets,
        first.forward,
        minibatch.loss,
        steps,
        minibatch.update,
        minibatch.loss_after,
    )
