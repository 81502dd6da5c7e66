"""Stage 1, the war dataset: the realigned Appendix 1 crossed to COW (wars.csv), the hand coding, the
discrepancies, the alignment check, the validation rules of a war, and the extension of the war list."""
