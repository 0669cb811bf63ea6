"""The policy library's domain code, with no MkDocs in it.

    sourcefiles, structure, validate, safety   reading policy_source/ files, line by line
    models                                     the shapes of the sources (schema models)
    checks                                     rules across fields and files
    loader                                     policy_source/ -> a validated Library
    review                                     which reviews are due or overdue
    inforce                                    which version applied on a given day
    compare                                    clause by clause differences between versions
    published                                  what has been published (git tags, the branch)
    publication                                writing versions to the published branch
    dates                                      dates as the guide writes them

`macros/` (the mkdocs-macros layer) and `scripts/` (the commands) both build on this.
"""
