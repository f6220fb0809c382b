"""SpasmGuide: an offline guide to leg muscle spasms and what helps."""

__version__ = "1.0.0"
