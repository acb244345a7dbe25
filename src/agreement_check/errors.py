"""Errors that end the checking of one input file with a clear one-line message."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be checked: shown as one line, exit status 2, never a traceback.

    ``code`` is stable and machine-readable (it appears in the JSON ``error`` object);
    ``message`` says what is wrong in plain words, without the path (the caller adds it).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class UsageError(Exception):
    """Bad command-line usage or configuration: exit status 2."""


def internal_error(exc: Exception, doing: str) -> InputError:
    """A bug met while ``doing`` something to one file, as that file's error: a bug must
    cost one file, never a batch, and the user sees what to report."""
    message = f"internal error while {doing} this file ({type(exc).__name__}: {exc}); please report it"
    return InputError("internal-error", message)
