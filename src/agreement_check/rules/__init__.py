"""The rule catalogue: each rule flags one way a promise in a draft agreement falls short."""

from agreement_check.rules.base import Context, Example, Rule
from agreement_check.rules.catalogue import CATALOGUE, run

__all__ = ["CATALOGUE", "Context", "Example", "Rule", "run"]
