# diff: orgs/granted.json orgs/granted.json
# The same file twice: no changes, exit 0.
