"""The site: what turns the library into pages with MkDocs and Material for MkDocs.

    hook.py, state.py           the MkDocs hook (mkdocs.yml's hooks:) and what a build knows
    templates.py                what the theme overrides call (a second hook)
    macros/, render/            the macros pages call; models -> Markdown and HTML
    layout.py, menu.py          the pages every policy has, addresses; the menu
    safety.py, pagechecks.py,   the allow-list and the checks of every page as written;
    clause_numbers.py, mends.py links' words against their clauses; the theme's mends
    feeds.py                    Atom feeds of published versions
    abbreviations.py            Markdown's abbr, in linear time
    deadline.py                 the time limit on a page
    accessibility.py            the record of the last passing accessibility test run
    plain_english.py            readability of built pages
    mkdocs.py, build.py         starting a MkDocs build; `make build`, all or nothing
"""
