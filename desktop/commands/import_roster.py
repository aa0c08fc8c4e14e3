"""Placeholder while the command is being written (see the issue); replaced before landing."""

import argparse


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    pass
