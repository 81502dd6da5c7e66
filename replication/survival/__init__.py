"""Stage 2, time to talks: the survival frame, Kaplan-Meier, Aalen-Johansen, Cox, AFT, log-rank, the
sensitivity analysis, and their figures."""
