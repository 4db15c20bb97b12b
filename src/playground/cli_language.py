"""The language a headless command speaks: the locale's (LC_ALL, LC_MESSAGES, LANG), for one run."""

from collections.abc import Iterator
from contextlib import contextmanager

from playground.translation import current_language, language_from_environment, set_language


@contextmanager
def users_language(chosen: str | None = None) -> Iterator[None]:
    """Speak `chosen` (else the locale's language) inside; the language is put back after.

    The language is the process's, so a caller that runs several commands (the tests) gets
    its own back. Messages built inside, errors included, are in the user's language.
    """
    previous = current_language()
    set_language(chosen or language_from_environment())
    try:
        yield
    finally:
        set_language(previous)
