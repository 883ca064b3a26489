"""Staff accounts: the second factor required for the back office, backup codes, session limits."""
