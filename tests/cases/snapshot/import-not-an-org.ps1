# import: imports/minimal.json
# org: imports/not-an-org.txt
# A file that is not an exsh org file is never replaced (a mistyped --org).
