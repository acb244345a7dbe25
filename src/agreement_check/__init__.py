"""agreement-check: flags the promises in a draft special-education agreement that are too vague to enforce."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("agreement-check")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
