"""The monthly report a coordinator acts on: who is responsible (``pic``) and what to do
first (``todo``), built from a :class:`~zi_workbook.report.Report` and
:mod:`zi_workbook.status`; the writers only lay it out."""
