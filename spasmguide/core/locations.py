"""Fixed places on disk that several parts of the program agree on."""

from pathlib import Path

SYSTEM_KIOSK_CONFIG = Path("/etc/spasmguide/kiosk.ini")
"""A clinic's system-wide kiosk configuration (read-only to the kiosk user)."""
