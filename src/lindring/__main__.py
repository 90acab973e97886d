"""``python -m lindring`` and the ``lindring`` console script: the process around
:func:`lindring.cli.main`.

The start imports typer and lindring's modules, tens of thousands of objects that live
until the process ends: the cyclic garbage collector would walk them again and again
while they are made, and find nothing (several ms of every start, ``bench/startup``).
It is paused for those imports, and what they made is frozen (kept out of its reach);
it runs as usual for what the command then does. At the exit everything still alive is
frozen too, so the interpreter's own last collection does not walk it all (about 10 ms);
the operating system takes the memory back.
"""

import gc


def main() -> None:
    """Run the command line as a process (its exit code is the command's)."""
    gc.disable()
    try:
        from lindring.cli import main as command_line
    finally:
        gc.freeze()
        gc.enable()
    try:
        command_line()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
