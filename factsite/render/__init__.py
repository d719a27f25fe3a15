"""Turning checked content into what templates show: rendered Markdown, page views, structured data."""
