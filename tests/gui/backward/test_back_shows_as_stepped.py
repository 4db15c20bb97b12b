"""Back shows a frame as the step showed it: the overlay places its labels again where they were."""

from PySide6.QtCore import Qt

from tests.gui.backward.helpers import overlay_tags
from tests.gui.helpers import drag

LEFT = Qt.MouseButton.LeftButton


def shown(scene) -> list[tuple[str, float, float]]:
    return sorted((tag.text, tag.x(), tag.y()) for tag in overlay_tags(scene))


def press(qtbot, backward, button: str) -> None:
    qtbot.mouseClick(getattr(backward.panel, f"{button}_button"), LEFT)


def test_back_and_step_again_show_each_frame_as_it_was_first_shown(backward, trace_window, qtbot):
    scene = trace_window.scene
    first = []
    for _ in range(5):  # o1, o2, h1, h2, the update
        press(qtbot, backward, "step")
        first.append(shown(scene))
    assert all(first)
    for k in (3, 2, 1, 0):
        press(qtbot, backward, "back")
        assert shown(scene) == first[k]
    press(qtbot, backward, "step")
    assert shown(scene) == first[1]


def test_a_neuron_moved_after_its_frame_gets_its_tags_placed_anew_when_back_returns(
    backward, trace_window, qtbot
):
    scene = trace_window.scene
    for _ in range(3):
        press(qtbot, backward, "step")
    assert backward.session.label() == "step 3 of 5: neuron h1"
    h1 = scene.neuron_items["h1"]
    tag_of_h1 = [t for t in overlay_tags(scene) if t.text.startswith("z 0.3775")]
    assert len(tag_of_h1) == 1
    before = tag_of_h1[0].pos() - h1.pos()
    press(qtbot, backward, "step")

    start = h1.pos()
    drag(qtbot, trace_window.view, (start.x(), start.y()), (start.x() + 160, start.y()))
    assert (
        h1.pos().x() - start.x() > 100
    )  # moved by the user (to the view's pixels); the trace kept

    press(qtbot, backward, "back")
    assert backward.session.label() == "step 3 of 5: neuron h1"
    tag_of_h1 = [t for t in overlay_tags(scene) if t.text.startswith("z 0.3775")]
    # Above the neuron where it is now, as when first shown; not where the neuron was.
    assert tag_of_h1[0].pos() - h1.pos() == before
