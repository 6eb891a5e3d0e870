"""Open any supported file and hand it to the right reader."""

from __future__ import annotations

import hashlib
import os
import re
import stat

from minutebook.model import Source

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
SUFFIXES = (".pdf",) + TEXT_SUFFIXES
# A folder's housekeeping text files (README.md, LICENSE.txt, CHANGELOG-2024.md), not papers.
HOUSEKEEPING = re.compile(r"(readme|licen[cs]e|copying|changelog|contributing|authors|code_of_conduct)([-_.][^.]*)?\.(md|markdown|txt|text|html?)", re.I)


def supported_files(paths, notes: list | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """Files named directly, plus the supported files under named folders (sorted); and (path, reason) for what is missing.

    A folder's housekeeping files (README, LICENSE, CHANGELOG, …) are not
    papers: they are left out, each with a ``(path, note)`` in ``notes``.
    """
    found, errors = [], []

    def unreadable(exc: OSError) -> None:
        errors.append((exc.filename, (exc.strerror or str(exc)).lower()))

    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p, onerror=unreadable):
                dirs.sort()
                for name in sorted(files):
                    if not name.lower().endswith(SUFFIXES):
                        continue
                    if HOUSEKEEPING.fullmatch(name):
                        if notes is not None:
                            notes.append((os.path.join(root, name), "not a paper (a README or licence file): skipped"))
                        continue
                    found.append(os.path.join(root, name))
        elif os.path.lexists(p):
            found.append(p)
        else:
            errors.append((p, "no such file"))
    return found, errors


class ReadError(Exception):
    """A file that cannot be read; the message is the one-line reason."""


def read_source(path: str, password: str | None = None, progress=None, ocr: bool = True) -> Source:
    """Read a PDF or text file into blocks, or raise ``ReadError`` with the reason.

    ``ocr`` reads pages that have no text layer with tesseract, when it is installed.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) and not os.path.isdir(path):
            # A FIFO or device would block open() or never end.
            raise ReadError("not a regular file")
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None
    if not data:
        raise ReadError("empty file")
    sha = hashlib.sha256(data).hexdigest()
    lower = path.lower()
    if data.lstrip()[:5] == b"%PDF-":
        from minutebook.extract.pdf import read_pdf

        return _read_pdf(read_pdf, path, sha, password, progress, ocr)
    if lower.endswith(".pdf"):
        raise ReadError("not a PDF (no %PDF header)")
    if lower.endswith(TEXT_SUFFIXES):
        from minutebook.extract.text import read_text

        try:
            return read_text(path, sha, data)
        except ValueError as exc:
            raise ReadError(str(exc)) from None
    suffix = os.path.splitext(path)[1] or "(none)"
    raise ReadError(f"unsupported file type {suffix}")


def _read_pdf(read_pdf, path, sha, password, progress, ocr) -> Source:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return read_pdf(path, sha, password=password, progress=progress, ocr=ocr)
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(inner, MemoryError):
            raise MemoryError from None  # the worker's memory limit, not a damaged file
        if isinstance(inner, PDFPasswordIncorrect):
            raise ReadError("wrong password" if password else "encrypted PDF: give the password with --password") from None
        if isinstance(inner, PDFEncryptionError):
            raise ReadError(f"encrypted PDF: unsupported encryption ({_reason(inner)})") from None
        raise ReadError(f"corrupt or truncated PDF ({_reason(inner)})") from None


def _reason(exc) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
