"""The kiosk's sizes on top of the theme: touch targets of at least 48 x 48 px, 8 px apart."""

__all__ = ["KIOSK_STYLE"]

KIOSK_STYLE = """
QPushButton, QToolButton { min-height: 48px; min-width: 48px; margin: 4px; font-size: 18pt; }
QLineEdit { min-height: 48px; margin: 4px; font-size: 18pt; }
QComboBox { min-height: 48px; margin: 4px; font-size: 18pt; }
QTabBar { font-size: 16pt; }
QTabBar::tab { min-height: 48px; min-width: 48px; padding: 4px 10px; margin-right: 4px; }
QListView::item, QListWidget::item { min-height: 48px; padding: 4px; margin-bottom: 8px; }
QScrollBar:vertical { width: 24px; }
QScrollBar:horizontal { height: 24px; }
#kiosk-warning, #kiosk-pin, #kiosk-takeaway { background: rgba(0, 0, 0, 170); }
#kiosk-takeaway-hint { font-size: 15pt; }
#kiosk-takeaway-title { font-size: 22pt; font-weight: bold; }
#kiosk-takeaway-close { min-height: 72px; font-size: 22pt; font-weight: bold; }
#kiosk-attract { background: #123047; }
#kiosk-panel {
    background: palette(window); border: 2px solid palette(highlight); border-radius: 16px;
}
#kiosk-title { font-size: 32pt; font-weight: bold; }
#kiosk-big-button { min-height: 96px; min-width: 320px; font-size: 26pt; font-weight: bold; }
#kiosk-attract-title { font-size: 52pt; font-weight: bold; color: white; }
#kiosk-attract-text { font-size: 24pt; color: white; }
#kiosk-keypad { background: palette(window); border-top: 2px solid palette(mid); }
#kiosk-pin QPushButton { min-height: 64px; min-width: 64px; }
#kiosk-pin #kiosk-title { font-size: 26pt; }
#kiosk-keypad QPushButton { min-height: 52px; min-width: 52px; padding: 2px 6px; margin: 3px; }
#kiosk-keypad #kiosk-space { min-width: 480px; }
"""
"""Kiosk sizes on top of the theme: touch targets of at least 48 x 48 px, 8 px apart."""
