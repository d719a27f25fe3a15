"""Automatic checks of claims against their sources: one module per claim kind, each a pure function."""
