"""Pure rules of the Viber send_message API: no Qt, no network, no keyring, no sqlite."""
