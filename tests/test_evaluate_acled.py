"""ACLED scoring: rows as articles, the prediction rule, the measures, and a quick run on real rows.

The small CSVs here are written for the test (notes of our own); the real ACLED files are read at
run time with ``limit`` (skipped when absent).
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from eventwire.evaluate import detect_format, evaluate
from eventwire.evaluate.acled import (
    ACTOR_INTER_CODES,
    clean_notes,
    evaluate_acled,
    parse_acled_date,
    predicted_event,
    read_acled,
    to_article,
    toll_writing,
)
from eventwire.schema import ActorType

from .conftest import SHARED, require

GLOBAL = SHARED / "gold" / "acled_global_2020" / "acled.csv"
KENYA = SHARED / "gold" / "acled_kenya" / "acled_data.csv"

COLUMNS = ["data_id", "event_date", "event_type", "sub_event_type", "inter1", "iso3", "latitude", "longitude",
           "notes", "fatalities"]  # fmt: skip
ROWS = [
    ["1", "3-Mar-24", "Battles", "Armed clash", "2", "SOM", "4.7358", "45.2036",
     "On 3 March 2024, Al Shabaab militants clashed with Somali soldiers in Beledweyne, killing four soldiers. "
     "[size=no report]", "4"],
    ["2", "5-Mar-24", "Protests", "Peaceful protest", "6", "KEN", "-1.2833", "36.8167",
     "On 5 March 2024, teachers protested in Nairobi to demand the payment of their salaries.", "0"],
    ["3", "6-Mar-24", "Violence against civilians", "Attack", "3", "NGA", "11.8333", "13.15",
     "On 6 March 2024, gunmen attacked a village near Maiduguri. A farmer was killed.", "1"],
    ["4", "7-Mar-24", "Battles", "Armed clash", "1", "SOM", "2.0416", "45.3435",
     "Soldiers and militants fought for hours.", "2"],
]  # fmt: skip


@pytest.fixture()
def acled_csv(tmp_path):
    path = tmp_path / "acled.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(ROWS)
    return path


def test_acled_dates_global_and_kenya():
    assert parse_acled_date("9-May-20") == dt.date(2020, 5, 9)
    assert parse_acled_date("31-12-19") == dt.date(2019, 12, 31)
    with pytest.raises(ValueError):
        parse_acled_date("May 9th")


def test_a_row_is_an_article_dated_two_days_later(acled_csv):
    rows = read_acled(acled_csv)
    assert [r.id for r in rows] == ["1", "2", "3", "4"]
    assert clean_notes("Clashes erupted. [size=no report]") == "Clashes erupted."
    assert not rows[0].text.endswith("]")
    article = to_article(rows[0])
    assert article.id == "1" and article.date == dt.date(2024, 3, 5) and article.text == rows[0].text


def test_a_rows_country_is_read_from_its_numeric_iso_code(tmp_path):
    path = tmp_path / "acled.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["data_id", "iso", "event_date", "iso3", "notes"])
        writer.writerow(["1", "642", "6-May-20", "ROM", "On 6 May 2020, villagers protested in Xqzeni."])  # a legacy code
        writer.writerow(["2", "608", "6-May-20", "", "On 6 May 2020, villagers protested in Xqzville."])  # none at all
        writer.writerow(["3", "0", "6-May-20", "XKX", "On 6 May 2020, villagers protested in Xqzovo."])  # no numeric code
        writer.writerow(["4", "", "6-May-20", "KEN", "On 6 May 2020, villagers protested in Xqzbura."])
    assert [row.iso3 for row in read_acled(path)] == ["ROU", "PHL", "XKX", "KEN"]


def test_every_actor_type_but_unknown_has_an_inter_code():
    assert set(ActorType.__args__) - set(ACTOR_INTER_CODES) == {"unknown"}
    assert ACTOR_INTER_CODES["state_forces"] == 1 and ACTOR_INTER_CODES["protesters"] == 6


def test_toll_writing():
    assert toll_writing("Gunmen killed 12 people.", 12) == "written"
    assert toll_writing("Gunmen killed twelve people.", 12) == "written"
    assert toll_writing("Gunmen killed twenty-one people.", 21) == "written"
    assert toll_writing("A man was killed by gunmen.", 1) == "single"
    assert toll_writing("Gunmen killed 25 rebels and 6 soldiers.", 31) == "not_written"
    assert toll_writing("On 12 May 2020, gunmen attacked.", 2) == "not_written"


def test_the_prediction_is_the_first_event_with_an_acled_type():
    class E:
        def __init__(self, acled):
            self.acled = acled

    statement, strike, clash = E(None), E("strike"), E("clash")
    assert predicted_event([statement, strike, clash]) is strike
    assert predicted_event([statement]) is statement
    assert predicted_event([]) is None


def test_scores_a_small_file(acled_csv, nlp):
    assert detect_format(acled_csv) == "acled"
    report = evaluate_acled(acled_csv, nlp=nlp)
    assert report["rows"] == 4 and report["rows_with_deaths"] == 3
    assert report["baseline_zero_fatalities_exact"] == 0.25
    assert report["baseline_zero_fatalities_exact_with_deaths"] == 0.0
    # the undated note (row 4) cannot have its date right; the three dated ones do
    assert report["event_date_exact"] == 0.75
    # rows 1-3 have their toll (4, 0, 1); row 4 states none
    assert report["fatalities_exact"] == 0.75
    assert report["fatalities_exact_with_deaths"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["fatalities_exact_without_deaths"] == 1.0
    breakdown = report["fatalities_breakdown"]["rows_with_deaths_by_toll_in_note"]
    assert (breakdown["written"]["rows"], breakdown["single"]["rows"], breakdown["not_written"]["rows"]) == (1, 1, 1)
    for key in ("event_type_accuracy", "sub_event_type_accuracy", "actor1_inter_accuracy",
                "location_country_accuracy", "location_within_25km"):  # fmt: skip
        assert 0.0 <= report[key] <= 1.0
    assert report["location_country_accuracy"] >= 0.5


@pytest.mark.parametrize("path", [GLOBAL, KENYA], ids=["global", "kenya"])
def test_real_rows_are_scored(path, nlp):
    report = evaluate(require(path), limit=120)
    assert report["format"] == "acled" and report["rows"] == 120
    for key, value in report.items():
        if isinstance(value, float):
            assert 0.0 <= value <= 1.0, key
    assert report["share_with_an_event"] > 0.7
    # Better than answering 0 deaths everywhere, and right on most rows with deaths
    assert report["fatalities_exact"] > report["baseline_zero_fatalities_exact"]
    assert report["fatalities_exact_with_deaths"] > 0.4
