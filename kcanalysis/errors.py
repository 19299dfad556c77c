"""Exception hierarchy of kcanalysis.

Every error the package raises on purpose derives from :class:`KcAnalysisError`, so a
caller (the command line, a batch runner, a notebook) can catch one class and show the
message without a traceback. Messages read as: context, problem, offending values, fix.
"""

from __future__ import annotations


class KcAnalysisError(Exception):
    """Raised for any expected failure of kcanalysis; the base of all its errors."""


class DataError(KcAnalysisError):
    """Raised when input data cannot be read or violates the canonical schema.

    The message names the file (where there is one), the rows or cells, the column and
    the rule that failed, and says how to fix the data.
    """


class UnknownProvinceError(DataError, ValueError):
    """Raised when a province name or code is not in the registry.

    The message lists the closest known names. It is also a :class:`ValueError`, so
    code that validates user input generically can catch it.
    """

    def __init__(self, message: str, value: object = None, suggestions: tuple[str, ...] = ()):
        super().__init__(message)
        self.value = value
        self.suggestions = tuple(suggestions)


class ParameterError(KcAnalysisError):
    """Raised when report or run parameters are invalid (unknown key, wrong type, no data)."""


class ReportError(KcAnalysisError):
    """Raised when a report cannot be executed or published."""


__all__ = [
    "DataError",
    "KcAnalysisError",
    "ParameterError",
    "ReportError",
    "UnknownProvinceError",
]
