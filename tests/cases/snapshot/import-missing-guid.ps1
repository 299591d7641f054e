# import: imports/missing-guid.json
# A recipient without its Guid: refused, naming the recipient and the field; no org file is written.
