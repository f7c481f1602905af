"""Generate the CLI reference (docs/cli.md) from the commands themselves, so it cannot drift.

    python -m marsad.clidocs > docs/cli.md
"""

from __future__ import annotations

import click

from marsad.cli import cli

WIDTH = {"terminal_width": 100, "max_content_width": 100}


def _context(command: click.Command, name: str, parent: click.Context | None = None):
    # make_context applies the command's context_settings (-h as well as --help), as a
    # real invocation does; a fixed width keeps the page the same on every terminal.
    return command.make_context(name, [], parent=parent, resilient_parsing=True, **WIDTH)


def _commands(group: click.Group, ctx: click.Context, prefix: str):
    for name in sorted(group.list_commands(ctx)):
        command = group.get_command(ctx, name)
        sub_ctx = _context(command, name, ctx)
        yield f"{prefix} {name}", command, sub_ctx
        if isinstance(command, click.Group):
            yield from _commands(command, sub_ctx, f"{prefix} {name}")


def reference() -> str:
    ctx = _context(cli, "marsad")
    parts = [
        "# marsad command-line reference",
        "",
        "Generated from the code by `make docs` (`python -m marsad.clidocs`); do not edit.",
        "",
        "```text",
        cli.get_help(ctx),
        "```",
    ]
    for path, command, sub_ctx in _commands(cli, ctx, "marsad"):
        parts += ["", f"## `{path}`", "", "```text", command.get_help(sub_ctx), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
