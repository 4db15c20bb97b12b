"""The `training` block of a network file: how SGD trains this network, and what it may be.

The rules live here once: the file reader, the command line and the app's training
dock all build a `TrainingSettings`, which refuses a value it cannot hold and says why.
"""

import math
from dataclasses import dataclass, fields

from playground.model.errors import NetworkEditError
from playground.translation import QT_TRANSLATE_NOOP, translate

# Whole numbers (batch size, seeds) go up to what a 32-bit spin box can show, so every
# value a file may hold can also be shown and edited in the app.
MAX_WHOLE = 2**31 - 1


class SettingsError(NetworkEditError):
    """A training or data setting out of its range; `field` names it as the file does."""

    def __init__(self, field: str, message: str) -> None:
        shown = translate("TrainingSettings", FIELD_NAMES.get(field, field.replace("_", " ")))
        # Chinese puts the rule right after the name, without the space English needs.
        super().__init__(
            translate("TrainingSettings", "{setting} {rule}").format(setting=shown, rule=message)
        )
        self.field, self.rule = field, message


# The settings as a sentence names them; translated when a message is built.
FIELD_NAMES = {
    "learning_rate": QT_TRANSLATE_NOOP("TrainingSettings", "learning rate"),
    "batch_size": QT_TRANSLATE_NOOP("TrainingSettings", "batch size"),
    "momentum": QT_TRANSLATE_NOOP("TrainingSettings", "momentum"),
    "l2": QT_TRANSLATE_NOOP("TrainingSettings", "l2"),
    "l1": QT_TRANSLATE_NOOP("TrainingSettings", "l1"),
    "seed": QT_TRANSLATE_NOOP("TrainingSettings", "seed"),
    "update_biases": QT_TRANSLATE_NOOP("TrainingSettings", "update biases"),
}


def is_number(value: object) -> bool:
    """A real number as a file or a widget gives it: int or float, never bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# field → (does a value hold, the rule in words)
RULES = {
    "learning_rate": (
        lambda v: is_number(v) and math.isfinite(v) and v > 0,
        QT_TRANSLATE_NOOP("TrainingSettings", "must be a number above 0"),
    ),
    "batch_size": (
        lambda v: is_whole(v) and 1 <= v <= MAX_WHOLE,
        QT_TRANSLATE_NOOP("TrainingSettings", "must be a whole number from 1 to {most}"),
    ),
    "momentum": (
        lambda v: is_number(v) and 0 <= v < 1,
        QT_TRANSLATE_NOOP("TrainingSettings", "must be at least 0 and less than 1"),
    ),
    "l2": (
        lambda v: is_number(v) and math.isfinite(v) and v >= 0,
        QT_TRANSLATE_NOOP("TrainingSettings", "must be a number of 0 or more"),
    ),
    "l1": (
        lambda v: is_number(v) and math.isfinite(v) and v >= 0,
        QT_TRANSLATE_NOOP("TrainingSettings", "must be a number of 0 or more"),
    ),
    "seed": (
        lambda v: is_whole(v) and 0 <= v <= MAX_WHOLE,
        QT_TRANSLATE_NOOP("TrainingSettings", "must be a whole number from 0 to {most}"),
    ),
    "update_biases": (
        lambda v: isinstance(v, bool),
        QT_TRANSLATE_NOOP("TrainingSettings", "must be true or false"),
    ),
}


def refusal(field: str, value: object) -> str | None:
    """The rule `value` breaks as the setting `field` (QT_TRANSLATE_NOOP("TrainingSettings", "must be a number above 0")), or None."""
    holds, rule = RULES[field]
    return None if holds(value) else _said(rule)


def _said(rule: str) -> str:
    """A rule of RULES in the user's language, its largest whole number written out."""
    return translate("TrainingSettings", rule).format(most=f"{MAX_WHOLE:,}")


@dataclass(frozen=True)
class TrainingSettings:
    """SGD's settings; building one with a value out of range raises SettingsError."""

    learning_rate: float = 0.1
    batch_size: int = 10
    momentum: float = 0.0
    l2: float = 0.0
    # Adds l1·Σ|w| to the loss (weights only): each step moves a weight by η·l1 towards 0.
    l1: float = 0.0
    seed: int = 0
    # False keeps every bias where it is during SGD, as Mazur's worked 2-2-2 example does.
    update_biases: bool = True

    def __post_init__(self) -> None:
        for setting in fields(self):
            holds, rule = RULES[setting.name]
            if not holds(getattr(self, setting.name)):
                raise SettingsError(setting.name, _said(rule))
