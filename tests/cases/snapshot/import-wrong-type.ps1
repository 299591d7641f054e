# import: imports/wrong-type.json
# A value of the wrong type names its field.
