"""The lines of many connections computed at once equal ConnectionItem.adjust's, one by one;
the weight styles of many weights equal `weight_style`'s."""

import math

import numpy as np

from playground.gui.canvas import neuron_shape, style
from playground.gui.canvas.connection_lines import line_ends


def one_line(a, b):
    """As ConnectionItem.adjust: from border to border, one pixel outside each body."""
    (ax, ay, a_role, a_half), (bx, by, b_role, b_half) = a, b
    length = math.hypot(bx - ax, by - ay)
    if length < 1e-9:
        return (ax, ay, bx, by)
    ux, uy = (bx - ax) / length, (by - ay) / length
    out = neuron_shape.border_reach(a_role, a_half, ux, uy) + 1.0
    back = neuron_shape.border_reach(b_role, b_half, -ux, -uy) + 1.0
    return (ax + ux * out, ay + uy * out, bx - ux * back, by - uy * back)


def test_many_lines_at_once_equal_each_line_alone(qapp):
    rng = np.random.default_rng(5)
    ends = []
    for _ in range(3000):
        role = str(rng.choice(["input", "hidden", "output"]))
        narrow = style.INPUT_HALF_SIDE if role == "input" else style.NEURON_RADIUS
        half = narrow if rng.random() < 0.5 else float(rng.uniform(narrow, 60.0))
        ends.append((float(rng.uniform(-500, 500)), float(rng.uniform(-500, 500)), role, half))
    # Straight across, straight down and on one spot: the divisions by zero.
    ends += [
        (0.0, 0.0, "input", 16.0),
        (300.0, 0.0, "hidden", 40.0),
        (300.0, 200.0, "output", 18.0),
    ]
    ends += [(300.0, 200.0, "hidden", 18.0)]
    # Each neuron's end given once, each connection by the indices of its two (as a load does).
    sources, targets = np.arange(len(ends) - 1), np.arange(1, len(ends))
    lines = line_ends(ends, sources, targets)
    expected = [one_line(ends[a], ends[b]) for a, b in zip(sources, targets, strict=True)]
    np.testing.assert_allclose(lines, np.array(expected), rtol=0.0, atol=1e-9)
    assert line_ends(ends, np.array([], dtype=np.intp), np.array([], dtype=np.intp)).shape == (0, 4)


def test_many_weight_styles_at_once_equal_each_alone():
    rng = np.random.default_rng(6)
    weights = list(rng.normal(0.0, 2.0, 5000))
    weights += [0.0, -0.0, 3.0, -3.0, 2.875, -2.875, 1e-300, 50.0, 0.125, -0.125]
    assert style.weight_styles(np.array(weights)) == [style.weight_style(w) for w in weights]
