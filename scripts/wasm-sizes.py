#!/usr/bin/env python3
"""Where the release wasm's bytes go, by crate and by function (no twiggy on this machine).

Reads a wasm that still has its `name` section — cargo's output before wasm-bindgen and
wasm-opt, `target/wasm32-unknown-unknown/release/salesdesk.wasm` after `trunk build --release` —
and sums the code section's function bodies by the crate of each demangled name. The gzip column
is each crate's bodies concatenated and gzipped at level 9 alone: an approximation (the real wasm
compresses across crates too), good for ranking, not for adding up exactly.

    python3 scripts/wasm-sizes.py [WASM] [--top N] [--grep TEXT]

`--grep TEXT` lists the functions whose demangled name contains TEXT (with their total), to see
e.g. how many copies of one generic there are.
"""

import argparse
import gzip
import re
import sys
from collections import defaultdict

DEFAULT = "target/wasm32-unknown-unknown/release/salesdesk.wasm"


def leb(data, pos):
    """An unsigned LEB128 at pos: (value, next position)."""
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def sections(data):
    """(id, name of a custom section or None, start, end) of each section."""
    assert data[:4] == b"\0asm", "not a wasm file"
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, pos = leb(data, pos + 1)
        name = None
        if sid == 0:
            nlen, npos = leb(data, pos)
            name = data[npos : npos + nlen].decode()
        yield sid, name, pos, pos + size
        pos += size


def imported_functions(data, start):
    """How many of the import section's entries are functions (they come first in the index space)."""
    count, pos = leb(data, start)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, pos = leb(data, pos)
            pos += n
        kind = data[pos]
        pos += 1
        if kind == 0:  # function: type index
            _, pos = leb(data, pos)
            funcs += 1
        elif kind == 1:  # table: reftype, limits
            pos += 1
            flags, pos = leb(data, pos)
            _, pos = leb(data, pos)
            if flags & 1:
                _, pos = leb(data, pos)
        elif kind == 2:  # memory: limits
            flags, pos = leb(data, pos)
            _, pos = leb(data, pos)
            if flags & 1:
                _, pos = leb(data, pos)
        elif kind == 3:  # global: valtype, mutability
            pos += 2
        elif kind == 4:  # tag
            pos += 1
            _, pos = leb(data, pos)
    return funcs


def function_names(data, start, end):
    """Function index -> name from the name section's subsection 1."""
    nlen, pos = leb(data, start)
    pos += nlen
    names = {}
    while pos < end:
        sub = data[pos]
        size, pos = leb(data, pos + 1)
        if sub == 1:
            count, p = leb(data, pos)
            for _ in range(count):
                idx, p = leb(data, p)
                n, p = leb(data, p)
                names[idx] = data[p : p + n].decode(errors="replace")
                p += n
        pos += size
    return names


def bodies(data, start):
    """(start, end) of each function body in the code section."""
    count, pos = leb(data, start)
    out = []
    for _ in range(count):
        size, pos = leb(data, pos)
        out.append((pos, pos + size))
        pos += size
    return out


ESCAPES = {"$LT$": "<", "$GT$": ">", "$RF$": "&", "$BP$": "*", "$C$": ",", "$u20$": " ",
           "$u27$": "'", "$u5b$": "[", "$u5d$": "]", "$u7b$": "{", "$u7d$": "}", "$u7e$": "~",
           "$u3b$": ";", "$u2b$": "+", "$u22$": '"', "$SP$": "@"}


def demangle(name):
    """Rust's legacy mangling (`_ZN<len><part>…E`) into `a::b::c`, hash dropped; others as they are."""
    if not name.startswith("_ZN"):
        return name
    pos, parts = 3, []
    while pos < len(name) and name[pos].isdigit():
        m = re.match(r"\d+", name[pos:])
        n = int(m.group())
        pos += len(m.group())
        parts.append(name[pos : pos + n])
        pos += n
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    text = "::".join(parts)
    for k, v in ESCAPES.items():
        text = text.replace(k, v)
    text = text.replace("..", "::")
    return re.sub(r"^_<", "<", re.sub(r"::_<", "::<", text))


