"""Generate the desk's feedback sounds (resources/sounds/*.wav): one distinct pattern per
check-in outcome, so that an agent who looks away still knows what happened.

Run: .venv/bin/python tools/make_sounds.py
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"

# outcome value -> list of (frequency Hz, milliseconds); 0 Hz is a silence.
PATTERNS: dict[str, list[tuple[float, int]]] = {
    "checked_in": [(880, 90), (0, 30), (1320, 140)],  # bright rising "ding-ding"
    "already_checked_in": [(660, 120), (0, 60), (660, 120)],  # two even beeps
    "unknown_code": [(220, 350)],
    "revoked_badge": [(330, 150), (0, 50), (220, 300)],
    "other_convention": [(440, 150), (0, 50), (294, 300)],
    "no_session": [(392, 200), (0, 80), (262, 200)],
    "member_withdrawn": [(247, 150), (0, 50), (247, 150), (0, 50), (247, 150)],
    "scanner_misconfigured": [(1000, 60), (0, 40)] * 4,  # fast chirps: "check the scanner"
    "unreadable": [(300, 100), (0, 40), (300, 100)],
    "too_long": [(180, 500)],
    "empty": [(500, 40)],
    "handout_confirmed": [(1175, 80)],
}


def tone(frequency: float, millis: int) -> list[int]:
    count = RATE * millis // 1000
    fade = max(1, min(count // 8, RATE // 200))
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade)
        value = math.sin(2 * math.pi * frequency * i / RATE) if frequency else 0.0
        samples.append(int(0.45 * 32767 * envelope * value))
    return samples


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, pattern in PATTERNS.items():
        samples = [s for frequency, millis in pattern for s in tone(frequency, millis)]
        with wave.open(str(OUT / f"{name}.wav"), "wb") as handle:
            handle.setnchannels(1)
            handle.setsampwidth(2)
            handle.setframerate(RATE)
            handle.writeframes(struct.pack(f"<{len(samples)}h", *samples))
        print(f"{name}.wav")


if __name__ == "__main__":
    main()
