# diff: orgs/corrupt.json orgs/sample.json
# A file that is not an org file is the store's error naming it, and exit 1.
