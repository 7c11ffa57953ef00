"""Read articles from files, folders and standard input into :class:`~eventwire.schema.Article`.

Inputs
    A path to a file, a path to a folder (every supported file below it, recursively, in
    sorted order of relative path; hidden files and folders and other file types are skipped
    silently), or ``"-"`` for JSON Lines on standard input.

Formats, chosen by file extension (case-insensitive)
    ``.txt``
        The file is the article. ``id`` is the file name without its extension.
        ``text`` is defined exactly as: the file decoded (see Encodings), a byte-order mark
        dropped, line ends ``\\r\\n`` and ``\\r`` turned into ``\\n``, then passed through
        :func:`parse_date_prefix`: an optional ``date YYYY-MM-DD`` prefix (white space
        before it allowed; on its own line or followed by the body on the same line) is
        removed, and so is all white space before the body. Trailing white space is kept.
        All character offsets produced downstream are into this ``text``.
    ``.jsonl`` / ``.ndjson``
        One JSON object per line: ``id`` (string, required), ``text`` (string, required),
        ``date`` (``YYYY-MM-DD``; an ISO date-time is accepted and its calendar date kept),
        and optionally ``title``, ``source``, ``url``, ``language`` (strings or null).
        Unknown keys are ignored, blank lines skipped. ``text`` is used exactly as given.
    ``.csv``
        A header row naming the same columns (case and surrounding spaces ignored; the
        delimiter is ``,``, or ``;`` or tab when that is what makes a ``text`` column).
        Quoted fields may span lines. Without an ``id`` column the id is
        ``<file stem>-<n>`` where n counts data rows from 1. An empty optional cell is absent.
    ``.html`` / ``.htm``
        The main text, title, site name, canonical URL and publication date are extracted
        offline with trafilatura; the ``lang`` attribute gives ``language``. A first line
        equal to the title is dropped from ``text`` (the title is kept in ``title``).

Encodings
    Text must not contain NUL bytes or mostly control bytes in its first 8 KiB
    (:class:`BinaryInputError`). UTF-8 is tried first (a BOM is allowed; ``.txt`` and HTML
    may also be UTF-16/32 with a BOM). Otherwise a legacy encoding is used only when it can
    be told with confidence: charset_normalizer finds a decoding with little "mess" in which
    it recognises a language, and cp1252 wins ties (it is by far the most common legacy
    encoding of news text). An HTML page's declared ``charset`` is tried before detection.
    Text that is mostly valid UTF-8 with a few bad bytes is never re-decoded (that would
    garble the good part). Anything else is an :class:`EncodingError` naming the first bad
    byte's offset. JSON Lines and CSV files choose their encoding from their first 64 KiB;
    a later line that does not decode is reported and its record skipped.

Problems
    Nothing raises out of the iterator for bad input: each problem (an
    :class:`~eventwire.errors.InputError`) goes to ``on_problem`` (default:
    :func:`print_problem`, to standard error) and reading continues with the next record or
    file. Errors skip the record (or file); a :class:`MissingDateWarning` keeps the article
    with ``date=None``. ``Article.origin`` and problem origins are ``"path"`` or
    ``"path:line"`` (the line where the record starts; ``<stdin>`` for standard input).

Limits
    A record larger than :data:`MAX_RECORD_BYTES` is skipped as too large. JSON Lines and
    CSV are streamed line by line, so memory stays bounded however large the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import sys
from codecs import (
    BOM_UTF8,
    BOM_UTF16_BE,
    BOM_UTF16_LE,
    BOM_UTF32_BE,
    BOM_UTF32_LE,
    getincrementaldecoder,
    lookup,
)
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO, TextIO, Union

from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputNotFoundError,
    MalformedRecordError,
    MissingDateWarning,
    UnsupportedInputError,
)
from eventwire.schema import Article

__all__ = [
    "MAX_HTML_BYTES",
    "MAX_RECORD_BYTES",
    "STDIN",
    "SUPPORTED_SUFFIXES",
    "ProblemHandler",
    "ReadStats",
    "Reader",
    "parse_date_prefix",
    "print_problem",
    "read_articles",
]

MAX_RECORD_BYTES = 5_000_000
"""A record (a .txt file, a JSON line, a CSV record, an HTML page's text) above this is skipped."""
MAX_HTML_BYTES = 20_000_000
"""An HTML page is mostly markup, so the page itself may be larger than its text."""
SNIFF_BYTES = 8192
DETECT_SAMPLE_BYTES = 65536
STDIN = "-"
STDIN_ORIGIN = "<stdin>"
SUPPORTED_SUFFIXES: Mapping[str, str] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}
OPTIONAL_FIELDS = ("title", "source", "url", "language")

