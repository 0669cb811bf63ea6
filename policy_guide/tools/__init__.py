"""What the guide uses around its policies, knowing nothing of them: git (git.py), link
checking (linkcheck.py), the search index (search.py), the browser (browser.py), folders
(folders.py), GitHub's command-line tool (github.py) and fault points for tests (faults.py).
Nothing here imports the rest of the package."""
