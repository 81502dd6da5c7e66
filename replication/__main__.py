import gc

from .pipeline.cli import main

status = main()
gc.freeze()  # exit without a last collection over every object the libraries made (about 0.3 s)
raise SystemExit(status)
