"""A trace described once: each step as derivations of symbols and numbers, for every renderer.

The terminal (`cli_trace_text`), the formula panel and the HTML export
(`gui/backward/*_html`) and the canvas's labels all write a trace; they write
what this module describes, so they cannot disagree. A derivation is a left
side and rows, "left = row = row = value", each row a sum of terms made of
`engine.written` tokens. The loss and each activation supply their own written
forms; a piecewise f' says which side of its kink z fell on. Nothing here is
text yet: numbers stay numbers, each with the name of what it is.
"""

from dataclasses import dataclass

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.backward_stepper import ForwardStep, NeuronStep, SamplePass, SgdUpdate
from playground.engine.derivation import Derivation, KinkSide, Row, single
from playground.engine.formatting import neuron_names
from playground.engine.losses import LOSS_FUNCTIONS
from playground.engine.minibatch import MinibatchTrace
from playground.engine.update_description import (
    MeanRow,
    UpdateDescription,
    describe_means,
    describe_update,
)
from playground.engine.written import (
    Expr,
    Num,
    Partial,
    Sum,
    Text,
    Var,
    applied,
    has_variables,
    in_parentheses,
    joined,
    partial,
    symbolic,
)
from playground.model.network import Network
from playground.translation import QT_TRANSLATE_NOOP, translate

FROM_THE_LOSS = QT_TRANSLATE_NOOP("TraceDescriber", "∂L/∂y_{j} from the loss")


@dataclass(frozen=True)
class ForwardDescription:
    """z = b + Σ w·y, then y = f(z), at one neuron."""

    neuron: str
    weighted_sum: Derivation
    activation: Derivation
    terms: tuple[Derivation, ...]  # w_i,j · y_i = w × y = product, per incoming connection


@dataclass(frozen=True)
class NeuronDescription:
    """The chain rule at one neuron: gather ∂L/∂y, through f', then the weights' and bias's gradients."""

    neuron: str
    gather: Derivation
    terms: tuple[Derivation, ...]  # w_j,k · ∂L/∂z_k = w × ∂L/∂z = product, per outgoing connection
    unused: bool  # the neuron feeds nothing and is no output: ∂L/∂y is 0
    loss_gradient: Derivation | None  # ∂L/∂y from the loss, for an output
    slope: Derivation
    chain: Derivation
    bias: Derivation
    weights: tuple[Derivation, ...]


@dataclass(frozen=True)
class LossDescription:
    """The sample's loss: written, per output, and summed."""

    name: str
    formula: Expr  # the right side of L = …, symbolic
    shares: tuple[Derivation, ...]  # L_o = factor · term = value, one per output
    together: Expr  # every output's term in one expression, with the numbers
    sum_of_shares: Row
    total: Num


