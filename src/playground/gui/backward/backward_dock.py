"""The Backward pass dock: the sample, the step controls, where we are, and the formula panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.backward.formula_panel import FormulaPanel
from playground.gui.backward.sample_picker import SamplePicker
from playground.gui.backward.trace_session import MAX_DIGITS, MIN_DIGITS

SECONDS_PER_TICK = 0.25  # the speed slider counts quarter seconds: 0.25 s to 3 s a step
SLOWEST_TICKS = 12


def _button(text: str, tip: str, icon: QStyle.StandardPixmap | None = None) -> QToolButton:
    """A push-button-like tool button: `bind_actions` gives it its action (and so its enabled state)."""
    button = QToolButton()
    button.setText(text)
    if icon is not None:
        button.setIcon(button.style().standardIcon(icon))
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    # A click must leave the keyboard focus where it was (the canvas), so Space keeps stepping.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


class BackwardDock(QWidget):
    """The widgets only; BackwardPanels connects them to the trace session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backward_dock")
        self.picker = SamplePicker()
        # Folded away once chosen: the formulas need the height more than the sample list does.
        self.sample_toggle = QToolButton()
        self.sample_toggle.setObjectName("sample_toggle")
        self.sample_toggle.setCheckable(True)
        self.sample_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sample_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.sample_toggle.setAutoRaise(True)
        self.sample_toggle.setToolTip(self.tr("Show or hide the choice of sample"))
        self.sample_toggle.setText(self.tr("Sample"))
        self.sample_toggle.toggled.connect(self.show_picker)
        self.sample_summary = QLabel()
        self.sample_summary.setObjectName("sample_summary")
        self.sample_summary.setWordWrap(True)
        self.sample_summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sample_row = QHBoxLayout()
        sample_row.addWidget(self.sample_toggle)
        sample_row.addWidget(self.sample_summary, 1)
        self.picker.setVisible(False)

        media = QStyle.StandardPixmap
        self.restart_button = _button(
            self.tr("Restart"),
            self.tr("Back to the forward pass (Home)"),
            media.SP_MediaSkipBackward,
        )
        self.back_button = _button(
            self.tr("Back"), self.tr("One step back (Left)"), media.SP_MediaSeekBackward
        )
        self.step_button = _button(
            self.tr("Step"),
            self.tr("One neuron further (Right or Space)"),
            media.SP_MediaSeekForward,
        )
        self.end_button = _button(
            self.tr("To the end"), self.tr("To the SGD update (End)"), media.SP_MediaSkipForward
        )
        steps = QHBoxLayout()
        for button in (self.restart_button, self.back_button, self.step_button, self.end_button):
            steps.addWidget(button)

        self.play_button = _button(
            self.tr("Play"),
            self.tr("Step on by itself, one step every so many seconds (P)"),
            media.SP_MediaPlay,
        )
        self.play_button.setCheckable(True)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(1, SLOWEST_TICKS)
        self.speed.setValue(4)
        self.speed.setToolTip(self.tr("Seconds per step while playing"))
        self.speed.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.speed.setMinimumWidth(60)  # never squeezed to a knob alone
        self.speed_label = QLabel()
        self.speed.valueChanged.connect(self._show_speed)
        self._show_speed()
        self.detailed = QCheckBox(self.tr("Detailed"))
        self.detailed.setToolTip(
            self.tr(
                "Split each neuron into: gather ∂L/∂y, multiply by f′(z), then the weights' and bias's gradients"
            )
        )
        # One word, as "Detailed": the row must leave the speed slider room.
        self.forward_steps = QCheckBox(self.tr("Forward"))
        self.forward_steps.setObjectName("forward_steps")
        self.forward_steps.setToolTip(
            self.tr("Step the forward pass one neuron at a time before the backward pass")
        )
        self.forward_steps.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.digits = QSpinBox()
        self.digits.setRange(MIN_DIGITS, MAX_DIGITS)
        self.digits.setSuffix(self.tr(" digits"))
        self.digits.setToolTip(
            self.tr("Significant digits of the numbers shown; hover a number to see all of it")
        )
        # Play, its speed and the two display settings share one row: the formulas need the height.
        options = QHBoxLayout()
        options.addWidget(self.play_button)
        options.addWidget(self.speed, 1)
        options.addWidget(self.speed_label)
        options.addSpacing(6)
        options.addWidget(self.forward_steps)
        options.addWidget(self.detailed)
        options.addWidget(self.digits)

        self.controls = QWidget()
        controls = QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addLayout(sample_row)
        controls.addWidget(self.picker)
        controls.addLayout(steps)
        controls.addLayout(options)

        self.step_label = QLabel()
        self.step_label.setObjectName("step_label")
        self.step_label.setWordWrap(True)
        # A neuron's name is shown as written, never read as markup.
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 4px 0")
        self.formula = FormulaPanel()

        self.apply_button = _button(
            self.tr("Apply SGD update"),
            self.tr("Write the new weights and biases into the network"),
        )
        self.next_button = _button(
            self.tr("Next sample"),
            self.tr("Trace the next sample of the same data"),
            media.SP_ArrowForward,
        )
        self.footer = QWidget()
        footer = QHBoxLayout(self.footer)
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.apply_button)
        footer.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.controls)
        layout.addWidget(self.step_label)
        layout.addWidget(self.formula, 1)
        layout.addWidget(self.footer)
        self.setMinimumWidth(380)

    def buttons_by_action(self) -> dict[str, QToolButton]:
        """Each step button under the name of the Backward menu's action it stands for."""
        return {
            "restart": self.restart_button,
            "back": self.back_button,
            "step": self.step_button,
            "to_end": self.end_button,
            "play": self.play_button,
            "apply": self.apply_button,
            "next": self.next_button,
        }

    def bind_actions(self, actions: dict[str, QAction]) -> None:
        """Make each button show its menu action: one enabled (and checked) state for both.

        The action takes the button's words, icon and tooltip; its menu text stays its own.
        """
        for name, button in self.buttons_by_action().items():
            action = actions[name]
            action.setIconText(button.text())
            if not button.icon().isNull():
                action.setIcon(button.icon())
            action.setToolTip(button.toolTip())
            button.setDefaultAction(action)

    def show_picker(self, shown: bool) -> None:
        """Unfold (or fold away) the sample picker."""
        if self.sample_toggle.isChecked() != shown:
            self.sample_toggle.setChecked(shown)
        self.picker.setVisible(shown)
        self.sample_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def set_sample_summary(self, text: str) -> None:
        self.sample_summary.setText(text)

    def seconds_per_step(self) -> float:
        return self.speed.value() * SECONDS_PER_TICK

    def set_seconds_per_step(self, seconds: float) -> None:
        self.speed.setValue(max(1, min(SLOWEST_TICKS, round(seconds / SECONDS_PER_TICK))))

    def _show_speed(self) -> None:
        self.speed_label.setText(f"{self.seconds_per_step():.2f} s")

    def set_presentation(self, presenting: bool) -> None:
        """Only the step label and the formulas in presentation mode."""
        self.controls.setVisible(not presenting)
        self.footer.setVisible(not presenting)
        self.step_label.setStyleSheet(
            f"font-size: {22 if presenting else 13}pt; font-weight: bold; padding: 4px 0"
        )