ProblemHandler = Callable[[InputError], None]
_Item = Union[Article, InputError]

_DATE_HINTS = {
    "txt": "start the file with a line 'date YYYY-MM-DD'",
    "jsonl": "add a 'date' field (YYYY-MM-DD)",
    "csv": "add a 'date' column (YYYY-MM-DD)",
    "html": "the page states none; save the body as .txt with a first line 'date YYYY-MM-DD'",
}


# ---------------------------------------------------------------------------- public API


@dataclass
class ReadStats:
    """What a read did: articles yielded, records or files skipped, warnings given."""

    read: int = 0
    skipped: int = 0
    warnings: int = 0

    @property
    def nothing_read(self) -> bool:
        """True when not one article could be read: the CLI then exits non-zero."""
        return self.read == 0


def print_problem(problem: InputError) -> None:
    """The default problem handler: one line on standard error, e.g. ``error: a.jsonl:7: ...``."""
    print(f"{problem.severity}: {problem}", file=sys.stderr)


class Reader:
    """Iterates over the articles of ``inputs``, reporting problems and counting in ``stats``.

    Nothing is opened before iteration starts. Iterate once: standard input cannot be read
    twice. To stop at the first error instead of skipping, raise from ``on_problem``.
    """

    def __init__(
        self,
        inputs: Sequence[str | Path] | str | Path,
        *,
        on_problem: ProblemHandler | None = None,
        stdin: TextIO | BinaryIO | None = None,
    ) -> None:
        # A lone path is a Sequence[str] too; take it as one input, not as characters.
        self.inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
        self.on_problem = on_problem or print_problem
        self.stdin = stdin
        self.stats = ReadStats()

    def __iter__(self) -> Iterator[Article]:
        for item in _read_inputs(self.inputs, self.stdin):
            if isinstance(item, Article):
                self.stats.read += 1
                yield item
            else:
                self._report(item)

    def _report(self, problem: InputError) -> None:
        if problem.severity == "warning":
            self.stats.warnings += 1
        else:
            self.stats.skipped += 1
        self.on_problem(problem)


def read_articles(
    inputs: Sequence[str | Path] | str | Path,
    *,
    on_problem: ProblemHandler | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article]:
    """Yield the articles of every input (paths, folders, ``"-"``); see the module docstring.

    Bad records are reported to ``on_problem`` (default: standard error) and skipped.
    ``stdin`` is read for ``"-"`` (default ``sys.stdin.buffer``). Use :class:`Reader` to
    get the :class:`ReadStats` as well.
    """
    return iter(Reader(inputs, on_problem=on_problem, stdin=stdin))


