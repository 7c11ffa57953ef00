"""Tests of eventwire.ingest: every input form, every bad input, and invariants (hypothesis)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pickle
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import ingest
from eventwire.errors import (
    BinaryInputError,
    ConfigError,
    EmptyInputError,
    EncodingError,
    EventwireError,
    InputError,
    InputNotFoundError,
    MalformedRecordError,
    MissingDateWarning,
    UnsupportedInputError,
)
from eventwire.ingest import Reader, ReadStats, parse_date_prefix, read_articles
from eventwire.schema import Article

# shared/ lies beside the repository, locally and in CI (as in conftest.py).
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEED = SHARED / "corpus" / "seed_article.txt"

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Strikes hit militia sites on the Iraq-Syria border | Daily Wire Service</title>
  <meta property="og:site_name" content="Daily Wire Service">
  <meta property="og:title" content="Strikes hit militia sites on the Iraq-Syria border">
  <meta property="article:published_time" content="2021-06-28T09:15:00+00:00">
  <link rel="canonical" href="https://news.example.org/world/strikes-hit-militia-sites">
  <script>window.dataLayer = [];</script>
</head>
<body>
  <nav class="site-nav">
    <ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/subscribe">Subscribe now for unlimited access</a></li></ul>
  </nav>
  <main>
    <article>
      <h1>Strikes hit militia sites on the Iraq-Syria border</h1>
      <p class="byline">By Staff Reporter, <time datetime="2021-06-28">28 June 2021</time></p>
      <p>US Secretary of State Antony Blinken said Monday air strikes on pro-Iran fighters in Iraq
      and Syria sent a strong message not to keep attacking US forces.</p>
      <p>Baghdad condemned the overnight aerial assault, calling it a flagrant violation of Iraqi
      sovereignty and national security.</p>
      <p>The Hashed al-Shaabi said four of its fighters were killed in the strikes near the town of
      Qaim, while a war monitor put the toll at seven.</p>
    </article>
  </main>
  <footer>
    <p>Copyright 2024 Daily Wire Service. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a>
  </footer>
</body>
</html>
"""

CP1252_TEXT = (
    "date 2021-06-28\n"
    "\u201cThis action in self-defence\u2026 sends a very important and strong message,\u201d "
    "Blinken told reporters on a visit to Rome. Baghdad\u2019s government condemned the "
    "overnight aerial assault.\n"
)
FRENCH_TEXT = (
    "date 2021-06-29\nLe ministre a déclaré que l'élève était à l'école près de la forêt. "
    "« C'est inacceptable », a-t-il ajouté à Genève.\n"
)


# ------------------------------------------------------------------------------ helpers


class Run:
    """The outcome of one read: the articles, the problems reported, and the stats."""

    def __init__(self, inputs, **kwargs) -> None:
        self.problems: list[InputError] = []
        reader = Reader(inputs, on_problem=self.problems.append, **kwargs)
        self.articles: list[Article] = list(reader)
        self.stats: ReadStats = reader.stats

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]

    @property
    def errors(self) -> list[InputError]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[InputError]:
        return [p for p in self.problems if p.severity == "warning"]

    def only_error(self) -> InputError:
        assert len(self.errors) == 1, self.errors
        return self.errors[0]


