"""The vocabulary of the schema: a Field and a Table. Each stage declares its own tables with these
(`<stage>/schema.py`); `archive/catalog.py` gathers them, and the codebook, the validation suites,
the Stata labels and datapackage.json are all generated from that one catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string | integer | number | boolean | date
    description: str
    source: str
    rule: str
    required: bool = False
    unique: bool = False
    enum: tuple | None = None
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    missing: str = "never missing"
    known_issues: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    description: str
    primary_key: tuple
    fields: tuple = field(default_factory=tuple)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


DATE = r"^\d{4}-\d{2}-\d{2}$"
PROB = {"minimum": 0, "maximum": 1}
