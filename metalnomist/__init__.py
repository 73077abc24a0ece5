"""Metalnomist: a metals-market newsroom — ingest, store, search and market facts."""

__version__ = "0.1.0"
