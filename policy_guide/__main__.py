"""`python -m policy_guide`: the same command as `policy-guide`."""

from policy_guide.cli import main

main()
