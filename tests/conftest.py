"""Shared test setup: Qt runs offscreen, so tests need no display or window system."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_ACCESSIBILITY", "1")
