"""`earned measures`: importing a questionnaire's wording from a file (placeholder wording),
listing what can be taken, and writing the FHIR export — with one kind line for a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from earned.core.instruments import GAD_7, SCS_SF
from earned.measures.models import Questionnaire
from earned.measures.placeholder import placeholder_questionnaire
from tests.conftest import Runner

pytestmark = pytest.mark.django_db


def written(tmp_path: Path, document: object, name: str = "q.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return str(path)


def test_a_questionnaire_is_imported_listed_and_exported(earned: Runner, tmp_path: Path) -> None:
    result = earned("measures", "import", written(tmp_path, placeholder_questionnaire(GAD_7)))
    assert result.exit_code == 0, result.output
    assert "Imported the GAD-7." in result.output
    listed = earned("measures", "list")
    assert "practice  Weekly practice check-in — not taken yet" in listed.output
    assert "gad-7     GAD-7 (placeholder wording) — not taken yet" in listed.output
    assert "Can be imported: PHQ-9, PCL-5, SCS-SF, ECR-RS" in listed.output
    out = tmp_path / "gad-7.json"
    result = earned("measures", "fhir", "gad-7", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["resourceType"] == "Bundle"
    again = earned("measures", "fhir", "gad-7", "--out", str(out))
    assert again.exit_code != 0
    assert "already there; add --force" in again.output


def test_a_file_without_known_codes_needs_as_and_a_bad_file_is_one_line(
    earned: Runner, tmp_path: Path
) -> None:
    path = written(tmp_path, placeholder_questionnaire(SCS_SF))
    result = earned("measures", "import", path)
    assert result.exit_code != 0
    assert "give it with --as" in result.output
    assert "Traceback" not in result.output
    assert earned("measures", "import", path, "--as", "scs-sf").exit_code == 0
    assert Questionnaire.objects.get().instrument == "scs-sf"
    broken = earned("measures", "import", written(tmp_path, {"resourceType": "Bundle"}, "b.json"))
    assert broken.exit_code != 0
    assert "This file is a FHIR Bundle, not a Questionnaire." in broken.output
    assert earned("measures", "fhir", "nope", "--out", str(tmp_path / "x")).exit_code != 0
