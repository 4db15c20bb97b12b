"""The output view's two boxes, as in TensorFlow Playground: Discretize output and Show test data.

Both are remembered in the settings for the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

DISCRETIZE_KEY = "output/discretize"
SHOW_TEST_KEY = "output/show_test"


class OutputToggles(QWidget):
    """Discretize output and Show test data, read from and saved to the settings."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.discretize = QCheckBox(self.tr("Discretize output"))  # its tip: set_heatmap
        self.show_test = QCheckBox(self.tr("Show test data"))
        self.show_test.setToolTip(
            self.tr("Draw the test points (hollow) as well as the training points (filled)")
        )
        settings = QSettings()
        self.discretize.setChecked(settings.value(DISCRETIZE_KEY, False) in (True, "true"))
        self.show_test.setChecked(settings.value(SHOW_TEST_KEY, True) not in (False, "false"))
        # Connected after reading: a start that only reads the settings never writes them.
        self.discretize.toggled.connect(lambda on: self._save(DISCRETIZE_KEY, on))
        self.show_test.toggled.connect(lambda on: self._save(SHOW_TEST_KEY, on))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.discretize)
        layout.addWidget(self.show_test)
        layout.addStretch(1)
        self.set_heatmap(True)

    def set_heatmap(self, heatmap: bool) -> None:
        """Discretize colours a heatmap only; a curve has no colours to discretize."""
        self.discretize.setEnabled(heatmap)
        self.discretize.setToolTip(
            self.tr(
                "Colour each place by the class the network gives it (above or below the middle "
                "of the colour scale) instead of a gradient"
            )
            if heatmap
            else self.tr("Only a heatmap (a network of two inputs) can be discretized")
        )

    def _save(self, key: str, on: bool) -> None:
        QSettings().setValue(key, on)
        self.changed.emit()
