"""The working papers of the "Check Up Integration" as first-class objects."""

from .feedback import Feedback
from .fields import FieldOfAction, StatusAnalysis
from .measures import MeasureSheet, MeasureStatus, MeasureStatusChange
from .page import CheckUpPage
from .process import ProcessStep
from .versions import MeasureSheetVersion

__all__ = [
    "CheckUpPage",
    "Feedback",
    "FieldOfAction",
    "MeasureSheet",
    "MeasureSheetVersion",
    "MeasureStatus",
    "MeasureStatusChange",
    "ProcessStep",
    "StatusAnalysis",
]
