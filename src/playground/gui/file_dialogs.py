"""Where a file dialog starts, and a file name made from a network's name that every OS accepts.

A dialog starts in the open file's own folder, else in the last folder the user chose a file
in (remembered across runs), else in the user's documents folder: never in whatever folder
the app happened to be started from.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

LAST_FOLDER_KEY = "files/last_folder"
# Characters Windows forbids in a name (macOS and Linux forbid only "/"), and control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# Names Windows reserves for devices, whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))} | {
    f"LPT{n}" for n in range(1, 10)
}
MAX_STEM = 120
FALLBACK_STEM = "network"


def safe_file_stem(name: str) -> str:
    """`name` as a file name without extension that Windows, macOS and Linux all accept.

    Forbidden characters become spaces (runs of spaces shrink to one); no leading or
    trailing dots or spaces; never empty or a reserved device name.
    """
    text = unicodedata.normalize("NFC", name)
    text = " ".join(_FORBIDDEN.sub(" ", text).split())
    text = text[:MAX_STEM].strip(" .")
    if not text:
        return FALLBACK_STEM
    first = text.split(".")[0]
    if first.strip().upper() in _RESERVED:
        # Windows takes "NUL.backup" for its device too: change the part before the dot.
        text = f"{first}_{text[len(first) :]}"
    return text


def last_folder() -> Path | None:
    """The folder a file was last chosen in, if it still exists."""
    value = QSettings().value(LAST_FOLDER_KEY, "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return None


def remember_folder(chosen: str | Path) -> None:
    """Remember the folder of a file the user chose, for the next dialog."""
    folder = Path(chosen).parent
    if str(folder):
        QSettings().setValue(LAST_FOLDER_KEY, str(folder.resolve()))


def documents_folder() -> Path:
    """The user's documents folder, else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def start_folder(file_path: Path | None) -> Path:
    """The folder a dialog opens in: the file's own, else the last one used, else documents."""
    if file_path is not None and file_path.parent.is_dir():
        return file_path.parent
    return last_folder() or documents_folder()


def start_path(file_path: Path | None, name: str, suffix: str) -> str:
    """What a save dialog suggests: the file's own name if it has one, else the safe `name`."""
    stem = file_path.stem if file_path is not None else safe_file_stem(name)
    return str(start_folder(file_path) / f"{stem}.{suffix}")
