"""CSV import: exact numbers from good files, a message naming the place for broken ones."""

import csv

import numpy as np
import pytest

from playground.model.csv_import import check_fits_network, dataset_from_csv, read_csv_table
from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.errors import DataError
from playground.model.network import Network
from playground.model.neuron import Neuron


def write(tmp_path, text: str, name: str = "data.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(path, **columns) -> str:
    with pytest.raises(DataError) as refused:
        if columns:
            dataset_from_csv(path, **columns)
        else:
            read_csv_table(path)
    return str(refused.value)


# ----------------------------------------------------------------- good files


def test_floats_written_by_the_csv_module_read_back_exactly(tmp_path):
    values = [
        [0.1, -2.5e-300, 1 / 3, 7.0],
        [123456789.123456789, -0.0, 5e-324, 1.7976931348623157e308],
        [2.0**-30, -1.0, 0.30000000000000004, 42.0],
    ]
    path = tmp_path / "round.csv"
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["x1", "x2", "x3", "t"])
        writer.writerows([[repr(v) for v in row] for row in values])
    table = read_csv_table(path)
    assert table.header == ["x1", "x2", "x3", "t"]
    assert table.rows.dtype == np.float64
    assert table.rows.tolist() == values
    assert np.signbit(table.rows[1, 1])  # -0.0 keeps its sign


def test_whitespace_semicolons_decimal_commas_bom_and_trailing_delimiters(tmp_path):
    path = tmp_path / "excel.csv"
    text = " a ; b ;\n 1,5 ; -2 ;\n\n3;4e1;\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    table = read_csv_table(path)
    assert table.header == ["a", "b"]
    assert table.rows.tolist() == [[1.5, -2.0], [3.0, 40.0]]


def test_tab_separated(tmp_path):
    table = read_csv_table(write(tmp_path, "u\tv\n1\t2\n"))
    assert table.header == ["u", "v"] and table.rows.tolist() == [[1.0, 2.0]]


def test_dataset_takes_the_chosen_columns_in_the_chosen_order(tmp_path):
    path = write(tmp_path, "a,b,c,d\n1,2,3,4\n5,6,7,8\n")
    data = dataset_from_csv(path, input_columns=["c", "a"], target_columns=["d"])
    assert data.train_x.tolist() == [[3.0, 1.0], [7.0, 5.0]]
    assert data.train_y.tolist() == [[4.0], [8.0]]
    assert data.test_x.shape == (0, 2) and data.test_y.shape == (0, 1)
    assert data.generator is None