@pytest.fixture
def write(tmp_path: Path):
    """write("a/b.txt", content) -> the path; content is str (UTF-8) or bytes."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def good_txt(write) -> Path:
    return write("good.txt", "date 2021-06-28\nA good article that must still be read.\n")


def jsonl(*records: object) -> str:
    """JSON Lines text: dicts are dumped, strings written as they are."""
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def rec(id: str, text: str, date: str | None = "2021-06-28", **more: object) -> dict:
    """A JSON Lines record, dated unless date=None."""
    return {"id": id, "text": text, **({"date": date} if date else {}), **more}


# --------------------------------------------------------------------------- text files


@pytest.mark.parametrize(
    "content",
    [
        "date 2021-06-28\nUS Secretary of State spoke.\n",
        "date 2021-06-28 US Secretary of State spoke.\n",
        "  \n\t date 2021-06-28   US Secretary of State spoke.\n",
        "date 2021-06-28\r\n\r\nUS Secretary of State spoke.\r\n",
        "\ufeffdate 2021-06-28\nUS Secretary of State spoke.\n",
        "DATE 2021-06-28\nUS Secretary of State spoke.\n",
    ],
    ids=["own-line", "same-line", "leading-whitespace", "crlf", "bom", "upper-case"],
)
def test_txt_date_prefix_forms(write, content):
    path = write("story-1.txt", content)
    run = Run([path])
    assert run.problems == []
    (article,) = run.articles
    assert article.id == "story-1"
    assert article.date == dt.date(2021, 6, 28)
    assert article.text == "US Secretary of State spoke.\n"
    assert article.origin == str(path)


def test_txt_without_prefix_is_kept_with_a_missing_date_warning(write):
    path = write("undated.txt", "\n\n  Fighting resumed near the border.\r\nTwo were killed.")
    run = Run([path])
    (article,) = run.articles
    assert article.date is None
    assert article.text == "Fighting resumed near the border.\nTwo were killed."
    (warning,) = run.warnings
    assert isinstance(warning, MissingDateWarning)
    assert warning.origin == str(path)
    assert "no publication date" in warning.message and "date YYYY-MM-DD" in warning.message
    assert run.stats == ReadStats(read=1, skipped=0, warnings=1)


def test_seed_article():
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here (set EVENTWIRE_SHARED to the shared folder)")
    run = Run([SEED])
    assert run.problems == []
    (article,) = run.articles
    assert article.id == "seed_article"
    assert article.date == dt.date(2021, 6, 28)
    assert article.text.startswith("US Secretary of State Antony Blinken said Monday")
    raw = SEED.read_text(encoding="utf-8")
    assert raw.endswith(article.text)  # the text is the file minus the prefix, nothing else changed
    assert article.origin == str(SEED)


def test_txt_utf16_with_bom_is_read(write):
    path = write("wide.txt", "date 2021-06-28\nBaghdad\u2019s reply.\n".encode("utf-16"))
    (article,) = Run([path]).articles
    assert article.text == "Baghdad\u2019s reply.\n"


# ---------------------------------------------------------------------------- JSON Lines


def test_jsonl_records(write):
    path = write(
        "batch.jsonl",
        jsonl(
            rec("a1", "First story.", title="T", source="AFP", url="https://x.example/a1",
                language="en", extra={"ignored": True}),
            "",
            "   ",
            rec("a2", "Second story.", date="2021-06-27T23:10:00Z", title=None),
        ),
    )
    run = Run([path])
    assert run.problems == []
    first, second = run.articles
    assert first == Article(
        id="a1", text="First story.", date=dt.date(2021, 6, 28), title="T", source="AFP",
        url="https://x.example/a1", language="en", origin=f"{path}:1",
    )
    assert second.id == "a2" and second.date == dt.date(2021, 6, 27) and second.title is None
    assert second.origin == f"{path}:4"


def test_ndjson_extension_and_text_kept_verbatim(write):
    text = "  date 2021-01-01 is not parsed in JSON text.\r\n"
    path = write("x.NDJSON", jsonl(rec("n1", text)))
    (article,) = Run([path]).articles
    assert article.text == text


def test_stdin_jsonl_binary_and_text():
    data = jsonl(rec("s1", "From a pipe."), "not json", rec("s2", "Also."))
    for stream in (io.BytesIO(data.encode()), io.StringIO(data)):
        run = Run(["-"], stdin=stream)
        assert run.ids == ["s1", "s2"]
        assert [a.origin for a in run.articles] == ["<stdin>:1", "<stdin>:3"]
        assert run.only_error().origin == "<stdin>:2"


def test_default_stdin_is_sys_stdin_buffer(monkeypatch):
    data = jsonl(rec("s1", "From a pipe.")).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert Run(["-"]).ids == ["s1"]


def test_no_standard_input_is_reported(monkeypatch):
    monkeypatch.setattr("sys.stdin", None)
    run = Run(["-"])
    assert run.only_error().origin == "<stdin>" and "no standard input" in run.only_error().message


def test_jsonl_is_streamed_not_loaded():
    line = jsonl(rec("x", "word " * 200)).encode()
    stream = io.BytesIO(line * 20_000)  # about 20 MB
    articles = read_articles(["-"], stdin=stream, on_problem=lambda p: None)
    assert next(articles).id == "x"
    assert stream.tell() < ingest.DETECT_SAMPLE_BYTES + 2 * len(line)


# -------------------------------------------------------------------------------- CSV


def test_csv_with_multiline_quoted_text(write):
    path = write(
        "feed.csv",
        'id,date,text,title,source\n'
        'c1,2021-06-28,"Line one of the story.\nLine two, with a comma and ""quotes"".",Headline,AFP\n'
        '\n'
        'c2,2021-06-27,Single line story.,,\n',
    )
    run = Run([path])
    assert run.problems == []
    first, second = run.articles
    assert first.text == 'Line one of the story.\nLine two, with a comma and "quotes".'
    assert first.title == "Headline" and first.source == "AFP" and first.origin == f"{path}:2"
    assert second.id == "c2" and second.title is None and second.source is None
    assert second.origin == f"{path}:5"


def test_csv_without_id_column_uses_stem_and_row_number(write):
    path = write("wire.csv", "\ufeffText;Date\nFirst.;2021-06-28\nSecond.;2021-06-29\n")
    run = Run([path])
    assert run.problems == []
    assert run.ids == ["wire-1", "wire-2"]
    assert run.articles[1].date == dt.date(2021, 6, 29)


def test_csv_large_field_beyond_default_csv_limit(write):
    body = "A long article. " * 20_000  # 320 kB, over the csv module's 128 KiB default
    path = write("long.csv", f'id,text,date\nbig,"{body}",2021-06-28\n')
    (article,) = Run([path]).articles
    assert article.text == body


# ------------------------------------------------------------------------------- HTML


def test_html_news_page(write):
    path = write("strikes.html", NEWS_PAGE)
    run = Run([path])
    assert run.problems == []
    (article,) = run.articles
    assert article.id == "strikes"
    assert article.date == dt.date(2021, 6, 28)
    assert article.title == "Strikes hit militia sites on the Iraq-Syria border"
    assert article.source == "Daily Wire Service"
    assert article.url == "https://news.example.org/world/strikes-hit-militia-sites"
    assert article.language == "en"
    assert "Antony Blinken said Monday air strikes" in article.text
    assert "put the toll at seven" in article.text
    assert not article.text.startswith(article.title)
    for boilerplate in ("Subscribe", "Copyright", "Privacy", "Cookie", "Home", "dataLayer"):
        assert boilerplate not in article.text


def test_html_date_from_time_element(write):
    meta = '<meta property="article:published_time" content="2021-06-28T09:15:00+00:00">'
    page = NEWS_PAGE.replace(meta, "")
    page = page.replace('<time datetime="2021-06-28">28 June', '<time datetime="2021-06-27">27 June')
    path = write("timeonly.htm", page)
    (article,) = Run([path]).articles
    assert article.date == dt.date(2021, 6, 27)


def test_html_cp1252_declared_charset(write):
    page = NEWS_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "a strong message", "a \u201cstrong message\u201d"
    )
    (article,) = Run([write("legacy.html", page.encode("cp1252"))]).articles
    assert "\u201cstrong message\u201d" in article.text


def test_html_without_text_is_an_error(write, good_txt):
    # A page rendered by JavaScript: nothing to extract from the HTML itself.
    path = write("blank.html", '<html><head><title>App</title></head><body><div id="root"></div>'
                               '<script src="/app.js"></script></body></html>')
    run = Run([path, good_txt])
    error = run.only_error()
    assert isinstance(error, EmptyInputError) and error.origin == str(path)
    assert "no article text" in str(error)
    assert run.ids == ["good"]


# ------------------------------------------------------------------------------ folders


def test_folder_recursion_sorted_skipping_hidden_and_unsupported(write, tmp_path):
    write("corpus/b.txt", "date 2021-06-28\nB.")
    write("corpus/a/z.jsonl", jsonl(rec("z1", "Z.")))
    write("corpus/a/deeper/y.csv", "id,text,date\ny1,Y.,2021-06-28\n")
    write("corpus/c.html", NEWS_PAGE)
    write("corpus/.hidden.txt", "date 2021-06-28\nHidden.")
    write("corpus/.git/x.txt", "date 2021-06-28\nIn a hidden folder.")
    write("corpus/notes.md", "# not an article")
    write("corpus/image.png", b"\x89PNG\r\n\x1a\n\0\0")
    run = Run([tmp_path / "corpus"])
    assert run.problems == []
    assert run.ids == ["y1", "z1", "b", "c"]


def test_empty_folder_is_reported(tmp_path, good_txt):
    (tmp_path / "nothing").mkdir()
    run = Run([tmp_path / "nothing", good_txt])
    assert isinstance(run.only_error(), EmptyInputError)
    assert run.ids == ["good"]


def test_single_path_string_is_one_input(good_txt):
    assert Run(str(good_txt)).ids == ["good"]


# ------------------------------------------------------------------------ bad inputs


@pytest.mark.parametrize(
    "content", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf\n"], ids=["empty", "blank", "bom-only"]
)
def test_empty_txt(write, good_txt, content):
    path = write("empty.txt", content)
    run = Run([path, good_txt])
    error = run.only_error()
    assert isinstance(error, EmptyInputError)
    assert str(error).startswith(f"{path}: ") and "empty" in error.message
    assert run.ids == ["good"]


def test_prefix_without_body_is_empty(write, good_txt):
    run = Run([write("only-date.txt", "date 2021-06-28\n\n"), good_txt])
    assert isinstance(run.only_error(), EmptyInputError)
    assert run.ids == ["good"]


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.csv"])
def test_empty_structured_files(write, good_txt, name):
    path = write(name, "\n\n")
    run = Run([path, good_txt])
    assert isinstance(run.only_error(), EmptyInputError) and run.only_error().origin == str(path)
    assert run.ids == ["good"]


@pytest.mark.parametrize("name", ["photo.txt", "photo.jsonl", "photo.csv", "photo.html"])
def test_binary_file(write, good_txt, name):
    path = write(name, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4)
    run = Run([path, good_txt])
    error = run.only_error()
    assert isinstance(error, BinaryInputError) and error.origin == str(path)
    assert "binary" in error.message
    assert run.ids == ["good"]


def test_mostly_control_bytes_is_binary(write):
    error = Run([write("ctl.txt", b"\x01\x02\x03\x04text\x05\x06\x07\x08")]).only_error()
    assert isinstance(error, BinaryInputError)


def test_random_high_bytes_are_an_encoding_error(write, good_txt):
    rng = random.Random(7)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    data = b"date 2021-06-28\nHeadline " + noise
    with pytest.raises(UnicodeDecodeError) as bad:
        data.decode("utf-8")
    path = write("noise.txt", data)
    run = Run([path, good_txt])
    error = run.only_error()
    assert isinstance(error, EncodingError)
    first_bad = bad.value.start
    where = f"byte 0x{data[first_bad]:02x} at offset {first_bad}"
    assert str(error).startswith(f"{path}: not UTF-8 ({where})")
    assert "re-save the file as UTF-8" in error.message
    assert run.ids == ["good"]


def test_cp1252_text_with_curly_quotes_is_read(write):
    run = Run([write("legacy.txt", CP1252_TEXT.encode("cp1252"))])
    assert run.problems == []
    assert run.articles[0].text == CP1252_TEXT.split("\n", 1)[1]


def test_latin1_french_is_decoded_as_cp1252_not_a_central_european_code_page(write):
    (article,) = Run([write("fr.txt", FRENCH_TEXT.encode("latin-1"))]).articles
    assert article.text == FRENCH_TEXT.split("\n", 1)[1]


def test_mostly_utf8_with_one_bad_byte_is_not_redecoded(write):
    good = "date 2021-06-28\n\u201cStrong message\u201d, Blinken said \u2014 Baghdad\u2019s reply"
    data = good.encode() + b" \x92 end"
    error = Run([write("mixed.txt", data)]).only_error()
    assert isinstance(error, EncodingError)
    assert "mostly UTF-8 but byte 0x92 at offset" in error.message


def test_jsonl_malformed_line_in_the_middle(write):
    path = write(
        "batch.jsonl",
        jsonl(rec("a", "One."), '{"id": "b", "text": "Two.",', rec("c", "Three.")),
    )
    run = Run([path])
    error = run.only_error()
    assert isinstance(error, MalformedRecordError)
    assert str(error).startswith(f"{path}:2: not valid JSON")
    assert run.ids == ["a", "c"]


@pytest.mark.parametrize(
    ("record", "expected_type", "words"),
    [
        ({"id": "b", "date": "2021-06-28"}, MalformedRecordError, "missing 'text'"),
        ({"text": "No id.", "date": "2021-06-28"}, MalformedRecordError, "missing 'id'"),
        ({"id": 7, "text": "Number id."}, MalformedRecordError, "'id' must be a string, got a number"),
        ({"id": "b", "text": ["a", "list"]}, MalformedRecordError, "'text' must be a string, got an"),
        ({"id": "b", "text": "  \n "}, EmptyInputError, "empty 'text'"),
        (rec("b", "Bad date.", date="2021-13-45"), MalformedRecordError, "is not a real date"),
        (rec("b", "Bad date.", date="28/06/2021"), MalformedRecordError, "YYYY-MM-DD"),
        (rec("b", "Bad title.", title=5), MalformedRecordError, "'title' must be a string"),
        ({"id": "b", "text": "Lone \ud800 surrogate."}, EncodingError, "lone surrogate"),
        ([1, 2], MalformedRecordError, "expected a JSON object"),
    ],
)
def test_jsonl_bad_record_is_skipped_with_its_line(write, record, expected_type, words):
    path = write(
        "batch.jsonl",
        jsonl(rec("a", "One."), record, rec("c", "Three.")),
    )
    run = Run([path])
    error = run.only_error()
    assert type(error) is expected_type
    assert error.origin == f"{path}:2" and words in error.message
    assert run.ids == ["a", "c"]


def test_jsonl_undecodable_line_after_the_sample_is_skipped(write):
    good = jsonl(*(rec(f"a{i}", "Caf\u00e9 story " * 5) for i in range(1000)))  # over 64 KiB
    bad = b'{"id": "b", "text": "Caf\xe9 \xff"}\n'
    path = write("batch.jsonl", good.encode() + bad + jsonl(rec("c", "Last.")).encode())
    run = Run([path])
    error = run.only_error()
    assert isinstance(error, EncodingError) and error.origin == f"{path}:1001"
    assert f"byte 0xe9 at offset {len(good.encode()) + 24}" in error.message
    assert len(run.articles) == 1001 and run.ids[-1] == "c"


def test_csv_without_text_column(write, good_txt):
    path = write("no-text.csv", "id,body,date\nx1,Some text.,2021-06-28\nx2,More.,2021-06-28\n")
    run = Run([path, good_txt])
    error = run.only_error()
    assert isinstance(error, MalformedRecordError) and error.origin == str(path)
    assert "no 'text' column" in error.message and "'body'" in error.message
    assert run.ids == ["good"]


def test_csv_bad_rows_are_skipped_with_their_line(write):
    path = write(
        "rows.csv",
        "id,text,date\n"
        "r1,Fine.,2021-06-28\n"
        "r2,Too,many,fields\n"
        "r3,,2021-06-28\n"
        "r4,Bad date.,2021-02-30\n"
        '"r5","Also fine.",2021-06-28\n',
    )
    run = Run([path])
    assert [(type(e), e.origin) for e in run.errors] == [
        (MalformedRecordError, f"{path}:3"),
        (EmptyInputError, f"{path}:4"),
        (MalformedRecordError, f"{path}:5"),
    ]
    assert run.ids == ["r1", "r5"]


def test_csv_stray_carriage_return_skips_only_its_record(write):
    path = write("cr.csv", b"id,text\nr1,Fine.\nr2,Broken\rcell\nr3,Fine.\n")
    run = Run([path])
    error = run.only_error()
    assert error.origin == f"{path}:3" and "unreadable CSV record" in error.message
    assert run.ids == ["r1", "r3"]


def test_csv_in_cp1252_from_a_spreadsheet(write):
    text = "\u201cStrong message\u201d, Blinken said. L\u2019\u00e9l\u00e8ve \u00e0 Gen\u00e8ve."
    path = write("excel.csv", f'id;text;date\r\nx1;"{text}";2021-06-28\r\n'.encode("cp1252"))
    run = Run([path])
    assert run.problems == []
    assert run.articles[0].text == text


def test_missing_date_is_a_warning_and_the_record_is_kept(write):
    path = write("nodate.jsonl", jsonl(rec("a", "Undated.", date=None), rec("b", "Dated.")))
    run = Run([path])
    assert run.ids == ["a", "b"]
    assert run.articles[0].date is None
    (warning,) = run.warnings
    assert isinstance(warning, MissingDateWarning) and warning.severity == "warning"
    assert str(warning).startswith(f"{path}:1: no publication date: relative dates")
    assert "'date' field" in warning.message
    assert run.errors == []
    assert run.stats == ReadStats(read=2, skipped=0, warnings=1)


@pytest.mark.parametrize(
    ("prefix", "words"), [("date 2021-13-45", "not a real date"), ("date 28/06/2021", "not YYYY-MM-DD")]
)
def test_invalid_date_prefix(write, good_txt, prefix, words):
    path = write("baddate.txt", f"{prefix}\nBody.")
    run = Run([path, good_txt])
    error = run.only_error()
    assert isinstance(error, MalformedRecordError) and error.origin == str(path)
    assert words in error.message
    assert run.ids == ["good"]


def test_words_after_date_are_not_a_prefix(write):
    (article,) = Run([write("palms.txt", "Date palms burned in the strike.")]).articles
    assert article.date is None and article.text == "Date palms burned in the strike."


HUGE = ingest.MAX_RECORD_BYTES + 1000


def test_huge_jsonl_record_is_skipped(write):
    huge = json.dumps(rec("big", "x" * HUGE))
    path = write("huge.jsonl", jsonl(rec("a", "One."), huge, rec("c", "Three.")))
    run = Run([path])
    error = run.only_error()
    assert isinstance(error, MalformedRecordError) and error.origin == f"{path}:2"
    assert error.message == f"too large: {len(huge)} bytes, limit 5 MB; split the article"
    assert run.ids == ["a", "c"]


def test_huge_txt_is_skipped(write, good_txt):
    path = write("huge.txt", "date 2021-06-28\n" + "x" * HUGE)
    run = Run([path, good_txt])
    error = run.only_error()
    assert isinstance(error, MalformedRecordError) and error.origin == str(path)
    assert error.message.startswith(f"too large: {HUGE + 16} bytes, limit 5 MB")
    assert run.ids == ["good"]


def test_huge_csv_record_is_skipped(write):
    path = write(
        "huge.csv",
        "id,text,date\n"
        "a,One.,2021-06-28\n"
        f"big,{'x' * HUGE},2021-06-28\n"
        "c,Three.,2021-06-28\n",
    )
    run = Run([path])
    assert run.ids == ["a", "c"]
    assert [e.origin for e in run.errors] == [f"{path}:3"]
    assert "too large" in run.errors[0].message


def test_huge_multiline_csv_record_is_skipped(write, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 1000)
    multi = "\n".join(["forty-something characters of text here."] * 30)
    path = write("multi.csv", f'id,text,date\na,One.,2021-06-28\nbig,"{multi}",\nc,Three.,2021-06-28\n')
    run = Run([path])
    assert run.ids == ["a", "c"]
    assert run.only_error().origin == f"{path}:3" and "too large" in run.only_error().message


def test_nonexistent_path(tmp_path, good_txt):
    missing = tmp_path / "nope" / "missing.jsonl"
    run = Run([missing, good_txt])
    error = run.only_error()
    assert isinstance(error, InputNotFoundError)
    assert str(error) == f"{missing}: no such file or folder; check the path"
    assert run.ids == ["good"]


def test_unsupported_file_given_explicitly(write, good_txt):
    run = Run([write("notes.md", "# Notes"), good_txt])
    assert isinstance(run.only_error(), UnsupportedInputError)
    assert ".txt" in run.only_error().message
    assert run.ids == ["good"]


def test_default_handler_prints_to_stderr(write, capsys):
    path = write("batch.jsonl", jsonl("{oops", rec("b", "Undated.", date=None)))
    assert [a.id for a in read_articles([path])] == ["b"]
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"error: {path}:1: not valid JSON")
    assert err[1].startswith(f"warning: {path}:2: no publication date")


def test_stats_when_nothing_could_be_read(tmp_path):
    reader = Reader([tmp_path / "missing.txt"], on_problem=lambda p: None)
    assert list(reader) == []
    assert reader.stats == ReadStats(read=0, skipped=1, warnings=0)
    assert reader.stats.nothing_read


def test_nothing_is_read_before_iteration(write):
    path = write("late.txt", "date 2021-06-28\nOld.")
    articles = read_articles([path])
    path.write_text("date 2021-06-28\nNew.", encoding="utf-8")
    assert [a.text for a in articles] == ["New."]


def test_raising_from_on_problem_stops_the_read(tmp_path):
    def strict(problem: InputError) -> None:
        raise problem

    with pytest.raises(InputNotFoundError):
        list(read_articles([tmp_path / "missing.txt"], on_problem=strict))


# -------------------------------------------------------------------------- errors.py


def test_error_tree_and_shape():
    errors = (EmptyInputError, BinaryInputError, EncodingError, MalformedRecordError, InputNotFoundError)
    for cls in errors:
        assert issubclass(cls, InputError) and cls.severity == "error"
    assert issubclass(InputError, EventwireError) and issubclass(ConfigError, EventwireError)
    warning = MissingDateWarning("a.txt", "no publication date")
    assert isinstance(warning, InputError) and isinstance(warning, UserWarning)
    assert warning.severity == "warning"
    error = MalformedRecordError("data/a.jsonl:7", "not valid JSON")
    assert (error.origin, error.message) == ("data/a.jsonl:7", "not valid JSON")
    assert str(error) == "data/a.jsonl:7: not valid JSON"
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is MalformedRecordError and str(clone) == str(error)


# ---------------------------------------------------------------- properties (hypothesis)

bodies = st.text(min_size=1).filter(lambda s: s.strip())
separators = st.sampled_from([" ", "\n", "\r\n", "\t", "  \n\n"])
leading = st.text(alphabet=" \t\r\n", max_size=4)


@given(day=st.dates(), body=bodies, sep=separators, lead=leading)
def test_parse_date_prefix_round_trips(day, body, sep, lead):
    assert parse_date_prefix(f"{lead}date {day.isoformat()}{sep}{body}") == (day, body.lstrip())


@given(text=st.text())
def test_parse_date_prefix_leaves_other_text_alone(text):
    if not text.lstrip().lower().startswith("date"):
        assert parse_date_prefix(text) == (None, text.lstrip())


# Text without control characters other than tab and newline: control bytes mark binary files.
article_chars = st.characters(exclude_categories=["Cs", "Cc"], include_characters="\t\n")
non_blank = st.text(article_chars, min_size=1, max_size=40).filter(lambda s: s.strip())
optional = st.one_of(st.none(), non_blank)
records = st.lists(
    st.fixed_dictionaries(
        {"id": non_blank, "text": st.text(article_chars, min_size=1).filter(lambda s: s.strip())},
        optional={
            "date": st.one_of(st.none(), st.dates()),
            **{name: optional for name in ("title", "source", "url", "language")},
        },
    ),
    min_size=1,
    max_size=8,
)


def _expected(record: dict, origin: str) -> Article:
    return Article(**record, origin=origin)


@settings(max_examples=75, deadline=None)
@given(records=records, ascii_only=st.booleans(), blank_every=st.integers(2, 5))
def test_jsonl_round_trip(records, ascii_only, blank_every):
    lines, expected = [], []
    for record in records:
        if len(lines) % blank_every == blank_every - 1:
            lines.append("")
        on_disk = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in record.items()}
        lines.append(json.dumps(on_disk, ensure_ascii=ascii_only))
        expected.append(_expected(record, f"<stdin>:{len(lines)}"))
    stream = io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))
    problems: list[InputError] = []
    articles = list(read_articles(["-"], stdin=stream, on_problem=problems.append))
    assert articles == expected
    assert all(isinstance(p, MissingDateWarning) for p in problems)


csv_chars = st.characters(exclude_categories=["Cs", "Cc"], include_characters="\t\n\r")
csv_text = st.text(csv_chars, min_size=1).filter(lambda s: s.strip())


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(st.tuples(csv_text, csv_text, st.dates()), min_size=1, max_size=6))
def test_csv_round_trip(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # "\r\n" line ends: the csv module then quotes fields with "\r"
    writer.writerow(["id", "text", "date"])
    writer.writerows((i, t, d.isoformat()) for i, t, d in rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "rows.csv")
        path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        run = Run([path])
    assert run.problems == []
    assert [(a.id, a.text, a.date) for a in run.articles] == rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html"]))
def test_arbitrary_bytes_never_raise(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input" + suffix)
        path.write_bytes(data)
        run = Run([path])
    for article in run.articles:
        assert article.text.strip() and article.id
    for problem in run.problems:
        assert problem.origin.startswith(str(path)) and problem.message


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=600))
def test_arbitrary_bytes_on_stdin_never_raise(data):
    run = Run(["-"], stdin=io.BytesIO(data))
    assert all(p.origin.startswith("<stdin>") for p in run.problems)
    assert run.stats.read + run.stats.skipped >= 1
