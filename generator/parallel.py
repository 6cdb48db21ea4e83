"""Render a build's outputs side by side: the deck, handout and guide on separate cores.

The outputs are independent once the outline is laid out, and the PDFs take most
of a build's time. `side_by_side` wraps the planned outputs' writers: when the
first is called (after `write_outputs` has checked for hand edits), a warm-up
loads what the writers share (libraries, fonts, the template), then the others
start rendering in forked child processes, into memory; each later writer then
copies its child's bytes. The bytes are the same as rendering one after another.
A child that fails is not trusted: its writer runs again in this process, so the
real error is raised here. Where ``os.fork`` is missing, nothing changes.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO

from generator.outputs import PlannedOutput, Writer


class _Children:
    """The forked renderers of outputs 1..n-1, started on the first writer's call."""

    def __init__(self, writers: Sequence[Writer], warm_up: Callable[[], None] | None) -> None:
        self.writers = list(writers)
        self.warm_up = warm_up
        self.started = False
        self.running: dict[int, tuple[int, int]] = {}  # output index -> (pid, read fd)

    def writer(self, index: int) -> Writer:
        def write(target: BinaryIO) -> None:
            if index == 0:
                self.start()
                self.writers[0](target)
                return
            data = self.collect(index)
            if data is None:
                self.writers[index](target)
            else:
                target.write(data)

        return write

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        if self.warm_up is not None:  # done once here, not once in every child
            self.warm_up()
        for index in range(1, len(self.writers)):
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: render, send the bytes, leave without cleanup
                code = 1
                try:
                    os.close(read_fd)
                    buffer = io.BytesIO()
                    self.writers[index](buffer)
                    with os.fdopen(write_fd, "wb") as pipe:
                        pipe.write(buffer.getbuffer())
                    code = 0
                finally:
                    os._exit(code)
            os.close(write_fd)
            self.running[index] = (pid, read_fd)

    def collect(self, index: int) -> bytes | None:
        """Return output ``index`` as its child rendered it, or None if the child failed."""
        if index not in self.running:
            return None
        pid, read_fd = self.running.pop(index)
        with os.fdopen(read_fd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        return data if os.waitstatus_to_exitcode(status) == 0 else None

    def stop(self) -> None:
        """End and reap any child not collected (a writer before it failed)."""
        for pid, read_fd in self.running.values():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.close(read_fd)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        self.running.clear()


@contextlib.contextmanager
def side_by_side(planned: Sequence[PlannedOutput], *, enabled: bool = True,
                 warm_up: Callable[[], None] | None = None) -> Iterator[list[PlannedOutput]]:
    """Yield ``planned`` with writers that render in parallel (when there are several).

    ``warm_up`` runs once before the renderers fork, to load what they all need."""
    if not enabled or len(planned) < 2 or not hasattr(os, "fork"):
        yield list(planned)
        return
    children = _Children([p.write for p in planned], warm_up)
    try:
        yield [PlannedOutput(p.path, children.writer(i)) for i, p in enumerate(planned)]
    finally:
        children.stop()
