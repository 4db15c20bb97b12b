"""The words of CSV import: its refusals in the user's language, and the column choice they judge.

Kept apart from the reader (`csv_import`) so that each file holds one idea; the rules
themselves (what a table may be) stay with the reader.
"""

from playground.model.errors import DataError
from playground.translation import QT_TRANSLATE_NOOP, translate

# How much of a cell or column name a message quotes.
QUOTED_CHARACTERS = 40
# Counted things, singular and plural, marked for lupdate; `counted` picks and translates one.
_COUNTED = {
    "input feature": (
        QT_TRANSLATE_NOOP("CsvImport", "{n} input feature"),
        QT_TRANSLATE_NOOP("CsvImport", "{n} input features"),
    ),
    "input neuron": (
        QT_TRANSLATE_NOOP("CsvImport", "{n} input neuron"),
        QT_TRANSLATE_NOOP("CsvImport", "{n} input neurons"),
    ),
    "output neuron": (
        QT_TRANSLATE_NOOP("CsvImport", "{n} output neuron"),
        QT_TRANSLATE_NOOP("CsvImport", "{n} output neurons"),
    ),
    "input column": (
        QT_TRANSLATE_NOOP("CsvImport", "{n} input column"),
        QT_TRANSLATE_NOOP("CsvImport", "{n} input columns"),
    ),
    "target column": (
        QT_TRANSLATE_NOOP("CsvImport", "{n} target column"),
        QT_TRANSLATE_NOOP("CsvImport", "{n} target columns"),
    ),
    "cell": (
        QT_TRANSLATE_NOOP("CsvImport", "{n} cell"),
        QT_TRANSLATE_NOOP("CsvImport", "{n} cells"),
    ),
}


def counted(n: int, thing: str) -> str:
    """ "3 cells" in the user's language."""
    singular, plural = _COUNTED[thing]
    return translate("CsvImport", singular if n == 1 else plural).format(n=n)


def share_refusal(test_fraction: float) -> str:
    return translate(
        "CsvImport", "the test share must be at least 0 and less than 1, not {value!r}"
    ).format(value=test_fraction)


def cannot_read(name: str, error: OSError) -> str:
    return translate("CsvImport", "{file} cannot be read: {why}").format(
        file=name, why=error.strerror or error
    )


def quoted(text: str) -> str:
    """A cell or column name for a message: in full when short, else its start and its length."""
    if len(text) <= QUOTED_CHARACTERS:
        return repr(text)
    return translate("CsvImport", "{start}… ({n} characters)").format(
        start=repr(text[:QUOTED_CHARACTERS]), n=f"{len(text):,}"
    )


def empty_message(name: str) -> str:
    return translate(
        "CsvImport",
        "{file} is empty; a CSV file needs a header row naming the columns "
        "and rows of numbers under it",
    ).format(file=name)


def column_indices(name: str, header: list[str], chosen: list[str], part: str) -> list[int]:
    if not chosen:
        choose = (
            translate("CsvImport", "choose at least one input column from {columns}")
            if part == "input"
            else translate("CsvImport", "choose at least one target column from {columns}")
        )
        raise DataError(choose.format(columns=column_list(header)))
    indices = []
    position = {title: k for k, title in reversed(list(enumerate(header)))}
    for title in chosen:
        if title not in position:
            raise DataError(
                translate(
                    "CsvImport", "{file} has no column {title}; its columns are {columns}"
                ).format(file=name, title=quoted(title), columns=column_list(header))
            )
        if position[title] in indices:
            twice = (
                translate("CsvImport", "column {title} is chosen twice as an input")
                if part == "input"
                else translate("CsvImport", "column {title} is chosen twice as a target")
            )
            raise DataError(twice.format(title=quoted(title)))
        indices.append(position[title])
    return indices


def column_list(header: list[str], shown: int = 10) -> str:
    names = [t if len(t) <= QUOTED_CHARACTERS else t[:QUOTED_CHARACTERS] + "…" for t in header]
    listed = ", ".join(names[:shown])
    if len(header) <= shown:
        return listed
    return translate("CsvImport", "{listed} and {n} more").format(
        listed=listed, n=f"{len(header) - shown:,}"
    )
