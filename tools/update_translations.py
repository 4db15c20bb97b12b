"""Bring the translations up to date with the source, in one command.

    python tools/update_translations.py [--fill WORDS.tsv ...]

1. `pyside6-lupdate` reads every .py file under src/playground (the `tr()`,
   `QCoreApplication.translate()` and `QT_TRANSLATE_NOOP()` calls) into
   src/playground/resources/translations/playground_<lang>.ts, keeping every
   translation already there and dropping strings the code no longer has.
2. `--fill` sets translations from tab-separated files (context, English source
   exactly as in the code, translation; a tab or newline inside a string written
   as \\t and \\n), and marks them finished.
3. `pyside6-lrelease` compiles each .ts into the .qm the app loads.

Adding a language is adding its code to LANGUAGES (and to playground.translation).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

REPOSITORY = Path(__file__).resolve().parents[1]
PACKAGE = REPOSITORY / "src" / "playground"
TRANSLATIONS = PACKAGE / "resources" / "translations"
LANGUAGES = ("zh_TW",)
XML_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def qt_tool(name: str) -> str:
    """The PySide6 tool `name` installed beside this Python (pyside6-lupdate, ...)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name  # on PATH, or a clear "not found" from subprocess


def source_files() -> list[str]:
    """Every Python file of the package, in a fixed order."""
    return sorted(str(path) for path in PACKAGE.rglob("*.py"))


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"playground_{language}.ts"


def lupdate(ts: Path, language: str) -> None:
    """Extract the source's strings into `ts`, keeping its translations."""
    # No line numbers: a moved line then changes nothing, and parallel branches merge cleanly.
    subprocess.run(
        [qt_tool("pyside6-lupdate"), *source_files(), "-ts", str(ts), "-no-obsolete"]
        + ["-locations", "none", "-target-language", language, "-silent"],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    """Compile `ts` into `qm`."""
    subprocess.run(
        [qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
    )


def unescape(field: str) -> str:
    """A TSV field's text: \\t, \\n and \\\\ back to a tab, a newline and a backslash."""
    out, chars = [], iter(field)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(following, "\\" + following))
        else:
            out.append(char)
    return "".join(out)


def read_tsv(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, from one TSV file; complains about malformed lines."""
    words: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            print(f"{path}:{number}: expected 3 tab-separated fields, found {len(fields)}")
            continue
        context, source, translation = (unescape(f) for f in fields)
        if translation.strip():
            words[(context, source)] = translation
    return words


def fill(ts: Path, words: dict[tuple[str, str], str]) -> tuple[int, list[tuple[str, str]]]:
    """Set the translations of `words` in `ts`; returns how many were set, and the unknown ones."""
    tree = ElementTree.parse(ts)
    used: set[tuple[str, str]] = set()
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            translation = message.find("translation")
            if key not in words or translation is None:
                continue
            used.add(key)
            if translation.text != words[key] or translation.get("type"):
                translation.text = words[key]
                translation.attrib.pop("type", None)
                filled += 1
    text = ElementTree.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(XML_HEADER + text + "\n", encoding="utf-8")
    return filled, sorted(set(words) - used)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message of `ts` still without a finished translation."""
    root = ElementTree.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation") is None
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--fill", nargs="+", default=[], metavar="TSV", help="translations to set, as TSV files"
    )
    args = parser.parse_args(argv)
    words: dict[tuple[str, str], str] = {}
    for path in args.fill:
        words.update(read_tsv(Path(path)))
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_file(language)
        lupdate(ts, language)
        if words:
            filled, unknown = fill(ts, words)
            print(f"{ts.name}: set {filled} translation(s) from {len(args.fill)} file(s)")
            for context, source in unknown:
                print(f"  not in the source (check context and text): {context}\t{source!r}")
            # One more pass so the file is written exactly as lupdate writes it.
            lupdate(ts, language)
        lrelease(ts, ts.with_suffix(".qm"))
        missing = unfinished(ts)
        print(f"{ts.name}: {len(missing)} string(s) still untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
