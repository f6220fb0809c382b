"""Write chime.wav: a short, soft two-note bell used by the timer at each step change.

Run it from anywhere: ``python resources/sounds/make_chime.py``. The output is deterministic, so
running it again gives the same file.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
SECONDS = 0.4
# Two partials a fifth apart sound like a small bell without being sharp.
PARTIALS = ((880.0, 1.0, 9.0), (1318.5, 0.45, 14.0))  # (frequency Hz, level, decay per second)
PEAK = 0.28  # of full scale: quiet, so it never startles
ATTACK_S = 0.005  # a short fade-in avoids a click at the start
FADE_OUT_S = 0.03


def samples() -> list[int]:
    """Return the chime as 16-bit signed samples."""
    count = int(RATE * SECONDS)
    total_level = sum(level for _, level, _ in PARTIALS)
    out = []
    for n in range(count):
        t = n / RATE
        value = sum(
            level * math.exp(-decay * t) * math.sin(2 * math.pi * freq * t)
            for freq, level, decay in PARTIALS
        )
        value /= total_level
        envelope = min(1.0, t / ATTACK_S, (SECONDS - t) / FADE_OUT_S)
        out.append(round(value * envelope * PEAK * 32767))
    return out


def main() -> None:
    """Write chime.wav next to this script."""
    path = Path(__file__).with_name("chime.wav")
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        data = samples()
        wav.writeframes(struct.pack(f"<{len(data)}h", *data))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
