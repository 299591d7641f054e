# exsh-args: --plan --plan-json no-such-folder/plan.json
# The plan JSON cannot be written: the plan is still printed, the error names the file, exit 1.
Set-User -Identity karen -Title 'CEO'
