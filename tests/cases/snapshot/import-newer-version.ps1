# import: imports/newer-version.json
# A snapshot from a newer export script is refused before anything else.
