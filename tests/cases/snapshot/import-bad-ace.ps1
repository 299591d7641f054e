# import: imports/bad-ace.json
# A permission entry that is not an object.
