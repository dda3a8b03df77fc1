from __future__ import annotations

import stat
from pathlib import Path

import pytest

from earned import environment
from earned.environment import ConfigurationError


def test_local_is_the_default_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EARNED_MODE", raising=False)
    assert environment.mode() == "local"


def test_an_unknown_mode_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EARNED_MODE", "cloud")
    with pytest.raises(ConfigurationError, match=r"'local'.*or 'server'"):
        environment.mode()


def test_the_data_folder_can_be_chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EARNED_DATA_DIR", str(tmp_path / "mine"))
    assert environment.data_dir() == tmp_path / "mine"


def test_the_default_data_folder_is_the_platforms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EARNED_DATA_DIR", raising=False)
    assert environment.data_dir().name == "earned"


def test_the_data_folder_is_private(tmp_path: Path) -> None:
    folder = environment.ensure_data_dir(tmp_path / "data")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_data_folder_that_is_a_file_names_the_fix(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(ConfigurationError, match="cannot write to its data folder"):
        environment.ensure_data_dir(blocker / "data")


def test_the_local_secret_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    first = environment.local_secret_key(tmp_path)
    assert first == environment.local_secret_key(tmp_path)
    assert len(first) >= 50
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_a_server_refuses_to_start_without_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EARNED_SECRET_KEY", raising=False)
    monkeypatch.delenv("EARNED_SECRET_KEY_FILE", raising=False)
    with pytest.raises(ConfigurationError, match="EARNED_SECRET_KEY"):
        environment.server_secret_key()


@pytest.mark.parametrize("weak", ["changeme", "a" * 80])
def test_a_server_refuses_a_weak_secret_key(monkeypatch: pytest.MonkeyPatch, weak: str) -> None:
    monkeypatch.setenv("EARNED_SECRET_KEY", weak)
    with pytest.raises(ConfigurationError, match="too weak"):
        environment.server_secret_key()


def test_a_server_reads_its_key_from_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key = "k3y-" + "Zq8Lw2Vn5Rt9Yp1Xs4Hb7Jm0Cf6Gd3Ka" * 2
    (tmp_path / "key").write_text(key + "\n")
    monkeypatch.delenv("EARNED_SECRET_KEY", raising=False)
    monkeypatch.setenv("EARNED_SECRET_KEY_FILE", str(tmp_path / "key"))
    assert environment.server_secret_key() == key


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("yes", True), ("0", False), ("", True)])
def test_flags_read_plainly(monkeypatch: pytest.MonkeyPatch, raw: str, value: bool) -> None:
    monkeypatch.setenv("EARNED_TEST_FLAG", raw)
    assert environment.env_flag("EARNED_TEST_FLAG", default=True) is value


def test_a_bad_number_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EARNED_IDLE_TIMEOUT_MINUTES", "soon")
    with pytest.raises(ConfigurationError, match="EARNED_IDLE_TIMEOUT_MINUTES"):
        environment.env_int("EARNED_IDLE_TIMEOUT_MINUTES", 30)
