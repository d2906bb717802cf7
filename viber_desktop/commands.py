"""The command line's subcommand names: the entry point tells a CLI call from a window start by
them without loading the CLI package (start-up, issue 16)."""

SUBCOMMANDS = ("check", "send", "sandbox", "token", "profile", "history", "receivers")
SECRET_SERVICE_CALL = "--secret-service-call"
"""The hidden argument that makes ``viber-desktop`` the window's keyring helper: one Secret
Service call read from its input (services.secret_process)."""
