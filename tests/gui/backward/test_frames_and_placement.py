"""The list of frames a trace is stepped through, the sample choice, and label placement."""

import numpy as np
import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF

from playground.gui.backward.frames import (
    DERIVATIVE,
    FORWARD,
    GATHER,
    GRADIENTS,
    NEURON,
    UPDATE,
    WHOLE,
    Frame,
    build_frames,
    step_label,
)
from playground.gui.backward.label_placement import LabelPlacer
from playground.gui.backward.sample import BY_HAND, SampleChoice, first_choice
from playground.model.dataset import Dataset
from playground.model.errors import DataError


def test_frames_are_the_forward_pass_each_neuron_then_the_update():
    assert build_frames(2, detailed=False) == [
        Frame(FORWARD),
        Frame(NEURON, 0),
        Frame(NEURON, 1),
        Frame(UPDATE),
    ]
    assert build_frames(1, detailed=True) == [
        Frame(FORWARD),
        Frame(NEURON, 0, GATHER),
        Frame(NEURON, 0, DERIVATIVE),
        Frame(NEURON, 0, GRADIENTS),
        Frame(UPDATE),
    ]


def test_a_frame_shows_the_phases_it_has_reached():
    assert Frame(NEURON, 0, WHOLE).shows(GRADIENTS)
    assert Frame(NEURON, 0, DERIVATIVE).shows(GATHER)
    assert not Frame(NEURON, 0, DERIVATIVE).shows(GRADIENTS)
    assert not Frame(UPDATE).shows(GATHER)


def test_step_labels_count_the_update_as_the_last_step():
    assert step_label(Frame(FORWARD), 6) == "forward pass — step 0 of 7"
    assert step_label(Frame(NEURON, 2), 6, "h1") == "step 3 of 7: neuron h1"
    assert (
        step_label(Frame(NEURON, 2, GATHER), 6, "h1")
        == "step 3 of 7: neuron h1 — part 1 of 3: gather ∂L/∂y"
    )
    assert step_label(Frame(UPDATE), 6) == "step 7 of 7: SGD update"


def test_sample_choices_resolve_rows_and_typed_values(two_two_two):
    network = two_two_two
    assert first_choice(network) == SampleChoice("train", 0)
    assert SampleChoice("train", 0).resolve(network) == ([0.05, 0.1], [0.01, 0.99])
    with pytest.raises(DataError, match="no test data"):
        SampleChoice("test", 0).resolve(network)
    with pytest.raises(DataError, match="no train sample 2"):
        SampleChoice("train", 1).resolve(network)
    typed = SampleChoice(BY_HAND, 0, {"i2": 3.0, "gone": 9.0}, {"o1": 1.0})
    assert typed.resolve(network) == ([0.0, 3.0], [1.0, 0.0])  # by id; untyped ones are 0
    assert typed.following(network) is typed


def test_without_data_the_first_choice_is_typed_by_hand(two_two_two):
    two_two_two.data = Dataset(np.zeros((0, 2)), np.zeros((0, 2)))
    assert first_choice(two_two_two).split == BY_HAND


def test_labels_go_where_nothing_is_and_never_on_each_other_while_there_is_room():
    neuron = QRectF(-20, -20, 40, 40)
    placer = LabelPlacer([neuron])
    size = QRectF(-30, -10, 60, 20)
    line = QLineF(QPointF(0, 0), QPointF(400, 0))
    first = placer.place_on_line(size, line)
    second = placer.place_on_line(size, line)
    third = placer.place_on_line(size, line)
    rects = [size.translated(p) for p in (first, second, third)]
    assert first == QPointF(248, 0)  # the first choice (a little past the middle) is free
    for k, rect in enumerate(rects):
        assert not rect.intersects(neuron)
        assert not any(rect.intersects(other) for other in rects[k + 1 :])


def test_when_nothing_is_free_a_label_goes_where_it_covers_least():
    placer = LabelPlacer([QRectF(0, -10, 100, 20), QRectF(100, -10, 60, 20)])
    size = QRectF(-10, -5, 20, 10)
    centre = placer.place(size, [QPointF(50, 0), QPointF(155, 8), QPointF(130, 0)])
    assert centre == QPointF(155, 8)  # half of it overlaps, against all of it elsewhere
