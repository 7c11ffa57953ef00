"""The command line end to end: formats, bad inputs, exit status."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from eventwire.cli import app

from .conftest import GOLDEN

BATTLE = (GOLDEN / "battle_somalia.txt").read_text(encoding="utf-8")
GOOD_TEXT = BATTLE.split("\n", 1)[1]


def _run(args, **kwargs):
    return CliRunner().invoke(app, args, **kwargs)


def _good_jsonl_line(article_id: str) -> str:
    return json.dumps({"id": article_id, "text": GOOD_TEXT, "date": "2022-03-15"})


def test_help_lists_commands_with_help_text():
    result = _run(["--help"])
    assert result.exit_code == 0
    assert "extract" in result.stdout
    for command in app.registered_commands:
        assert (command.callback.__doc__ or command.help), f"{command.callback.__name__} has no help"


def test_extract_writes_jsonl_to_a_file(tmp_path):
    out = tmp_path / "events.jsonl"
    result = _run(["extract", str(GOLDEN / "battle_somalia.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert any(r["acled"] and r["acled"]["sub_event_type"] == "Armed clash" for r in records)


def test_extract_csv_has_one_row_per_event(tmp_path):
    result = _run(["extract", str(GOLDEN / "battle_somalia.txt"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["event_id"].startswith("ew-")
    clash = next(r for r in rows if r["sub_event_type"] == "Armed clash")
    assert clash["country"] == "SOM" and clash["fatalities_best"] == "12"


def test_stdin_jsonl(tmp_path):
    result = _run(["extract", "-"], input=_good_jsonl_line("from-stdin") + "\n")
    assert result.exit_code == 0, result.output
    assert "from-stdin" in result.stdout


def _assert_others_processed(result, *ids):
    assert result.exit_code == 0, result.output
    for article_id in ids:
        assert f'"{article_id}"' in result.stdout, f"{article_id} was lost"


def test_empty_file_is_reported_and_others_processed(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text(BATTLE, encoding="utf-8")
    result = _run(["extract", str(tmp_path)])
    assert "empty.txt" in result.stderr and "empty" in result.stderr.lower()
    _assert_others_processed(result, "good")


def test_binary_file_is_reported_and_others_processed(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "good.txt").write_text(BATTLE, encoding="utf-8")
    result = _run(["extract", str(tmp_path)])
    assert "photo.txt" in result.stderr and "binary" in result.stderr.lower()
    _assert_others_processed(result, "good")


def test_invalid_utf8_is_reported_and_others_processed(tmp_path):
    # UTF-8 text (curly quotes) with one byte that is not UTF-8: an error, never a silent guess
    body = BATTLE.replace('"', "\u201c").encode("utf-8")
    (tmp_path / "broken.txt").write_bytes(body[:200] + b"\xff" + body[200:])
    (tmp_path / "good.txt").write_text(BATTLE, encoding="utf-8")
    result = _run(["extract", str(tmp_path)])
    assert "broken.txt" in result.stderr
    _assert_others_processed(result, "good")


def test_malformed_json_line_names_file_and_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([_good_jsonl_line("a1"), '{"id": "a2", "text": ', _good_jsonl_line("a3")]) + "\n")
    result = _run(["extract", str(path)])
    assert "batch.jsonl:2" in result.stderr
    _assert_others_processed(result, "a1", "a3")


def test_csv_without_text_column_is_reported_and_others_processed(tmp_path):
    (tmp_path / "notext.csv").write_text("id,body\nx1,Something happened\n")
    (tmp_path / "good.txt").write_text(BATTLE, encoding="utf-8")
    result = _run(["extract", str(tmp_path)])
    assert "notext.csv" in result.stderr and "text" in result.stderr
    _assert_others_processed(result, "good")


def test_missing_date_is_a_warning_and_the_record_is_kept(tmp_path):
    path = tmp_path / "undated.jsonl"
    path.write_text(json.dumps({"id": "undated", "text": GOOD_TEXT}) + "\n" + _good_jsonl_line("dated") + "\n")
    result = _run(["extract", str(path)])
    assert "warning" in result.stderr and "undated.jsonl:1" in result.stderr
    _assert_others_processed(result, "undated", "dated")
    undated = [json.loads(line) for line in result.stdout.splitlines() if '"undated"' in line]
    # "on Sunday" cannot be resolved without a publication date
    assert all(r["event_date"] is None and r["date_precision"] == "unknown" for r in undated)


def test_exit_status_is_non_zero_only_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = _run(["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    result = _run(["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1 and "missing.txt" in result.stderr


def test_extract_in_the_contract_formats():
    battle = str(GOLDEN / "battle_somalia.txt")
    acled = _run(["extract", battle, "--format", "acled"])
    assert acled.exit_code == 0, acled.output
    rows = list(csv.DictReader(io.StringIO(acled.stdout)))
    assert rows[0]["sub_event_type"] == "Armed clash" and rows[0]["country"] == "Somalia"
    geojson = json.loads(_run(["extract", battle, "--format", "geojson"]).stdout)
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    plover = _run(["extract", battle, "--format", "plover"])
    assert plover.exit_code == 0 and plover.stdout.strip()
