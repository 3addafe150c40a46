#!/usr/bin/env python3
"""Merge an OpenAPI fragment (paths + components) into docs/api/openapi.json.

Usage: scripts/merge-openapi-fragment.py FRAGMENT.json [...]
Refuses to overwrite an operation or a component that already exists.
"""
import json
import sys

MAIN = "docs/api/openapi.json"


def main() -> int:
    with open(MAIN, encoding="utf-8") as f:
        doc = json.load(f)
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            frag = json.load(f)
        for p, ops in frag.get("paths", {}).items():
            target = doc["paths"].setdefault(p, {})
            for method, op in ops.items():
                if method in target:
                    print(f"{path}: {method.upper()} {p} is already documented", file=sys.stderr)
                    return 1
                target[method] = op
        for kind, items in frag.get("components", {}).items():
            target = doc.setdefault("components", {}).setdefault(kind, {})
            for name, value in items.items():
                if name in target and target[name] != value:
                    print(f"{path}: component {kind}/{name} differs from the existing one", file=sys.stderr)
                    return 1
                target[name] = value
        for tag in frag.get("tags", []):
            if tag not in doc.setdefault("tags", []):
                doc["tags"].append(tag)
    with open(MAIN, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
