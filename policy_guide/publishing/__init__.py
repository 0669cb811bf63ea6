"""Publishing: what goes out to readers, and how.

    plan.py           which policy versions a publish run adds, and which it leaves alone
    stage.py          building each new version and the library's home, printing the PDFs,
                      moving each current/, staged on a private index of the branch
    check.py          the branch as it will stand, read back: links, and the search index
    publish.py        the run: the lock, the remote, plan, stage, check, one commit, push
    branch.py         what the published branch holds now
    export.py         the published branch as a plain folder for any web server
    export_public.py  the residents' house rules for the Council's public website
    pdf.py            a version's policy and quick card printed to PDF
"""
