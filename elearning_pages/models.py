"""Filled by its own issue; the app exists so the layout is fixed from the start."""
