# import: imports/no-organization.json
# No organization section.
