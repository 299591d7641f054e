# import: imports/partial-member.json
# In a partial snapshot (-Identity, -Filter, -ResultSize) references outside it are left out with a warning.
