"""Request and response schemas, one module per area; shared building blocks in common."""
