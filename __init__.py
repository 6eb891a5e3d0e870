"""minutebook: structured, searchable records from published council papers."""

__version__ = "0.1.0"
