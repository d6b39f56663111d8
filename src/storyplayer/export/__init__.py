"""Printable handouts of a story (PDF and HTML), drawn with Qt alone: no network, no web engine."""
