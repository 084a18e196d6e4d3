"""Indicators, their values, the sources of the values, import records."""

from .indicators import ChartKind, Indicator
from .sources import Licence, Source
from .values import GranularityChoice, Import, Value

__all__ = [
    "ChartKind",
    "GranularityChoice",
    "Import",
    "Indicator",
    "Licence",
    "Source",
    "Value",
]
