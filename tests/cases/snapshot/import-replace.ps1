# import: imports/minimal.json
# org: imports/existing-org.json
# Importing over an existing exsh org file replaces it (atomically; no flag needed).
