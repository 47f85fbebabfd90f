"""What a plan's coverage holds per question, made only when a writer asks for it.

``coverage.cover_codes`` keeps each sub-area's question states and the plan's actions
by code (what the JSON report and the findings read); ``SubAreaCoverage.questions``
makes these records from them on use, so ``validate`` never creates the two classes.
"""

from __future__ import annotations

from .data import Question, Record

__all__ = ["MappedAction", "QuestionCoverage"]


class MappedAction(Record):
    """One action mapped to a question, with the status the report gave it."""

    __slots__ = ("code", "row", "sheet", "status")
    code: str
    sheet: str
    row: int
    status: str

    def __init__(self, code: str, sheet: str, row: int, status: str) -> None:
        self.code = code
        self.sheet = sheet
        self.row = row
        self.status = status

    @property
    def complete(self) -> bool:
        return self.status == "complete"


class QuestionCoverage(Record):
    """A question, its actions, and its state: none, planned or complete."""

    __slots__ = ("actions", "question", "state")
    question: Question
    actions: tuple[MappedAction, ...]
    state: str

    def __init__(self, question: Question, actions: tuple[MappedAction, ...], state: str) -> None:
        self.question = question
        self.actions = actions
        self.state = state
