"""Errors a user can cause, each with a message written for that user."""


class PlaygroundError(Exception):
    """Base of every error the app shows to the user instead of a traceback."""


class NetworkEditError(PlaygroundError):
    """An edit that would break the rules of a network (a cycle, a duplicate, ...)."""


class NetworkFileError(PlaygroundError):
    """A network file that cannot be read or written; the message names the file and the place."""


class DataError(PlaygroundError):
    """Data that does not fit: a broken CSV, rows of the wrong width, an unknown generator."""


class TrainingDiverged(PlaygroundError):
    """The loss became NaN or infinite during training."""


class ExportError(PlaygroundError):
    """A network that cannot be exported, a model that cannot be imported, or a missing extra."""
