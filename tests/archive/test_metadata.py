"""Citation and data-package metadata validate, and the validator can fail."""

import json
import shutil
import subprocess

import pytest

from replication.common import paths
from replication.archive.datapackage import datapackage_json

TOOLS = paths.ROOT / ".venv-tools" / "bin" / "cffconvert"


def frictionless_report(descriptor):
    from frictionless import Package

    return Package(descriptor).validate()


def test_committed_datapackage_is_current():
    assert (paths.ROOT / "datapackage.json").read_text() == datapackage_json()


@pytest.mark.slow
def test_datapackage_validates_under_frictionless():
    report = frictionless_report(str(paths.ROOT / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_frictionless_catches_a_bad_value(tmp_path):
    target = tmp_path / "data" / "processed"
    target.mkdir(parents=True)
    bad = (paths.PROCESSED / "wars.csv").read_text().replace(",accept,", ",maybe,", 1)
    (target / "wars.csv").write_text(bad)
    package = json.loads(datapackage_json())
    package["resources"] = [r for r in package["resources"] if r["name"] == "wars"]
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    report = frictionless_report(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert any(e[1] == "response_type" for e in report.flatten(["rowNumber", "fieldName"]))


@pytest.mark.slow
@pytest.mark.skipif(not TOOLS.exists(), reason="cffconvert not installed (make tools)")
def test_citation_cff_validates(tmp_path):
    ok = subprocess.run([str(TOOLS), "--validate", "-i", str(paths.ROOT / "CITATION.cff")], capture_output=True,
                        text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = tmp_path / "CITATION.cff"
    shutil.copyfile(paths.ROOT / "CITATION.cff", broken)
    broken.write_text(broken.read_text().replace("cff-version: 1.2.0", "cff-version: 9.9.9"))
    bad = subprocess.run([str(TOOLS), "--validate", "-i", str(broken)], capture_output=True, text=True)
    assert bad.returncode != 0
