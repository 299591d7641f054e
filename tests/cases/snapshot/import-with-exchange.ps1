# import: imports/minimal.json
# exsh-args: --exchange Exchange2013
# The version comes from the snapshot: --exchange is refused.
