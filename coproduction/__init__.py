"""Command-line tools: validate banks, score answer files, write templates."""

from __future__ import annotations

from coproduction.cli import COMMANDS, Command, build_parser, main

__all__ = ["COMMANDS", "Command", "build_parser", "main"]
