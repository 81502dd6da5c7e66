"""Reading a user's or a producer's text file: strict UTF-8, with the harmless variants removed."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError


def decode(path: Path, data: bytes) -> str:
    """Strict UTF-8; a byte-order mark and CRLF endings are harmless and removed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(path, "UTF-8 text", f"byte {data[exc.start]:#04x} at offset {exc.start}", line=line) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")
