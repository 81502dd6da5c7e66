"""Stage 4, the archive: the claims check, Appendix 1 regenerated, the codebook and datapackage.json
(from the whole schema, catalog.py), and REPORT.md."""
