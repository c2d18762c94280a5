//! Nothing here: the models are in `tests/`, and run only under `--cfg loom`.
