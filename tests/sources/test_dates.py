import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from replication.sources.dates import MONTHS, DateFormatError, find_prose_date, parse_table_date

ABBREVIATIONS = {1: "Jan", 2: "Feb", 3: "Mar", 4: "Apr", 5: "May", 6: "Jun", 7: "Jul", 8: "Aug", 9: "Sept",
                 10: "Oct", 11: "Nov", 12: "Dec"}


def test_formats_printed_in_the_table():
    assert parse_table_date("1954 Sept 3") == dt.date(1954, 9, 3)
    assert parse_table_date("1974 July 20") == dt.date(1974, 7, 20)
    assert parse_table_date("1949 Jan 1") == dt.date(1949, 1, 1)


@pytest.mark.parametrize("text, rule", [
    ("1962 Feb 31", "valid calendar date"),
    ("1962 Foo 3", "known month name"),
    ("62 Oct 20", "date as 'YYYY Mon D'"),
    ("Oct 20 1962", "date as 'YYYY Mon D'"),
    ("", "date as 'YYYY Mon D'"),
    ("ongoing", "date as 'YYYY Mon D'"),
])
def test_bad_table_dates_are_refused_with_their_rule(text, rule):
    with pytest.raises(DateFormatError) as err:
        parse_table_date(text)
    assert err.value.rule == rule


def test_prose_dates_inside_responses():
    assert find_prose_date("Cambodia refuses June 7, 1977 proposal") == dt.date(1977, 6, 7)
    assert find_prose_date("Iran accepts July 18, 1988") == dt.date(1988, 7, 18)
    assert find_prose_date("India and Pakistan agree") is None
    with pytest.raises(DateFormatError):
        find_prose_date("A accepts May 1, 1990 and June 2, 1990")
    with pytest.raises(DateFormatError):
        find_prose_date("Iran accepts February 30, 1988")


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_table_date_round_trip(day):
    assert parse_table_date(f"{day.year} {ABBREVIATIONS[day.month]} {day.day}") == day


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(sorted(MONTHS)))
def test_prose_date_round_trip_with_every_month_spelling(day, name):
    if MONTHS[name] != day.month:
        return
    assert find_prose_date(f"X accepts {name.capitalize()} {day.day}, {day.year} offer") == day


@given(st.text(max_size=30))
def test_table_parser_never_fails_silently(text):
    try:
        result = parse_table_date(text)
    except DateFormatError:
        return
    assert isinstance(result, dt.date)
