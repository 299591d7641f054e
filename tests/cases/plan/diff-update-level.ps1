# diff: orgs/ex2010-ru7.json orgs/ex2010-ru8.json
# The same Exchange 2010 org before and after installing SP3 RU8: no entry changes, but the
# version's rule does: Michelle, with Full Access plus Send on Behalf on Karen, can no longer send
# as her (seed 000).
