"""One Jupyter kernel process, started quietly, that reports can run on.

A `Kernel` owns a kernel manager, a client and the kernel's output pipe. The kernel's own
log lines ("Kernel is running over TCP without encryption", "KeyboardInterrupt caught in
kernel", debugger notices) are noise for someone running a batch, so the kernel's stdout
and stderr go to a pipe that a thread reads: noise is dropped, anything else (a real
crash, a C library complaining) is forwarded to this process's stderr with the kernel's
pid, and the last lines are kept for the failure message of a report whose kernel died.

All methods must be called from the thread that started the kernel: the client's sockets
belong to that thread's event loop. Only `kill` may be called from another thread.
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kcanalysis.errors import ReportError

#: Kernel output that says nothing to a user.
NOISE = re.compile(
    r"Kernel is running over TCP without encryption"
    r"|KeyboardInterrupt caught in (kernel|CFRunLoop)"
    r"|Debugger warning|frozen modules|PYDEVD_DISABLE_FILE_VALIDATION|Debugging will proceed"
    r"|-Xfrozen_modules=off|^\s*$|^\d+\.\d+s - "
    r"|To connect another client|--existing kernel-|Connection file:"
    r"|\[IPKernelApp\] (WARNING|INFO|DEBUG) \|"
)

#: Passed to every kernel: only errors are logged.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]

#: Where forwarded kernel lines go (replaced by the runner while its progress bar shows).
_echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731


def set_echo(echo: Callable[[str], None] | None) -> None:
    """Send forwarded kernel lines to `echo` (None: back to plain stderr)."""
    global _echo
    _echo = echo or (lambda line: print(line, file=sys.stderr, flush=True))


def echo(line: str) -> None:
    """Print `line` where kernel lines go (above the progress bar while it shows)."""
    _echo(line)


def _quiet_manager_class():
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        """A kernel manager that pipes the kernel's stdout and stderr to us."""

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw["stdout"] = subprocess.PIPE
            kw["stderr"] = subprocess.STDOUT
            kw["stdin"] = subprocess.DEVNULL
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


class KernelDiedError(ReportError):
    """Raised when the kernel process ended while a report was running on it."""


class Kernel:
    """A started kernel: manager, client, pid and a filtered view of its output.

    Parameters
    ----------
    cwd : Path
        The kernel's working folder (the notebooks' folder, as papermill uses).
    warm : bool
        Import pandas, matplotlib, scipy and kcanalysis into the kernel and draw one
        figure, so that reports run on it skip those costs.
    """

    def __init__(self, cwd: Path, warm: bool = False, startup_timeout: float = 60.0):
        from jupyter_core.utils import run_sync

        self.cwd = Path(cwd)
        self.tail: collections.deque[str] = collections.deque(maxlen=20)
        self.killed_by_us = False
        self._run_sync = run_sync
        env = dict(os.environ)
        env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        self.km = _quiet_manager_class()(kernel_name="python3")
        run_sync(self.km.start_kernel)(
            extra_arguments=list(KERNEL_ARGUMENTS), cwd=str(self.cwd), env=env
        )
        proc = self.km.provisioner.process  # type: ignore[union-attr]
        self.pid: int = proc.pid
        self._pump = threading.Thread(
            target=self._read_output, args=(proc.stdout,), name=f"kernel-{self.pid}", daemon=True
        )
        self._pump.start()
        self.kc = self.km.client()
        self.kc.allow_stdin = False
        self.kc.start_channels()
        try:
            run_sync(self.kc.wait_for_ready)(timeout=startup_timeout)
            if warm:
                self.execute_silent(
                    "__import__('kcanalysis.reporting.batch.kernel_side', "
                    "fromlist=['prepare']).prepare()",
                    timeout=startup_timeout,
                )
        except Exception:
            self.shutdown()
            raise

    # ------------------------------------------------------------------ output
    def _read_output(self, stream) -> None:
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip()
            if NOISE.search(line):
                continue
            self.tail.append(line)
            _echo(f"[kernel {self.pid}] {line}")
        stream.close()

    def last_lines(self) -> str:
        """Return the kernel's last non-noise output lines (for error messages)."""
        return "\n".join(self.tail)

    # ------------------------------------------------------------------ state
    def is_alive(self) -> bool:
        """Return whether the kernel process is still running."""
        process = getattr(self.km.provisioner, "process", None)
        return process is not None and process.poll() is None

    def kill(self) -> None:
        """Kill the kernel process at once (safe from any thread)."""
        self.killed_by_us = True
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def shutdown(self) -> None:
        """Stop the client and the kernel process, and remove its connection file."""
        with contextlib.suppress(Exception):  # best effort on a dying kernel
            self.kc.stop_channels()
        try:
            self._run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:  # already gone
            self.kill()
            with contextlib.suppress(Exception):
                self._run_sync(self.km.cleanup_resources)()

    # ------------------------------------------------------------------ code
    def execute_silent(self, code: str, timeout: float = 60.0) -> None:
        """Run `code` without history or output; raise `ReportError` if it fails."""
        self._run_sync(self._execute_silent)(code, timeout)

    async def _execute_silent(self, code: str, timeout: float) -> None:
        from queue import Empty

        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
        deadline = time.monotonic() + timeout
        while True:
            if not self.is_alive():
                raise KernelDiedError(f"The kernel (pid {self.pid}) died.")
            if time.monotonic() > deadline:
                raise ReportError(f"The kernel (pid {self.pid}) did not answer in {timeout:g} s.")
            try:
                reply = await self.kc.get_shell_msg(timeout=0.5)
            except (Empty, TimeoutError):
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        if content.get("status") != "ok":
            raise ReportError(
                f"Preparing the kernel failed with {content.get('ename')}: {content.get('evalue')}."
            )

    def reset(self) -> None:
        """Give the next report a clean kernel: empty namespace, counts from 1, same cwd."""
        self.execute_silent(
            "__import__('kcanalysis.reporting.batch.kernel_side', "
            f"fromlist=['reset']).reset({str(self.cwd)!r})"
        )
