"""The policy library's domain code: nothing here renders a page.

    sourcefiles, structure, validate, safety   reading policy_source/ files, line by line
    models                                     the shapes of the sources (schema models)
    checks                                     rules across fields and files
    loader                                     policy_source/ -> a validated Library
    review                                     which reviews are due or overdue
    inforce                                    which version applied on a given day
    compare                                    clause by clause differences between versions
    layout                                     the pages every policy has; published addresses
    published                                  what has been published (git tags, library.json)
    branch                                     reading and writing the published branch
    links                                      checking every link in built pages (lychee)
    plain_english, schemas, gitdates, dates    readability, editor schemas, dates

`macros/` (the mkdocs-macros layer) and `scripts/` (the commands) both build on this.
"""
