"""What a story is and how playback advances: plain Python, never Qt."""
