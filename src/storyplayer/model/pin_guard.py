"""How often the staff PIN may be tried: a few tries free, then growing waits.

A visitor with a keyboard could otherwise try all 10,000 four-digit codes in a second.
After FREE_TRIES wrong codes each further one makes the next wait twice as long (1 s, 2 s,
4 s, ...) up to MAX_WAIT; the count is forgotten after a right code, or after FORGET
seconds without any try, so staff who mistype now and then never wait long. Plain Python
with an injected clock (seconds, monotonic), so the policy is tested without a display.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FREE_TRIES = 3
FIRST_WAIT = 1.0
MAX_WAIT = 15 * 60.0
FORGET = 60 * 60.0


class PinGuard:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.failures = 0
        self._allowed_at = 0.0
        self._last_try = float("-inf")

    def wait_left(self) -> float:
        """Seconds until the next try is allowed (0 when it is allowed now)."""
        return max(0.0, self._allowed_at - self._clock())

    def attempt(self, right: bool) -> bool | None:
        """Record a try: True if it is let through and right, False if wrong, None if it
        came too early (not checked at all, and not counted)."""
        now = self._clock()
        if now < self._allowed_at:
            return None
        if now - self._last_try >= FORGET:
            self.failures = 0
        self._last_try = now
        if right:
            self.failures = 0
            self._allowed_at = 0.0
            return True
        self.failures += 1
        extra = self.failures - FREE_TRIES
        if extra > 0:
            self._allowed_at = now + min(MAX_WAIT, FIRST_WAIT * 2 ** min(extra - 1, 30))
        return False
