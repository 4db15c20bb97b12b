"""The translation files: up to date with the source, complete, and what the command line says."""

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from playground import translation
from playground.cli import main
from playground.model.examples import example_path

REPOSITORY = Path(__file__).resolve().parents[1]
LANGUAGES = [code for code in translation.LANGUAGES if code != translation.ENGLISH]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# A number as the trace writes one: a true minus sign, decimals, ×10ⁿ.
NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")
HAN = re.compile(r"[\u4e00-\u9fff]")


def _tool():
    """tools/update_translations.py, the one script that makes the .ts and .qm files."""
    path = REPOSITORY / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> set[tuple[str, str]]:
    from xml.etree import ElementTree

    root = ElementTree.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture(autouse=True)
def english_afterwards():
    """The language is the process's: leave it as the other tests expect it."""
    yield
    translation.set_language(translation.ENGLISH)


# ------------------------------------------------------------ the files


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_qm_is_compiled_from_the_shipped_ts(language, tmp_path):
    tool = _tool()
    ts = translation.translation_file(language)
    shipped = ts.with_suffix(".qm")
    assert shipped.is_file(), f"{shipped.name} is missing: run tools/update_translations.py"
    fresh = tmp_path / shipped.name
    tool.lrelease(ts, fresh)
    # Bytes, not modification times: a clone or a wheel does not keep those.
    assert fresh.read_bytes() == shipped.read_bytes(), (
        f"{shipped.name} is older than {ts.name}: run tools/update_translations.py"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_lupdate_finds_no_string_the_ts_lacks(language, tmp_path):
    tool = _tool()
    shipped = translation.translation_file(language)
    copy = tmp_path / shipped.name
    shutil.copyfile(shipped, copy)
    tool.lupdate(copy, language)
    added = sorted(_messages(copy) - _messages(shipped))
    assert not added, f"run tools/update_translations.py: {len(added)} new string(s), {added[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    missing = _tool().unfinished(translation.translation_file(language))
    assert not missing, f"{len(missing)} untranslated, such as {missing[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_accelerators(language):
    catalogue = translation.read_catalogue(translation.translation_file(language))
    assert catalogue, "no finished translation at all"
    for (context, source), text in catalogue.items():
        where = f"{context}: {source!r} → {text!r}"
        # .format() fails, or shows the wrong value, when a placeholder is renamed or lost.
        # A conversion may change with the language ({text!r} in English, 「{text}」 in Chinese).
        fields = lambda s: sorted(re.sub(r"![rsa]", "", p) for p in PLACEHOLDER.findall(s))
        assert fields(text) == fields(source), where
        if re.search(r"&[^&\s]", source.replace("&&", "")):
            assert re.search(r"&[^&\s]", text.replace("&&", "")), f"lost its accelerator: {where}"


def test_a_finished_translation_is_found_and_an_unknown_string_stays_english():
    catalogue = translation.read_catalogue(translation.translation_file("zh_TW"))
    (context, source), text = next(iter(catalogue.items()))
    translation.set_language("zh_TW")
    assert translation.translate(context, source) == text
    assert translation.translate(context, "no such string, surely") == "no such string, surely"
    translation.set_language("en")
    assert translation.translate(context, source) == source


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(ValueError, match="'fr'"):
        translation.set_language("fr")


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"LANG": "zh_TW.UTF-8"}, "zh_TW"),
        ({"LANG": "zh_HK.UTF-8"}, "zh_TW"),
        ({"LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "zh_TW.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh_TW"),
        ({}, "en"),
    ],
)
def test_the_locale_variables_choose_the_language_as_posix_orders_them(environment, language):
    assert translation.language_from_environment(environment) == language


# ------------------------------------------------------------ playground trace


def _run(capsys, *args: str) -> str:
    assert main(["trace", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def english_locale(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.mark.parametrize(
    "choice", [["--sample", "2"], ["--samples", "0:3"], ["--x", "1,0", "--sample", "1"]]
)
def test_trace_speaks_chinese_with_the_same_numbers(capsys, english_locale, choice):
    file = str(example_path("xor"))
    english = _run(capsys, file, *choice)
    chinese = _run(capsys, file, *choice, "--lang", "zh_TW")
    assert not HAN.search(english)
    assert HAN.search(chinese.splitlines()[0]), chinese.splitlines()[0]
    # Word order may change between languages; the numbers written may not.
    assert sorted(NUMBER.findall(chinese)) == sorted(NUMBER.findall(english))
    assert translation.current_language() == "en"  # the command leaves it as it found it


def test_trace_follows_a_zh_tw_locale_unless_told_english(capsys, english_locale, monkeypatch):
    file = str(example_path("two_two_two"))
    chosen = _run(capsys, file, "--lang", "zh_TW")
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    assert _run(capsys, file) == chosen
    assert not HAN.search(_run(capsys, file, "--lang", "en"))


@pytest.mark.parametrize("choice", [["--sample", "1"], ["--samples", "0,2"]])
def test_trace_json_is_the_same_in_every_language(capsys, english_locale, monkeypatch, choice):
    file = str(example_path("xor"))
    plain = _run(capsys, file, *choice, "--json")
    assert _run(capsys, file, *choice, "--json", "--lang", "zh_TW") == plain
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    assert _run(capsys, file, *choice, "--json") == plain
    json.loads(plain)


def test_trace_refuses_an_unknown_language(capsys):
    assert main(["trace", str(example_path("xor")), "--lang", "fr"]) == 2
    assert "--lang" in capsys.readouterr().err


# ------------------------------------------------------------ tools/update_translations.py --fill


def test_fill_sets_translations_from_tsv_and_marks_them_finished(tmp_path):
    tool = _tool()
    ts = tmp_path / "playground_zh_TW.ts"
    ts.write_text(
        tool.XML_HEADER
        + '<TS version="2.1" language="zh_TW"><context><name>Ctx</name>'
        + "<message><source>Two\tlines\nhere</source>"
        + '<translation type="unfinished"></translation></message>'
        + '<message><source>Other</source><translation type="unfinished"/></message>'
        + "</context></TS>",
        encoding="utf-8",
    )
    tsv = tmp_path / "words.tsv"
    tsv.write_text(
        "Ctx\tTwo\\tlines\\nhere\t兩\\t行\\n在此\nCtx\tNot in the code\t無\n", encoding="utf-8"
    )
    filled, unknown = tool.fill(ts, tool.read_tsv(tsv))
    assert (filled, unknown) == (1, [("Ctx", "Not in the code")])
    assert translation.read_catalogue(ts) == {("Ctx", "Two\tlines\nhere"): "兩\t行\n在此"}
    assert tool.unfinished(ts) == [("Ctx", "Other")]