def crate_of(demangled):
    """The crate a function belongs to: the first path segment, or the Self type's for `<T as Trait>`
    (the trait's when the Self type is a bare generic parameter such as `T` or `&F`)."""
    if demangled.startswith("_R"):
        # Rust's v0 mangling (the precompiled standard library): the first crate root `C…<len><name>`
        m = re.search(r"C(?:s[0-9A-Za-z]*_)?(\d+)", demangled)
        if m:
            start = m.end()
            return demangled[start : start + int(m.group(1))]
    generic = re.match(r"<(?:&(?:mut )?)?[A-Z][A-Za-z0-9]? as ([A-Za-z_][A-Za-z0-9_]*)::", demangled)
    if generic:
        return generic.group(1)
    text = demangled.lstrip("<&*").removeprefix("mut ").removeprefix("dyn ").lstrip("<&*[(")
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", text)
    if not m:
        return "?"
    head = m.group()
    if not demangled.startswith(("<", "_ZN")) and "::" not in demangled:
        # unmangled names: wasm-bindgen shims, C symbols (memcpy, dlmalloc), compiler builtins
        return "(unmangled)"
    if head in ("u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32",
                "f64", "bool", "char", "str"):
        return "core"
    return head


def gz(blob):
    return len(gzip.compress(blob, 9))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wasm", nargs="?", default=DEFAULT)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--grep", action="append", default=[])
    args = ap.parse_args()
    data = open(args.wasm, "rb").read()
    imports, names, code, other = 0, {}, None, defaultdict(int)
    for sid, name, start, end in sections(data):
        if sid == 2:
            imports = imported_functions(data, start)
        elif sid == 10:
            code = bodies(data, start)
        elif sid == 0 and name == "name":
            names = function_names(data, start, end)
        if sid != 10:
            other[name or f"section {sid}"] += end - start
    if not names:
        sys.exit("no name section: use cargo's wasm before wasm-bindgen and wasm-opt")

    per_crate, blobs, funcs = defaultdict(int), defaultdict(list), []
    for i, (s, e) in enumerate(code):
        full = demangle(names.get(imports + i, f"func{imports + i}"))
        crate = crate_of(full)
        per_crate[crate] += e - s
        blobs[crate].append(data[s:e])
        funcs.append((e - s, full))
    total = sum(per_crate.values())
    print(f"{args.wasm}: {len(data)} B; code {total} B in {len(code)} functions, gzip -9 of all bodies {gz(b''.join(data[s:e] for s, e in code))} B")
    for name, size in sorted(other.items(), key=lambda kv: -kv[1]):
        if size > 1000:
            print(f"  {name}: {size} B" + (f" (gzip {gz(data)} B whole file)" if False else ""))
    print(f"\n{'crate':<28}{'bytes':>10}{'%':>7}{'gzip':>10}{'functions':>11}")
    for crate, size in sorted(per_crate.items(), key=lambda kv: -kv[1]):
        if size * 500 < total:
            continue
        print(f"{crate:<28}{size:>10}{100 * size / total:>7.1f}{gz(b''.join(blobs[crate])):>10}{len(blobs[crate]):>11}")
    print(f"\nlargest {args.top} functions")
    for size, full in sorted(funcs, reverse=True)[: args.top]:
        print(f"{size:>9}  {full[:150]}")
    for text in args.grep:
        hits = [(s, f) for s, f in funcs if text in f]
        print(f"\n'{text}': {len(hits)} functions, {sum(s for s, _ in hits)} B")
        for size, full in sorted(hits, reverse=True)[: args.top]:
            print(f"{size:>9}  {full[:150]}")


if __name__ == "__main__":
    main()