class TraceDescriber:
    """Describes the steps of traces through one network."""

    def __init__(self, network: Network, names: dict[str, str] | None = None) -> None:
        """`names`: the subscripts' name map (a notation, `engine.notation`); the neurons' names if None."""
        self.network = network
        self.names = neuron_names(network) if names is None else names

    def name(self, neuron_id: str) -> str:
        return self.names.get(neuron_id, neuron_id)

    # ----------------------------------------------------------------- forward

    def forward(self, step: ForwardStep) -> ForwardDescription:
        """The weighted sum and the activation of one forward step."""
        j = self.name(step.neuron)
        rule: list[Expr] = [(Var("b", j),)]
        worked: list[Expr] = [(Num(step.bias, f"b_{j}"),)]
        products: list[Expr] = [(Num(step.bias, f"b_{j}"),)]
        if step.terms:
            rule.append((Sum("i"), Text(" "), Var("w", f"i,{j}"), Text(" · "), Var("y", "i")))
        for term in step.terms:
            i = self.name(term.source)
            worked.append(
                (
                    Num(term.weight, f"w_{i},{j}", True),
                    Text(" × "),
                    Num(term.y_source, f"y_{i}", True),
                )
            )
            products.append((Num(term.product, f"w_{i},{j} · y_{i}", True),))
        rows = [Row(tuple(rule), detail=True), Row(tuple(worked))]
        if step.terms:
            rows.append(Row(tuple(products), detail=True))
        rows.append(single(Num(step.z, f"z_{j}")))
        weighted_sum = Derivation((Var("z", j),), tuple(rows))
        activation = ACTIVATION_FUNCTIONS[self.network.neuron(step.neuron).activation_name]
        f_rows = [Row((symbolic(activation.f_written, j, bare=False),))]
        if activation.f_written != "{z}":
            f_rows.append(Row((applied(activation.f_worked, {"z": step.z}, j),)))
        f_rows.append(single(Num(step.y, f"y_{j}")))
        terms = tuple(
            Derivation(
                (Var("w", f"{i},{j}"), Text(" · "), Var("y", i)),
                (
                    single(
                        Num(t.weight, f"w_{i},{j}"), Text(" × "), Num(t.y_source, f"y_{i}", True)
                    ),
                    single(Num(t.product, f"w_{i},{j} · y_{i}")),
                ),
            )
            for t in step.terms
            for i in (self.name(t.source),)
        )
        return ForwardDescription(
            step.neuron, weighted_sum, Derivation((Var("y", j),), tuple(f_rows)), terms
        )

    def loss(self, one: SamplePass) -> LossDescription:
        """The loss of one sample, from each output's y and t."""
        loss = LOSS_FUNCTIONS[self.network.loss]
        shares, terms = [], []
        for output_id, target in zip(self.network.output_ids(), one.targets):
            j = self.name(output_id)
            values = one.forward[output_id]
            term = applied(loss.term, {"y": values.y, "t": target}, j)
            terms.append(term)
            share = float(loss.value(values.z, values.y, target))
            shares.append(
                Derivation(
                    (Var("L", j),),
                    (Row(((Text(loss.factor), *term),)), single(Num(share, f"L_{j}"))),
                )
            )
        inside = joined(terms)
        together = (Text(loss.factor), *(in_parentheses(inside) if len(terms) > 1 else inside))
        return LossDescription(
            loss.name,
            symbolic(loss.sum_written),
            tuple(shares),
            together,
            Row(tuple((Num(s.result.value, s.result.name, True),) for s in shares)),
            Num(one.loss, "L"),
        )

    # ----------------------------------------------------------------- backward

    def neuron(self, step: NeuronStep) -> NeuronDescription:
        """Every derivation of the chain rule at one neuron."""
        j = self.name(step.neuron)
        dL_dz = Num(step.dL_dz, f"∂L/∂z_{j}", True)
        weights = []
        for g in step.weight_grads:
            i = self.name(g.source)
            weights.append(
                Derivation(
                    (partial("L", "w", f"{i},{j}"),),
                    (
                        single(Var("y", i), Text(" · "), partial("L", "z", j)),
                        single(Num(g.y_source, f"y_{i}"), Text(" × "), dL_dz),
                        single(Num(g.dL_dw, f"∂L/∂w_{i},{j}")),
                    ),
                )
            )
        gather, loss_gradient = self._gather(step)
        terms = tuple(
            Derivation(
                (Var("w", f"{j},{k}"), Text(" · "), partial("L", "z", k)),
                (
                    single(
                        Num(t.weight, f"w_{j},{k}"),
                        Text(" × "),
                        Num(t.dL_dz, f"∂L/∂z_{k}", True),
                    ),
                    single(Num(t.product, f"w_{j},{k} · ∂L/∂z_{k}")),
                ),
            )
            for t in step.terms
            for k in (self.name(t.target),)
        )
        return NeuronDescription(
            step.neuron,
            gather,
            terms,
            not step.terms and step.loss_derivative is None,
            loss_gradient,
            self._slope(step),
            Derivation(
                (partial("L", "z", j),),
                (
                    single(self._dy_dz(j), Text(" · "), partial("L", "y", j)),
                    single(
                        Num(step.dy_dz, f"∂y_{j}/∂z_{j}"),
                        Text(" × "),
                        Num(step.dL_dy, f"∂L/∂y_{j}", True),
                    ),
                    single(Num(step.dL_dz, f"∂L/∂z_{j}")),
                ),
            ),
            Derivation(
                (partial("L", "b", j),),
                (single(partial("L", "z", j)), single(Num(step.dL_db, f"∂L/∂b_{j}"))),
            ),
            tuple(weights),
        )

    @staticmethod
    def _dy_dz(j: str) -> Partial:
        return Partial(Var("y", j), Var("z", j))

    def _gather(self, step: NeuronStep) -> tuple[Derivation, Derivation | None]:
        """∂L/∂y: each outgoing w · ∂L/∂z, plus the loss's ∂L/∂y at an output."""
        j = self.name(step.neuron)
        rule: list[Expr] = []
        worked: list[Expr] = []
        products: list[Expr] = []
        if step.terms:
            rule.append(
                (Sum("k"), Text(" "), Var("w", f"{j},k"), Text(" · "), partial("L", "z", "k"))
            )
        for k, term in enumerate(step.terms):
            t = self.name(term.target)
            worked.append(
                (
                    Num(term.weight, f"w_{j},{t}", k > 0),
                    Text(" × "),
                    Num(term.dL_dz, f"∂L/∂z_{t}", True),
                )
            )
            products.append((Num(term.product, f"w_{j},{t} · ∂L/∂z_{t}", k > 0),))
        loss_gradient = None
        if step.loss_derivative is not None and step.target is not None:
            loss = LOSS_FUNCTIONS[self.network.loss]
            written = symbolic(loss.dL_dy_written, j)
            numbers = applied(loss.dL_dy_worked, {"y": step.y, "t": step.target}, j)
            # The number's name is shown on hover, so its words are the user's language.
            name = translate("TraceDescriber", FROM_THE_LOSS).format(j=j)
            from_loss = Num(step.loss_derivative, name)
            loss_gradient = Derivation(
                (partial("L", "y", j),),
                (Row((written,)), Row((numbers,)), single(from_loss)),
            )
            if step.terms:
                written, numbers = in_parentheses(written), in_parentheses(numbers)
            rule.append(written)
            worked.append(numbers)
            products.append((Num(from_loss.value, from_loss.name, operand=True),))
        result = single(Num(step.dL_dy, f"∂L/∂y_{j}"))
        rows = [Row(tuple(rule)), Row(tuple(worked))] if rule else []
        if len(products) > 1:
            rows.append(Row(tuple(products), detail=True))
        return Derivation((partial("L", "y", j),), (*rows, result)), loss_gradient

    def _slope(self, step: NeuronStep) -> Derivation:
        """∂y/∂z = f'(z): written, with its numbers, its value; a piecewise f' names its side."""
        j = self.name(step.neuron)
        activation = ACTIVATION_FUNCTIONS[self.network.neuron(step.neuron).activation_name]
        rows = [Row((symbolic(activation.df_form(), j),))]
        kink = None
        if activation.piecewise is not None:
            piece = activation.piecewise.piece(step.z)
            if has_variables(piece):
                rows.append(Row((applied(piece, {"z": step.z, "y": step.y}, j),)))
            kink = KinkSide(
                Var("z", j, bare=True),
                Num(step.z, f"z_{j}"),
                activation.piecewise.kink,
                activation.piecewise.is_above(step.z),
            )
        else:
            rows.append(Row((applied(activation.df_worked, {"z": step.z, "y": step.y}, j),)))
        rows.append(single(Num(step.dy_dz, f"∂y_{j}/∂z_{j}")))
        return Derivation((self._dy_dz(j),), tuple(rows), kink)

    # ----------------------------------------------------------------- update

    def update(
        self, update: SgdUpdate, dL_dw: dict[tuple[str, str], float], dL_db: dict[str, float]
    ) -> UpdateDescription:
        """The SGD step, a row per parameter, from the given gradients (a sample's or the means)."""
        return describe_update(update, dL_dw, dL_db, self.names)

    def sample_update(self, one: SamplePass, update: SgdUpdate) -> UpdateDescription:
        """The update one sample's own gradients ask for."""
        dL_dw = {(g.source, g.target): g.dL_dw for s in one.steps for g in s.weight_grads}
        return self.update(update, dL_dw, {s.neuron: s.dL_db for s in one.steps})

    def batch_update(self, batch: MinibatchTrace) -> UpdateDescription:
        """The update from a minibatch's mean gradients."""
        return self.update(
            batch.update,
            {(w.source, w.target): w.dL_dw for w in batch.mean.weights},
            {b.neuron: b.dL_db for b in batch.mean.biases},
        )

    def means(self, batch: MinibatchTrace) -> list[MeanRow]:
        """Every weight's and bias's gradient per sample and its mean, in the network's order."""
        return describe_means(batch, self.names)

    def batch_loss(self, batch: MinibatchTrace) -> MeanRow:
        """The minibatch's loss: the samples' losses and their mean."""
        return MeanRow(
            (Var("L"),), "L", tuple(one.loss for one in batch.samples), Num(batch.loss, "L")
        )
