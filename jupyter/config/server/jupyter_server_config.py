# Config of the jupyter_server 2 servers (JupyterLab 4, Notebook 7, nbclassic) that `npm run lab`
# starts: scripts/lab.mjs puts this folder on JUPYTER_CONFIG_PATH, below the user's own config folder,
# whose settings still apply and win. Kernels get their ports outside the ephemeral range
# (lib/pipeline/server_kernel_managers.py).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "lib", "pipeline"))
c.MappingKernelManager.kernel_manager_class = "server_kernel_managers.ServerPortsKernelManager"  # noqa: F821
