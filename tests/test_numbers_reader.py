"""Reading figures: values, units, qualifiers, intervals, and what is not a quantity."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from factlint.plugins.numbers import intervals as iv
from factlint.plugins.numbers import units
from factlint.plugins.numbers.reader import read
from factlint.plugins.numbers.words import words_value


def one(text: str):
    figs = [f for f in read(text) if f.kind == "quantity"]
    assert len(figs) == 1, (text, [(text[f.start:f.end], f.kind) for f in figs])
    return figs[0]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("1,234,567", 1234567, None), ("4.8", 4.8, None), ("$1.13bn", 1.13e9, "USD"), ("£600m", 6e8, "GBP"),
    ("US$ 150 million", 1.5e8, "USD"), ("361 million pounds", 3.61e8, "GBP"), ("25 pounds", 25, "pound"),
    ("50 cents", 0.5, "USD"), ("€2 million", 2e6, "EUR"), ("10 $", 10, "USD"), ("76%", 76, "percent"),
    ("2 percentage points", 2, "percentage_point"), ("twenty per cent", 20, "percent"), ("10k", 1e4, None),
    ("the 140-kilometre river", 140, "kilometer"), ("a 315-foot dam", 315, "foot"), ("300 km", 300, "kilometer"),
    ("highs of 40C", 40, "degC"), ("98.6 degrees fahrenheit", 98.6, "degF"), ("10 1/2 miles", 10.5, "mile"),
    ("minus 160 degrees centigrade", -160, "degC"), ("temperatures hit 35 degrees", 35, units.DEGREE_TEMPERATURE),
    ("set the thermostat to 85°", 85, units.DEGREE_TEMPERATURE), ("rotate 90 degrees", 90, "degree"),
    ("a 45 degrees angle", 45, "degree"), ("a 360-degree panoramic view", 360, "degree"),
    ("thirty-one", 31, None), ("six thousand", 6000, None), ("one hundred and twenty", 120, None),
    ("a dozen", 12, None), ("half a million", 5e5, None), ("two and a half", 2.5, None),
    ("three million and a half", 3.5e6, None), ("12,34,567", 1234567, None), ("13 lakh", 1.3e6, None),
    ("a 25-year-old man", 25, "year"), ("minus 5", -5, None), ("-1.5", -1.5, None),
])
def test_values_and_units(text, value, unit):
    f = one(text)
    assert math.isclose(f.value, value, rel_tol=1e-9)
    assert f.unit == unit


@pytest.mark.parametrize("text", [
    "COVID-19", "F-35", "Su-57", "G7", "Boeing 737", "No. 10", "Article 5", "24/7", "9/11", "the 4th", "at 10:30",
    "at 3pm", "192.168.1.2", "one of the best", "no one knows", "one thing", "the 1990s", "7E7", "Windows 95",
    "The 13F filing shows the stake", "When must 13F be filed?",
])
def test_not_quantities(text):
    assert [f for f in read(text) if f.kind == "quantity"] == []


@pytest.mark.parametrize(("text", "unit"), [
    ("It was 40C (104F) in Seville", "degC"), ("It was 40C (104F) in Seville", "degF"), ("It was 14C/57F", "degC"),
])
def test_glued_temperature_next_to_its_conversion(text, unit):
    assert unit in [f.unit for f in read(text) if f.kind == "quantity"]


@pytest.mark.parametrize(("text", "date"), [("in 2004", "2004"), ("on 5 May 2005", "5 May 2005"), ("May 5", "May 5")])
def test_dates(text, date):
    got = [text[f.start : f.end] for f in read(text) if f.kind == "date"]
    assert got == [date]


@pytest.mark.parametrize(("text", "hard", "soft"), [
    ("12,000", (11500, 12500), (11500, 12500)),
    ("10,000", (5000, 15000), (5000, 15000)),
    ("over 10,000", (10000, math.inf), (10000, 20000)),
    ("approximately 12,000", (9000, 15000), (10800, 13200)),
    ("at least 250", (250, math.inf), (250, 500)),
    ("nearly 5,000", (4000, 5000), (4500, 5000)),
    ("fewer than 300", (0, 300), (150, 300)),
    ("up to 40", (0, 40), (20, 40)),
    ("between 300 and 400", (300, 400), (300, 400)),
    ("10,000-12,000", (10000, 12000), (10000, 12000)),
    ("dozens of", (20, 150), (24, 99)),
    ("exactly 12", (12, 12), (12, 12)),
    ("5,000+", (5000, math.inf), (5000, 10000)),
])
def test_intervals(text, hard, soft):
    f = one(text + " people")
    assert f.hard == pytest.approx(hard) and f.soft == pytest.approx(soft)


def test_change_and_earlier_figures():
    figs = read("Rates rose 0.25% to 4.75%, up from 4.5% a year earlier.")
    assert [(f.change, f.earlier) for f in figs] == [(True, False), (False, False), (False, True)]


def test_score_is_not_a_range():
    figs = read("Chelsea won 3-1 at home.")
    assert [f.kind for f in figs] == ["score"]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_integers_in_words_read_back(n):
    assert words_value(num2words(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**12))
def test_bare_figure_interval_contains_it(n):
    f = one(f"{n:,} people")
    assert f.hard[0] <= n <= f.hard[1] and f.soft[0] <= n <= f.soft[1]


interval = st.tuples(st.floats(-1e9, 1e9), st.floats(0, 1e9)).map(lambda t: (t[0], t[0] + t[1]))


@given(interval, interval)
def test_conflict_is_symmetric(a, b):
    assert iv.conflict(a, b) == iv.conflict(b, a)
    assert iv.gap(a, b) == pytest.approx(iv.gap(b, a))


UNIT_PAIRS = [("kilometer", "mile"), ("meter", "foot"), ("tonne", "ton"), ("degC", "degF"), ("km/hour", "mile/hour"),
              ("km**2", "acre"), ("liter", "gallon"), ("kilogram", "pound")]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(UNIT_PAIRS), st.floats(-1e6, 1e6, allow_nan=False))
def test_unit_conversions_round_trip(pair, x):
    a, b = pair
    assert units.convert(units.convert(x, a, b), b, a) == pytest.approx(x, rel=1e-9, abs=1e-6)


@pytest.mark.parametrize(("text", "share"), [("two in five adults", 40), ("one out of three voters", 100 / 3), ("3 in 4 people", 75)])
def test_ratios_are_shares(text, share):
    f = one(text)
    assert f.unit == "percent" and f.value == pytest.approx(share) and f.hard[0] < share < f.hard[1]


def test_unit_table_is_pints_answer():
    """The written-down conversions are what pint gives for every unit of the pack today."""
    from pathlib import Path

    from factlint.plugins.numbers import unit_table

    written = Path(unit_table.__file__).read_text(encoding="utf-8")
    assert written == units.table_source(), "run: python -c 'from factlint.plugins.numbers.units import write_table; write_table()'"
    assert set(unit_table.BASE) == set(units.pack_units())
