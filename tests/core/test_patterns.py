"""Patterns compiled on first use (issue 16), and the names still found where they were."""

import re

import pytest

from viber_desktop.core import findings, history, markup, outcomes
from viber_desktop.core.patterns import lazy_pattern
from viber_desktop.services import sending


def test_a_lazy_pattern_compiles_on_its_first_call_once() -> None:
    pattern = lazy_pattern(r"b+", re.IGNORECASE)
    compiled = pattern.cache_info  # type: ignore[attr-defined]  # functools.cache's
    assert compiled().misses == 0
    first = pattern()
    assert first.fullmatch("bBb") and pattern() is first
    assert compiled().misses == 1 and compiled().hits == 1
    assert lazy_pattern(rb"\x01+")().sub(b"-", b"a\x01\x01b") == b"a-b"


def test_records_moved_to_their_own_modules_are_still_found_by_their_old_names() -> None:
    from viber_desktop.core import api_result, button_tags, features, history_records
    from viber_desktop.services import send_target

    assert outcomes.ApiResult is api_result.ApiResult
    assert history.HistoryEntry is history_records.HistoryEntry
    assert history.HistoryFilter is history_records.HistoryFilter
    assert history.HistorySummary is history_records.HistorySummary
    assert history.ENTRY_FIELDS == history_records.ENTRY_FIELDS
    assert findings.Feature is features.Feature
    assert markup.Element is button_tags.Element and markup.has_tag is button_tags.has_tag
    assert markup.toggle_tag("Buy", 0, 3, "b").text == "<b>Buy</b>"
    assert sending.Target is send_target.Target
    for module in (outcomes, history, findings, markup, sending):
        with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
            module.Nothing  # noqa: B018 - the lookup is the test
