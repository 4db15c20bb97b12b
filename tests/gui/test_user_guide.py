"""The user guide: its copy in docs/ is current, its pictures ship and are all used, and every
shortcut and menu it names is one the app has."""

import importlib.util
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence

from playground.model.examples import resources_folder

REPOSITORY = Path(__file__).resolve().parents[2]
SCRIPT = REPOSITORY / "tools" / "make_pictures.py"
INSTALLED_GUIDE = resources_folder() / "guide"

# A bold or code span that names a key: modifiers, then one key. Words such as **Back** or
# **Help** are buttons and menus here, though Qt also knows them as media keys.
KEY = re.compile(
    r"(?:(?:Ctrl|Shift|Alt|Meta)\+)*"
    r"(?:F\d{1,2}|[A-Z0-9=+\-]|Home|End|Left|Right|Up|Down|Page Up|Page Down|PgUp|PgDown"
    r"|Esc|Delete|Del|Backspace|Space|Tab|Enter|Return|Insert)"
)
# Keys the guide may name that no action holds, because a widget handles them itself.
NOT_ACTIONS = {
    # The canvas pans while Space is held and dragged; a tap steps the backward pass
    # (tests/gui/backward/test_stepping.py checks both).
    "Space",
}


@pytest.fixture(scope="module")
def make_pictures():
    """tools/make_pictures.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_pictures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def guide() -> str:
    return (INSTALLED_GUIDE / "user-guide.md").read_text(encoding="utf-8")


def _images(text: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)


def test_the_docs_copy_is_made_from_the_guide_in_the_package(make_pictures):
    source = make_pictures.GUIDE_TEXT.read_text(encoding="utf-8")
    made = make_pictures.docs_copy(source)
    docs = (REPOSITORY / "docs" / "user-guide.md").read_text(encoding="utf-8")
    assert docs == made, "docs/user-guide.md is stale: run python tools/make_pictures.py"
    assert made.splitlines()[0].startswith("<!-- Made by tools/make_pictures.py")
    assert _images(made) == [
        f"../src/playground/resources/guide/{image}" for image in _images(source)
    ]
    for image in _images(made):
        assert (REPOSITORY / "docs" / image).resolve().is_file(), image


def test_every_picture_the_guide_shows_is_installed_and_every_picture_is_shown(guide):
    linked = _images(guide)
    assert len(linked) >= 5
    for image in linked:
        assert image.startswith("images/") and image.endswith(".png"), image
        assert (INSTALLED_GUIDE / image).is_file(), f"{image} is not in the installed package"
    folders = {INSTALLED_GUIDE / "images", REPOSITORY / "src/playground/resources/guide/images"}
    pictures = {f"images/{p.name}" for folder in folders for p in folder.glob("*.png")}
    assert not pictures - set(linked), "pictures the guide never shows"
    for folder in folders:
        for picture in folder.glob("*.png"):
            assert picture.stat().st_size < 400_000, f"{picture.name} is large for the wheel"


def test_every_shortcut_the_guide_names_is_a_shortcut_of_the_app(guide, window):
    shortcuts = {
        key.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
    }
    spans = [bold or code for bold, code in re.findall(r"\*\*(.+?)\*\*|`([^`\n]+)`", guide)]
    named = {span for span in spans if KEY.fullmatch(span)}
    assert {"Ctrl+B", "Ctrl+T", "F5", "V", "N", "C"} <= named  # the test sees the keys
    for span in sorted(named - NOT_ACTIONS):
        key = QKeySequence(span).toString(QKeySequence.SequenceFormat.PortableText)
        assert key in shortcuts, f"the guide names {span}, which no action of the app has"


def _menu_items(menu) -> dict[str, QAction]:
    """A menu's entries by their text, without the & of the mnemonic."""
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def test_every_menu_path_the_guide_names_is_in_the_menu_bar(guide, window):
    bar = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    text = re.sub(r"\s+", " ", guide)
    checked, end = [], 0
    for match in re.finditer(r"(\w+) ▸ ", text):
        if match.start() < end:
            continue  # a submenu of the path just read
        top = match.group(1)
        assert top in bar, f"the guide names a menu {top!r} that the menu bar lacks"
        menu, rest, path = bar[top], text[match.end() :], [top]
        while True:
            items = _menu_items(menu)
            # The longest entry the words begin with, where the name ends: not followed by
            # another capitalised word, as of a longer name the menu does not have.
            name = max(
                (
                    n
                    for n in items
                    if rest.startswith(n) and not re.match(r" [A-Z]", rest[len(n) :])
                ),
                key=len,
                default=None,
            )
            assert name is not None, f"{' ▸ '.join(path)} has no entry {rest[:40]!r}…"
            path.append(name)
            rest = rest[len(name) :]
            submenu = items[name].menu()
            if not (rest.startswith(" ▸ ") and submenu is not None):
                break
            menu, rest = submenu, rest[3:]
        end = len(text) - len(rest)
        checked.append(" ▸ ".join(path))
    assert len(checked) >= 10, checked
