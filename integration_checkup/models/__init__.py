"""The working papers of the "Check Up Integration" as first-class objects."""

from .feedback import Feedback
from .fields import FieldOfAction, StatusAnalysis
from .measures import MeasureSheet, MeasureStatus, MeasureStatusChange
from .process import ProcessStep

__all__ = [
    "Feedback",
    "FieldOfAction",
    "MeasureSheet",
    "MeasureStatus",
    "MeasureStatusChange",
    "ProcessStep",
    "StatusAnalysis",
]
