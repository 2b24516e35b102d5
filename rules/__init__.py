"""auditlint's built-in rules: one module per family, and accounting identities as TOML."""
