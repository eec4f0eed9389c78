"""Kernel managers for the Jupyter servers `npm run lab` starts, whose kernels get ports outside the
ephemeral range (kernel_ports.choose_ports) like the executor's.

A Jupyter server makes one kernel manager per kernel, of the class its MappingKernelManager's
`kernel_manager_class` names; the config files in jupyter/config/ (put on JUPYTER_CONFIG_PATH by
scripts/lab.mjs) name one of these. Each adds only the port choice to the class the server would use
otherwise:
- ServerPortsKernelManager: jupyter_server (JupyterLab 4, Notebook 7, nbclassic), whose default is
  its ServerKernelManager (jupyter_server 2; jupyter_client's AsyncIOLoopKernelManager before).
- ClassicPortsKernelManager: the classic Notebook 6 (notebook.notebookapp), whose default is
  jupyter_client's IOLoopKernelManager.

Ports are chosen once per kernel, at its first start, and kept on a restart: the classic Notebook 6
keeps its channels to the kernel's old ports across a restart, so a kernel restarted on new ports
never answers it (jupyter_client 7, Debian's, calls start_kernel again on a restart; 8 does not).
"""
from jupyter_client.ioloop import IOLoopKernelManager

from kernel_ports import PORT_NAMES, choose_ports

try:
    from jupyter_server.services.kernels.kernelmanager import ServerKernelManager as ServerDefault
except ImportError:  # jupyter_server 1, or none (Debian's Python, which runs only the classic Notebook 6)
    from jupyter_client.ioloop import AsyncIOLoopKernelManager as ServerDefault


class PortsOutsideEphemeralRange:
    """Mixin for a jupyter_client KernelManager class: start_kernel first sets the five ports with
    choose_ports while none is set yet (unchanged where the range cannot be read or the transport is
    not TCP), so a restart keeps them and ports set by config are left alone."""

    def start_kernel(self, *args, **kwargs):
        """Chooses the ports unless some are set already, then starts the kernel as the base class does
        (same arguments); returns what the base's start_kernel returns (a coroutine for the
        asynchronous managers, None for the synchronous ones)."""
        if not any(getattr(self, name) for name in PORT_NAMES):
            choose_ports(self)
        return super().start_kernel(*args, **kwargs)


class ServerPortsKernelManager(PortsOutsideEphemeralRange, ServerDefault):
    """jupyter_server's kernel manager with ports outside the ephemeral range."""


class ClassicPortsKernelManager(PortsOutsideEphemeralRange, IOLoopKernelManager):
    """The classic Notebook 6's kernel manager (IOLoopKernelManager) with ports outside the range."""
