"""The policy library's domain: nothing here renders a page.

    sourcefiles, sourcetext   reading files: UTF-8, YAML with line numbers, bounded work, what
                              any source's text may hold
    structure                 sections, clauses and questions found in the Markdown
    models, validate          the shapes of the sources, and plain-English schema messages
    checks, loader            rules across fields and files; policy_source/ -> a Library
    versions, published       version numbers and tags; what has been published
    review, inforce, compare  review dates; which version applied when; two versions compared
    release, scaffold         recording a new version; starting a new policy
    codeowners, schemas       CODEOWNERS and the editors' JSON Schemas, made from the models
    errors, dates             messages for the person who edits a source; dates as the guide
                              writes them
"""
