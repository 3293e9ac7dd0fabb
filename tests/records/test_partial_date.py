"""`PartialDate.parse` reads the dates of headers and feeds: a value that is no calendar date is a ValueError
(which the reader records as a malformed date), never another exception and never a wrong date."""
from __future__ import annotations

import pytest

from pipeline.records import PartialDate


@pytest.mark.parametrize("text, expected", [
    ("2019", PartialDate(2019)), ("2019-04", PartialDate(2019, 4)), (" 2019-04-25 ", PartialDate(2019, 4, 25)),
])
def test_dates_of_each_precision(text, expected):
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize("text", [
    "2019-00",  # month zero is no month (it used to pass as 2019-01 when validated)
    "2019-04-00", "2019-02-30", "2019-13",
    "2019-2147483648",  # beyond a C int: the calendar raises OverflowError
    "2019-04-99999999999999999999", "0000", "19-04", "2019/04", "2019-04-25-01", "",
])
def test_no_calendar_date_is_a_value_error(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)
