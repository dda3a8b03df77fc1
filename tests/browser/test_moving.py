"""Moving to a new computer, as a person does it: a backup restored on the first run of a fresh
Earned, or an export brought into a new account. Each Earned here is a real `earned serve`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.browser.conftest import guarded_context
from tests.serving import earned_serve
from tests.test_cli import run_earned

PASSPHRASE = "quiet harbour lemon tram"


def open_page(browser: Any, base_url: str, outside_requests: list[str]) -> Any:
    page = guarded_context(browser, base_url, outside_requests).new_page()
    page.set_default_timeout(15_000)
    return page


def sign_in(page: Any) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Sam.").wait_for()


def download(page: Any, field: str, button: str, target: Path) -> None:
    page.goto("/settings/")
    page.locator(field).fill(PASSPHRASE)
    with page.expect_download() as started:
        page.get_by_role("button", name=button).click()
    started.value.save_as(target)


def test_a_backup_and_an_export_carry_everything_to_a_new_computer(
    browser: Any,
    tmp_path: Path,
    outside_requests: list[str],
    check_page: Callable[[Any, str], None],
) -> None:
    passphrase_file = tmp_path / "passphrase"
    passphrase_file.write_text(PASSPHRASE)
    added = run_earned(
        "user", "add", "Sam", "--passphrase-file", str(passphrase_file),
        EARNED_DATA_DIR=str(tmp_path / "old"),
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    backup_file, export_file = tmp_path / "backup.sqlite3", tmp_path / "export.json"

    with earned_serve(tmp_path / "old") as old:
        page = open_page(browser, old.address, outside_requests)
        sign_in(page)
        download(page, "#backup-passphrase", "Download a backup", backup_file)
        download(page, "#export-passphrase", "Download everything", export_file)
        page.context.close()
    assert backup_file.read_bytes().startswith(b"SQLite format 3\x00")
    assert not list((tmp_path / "old").glob(".download-*"))  # nothing left behind
    assert json.loads(export_file.read_text())["profile"]["display_name"] == "Sam"

    with earned_serve(tmp_path / "new") as new:
        page = open_page(browser, new.address, outside_requests)
        page.goto(new.welcome)
        page.get_by_role("link", name="Restore a backup").click()
        page.get_by_role("heading", name="Restore a backup").wait_for()
        check_page(page, "restore")
        page.get_by_label("Your backup file (.sqlite3)").set_input_files(export_file)
        page.get_by_role("button", name="Restore").click()
        not_a_backup = "That file is not an Earned backup. Nothing was changed."
        page.get_by_text(not_a_backup, exact=True).wait_for()
        check_page(page, "restore-error")
        page.get_by_label("Your backup file (.sqlite3)").set_input_files(backup_file)
        page.get_by_role("button", name="Restore").click()
        page.get_by_text("Your backup is restored").wait_for()
        sign_in(page)
        page.context.close()
    assert not list((tmp_path / "new").glob(".restore-*"))

    with earned_serve(tmp_path / "other") as other:
        page = open_page(browser, other.address, outside_requests)
        page.goto(other.welcome)
        page.get_by_label("What would you like to be called?").fill("Alex")
        page.get_by_label("Choose a passphrase").fill(PASSPHRASE)
        page.get_by_label("Type it once more").fill(PASSPHRASE)
        page.get_by_role("button", name="Begin").click()
        page.get_by_role("heading", name="Alex.").wait_for()
        page.goto("/settings/")
        page.get_by_label("Your export file (.json)").set_input_files(export_file)
        page.get_by_role("button", name="Bring it in").click()
        page.get_by_text("Your settings are brought in").wait_for()
        check_page(page, "settings-after-import")
        page.goto("/")
        page.get_by_role("heading", name="Sam.").wait_for()
        page.context.close()
    assert outside_requests == []
