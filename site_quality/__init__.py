"""The quality gates, shared by the tests and the benchmarks in tools/: a built folder in, problems out."""
