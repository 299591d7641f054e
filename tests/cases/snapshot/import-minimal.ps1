# import: imports/minimal.json
# A hand-written snapshot of an Exchange 2016 org: permission entries resolve by their SIDs
# (an unknown account becomes a principal, an unknown bare SID stays an orphaned entry),
# references by Guid, canonical name or name, a recipient type exsh does not emulate is left
# out with a warning, the export's own errors are repeated, and the org file is created.
