# import: imports/truncated.json
# A cut-off file is not JSON: the parser says where.
