"""Why a file could not be read: a reason code and a message for the user."""

from __future__ import annotations

ReasonCode = str  # unreadable | not-a-disclosure | too-large | unsupported-format | encoding | corrupt | internal-error


class ReadError(Exception):
    """A file that cannot be turned into a Document; becomes that file's error record."""

    def __init__(self, code: ReasonCode, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
