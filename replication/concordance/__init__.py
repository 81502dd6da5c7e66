"""The paper's coding beside independent conflict data (ICB, UCDP), and the candidate wars after 2007."""
