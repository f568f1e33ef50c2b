"""Staff work in the admin: upload with preview, progress updates with evidence, the lag list."""
