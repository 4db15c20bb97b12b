"""A small zh_TW catalogue written as a Qt Linguist file, for tests of headless words.

The shipped .ts is filled from every part of the app at once; these tests need only a
few entries, and must not change when another part's wording does.
"""

from pathlib import Path
from xml.sax.saxutils import escape

from playground import translation


def speak_zh_tw(monkeypatch, folder: Path, entries: list[tuple[str, str, str]]) -> None:
    """From now on (until monkeypatch undoes it) `translate` answers in zh_TW from `entries`."""
    contexts: dict[str, list[tuple[str, str]]] = {}
    for context, source, text in entries:
        contexts.setdefault(context, []).append((source, text))
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<TS version="2.1" language="zh_TW">']
    for context, messages in contexts.items():
        parts.append(f"<context><name>{escape(context)}</name>")
        parts += [
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
            for s, t in messages
        ]
        parts.append("</context>")
    parts.append("</TS>")
    path = folder / "playground_zh_TW.ts"
    path.write_text("\n".join(parts), encoding="utf-8")
    monkeypatch.setattr(translation, "translation_file", lambda code: path)
    monkeypatch.setattr(translation, "_catalogues", {})
    monkeypatch.setattr(translation, "_language", translation.TRADITIONAL_CHINESE)
