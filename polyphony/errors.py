"""Errors a user can act on: printed as one clear message, never a traceback."""

from __future__ import annotations


class PolyphonyError(Exception):
    """A problem with the user's input or environment, with a message that says what to fix."""

    exit_code = 1


class UsageError(PolyphonyError):
    """The command was called wrongly."""

    exit_code = 2
