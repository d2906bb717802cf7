"""A token check's verdict: only status 2 says the token is wrong."""

import pytest

from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.token_check import token_verdict


def test_a_valid_answer_names_the_bot_and_bounds_hostile_fields() -> None:
    ok = ApiResult(outcome="ok", status=0, data={"name": "Shop", "subscribers_count": 1234})
    assert token_verdict(ok) == (
        "valid",
        "Valid: Viber knows this token (Shop, 1,234 subscribers).",
        "Shop",
    )
    odd = ApiResult(outcome="ok", status=0, data={"name": "x" * 10_000, "subscribers_count": "∞"})
    verdict = token_verdict(odd)
    assert verdict.bot_name == "x" * 100
    assert "subscriber count not given" in verdict.text


@pytest.mark.parametrize("status", [3, 7, 8, 99, -1, 2**63])
def test_other_statuses_are_answers_but_not_a_wrong_token(status: int) -> None:
    verdict = token_verdict(ApiResult(outcome="api_error", status=status))
    assert verdict.verdict == "refused"
    assert verdict.text.startswith("Viber answered but did not confirm the token: ")
    assert "not valid" not in verdict.text.lower()


def test_status_2_is_the_only_wrong_token() -> None:
    verdict = token_verdict(ApiResult(outcome="api_error", status=2), "the sandbox")
    assert verdict.verdict == "invalid"
    assert verdict.text.startswith("Not valid: the sandbox says this token is wrong (status 2 ")


@pytest.mark.parametrize(
    ("result", "opening"),
    [
        (ApiResult(outcome="not_sent", error="could not connect: refused"), "could not be reached"),
        (ApiResult(outcome="unknown", error="no answer within 20 s"), "could not be reached"),
        (ApiResult(outcome="unknown"), "could not be reached"),
        (
            ApiResult(outcome="unknown", http_status=502, error="HTTP 502 with an error page"),
            "gave no valid answer",
        ),
    ],
)
def test_no_answer_means_not_checked(result: ApiResult, opening: str) -> None:
    verdict = token_verdict(result, "the sandbox")
    assert verdict.verdict == "not_checked"
    assert verdict.text.startswith(f"The sandbox {opening} (")
    assert "the token was NOT checked" in verdict.text
