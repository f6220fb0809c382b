"""The kiosk's sizes on top of the theme: touch targets of at least 48 x 48 px, 8 px apart.

``min-height`` sizes what is inside a control's border and padding: a button's 42 px and
its 3 px of border and padding on each side make 48; a text field's 38 px and 5 px make 48.
"""

__all__ = ["KIOSK_STYLE"]

KIOSK_STYLE = """
QPushButton { min-height: 42px; min-width: 42px; margin: 4px; font-size: 18pt; }
QToolButton { min-height: 48px; min-width: 48px; margin: 4px; font-size: 18pt; }
QLineEdit { min-height: 38px; margin: 4px; font-size: 18pt; }
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
