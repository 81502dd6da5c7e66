"""Stage 1a, the raw sources: provenance and checksums, the Appendix 1 lines, the corrections ledger, the
paper's date formats, COW v4.0."""
