"""The processed files read the same in R, Stata and pandas without options: booleans as 1/0, Stata
files with value labels."""

import shutil
import subprocess

import pandas as pd
import pytest

from replication.common import paths


def test_pandas_reads_booleans_as_numbers():
    w = pd.read_csv(paths.WARS_CSV)
    assert w["has_talks"].dtype.kind == "i" and int(w["has_talks"].sum()) == 16


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed (scripts/install_r.sh)")
def test_base_r_reads_booleans_as_numbers():
    script = (f'w <- read.csv("{paths.WARS_CSV}"); stopifnot(is.numeric(w$has_talks), is.numeric(w$is_ongoing)); '
              'cat(sum(w$has_talks), sum(as.logical(w$is_ongoing)))')
    out = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["16", "1"]


def test_stata_file_labels_booleans_and_categories():
    labelled = pd.read_stata(paths.PROCESSED / "wars.dta")
    raw = pd.read_stata(paths.PROCESSED / "wars.dta", convert_categoricals=False)
    wars = pd.read_csv(paths.WARS_CSV, keep_default_na=False, na_values=[""])
    assert list(labelled["has_talks"].astype(str)) == ["yes" if v else "no" for v in wars["has_talks"]]
    assert list(raw["has_talks"]) == list(wars["has_talks"])
    assert list(labelled["response_type"].astype(str)) == list(wars["response_type"])
    with pd.io.stata.StataReader(paths.PROCESSED / "wars.dta") as reader:
        labels = reader.value_labels()
    assert labels["response_type"] == {1: "accept", 2: "reject", 3: "unknown", 4: "none"}
