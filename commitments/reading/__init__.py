"""Reading of government work reports (政府工作报告): plain Python, no Django.

Public interface (the importer, admin, pages and the extract_report command use only these):
- read_document(*, data, filename) -> DecodedDocument      (files.py)
- read_document_limited(…): the same in a child process with a time and a memory limit (uploads)
- extract(text) -> Extraction; extract_outcomes(text)       (extract.py)
- extract_report_json(*, path) -> dict                      (extract.py)
- normalize(value, unit) -> (value, base unit)              (units.py)
- placeholder_year(text) -> bool  (a template's 20XX年)     (structure.py)
- HEDGES, explain_qualifier(qualifier)                      (hedges.py)
- tokenize(text) -> list[str]  (jieba, loaded once)         (tokens.py)
"""

from .extract import extract, extract_outcomes, extract_report_json
from .files import read_document, read_document_limited
from .hedges import HEDGES, explain_qualifier
from .indicators import category_for, direction_of
from .indicators import resolve as resolve_indicator
from .structure import placeholder_year
from .tokens import tokenize
from .types import Commitment, DecodedDocument, Extraction, Outcome, Part, Section, UnreadableDocument
from .units import normalize

__all__ = [
    "HEDGES",
    "Commitment",
    "DecodedDocument",
    "Extraction",
    "Outcome",
    "Part",
    "Section",
    "UnreadableDocument",
    "category_for",
    "direction_of",
    "explain_qualifier",
    "extract",
    "extract_outcomes",
    "extract_report_json",
    "normalize",
    "placeholder_year",
    "read_document",
    "read_document_limited",
    "resolve_indicator",
    "tokenize",
]
