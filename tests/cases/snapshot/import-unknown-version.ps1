# import: imports/unknown-version.json
# An Exchange version exsh does not emulate.
