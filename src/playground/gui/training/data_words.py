"""The data dock's words for the generators: their names, and the undo steps that choose or tune them.

Marked with QT_TRANSLATE_NOOP (in the data dock's context) and translated where they are
shown, since the tables are built before the app's translator is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

GENERATOR_NAMES = {
    "circle": QT_TRANSLATE_NOOP("DataDock", "Circle (classes)"),
    "xor": QT_TRANSLATE_NOOP("DataDock", "XOR (classes)"),
    "gauss": QT_TRANSLATE_NOOP("DataDock", "Two Gaussians (classes)"),
    "spiral": QT_TRANSLATE_NOOP("DataDock", "Spiral (classes)"),
    "plane": QT_TRANSLATE_NOOP("DataDock", "Plane (regression)"),
    "multi_gauss": QT_TRANSLATE_NOOP("DataDock", "Multi-Gaussian (regression)"),
    "sine": QT_TRANSLATE_NOOP("DataDock", "Sine (regression, 1 input)"),
}
# The undo step of choosing a generator: "Use Spiral Data".
USE_GENERATOR = {
    "circle": QT_TRANSLATE_NOOP("DataDock", "Use Circle Data"),
    "xor": QT_TRANSLATE_NOOP("DataDock", "Use XOR Data"),
    "gauss": QT_TRANSLATE_NOOP("DataDock", "Use Two Gaussians Data"),
    "spiral": QT_TRANSLATE_NOOP("DataDock", "Use Spiral Data"),
    "plane": QT_TRANSLATE_NOOP("DataDock", "Use Plane Data"),
    "multi_gauss": QT_TRANSLATE_NOOP("DataDock", "Use Multi-Gaussian Data"),
    "sine": QT_TRANSLATE_NOOP("DataDock", "Use Sine Data"),
}
# The undo step of a generator knob, by field: "Set Noise to 20 %".
SET_KNOB = {
    "noise": QT_TRANSLATE_NOOP("DataDock", "Set Noise to {value}"),
    "samples": QT_TRANSLATE_NOOP("DataDock", "Set Samples to {value}"),
    "train_fraction": QT_TRANSLATE_NOOP("DataDock", "Set Train Share to {value}"),
    "seed": QT_TRANSLATE_NOOP("DataDock", "Set Data Seed to {value}"),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate("DataDock", text)


def generator_name(name: str) -> str:
    """A generator as the data box lists it: "Spiral (classes)"."""
    return _translate(GENERATOR_NAMES[name])


def use_generator_text(name: str) -> str:
    """The undo step of choosing a generator: "Use Spiral Data"."""
    return _translate(USE_GENERATOR[name])


def knob_edit_text(field: str, value: str) -> str:
    """The undo step of a generator knob: "Set Noise to 20 %"."""
    return _translate(SET_KNOB[field]).format(value=value)
