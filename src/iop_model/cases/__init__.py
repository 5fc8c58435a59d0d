"""Built-in worked cases (pure data, no I/O)."""
