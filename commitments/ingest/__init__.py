"""Getting documents in: report import, evidence documents, revisions, the first start, the files they write."""
