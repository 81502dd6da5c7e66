"""What every stage shares: paths, errors, the schema vocabulary, output formats, the validation engine,
figure writing, and the step contract. It imports no stage and no part of the pipeline."""
