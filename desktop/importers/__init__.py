"""Turn plan documents (text, docx, pdf, html) into a plain ParsedPlan; no database, no Qt."""
