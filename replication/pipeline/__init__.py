"""The machinery that runs any stage: the registry of steps, the command line, the working copy and its
journaled commit, the cache, the background helpers, `verify` and the run log. No stage imports it."""
