"""A network's name and description: the model's rule for names, undoable setters, the file."""

import json
import struct
import zlib

import pytest

from playground.model.errors import NetworkEditError, NetworkFileError
from playground.model.examples import example_path
from playground.model.network import MAX_NAME_LENGTH, UNTITLED, Network, name_refusal
from playground.model.network_file import load_network, save_network


def png_bytes() -> bytes:
    """A real 1×1 PNG, written chunk by chunk as the PNG specification lays it out."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "name, words",
    [
        ("", "may not be empty"),
        ("   ", "may not be empty"),
        ("two\nlines", "one line"),
        ("tab\there", "control characters"),
        ("x" * (MAX_NAME_LENGTH + 1), f"at most {MAX_NAME_LENGTH}"),
    ],
)
def test_a_name_the_model_refuses_says_why(name, words):
    reason = name_refusal(name)
    assert reason is not None and words in reason
    network = Network(name="before")
    with pytest.raises(NetworkEditError, match=words):
        network.set_name(name)
    assert network.name == "before"


@pytest.mark.parametrize("name", ["mine", "XOR: 2-2-1", "x" * MAX_NAME_LENGTH, "café ✓"])
def test_a_good_name_is_taken(name):
    assert name_refusal(name) is None
    network = Network(name="before")
    assert network.set_name(name) == "before"
    assert network.name == name


def test_untitled_means_no_name_of_its_own():
    assert Network(name=UNTITLED).is_untitled
    assert Network(name=None).is_untitled
    assert Network(name="  ").is_untitled
    assert not Network(name="mine").is_untitled


def test_setting_a_description_returns_what_undo_needs():
    network = Network(name="n", extra={"description": {"by": "another writer"}})
    assert network.description == ""  # not text: not shown as a description
    old = network.set_description("Mine now")
    assert network.description == "Mine now"
    network.set_description(old)
    assert network.extra == {"description": {"by": "another writer"}}
    assert network.set_description("") is not None
    assert "description" not in network.extra


def test_a_description_is_a_top_level_field_of_the_file(tmp_path):
    network = load_network(example_path("two_two_two"))
    network.set_description("Numbers from Mazur's worked example.")
    path = tmp_path / "described.json"
    save_network(network, path)
    assert json.loads(path.read_text())["description"] == "Numbers from Mazur's worked example."
    assert load_network(path).description == "Numbers from Mazur's worked example."
    assert load_network(path) == network


@pytest.mark.parametrize(
    "content, kind",
    [
        (png_bytes(), "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive (or a document packed as one)"),
        (bytes(range(256)), "a binary file"),
        (b'{"name": "\x00"}', "a binary file"),
        ("{}".encode("utf-16"), "a binary file"),
    ],
)
def test_a_file_that_is_not_text_is_not_a_network_file(tmp_path, content, kind):
    path = tmp_path / "picked.json"
    path.write_bytes(content)
    with pytest.raises(NetworkFileError) as caught:
        load_network(path)
    message = str(caught.value)
    assert message == f"{path}: this is {kind}, not a network file (a network file is JSON text)"


def test_text_in_another_encoding_still_gets_its_line_and_column(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"format": "nn-playground",\n "name": "caf\xe9"}')
    with pytest.raises(NetworkFileError, match="line 2, column 14: the file is not UTF-8 text"):
        load_network(path)
