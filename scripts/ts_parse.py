"""Parse throughput of tree-sitter-powershell (PyPI) on the given files, in MB/s.

Prints `tree-sitter-powershell files=N bytes=B seconds=S rounds=R mb_per_s=X errors=E`, the same shape
as exsh's `cargo bench --bench parse`. Parsing runs in tree-sitter's C code; the Python loop around it
adds a small fixed cost per file. Used by scripts/bench-scripts.sh.
"""
import sys
import time

import tree_sitter_powershell
from tree_sitter import Language, Parser


def main(paths):
    parser = Parser(Language(tree_sitter_powershell.language()))
    texts = []
    for p in paths:
        data = open(p, "rb").read()
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        texts.append(data)
    total = sum(len(t) for t in texts)
    errors = sum(1 for t in texts if parser.parse(t).root_node.has_error)
    start = time.perf_counter()
    rounds = 0
    while rounds == 0 or time.perf_counter() - start < 2.0:
        for t in texts:
            parser.parse(t)
        rounds += 1
    secs = time.perf_counter() - start
    print(
        f"tree-sitter-powershell files={len(texts)} bytes={total} seconds={secs:.3f} "
        f"rounds={rounds} mb_per_s={total * rounds / secs / 1e6:.2f} errors={errors}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
