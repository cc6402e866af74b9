"""Salary extraction: structured pay fields and a free-text salary grammar, annualised to USD."""

from .extract import extract_salary
from .model import ParsedSalary
from .parse import parse_salary_text

__all__ = ["extract_salary", "parse_salary_text", "ParsedSalary"]
