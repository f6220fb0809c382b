"""The cramp diary's window parts: the Diary tab, its form, list and charts, and the PDF."""
