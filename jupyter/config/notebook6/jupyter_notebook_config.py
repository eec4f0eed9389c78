# Config of the classic Notebook 6 server that `npm run lab -- --classic` starts where nbclassic is
# missing (Debian's jupyter-notebook): as jupyter/config/server/jupyter_server_config.py, for
# notebook.notebookapp's own kernel manager. In a folder of its own because Notebook 7 reads
# jupyter_notebook_config files too.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "lib", "pipeline"))
c.MappingKernelManager.kernel_manager_class = "server_kernel_managers.ClassicPortsKernelManager"  # noqa: F821
