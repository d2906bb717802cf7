"""Runtime resources (icons, sample payloads), installed as viber_desktop.resources."""
