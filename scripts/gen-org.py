#!/usr/bin/env python3
"""A big synthetic org for benchmarks: the org file SRC (the sample, as exsh writes it) plus N
clones of Karen's mailbox record (her Inbox\\Projects folder included), each with its own name,
alias, Guid, ExchangeGuid, SID, UPN and address. Used by scripts/bench.sh and bench-grants.sh.
    python3 scripts/gen-org.py seed.json big.json 100000
"""
import json
import sys

src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
org = json.load(open(src))
karen = next(r for r in org["recipients"] if r["alias"] == "karen")
dom, dsid = org["organization"]["domain"], org["organization"]["domainSid"]
base_rid = 100000
for i in range(n):
    r = json.loads(json.dumps(karen))
    alias = "user%06d" % i
    r["name"] = r["displayName"] = "User %06d" % i
    r["alias"] = alias
    r["guid"] = "b16b0000-0000-4000-8000-%012x" % i
    r["exchangeGuid"] = "b16c0000-0000-4000-8000-%012x" % i
    r["sid"] = "%s-%d" % (dsid, base_rid + i)
    r["userPrincipalName"] = r["primarySmtpAddress"] = "%s@%s" % (alias, dom)
    r["emailAddresses"] = ["SMTP:%s@%s" % (alias, dom)]
    org["recipients"].append(r)
org["organization"]["nextRid"] = base_rid + n
json.dump(org, open(dst, "w"), indent=1)
