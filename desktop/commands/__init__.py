"""Headless commands of the `guichet` CLI: one module per command, each with `register()`.

The names and flags are a contract the office's scripts rely on: keep them.
"""
