"""The archive stage as pipeline steps: the claims check and Appendix 1 regenerated, the codebook and
datapackage.json, the report."""

from __future__ import annotations

from ..common.steps import Context, Step


def run_claims(ctx: Context) -> dict:
    from ..common.validation import validated_csv
    from ..wars.dataset import read_wars
    from .claims import claims_table
    from .exhibits import appendix1_latex, appendix1_markdown
    from .schema import CLAIMS

    root = ctx.root
    wars = read_wars(root / "data/processed/wars.csv")
    table = claims_table(wars)
    csv = validated_csv(table, CLAIMS)
    counts = table["status"].value_counts().to_dict()
    ctx.log("claims: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    return {root / CLAIMS.path: csv,
            root / "exhibits/appendix1.md": appendix1_markdown(wars).encode(),
            root / "exhibits/appendix1.tex": appendix1_latex(wars).encode()}


def run_codebook(ctx: Context) -> dict:
    from .codebook import codebook_files

    return codebook_files(root=ctx.root, log=ctx.log)


def run_report(ctx: Context) -> dict:
    from .report import render_extended_report, report_files

    files = report_files(root=ctx.root, log=ctx.log)
    if ctx.sample == "extended":
        from ..wars.extension import DEFAULT

        text = render_extended_report(ctx.root, ctx.extension or DEFAULT, ctx.observed_on)
        files[ctx.root / "REPORT_extended.md"] = text.encode()
        ctx.log("report: REPORT_extended.md rendered (the extended sample beside the paper's)")
    return files


STEPS = (
    Step(name="claims",
         description="the paper's claims about its table recomputed; Appendix 1 regenerated (Markdown, LaTeX)",
         inputs=("data/processed/wars.csv",),
         outputs=("data/processed/claims.csv", "exhibits/appendix1.md", "exhibits/appendix1.tex"),
         run=run_claims),
    Step(name="codebook",
         description="schema + processed files -> codebook.md and datapackage.json (every column of every "
                     "processed file)",
         inputs=("data/processed/**/*.csv", "data/corrections/*"),
         outputs=("codebook.md", "datapackage.json"),
         run=run_codebook),
    Step(name="report",
         description="REPORT.md: every table, figure and check in one page",
         inputs=("data/processed/**/*.csv", "figures/*.png", "data/corrections/*"),
         outputs=("REPORT.md", "REPORT_extended.md"),
         run=run_report),
)
