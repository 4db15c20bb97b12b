"""A neuron's role ("hidden") as a word of the user's language; the model keeps the id."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Marked here, translated when asked: the language can change after this module is imported.
ROLE_WORDS = {
    "input": QT_TRANSLATE_NOOP("RoleWords", "input"),
    "hidden": QT_TRANSLATE_NOOP("RoleWords", "hidden"),
    "output": QT_TRANSLATE_NOOP("RoleWords", "output"),
}


def role_word(role: str) -> str:
    """The role's word in the user's language; an unknown role is shown as its id."""
    word = ROLE_WORDS.get(role)
    return QCoreApplication.translate("RoleWords", word) if word else role
