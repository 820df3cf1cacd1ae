"""Analyses beyond the report's tables: plain functions over the engine's results."""
