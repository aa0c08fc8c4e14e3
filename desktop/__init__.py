"""Guichet: the offline welcome desk of a citizens' convention."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("guichet")
except PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
