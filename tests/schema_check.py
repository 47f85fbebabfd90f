"""The few draft 2020-12 keywords our schemas use, enough to hold a contract in a test
without a JSON Schema library (``$ref`` to ``$defs``, ``anyOf``, ``const``, ``enum``,
``type``, ``pattern``, ``minimum``, ``maximum``, ``required``, ``properties``,
``additionalProperties``, ``items``)."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["schema_errors"]

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "null": (type(None),),
    "boolean": (bool,),
}


def schema_errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any] | None = None, where: str = "$"
) -> list[str]:
    """Every place where ``value`` breaks ``schema`` (``root`` holds the ``$defs``)."""
    root = schema if root is None else root
    if "$ref" in schema:
        ref = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        return schema_errors(value, ref, root, where)
    if "anyOf" in schema:
        if all(schema_errors(value, s, root, where) for s in schema["anyOf"]):
            return [f"{where}: matches none of anyOf"]
        return []
    out = []
    if "const" in schema and value != schema["const"]:
        out.append(f"{where}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not in enum")
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(
            isinstance(value, _TYPES[t])
            and not (t in ("integer", "number") and value is True)
            and not (t in ("integer", "number") and value is False)
            for t in types
        ):
            return [*out, f"{where}: {value!r} is not {types}"]
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{where}: {value!r} does not match {schema['pattern']}")
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and "minimum" in schema and value < schema["minimum"]:
        out.append(f"{where}: {value} < {schema['minimum']}")
    if number and "maximum" in schema and value > schema["maximum"]:
        out.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        out += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                out += schema_errors(item, props[key], root, f"{where}.{key}")
            elif extra is False:
                out.append(f"{where}: unexpected {key}")
            elif isinstance(extra, dict):
                out += schema_errors(item, extra, root, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            out += schema_errors(item, schema["items"], root, f"{where}[{i}]")
    return out
