"""Helpers of the quality gates (see gates.py) and their fixture pages."""
