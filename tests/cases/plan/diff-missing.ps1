# diff: orgs/sample.json orgs/no-such-org.json
# A missing file is a clear error and exit 1.
