# import: imports/dangling-member.json
# A member outside a full snapshot is an error (the export was incomplete).
