# import: imports/unknown-trustee.json
# An entry whose user is neither a SID nor an account of the snapshot.
