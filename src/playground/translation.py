"""The words of the app in the user's language, for code that must not import Qt.

The model, the engine and the command line mark their words with
`QT_TRANSLATE_NOOP("Context", "text")` (pyside6-lupdate extracts them into the
same Qt Linguist file as the app's `tr()` calls) and say them with
`translate("Context", "text")`. Without Qt, `translate` reads the shipped
`.ts` file itself; in the app, `gui/i18n.py` sets the same language here, so a
word looks the same whichever layer says it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree

ENGLISH = "en"
TRADITIONAL_CHINESE = "zh_TW"
# The languages the app speaks; English is the source text, so it needs no file.
LANGUAGES = (ENGLISH, TRADITIONAL_CHINESE)

_language = ENGLISH
# Language code -> {(context, source): translation}, read once on first use.
_catalogues: dict[str, dict[tuple[str, str], str]] = {}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation under `context`; returns it unchanged."""
    return text


def set_language(code: str) -> None:
    """Speak `code` ("en" or "zh_TW") from now on."""
    global _language
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: choose one of {', '.join(LANGUAGES)}")
    _language = code


def current_language() -> str:
    """The language `translate` answers in."""
    return _language


def translate(context: str, text: str) -> str:
    """`text` in the current language; the English text itself when there is no translation."""
    if _language == ENGLISH:
        return text
    return _catalogue(_language).get((context, text)) or text


def language_of_locale(name: str) -> str:
    """Our language for a locale name such as "zh_TW.UTF-8", "zh-Hant-HK" or "de_DE"."""
    name = name.replace("-", "_")
    traditional = ("zh_TW", "zh_HK", "zh_MO", "zh_Hant")
    return TRADITIONAL_CHINESE if name.startswith(traditional) else ENGLISH


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language POSIX locale variables ask for: LC_ALL, then LC_MESSAGES, then LANG."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:  # the first one set decides, as it does for every POSIX program
            return language_of_locale(value)
    return ENGLISH


def translations_folder() -> Path:
    """`playground/resources/translations/`, wherever the package is installed."""
    return Path(str(resources.files("playground"))) / "resources" / "translations"


def translation_file(code: str) -> Path:
    """The Qt Linguist source of language `code` (shipped beside its compiled .qm)."""
    return translations_folder() / f"playground_{code}.ts"


def read_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """Every finished translation of a .ts file, by (context, source text)."""
    catalogue: dict[tuple[str, str], str] = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type"):
                continue  # unfinished, obsolete and vanished entries say nothing yet
            if translation.text:
                catalogue[(name, source)] = translation.text
    return catalogue


def _catalogue(code: str) -> dict[tuple[str, str], str]:
    if code not in _catalogues:
        path = translation_file(code)
        # A missing file (a broken install) leaves the words in English rather than failing.
        _catalogues[code] = read_catalogue(path) if path.is_file() else {}
    return _catalogues[code]
