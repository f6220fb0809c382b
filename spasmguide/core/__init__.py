"""Pure logic of SpasmGuide. Nothing under this package may import PySide6."""
