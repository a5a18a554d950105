"""The plumbing of every list and its exports: counting-free pages, sorting headers, the filter
panel's page and the CSV/XLSX downloads."""