def test_a_test_fraction_shuffles_with_the_seed_and_splits(tmp_path):
    lines = ["x,t"] + [f"{k},{10 * k}" for k in range(20)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    data = dataset_from_csv(path, ["x"], ["t"], test_fraction=0.25, seed=3)
    assert data.train_x.shape == (15, 1) and data.test_x.shape == (5, 1)
    # Every row lands in exactly one split, with its own target.
    together = np.vstack(
        [np.hstack([data.train_x, data.train_y]), np.hstack([data.test_x, data.test_y])]
    )
    assert sorted(together.tolist()) == [[float(k), 10.0 * k] for k in range(20)]
    again = dataset_from_csv(path, ["x"], ["t"], test_fraction=0.25, seed=3)
    other = dataset_from_csv(path, ["x"], ["t"], test_fraction=0.25, seed=4)
    assert again.same_as(data)
    assert not np.array_equal(other.test_x, data.test_x)


def test_a_test_fraction_that_leaves_nothing_to_train_on_is_refused(tmp_path):
    path = write(tmp_path, "x,t\n1,2\n3,4\n")
    message = refusal(path, input_columns=["x"], target_columns=["t"], test_fraction=0.9)
    assert "no rows for training" in message


@pytest.mark.parametrize("fraction", [-0.1, 1.0])
def test_a_test_fraction_outside_zero_to_one_is_refused(tmp_path, fraction):
    path = write(tmp_path, "x,t\n1,2\n")
    message = refusal(path, input_columns=["x"], target_columns=["t"], test_fraction=fraction)
    assert "test share" in message


# ----------------------------------------------------------------- broken files


def test_missing_file(tmp_path):
    message = refusal(tmp_path / "nowhere.csv")
    assert "nowhere.csv" in message and "no such file" in message


def test_a_folder(tmp_path):
    assert "is a folder" in refusal(tmp_path)


@pytest.mark.parametrize("text", ["", "  \n\n"])
def test_empty_file(tmp_path, text):
    assert "is empty" in refusal(write(tmp_path, text))


def test_header_only(tmp_path):
    assert "header but no rows of data" in refusal(write(tmp_path, "x1,x2,t\n"))


def test_ragged_row_counts_the_header_as_row_one(tmp_path):
    # Row 7 is the sixth data row; the blank row 4 still counts, as in a spreadsheet.
    text = "a,b,c,d\n1,2,3,4\n1,2,3,4\n\n1,2,3,4\n1,2,3,4\n1,2,3\n"
    assert refusal(write(tmp_path, text)).endswith("row 7 has 3 cells; the header has 4")


def test_too_many_cells(tmp_path):
    assert "row 3 has 3 cells; the header has 2" in refusal(write(tmp_path, "a,b\n1,2\n1,2,3\n"))


def test_non_numeric_cell(tmp_path):
    text = "x1,x2\n1,2\n1,2\n1,2\n1, abc \n"
    assert "row 5, column 'x2': 'abc' is not a number" in refusal(write(tmp_path, text))


def test_empty_cell(tmp_path):
    assert "row 2, column 'a' is empty" in refusal(write(tmp_path, "a,b\n ,2\n"))


@pytest.mark.parametrize("cell", ["nan", "inf", "-Infinity", "1e999"])
def test_non_finite_cells(tmp_path, cell):
    message = refusal(write(tmp_path, f"a,b\n1,{cell}\n"))
    assert f"row 2, column 'b': '{cell}' is not a finite number" in message


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("größe,t\n1,2\n".encode("latin-1"))
    message = refusal(path)
    assert "not UTF-8" in message and "byte 3" in message


def test_header_of_numbers_asks_for_a_header(tmp_path):
    message = refusal(write(tmp_path, "1,2\n3,4\n"))
    assert "should name the columns" in message and "x1, x2" in message


def test_header_naming_a_column_twice(tmp_path):
    message = refusal(write(tmp_path, "x,y,x\n1,2,3\n"))
    assert "two columns 'x' (columns 1 and 3)" in message


def test_header_with_an_unnamed_column(tmp_path):
    assert "column 2 of the header (row 1) has no name" in refusal(write(tmp_path, "a,,b\n1,2,3\n"))


def test_unterminated_quote(tmp_path):
    assert "not a readable CSV" in refusal(write(tmp_path, 'a,b\n1,"2\n'))


# ----------------------------------------------------------------- choosing columns


@pytest.fixture
def table_path(tmp_path):
    return write(tmp_path, "x1,x2,t\n1,2,3\n")


def test_unknown_column_lists_the_real_ones(table_path):
    message = refusal(table_path, input_columns=["x1", "x3"], target_columns=["t"])
    assert "no column 'x3'; its columns are x1, x2, t" in message


def test_a_column_chosen_twice(table_path):
    message = refusal(table_path, input_columns=["x1", "x1"], target_columns=["t"])
    assert "column 'x1' is chosen twice as an input" in message


def test_a_column_as_both_input_and_target(table_path):
    message = refusal(table_path, input_columns=["x1", "t"], target_columns=["t"])
    assert "column 't' is chosen as both an input and a target" in message


def test_no_input_columns(table_path):
    message = refusal(table_path, input_columns=[], target_columns=["t"])
    assert "at least one input column from x1, x2, t" in message


def test_no_target_columns(table_path):
    message = refusal(table_path, input_columns=["x1"], target_columns=[])
    assert "at least one target column" in message


# ----------------------------------------------------------------- fitting a network


def network_2_1() -> Network:
    network = Network()
    for neuron in (
        Neuron("i1", "input"),
        Neuron("i2", "input"),
        Neuron("o1", "output", "sigmoid", 0.0),
    ):
        network.add_neuron(neuron)
    return network


def test_matching_widths_fit(tmp_path):
    path = write(tmp_path, "a,b,t\n1,2,3\n")
    check_fits_network(dataset_from_csv(path, ["a", "b"], ["t"]), network_2_1())


def test_too_many_input_columns(tmp_path):
    data = dataset_from_csv(write(tmp_path, "a,b,c,t\n1,2,3,4\n"), ["a", "b", "c"], ["t"])
    with pytest.raises(DataError) as refused:
        check_fits_network(data, network_2_1())
    assert str(refused.value) == "the CSV gives 3 input columns but the network has 2 input neurons"


def test_too_many_target_columns(tmp_path):
    data = dataset_from_csv(write(tmp_path, "a,b,t,u\n1,2,3,4\n"), ["a", "b"], ["t", "u"])
    with pytest.raises(DataError) as refused:
        check_fits_network(data, network_2_1())
    assert (
        str(refused.value) == "the CSV gives 2 target columns but the network has 1 output neuron"
    )


def test_generated_data_is_named_by_its_generator():
    data = Dataset(np.zeros((3, 1)), np.zeros((3, 1)), generator=GeneratorSpec("sine"))
    with pytest.raises(DataError, match="the 'sine' data gives 1 input column but"):
        check_fits_network(data, network_2_1())
