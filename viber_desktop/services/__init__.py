"""I/O adapters: HTTP client, keyring vault, history database, settings, paths."""
