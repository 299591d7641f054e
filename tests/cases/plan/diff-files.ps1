# diff: orgs/sample.json orgs/granted.json
# exsh --diff: the plan between two org files (the script's body is not run).
