"""The app's folders: the same as platformdirs says, without loading it on Linux."""

import subprocess
import sys

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viber_desktop import APP_NAME
from viber_desktop.services import paths

ASK = {
    "config": platformdirs.user_config_dir,
    "data": platformdirs.user_data_dir,
    "cache": platformdirs.user_cache_dir,
}
VARIABLES = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")

# Absolute and relative paths, empty values, doubled and trailing slashes, spaces, "~".
PATHS = st.one_of(
    st.none(),
    st.sampled_from(["", "/", "//", "/home/ana", "/home/ana/", "/home//ana//", "relative/x", "~"]),
    st.text(alphabet="/ab.~ -", max_size=12),
)


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is the Linux one")
@settings(max_examples=300, deadline=None)
@given(values=st.tuples(*[PATHS] * len(VARIABLES)), kind=st.sampled_from(sorted(ASK)))
def test_each_folder_is_the_one_platformdirs_gives(
    values: tuple[str | None, ...], kind: paths.Kind
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name, value in zip(VARIABLES, values, strict=True):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        same_folder(kind)


def same_folder(kind: paths.Kind) -> None:
    try:
        expected: str | type[Exception] = ASK[kind](APP_NAME, False)
    except RuntimeError:  # no home folder to be found: both must fail the same way
        expected = RuntimeError
    if expected is RuntimeError:
        with pytest.raises(RuntimeError):
            paths._user_dir(kind)
    else:
        assert paths._user_dir(kind) == expected


def test_a_start_on_linux_does_not_load_platformdirs() -> None:
    code = (
        "import sys\n"
        "from viber_desktop.services import paths\n"
        "[paths._user_dir(kind) for kind in ('config', 'data', 'cache')]\n"
        "print('platformdirs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ("False" if sys.platform == "linux" else "True")
