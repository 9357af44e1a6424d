"""One router per area; kollega.api.api mounts them under /api/v1."""
