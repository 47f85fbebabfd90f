"""Declarations as JSON package data: finding types (and change kinds), one file per concern."""
