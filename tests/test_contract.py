"""Every record the command line writes validates against the contract's JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from eventwire.cli import app

from .conftest import GOLDEN, SCHEMA, SEED, require


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(require(SCHEMA).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def cli_records():
    result = CliRunner().invoke(app, ["extract", str(require(SEED)), str(GOLDEN)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_writes_records(cli_records):
    assert len(cli_records) >= 10
    assert {"seed_article", "battle_somalia", "protest_ghana"} <= {a for r in cli_records for a in r["article_ids"]}


def test_every_record_validates_against_the_contract(cli_records, validator):
    for record in cli_records:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, f"{record['event_id']}: {[e.message for e in errors]}"


def test_sub_event_types_are_acled_spellings(cli_records):
    from eventwire.schema import ACLED_SUB_EVENT_TYPES

    for record in cli_records:
        if record["acled"]:
            allowed = ACLED_SUB_EVENT_TYPES[record["acled"]["event_type"]]
            assert record["acled"]["sub_event_type"] in allowed


def test_statements_have_no_acled_but_plover_and_cameo(cli_records):
    statements = [r for r in cli_records if r["statement"] is not None]
    assert statements
    for record in statements:
        assert record["acled"] is None
        assert record["plover"]["event_type"] and record["cameo_root"]


def test_event_table_is_consistent_with_the_schema():
    from eventwire.resolve.event_types import load_event_table
    from eventwire.schema import ACLED_SUB_EVENT_TYPES

    for kind in load_event_table().kinds:
        if kind.acled_type:
            assert kind.acled_sub_type in ACLED_SUB_EVENT_TYPES[kind.acled_type], kind.id
        assert kind.plover_type.isupper()
        assert 1 <= int(kind.cameo_root) <= 20
