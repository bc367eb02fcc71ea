"""Synthetic national data sets for load tests and benchmarks (`chitieu generate`)."""
