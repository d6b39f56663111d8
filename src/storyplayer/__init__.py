"""Story Player: an offline desktop player for map-based history stories."""

__version__ = "0.1.0"
