"""The redaction helper."""

from viber_desktop.core.redact import mask_token, redact


def test_redact_replaces_every_occurrence() -> None:
    token = "4453b6ac12345678-e02c9ba3dd123456"
    text = f"failed with {token} (header {token})"
    assert token not in redact(text, token)
    assert redact(text, token).count("[token hidden]") == 2


def test_short_strings_are_not_treated_as_tokens() -> None:
    assert redact("the host name could not be resolved", "t") == (
        "the host name could not be resolved"
    )


def test_mask_shows_at_most_the_last_four() -> None:
    assert mask_token("4453b6ac12345678-e02c9ba3dd123456").endswith("3456")
    assert "abc" not in mask_token("abcdefgh")  # short: nothing shown
    assert mask_token(None) == "(none)"


def test_objects_holding_a_token_do_not_show_it() -> None:
    from viber_desktop.services.sending import Target

    token = "4453b6ac12345678-e02c9ba3dd123456"
    assert token not in repr(Target("P", "https://x", token))


def test_a_token_cut_by_a_line_break_or_echoed_in_part_is_hidden() -> None:
    token = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"
    split = redact(f"<pre>{token[:25]}\n{token[25:]}</pre>", token)
    assert split == "<pre>[token hidden]\n[token hidden]</pre>"
    partial = redact(f"X-Viber-Auth-Token: {token[:40]}...", token)
    assert partial == "X-Viber-Auth-Token: [token hidden]..."
    assert redact(f"id {token[5:24]} ok", token) == f"id {token[5:24]} ok"  # 19: chance


def test_hiding_pieces_of_a_token_in_a_hostile_megabyte_is_quick() -> None:
    import time

    token = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"
    text = (token[:40] + ",") * 25_000
    start = time.perf_counter()
    assert token[:20] not in redact(text, token)
    assert time.perf_counter() - start < 5
