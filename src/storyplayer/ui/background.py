"""The background helper lives in `storyplayer.background`, below every layer, so that the
map's tile lookups use the same one; this name keeps working for the interface."""

from storyplayer.background import BackgroundJob, run_in_background

__all__ = ["BackgroundJob", "run_in_background"]
