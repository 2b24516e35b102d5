"""auditlint's built-in rules: a module per family (the DOC family, one per concern), and accounting identities as TOML."""
