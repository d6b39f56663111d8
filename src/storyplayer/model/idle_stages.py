"""The two stages of a kiosk left alone: first a question with a countdown, then the reset.

Stage one (noticing that nobody has touched the screen for a while) is the UI's input watch;
when it ends, :meth:`IdleStages.quiet` decides: a visitor watching a story play holds
everything, otherwise "Are you still there?" counts down. A touch answers it; when the
countdown runs out the kiosk goes back to its start. Time comes from an injected clock.
No Qt here.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable


class Stage(enum.Enum):
    ACTIVE = "active"  # someone is here (or watching a story play)
    ASKING = "asking"  # "Are you still there?" with a countdown
    RESET = "reset"  # nobody answered: back to the attract screen


class IdleStages:
    def __init__(self, countdown_s: float, clock: Callable[[], float]):
        self.countdown_s = max(0.0, float(countdown_s))
        self.clock = clock
        self.stage = Stage.ACTIVE
        self._deadline = 0.0

    def quiet(self, watching: bool) -> Stage:
        """Nobody touched the screen for the first wait. `watching`: a story is playing on
        its own towards its end, so the visitor may just be watching it."""
        if watching:
            self.stage = Stage.ACTIVE
        elif self.countdown_s <= 0:
            self.stage = Stage.RESET
        elif self.stage is not Stage.ASKING:
            self.stage = Stage.ASKING
            self._deadline = self.clock() + self.countdown_s
        return self.stage

    def touch(self) -> Stage:
        """Any touch, click or key: the question goes away and the first wait starts again."""
        self.stage = Stage.ACTIVE
        return self.stage

    def tick(self, watching: bool = False) -> Stage:
        """Called while asking; RESET once the countdown has run out."""
        if self.stage is Stage.ASKING:
            if watching:
                self.stage = Stage.ACTIVE
            elif self.clock() >= self._deadline:
                self.stage = Stage.RESET
        return self.stage

    @property
    def seconds_left(self) -> int:
        """Whole seconds still to count down (10, 9, ... 1) while asking; 0 otherwise."""
        if self.stage is not Stage.ASKING:
            return 0
        return max(0, math.ceil(self._deadline - self.clock() - 1e-9))

    def reset_done(self) -> None:
        """The kiosk is back at its start; the next visitor begins at stage one."""
        self.stage = Stage.ACTIVE
