"""The SGD step and a minibatch's means, described for every renderer: a row per parameter.

Each weight's row is after = before − η × (∂L/∂w + regularisation); the
regularisation terms come from one place, `regularisation_terms` (l2 and l1),
so every renderer shows each kind the same way.
"""

from dataclasses import dataclass

from playground.engine.backward_stepper import SgdUpdate
from playground.engine.minibatch import MinibatchTrace
from playground.engine.written import Expr, Num, Text, Var, in_parentheses, joined, partial
from playground.translation import QT_TRANSLATE_NOOP, translate

BEFORE = QT_TRANSLATE_NOOP("UpdateDescription", "{name} before")
AFTER = QT_TRANSLATE_NOOP("UpdateDescription", "{name} after")
MOMENTUM = QT_TRANSLATE_NOOP("UpdateDescription", "momentum")


@dataclass(frozen=True)
class UpdateRow:
    """One parameter's step: after = before − η × (gradient + regularisation terms)."""

    parameter: Var
    before: Num
    rate: Num
    gradient: Num
    regularisation: tuple[Expr, ...]  # with numbers: λ × w for l2, λ₁ × sign(w) for l1
    after: Num
    fixed: bool = False  # a bias that the settings keep fixed: after is before

    @property
    def step_gradient(self) -> Expr:
        """The gradient the step uses, with its regularisation terms added in parentheses."""
        if not self.regularisation:
            return (self.gradient,)
        return in_parentheses(joined([(self.gradient,), *self.regularisation]))


@dataclass(frozen=True)
class UpdateDescription:
    learning_rate: Num
    l2: Num | None
    l1: Num | None
    momentum: Num | None
    update_biases: bool
    weight_rule: Expr  # w ← w − η · (∂L/∂w + regularisation)
    rows: tuple[UpdateRow, ...]


@dataclass(frozen=True)
class MeanRow:
    """A gradient over the minibatch: the samples' values and their mean."""

    symbol: Expr
    name: str
    values: tuple[float, ...]
    mean: Num


def regularisation_terms(update: SgdUpdate, name: str, before: float) -> tuple[Expr, ...]:
    """What the training settings add to a weight's gradient, with its numbers: λ is l2, λ₁ is l1."""
    terms: list[Expr] = []
    if update.l2:
        terms.append((Num(update.l2, "λ", True), Text(" × "), Num(before, f"{name} before", True)))
    if update.l1:
        terms.append(
            (
                Num(update.l1, "λ₁", True),
                Text(" × sign("),
                Num(before, f"{name} before"),
                Text(")"),
            )
        )
    return tuple(terms)


def regularisation_rule(update: SgdUpdate) -> tuple[Expr, ...]:
    """The same terms written symbolically, for the update's rule."""
    terms: list[Expr] = []
    if update.l2:
        terms.append((Text("λ · "), Var("w")))
    if update.l1:
        terms.append((Text("λ₁ · sign("), Var("w"), Text(")")))
    return tuple(terms)


def describe_update(
    update: SgdUpdate,
    dL_dw: dict[tuple[str, str], float],
    dL_db: dict[str, float],
    names: dict[str, str],
) -> UpdateDescription:
    """The SGD step, a row per parameter, from the given gradients (a sample's or the means)."""
    rate = Num(update.learning_rate, "η", True)
    # A number's name is shown on hover, so its words are the user's language.
    before = translate("UpdateDescription", BEFORE)
    after = translate("UpdateDescription", AFTER)
    rows = []
    for w in update.weights:
        i, j = names.get(w.source, w.source), names.get(w.target, w.target)
        name = f"w_{i},{j}"
        rows.append(
            UpdateRow(
                Var("w", f"{i},{j}"),
                Num(w.before, before.format(name=name)),
                rate,
                Num(dL_dw[(w.source, w.target)], f"∂L/∂{name}", True),
                regularisation_terms(update, name, w.before),
                Num(w.after, after.format(name=name)),
            )
        )
    for b in update.biases:
        j = names.get(b.neuron, b.neuron)
        rows.append(
            UpdateRow(
                Var("b", j),
                Num(b.before, before.format(name=f"b_{j}")),
                rate,
                Num(dL_db[b.neuron], f"∂L/∂b_{j}", True),
                (),
                Num(b.after, after.format(name=f"b_{j}")),
                fixed=not update.update_biases,
            )
        )
    added = regularisation_rule(update)
    gradient = partial("L", "w")
    step = in_parentheses(joined([(gradient,), *added])) if added else (gradient,)
    return UpdateDescription(
        Num(update.learning_rate, "η"),
        Num(update.l2, "λ") if update.l2 else None,
        Num(update.l1, "λ₁") if update.l1 else None,
        Num(update.momentum, translate("UpdateDescription", MOMENTUM)) if update.momentum else None,
        update.update_biases,
        (Var("w"), Text(" ← "), Var("w"), Text(" − η · "), *step),
        tuple(rows),
    )


def describe_means(batch: MinibatchTrace, names: dict[str, str]) -> list[MeanRow]:
    """Every weight's and bias's gradient per sample and its mean, in the network's order."""
    per_weight: dict[tuple[str, str], list[float]] = {}
    per_bias: dict[str, list[float]] = {}
    for one in batch.samples:
        for step in one.steps:
            per_bias.setdefault(step.neuron, []).append(step.dL_db)
            for g in step.weight_grads:
                per_weight.setdefault((g.source, g.target), []).append(g.dL_dw)
    rows = []
    for w in batch.mean.weights:
        i, j = names.get(w.source, w.source), names.get(w.target, w.target)
        name = f"∂L/∂w_{i},{j}"
        values = tuple(per_weight[(w.source, w.target)])
        rows.append(MeanRow((partial("L", "w", f"{i},{j}"),), name, values, Num(w.dL_dw, name)))
    for b in batch.mean.biases:
        j = names.get(b.neuron, b.neuron)
        name = f"∂L/∂b_{j}"
        rows.append(
            MeanRow((partial("L", "b", j),), name, tuple(per_bias[b.neuron]), Num(b.dL_db, name))
        )
    return rows
