"""Broken or hostile network files and save targets: refused with a message, never a hang,
a traceback or a file replaced that the user did not name."""

import json
import os
import stat
import threading

import pytest

from playground.model import network_file
from playground.model.errors import NetworkFileError
from playground.model.examples import example_path
from playground.model.network_file import load_network, save_network

EXAMPLE = example_path("two_two_two")


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def refusal(tmp_path, text: str) -> str:
    path = tmp_path / "net.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NetworkFileError) as caught:
        load_network(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    return message[len(f"{path}: ") :]


# ----------------------------------------------------------------- not a regular file


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "net.json"
    os.mkfifo(pipe)
    outcome: list[BaseException | None] = []

    def load() -> None:
        try:
            load_network(pipe)
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - recorded for the main thread
            outcome.append(error)

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():
        # Let the blocked reader go (a writer that closes at once), then fail.
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(5)
        pytest.fail("load_network waited for a writer on a named pipe")
    assert isinstance(outcome[0], NetworkFileError)
    assert str(outcome[0]) == f"{pipe}: this is a named pipe (FIFO), not a network file"


def test_a_device_is_refused():
    with pytest.raises(NetworkFileError) as caught:
        load_network(os.devnull)
    assert str(caught.value) == f"{os.devnull}: this is a device, not a network file"


# ----------------------------------------------------------------- nesting


@pytest.mark.parametrize("depth", [150, 500, 990])
def test_an_unknown_field_nested_deeply_is_refused_with_a_message(tmp_path, depth):
    document = json.loads(example_text())
    text = json.dumps(document)[:-1] + ', "notes": ' + "[" * depth + "]" * depth + "}"
    message = refusal(tmp_path, text)
    # Past Python's own limit the JSON reader stops first, before the field is known.
    assert message.startswith("notes: nested too deeply") or depth > 900
    assert "nested too deeply" in message


def test_nesting_within_the_limit_loads_and_saves(tmp_path):
    document = json.loads(example_text())
    depth = network_file.MAX_NESTING - 1  # the document itself is one level
    document["notes"] = json.loads("[" * depth + "]" * depth)
    path = tmp_path / "net.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    network = load_network(path)
    save_network(network, tmp_path / "again.json")
    assert load_network(tmp_path / "again.json").extra["notes"] == document["notes"]


def test_any_depth_in_a_known_field_is_a_message_not_a_traceback(tmp_path):
    for depth in (500, 5000, 100_000):
        nested = "[" * depth + "]" * depth
        text = example_text().replace('"name": ', f'"name": {nested}, "zz": ', 1)
        assert refusal(tmp_path, text)


# ----------------------------------------------------------------- lone surrogates


@pytest.mark.parametrize(
    "old, new, place",
    [
        ('"name": "2-2-2 sigmoid example"', '"name": "\\ud800"', "name"),
        ('"id": "h1"', '"id": "h\\udc00"', "neurons[2].id"),
        ('"format"', '"notes": [1, {"a": ["ok", "x\\uDBFF"]}], "format"', "notes[1].a[1]"),
    ],
)
def test_half_a_surrogate_pair_is_refused_where_it_is(tmp_path, old, new, place):
    text = example_text()
    assert old in text
    message = refusal(tmp_path, text.replace(old, new, 1))
    assert message.startswith(f"{place}: the text ")
    assert "surrogate" in message


def test_half_a_surrogate_pair_in_a_field_name_is_refused(tmp_path):
    text = example_text().replace('"format"', '"\\ud800": 1, "format"', 1)
    message = refusal(tmp_path, text)
    assert message.startswith('top level: the field name "\\ud800" holds half')


def test_whole_pairs_and_a_written_backslash_u_are_fine(tmp_path):
    text = example_text().replace(
        '"name": "2-2-2 sigmoid example"', '"name": "smile \\ud83d\\ude00 \\\\ud800"', 1
    )
    path = tmp_path / "net.json"
    path.write_text(text, encoding="utf-8")
    network = load_network(path)
    assert network.name == "smile \U0001f600 \\ud800"
    save_network(network, tmp_path / "again.json")
    assert load_network(tmp_path / "again.json").name == network.name


# ----------------------------------------------------------------- duplicate keys


def test_a_duplicate_top_level_field_is_refused_by_name(tmp_path):
    text = example_text().replace('"format"', '"loss": "squared_error", "format"', 1)
    message = refusal(tmp_path, text)
    assert (
        message
        == 'top level: the field "loss" appears more than once; each field may appear only once'
    )


def test_a_duplicate_field_in_a_neuron_is_refused_at_its_place(tmp_path):
    text = example_text().replace('"id": "h1"', '"id": "h1", "id": "h9"', 1)
    assert refusal(tmp_path, text).startswith('neurons[2]: the field "id" appears more than once')


# ----------------------------------------------------------------- save targets


def _network():
    return load_network(EXAMPLE)


def test_saving_over_a_named_pipe_is_refused_and_the_pipe_kept(tmp_path):
    pipe = tmp_path / "net.json"
    os.mkfifo(pipe)
    with pytest.raises(NetworkFileError) as caught:
        save_network(_network(), pipe)
    assert str(caught.value) == (
        f"{pipe}: cannot save: this is a named pipe (FIFO), not a file that can be replaced"
    )
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert os.listdir(tmp_path) == ["net.json"]


def test_saving_over_a_read_only_file_is_refused(tmp_path):
    path = tmp_path / "net.json"
    path.write_text("kept")
    path.chmod(0o444)
    with pytest.raises(NetworkFileError) as caught:
        save_network(_network(), path)
    assert str(caught.value) == f"{path}: cannot save: the file is read-only"
    assert path.read_text() == "kept"


def test_a_name_ending_in_a_slash_never_saves_over_the_file_without_it(tmp_path):
    path = tmp_path / "net.json"
    path.write_text("kept")
    with pytest.raises(NetworkFileError) as caught:
        save_network(_network(), f"{path}/")
    assert "ends in a slash" in str(caught.value)
    assert path.read_text() == "kept"


def test_an_empty_name_is_refused():
    with pytest.raises(NetworkFileError, match=r"^: cannot save: no file name was given$"):
        save_network(_network(), "")


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "net.json"
    path.write_text("kept")

    def full(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(network_file.os, "fsync", full)
    with pytest.raises(NetworkFileError) as caught:
        save_network(_network(), path)
    assert str(caught.value) == f"{path}: cannot save: no space left on device"
    assert path.read_text() == "kept"
    assert os.listdir(tmp_path) == ["net.json"]


def test_staged_bytes_appear_only_on_commit(tmp_path):
    path = tmp_path / "loss.png"
    path.write_bytes(b"old")
    staged = network_file.stage_bytes(path, b"new")
    assert path.read_bytes() == b"old"
    staged.commit()
    assert path.read_bytes() == b"new"
    network_file.stage_bytes(path, b"newer").discard()
    assert path.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["loss.png"]
