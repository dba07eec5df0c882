"""Reading a page's blocks as they are stored, without turning them into block values.

Turning a stream into values fetches each video's document and still: a query per page wherever many
lessons are listed or counted (the library, the reports, a course's completion). What those places
need (ids, titles, question texts, caption languages) is plain data in the stored JSON.
"""


def stored_blocks(stream, block_types) -> list[tuple[str, dict]]:
    """(block id, stored value) of each top-level block of these types, in page order."""
    return [
        (block.get("id", ""), block.get("value") or {}) for block in stream.raw_data if block["type"] in block_types
    ]


def stored_value(stream, block_id: str) -> dict | None:
    """The stored value of the top-level block with this id, or None when the page has no such block."""
    return next((block.get("value") or {} for block in stream.raw_data if block.get("id") == block_id), None)


def stored_items(raw_list) -> list[dict]:
    """A ListBlock's stored items, in its newer ({"type": "item", "value": ...}) or older form."""
    return [item["value"] if isinstance(item, dict) and "value" in item else item for item in raw_list or []]
