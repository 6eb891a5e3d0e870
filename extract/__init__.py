"""Extraction: read a file, split it into documents, find structure."""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutebook.model import Extraction

__all__ = ["ReadError", "extract_file", "extract_source"]


def __getattr__(name):
    """``ReadError`` loads with the readers: a command that reads no file (search) does not import them."""
    if name == "ReadError":
        from minutebook.extract.read import ReadError

        return ReadError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract_file(path: str, password: str | None = None, progress=None, ocr: bool = True) -> Extraction:
    """Run every extraction stage on one file."""
    from minutebook.extract.read import read_source

    return extract_source(read_source(path, password=password, progress=progress, ocr=ocr))


def extract_source(source) -> Extraction:
    from minutebook.extract.documents import split_documents
    from minutebook.extract.indicators import find_indicators
    from minutebook.extract.meetings import find_meetings
    from minutebook.extract.sections import find_sections
    from minutebook.extract.tables import finish_tables
    from minutebook.model import Extraction

    documents = split_documents(source)
    for doc in documents:
        doc.tables = finish_tables(doc)
        doc.sections = find_sections(doc)
    meetings = find_meetings(documents, source)
    return Extraction(source=source, documents=documents, meetings=meetings, warnings=list(source.warnings),
                      indicators=find_indicators(documents, meetings))


class _CallablePackage(types.ModuleType):
    """``minutebook.extract(path)`` is the API's function, yet ``minutebook.extract`` is also this
    package: once any ``minutebook.extract.*`` module is imported the package shadows the function
    on ``minutebook``, so the package itself answers the call."""

    def __call__(self, path: str, ocr: bool = False, entities: bool = True, password: str | None = None) -> Extraction:
        from minutebook.api import extract

        return extract(path, ocr=ocr, entities=entities, password=password)


sys.modules[__name__].__class__ = _CallablePackage
