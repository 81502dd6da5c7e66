"""One error type for bad input: it always names file, line, column, value and rule."""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """Input that breaks a rule. Message: ``file:line: column 'c': value 'v': rule -- detail``."""

    def __init__(self, file, rule: str, detail: str = "", *, line=None, column=None, value=None):
        self.file = Path(file).name if file is not None else None
        self.line, self.column, self.value, self.rule, self.detail = line, column, value, rule, detail
        where = self.file or "<input>"
        if line is not None:
            where += f":{line}"
        parts = [where]
        if column is not None:
            parts.append(f"column '{column}'")
        if value is not None:
            parts.append(f"value {value!r}")
        parts.append(f"rule '{rule}'")
        msg = ": ".join(parts)
        super().__init__(msg + (f" -- {detail}" if detail else ""))


class ValidationFailed(Exception):
    """The validation suite failed; ``failures`` holds one readable line per failing value."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__(f"{len(failures)} validation failure(s):\n" + "\n".join(failures))
