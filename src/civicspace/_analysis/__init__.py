"""Questions over many records: across cases, across statements, consistency, summaries."""
