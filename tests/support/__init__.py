"""Shared test support: test packs, a throwaway PostgreSQL cluster, checks for system parts."""
