"""The commitment engine: finds each promise in an agreement, its party, kind and elements."""

from .analyze import analyze

__all__ = ["analyze"]
