"""Demo content shipped with the repository."""
