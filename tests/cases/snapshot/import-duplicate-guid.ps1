# import: imports/duplicate-guid.json
# Two recipients with one Guid.
