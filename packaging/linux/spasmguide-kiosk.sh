#!/bin/sh
# Start SpasmGuide in kiosk mode (run by spasmguide-kiosk.service inside cage).
# Settings come from /etc/spasmguide/kiosk.ini; nothing is written to the home folder.
# Runs the installed program (the spasmguide-kiosk package puts it in /usr/lib/spasmguide) or,
# in a git copy set up with run.py, the program from its .venv.
set -eu

SPASMGUIDE_HOME="${SPASMGUIDE_HOME:-/opt/spasmguide}"
CONFIG="${SPASMGUIDE_KIOSK_CONFIG:-/etc/spasmguide/kiosk.ini}"
PYTHON="${SPASMGUIDE_PYTHON:-$SPASMGUIDE_HOME/.venv/bin/python}"

# Never let Ctrl+Alt+Backspace end the program on the evdev keyboard plugin.
export QT_QPA_EVDEV_KEYBOARD_PARAMETERS="${QT_QPA_EVDEV_KEYBOARD_PARAMETERS:-nozap}"
# The accessibility bus stays on: people using a screen reader use the kiosk too.

cd "$SPASMGUIDE_HOME"
if [ -x "$SPASMGUIDE_HOME/spasmguide" ] && [ -f "$SPASMGUIDE_HOME/spasmguide" ]; then
  exec "$SPASMGUIDE_HOME/spasmguide" --kiosk --config "$CONFIG" "$@"
fi
exec "$PYTHON" -m spasmguide --kiosk --config "$CONFIG" "$@"
