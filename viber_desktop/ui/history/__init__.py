"""The history panel: a lazily paged table, filters, details, compare and export."""
