"""Entity tagging for council papers: spaCy rules, gazetteers and canonical names.

Public API: ``build_nlp``, ``tag_documents``, ``canonicalize``.
"""

from .canonical import canonicalize
from .pipeline import build_nlp, tag_documents

__all__ = ["build_nlp", "tag_documents", "canonicalize"]
