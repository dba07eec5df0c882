"""Demo content of the toolbox: pure data (``content``, ``items``) and its loader (``loader``)."""
