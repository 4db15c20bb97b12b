"""f' and ∂L/∂y against central differences of f and L; stability at the extremes."""

import math

import numpy as np
import pytest

from playground.engine.activations import ACTIVATION_FUNCTIONS, kinks, sigmoid
from playground.engine.losses import LOSS_FUNCTIONS
from playground.model.vocabulary import ACTIVATIONS, LOSSES

Z = np.linspace(-4.0, 4.0, 161)


def test_every_activation_and_loss_of_the_file_format_is_implemented():
    assert set(ACTIVATION_FUNCTIONS) == set(ACTIVATIONS)
    assert set(LOSS_FUNCTIONS) == set(LOSSES)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_derivative_matches_central_difference(name):
    activation = ACTIVATION_FUNCTIONS[name]
    z = np.array([v for v in Z if all(abs(v - k) > 1e-3 for k in kinks(name))])
    h = 1e-6
    numeric = (activation.f(z + h) - activation.f(z - h)) / (2 * h)
    analytic = activation.df(z, activation.f(z))
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize(
    "name, z, expected",
    [
        ("sigmoid", 0.0, 0.5),
        ("tanh", 1.0, math.tanh(1.0)),
        ("relu", -2.0, 0.0),
        ("relu", 3.0, 3.0),
        ("leaky_relu", -2.0, -0.02),
        ("elu", -1.0, math.exp(-1.0) - 1.0),
        ("softplus", 0.0, math.log(2.0)),
        ("swish", 1.0, 1.0 / (1.0 + math.exp(-1.0))),
        ("sin", math.pi / 2, 1.0),
        ("linear", -3.5, -3.5),
    ],
)
def test_known_values(name, z, expected):
    assert float(ACTIVATION_FUNCTIONS[name].f(z)) == pytest.approx(expected, rel=1e-15, abs=1e-15)


def test_sigmoid_never_overflows_and_keeps_precision_in_the_tails():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        values = sigmoid(np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0]))
    assert values[0] == 0.0 and values[-1] == 1.0
    assert values[1] == pytest.approx(math.exp(-40.0), rel=1e-12)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        slope = ACTIVATION_FUNCTIONS["sigmoid"].df(40.0, sigmoid(40.0))
    assert slope == pytest.approx(math.exp(-40.0), rel=1e-10)


@pytest.mark.parametrize("name", LOSSES)
def test_loss_derivative_matches_central_difference(name):
    loss = LOSS_FUNCTIONS[name]
    rng = np.random.default_rng(3)
    z = rng.uniform(-3, 3, 50)
    y = sigmoid(z)
    t = rng.uniform(0.05, 0.95, 50)
    h = 1e-6

    # L as a function of y alone: z = logit(y).
    def as_function_of_y(v):
        return loss.value(np.log(v) - np.log1p(-v), v, t)

    numeric = (as_function_of_y(y + h) - as_function_of_y(y - h)) / (2 * h)
    np.testing.assert_allclose(loss.dL_dy(z, y, t), numeric, rtol=1e-6)


def test_cross_entropy_by_hand_and_finite_when_saturated():
    loss = LOSS_FUNCTIONS["binary_cross_entropy"]
    z = 0.3
    y = 1 / (1 + math.exp(-z))
    assert loss.value(z, y, 1.0) == pytest.approx(-math.log(y), rel=1e-14)
    assert loss.value(z, y, 0.0) == pytest.approx(-math.log(1 - y), rel=1e-14)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        # y rounds to exactly 1.0, yet the loss and ∂L/∂z stay finite and right.
        big = 60.0
        y_big = float(sigmoid(big))
        assert y_big == 1.0
        assert loss.value(big, y_big, 0.0) == pytest.approx(big, rel=1e-12)
        dL_dz = loss.dL_dy(big, y_big, 0.0) * ACTIVATION_FUNCTIONS["sigmoid"].df(big, y_big)
        assert dL_dz == pytest.approx(1.0, rel=1e-12)


def test_squared_error_by_hand():
    loss = LOSS_FUNCTIONS["squared_error"]
    assert loss.value(None, 0.75, 0.25) == 0.125
    assert loss.dL_dy(None, 0.75, 0.25) == 0.5
