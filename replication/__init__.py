"""Replication archive for Mastro & Siegel, "Talking to the Enemy" (Journal of Theoretical Politics)."""

__version__ = "0.3.0"
