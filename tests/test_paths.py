"""Where the cache goes: the working project's .cache/discourse/, else the user's cache folder; never the
corpus's folder or a repository that merely holds it."""
from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from discourse import paths


@pytest.fixture(autouse=True)
def no_cache_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.CACHE_ENV, raising=False)


def test_default_is_the_working_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    (work / "sub").mkdir(parents=True)
    (work / "pyproject.toml").write_text("[project]\nname='x'\n")
    monkeypatch.chdir(work / "sub")
    assert paths.working_project() == work.resolve()
    assert paths.default_cache_dir() == work.resolve() / ".cache" / "discourse"
    assert paths.resolve_cache_dir(True, tmp_path) == paths.resolve_cache_dir(None, tmp_path) \
        == work.resolve() / ".cache" / "discourse"


def test_a_corpus_inside_another_repository_is_not_written_to(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "their-repo"
    (other / ".git").mkdir(parents=True)
    (other / "speeches").mkdir()
    work = tmp_path / "work"
    (work / ".git").mkdir(parents=True)
    monkeypatch.chdir(work)
    assert paths.resolve_cache_dir(None, other / "speeches") == work.resolve() / ".cache" / "discourse"


def test_outside_any_project_the_user_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_ROOT_MARKERS", ("no-such-marker-file",))
    monkeypatch.chdir(tmp_path)
    assert paths.working_project() is None
    expected = Path(platformdirs.user_cache_dir("discourse", appauthor=False))
    assert paths.default_cache_dir() == expected
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # platformdirs follows it on Linux
    if platformdirs.user_cache_dir("discourse", appauthor=False).startswith(str(tmp_path)):
        assert paths.default_cache_dir() == tmp_path / "xdg" / "discourse"


def test_options_and_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert paths.resolve_cache_dir(False, tmp_path) is None
    assert paths.resolve_cache_dir(None, None) is None  # in-memory corpora: no cache by default
    assert paths.resolve_cache_dir("x/y", tmp_path) == Path("x/y")
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "shared-cache"))
    assert paths.resolve_cache_dir(None, tmp_path) == tmp_path / "shared-cache"
    assert paths.resolve_cache_dir(tmp_path / "given", tmp_path) == tmp_path / "given"  # an explicit path wins
    monkeypatch.setenv(paths.CACHE_ENV, "off")
    assert paths.resolve_cache_dir(None, tmp_path) is None
    assert paths.resolve_cache_dir(False, tmp_path) is None
