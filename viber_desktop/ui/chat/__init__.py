"""The parts of the chat preview: bubbles per message type, the carousel, the keyboard dock."""
