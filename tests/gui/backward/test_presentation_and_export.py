"""Presentation mode (F5 … Esc) and the exports for lecture notes."""

import base64
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from playground.gui.backward.formula_panel import NORMAL_POINT_SIZE, PRESENTATION_POINT_SIZE
from tests.gui.backward.test_large_networks import layered_network

LEFT = Qt.MouseButton.LeftButton


def activate(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()


def other_docks(window, backward):
    return [d for d in window.findChildren(QDockWidget) if d is not backward.dock]


def test_f5_shows_only_the_canvas_and_the_formulas_and_esc_gives_everything_back(
    backward, trace_window, qtbot
):
    window = trace_window
    activate(window, qtbot)
    visible_docks = [d for d in other_docks(window, backward) if d.isVisible()]
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    transform = window.view.transform()

    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert backward.presentation.active
    assert window.isFullScreen()
    assert not window.menuBar().isVisible()
    assert not window.statusBar().isVisible()
    assert not any(bar.isVisible() for bar in window.findChildren(QToolBar))
    assert not any(d.isVisible() for d in other_docks(window, backward))
    assert backward.dock.isVisible() and window.view.isVisible()
    assert not backward.panel.controls.isVisible()
    assert backward.panel.formula.document().defaultFont().pointSizeF() == PRESENTATION_POINT_SIZE
    assert backward.overlay.text_scale > 1

    # The keys still step, with the menu bar hidden.
    activate(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert backward.session.label() == "step 2 of 5: neuron o2"

    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not backward.presentation.active
    assert not window.isFullScreen()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    qtbot.waitUntil(lambda: all(d.isVisible() for d in visible_docks))
    assert backward.panel.controls.isVisible()
    assert backward.panel.formula.document().defaultFont().pointSizeF() == NORMAL_POINT_SIZE
    assert window.view.transform() == transform
    assert backward.session.label() == "step 2 of 5: neuron o2"


def test_presentation_mode_puts_the_formulas_under_a_wide_network(backward, trace_window):
    trace_window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, backward.dock)
    backward.presentation.enter()
    # The 2-2-2 example with its loss node is three times as wide as it is high.
    assert trace_window.dockWidgetArea(backward.dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert backward.panel.formula.columns
    backward.presentation.leave()
    assert not backward.panel.formula.columns
    assert trace_window.dockWidgetArea(backward.dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_the_html_export_holds_every_step_with_its_formulas_and_a_picture(
    backward, tmp_path, qtbot
):
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    path = tmp_path / "trace.html"
    assert backward.export_html(str(path))
    page = path.read_text(encoding="utf-8")
    sections = re.findall(r'<section id="step-(\d+)"><h2>([^<]*)</h2>', page)
    assert [label for _, label in sections] == [
        "forward pass — step 0 of 5",
        "step 1 of 5: neuron o1",
        "step 2 of 5: neuron o2",
        "step 3 of 5: neuron h1",
        "step 4 of 5: neuron h2",
        "step 5 of 5: SGD update",
    ]
    pictures = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(pictures) == 6
    for encoded in pictures:
        image = QImage.fromData(base64.b64decode(encoded), "PNG")
        assert not image.isNull() and image.width() > 300
    # Each step's numbers, with the full value on hover as in the app.
    assert 'title="∂L/∂z_h1 = 0.008771' in page
    assert 'title="L after = 0.28047144679143016"' in page
    # The canvas is back at the step the teacher was on.
    assert backward.session.label() == "step 1 of 5: neuron o1"
    assert backward.overlay.current.neuron == "o1"


def test_the_html_export_in_detailed_mode_has_three_parts_per_neuron(backward, tmp_path):
    backward.panel.detailed.click()
    path = tmp_path / "detailed.html"
    assert backward.export_html(str(path))
    assert len(re.findall(r"<section ", path.read_text(encoding="utf-8"))) == 1 + 4 * 3 + 1


def test_the_png_export_is_the_canvas_at_this_step(backward, tmp_path, qtbot):
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    path = tmp_path / "h1.png"
    assert backward.export_png(str(path))
    image = QImage(str(path))
    assert not image.isNull()
    # Twice the scene's size: the network, the loss node and the labels, plus the legend below.
    rect = backward.overlay.rect()
    assert image.width() >= 2 * rect.width()
    assert image.height() > 2 * rect.height()
    # h1 is ringed in amber at the centre of its item in the picture.
    pixels = [
        image.pixelColor(x, y) for x in range(image.width()) for y in range(0, image.height(), 7)
    ]
    assert any(p.red() > 200 and 120 < p.green() < 160 and p.blue() < 40 for p in pixels)


def test_a_picture_made_while_the_gradient_flows_has_no_dots_in_it(backward, tmp_path, qtbot):
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)  # to h1, its gradient flowing
    animation = backward.animation
    assert animation.dots
    qtbot.waitUntil(lambda: 0.3 < animation.animation.currentValue() < 0.7)  # dots in mid-flight
    assert backward.export_png(str(tmp_path / "flowing.png"))
    qtbot.waitUntil(lambda: not animation.dots)  # stopped by the export, or run to its end
    assert backward.export_png(str(tmp_path / "still.png"))
    assert QImage(str(tmp_path / "flowing.png")) == QImage(str(tmp_path / "still.png"))


def test_an_export_that_cannot_be_written_says_why(backward, trace_window, tmp_path):
    folder = tmp_path / "missing" / "trace.html"
    assert not backward.export_html(str(folder))
    assert "not exported" in trace_window.statusBar().currentMessage()


def test_beside_a_tall_network_the_legend_wraps_within_the_narrow_canvas(
    backward, trace_window, qtbot
):
    window = trace_window
    window.document.replace(layered_network([2, 20, 1]))  # twice as tall as it is wide
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    legend = backward.legend
    qtbot.waitUntil(legend.isVisible)
    assert not legend.wordWrap()  # the usual canvas has room for its lines
    activate(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert window.dockWidgetArea(backward.dock) == Qt.DockWidgetArea.RightDockWidgetArea
    # Presentation mode's larger text needs more than the canvas beside the formulas has.
    qtbot.waitUntil(lambda: legend.wordWrap())
    # Once the full-screen layout has settled, within the canvas and every line shown.
    qtbot.waitUntil(lambda: window.view.contentsRect().contains(legend.geometry()))
    assert legend.height() >= legend.heightForWidth(legend.width())
    activate(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not backward.presentation.active
    # Back at its usual size, and again within the canvas, whatever room the docks left it.
    assert legend.scale == 1.0
    qtbot.waitUntil(lambda: window.view.contentsRect().contains(legend.geometry()))
    assert legend.height() >= legend.heightForWidth(legend.width())
