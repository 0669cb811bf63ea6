"""The policy guide: a council's policies, from plain text files in git to a searchable,
versioned intranet site (MkDocs with Material for MkDocs).

Four layers, each importing only those beneath it, so data travels one way, from the
sources to the pages readers get:

    tools/       git, link checking, the search index, the browser, folders: no policies
    domain/      the sources read into models and checked; versions, reviews, which version
                 applied when, comparisons, new policies and releases: no HTML
    site/        the MkDocs hook and macros: pages, menu, rendering, feeds, the checks of
                 every page as written
    publishing/  plan, stage, check and commit a publish run; exports; PDFs

cli.py is the one command (`policy-guide`, which the Makefile calls); bench.py times the
build. This file and tools/ import nothing beyond Python's own library at the top, so
`python3 -m policy_guide.tools.browser` runs before any package is installed (.ci/run).
"""
