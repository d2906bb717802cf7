"""The composer: forms for every message type, keyboards and rich media."""
