"""The handbook's rules, one module each."""
