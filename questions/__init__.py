"""Question banks: the schema, the YAML loader and the error types for bad input."""

from __future__ import annotations

from questions.errors import BankError, Problem, ProjectError
from questions.loader import builtin_bank_paths, load_bank, load_bank_bytes, load_bank_text, load_builtin
from questions.schema import Band, Bank, Level, Perspective, Principle, Scale, Statement

__all__ = [
    "Band", "Bank", "BankError", "Level", "Perspective", "Principle", "Problem", "ProjectError", "Scale",
    "Statement", "builtin_bank_paths", "load_bank", "load_bank_bytes", "load_bank_text", "load_builtin",
]
