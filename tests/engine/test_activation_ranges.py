"""Each activation's range of values, as the output view's colour scales use it."""

import numpy as np
import pytest

from playground.engine.activations import ACTIVATION_FUNCTIONS, output_range


@pytest.mark.parametrize("name", sorted(ACTIVATION_FUNCTIONS))
def test_every_value_lies_in_the_range_and_a_bounded_end_is_reached(name):
    low, high = output_range(name)
    z = np.linspace(-40.0, 40.0, 800_001)
    y = ACTIVATION_FUNCTIONS[name].f(z)
    assert low - 1e-12 <= y.min() and y.max() <= high + 1e-12
    # A finite end is the function's own bound, not a loose one: the values come within 1e-6.
    for end, reached in ((low, y.min()), (high, y.max())):
        if np.isfinite(end):
            assert reached == pytest.approx(end, abs=1e-6)
        else:
            assert abs(reached) >= 0.01 * 40  # unbounded: it keeps growing with |z|


def test_the_bounded_ones():
    assert output_range("sigmoid") == (0.0, 1.0)
    assert output_range("tanh") == (-1.0, 1.0)
    assert output_range("relu")[0] == 0.0 and output_range("relu")[1] == np.inf
    assert output_range("linear") == (-np.inf, np.inf)
