"""Activity: the audit log, events and object details."""
