"""Notebook kernels forked from a warmed-up process, for the report runner. A fresh kernel is a
new Python that imports IPython, then pandas, matplotlib and this library before its first
chart: about a second of CPU per notebook, paid three times over for three notebooks on two
cores. Here each runner worker forks its kernel ahead of time from itself, once those modules are
imported in the parent (so the import is paid once and shared copy-on-write); the child waits on
a pipe until jupyter_client asks for a kernel, then runs ``IPKernelApp`` with the very command
line, working folder and environment jupyter_client would have given a new process. Only on
Linux (fork is safe there in a single-threaded process) and only for this Python's own
``ipykernel_launcher`` command; anything else starts the usual way.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

LAUNCHER = "ipykernel_launcher"


def can_fork() -> bool:
    return sys.platform == "linux"


class ForkedKernel:
    """A kernel process forked from this one, waiting for its command line on a pipe. It has
    the parts of ``subprocess.Popen`` that jupyter_client's provisioner uses."""

    stdin = stdout = stderr = None

    def __init__(self) -> None:
        read, write = os.pipe()
        self._write: int | None = write
        pid = os.fork()
        if pid == 0:
            os.close(write)
            _serve(read)
        os.close(read)
        self.pid = pid
        self.returncode: int | None = None

    def start(self, argv: list[str], cwd: str, env: dict[str, str]) -> None:
        launch = {"argv": argv, "cwd": cwd, "env": env}
        write, self._write = self._write, None
        with os.fdopen(write, "w", encoding="utf-8") as pipe:
            json.dump(launch, pipe)

    def close(self) -> None:
        """End the child: an unused one exits when its pipe closes; a started one is killed."""
        if self._write is None:
            self.kill()
        else:
            os.close(self._write)
            self._write = None
        self.wait()

    def poll(self) -> int | None:
        return self._reap(os.WNOHANG)

    def wait(self, timeout: float | None = None) -> int:
        code = self._reap(0)
        assert code is not None  # a blocking wait returns once the child has ended
        return code

    def _reap(self, flags: int) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, flags)
            except ChildProcessError:  # reaped already (SIGCHLD ignored): it has ended
                pid, status = self.pid, 0
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def _serve(read: int) -> None:
    """The child: its own session (so the kernel's process group is its own, as a launched
    kernel's is), then wait for the launch and run the kernel; never returns."""
    code = 1
    try:
        os.setsid()
        with os.fdopen(read, encoding="utf-8") as pipe:
            data = pipe.read()
        if not data:  # never asked for
            os._exit(0)
        launch = json.loads(data)
        stdin = os.open(os.devnull, os.O_RDONLY)
        os.dup2(stdin, 0)
        os.chdir(launch["cwd"])
        os.environ.clear()
        os.environ.update(launch["env"])
        # matplotlib, imported before the kernel chose its inline backend, takes it now as it
        # would have on import in a new kernel
        backend = os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        if "matplotlib" in sys.modules:
            sys.modules["matplotlib"].rcParams["backend"] = backend
        from ipykernel.kernelapp import IPKernelApp

        IPKernelApp.launch_instance(argv=launch["argv"])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


# the child the next kernel start in this process takes (one notebook at a time per worker)
_waiting: ForkedKernel | None = None


def preload(modules: Sequence[str] = ()) -> None:
    """Import the kernel and ``modules`` here, for every kernel forked from this process."""
    for module in ("ipykernel.kernelapp", *modules):
        importlib.import_module(module)


def fork_kernel(modules: Sequence[str] = ()) -> ForkedKernel:
    """Fork this process's next kernel now, with ``modules`` imported (already, when this
    process was forked from one that preloaded them). Call it before any thread or event loop
    starts."""
    global _waiting
    preload(modules)
    _waiting = ForkedKernel()
    return _waiting


def _own_launcher(cmd: list[str]) -> list[str] | None:
    """The kernel's own arguments when ``cmd`` runs this Python's ipykernel launcher."""
    if LAUNCHER not in cmd or cmd[cmd.index(LAUNCHER) - 1] != "-m":
        return None
    python = shutil.which(cmd[0])
    if python is None or Path(python).resolve() != Path(sys.executable).resolve():
        return None
    return cmd[cmd.index(LAUNCHER) + 1 :]


class ForkedProvisioner(LocalProvisioner):
    """Starts the waiting forked kernel instead of a new process when there is one."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> dict:
        global _waiting
        argv = _own_launcher(cmd)
        if _waiting is None or argv is None:
            return await super().launch_kernel(cmd, **kwargs)
        child, _waiting = _waiting, None
        env = dict(kwargs.get("env") or os.environ)
        # the kernel ends if its worker dies (set on the command line too: the kernel app read
        # the variable when it was imported, before this)
        env["JPY_PARENT_PID"] = str(os.getpid())
        argv = [*argv, f"--IPKernelApp.parent_handle={os.getpid()}"]
        self.cwd = str(kwargs.get("cwd") or Path.cwd())
        child.start(argv, self.cwd, env)
        self.process = child  # type: ignore[assignment]
        self.pid = self.pgid = child.pid  # the child leads its own session
        return self.connection_info


class ForkedKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` whose kernels come from ``fork_kernel`` when one waits."""

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        if self.provisioner is None:
            self.provisioner = ForkedProvisioner(
                kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self
            )
        return await super()._async_pre_start_kernel(**kw)
