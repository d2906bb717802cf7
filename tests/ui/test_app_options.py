"""The window's options: plain flags skip argparse (start-up, issue 16), the rest go through it."""

import argparse

import pytest

from viber_desktop.ui.app import Options, options


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], Options()),
        (["--smoke-test"], Options(smoke_test=True)),
        (["--rtl", "--dark", "--rtl"], Options(dark=True, rtl=True)),
    ],
)
def test_plain_flags_are_read_without_argparse(
    args: list[str], expected: Options, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_parser(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("argparse was used")

    with monkeypatch.context() as patch:
        patch.setattr(argparse, "ArgumentParser", no_parser)
        assert options(args) == (expected, [])
    assert options(args)[0] == options([*args, "--lang", "en"])[0]._replace(lang=None)


def test_other_options_and_qt_arguments_go_through_argparse() -> None:
    opts, rest = options(["--lang", "uk", "-style", "fusion", "--smoke-test"])
    assert opts == Options(smoke_test=True, lang="uk")
    assert rest == ["-style", "fusion"]


def test_an_unknown_language_is_refused_as_before() -> None:
    with pytest.raises(SystemExit):
        options(["--lang", "xx"])
