"""Every exception eventwire raises or reports, in one place.

::

    EventwireError                      base of everything below
    ├── LocatedError                    about one input (.origin, .message, .severity, .code)
    ├── InputError(LocatedError)        a file or record that cannot be read
    │   ├── InputNotFoundError          the path does not exist
    │   ├── UnsupportedInputError       a file type eventwire does not read
    │   ├── EmptyInputError             an empty file, folder or record text
    │   ├── BinaryInputError            not text at all (NUL bytes, control bytes)
    │   ├── EncodingError               text in no encoding that can be read with confidence
    │   ├── MalformedRecordError        bad JSON, missing id/text, wrong type, bad date,
    │   │                               CSV without a text column, record too large
    │   └── MissingDateWarning          a *warning*: the article is kept, its date is None
    ├── ExtractionError(LocatedError)   an article the pipeline could not process
    └── ConfigError                     a bad option given by the user (CLI, API)

Input problems are usually not raised but *reported*: the readers hand them to a callback
and carry on with the next record. Each carries ``severity`` ("error": the record or file
was skipped; "warning": it was kept) and ``code``, a stable short name for machine
consumers. ``str(problem)`` is ``"origin: message"``, where origin is ``"path"`` or
``"path:line"``, and every message ends by saying what to do about it.
"""

from __future__ import annotations

from typing import Literal

Severity = Literal["error", "warning"]


class EventwireError(Exception):
    """Base class of all eventwire errors."""


class LocatedError(EventwireError):
    """An error about one input; ``origin`` says where ("file", "file:line" or an article id)."""

    severity: Severity = "error"
    code = "located"

    def __init__(self, origin: str, message: str) -> None:
        # Both go to Exception.__init__ so that the error pickles (multiprocessing).
        super().__init__(origin, message)
        self.origin = origin
        self.message = message

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.origin!r}, {self.message!r})"


class InputError(LocatedError):
    """A file or record that cannot be read."""

    code = "input"


class InputNotFoundError(InputError):
    """The given path does not exist."""

    code = "input.not_found"


class UnsupportedInputError(InputError):
    """A file whose type eventwire does not read (given explicitly, not found in a folder)."""

    code = "input.unsupported"


class EmptyInputError(InputError):
    """An empty file or folder, or a record whose text is empty or white space only."""

    code = "input.empty"


class BinaryInputError(InputError):
    """A file that is not text: NUL bytes or mostly control bytes near its start."""

    code = "input.binary"


class EncodingError(InputError):
    """Text that is not UTF-8 and whose legacy encoding cannot be detected with confidence."""

    code = "input.encoding"


class MalformedRecordError(InputError):
    """A record that is readable text but not a valid article record."""

    code = "input.malformed"


class MissingDateWarning(InputError, UserWarning):
    """The article has no publication date; it is still read, with ``date=None``.

    A warning, not an error: readers report it and yield the article. It is also a
    ``UserWarning``, so it can be passed to ``warnings.warn`` as is.
    """

    severity: Severity = "warning"
    code = "input.no_date"


class ConfigError(EventwireError):
    """A bad option given by the user; the message says which option and what is allowed."""


class ExtractionError(LocatedError):
    """An article that a pipeline stage could not process; the other articles go on."""

    code = "extract"
