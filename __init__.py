"""minutebook: structured, searchable records from published council papers.

``minutebook.extract(path)`` and ``minutebook.Index(dir)`` are the library;
they load on first use, so ``import minutebook`` (and the CLI's start-up)
stays cheap.
"""

__version__ = "0.1.0"
__all__ = ["Extraction", "Index", "extract", "__version__"]


def __getattr__(name):
    if name in ("extract", "Index"):
        from minutebook import api

        return getattr(api, name)
    if name == "Extraction":
        from minutebook.model import Extraction

        return Extraction
    raise AttributeError(f"module 'minutebook' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + ["Extraction", "Index", "extract"])
