"""Network ▸ Check Gradients on the minibatch the Backward Pass traces: the batch's mean loss.

The expected numbers are worked out here: the chain-rule column against the
mean of each sample's own stepper trace, the finite-difference column against
a central difference of the three samples' mean loss, nudging a copy of the
network.
"""

import pytest

from playground.engine import gradient_check
from playground.model.examples import example_path
from tests.gui.backward.test_minibatch_trace import choose_minibatch
from tests.gui.test_gradient_check_dialog import (
    central_difference,
    open_check,
    stepper_gradients,
    table_rows,
)

ROWS = [0, 2, 4]  # "1,3,5" as the picker counts


def test_the_check_runs_on_the_traced_minibatch_and_says_so(qtbot, window):
    window.document.open(example_path("spiral"), remember_path=False)
    window.document.undo_stack.setClean()
    backward = window.backward
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    choose_minibatch(backward, qtbot, "1,3,5")
    assert backward.session.sample.batch == tuple(ROWS)

    dialog = open_check(window)
    assert (
        "on a minibatch of 3 train samples (1, 3, 5), the one the Backward Pass traces."
        in dialog.checked_on.text()
    )
    network = window.document.network
    xs, ts = network.data.train_x[ROWS], network.data.train_y[ROWS]
    expected = stepper_gradients(network, xs, ts)
    rows = table_rows(dialog)
    assert len(rows) == len(expected) == 177
    for name, value in expected.items():
        assert rows[name]["analytic"] == pytest.approx(value, rel=1e-9, abs=1e-14), name
    # The first sample alone (what the check used to take) has other gradients: this can fail.
    alone = stepper_gradients(network, xs[:1], ts[:1])
    assert any(rows[n]["analytic"] != pytest.approx(v, rel=1e-6) for n, v in alone.items())

    for key in [("i1", "h1"), ("h1", "h9"), ("h20", "o1"), "h13", "o1"]:
        name = f"w {key[0]} → {key[1]}" if isinstance(key, tuple) else f"b {key}"
        numeric = central_difference(network, xs, ts, key)
        assert rows[name]["numeric"] == pytest.approx(numeric, rel=1e-6, abs=1e-10), name
        assert rows[name]["error"] < gradient_check.CHECK_LIMIT
    assert dialog.verdict.text().startswith("Passed")


def test_back_to_one_sample_the_check_takes_that_sample(qtbot, window):
    window.document.open(example_path("xor"), remember_path=False)
    window.document.undo_stack.setClean()
    backward = window.backward
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    choose_minibatch(backward, qtbot, "2,3")
    dialog = open_check(window)
    assert "minibatch of 2 train samples (2, 3)" in dialog.checked_on.text()
    network = window.document.network
    both = stepper_gradients(network, network.data.train_x[1:3], network.data.train_y[1:3])
    assert {n: r["analytic"] for n, r in table_rows(dialog).items()} == pytest.approx(both)
    dialog.close()

    choose_minibatch(backward, qtbot, "")
    dialog = open_check(window)
    # The single sample the trace goes back to: the minibatch's first.
    assert "train sample 2 of 4" in dialog.checked_on.text()
    one = stepper_gradients(network, network.data.train_x[1:2], network.data.train_y[1:2])
    assert {n: r["analytic"] for n, r in table_rows(dialog).items()} == pytest.approx(one)
