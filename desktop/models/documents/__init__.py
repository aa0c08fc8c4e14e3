"""Printed documents: badges and feuilles d'émargement as PDF files (reportlab, no Qt).

Each document has a reader that turns the database into plain frozen records and a writer
that turns those records into a PDF, so that a worker thread can write the file with data
read beforehand on the GUI thread (ARCHITECTURE.md: a worker never gets the connection).
"""
