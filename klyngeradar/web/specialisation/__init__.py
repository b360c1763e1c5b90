"""Erhvervsstruktur: the region's specialisation by area from Statistics Denmark's employment."""
