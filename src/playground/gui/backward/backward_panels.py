"""Puts the backward step-through into the main window and keeps its parts in step.

One TraceSession holds the trace and the cursor; whenever it changes, the dock
(step label, formula panel, buttons), the canvas overlay and the legend are
redrawn from it. The overlay is on the canvas only while the dock is open (or
in presentation mode), so editing looks as it always does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle

from playground.engine.formatting import format_number
from playground.engine.notation import NEURON_NAMES
from playground.gui.backward.backward_dock import BackwardDock
from playground.gui.backward.backward_menu import build_backward_menu, update_enabled
from playground.gui.backward.canvas_overlay import CanvasOverlay
from playground.gui.backward.flow_animation import DEFAULT_MS, FlowAnimation
from playground.gui.backward.frames import FORWARD_STEP, GATHER, NEURON, WHOLE
from playground.gui.backward.legend import GradientLegend
from playground.gui.backward.practice_mode import PracticeMode
from playground.gui.backward.presentation import PresentationMode
from playground.gui.backward.space_key import SpaceStepper
from playground.gui.backward.tag_budget import tags_readable
from playground.gui.backward.trace_export import export_canvas_png, export_trace_html
from playground.gui.backward.trace_session import TraceSession
from playground.gui.file_dialogs import start_folder

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow

DOCK_TITLE = QT_TRANSLATE_NOOP("BackwardPanels", "Backward Pass")
NORMAL_MAX_ZOOM = 2.0
PRESENTATION_MAX_ZOOM = 4.0
PRESENTATION_TEXT_SCALE = 1.25


class BackwardPanels:
    """Everything the backward step-through adds to the main window, created once with it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.session = TraceSession(window.document, window)
        self.overlay = CanvasOverlay(window.scene)
        self.animation = FlowAnimation(window.scene, window)
        self.legend = GradientLegend(window.view)
        self.panel = BackwardDock()
        self.dock = window.add_panel_dock(
            self.panel,
            QCoreApplication.translate("BackwardPanels", DOCK_TITLE),
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.presentation = PresentationMode(
            window, self.dock, self.panel, self.fit_view, self.content_rect
        )
        self.player = QTimer(window)
        self.player.setSingleShot(True)
        self.player.timeout.connect(self._play_tick)
        # A zoom that makes the tags readable, or specks, or a view moved past where they were
        # drawn, draws the frame again (see tag_budget, CanvasOverlay._sight); once, after a
        # turn of the wheel's many steps or a drag.
        self.sight_redraw = QTimer(window)
        self.sight_redraw.setSingleShot(True)
        self.sight_redraw.setInterval(0)
        self.sight_redraw.timeout.connect(self._redraw_in_sight)
        self.space = SpaceStepper(window.view, self.step, self.is_showing)
        self.space.step_at_once_in(self.panel.formula)
        self.space.step_at_once_in(self.panel.formula.viewport())
        self.actions = build_backward_menu(window, self)
        self.panel.bind_actions(self.actions)
        self._showing = False
        self._dock_visible = False  # its tab is the current one (a tab behind is "visible" too)
        self._load_settings()
        self._connect()
        self.practice = PracticeMode(self)  # after _connect: it hides the formulas redraw fills
        self.redraw()

    # ----------------------------------------------------------------- wiring

    def _connect(self) -> None:
        panel, session = self.panel, self.session
        panel.detailed.toggled.connect(self.set_detailed)
        panel.forward_steps.toggled.connect(self.set_forward_steps)
        panel.digits.valueChanged.connect(self._digits_changed)
        panel.speed.valueChanged.connect(self._save_settings)
        panel.picker.chosen.connect(session.set_sample)
        panel.picker.training_batch = self.window.training.session.next_batch
        session.changed.connect(self.redraw)
        session.restarted.connect(self._restarted)
        self.dock.visibilityChanged.connect(self._dock_visibility)
        # After the window has fitted a newly opened network, make room for the loss and labels too.
        self.window.document.network_replaced.connect(self._network_replaced)
        self.presentation.changed.connect(self._presentation_changed)
        self.window.view.sight_changed.connect(self._sight_changed)

    def _load_settings(self) -> None:
        settings = QSettings()
        digits = settings.value("backward/digits", self.session.digits)
        seconds = settings.value("backward/seconds_per_step", self.panel.seconds_per_step())
        detailed = settings.value("backward/detailed", False)
        forward_steps = settings.value("backward/forward_steps", True)
        try:
            self.session.set_digits(int(digits))
            self.panel.set_seconds_per_step(float(seconds))
        except (TypeError, ValueError):
            pass  # a damaged settings file: keep the defaults
        self.panel.digits.setValue(self.session.digits)
        self.session.set_detailed(detailed in (True, "true"))
        self.panel.detailed.setChecked(self.session.detailed)
        self.session.set_forward_steps(forward_steps not in (False, "false"))
        # Shown without announcing it: a toggle would save the settings, and a start that
        # only reads them must never write them.
        for control in (self.panel.forward_steps, self.actions["forward_steps"]):
            control.blockSignals(True)
            control.setChecked(self.session.forward_steps)
            control.blockSignals(False)
        self.legend.set_forward(self.session.forward_steps)
        self.session.set_notation(str(settings.value("backward/notation", NEURON_NAMES)))
        # Its toggle finds the notation already chosen, so a start that only reads saves nothing.
        self.actions[f"notation_{self.session.notation}"].setChecked(True)

    def _save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("backward/digits", self.session.digits)
        settings.setValue("backward/seconds_per_step", self.panel.seconds_per_step())
        settings.setValue("backward/detailed", self.session.detailed)
        settings.setValue("backward/forward_steps", self.session.forward_steps)
        settings.setValue("backward/notation", self.session.notation)

    # ----------------------------------------------------------------- showing

    def is_showing(self) -> bool:
        """Whether the trace is on screen: the dock open and visible, or presentation mode."""
        return self.presentation.active or (self._dock_visible and self.dock.isVisible())

    def open(self) -> None:
        """Show and raise the dock (Backward ▸ Step Through…) and bring the whole trace into sight."""
        if self.dock.isHidden() and not self.dock.isFloating():
            # Under the canvas the formulas need about a third of the window's height.
            height = int(self.window.height() * 0.4)
            self.dock.show()
            self.window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)
        self.dock.show()
        self.dock.raise_()
        self._dock_visibility(self.dock.isVisible())
        if self.is_showing():
            # After the dock has taken its room, so the fit uses the canvas's final size.
            QTimer.singleShot(0, self.fit_view)

    def show_panel(self, shown: bool) -> None:
        """The tool bar's ◀ Backward Pass: open the panel, or close it when it is open."""
        if shown:
            self.open()
        else:
            self.dock.hide()

    def _dock_visibility(self, visible: bool) -> None:
        if not all(
            shiboken6.isValid(w) for w in (self.panel, self.panel.play_button, self.panel.formula)
        ):
            return  # the window is being torn down
        self._dock_visible = visible
        showing = self.is_showing()
        was_showing, self._showing = self._showing, showing
        refreshed = self.session.set_active(showing)  # if so, its `changed` drew the frame
        toggle = self.actions["panel"]
        toggle.blockSignals(True)
        toggle.setChecked(not self.dock.isHidden())
        toggle.blockSignals(False)
        self._update_enabled()
        if showing and not was_showing:
            if not refreshed:  # drawn once: at 10,000 connections a frame takes a while
                self.redraw()
            self._fit_if_hidden()
        elif not showing and was_showing:
            self.set_playing(False)
            self.animation.stop()
            self.overlay.clear()
            self.legend.hide()

    def _update_enabled(self) -> None:
        """One enabled state for each menu action and its button (the button shows the action)."""
        update_enabled(self.actions, self.session, self._showing)

    def redraw(self) -> None:
        """Show the session's current frame in the dock and, while showing, on the canvas."""
        self.practice.refresh()  # first: a question waiting keeps the canvas's numbers out
        self._draw(numbers_hidden=self.practice.pending())

    def show_formula(self) -> None:
        """Write the current frame's formulas into the panel (or why there is no trace)."""
        session, formula = self.session, self.panel.formula
        frame = session.frame
        if frame is None:
            formula.show_message(session.problem or "")
            return
        formula.show_trace_frame(
            session.network,
            session.trace_for(frame),
            frame,
            session.digits,
            session.describe_frame(frame),
            minibatch=session.minibatch,
            notation=session.notation,
        )

    def _draw(self, numbers_hidden: bool = False) -> None:
        session, panel = self.session, self.panel
        panel.step_label.setText(session.label())
        panel.picker.show_choice(session.network, session.sample, session.digits)
        panel.set_sample_summary(self._sample_summary())
        self.show_formula()
        self._update_enabled()
        self._draw_canvas(numbers_hidden)

    def _draw_canvas(self, numbers_hidden: bool) -> None:
        """The session's frame on the canvas (while the trace is shown), with the legend."""
        session = self.session
        frame = session.frame
        self.animation.stop()
        if not self._showing and not self.presentation.active:
            return
        if frame is None:
            self.overlay.clear()
            self.legend.hide()
            return
        self.overlay.show(
            session.network, session.trace_for(frame), frame, session.digits, numbers_hidden
        )
        if numbers_hidden:
            self.legend.hide()  # it explains the numbers, not shown yet
            return
        self.legend.set_zoom_hint(not self.overlay.tags_shown)
        self.legend.show()
        self.legend.raise_()

    def _sight_changed(self, seen: QRectF) -> None:
        overlay = self.overlay
        if not overlay.items:
            return
        readable = tags_readable(self.window.view.transform().m11(), overlay.text_scale)
        left = overlay.sight is not None and not overlay.sight.contains(seen)
        if readable != overlay.tags_shown or (readable and left):
            self.sight_redraw.start()

    def _redraw_in_sight(self) -> None:
        if self.overlay.items:  # still shown
            self._draw_canvas(self.practice.pending())

    @contextlib.contextmanager
    def _for_picture(self) -> Iterator[None]:
        """The canvas as a picture shows it, while one is made: every tag and label at any zoom,
        and no flow animation's dots, which it would catch wherever they were."""
        self.animation.stop()
        overlay = self.overlay
        some_left_out = bool(overlay.items) and (
            not overlay.tags_shown or overlay.sight is not None
        )
        overlay.every_tag = True
        try:
            if some_left_out:
                self._draw_canvas(self.practice.pending())
            yield
        finally:
            overlay.every_tag = False
            if some_left_out:
                self._draw_canvas(self.practice.pending())

    def _sample_summary(self) -> str:
        session = self.session
        text = session.sample.describe(session.network)
        trace = session.trace
        if session.minibatch is not None:
            return text
        if trace is not None and len(trace.x) + len(trace.targets) <= 6:
            x = ", ".join(format_number(v, session.digits) for v in trace.x)
            t = ", ".join(format_number(v, session.digits) for v in trace.targets)
            text += f" · x = ({x}) · t = ({t})"
        return text

    def content_rect(self) -> QRectF:
        """The network and the overlay's labels, in scene coordinates."""
        return self.overlay.rect() if self.overlay.items else self.window.scene.network_rect()

    def fit_view(self) -> None:
        """Zoom the canvas so the network and every label of the overlay are in sight."""
        view = self.window.view
        rect = self.content_rect()
        if rect.isNull():
            return
        limit = PRESENTATION_MAX_ZOOM if self.presentation.active else NORMAL_MAX_ZOOM
        rect = rect.adjusted(-30, -30, 30, 30)
        for _ in range(2):  # the second pass leaves room under the network for the legend
            view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            scale = view.transform().m11()
            if scale > limit:
                view.scale(limit / scale, limit / scale)
                scale = limit
            if not self.legend.isVisible():
                break
            rect = self.content_rect().adjusted(
                -30, -30, 30, 30 + (self.legend.height() + 10) / scale
            )
        view.centerOn(rect.center())

    def _fit_if_hidden(self) -> None:
        if self.overlay.items and not self.window.view.seen().contains(self.overlay.rect()):
            self.fit_view()

    # ----------------------------------------------------------------- stepping

    def step(self) -> None:
        if self.session.step_forward():
            self._animate()

    def back(self) -> None:
        self.session.step_back()

    def restart(self) -> None:
        self.session.restart()

    def to_end(self) -> None:
        self.session.to_end()

    def apply_update(self) -> None:
        self.session.apply_update()

    def next_sample(self) -> None:
        self.session.next_sample()

    def set_detailed(self, detailed: bool) -> None:
        self.session.set_detailed(detailed)
        if self.panel.detailed.isChecked() != detailed:
            self.panel.detailed.setChecked(detailed)
        self.actions["detailed"].setChecked(detailed)
        self._save_settings()

    def set_forward_steps(self, forward_steps: bool) -> None:
        """Step the forward pass neuron by neuron before the backward pass (or show it at once)."""
        self.session.set_forward_steps(forward_steps)
        if self.panel.forward_steps.isChecked() != forward_steps:
            self.panel.forward_steps.setChecked(forward_steps)
        self.actions["forward_steps"].setChecked(forward_steps)
        self.legend.set_forward(forward_steps)
        self._save_settings()

    def set_notation(self, notation: str) -> None:
        """Name the neurons of the formulas by `notation` (Backward ▸ Notation), and remember it."""
        if notation != self.session.notation:
            self.session.set_notation(notation)
            self._save_settings()

    def _digits_changed(self, digits: int) -> None:
        self.session.set_digits(digits)
        self._save_settings()

    def _animate(self) -> None:
        frame = self.session.frame
        if frame is None:
            return
        forward = frame.kind == FORWARD_STEP
        if not forward and (frame.kind != NEURON or frame.phase not in (WHOLE, GATHER)):
            return
        milliseconds = DEFAULT_MS
        if self.player.isActive() or self.panel.play_button.isChecked():
            milliseconds = min(DEFAULT_MS, int(self.panel.seconds_per_step() * 1000 * 0.6))
        self.animation.play(self.overlay.paths, milliseconds)

    # ----------------------------------------------------------------- playing

    def set_playing(self, playing: bool) -> None:
        """Step on by itself every `seconds_per_step`, stopping at the update."""
        if playing and not (
            self.is_showing() and self.session.can_step_forward() and not self.session.at_update()
        ):
            playing = False
        play = self.actions["play"]  # the Play button shows this action
        translate = QCoreApplication.translate
        play.setIconText(
            translate("BackwardDock", "Pause") if playing else translate("BackwardDock", "Play")
        )
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        play.setIcon(self.panel.style().standardIcon(icon))
        play.setChecked(playing)
        self._update_enabled()
        if playing:
            self.player.start(int(self.panel.seconds_per_step() * 1000))
        else:
            self.player.stop()

    def _play_tick(self) -> None:
        self.step()
        if self.session.at_update() or not self.session.can_step_forward():
            self.set_playing(False)
        elif self.panel.play_button.isChecked():
            self.player.start(int(self.panel.seconds_per_step() * 1000))

    # ----------------------------------------------------------------- messages and modes

    def _network_replaced(self) -> None:
        # Another network is no reason to go on playing, even if the old trace had not moved yet.
        self.set_playing(False)
        if self._showing:
            # After the window has fitted the new network, make room for the loss and labels too.
            QTimer.singleShot(0, self._fit_if_hidden)

    def _restarted(self, reason: str) -> None:
        self.set_playing(False)
        self.window.show_message(reason)

    def _presentation_changed(self, active: bool) -> None:
        self.legend.set_scale(1.5 if active else 1.0)
        self.overlay.text_scale = PRESENTATION_TEXT_SCALE if active else 1.0
        self.actions["presentation"].setChecked(active)
        self.actions["leave_presentation"].setEnabled(active)
        self._dock_visibility(self._dock_visible or self.dock.isVisible() and active)
        self.redraw()
        if active:
            self.window.view.setFocus()

    # ----------------------------------------------------------------- exports

    def export_html_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("BackwardPanels", "Export Trace as HTML"),
            str(start_folder(self.window.document.path) / "backward-pass.html"),
            QCoreApplication.translate("BackwardPanels", "HTML pages (*.html)"),
        )
        if path:
            self.export_html(path)

    def export_html(self, path: str) -> bool:
        # A picture per step takes a moment for a big network.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self._for_picture():
                export_trace_html(path, self.session, self.overlay, self.redraw)
        except (OSError, ValueError) as problem:
            self.window.show_message(
                QCoreApplication.translate(
                    "BackwardPanels", "The trace was not exported: {problem}"
                ).format(problem=problem)
            )
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.window.show_message(
            QCoreApplication.translate(
                "BackwardPanels", "Exported the trace ({count} steps) to {path}."
            ).format(count=len(self.session.frames), path=path)
        )
        return True

    def export_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("BackwardPanels", "Export Canvas at This Step"),
            str(start_folder(self.window.document.path) / "backward-step.png"),
            QCoreApplication.translate("BackwardPanels", "PNG images (*.png)"),
        )
        if path:
            self.export_png(path)

    def export_png(self, path: str) -> bool:
        try:
            with self._for_picture():
                export_canvas_png(
                    path, self.window.scene, self.overlay, forward=self.session.forward_steps
                )
        except OSError as problem:
            self.window.show_message(
                QCoreApplication.translate(
                    "BackwardPanels", "The picture was not exported: {problem}"
                ).format(problem=problem)
            )
            return False
        self.window.show_message(
            QCoreApplication.translate(
                "BackwardPanels", "Exported the canvas at {step} to {path}."
            ).format(step=self.session.label(), path=path)
        )
        return True