_DATE_PREFIX = re.compile(r"\s*date[ \t]+(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})(?=\s|\Z)", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def parse_date_prefix(raw: str) -> tuple[dt.date | None, str]:
    """Split a text file's content into its ``date YYYY-MM-DD`` prefix and its body.

    The prefix may follow white space and be followed by a line end or by the body on the
    same line; ``date`` may be in any case. The body is what follows, without leading white
    space (also when there is no prefix). A prefix whose date is not a real ``YYYY-MM-DD``
    date (``date 2021-13-45``, ``date 28/06/2021``) raises ValueError; text that merely
    starts with the word ("Date palms burned") has no prefix.

    >>> parse_date_prefix(" date 2021-06-28 US Secretary of State")
    (datetime.date(2021, 6, 28), 'US Secretary of State')
    """
    match = _DATE_PREFIX.match(raw)
    if match is None:
        return None, raw.lstrip()
    written = match.group(1)
    if not _ISO_DAY.match(written):
        raise ValueError(f"date prefix '{written}' is not YYYY-MM-DD; write e.g. 'date 2021-06-28'")
    try:
        day = dt.date.fromisoformat(written)
    except ValueError:
        raise ValueError(
            f"date prefix '{written}' is not a real date; write a valid 'date YYYY-MM-DD'"
        ) from None
    return day, raw[match.end() :].lstrip()


# ------------------------------------------------------------------- inputs and folders


def _read_inputs(inputs: Iterable[str | Path], stdin: TextIO | BinaryIO | None) -> Iterator[_Item]:
    for given in inputs:
        if str(given) == STDIN:
            yield from _read_stdin(stdin)
        else:
            yield from _read_path(Path(given))


def _read_stdin(stdin: TextIO | BinaryIO | None) -> Iterator[_Item]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:  # e.g. a service started without standard input
        message = "no standard input to read; give files or folders instead of '-'"
        yield InputError(STDIN_ORIGIN, message)
    else:
        yield from _read_jsonl(_binary(stream), STDIN_ORIGIN)


def _read_path(path: Path) -> Iterator[_Item]:
    if path.is_dir():
        yield from _read_folder(path)
    elif not path.exists():
        yield InputNotFoundError(str(path), "no such file or folder; check the path")
    elif _kind(path) is None:
        yield UnsupportedInputError(
            str(path), f"cannot read '{path.suffix}' files; give {_suffix_list()} files or a folder"
        )
    else:
        yield from _read_file(path)


def _read_folder(folder: Path) -> Iterator[_Item]:
    walk_errors: list[OSError] = []
    files = _supported_files(folder, walk_errors)
    for error in walk_errors:
        message = f"cannot read folder: {error.strerror}; check its permissions"
        yield InputError(str(error.filename), message)
    if not files and not walk_errors:
        yield EmptyInputError(str(folder), f"no {_suffix_list()} files in this folder or below it")
    for path in files:
        yield from _read_file(path)


def _supported_files(folder: Path, errors: list[OSError]) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(root, name)
            if not name.startswith(".") and _kind(path) is not None:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _kind(path: Path) -> str | None:
    return SUPPORTED_SUFFIXES.get(path.suffix.lower())


def _suffix_list() -> str:
    return ", ".join(SUPPORTED_SUFFIXES)


def _read_file(path: Path) -> Iterator[_Item]:
    origin = str(path)
    try:
        with path.open("rb") as fh:
            yield from _READERS[_kind(path) or ""](fh, origin, path.stem)
    except OSError as exc:
        message = f"cannot read: {exc.strerror or exc}; check the file and its permissions"
        yield InputError(origin, message)


def _with_date_check(article: Article, kind: str) -> Iterator[_Item]:
    if article.date is None:
        unresolved = "relative dates ('Monday', 'yesterday') stay unresolved"
        yield MissingDateWarning(
            article.origin or "", f"no publication date: {unresolved}; {_DATE_HINTS[kind]}"
        )
    yield article


def _too_large(size: int, limit: int | None = None) -> str:
    limit = MAX_RECORD_BYTES if limit is None else limit
    return f"too large: {size} bytes, limit {limit / 1_000_000:g} MB; split the article"


# ----------------------------------------------------------------------- text and HTML


def _read_txt(fh: BinaryIO, origin: str, stem: str) -> Iterator[_Item]:
    text = _read_whole_text(fh, origin, MAX_RECORD_BYTES)
    if isinstance(text, InputError):
        yield text
        return
    try:
        day, body = parse_date_prefix(text)
    except ValueError as exc:
        yield MalformedRecordError(origin, str(exc))
        return
    if not body.strip():
        message = "no article text after the date prefix; add the body or remove the file"
        yield EmptyInputError(origin, message)
        return
    yield from _with_date_check(Article(id=stem, text=body, date=day, origin=origin), "txt")


def _read_html(fh: BinaryIO, origin: str, stem: str) -> Iterator[_Item]:
    page = _read_whole_text(fh, origin, MAX_HTML_BYTES, html=True)
    if isinstance(page, InputError):
        yield page
        return
    try:
        doc, language = _extract_html(page)
    except Exception as exc:  # a third-party parser on arbitrary input: report, never crash
        message = f"cannot parse the HTML ({type(exc).__name__}: {exc}); check the file"
        yield MalformedRecordError(origin, message)
        return
    body = _drop_title_line(doc.text or "", doc.title) if doc is not None else ""
    size = len(body.encode("utf-8"))
    if not body.strip():
        message = "no article text found in the page; save the article body as .txt"
        yield EmptyInputError(origin, message)
    elif size > MAX_RECORD_BYTES:
        yield MalformedRecordError(origin, _too_large(size))
    else:
        article = Article(
            id=stem,
            text=body,
            date=_html_date(doc.date),
            title=doc.title or None,
            source=doc.sitename or None,
            url=doc.url or None,
            language=language,
            origin=origin,
        )
        yield from _with_date_check(article, "html")


def _extract_html(page: str):  # -> tuple[trafilatura Document | None, str | None]
    # Imported here: trafilatura is slow to import and only HTML input needs it.
    import trafilatura

    tree = trafilatura.load_html(page)
    if tree is None:
        return None, None
    language = (tree.get("lang") or "").strip() or None
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        # No guessing from dates that merely appear in the text: a wrong publication date
        # silently shifts every relative date, a missing one is reported.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return doc, language


def _drop_title_line(text: str, title: str | None) -> str:
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip():
        return rest.lstrip()
    return text.lstrip()


def _html_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _read_whole_text(
    fh: BinaryIO, origin: str, limit: int, *, html: bool = False
) -> str | InputError:
    """A whole file decoded with newlines normalised to ``\\n``, or the problem with it."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        return MalformedRecordError(origin, _too_large(os.fstat(fh.fileno()).st_size, limit))
    text = _decode_whole(data, origin, declared=_declared_charset(data) if html else None)
    if isinstance(text, InputError):
        return text
    if not text.strip():
        return EmptyInputError(origin, "the file is empty; put the article text in it or remove it")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------- encodings

_WIDE_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (BOM_UTF32_LE, "utf-32"),
    (BOM_UTF32_BE, "utf-32"),
    (BOM_UTF16_LE, "utf-16"),
    (BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if chr(b) not in "\t\n\r\f\v\x1b") + b"\x7f"
_MAX_CONTROL_SHARE = 0.05
_MAX_CHAOS = 0.1
_MIN_COHERENCE = 0.1
_CHAOS_TIE = 0.01
_UNDECODED = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _wide_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def _binary_problem(data: bytes, origin: str) -> BinaryInputError | None:
    head = data[:SNIFF_BYTES]
    advice = "a binary file, not text; give the article as text"
    if b"\0" in head:
        return BinaryInputError(origin, f"contains NUL bytes: {advice}")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        return BinaryInputError(origin, f"mostly control bytes: {advice}")
    return None


def _decode_whole(data: bytes, origin: str, *, declared: str | None = None) -> str | InputError:
    wide = _wide_encoding(data)
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as exc:
            return EncodingError(origin, _bad_byte_message(data, exc, wide))
    if problem := _binary_problem(data, origin):
        return problem
    skip = len(BOM_UTF8) if data.startswith(BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = UnicodeDecodeError(exc.encoding, data, exc.start + skip, exc.end + skip, exc.reason)
    for encoding in (declared, _detect_legacy(data)):
        if encoding is not None:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return EncodingError(origin, _bad_byte_message(data, bad, "UTF-8"))


def _bad_byte_message(data: bytes, exc: UnicodeDecodeError, encoding: str) -> str:
    where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    if encoding == "UTF-8" and _mostly_utf8(data):
        return f"mostly UTF-8 but {where} is not; fix that byte or re-save the file as UTF-8"
    if encoding == "UTF-8":
        unsure = "no other encoding fits with confidence"
        return f"not UTF-8 ({where}) and {unsure}; re-save the file as UTF-8"
    return f"not valid {encoding} ({where}); re-save the file as UTF-8"


def _mostly_utf8(data: bytes) -> bool:
    """True when valid UTF-8 multi-byte characters are at least as many as bad bytes."""
    text = data.decode("utf-8", "surrogateescape")
    bad = len(_UNDECODED.findall(text))
    return len(_NON_ASCII.findall(text)) - bad >= bad


def _detect_legacy(data: bytes) -> str | None:
    """A legacy encoding for ``data`` if one can be told with confidence, else None."""
    if _mostly_utf8(data):
        return None
    from charset_normalizer import from_bytes  # only needed for the rare non-UTF-8 input

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > _MAX_CHAOS or best.coherence < _MIN_COHERENCE:
        return None
    if best.encoding.startswith(("utf_16", "utf_32")):
        return None
    # On Western text, cp1250 and friends often tie with cp1252 and win on a coin toss of
    # language coherence; cp1252 is the likelier truth for news text and decodes it right.
    tied = [m for m in matches if m.chaos <= best.chaos + _CHAOS_TIE]
    if any("cp1252" in m.could_be_from_charset for m in tied):
        return "cp1252"
    return best.encoding


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        name = lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


# --------------------------------------------------------------------- streamed lines


@dataclass(slots=True)
class _Line:
    number: int
    size: int  # bytes, line end included
    text: str | None  # None when too large to keep
    problem: InputError | None = None


class _TextAsBinary:
    """Lets a text stream (``io.StringIO``, ``sys.stdin``) be read like a binary one."""

    def __init__(self, fh: TextIO) -> None:
        self._fh = fh

    def readline(self, size: int = -1) -> bytes:
        return self._fh.readline(size).encode("utf-8", "surrogatepass")


def _binary(fh: TextIO | BinaryIO) -> BinaryIO:
    return _TextAsBinary(fh) if isinstance(fh.read(0), str) else fh  # type: ignore[return-value]


@dataclass(slots=True)
class _RawLine:
    number: int
    offset: int  # of the line's first byte in the stream
    size: int  # bytes, line end included
    length: int  # bytes, line end excluded
    data: bytes | None  # None when over the limit: such a line is never held in memory


def _raw_lines(fh: BinaryIO) -> Iterator[_RawLine]:
    cap = MAX_RECORD_BYTES + 3  # a full record, "\r\n", and one byte to notice overflow
    number = offset = 0
    while line := fh.readline(cap):
        number += 1
        if len(line) >= cap and not line.endswith(b"\n"):
            skipped, tail = _skip_rest_of_line(fh)
            size = len(line) + skipped
            raw = _RawLine(number, offset, size, size - _line_end_length(tail or line), None)
        else:
            raw = _RawLine(number, offset, len(line), len(line) - _line_end_length(line), line)
        yield raw
        offset += raw.size


def _line_end_length(line: bytes) -> int:
    return 2 if line.endswith(b"\r\n") else 1 if line.endswith(b"\n") else 0


def _skip_rest_of_line(fh: BinaryIO) -> tuple[int, bytes]:
    """Bytes skipped up to and including the next line end, and the last chunk read."""
    skipped, chunk = 0, b""
    while piece := fh.readline(1 << 20):
        skipped += len(piece)
        chunk = (chunk + piece)[-2:]
        if piece.endswith(b"\n"):
            break
    return skipped, chunk


def _line_source(fh: BinaryIO, origin: str) -> Iterator[_Line] | InputError:
    """Decoded lines of a streamed file, or the problem that makes the whole file unreadable."""
    raw = _raw_lines(fh)
    head: list[_RawLine] = []
    for line in raw:
        head.append(line)
        if line.offset + line.size >= DETECT_SAMPLE_BYTES:
            break
    sample = b"".join(line.data for line in head if line.data)[:DETECT_SAMPLE_BYTES]
    if _wide_encoding(sample):
        message = "UTF-16/32 text; JSON Lines and CSV must be UTF-8: re-save the file as UTF-8"
        return EncodingError(origin, message)
    if problem := _binary_problem(sample, origin):
        return problem
    encoding = _stream_encoding(sample)
    return (_decode_line(line, encoding, origin) for line in chain(head, raw))


def _stream_encoding(sample: bytes) -> str:
    try:
        getincrementaldecoder("utf-8")().decode(sample.removeprefix(BOM_UTF8), final=False)
        return "utf-8"
    except UnicodeDecodeError:
        # Not confident: stay with UTF-8 and report each bad line rather than the whole file.
        return _detect_legacy(sample) or "utf-8"


def _decode_line(line: _RawLine, encoding: str, origin: str) -> _Line:
    where = f"{origin}:{line.number}"
    if line.data is None or line.length > MAX_RECORD_BYTES:
        problem = MalformedRecordError(where, _too_large(line.length))
        return _Line(line.number, line.size, None, problem)
    data, offset = line.data, line.offset
    if offset == 0 and data.startswith(BOM_UTF8):
        data, offset = data[len(BOM_UTF8) :], len(BOM_UTF8)
    try:
        return _Line(line.number, line.size, data.decode(encoding))
    except UnicodeDecodeError as exc:
        # surrogateescape keeps the line's shape, so a CSV parser stays in step.
        at = f"byte 0x{data[exc.start]:02x} at offset {offset + exc.start}"
        advice = "fix the line or re-save the file as UTF-8"
        problem = EncodingError(where, f"not valid {encoding} ({at}); {advice}")
        return _Line(line.number, line.size, data.decode(encoding, "surrogateescape"), problem)


# --------------------------------------------------------------------------- JSON Lines


def _read_jsonl(fh: BinaryIO, origin: str, stem: str = "") -> Iterator[_Item]:
    lines = _line_source(fh, origin)
    if isinstance(lines, InputError):
        yield lines
        return
    records = 0
    for line in lines:
        if line.problem is not None:
            records += 1
            yield line.problem
        elif line.text and line.text.strip():
            records += 1
            yield from _jsonl_record(line.text, f"{origin}:{line.number}")
    if records == 0:
        message = "no records: the input is empty or blank; write one JSON object per line"
        yield EmptyInputError(origin, message)


def _jsonl_record(text: str, where: str) -> Iterator[_Item]:
    try:
        fields = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON ({exc.msg}, column {exc.colno}); fix or remove the line"
        yield MalformedRecordError(where, message)
        return
    except (ValueError, RecursionError) as exc:
        yield MalformedRecordError(where, f"not readable JSON ({exc}); fix or remove the line")
        return
    if not isinstance(fields, dict):
        wanted = 'a JSON object like {"id": ..., "text": ...}'
        yield MalformedRecordError(where, f"expected {wanted}, got {_type_name(fields)}")
        return
    yield from _record(fields, where, "jsonl")


# -------------------------------------------------------------------------------- CSV


class _CsvFeed:
    """Feeds decoded lines to ``csv.reader``, keeping each record's size and line problems."""

    def __init__(self, lines: Iterator[_Line]) -> None:
        self._lines = lines
        self.size = 0
        self.problems: list[InputError] = []

    def __iter__(self) -> _CsvFeed:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.size += line.size
        if line.problem is not None:
            self.problems.append(line.problem)
        # A line too large to keep stands in as a blank line; its record is skipped anyway.
        return line.text if line.text is not None else "\n"

    def start_record(self) -> None:
        self.size = 0
        self.problems.clear()


def _read_csv(fh: BinaryIO, origin: str, stem: str) -> Iterator[_Item]:
    lines = _line_source(fh, origin)
    if isinstance(lines, InputError):
        yield lines
        return
    header = next((line for line in lines if line.problem or (line.text or "").strip()), None)
    if header is None:
        message = "the file is empty; give a header row (e.g. id,text,date) and records"
        yield EmptyInputError(origin, message)
        return
    if header.problem is not None:
        yield header.problem
        return
    delimiter, names = _csv_header(header.text or "")
    if "text" not in names:
        found = ", ".join(repr(n) for n in names)
        advice = "the first row must name the columns, e.g. id,text,date"
        yield MalformedRecordError(origin, f"no 'text' column (header has {found}); {advice}")
        return
    yield from _csv_records(_CsvFeed(lines), delimiter, names, header.number, origin, stem)


def _header_names(line: str, delimiter: str) -> list[str]:
    try:
        return [name.strip().lower() for name in next(csv.reader([line], delimiter=delimiter), [])]
    except csv.Error:  # a stray carriage return or NUL: a header with no usable names
        return []


def _csv_header(line: str) -> tuple[str, list[str]]:
    for delimiter in (",", ";", "\t"):
        names = _header_names(line, delimiter)
        if "text" in names:
            return delimiter, names
    return ",", _header_names(line, ",")


def _csv_records(
    feed: _CsvFeed, delimiter: str, names: list[str], header_line: int, origin: str, stem: str
) -> Iterator[_Item]:
    _allow_large_csv_fields()
    reader = csv.reader(feed, delimiter=delimiter)
    rows = 0
    while True:
        feed.start_record()
        where = f"{origin}:{header_line + reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if "field larger than field limit" not in str(exc):
                message = f"unreadable CSV record ({exc}); fix or remove the record"
                yield MalformedRecordError(where, message)
                continue
            # Inside an over-long quoted field there is no telling where the next record starts.
            skipped = "the rest of the file is skipped (or is a quote unbalanced?)"
            yield MalformedRecordError(where, f"{_too_large(feed.size)}; {skipped}")
            return
        if not row and not feed.problems:
            continue
        rows += 1
        default_id = None if "id" in names else f"{stem}-{rows}"
        yield from _csv_row(row, feed, names, where, default_id=default_id)
    if rows == 0:
        message = "no records after the header row; add rows or remove the file"
        yield EmptyInputError(origin, message)


def _csv_row(
    row: list[str], feed: _CsvFeed, names: list[str], where: str, *, default_id: str | None
) -> Iterator[_Item]:
    if feed.problems:
        yield feed.problems[0]
    elif feed.size > MAX_RECORD_BYTES:
        yield MalformedRecordError(where, _too_large(feed.size))
    elif len(row) > len(names):
        advice = "quote fields that contain the delimiter"
        message = f"{len(row)} fields but the header has {len(names)}; {advice}"
        yield MalformedRecordError(where, message)
    else:
        fields: dict[str, object] = dict(zip(names, row))
        yield from _record(fields, where, "csv", default_id=default_id)


def _allow_large_csv_fields() -> None:
    # The csv module refuses fields over 128 KiB by default; the limit is process-wide,
    # so it is only ever raised, never lowered.
    if csv.field_size_limit() < MAX_RECORD_BYTES + 1:
        csv.field_size_limit(MAX_RECORD_BYTES + 1)


# ------------------------------------------------------------- records (JSONL and CSV)


def _record(
    fields: Mapping[str, object], where: str, kind: str, *, default_id: str | None = None
) -> Iterator[_Item]:
    try:
        article = _article_from_fields(fields, where, default_id)
    except InputError as problem:
        yield problem
        return
    yield from _with_date_check(article, kind)


def _article_from_fields(
    fields: Mapping[str, object], where: str, default_id: str | None
) -> Article:
    article_id = _required_str(fields, "id", where, default_id, "give each record a string 'id'")
    text = _required_str(fields, "text", where, None, "put the article body in 'text'")
    return Article(
        id=article_id,
        text=text,
        date=_field_date(fields.get("date"), where),
        origin=where,
        **{name: _optional_str(fields, name, where) for name in OPTIONAL_FIELDS},
    )


def _required_str(
    fields: Mapping[str, object], name: str, where: str, default: str | None, advice: str
) -> str:
    value = fields.get(name, default)
    if value is None:
        raise MalformedRecordError(where, f"missing '{name}'; {advice}")
    if not isinstance(value, str):
        got = _type_name(value)
        raise MalformedRecordError(where, f"'{name}' must be a string, got {got}; {advice}")
    if not value.strip():
        empty = EmptyInputError if name == "text" else MalformedRecordError
        raise empty(where, f"empty '{name}'; {advice}")
    return _encodable(value, name, where)


def _optional_str(fields: Mapping[str, object], name: str, where: str) -> str | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        got = _type_name(value)
        raise MalformedRecordError(where, f"'{name}' must be a string or null, got {got}")
    return _encodable(value, name, where)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(value: str, name: str, where: str) -> str:
    # JSON may escape lone surrogates ("\\ud800"); such a string cannot be written as UTF-8.
    if _SURROGATE.search(value):
        message = f"'{name}' holds a lone surrogate escape (\\udXXX); fix the record"
        raise EncodingError(where, message)
    return value


_DATE_FIELD = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d.*)?\s*\Z", re.DOTALL)


def _field_date(value: object, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    match = _DATE_FIELD.match(value) if isinstance(value, str) else None
    if match is None:
        message = f"'date' must be a YYYY-MM-DD string, got {_short(value)}"
        raise MalformedRecordError(where, message)
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        message = f"'date' {_short(value)} is not a real date; give YYYY-MM-DD"
        raise MalformedRecordError(where, message) from None


_JSON_TYPE_NAMES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    type(None): "null",
}


def _type_name(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)  # values come from JSON or CSV: always dumpable
    return text if len(text) <= 40 else text[:37] + "..."


_READERS: dict[str, Callable[[BinaryIO, str, str], Iterator[_Item]]] = {
    "txt": _read_txt,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "html": _read_html,
}
