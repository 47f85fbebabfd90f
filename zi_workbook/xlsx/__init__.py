"""The safe workbook container: sniffing, zip and XML budgets, calamine values, sheet-XML extras."""
