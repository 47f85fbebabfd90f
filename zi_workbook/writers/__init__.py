"""Writers turn a Report into what people read: workbooks, JSON and text."""
