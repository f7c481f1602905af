"""Generate the CLI reference (docs/cli.md) from the commands themselves, so it cannot drift.

    python -m marsad.clidocs > docs/cli.md
"""

from __future__ import annotations

import click

from marsad.cli import cli


def _commands(group: click.Group, ctx: click.Context, prefix: str):
    for name in sorted(group.list_commands(ctx)):
        command = group.get_command(ctx, name)
        sub_ctx = click.Context(command, info_name=name, parent=ctx)
        yield f"{prefix} {name}", command, sub_ctx
        if isinstance(command, click.Group):
            yield from _commands(command, sub_ctx, f"{prefix} {name}")


def reference() -> str:
    ctx = click.Context(cli, info_name="marsad", terminal_width=100, max_content_width=100)
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
        sub_ctx.terminal_width = sub_ctx.max_content_width = 100
        parts += ["", f"## `{path}`", "", "```text", command.get_help(sub_ctx), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
