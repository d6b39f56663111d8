"""Playback: the story panes, their events, end and waiting cards, the timeline strip and the
driver that ties them to the playback session."""
