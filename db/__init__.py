"""Persistence: the encrypted store, key slots, models, migrations and the audit log."""
