"""The command line's subcommand names: the entry point tells a CLI call from a window start by
them without loading the CLI package (start-up, issue 16)."""

SUBCOMMANDS = ("check", "send", "sandbox", "token", "profile", "history", "receivers")
