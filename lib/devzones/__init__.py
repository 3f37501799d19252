"""devzones: a research workbook on Shanxi's development zones.

Messy Chinese news articles go in; tidy, provenance-linked tables of zones, industry chains and
investment facts come out. Data flows one way: ``corpus`` (files -> RawDocument) -> ``clean``
(RawDocument -> Document) -> ``zones`` / ``chains`` / ``investment`` (Document -> rows, made
into DataFrames by ``frames``) -> ``tables`` (corpus -> tables, cached, streamed to files
atomically) -> ``report`` (notebooks, HTML).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("devzones")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
