"""factsite: static fact-checking microsites from annotated articles and their citation files."""

__version__ = "0.1.0"
