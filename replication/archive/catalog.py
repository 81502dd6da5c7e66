"""The whole schema: every stage's tables, in the pipeline's order. The codebook, datapackage.json and
the tests read this one catalogue, so documentation and data cannot drift apart."""

from __future__ import annotations

from ..concordance import schema as concordance_schema
from ..models import schema as models_schema
from ..survival import schema as survival_schema
from ..wars import schema as wars_schema
from . import schema as archive_schema

TABLES = (wars_schema.TABLES + concordance_schema.TABLES + survival_schema.TABLES + models_schema.TABLES
          + archive_schema.TABLES)
ON_DEMAND = (wars_schema.WARS_EXTENDED,)  # documented, written only by `all --sample extended`
