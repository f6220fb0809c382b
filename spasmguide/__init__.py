"""SpasmGuide: an offline guide to leg muscle spasms and what helps."""

__version__ = "1.0.0"

APP_ID = "org.spasmguide.SpasmGuide"
"""Reverse-DNS application id: the desktop file, AppStream metainfo, icon and window's app id.

The settings folder keeps its older name (``~/.config/SpasmGuide``) so nobody loses settings."""
