"""Kiosk mode: the attract screen, idle reset, the locked window, staff access and the
museum's operations."""
