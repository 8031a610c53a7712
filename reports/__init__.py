"""ReportLab PDF builders: plain data in, bytes out; no Qt, no database."""
