"""The staff PIN's rate limit, with a fake clock: a few free tries, then growing waits, so
trying every four-digit code takes far longer than a visitor's day."""

from __future__ import annotations

from fake_clock import FakeClock

from storyplayer.model.pin_guard import FORGET, MAX_WAIT, PinGuard

DAY = 24 * 60 * 60


def test_trying_all_ten_thousand_codes_as_fast_as_allowed_takes_over_a_day() -> None:
    clock = FakeClock()
    guard = PinGuard(clock)
    pin = 9999  # the last code tried
    for code in range(10_000):
        clock.advance(guard.wait_left())
        assert guard.attempt(code == pin) is (code == pin)
    assert clock.now > DAY * 30  # about 100 days


def test_pausing_to_be_forgotten_does_not_help_either() -> None:
    clock = FakeClock()
    guard = PinGuard(clock)
    tried = 0
    while tried < 10_000:
        while guard.wait_left() < 60 and tried < 10_000:  # burst while the waits are short
            clock.advance(guard.wait_left())
            guard.attempt(False)
            tried += 1
        clock.advance(FORGET)  # then stay away until the count is forgotten
    assert clock.now > DAY * 10


def test_early_tries_are_not_even_checked() -> None:
    clock = FakeClock()
    guard = PinGuard(clock)
    for _ in range(4):
        assert guard.attempt(False) is False
    assert guard.wait_left() == 1.0
    assert guard.attempt(True) is None  # the right code, too early: refused unchecked
    clock.advance(1.0)
    assert guard.attempt(True) is True and guard.failures == 0


def test_staff_who_mistype_wait_little_and_the_wait_is_capped() -> None:
    clock = FakeClock()
    guard = PinGuard(clock)
    for _ in range(3):
        assert guard.attempt(False) is False and guard.wait_left() == 0
    for _ in range(40):
        clock.advance(guard.wait_left())
        guard.attempt(False)
    assert guard.wait_left() == MAX_WAIT
    clock.advance(FORGET)
    assert guard.wait_left() == 0 and guard.attempt(False) is False and guard.wait_left() == 0
