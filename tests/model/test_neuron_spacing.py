"""Keeping a dropped neuron clear of the others (model.layout.nudge_apart)."""

import itertools

import pytest

from playground.model.layout import NEURON_CLEARANCE, NEURON_EXTENT, nudge_apart, too_close


def apart(a, b, extent_a=NEURON_EXTENT, extent_b=NEURON_EXTENT) -> bool:
    """By hand: the boxes, grown by the clearance, share no area."""
    gap_x = abs(a[0] - b[0]) - extent_a[0] - extent_b[0]
    gap_y = abs(a[1] - b[1]) - extent_a[1] - extent_b[1]
    return gap_x >= NEURON_CLEARANCE or gap_y >= NEURON_CLEARANCE


def test_a_neuron_dropped_in_free_room_stays_where_it_was_dropped():
    assert nudge_apart({"h2": (100.0, 0.0)}, {"h1": (0.0, 0.0)}) == {"h2": (100.0, 0.0)}


@pytest.mark.parametrize("dropped", [(0.0, 0.0), (10.0, 3.0), (-5.0, 20.0), (0.0, -30.0)])
def test_a_neuron_dropped_onto_another_is_pushed_just_clear_of_it(dropped):
    moved = nudge_apart({"h2": dropped}, {"h1": (0.0, 0.0)})["h2"]
    assert apart(moved, (0.0, 0.0))
    # Pushed no further than two neurons' widths and the clearance (and a rounding).
    assert max(abs(moved[0] - dropped[0]), abs(moved[1] - dropped[1])) <= 36 + NEURON_CLEARANCE + 2


def test_a_neuron_dropped_exactly_on_another_goes_to_its_right():
    moved = nudge_apart({"h2": (0.0, 0.0)}, {"h1": (0.0, 0.0)})["h2"]
    assert moved[0] > 0 and moved[1] == 0.0


def test_wider_neurons_need_more_room():
    extents = {"long": (60.0, 18.0), "h1": (18.0, 18.0)}
    moved = nudge_apart({"long": (50.0, 0.0)}, {"h1": (0.0, 0.0)}, extents)["long"]
    assert apart(moved, (0.0, 0.0), (60.0, 18.0), (18.0, 18.0))
    assert too_close((50.0, 0.0), (0.0, 0.0), (60.0, 18.0), (18.0, 18.0))
    assert not too_close((50.0, 0.0), (0.0, 0.0), (18.0, 18.0), (18.0, 18.0))


def test_a_crowd_dropped_on_one_spot_ends_up_all_apart():
    others = {f"o{k}": (k * 100.0, 0.0) for k in range(5)}
    dropped = {f"d{k}": (200.0, 5.0) for k in range(6)}
    result = nudge_apart(dropped, others)
    everything = list(others.values()) + list(result.values())
    for a, b in itertools.combinations(everything, 2):
        assert apart(a, b), (a, b)
