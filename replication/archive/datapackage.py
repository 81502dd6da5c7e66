"""datapackage.json (Frictionless Table Schema), generated from the same schema as the codebook."""

from __future__ import annotations

import json
import re

from .. import __version__
from ..common.tables import Field, Table
from .catalog import TABLES

TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "date": "date"}


def field_descriptor(f: Field) -> dict:
    out = {"name": f.name, "type": TYPES[f.type], "description": f"{f.description} {f.rule}".strip()}
    if f.type == "boolean":
        out |= {"trueValues": ["1"], "falseValues": ["0"]}
    constraints = {}
    if f.required:
        constraints["required"] = True
    if f.unique:
        constraints["unique"] = True
    if f.enum:
        constraints["enum"] = list(f.enum)
    if f.minimum is not None:
        constraints["minimum"] = f.minimum
    if f.maximum is not None:
        constraints["maximum"] = f.maximum
    if f.pattern and f.type == "string":
        constraints["pattern"] = f.pattern.strip("^$")
    if constraints:
        out["constraints"] = constraints
    return out


def foreign_keys(t: Table) -> list[dict]:
    """A field whose rule says 'Foreign key to <table>.<field>' references that table."""
    out = []
    for f in t.fields:
        if m := re.search(r"Foreign key to (\w+)\.(\w+)", f.rule):
            out.append({"fields": [f.name], "reference": {"resource": m.group(1), "fields": [m.group(2)]}})
    return out


def resource(t: Table) -> dict:
    schema = {"fields": [field_descriptor(f) for f in t.fields], "primaryKey": list(t.primary_key),
              "missingValues": [""]}
    if keys := foreign_keys(t):
        schema["foreignKeys"] = keys
    return {"name": t.name, "path": t.path, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": t.description, "schema": schema}


def datapackage_json() -> str:
    package = {
        "profile": "tabular-data-package",
        "name": "talking-to-the-enemy",
        "title": "Talking to the Enemy: dataset and replication archive",
        "version": __version__,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0 (hand coding and processed data; COW-derived "
                               "columns remain under the COW terms of use)"}],
        "sources": [{"title": "Mastro and Siegel, 'Talking to the Enemy', Journal of Theoretical Politics, Appendix 1"},
                    {"title": "Correlates of War Inter-State War Data v4.0",
                     "path": "https://correlatesofwar.org/data-sets/cow-war/"},
                    {"title": "International Crisis Behavior data v14 (Brecher, Wilkenfeld, Beardsley, James and "
                              "Quinn); free for research with citation, not relicensed here"},
                    {"title": "UCDP Conflict Termination Dataset v3-2021 (Kreutz 2010), CC BY 4.0",
                     "path": "https://ucdp.uu.se/downloads/"},
                    {"title": "UCDP/PRIO Armed Conflict Dataset v25.1 (Gleditsch et al. 2002; Davies et al. 2025), "
                              "CC BY 4.0", "path": "https://ucdp.uu.se/downloads/"}],
        "resources": [resource(t) for t in TABLES],
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"
